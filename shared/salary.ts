import { PlannerError, invalid } from "./errors.js";
import { CURRENCIES, type Provenance } from "./vocabulary.js";
import { LEVELS, type Role } from "./data/roles.js";
import {
  BASE_SALARIES,
  BASES,
  EQUITY_SHARES,
  LOCATION_SALARIES,
  MARKET_SALARIES,
  ROLE_WIDE_RANGES,
  TOTAL_COMPENSATION,
  type Basis,
  type Currency,
  type StatedRange,
} from "./data/salaries.js";
import { citation, type Source } from "./data/sources.js";
import { toCents, type Cents } from "./money.js";
import {
  isWorkspaceEntry,
  resolveChoice,
  resolveLevel,
  resolveLocation,
  resolveRole,
  type ResolvedLevel,
  type ResolvedLocation,
} from "./names.js";
import { fxRateFor, type WorkspaceData } from "./workspace-data.js";

export { CURRENCIES };

export interface SalaryQuery {
  role: unknown;
  level: unknown;
  location?: unknown;
  basis?: unknown;
  currency?: unknown;
}

/** A workspace's own compensation band; takes precedence over the seeds where it matches exactly. */
export interface WorkspaceBand {
  role: string;
  level: string;
  location: string;
  basis: Basis;
  currency: Currency;
  /** Whole or fractional currency units. */
  low: number;
  high: number;
}

export type { Provenance };

export interface SalaryRange {
  role: string;
  roleId: string;
  level: string;
  levelId: string;
  location: string;
  locationId: string;
  basis: Basis;
  /** USD or GBP from the seeds; any other code through a workspace FX rate. */
  currency: string;
  year: number;
  low: Cents;
  mid: Cents;
  high: Cents;
  provenance: Provenance;
  /** True when the figure is computed from other figures rather than stated for this cell. */
  derived: boolean;
  /** How a derived figure was computed, or how the mid was taken. */
  method: string;
  sources: Source[];
  openEnded: boolean;
  notes: string[];
}

/**
 * What the core prices with besides the seeds: a workspace's bands, levels, locations and FX rates.
 * Every function that resolves a name or a salary takes it.
 */
export interface SalaryOptions extends WorkspaceData {
  bands?: readonly WorkspaceBand[];
}

/** Any workspace data at all: answers are then computed per call rather than from the seed cache. */
function hasWorkspaceData(o: SalaryOptions): boolean {
  return Boolean(o.bands?.length || o.levels?.length || o.locations?.length || o.fx?.length);
}

const key = (basis: Basis, role: string, level: string, location: string, currency: string) =>
  `${basis}|${role}|${level}|${location}|${currency}`;

const STATED = new Map<string, StatedRange>();
for (const r of [...BASE_SALARIES, ...TOTAL_COMPENSATION, ...MARKET_SALARIES])
  STATED.set(key(r.basis, r.role, r.level, r.location, r.currency), r);
// The location table states salaries, not total compensation: it answers `base` and `market`.
for (const r of LOCATION_SALARIES) {
  STATED.set(key("base", r.role, r.level, r.location, r.currency), r);
  STATED.set(key("market", r.role, r.level, r.location, r.currency), { ...r, basis: "market" });
}

const TABLE_ROLES = ["ml-engineer", "data-scientist"] as const;

/** The seed-implied pound: London's four GBP cells against the USD equivalents the seed prints beside them. */
const londonCells = LOCATION_SALARIES.filter((r) => r.location === "london");
const gbpTotal = londonCells
  .filter((r) => r.currency === "GBP")
  .reduce((s, r) => s + r.low + r.high, 0);
const usdTotal = londonCells
  .filter((r) => r.currency === "USD")
  .reduce((s, r) => s + r.low + r.high, 0);
export const GBP_PER_USD = gbpTotal / usdTotal;
export const GBP_PER_USD_METHOD = `£${gbpTotal / 1000}K ÷ $${usdTotal / 1000}K: the sum of London's GBP figures over the sum of the USD equivalents the location table prints beside them`;

export interface LocationFactor {
  location: string;
  /** Factor per table role (ML Engineer, Data Scientist) and their mean for every other role. */
  byRole: Record<string, number>;
  average: number;
  method: string;
}

const midpoint = (r: { low: number; high: number }) => (r.low + r.high) / 2;

/**
 * Location factors from 002's location table: a location's mid-level midpoint divided by the
 * same role's mid-level US base midpoint (000). A role the table lists uses its own factor;
 * every other role uses the mean of the two.
 */
function computeFactors(): Map<string, LocationFactor> {
  const factors = new Map<string, LocationFactor>();
  const locations = new Set(LOCATION_SALARIES.map((r) => r.location));
  for (const location of locations) {
    const byRole: Record<string, number> = {};
    for (const role of TABLE_ROLES) {
      const there = STATED.get(key("base", role, "mid", location, "USD"))!;
      const us = STATED.get(key("base", role, "mid", "us", "USD"))!;
      byRole[role] = midpoint(there) / midpoint(us);
    }
    const values = Object.values(byRole);
    const average = values.reduce((a, b) => a + b, 0) / values.length;
    factors.set(location, {
      location,
      byRole,
      average,
      method:
        "location table mid-level midpoint ÷ US base mid-level midpoint (ML Engineer and Data Scientist; other roles use their mean)",
    });
  }
  return factors;
}

export const LOCATION_FACTORS = computeFactors();

function roundUnits(units: number): number {
  return Math.round(units);
}

function bandMatch(
  bands: readonly WorkspaceBand[] | undefined,
  role: Role,
  level: ResolvedLevel,
  locationName: string,
  basis: Basis,
  currency: string,
) {
  if (!bands?.length) return undefined;
  return bands.find(
    (b) =>
      b.role === role.name &&
      b.level === level.name &&
      b.location === locationName &&
      b.basis === basis &&
      b.currency === currency,
  );
}

/** What the seeds hold for each role, worked out once (a sheet asks again for every cell). */
const availableByRole = new Map<string, readonly string[]>();

export function availableFor(role: Role): string[] {
  let lines = availableByRole.get(role.id);
  if (!lines) {
    lines = listAvailable(role);
    availableByRole.set(role.id, lines);
  }
  return [...lines];
}

function listAvailable(role: Role): string[] {
  const lines: string[] = [];
  for (const basis of BASES) {
    const levels = LEVELS.filter((l) => STATED.has(key(basis, role.id, l.id, "us", "USD"))).map(
      (l) => l.name,
    );
    if (levels.length) lines.push(`${basis}: ${levels.join(", ")}`);
  }
  for (const w of ROLE_WIDE_RANGES.filter((r) => r.role === role.id)) {
    const unit = w.unit === "hour" ? "/hour" : "";
    const fmt = (n: number) => (w.unit === "hour" ? `$${n}` : `$${n / 1000}K`);
    lines.push(
      `role-wide only: ${fmt(w.low)}–${fmt(w.high)}${w.openEnded ? "+" : ""}${unit} (${citation(w.source, false)})`,
    );
  }
  return lines;
}

function noData(
  role: Role,
  level: ResolvedLevel,
  location: ResolvedLocation,
  basis: Basis,
): PlannerError {
  if (isWorkspaceEntry(level))
    return new PlannerError(
      "NO_DATA",
      `No ${basis} salary data for ${role.name} at ${level.name} level in ${location.name}: ${level.name} is your workspace's own level, and only a workspace band gives it salaries (the seeds list Entry, Mid and Senior). Upload a ${basis} band for ${role.name} / ${level.name} / ${location.name}, or one for the US that each location's factor scales.`,
      { field: "level", available: [] },
    );
  const available = availableFor(role);
  const what = available.length
    ? ` The seeds hold: ${available.join("; ")}.`
    : " The seeds give no salary figure for this role (a profile only).";
  return new PlannerError(
    "NO_DATA",
    `No ${basis} salary data for ${role.name} at ${level.name} level.${what}`,
    { field: available.length ? "level" : "role", available },
  );
}

/** Answers for seed-only lookups, keyed by canonical cell: a sheet asks for the same cells over and over. */
const seedAnswers = new Map<string, SalaryRange>();

/** Low / mid / high for a role, level, location, basis and currency, with where each figure comes from. */
export function salaryRange(query: SalaryQuery, options: SalaryOptions = {}): SalaryRange {
  const role = resolveRole(query.role);
  const level = resolveLevel(query.level, "level", options);
  const location = resolveLocation(query.location, "location", options);
  const basis = resolveChoice<Basis>(query.basis, BASES, "basis", "base");
  const currencies = [...CURRENCIES, ...(options.fx ?? []).map((r) => r.currency)];
  const currency = resolveChoice<string>(
    typeof query.currency === "string" ? query.currency.toUpperCase() : query.currency,
    [...new Set(currencies)],
    "currency",
    location.currency,
  );
  if (hasWorkspaceData(options))
    return computeSalaryRange(role, level, location, basis, currency, options);
  const cacheKey = key(basis, role.id, level.id, location.id, currency);
  let answer = seedAnswers.get(cacheKey);
  if (!answer) {
    answer = computeSalaryRange(role, level, location, basis, currency, options);
    seedAnswers.set(cacheKey, answer);
  }
  // A fresh top level and lists, so a caller that edits its answer cannot change the next one.
  return { ...answer, sources: [...answer.sources], notes: [...answer.notes] };
}

function computeSalaryRange(
  role: Role,
  level: ResolvedLevel,
  location: ResolvedLocation,
  basis: Basis,
  currency: string,
  options: SalaryOptions,
): SalaryRange {
  const range = statedOrDerived(role, level, location, basis, currency, options);
  const conflict = seedConflict(range, role, level, location, currency);
  if (conflict) range.notes.push(conflict);
  return range;
}

const dollars = (cents: Cents, currency: string) =>
  `${currency === "GBP" ? "£" : "$"}${String(Math.round(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
const span = (r: SalaryRange) => `${dollars(r.low, r.currency)}–${dollars(r.high, r.currency)}`;
const quoted = (r: SalaryRange) => {
  const s = r.sources[0];
  return s ? ` (${citation(s)})` : "";
};

/**
 * Where the seeds contradict each other for a cell: 002's total compensation (which "includes base
 * salary + bonus + equity") below 000's base salary for the same role, level and location. Both
 * figures stay as stated; the answer for either basis says so, quoting both.
 */
function seedConflict(
  range: SalaryRange,
  role: Role,
  level: ResolvedLevel,
  location: ResolvedLocation,
  currency: string,
): string | undefined {
  if (range.provenance === "workspace" || range.basis === "market") return undefined;
  let other: SalaryRange;
  try {
    other = statedOrDerived(
      role,
      level,
      location,
      range.basis === "base" ? "total" : "base",
      currency,
      {},
    );
  } catch (e) {
    if (e instanceof PlannerError) return undefined;
    throw e;
  }
  const [base, total] = range.basis === "base" ? [range, other] : [other, range];
  if (total.low >= base.low && total.high >= base.high) return undefined;
  const where = total.low < base.low ? "starts" : "ends";
  const scaled =
    total.derived && base.derived
      ? " (both scaled by the location's factor)"
      : total.derived || base.derived
        ? ` (the ${total.derived ? "total" : "base"} scaled by the location's factor)`
        : "";
  return `The seeds disagree for ${role.name} at ${level.name} level in ${location.name}: total compensation ${span(total)}${quoted(total)} ${where} below the base salary ${span(base)}${quoted(base)}, although total compensation includes base salary. Both are given as the seeds state them${scaled}; neither is adjusted.`;
}

function statedOrDerived(
  role: Role,
  level: ResolvedLevel,
  location: ResolvedLocation,
  basis: Basis,
  currency: string,
  options: SalaryOptions,
): SalaryRange {
  const common = {
    role: role.name,
    roleId: role.id,
    level: level.name,
    levelId: level.id,
    location: location.name,
    locationId: location.id,
    basis,
    currency,
    year: 2026,
  };

  const band = bandMatch(options.bands, role, level, location.name, basis, currency);
  if (band) {
    const low = toCents(band.low);
    const high = toCents(band.high);
    return {
      ...common,
      low,
      high,
      mid: Math.round((low + high) / 2),
      provenance: "workspace",
      derived: false,
      method: "workspace compensation band; mid is the midpoint of low and high",
      sources: [],
      openEnded: false,
      notes: ["The workspace's own band takes precedence over the seed data."],
    };
  }

  const exact = STATED.get(key(basis, role.id, level.id, location.id, currency));
  if (exact) {
    const low = toCents(exact.low);
    const high = toCents(exact.high);
    const notes =
      location.id === "london" && currency === "USD"
        ? ['The seed gives London\'s USD figures as approximate equivalents ("~").']
        : [];
    if (exact.openEnded) notes.push('The seed writes the high end with a "+" (open-ended).');
    return {
      ...common,
      low,
      high,
      mid: Math.round((low + high) / 2),
      provenance: "seed",
      derived: false,
      method: "stated in the seed; mid is the midpoint of low and high",
      sources: [exact.source],
      openEnded: !!exact.openEnded,
      notes,
    };
  }

  const seedUs = STATED.get(key(basis, role.id, level.id, "us", "USD"));
  // Where the seeds have no US range (a workspace level such as Staff), the workspace's own US band
  // is the range a location factor or an FX rate scales, exactly as the seeds' would be.
  const bandUs = seedUs ? undefined : bandMatch(options.bands, role, level, "US", basis, "USD");
  const us = seedUs ?? (bandUs && { low: bandUs.low, high: bandUs.high, openEnded: false });
  if (!us) throw noData(role, level, location, basis);
  const usRange = bandUs ? `the workspace's US ${basis} band` : `US ${basis} range`;

  const steps: string[] = [];
  const sources: Source[] = seedUs ? [seedUs.source] : [];
  let factor = 1;
  let workspace = !!bandUs;
  if (isWorkspaceEntry(location)) {
    factor = location.factor;
    workspace = true;
    steps.push(
      `${usRange} × ${location.factor} (${location.name}: your workspace's geo factor against the US range)`,
    );
  } else if (location.id !== "us") {
    const f = LOCATION_FACTORS.get(location.id)!;
    const own = f.byRole[role.id];
    factor = own ?? f.average;
    steps.push(
      `${usRange} × ${factor.toFixed(4)} (${location.name} factor${own === undefined ? ", mean of ML Engineer and Data Scientist" : ` for ${role.name}`}: ${f.method})`,
    );
    for (const r of LOCATION_SALARIES)
      if (r.location === location.id && r.level === "mid" && r.currency === "USD")
        sources.push(r.source);
    for (const r of BASE_SALARIES)
      if (r.level === "mid" && (TABLE_ROLES as readonly string[]).includes(r.role))
        sources.push(r.source);
  }
  if (currency !== "USD") {
    const rate = fxRateFor(options.fx, currency);
    if (rate) {
      factor *= rate.perUsd;
      workspace = true;
      steps.push(
        `converted to ${currency} at ${rate.perUsd} ${currency} per USD (your workspace's rate as of ${rate.asOf})`,
      );
    } else if (currency === "GBP") {
      factor *= GBP_PER_USD;
      steps.push(`converted to GBP at ${GBP_PER_USD.toFixed(4)} £/$ (${GBP_PER_USD_METHOD})`);
      for (const r of londonCells) if (!sources.includes(r.source)) sources.push(r.source);
    } else {
      throw new PlannerError(
        "NO_DATA",
        `No rate to convert USD to ${currency}: the seeds imply only GBP. Add a ${currency} FX rate to the workspace, or ask in USD.`,
        {
          field: "currency",
          available: [...new Set([...CURRENCIES, ...(options.fx ?? []).map((r) => r.currency)])],
        },
      );
    }
  }
  const low = toCents(roundUnits(us.low * factor));
  const high = toCents(roundUnits(us.high * factor));
  const notes = us.openEnded ? ['The seed writes the high end with a "+" (open-ended).'] : [];
  if (workspace)
    notes.push(
      bandUs
        ? "Derived from your workspace's own US band (the seeds give no US range for this level), not stated by a seed."
        : "Derived from the seeds' US range with your workspace's own data (a location factor or FX rate), not stated by a seed.",
    );
  const unit = currency === "GBP" ? "pounds" : currency === "USD" ? "dollars" : `whole ${currency}`;
  return {
    ...common,
    low,
    high,
    mid: Math.round((low + high) / 2),
    provenance: workspace ? "workspace" : "derived",
    derived: true,
    method: `${steps.join("; then ")}; rounded to ${unit.startsWith("whole") ? unit : `whole ${unit}`}; mid is the midpoint of low and high`,
    sources: dedupe(sources),
    openEnded: !!us.openEnded,
    notes,
  };
}

function dedupe(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const k = `${s.file}|${s.section}|${s.quote}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export type SalaryPoint = "low" | "mid" | "high";
export const SALARY_POINTS: SalaryPoint[] = ["low", "mid", "high"];

/** Where a salary sits in its range: 0 at low, 1 at high (values outside the range go below 0 or above 1). */
export function positionInRange(salaryUnits: number, range: SalaryRange): number {
  if (!Number.isFinite(salaryUnits) || salaryUnits < 0)
    throw invalid("salary", `must be a non-negative amount, got ${salaryUnits}`);
  const span = range.high - range.low;
  if (span === 0) return 0.5;
  return (toCents(salaryUnits) - range.low) / span;
}

export type CompanyStage = "startup" | "public";
export const COMPANY_STAGES: CompanyStage[] = ["startup", "public"];

/** Total compensation estimated from the base range and the seed's equity share for a company stage. */
export function totalCompEstimate(
  query: SalaryQuery & { stage?: unknown },
  options: SalaryOptions = {},
): SalaryRange {
  const stage = resolveChoice<CompanyStage>(query.stage, COMPANY_STAGES, "stage", "startup");
  const base = salaryRange({ ...query, basis: "base" }, options);
  const equity = EQUITY_SHARES.find((e) => e.stage === stage)!;
  const low = Math.round(base.low * (1 + equity.low));
  const high = Math.round(base.high * (1 + equity.high));
  let table = "";
  try {
    const stated = salaryRange({ ...query, basis: "total", currency: base.currency }, options);
    table = ` 002's total-compensation table (basis "total") gives ${span(stated)}${stated.derived ? " (scaled by the location's factor)" : ""} for ${base.role} at ${base.level} level in ${base.location}${quoted(stated)}: a different measure (its own survey figures, bonus included), not this estimate.`;
  } catch (e) {
    if (!(e instanceof PlannerError)) throw e;
  }
  return {
    ...base,
    basis: "total",
    low,
    high,
    mid: Math.round((low + high) / 2),
    provenance: base.provenance === "workspace" ? "workspace" : "derived",
    derived: true,
    method: `base low × (1 + ${equity.low * 100}%) and base high × (1 + ${equity.high * 100}%): equity at a ${stage} company is ${equity.low * 100}–${equity.high * 100}% of base; bonus is not included (no seed figure); base: ${base.method}`,
    sources: [...base.sources, equity.source],
    notes: [
      `An estimate, not a figure a seed states: the base salary at the location plus the ${stage} equity share from the note under 002's total-compensation table; bonus is left out (no seed gives a figure).${table}`,
      ...base.notes.filter((n) => !n.startsWith("The seeds disagree")),
      ...equity.notes.map((n) => n.text),
    ],
  };
}
