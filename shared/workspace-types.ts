/** The shapes of a workspace's own reference data (shared/workspace-data.ts checks and prices them; shared/names.ts resolves their names). */

/** A level a workspace adds to the seeds' Entry, Mid and Senior. It has salaries only where a workspace band gives them. */
export interface WorkspaceLevel {
  name: string;
  aliases?: readonly string[];
}

/** A place the seeds do not cover: the seeds' US range × factor (and the workspace's bands there). */
export interface WorkspaceLocation {
  name: string;
  aliases?: readonly string[];
  /** Against the US range: 0.95 pays 95% of the US figure. */
  factor: number;
  /** The currency answers for this place default to (converted by the workspace's FX rates); USD if left out. */
  currency?: string;
}

/** How many units of `currency` one US dollar buys, as of a date ("YYYY-MM-DD"). */
export interface FxRate {
  currency: string;
  perUsd: number;
  asOf: string;
}

export interface WorkspaceData {
  levels?: readonly WorkspaceLevel[];
  locations?: readonly WorkspaceLocation[];
  fx?: readonly FxRate[];
}
