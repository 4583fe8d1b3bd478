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
 * "YYYY-MM"; calendarMonth: a month of the year, 1 (January) to 12 (December); slip: how many
 * months late a hire may start (n = 0 to n, or min–max); group: an object of named values, each
 * on its own labelled row in a sheet (payrollTax: { rate, wageBase }).
 */
export type AssumptionKind = "months" | "percent" | "month" | "calendarMonth" | "slip" | "group";

/** One value of a group assumption: its key in the API object, its own label and limits. */
export interface AssumptionField {
  readonly key: string;
  readonly label: string;
  readonly aliases: readonly string[];
  /** percent: a share; money: an amount in USD. */
  readonly kind: "percent" | "money";
  readonly min: number;
  readonly max: number;
  /** Must be given whenever the group is (the others may be left out). */
  readonly required: boolean;
  readonly defaultText: string;
}

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
  /** A group's values; its label and aliases name the first (required) one in a sheet. */
  readonly fields?: readonly AssumptionField[];
  /** Written at its default into a sheet that shows what a plan assumes (assumptionsBlockRows withDefaults). */
  readonly showDefault?: boolean;
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
    showDefault: true,
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
    showDefault: true,
  },
  {
    key: "annualRaise",
    label: "Annual raise",
    aliases: ["Raise", "Raises", "Annual raises", "Annual increase", "Merit increase"],
    kind: "percent",
    min: 0,
    max: 0.5,
    defaultText: "0%",
    help: "Raise on each hire's anniversary (or, with a raise month, at each merit month).",
    showDefault: true,
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
  {
    key: "fiscalYearStart",
    label: "Fiscal year start",
    aliases: ["Fiscal year", "FY start", "Fiscal year start month", "Fiscal year begins"],
    kind: "calendarMonth",
    min: 1,
    max: 12,
    defaultText: "1 (January: calendar years)",
    help: "Calendar month that opens the fiscal year (7 = July). With a start date, years are fiscal years labelled by the calendar year they end in (FY2027; from January, calendar years), the first and last possibly partial; without one, years are 12-month blocks from month 1.",
  },
  {
    key: "payrollTax",
    label: "Payroll tax",
    aliases: ["Payroll taxes", "Employer tax", "Employer taxes", "Employer payroll tax"],
    kind: "group",
    defaultText: "none",
    help: 'Employer payroll taxes, beside benefits: the rate × each person\'s monthly pay, counting pay only up to the wage base in the person\'s calendar year (it resets each January, or each plan year without a start date). In a sheet, the rows "Payroll tax rate" and "Payroll tax wage base"; through the API, { "rate": 0.062, "wageBase": 168600 }. No seed gives a rate: it is yours.',
    fields: [
      {
        key: "rate",
        label: "Payroll tax rate",
        aliases: ["Employer tax rate", "Payroll tax %", "Tax rate"],
        kind: "percent",
        min: 0,
        max: 1,
        required: true,
        defaultText: "0%",
      },
      {
        key: "wageBase",
        label: "Payroll tax wage base",
        aliases: ["Wage base", "Tax wage base", "Payroll tax cap", "Wage cap"],
        kind: "money",
        min: 0,
        max: 5_000_000,
        required: false,
        defaultText: "none (all pay is taxed)",
      },
    ],
  },
  {
    key: "bonusRate",
    label: "Bonus rate",
    aliases: ["Bonus", "Target bonus", "Bonus %", "Bonus target"],
    kind: "percent",
    min: 0,
    max: 2,
    defaultText: "0%",
    help: "Target bonus as a share of pay, accrued monthly with the pay; a hire's own Bonus rate overrides it. Contractors get none unless their row gives one.",
  },
  {
    key: "equityRate",
    label: "Equity rate",
    aliases: ["Equity", "Equity grant", "Equity %", "Stock grant", "Equity grant rate"],
    kind: "percent",
    min: 0,
    max: 2,
    defaultText: "0%",
    help: "Yearly equity grant value as a share of pay, expensed monthly with the pay; a hire's own Equity rate overrides it. Contractors get none unless their row gives one.",
  },
  {
    key: "raiseMonth",
    label: "Raise month",
    aliases: ["Merit month", "Merit cycle", "Merit cycle month", "Review month"],
    kind: "calendarMonth",
    min: 1,
    max: 12,
    defaultText: "none (raises on each anniversary)",
    help: "A company-wide merit month (4 = April) replacing anniversary raises: at each one, everyone employed for at least the raise min tenure gets the annual raise. Without a start date, month n of each plan year.",
  },
  {
    key: "raiseMinTenureMonths",
    label: "Raise min tenure months",
    aliases: [
      "Raise min tenure",
      "Raise tenure",
      "Merit tenure months",
      "Minimum tenure for raise",
    ],
    kind: "months",
    min: 0,
    max: 24,
    defaultText: "6",
    help: "With a raise month: the months someone must have been employed at the merit month to get the raise (the existing team always qualifies).",
  },
  {
    key: "attritionRate",
    label: "Attrition rate",
    aliases: ["Attrition", "Turnover", "Turnover rate", "Annual attrition"],
    kind: "percent",
    min: 0,
    max: 1,
    defaultText: "0%",
    help: "Yearly share of people expected to leave, each replaced at once: every month costs attrition ÷ 12 × each person employed × their recruiting cost, on a Backfill line (an expected value; headcount is unchanged).",
  },
] as const satisfies readonly AssumptionSpec[];

type Row = (typeof PLAN_ASSUMPTIONS)[number];
export type AssumptionKey = Row["key"];

type FieldOf<R> = R extends { readonly fields: readonly (infer F)[] } ? F : never;
type KeyOf<F> = F extends { readonly key: infer K extends string } ? K : never;
/** A group as a body gives it: each value optional (the engine says which are required). */
type GroupInput<R> = { [F in FieldOf<R> as KeyOf<F>]?: number | null };
/** A group after checking: required values always there, the others null when left out. */
type GroupValue<R> = {
  [F in FieldOf<R> as KeyOf<F>]: F extends { readonly required: true } ? number : number | null;
};

type InputOf<R extends Row> = R["kind"] extends "months" | "percent" | "calendarMonth"
  ? number
  : R["kind"] extends "month"
    ? string
    : R["kind"] extends "slip"
      ? SlipInput
      : R["kind"] extends "group"
        ? GroupInput<R>
        : never;
type ValueOf<R extends Row> = R["kind"] extends "months" | "percent"
  ? number
  : R["kind"] extends "calendarMonth"
    ? number | null
    : R["kind"] extends "month"
      ? CalendarMonth | null
      : R["kind"] extends "slip"
        ? Slip
        : R["kind"] extends "group"
          ? GroupValue<R>
          : never;

/** The assumptions as a plan input (the API body) holds them: each optional, null meaning the default. */
export type PlanAssumptionsInput = { [R in Row as R["key"]]?: InputOf<R> | null };
/** Every assumption's effective value after checking (defaults filled in). */
export type PlanAssumptionValues = { [R in Row as R["key"]]: ValueOf<R> };
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
  fiscalYearStart: 1,
  payrollTax: { rate: 0, wageBase: null },
  bonusRate: 0,
  equityRate: 0,
  raiseMonth: null,
  raiseMinTenureMonths: 6,
  attritionRate: 0,
};

/** An assumption's default value (a fresh copy). */
export function assumptionDefault<K extends AssumptionKey>(key: K): PlanAssumptionValues[K] {
  const v = DEFAULTS[key];
  return (typeof v === "object" && v !== null ? { ...v } : v) as PlanAssumptionValues[K];
}

// ---- how values read in messages ---------------------------------------------------------------

const pct = (share: number) => `${Math.round(share * 100 * 10000) / 10000}%`;

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const usd = (n: number) => `$${n.toLocaleString("en-US")}`;

/** One value of a group's limits as a person reads them: "0% to 100%", "$0 to $5,000,000". */
export function describeFieldLimits(f: AssumptionField): string {
  return f.kind === "percent" ? `${pct(f.min)} to ${pct(f.max)}` : `${usd(f.min)} to ${usd(f.max)}`;
}

/** "0 to 120", "0% to 200%": an assumption's limits as a person reads them. */
export function describeLimits(spec: AssumptionSpec): string {
  if (spec.kind === "percent") return `${pct(spec.min ?? 0)} to ${pct(spec.max ?? 1)}`;
  if (spec.kind === "month") return '"YYYY-MM"';
  if (spec.kind === "calendarMonth") return "1 (January) to 12 (December)";
  if (spec.kind === "group")
    return (spec.fields ?? [])
      .map((f) => `${f.label.toLowerCase()} ${describeFieldLimits(f)}`)
      .join("; ");
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
    case "calendarMonth":
      out = calendarMonth(value, field);
      break;
    case "slip":
      out = parseSlip(value, field) ?? assumptionDefault(key);
      break;
    case "group":
      out = checkGroup(spec, value, field);
      break;
  }
  return out as PlanAssumptionValues[K];
}

/** A month of the year as a number, 1 (January) to 12 (December). */
export function calendarMonth(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 12)
    throw invalid(
      field,
      `must be a calendar month from 1 (January) to 12 (December), got ${JSON.stringify(value) ?? String(value)}`,
    );
  return value;
}

/** One value of a group, checked against its field: a share or an amount in USD. */
export function checkGroupField(f: AssumptionField, value: unknown, at: string): number {
  return f.kind === "percent"
    ? checkNumber(value, at, { min: f.min, max: f.max, share: "json" })
    : checkNumber(value, at, { min: f.min, max: f.max });
}

/** A group from a JSON body: an object of its fields only, the required ones present. */
function checkGroup(
  spec: AssumptionSpec,
  value: unknown,
  field: string,
): Record<string, number | null> {
  const fields = spec.fields ?? [];
  const shape = `{ ${fields.map((f) => (f.required ? f.key : `${f.key}?`)).join(", ")} }`;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw invalid(field, `must be an object ${shape}, e.g. { "rate": 0.062, "wageBase": 168600 }`);
  const v = value as Record<string, unknown>;
  for (const k of Object.keys(v))
    if (!fields.some((f) => f.key === k))
      throw invalid(`${field}.${k}`, `is not a field of ${field}; it takes ${shape}`);
  const out: Record<string, number | null> = {};
  for (const f of fields) {
    const given = v[f.key];
    if (given === undefined || given === null) {
      if (f.required)
        throw invalid(
          `${field}.${f.key}`,
          `is required: the ${f.label.toLowerCase()} (${describeFieldLimits(f)})`,
        );
      out[f.key] = null;
    } else out[f.key] = checkGroupField(f, given, `${field}.${f.key}`);
  }
  return out;
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
    // A group's money is shown in currency units, as given; the engine works in cents.
  }
  return out as PlanAssumptionsShown;
}

// ---- labels ------------------------------------------------------------------------------------

/**
 * What a label in an assumptions block (or a scenario header) names: an assumption, one end of a
 * slip, or one value of a group.
 */
export interface AssumptionLabel {
  spec: AssumptionSpec;
  part?: "min" | "max";
  field?: AssumptionField;
  /** The canonical label: "Benefits rate", "Slip min", "Payroll tax rate". */
  label: string;
}

const LABELS: AssumptionLabel[] = PLAN_ASSUMPTIONS.flatMap(
  (spec: AssumptionSpec): AssumptionLabel[] =>
    spec.fields
      ? spec.fields.map((field) => ({ spec, field, label: field.label }))
      : [
          { spec, label: spec.label },
          ...(spec.parts
            ? [
                { spec, part: "min" as const, label: spec.parts.min[0]! },
                { spec, part: "max" as const, label: spec.parts.max[0]! },
              ]
            : []),
        ],
);

/**
 * Every name a label may take: the label, its aliases and the API's own key ("benefitsRate");
 * a group's own label and key ("Payroll tax", "payrollTax") name its first value.
 */
export function labelNames(l: AssumptionLabel): readonly string[] {
  if (l.part) return l.spec.parts![l.part];
  if (l.field)
    return [
      l.field.label,
      `${l.spec.key}.${l.field.key}`,
      ...l.field.aliases,
      ...(l.field === l.spec.fields![0] ? [l.spec.label, l.spec.key, ...l.spec.aliases] : []),
    ];
  return [l.spec.label, l.spec.key, ...l.spec.aliases];
}

export const assumptionLabelIndex = new NameIndex<AssumptionLabel>(
  "assumption",
  "INVALID_ARGUMENT",
  LABELS,
  (l) => l.label,
  labelNames,
  // Many labels end in "rate": a clear match should not bring every other rate along.
  { closeTo: 0.2 },
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
