/**
 * The one owner of a plan's assumptions: one row per plan-level setting with the API body's name
 * (camelCase), the label a sheet's assumptions block uses, aliases, kind, limits, default and
 * help. The engine (normalizePlan) takes its limits and defaults from here; the sheet's
 * assumptions block, the scenario columns, the function help, the README table and the API's zod
 * schema are all derived from it. Adding an assumption is one row here plus its rule in the engine.
 */
import { checkNumber } from "./check-number.js";
import { PlannerError, invalid, type ProblemList } from "./errors.js";
import { NameIndex } from "./names.js";

/**
 * months: a whole number of months; percent: a share (0.25 = 25%); month: a calendar month
 * "YYYY-MM"; slip: how many months late a hire may start (n = 0 to n, or min–max).
 */
export type AssumptionKind = "months" | "percent" | "month" | "slip";

export interface AssumptionSpec {
  /** The API body's field name. */
  readonly key: string;
  /** The label in a sheet's assumptions block (and a scenario column's header). */
  readonly label: string;
  /** Other labels a person might write; matched like every other name (case, spacing, punctuation). */
  readonly aliases: readonly string[];
  readonly kind: AssumptionKind;
  /** Limits in the kind's unit (a share for percent); inclusive. */
  readonly min?: number;
  readonly max?: number;
  /** How the default reads in help text and the README. */
  readonly defaultText: string;
  readonly help: string;
  /** Labels that give one end of a slip on their own row ("Slip min", "Slip max"). */
  readonly parts?: { readonly min: readonly string[]; readonly max: readonly string[] };
}

/** A hiring delay in months: n (meaning 0 to n), [min, max] or { min, max }. */
export type SlipInput = number | [number, number] | { min: number; max: number };

export interface Slip {
  min: number;
  max: number;
}

export interface CalendarMonth {
  year: number;
  month: number;
}

export const PLAN_ASSUMPTIONS = [
  {
    key: "horizonMonths",
    label: "Horizon months",
    aliases: ["Horizon", "Horizon (months)", "Planning horizon", "Plan months", "Months"],
    kind: "months",
    min: 1,
    max: 120,
    defaultText: "24",
    help: "Months to plan.",
  },
  {
    key: "benefitsRate",
    label: "Benefits rate",
    aliases: ["Benefits", "Benefits load", "Benefit rate", "Benefits %"],
    kind: "percent",
    min: 0,
    max: 2,
    defaultText: "0%",
    help: "Benefits as a share of each month's payroll (the seeds state none, so 0% unless given).",
  },
  {
    key: "annualRaise",
    label: "Annual raise",
    aliases: ["Raise", "Raises", "Annual raises", "Annual increase", "Merit increase"],
    kind: "percent",
    min: 0,
    max: 0.5,
    defaultText: "0%",
    help: "Raise on each hire's anniversary.",
  },
  {
    key: "startDate",
    label: "Start date",
    aliases: ["Start month", "Plan start", "First month"],
    kind: "month",
    defaultText: "none (months numbered from 1)",
    help: 'Calendar month of plan month 1: "2027-01" or a date.',
  },
  {
    key: "slipMonths",
    label: "Slip months",
    aliases: ["Slip", "Hiring delay", "Hiring delay months", "Delay months"],
    kind: "slip",
    min: 0,
    max: 24,
    defaultText: "0",
    help: 'How many months late any hire may start: n (0 to n) or a range such as "0-2" (or the rows Slip min and Slip max). Plans are costed as scheduled; AI_PLAN_RANGE and the delay columns of AI_PLAN_COMPARE use it.',
    parts: {
      min: ["Slip min", "Min slip", "Slip min months"],
      max: ["Slip max", "Max slip", "Slip max months"],
    },
  },
] as const satisfies readonly AssumptionSpec[];

type Row = (typeof PLAN_ASSUMPTIONS)[number];
export type AssumptionKey = Row["key"];

type InputOf<K extends AssumptionKind> = K extends "months" | "percent"
  ? number
  : K extends "month"
    ? string
    : K extends "slip"
      ? SlipInput
      : never;
type ValueOf<K extends AssumptionKind> = K extends "months" | "percent"
  ? number
  : K extends "month"
    ? CalendarMonth | null
    : K extends "slip"
      ? Slip
      : never;

/** The assumptions as a plan input (the API body) holds them: each optional, null meaning the default. */
export type PlanAssumptionsInput = { [R in Row as R["key"]]?: InputOf<R["kind"]> | null };
/** Every assumption's effective value after checking (defaults filled in). */
export type PlanAssumptionValues = { [R in Row as R["key"]]: ValueOf<R["kind"]> };
/** The effective values as an answer shows them: a start date as "YYYY-MM", a slip as { min, max }. */
export type PlanAssumptionsShown = Omit<PlanAssumptionValues, "startDate"> & {
  startDate: string | null;
};

export const ASSUMPTION_KEYS: readonly AssumptionKey[] = PLAN_ASSUMPTIONS.map((a) => a.key);

const byKey = new Map<string, AssumptionSpec>(PLAN_ASSUMPTIONS.map((a) => [a.key, a]));

export function assumptionSpec(key: AssumptionKey): AssumptionSpec {
  return byKey.get(key)!;
}

const DEFAULTS: PlanAssumptionValues = {
  horizonMonths: 24,
  benefitsRate: 0,
  annualRaise: 0,
  startDate: null,
  slipMonths: { min: 0, max: 0 },
};

/** An assumption's default value (a fresh copy). */
export function assumptionDefault<K extends AssumptionKey>(key: K): PlanAssumptionValues[K] {
  const v = DEFAULTS[key];
  return (typeof v === "object" && v !== null ? { ...v } : v) as PlanAssumptionValues[K];
}

// ---- how values read in messages ---------------------------------------------------------------

const pct = (share: number) => `${Math.round(share * 100 * 10000) / 10000}%`;

/** "0 to 120", "0% to 200%": an assumption's limits as a person reads them. */
export function describeLimits(spec: AssumptionSpec): string {
  if (spec.kind === "percent") return `${pct(spec.min ?? 0)} to ${pct(spec.max ?? 1)}`;
  if (spec.kind === "month") return '"YYYY-MM"';
  return `${spec.min} to ${spec.max}`;
}

// ---- the API body: JSON values -----------------------------------------------------------------

export function wholeMonths(value: number, field: string, min: number, max: number): number {
  return checkNumber(value, field, { integer: true, min, max, unit: "months" });
}

const START_DATE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Parses a slip: n means 0 to n months; a pair or {min, max} gives both ends. */
export function parseSlip(value: unknown, field: string): Slip | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const spec = assumptionSpec("slipMonths");
  const end = (v: unknown, f: string) =>
    wholeMonths(checkNumber(v, f), f, spec.min ?? 0, spec.max ?? 24);
  let slip: Slip;
  if (typeof value === "number") slip = { min: 0, max: end(value, field) };
  else if (Array.isArray(value) && value.length === 2)
    slip = { min: end(value[0], `${field}[0]`), max: end(value[1], `${field}[1]`) };
  else if (typeof value === "object" && !Array.isArray(value)) {
    const v = value as { min?: unknown; max?: unknown };
    slip = { min: end(v.min, `${field}.min`), max: end(v.max, `${field}.max`) };
  } else
    throw invalid(field, "must be a number of months (0 to n), a pair [min, max] or { min, max }");
  if (slip.min > slip.max)
    throw invalid(field, `min (${slip.min}) must not be more than max (${slip.max})`);
  return slip;
}

/** One assumption from a JSON body, checked against its row; null or absent gives the default. */
export function checkAssumption<K extends AssumptionKey>(
  key: K,
  value: unknown,
  field: string = key,
): PlanAssumptionValues[K] {
  if (value === undefined || value === null) return assumptionDefault(key);
  const spec = assumptionSpec(key);
  let out: unknown;
  switch (spec.kind) {
    case "months":
      out = wholeMonths(checkNumber(value, field), field, spec.min ?? 1, spec.max ?? 120);
      break;
    case "percent": {
      out = checkNumber(value, field, { min: spec.min ?? 0, max: spec.max ?? 1, share: "json" });
      break;
    }
    case "month": {
      if (value === "") return assumptionDefault(key);
      const m = typeof value === "string" ? START_DATE.exec(value) : null;
      if (!m)
        throw invalid(
          field,
          `must be a calendar month "YYYY-MM" such as "2027-01", got ${JSON.stringify(value)}`,
        );
      out = { year: Number(m[1]), month: Number(m[2]) };
      break;
    }
    case "slip":
      out = parseSlip(value, field) ?? assumptionDefault(key);
      break;
  }
  return out as PlanAssumptionValues[K];
}

/** Every assumption of a plan input, each problem recorded (not thrown) so a plan reports all at once. */
export function normalizeAssumptions(
  input: Readonly<Record<string, unknown>>,
  problems: ProblemList,
): PlanAssumptionValues {
  const out = {} as Record<AssumptionKey, unknown>;
  for (const key of ASSUMPTION_KEYS) {
    out[key] = problems.check("", () => checkAssumption(key, input[key])) ?? assumptionDefault(key);
  }
  return out as PlanAssumptionValues;
}

/** Every assumption's value as an answer shows it (a plan result's `assumptions`). */
export function assumptionsShown(values: PlanAssumptionValues): PlanAssumptionsShown {
  const out = {} as Record<AssumptionKey, unknown>;
  for (const key of ASSUMPTION_KEYS) {
    const v: unknown = values[key];
    const spec = assumptionSpec(key);
    if (spec.kind === "month") {
      const m = v as CalendarMonth | null;
      out[key] = m ? `${m.year}-${String(m.month).padStart(2, "0")}` : null;
    } else out[key] = typeof v === "object" && v !== null ? { ...v } : v;
  }
  return out as PlanAssumptionsShown;
}

// ---- labels ------------------------------------------------------------------------------------

/** What a label in an assumptions block (or a scenario header) names: an assumption, or one end of a slip. */
export interface AssumptionLabel {
  spec: AssumptionSpec;
  part?: "min" | "max";
  /** The canonical label: "Benefits rate", "Slip min". */
  label: string;
}

const LABELS: AssumptionLabel[] = PLAN_ASSUMPTIONS.flatMap((spec: AssumptionSpec) => [
  { spec, label: spec.label },
  ...(spec.parts
    ? [
        { spec, part: "min" as const, label: spec.parts.min[0]! },
        { spec, part: "max" as const, label: spec.parts.max[0]! },
      ]
    : []),
]);

/** Every name a label may take: the label, its aliases and the API's own key ("benefitsRate"). */
export function labelNames(l: AssumptionLabel): readonly string[] {
  if (l.part) return l.spec.parts![l.part];
  return [l.spec.label, l.spec.key, ...l.spec.aliases];
}

export const assumptionLabelIndex = new NameIndex<AssumptionLabel>(
  "assumption",
  "INVALID_ARGUMENT",
  LABELS,
  (l) => l.label,
  labelNames,
);

/** Resolves a label forgivingly; an unknown one suggests the closest (or lists them all). */
export function resolveAssumptionLabel(text: string, field: string): AssumptionLabel {
  try {
    return assumptionLabelIndex.resolve(text, field);
  } catch (e) {
    if (!(e instanceof PlannerError)) throw e;
    throw new PlannerError(e.code, `${field}: ${e.message}`, {
      field,
      suggestions: e.suggestions,
    });
  }
}
