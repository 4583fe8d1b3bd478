/**
 * A workspace's own reference data besides its bands: levels the seeds do not list (Staff),
 * locations priced by a geo factor against the seeds' US range (Denver 0.95), and FX rates with
 * the date they are as of. The core resolves names and salaries with them (SalaryOptions); every
 * answer that uses one says provenance "workspace" and how. The checks here are what an upload
 * (API or sheet) runs on each row, so a bad row is refused naming its field and the fix.
 */
import { checkNumber } from "./check-number.js";
import { invalid } from "./errors.js";
import { levelIndex, locationIndex, nameKey } from "./names.js";

export type {
  FxRate,
  WorkspaceData,
  WorkspaceLevel,
  WorkspaceLocation,
} from "./workspace-types.js";
import type { FxRate, WorkspaceLevel, WorkspaceLocation } from "./workspace-types.js";

export const WORKSPACE_LIMITS = {
  maxNameLength: 60,
  minFactor: 0.1,
  maxFactor: 5,
  maxPerUsd: 1_000_000,
};

function record(raw: unknown, field: string, shape: string): Record<string, unknown> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw invalid(field, `must be an object ${shape}`);
  return raw as Record<string, unknown>;
}

function name(value: unknown, field: string, example: string): string {
  if (typeof value !== "string" || !value.trim())
    throw invalid(field, `is required: a name such as "${example}"`);
  const text = value.trim();
  if (text.length > WORKSPACE_LIMITS.maxNameLength)
    throw invalid(field, `must be at most ${WORKSPACE_LIMITS.maxNameLength} characters`);
  if (!nameKey(text)) throw invalid(field, `must contain a letter or digit, got "${text}"`);
  return text;
}

function aliases(value: unknown, field: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid(field, "must be a list of other names");
  return value.map((a, i) => name(a, `${field}[${i}]`, "Principal"));
}

const CURRENCY = /^[A-Z]{3}$/;
const AS_OF = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function checkCurrencyCode(value: unknown, field: string): string {
  const code = typeof value === "string" ? value.trim().toUpperCase() : "";
  if (!CURRENCY.test(code))
    throw invalid(
      field,
      `must be a three-letter currency code such as "EUR", got ${JSON.stringify(value)}`,
    );
  return code;
}

/** One workspace level; a name the seeds already use is refused (it would never be reached). */
export function checkWorkspaceLevel(raw: unknown, field = "level"): WorkspaceLevel {
  const v = record(raw, field, '{ name, aliases? }, e.g. { "name": "Staff" }');
  const level: WorkspaceLevel = { name: name(v["name"], `${field}.name`, "Staff") };
  const other = aliases(v["aliases"], `${field}.aliases`);
  if (other?.length) level.aliases = other;
  for (const n of [level.name, ...(level.aliases ?? [])]) {
    const seed = levelIndex.find(n);
    if (seed)
      throw invalid(
        `${field}.name`,
        `"${n}" is already the seeds' ${seed.name} level; give the workspace level a name of its own`,
      );
  }
  return level;
}

/** One workspace location: a name the seeds do not use and a factor against the US range. */
export function checkWorkspaceLocation(raw: unknown, field = "location"): WorkspaceLocation {
  const v = record(
    raw,
    field,
    '{ name, factor, aliases?, currency? }, e.g. { "name": "Denver, CO", "factor": 0.95 }',
  );
  const location: WorkspaceLocation = {
    name: name(v["name"], `${field}.name`, "Denver, CO"),
    factor: checkNumber(v["factor"], `${field}.factor`, {
      min: WORKSPACE_LIMITS.minFactor,
      max: WORKSPACE_LIMITS.maxFactor,
    }),
  };
  const other = aliases(v["aliases"], `${field}.aliases`);
  if (other?.length) location.aliases = other;
  if (v["currency"] !== undefined && v["currency"] !== null && v["currency"] !== "")
    location.currency = checkCurrencyCode(v["currency"], `${field}.currency`);
  for (const n of [location.name, ...(location.aliases ?? [])]) {
    const seed = locationIndex.find(n);
    if (seed)
      throw invalid(
        `${field}.name`,
        `"${n}" is already the seeds' location ${seed.name}; give the workspace location a name of its own`,
      );
  }
  return location;
}

/** One FX rate: a currency code, units per US dollar, and the date it is as of. */
export function checkFxRate(raw: unknown, field = "fx"): FxRate {
  const v = record(
    raw,
    field,
    '{ currency, perUsd, asOf }, e.g. { "currency": "EUR", "perUsd": 0.92, "asOf": "2026-03-31" }',
  );
  const currency = checkCurrencyCode(v["currency"], `${field}.currency`);
  if (currency === "USD")
    throw invalid(
      `${field}.currency`,
      "USD is the base every rate is against; give another currency",
    );
  const asOf = typeof v["asOf"] === "string" ? v["asOf"].trim() : "";
  if (!AS_OF.test(asOf))
    throw invalid(
      `${field}.asOf`,
      `must be the date the rate is as of, "YYYY-MM-DD" such as "2026-03-31", got ${JSON.stringify(v["asOf"])}`,
    );
  return {
    currency,
    perUsd: checkNumber(v["perUsd"], `${field}.perUsd`, {
      min: 0,
      minExclusive: true,
      max: WORKSPACE_LIMITS.maxPerUsd,
    }),
    asOf,
  };
}

/** The workspace's rate for a currency (the latest as-of date where several are given). */
export function fxRateFor(fx: readonly FxRate[] | undefined, currency: string): FxRate | undefined {
  let best: FxRate | undefined;
  for (const r of fx ?? []) if (r.currency === currency && (!best || r.asOf > best.asOf)) best = r;
  return best;
}
