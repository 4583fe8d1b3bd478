import { limitSuggestions, MAX_FRESH_SUGGESTIONS } from "./names.js";
import { checkNumber } from "./check-number.js";
import { PlannerError, ProblemList, invalid } from "./errors.js";
import { type Cents } from "./money.js";
import {
  ASSUMPTION_KEYS,
  assumptionSpec,
  type PlanAssumptionsInput,
  type SlipInput,
} from "./plan-assumptions.js";
import { checkDepartment } from "./plan-people.js";
import {
  COST_LINES,
  PLAN_LIMITS,
  normalizePlan,
  runPlan,
  type HireInput,
  type PlanInput,
  type PlanTotals,
  type UpskillingInput,
} from "./plan.js";
import { runPlanRangeYears, type Spread } from "./plan-range.js";
import type { SalaryOptions } from "./salary.js";

/** What a named scenario changes in the base plan: any plan assumption, and the changes below. */
export interface ScenarioOverrides extends PlanAssumptionsInput {
  /** Moves every hire's start by this many months (negative = earlier, never before month 1). */
  startMonthShift?: number;
  /** Changes every hire's salary by this share, e.g. 0.1 = +10% (applied to defaults and given salaries alike). */
  salaryChange?: number;
  /** Per-hire changes, by the hire's position in the base plan (0-based). */
  hires?: {
    index: number;
    startMonth?: number;
    salary?: number;
    count?: number;
    slipMonths?: SlipInput;
    endMonth?: number;
    fte?: number;
  }[];
  /** Hires added to the base plan's, as given: start shift and salary change leave them alone. */
  addHires?: HireInput[];
  /** The base plan's hires left out, by position (0-based). */
  removeHires?: number[];
  /** Every planned hire in these departments left out (the existing team stays). */
  removeDepartmentHires?: string[];
  /** Replaces the base plan's upskilling ([] for none). */
  upskilling?: UpskillingInput[];
}

export interface ScenarioInput {
  name: string;
  overrides?: ScenarioOverrides;
}

/** A scenario's year as the plan engine costs it: every hire starting when scheduled. */
export interface ScenarioYear extends PlanTotals {
  year: number;
  /** "Year 1" or "FY2027". */
  label: string;
  endHeadcount: number;
  runRate: Cents;
  /**
   * The total's low / expected / high when hires may start late (the plan's or a hire's
   * slipMonths), from the plan range; absent when no hire may slip. Shown beside the total,
   * never in its place.
   */
  totalWithDelays?: Spread;
}

export interface ScenarioResult {
  name: string;
  input: PlanInput;
  years: ScenarioYear[];
  totals: PlanTotals;
  /** The whole horizon's total under hiring delays, when any hire may slip (see ScenarioYear). */
  totalWithDelays?: Spread;
  /** This scenario minus the base as scheduled, year by year and in total (absent for the base itself). */
  differences?: {
    years: Omit<ScenarioYear, "totalWithDelays">[];
    totals: PlanTotals;
  };
  notes: string[];
}

export interface PlanComparison {
  currency: "USD";
  scenarios: ScenarioResult[];
  method: string;
}

export const MAX_SCENARIOS = 10;

/** A scenario's limits, checked here and read by the API's schemas (one copy of each number). */
export const SCENARIO_LIMITS = {
  maxNameLength: 60,
  /** salaryChange is a share above -1 (exclusive: -100% would pay nothing) up to +500%. */
  salaryChange: { min: -1, max: 5 },
} as const;

const BASE_NAME = "Base";

/** The base plan with a scenario's overrides applied (a new object; the base is untouched). */
export function applyScenario(
  base: PlanInput,
  overrides: ScenarioOverrides = {},
): { input: PlanInput; notes: string[]; origins: string[] } {
  const notes: string[] = [];
  const input: PlanInput = JSON.parse(JSON.stringify(base)) as PlanInput;
  const record = input as unknown as Record<string, unknown>;
  for (const k of ASSUMPTION_KEYS) {
    const v = overrides[k];
    if (v === undefined) continue;
    // A group changes only the values the scenario gives ({ rate } keeps the base's wage base).
    const before = record[k];
    record[k] =
      assumptionSpec(k).kind === "group" && isObject(v) && isObject(before)
        ? { ...before, ...v }
        : v;
  }
  const horizon = input.horizonMonths ?? PLAN_LIMITS.defaultHorizonMonths;
  if (!Array.isArray(input.hires)) return { input, notes, origins: [] };
  let hires: ({ hire: HireInput; origin: string } | null)[] = input.hires.map((hire, i) => ({
    hire,
    origin: `hires[${i}]`,
  }));
  const count = hires.length;
  const noHire = (field: string, index: number) =>
    invalid(
      field,
      `no hire at index ${index}; the base plan has ${count} hires${count ? ` (0 to ${count - 1})` : ""}`,
    );
  for (const change of overrides.hires ?? []) {
    const h = hires[change.index]?.hire;
    if (!h) throw noHire("overrides.hires", change.index);
    for (const key of ["startMonth", "salary", "count", "slipMonths", "endMonth", "fte"] as const)
      if (change[key] !== undefined) (h as unknown as Record<string, unknown>)[key] = change[key];
  }
  const removed = new Set<number>();
  (overrides.removeHires ?? []).forEach((index, i) => {
    if (!hires[index]) throw noHire(`overrides.removeHires[${i}]`, index);
    if (removed.has(index))
      throw invalid(`overrides.removeHires[${i}]`, `hire ${index} is listed twice; keep one`);
    removed.add(index);
  });
  const departments = new Map<string, string>();
  for (const h of input.hires) {
    const d = safeDepartment(h.department);
    departments.set(d.toLowerCase(), d);
  }
  (overrides.removeDepartmentHires ?? []).forEach((name, i) => {
    const field = `overrides.removeDepartmentHires[${i}]`;
    const d = checkDepartment(name, field);
    if (!departments.has(d.toLowerCase()))
      throw invalid(
        field,
        `no hire of the base plan is in department "${d}"; its hires are in ${[...departments.values()].map((x) => `"${x}"`).join(", ") || "no department (it has no hires)"}`,
      );
    input.hires.forEach((h, index) => {
      if (safeDepartment(h.department).toLowerCase() === d.toLowerCase()) removed.add(index);
    });
  });
  if (removed.size) {
    const names = [...removed].sort((a, b) => a - b).map((i) => `${i} (${input.hires[i]!.role})`);
    notes.push(
      `Leaves out the base plan's hire${removed.size === 1 ? "" : "s"} ${names.join(", ")}.`,
    );
    hires = hires.map((h, i) => (removed.has(i) ? null : h));
  }
  if (overrides.startMonthShift) {
    const shift = overrides.startMonthShift;
    hires = hires.map((h, i) => {
      if (!h || typeof h.hire.startMonth !== "number") return h;
      const start = Math.max(1, h.hire.startMonth + shift);
      if (start > horizon) {
        notes.push(
          `Hire ${i} (${h.hire.role}) moves to month ${start}, past the ${horizon}-month horizon, and drops out of this scenario.`,
        );
        return null;
      }
      // An end month moves with its start, so the hire keeps its length of employment.
      const end =
        typeof h.hire.endMonth === "number"
          ? {
              endMonth: Math.min(
                horizon,
                Math.max(start, h.hire.endMonth + (start - h.hire.startMonth)),
              ),
            }
          : {};
      return { ...h, hire: { ...h.hire, startMonth: start, ...end } };
    });
  }
  if (overrides.salaryChange) {
    notes.push(
      `Salaries changed by ${Math.round(overrides.salaryChange * 1000) / 10}%; hires without a given salary take the seed mid first.`,
    );
  }
  const kept = hires.filter((h): h is { hire: HireInput; origin: string } => h !== null);
  const added = (overrides.addHires ?? []).map((hire, j) => ({
    hire: JSON.parse(JSON.stringify(hire)) as HireInput,
    origin: `overrides.addHires[${j}]`,
  }));
  if (added.length) notes.push(`Adds ${added.length} hire row${added.length === 1 ? "" : "s"}.`);
  input.hires = [...kept, ...added].map((h) => h.hire);
  if (overrides.upskilling !== undefined) {
    input.upskilling = JSON.parse(JSON.stringify(overrides.upskilling)) as UpskillingInput[];
    notes.push(
      overrides.upskilling.length
        ? `Upskilling replaced by the scenario's ${overrides.upskilling.length} entr${overrides.upskilling.length === 1 ? "y" : "ies"}.`
        : "No upskilling in this scenario.",
    );
  }
  return { input, notes, origins: [...kept, ...added].map((h) => h.origin) };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A base hire's department for matching (its own, else the default); never throws. */
function safeDepartment(value: unknown): string {
  try {
    return checkDepartment(value);
  } catch {
    return String(value);
  }
}

/**
 * The engine's error with each field put back where the caller wrote it: a hire the scenario
 * added is "overrides.addHires[j]", a base hire keeps its base index, a replaced upskilling list is
 * "overrides.upskilling".
 */
function placeError(e: PlannerError, origins: readonly string[], upskillingGiven: boolean) {
  const place = (field: string | undefined): string | undefined => {
    if (!field) return field;
    const hire = /^hires\[(\d+)\]/.exec(field);
    if (hire) {
      const origin = origins[Number(hire[1])];
      return origin ? origin + field.slice(hire[0].length) : field;
    }
    if (upskillingGiven && field.startsWith("upskilling")) return `overrides.${field}`;
    return field;
  };
  const rewrite = (p: PlannerError): PlannerError => {
    const field = place(p.field);
    const message =
      p.field && field !== p.field && p.message.includes(p.field)
        ? p.message.split(p.field).join(field!)
        : p.message;
    return new PlannerError(p.code, message, {
      ...(field !== undefined ? { field } : {}),
      suggestions: p.suggestions,
      available: p.available,
      problems: p.problems.map(rewrite),
    });
  };
  const out = rewrite(e);
  if (!e.problems.length) return out;
  // A list of problems repeats each one's message: rebuild it from the placed ones.
  return new PlannerError(
    out.code,
    `The plan has ${out.problems.length} problems: ${out.problems.map((p) => p.message).join("; ")}`,
    { field: out.problems[0]!.field, problems: out.problems },
  );
}

function checkOverrides(o: unknown, field: string): ScenarioOverrides {
  if (o === undefined || o === null) return {};
  if (typeof o !== "object" || Array.isArray(o))
    throw invalid(field, "must be an object of overrides");
  const v = o as ScenarioOverrides;
  const int = (x: unknown, f: string, min: number, max: number) => {
    if (x !== undefined) checkNumber(x, `${field}.${f}`, { integer: true, min, max });
  };
  int(
    v.startMonthShift,
    "startMonthShift",
    -PLAN_LIMITS.maxHorizonMonths,
    PLAN_LIMITS.maxHorizonMonths,
  );
  if (v.salaryChange !== undefined)
    checkNumber(v.salaryChange, `${field}.salaryChange`, {
      min: SCENARIO_LIMITS.salaryChange.min,
      minExclusive: true,
      max: SCENARIO_LIMITS.salaryChange.max,
      hint: " (a share: 0.1 = +10%)",
    });
  if (v.hires !== undefined && !Array.isArray(v.hires))
    throw invalid(
      `${field}.hires`,
      "must be a list of { index, startMonth?, salary?, count?, slipMonths?, endMonth?, fte? }",
    );
  (v.hires ?? []).forEach((h, i) => {
    if (typeof h !== "object" || h === null || Array.isArray(h) || h.index === undefined)
      throw invalid(
        `${field}.hires[${i}]`,
        "must be { index, startMonth?, salary?, count?, slipMonths?, endMonth?, fte? }",
      );
    int(h.index, `hires[${i}].index`, 0, PLAN_LIMITS.maxHireRows);
  });
  const list = (
    key: "addHires" | "removeHires" | "removeDepartmentHires" | "upskilling",
    what: string,
    max: number,
  ) => {
    const x = v[key];
    if (x === undefined) return [];
    if (!Array.isArray(x)) throw invalid(`${field}.${key}`, `must be a list of ${what}`);
    if (x.length > max) throw invalid(`${field}.${key}`, `at most ${max} ${what}, got ${x.length}`);
    return x as unknown[];
  };
  list("removeHires", "base-plan hire indexes (0-based)", PLAN_LIMITS.maxHireRows).forEach((x, i) =>
    int(x, `removeHires[${i}]`, 0, PLAN_LIMITS.maxHireRows),
  );
  list("removeDepartmentHires", "department names", PLAN_LIMITS.maxHireRows).forEach((x, i) => {
    if (typeof x !== "string" || !x.trim())
      throw invalid(
        `${field}.removeDepartmentHires[${i}]`,
        'must be a department name such as "Data"',
      );
  });
  list("addHires", "hire rows", PLAN_LIMITS.maxHireRows);
  list("upskilling", "upskilling entries", PLAN_LIMITS.maxUpskillingRows);
  return v;
}

/** Runs the base plan and each scenario side by side, year by year, with each scenario's difference from the base. */
export function comparePlans(
  base: unknown,
  scenarios: unknown,
  options: SalaryOptions = {},
): PlanComparison {
  // One allowance of name suggestions for the base and every scenario together.
  return limitSuggestions(MAX_FRESH_SUGGESTIONS, () => compareAll(base, scenarios, options));
}

function compareAll(base: unknown, scenarios: unknown, options: SalaryOptions): PlanComparison {
  if (typeof base !== "object" || base === null || Array.isArray(base))
    throw invalid("base", "must be a plan input object");
  if (!Array.isArray(scenarios))
    throw invalid("scenarios", "must be a list of { name, overrides }");
  if (scenarios.length > MAX_SCENARIOS)
    throw invalid("scenarios", `at most ${MAX_SCENARIOS} scenarios, got ${scenarios.length}`);
  const problems = new ProblemList();
  const seen = new Set<string>([BASE_NAME.toLowerCase()]);
  const parsed: { name: string; overrides: ScenarioOverrides }[] = [];
  scenarios.forEach((s, i) => {
    const field = `scenarios[${i}]`;
    problems.check("", () => {
      if (typeof s !== "object" || s === null) throw invalid(field, "must be { name, overrides }");
      const name = (s as ScenarioInput).name;
      const maxName = SCENARIO_LIMITS.maxNameLength;
      if (typeof name !== "string" || !name.trim() || name.length > maxName)
        throw invalid(`${field}.name`, `must be a name of 1 to ${maxName} characters`);
      if (seen.has(name.trim().toLowerCase()))
        throw invalid(`${field}.name`, `"${name}" is used twice (or is the reserved name "Base")`);
      seen.add(name.trim().toLowerCase());
      parsed.push({
        name: name.trim(),
        overrides: checkOverrides((s as ScenarioInput).overrides, `${field}.overrides`),
      });
    });
  });
  problems.throwIfAny("The comparison");

  const baseInput = base as PlanInput;
  const run = (
    name: string,
    input: PlanInput,
    notes: string[],
    salaryChange?: number,
    origins?: readonly string[],
  ): ScenarioResult => {
    const effective = salaryChange
      ? withSalaryChange(input, salaryChange, options, origins)
      : input;
    // The plan as given, through the plan engine: the same figures POST /v1/plan answers.
    const r = runPlan(effective, options);
    const delays = r.hires.some((h) => h.slip.max > 0)
      ? runPlanRangeYears(effective, options)
      : undefined;
    const years: ScenarioYear[] = r.years.map((y, i) => ({
      year: y.year,
      label: y.label,
      ...pick(y),
      endHeadcount: y.endHeadcount,
      runRate: y.runRate,
      ...(delays ? { totalWithDelays: delays.years[i]!.total } : {}),
    }));
    return {
      name,
      input: effective,
      years,
      totals: pick(r.totals),
      ...(delays ? { totalWithDelays: delays.totals.total } : {}),
      notes,
    };
  };

  const baseResult = run(BASE_NAME, baseInput, []);
  const results = [baseResult];
  parsed.forEach((s, i) => {
    const r = problems.check(`scenarios[${i}]`, () => {
      const { input, notes, origins } = applyScenario(baseInput, s.overrides);
      try {
        return run(s.name, input, notes, s.overrides.salaryChange, origins);
      } catch (e) {
        if (!(e instanceof PlannerError)) throw e;
        throw placeError(e, origins, s.overrides.upskilling !== undefined);
      }
    });
    if (r) results.push({ ...r, differences: difference(r, baseResult) });
  });
  problems.throwIfAny("The comparison");
  return {
    currency: "USD",
    scenarios: results,
    method:
      "Each scenario is the base plan with its overrides applied (assumptions, start shift, salary change, per-hire changes, hires removed by index or department, hires added, upskilling replaced), run through the plan engine (POST /v1/plan) with every hire starting when scheduled; Base is the plan as given. Where hires may start late (slipMonths), totalWithDelays gives the total's low / expected / high from the plan range (POST /v1/plan/range) beside it. Differences are scenario minus base as scheduled, year by year; a year only one of them reaches counts the other as 0.",
  };
}

const FIELDS = [...COST_LINES, "total"] as const;

function pick(row: PlanTotals): PlanTotals {
  const out = {} as PlanTotals;
  for (const k of FIELDS) out[k] = row[k];
  return out;
}

function difference(
  s: ScenarioResult,
  base: ScenarioResult,
): NonNullable<ScenarioResult["differences"]> {
  const n = Math.max(s.years.length, base.years.length);
  const years: NonNullable<ScenarioResult["differences"]>["years"] = [];
  for (let i = 0; i < n; i++) {
    const a = s.years[i];
    const b = base.years[i];
    const d = (k: (typeof FIELDS)[number] | "endHeadcount" | "runRate") =>
      (a?.[k] ?? 0) - (b?.[k] ?? 0);
    const lines = {} as PlanTotals;
    for (const k of FIELDS) lines[k] = d(k);
    years.push({
      year: i + 1,
      label: (a ?? b)!.label,
      ...lines,
      endHeadcount: d("endHeadcount"),
      runRate: d("runRate"),
    });
  }
  const totals = {} as PlanTotals;
  for (const k of FIELDS) totals[k] = s.totals[k] - base.totals[k];
  return { years, totals };
}

/**
 * The base plan's hires (those whose origin is "hires[i]") with their pay changed by a share, to
 * the cent: a given salary, the seed mid the engine would use, or a contractor's monthly rate.
 * Hires the scenario adds are taken as given.
 */
function withSalaryChange(
  input: PlanInput,
  change: number,
  options: SalaryOptions,
  origins: readonly string[] = input.hires.map((_, i) => `hires[${i}]`),
): PlanInput {
  const resolved = normalizePlan(input, options).hires;
  const scaled = (cents: number) => Math.round(cents * (1 + change)) / 100;
  return {
    ...input,
    hires: input.hires.map((h, i) => {
      if (!origins[i]?.startsWith("hires[")) return h;
      const r = resolved[i]!;
      return r.monthlyRate !== null
        ? { ...h, monthlyRate: scaled(r.monthlyRate) }
        : { ...h, salary: scaled(r.annualSalary) };
    }),
  };
}
