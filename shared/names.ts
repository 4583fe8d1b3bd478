import { PlannerError, invalid, type ErrorCode } from "./errors.js";
import { LEVELS, LOCATIONS, ROLES, type Level, type Location, type Role } from "./data/roles.js";
import type { WorkspaceData, WorkspaceLevel, WorkspaceLocation } from "./workspace-types.js";

/** Lower-case letters and digits only: "AI/ML  Engineer" and "ai-ml engineer" share the key "aimlengineer". */
export function nameKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** A case-, space- and punctuation-insensitive index from names and aliases to entries. */
export class NameIndex<T> {
  private readonly byKey = new Map<string, T>();
  private readonly entries: { key: string; name: string }[] = [];

  /**
   * `options.closeTo`: suggest only names scoring within this much of the closest one, for a set
   * of many similar names ("… rate") where one clear match should not bring its neighbours along.
   */
  constructor(
    private readonly kind: string,
    private readonly code: ErrorCode,
    items: readonly T[],
    nameOf: (item: T) => string,
    namesOf: (item: T) => readonly string[],
    private readonly options: { closeTo?: number } = {},
  ) {
    for (const item of items) {
      for (const n of [nameOf(item), ...namesOf(item)]) {
        const key = nameKey(n);
        if (!key || this.byKey.has(key)) continue;
        this.byKey.set(key, item);
        this.entries.push({ key, name: nameOf(item) });
      }
    }
  }

  /** Exact texts already looked up: a sheet asks for the same few names thousands of times. */
  private readonly seen = new Map<string, T | undefined>();

  find(text: string): T | undefined {
    if (this.seen.has(text)) return this.seen.get(text);
    const key = nameKey(text);
    const found =
      this.byKey.get(key) ?? (key.endsWith("s") ? this.byKey.get(key.slice(0, -1)) : undefined);
    if (this.seen.size < 10_000) this.seen.set(text, found);
    return found;
  }

  resolve(text: string, field: string): T {
    const found = this.find(text);
    if (found !== undefined) return found;
    const suggestions = this.suggest(text);
    const known = this.names();
    const hint = suggestions.length
      ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?`
      : known.length <= 20
        ? ` Known ${this.kind}s: ${known.join(", ")}.`
        : "";
    throw new PlannerError(this.code, `Unknown ${this.kind} "${text}".${hint}`, {
      field,
      suggestions,
    });
  }

  /** Up to `limit` canonical names closest to the text: containment first, then edit distance. */
  suggest(text: string, limit = 3): string[] {
    const key = nameKey(text);
    const scored = new Map<string, number>();
    for (const e of this.entries) {
      const contains = key.length >= 2 && (e.key.includes(key) || key.includes(e.key));
      // The distance is at least the difference in length: skip names that cannot come close
      // (this also keeps a pasted paragraph from costing an edit-distance table per name).
      if (
        !contains &&
        Math.abs(key.length - e.key.length) / Math.max(key.length, e.key.length, 1) >= 0.6
      )
        continue;
      let score = editDistance(key, e.key) / Math.max(key.length, e.key.length, 1);
      if (contains) score -= 1;
      const prev = scored.get(e.name);
      if (prev === undefined || score < prev) scored.set(e.name, score);
    }
    const ranked = [...scored.entries()]
      .filter(([, s]) => s < 0.6)
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    const { closeTo } = this.options;
    const best = ranked[0]?.[1] ?? 0;
    return ranked
      .filter(([, s]) => closeTo === undefined || s <= best + closeTo)
      .slice(0, limit)
      .map(([name]) => name);
  }

  names(): string[] {
    return [...new Set(this.entries.map((e) => e.name))];
  }
}

/** Edit distance counting a swap of two neighbouring letters as one edit ("Mdi" is one from "Mid"). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      cur[j] = d;
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

export const roleIndex = new NameIndex<Role>(
  "role",
  "UNKNOWN_ROLE",
  ROLES,
  (r) => r.name,
  (r) => [r.id, ...r.aliases],
);
export const levelIndex = new NameIndex<Level>(
  "level",
  "UNKNOWN_LEVEL",
  LEVELS,
  (l) => l.name,
  (l) => [l.id, ...l.aliases],
);
export const locationIndex = new NameIndex<Location>(
  "location",
  "UNKNOWN_LOCATION",
  LOCATIONS,
  (l) => l.name,
  (l) => [l.id, ...l.aliases],
);

export function resolveRole(text: unknown, field = "role"): Role {
  if (typeof text !== "string" || !text.trim())
    throw invalid(
      field,
      `a role name is required, e.g. "ML Engineer"; known roles: ${roleIndex.names().join(", ")}`,
    );
  return roleIndex.resolve(text, field);
}

const YEARS =
  /^\s*(\d+(?:\.\d+)?)\s*(?:\+|y|yr|yrs|year|years)?(?:\s+(?:of\s+)?(?:experience|exp))?\s*$/i;

/** A workspace's own level (e.g. Staff): named like a seed level, priced only by the workspace's bands. */
export interface WorkspaceLevelEntry {
  id: string;
  name: string;
  aliases: string[];
  workspace: true;
}
export type ResolvedLevel = Level | WorkspaceLevelEntry;

/** A workspace's own location: the seeds' US range × its factor, unless a workspace band states it. */
export interface WorkspaceLocationEntry {
  id: string;
  name: string;
  currency: string;
  costOfLivingIndex: null;
  aliases: string[];
  source: null;
  factor: number;
  workspace: true;
}
export type ResolvedLocation = Location | WorkspaceLocationEntry;

export function isWorkspaceEntry<T extends object>(
  entry: T,
): entry is Extract<T, { workspace: true }> {
  return "workspace" in entry && (entry as { workspace?: unknown }).workspace === true;
}

/**
 * The seeds' names plus a workspace's own, in one index per workspace list (built once per list):
 * seed names come first, so a workspace entry can never shadow one.
 */
function withWorkspace<W, T>(
  cache: WeakMap<readonly W[], NameIndex<T>>,
  base: NameIndex<T>,
  list: readonly W[] | undefined,
  build: (list: readonly W[]) => NameIndex<T>,
): NameIndex<T> {
  if (!list?.length) return base;
  let index = cache.get(list);
  if (!index) {
    index = build(list);
    cache.set(list, index);
  }
  return index;
}

const levelIndexes = new WeakMap<readonly WorkspaceLevel[], NameIndex<ResolvedLevel>>();
const locationIndexes = new WeakMap<readonly WorkspaceLocation[], NameIndex<ResolvedLocation>>();

function workspaceLevel(l: WorkspaceLevel): WorkspaceLevelEntry {
  return {
    id: `workspace:${nameKey(l.name)}`,
    name: l.name,
    aliases: [...(l.aliases ?? [])],
    workspace: true,
  };
}

function workspaceLocation(l: WorkspaceLocation): WorkspaceLocationEntry {
  return {
    id: `workspace:${nameKey(l.name)}`,
    name: l.name,
    currency: l.currency ?? "USD",
    costOfLivingIndex: null,
    aliases: [...(l.aliases ?? [])],
    source: null,
    factor: l.factor,
    workspace: true,
  };
}

function levelsOf(options: WorkspaceData): NameIndex<ResolvedLevel> {
  return withWorkspace(levelIndexes, levelIndex, options.levels, (list) => {
    const all: ResolvedLevel[] = [...LEVELS, ...list.map(workspaceLevel)];
    return new NameIndex<ResolvedLevel>(
      "level",
      "UNKNOWN_LEVEL",
      all,
      (l) => l.name,
      (l) => [l.id, ...l.aliases],
    );
  });
}

function locationsOf(options: WorkspaceData): NameIndex<ResolvedLocation> {
  return withWorkspace(locationIndexes, locationIndex, options.locations, (list) => {
    const all: ResolvedLocation[] = [...LOCATIONS, ...list.map(workspaceLocation)];
    return new NameIndex<ResolvedLocation>(
      "location",
      "UNKNOWN_LOCATION",
      all,
      (l) => l.name,
      (l) => [l.id, ...l.aliases],
    );
  });
}

/**
 * A level by name ("Mid", "Sr", "Junior", or a workspace's own such as "Staff") or by years of
 * experience (a number, "4", "6 years"; the seeds' levels only).
 */
export function resolveLevel(
  text: unknown,
  field = "level",
  options: WorkspaceData = {},
): ResolvedLevel {
  if (typeof text === "number") return levelForYears(text, field);
  if (typeof text !== "string" || !text.trim())
    throw invalid(
      field,
      `a level is required: ${levelsOf(options).names().join(", ")} (or years of experience)`,
    );
  const years = YEARS.exec(text);
  if (years) return levelForYears(Number(years[1]), field);
  return levelsOf(options).resolve(text, field);
}

export function levelForYears(years: number, field = "level"): Level {
  if (!Number.isFinite(years) || years < 0 || years > 70) {
    throw invalid(field, `years of experience must be a number from 0 to 70, got ${String(years)}`);
  }
  return LEVELS.find((l) => years >= l.minYears && (l.maxYears === null || years < l.maxYears))!;
}

const US = LOCATIONS.find((l) => l.id === "us")!;

/** A location by name or alias (a workspace's own too); blank means the US as a whole (the seeds' national figures). */
export function resolveLocation(
  text: unknown,
  field = "location",
  options: WorkspaceData = {},
): ResolvedLocation {
  if (text === undefined || text === null || (typeof text === "string" && !text.trim())) return US;
  if (typeof text !== "string")
    throw invalid(field, `a location name is expected, e.g. "Austin" or "SF"`);
  return locationsOf(options).resolve(text, field);
}

/** Parses a fixed set of words case-insensitively, with a suggestion on a miss. */
export function resolveChoice<T extends string>(
  text: unknown,
  choices: readonly T[],
  field: string,
  fallback?: T,
): T {
  if ((text === undefined || text === null || text === "") && fallback !== undefined)
    return fallback;
  const key = typeof text === "string" ? nameKey(text) : "";
  const hit = choices.find((c) => nameKey(c) === key);
  if (hit) return hit;
  throw invalid(
    field,
    `expected one of ${choices.map((c) => `"${c}"`).join(", ")}, got ${JSON.stringify(text)}`,
  );
}
