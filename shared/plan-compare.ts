import { ProblemList, invalid } from "./errors.js";
import { type Cents } from "./money.js";
import { ASSUMPTION_KEYS, type PlanAssumptionsInput, type SlipInput } from "./plan-assumptions.js";
import { PLAN_LIMITS, normalizePlan, runPlan, type HireInput, type PlanInput } from "./plan.js";
import { runPlanRange, type Spread } from "./plan-range.js";
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
  }[];
}

export interface ScenarioInput {
  name: string;
  overrides?: ScenarioOverrides;
}

/** A scenario's year as the plan engine costs it: every hire starting when scheduled. */
export interface ScenarioYear {
  year: number;
  payroll: Cents;
  benefits: Cents;
  recruiting: Cents;
  upskilling: Cents;
  total: Cents;
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
  totals: { payroll: Cents; benefits: Cents; recruiting: Cents; upskilling: Cents; total: Cents };
  /** The whole horizon's total under hiring delays, when any hire may slip (see ScenarioYear). */
  totalWithDelays?: Spread;
  /** This scenario minus the base as scheduled, year by year and in total (absent for the base itself). */
  differences?: {
    years: Omit<ScenarioYear, "totalWithDelays">[];
    totals: ScenarioResult["totals"];
  };
  notes: string[];
}

export interface PlanComparison {
  currency: "USD";
  scenarios: ScenarioResult[];
  method: string;
}

export const MAX_SCENARIOS = 10;

const BASE_NAME = "Base";

/** The base plan with a scenario's overrides applied (a new object; the base is untouched). */
export function applyScenario(
  base: PlanInput,
  overrides: ScenarioOverrides = {},
): { input: PlanInput; notes: string[] } {
  const notes: string[] = [];
  const input: PlanInput = JSON.parse(JSON.stringify(base)) as PlanInput;
  for (const k of ASSUMPTION_KEYS) {
    if (overrides[k] !== undefined) (input as unknown as Record<string, unknown>)[k] = overrides[k];
  }
  const horizon = input.horizonMonths ?? PLAN_LIMITS.defaultHorizonMonths;
  if (!Array.isArray(input.hires)) return { input, notes };
  let hires: (HireInput | null)[] = input.hires;
  for (const change of overrides.hires ?? []) {
    const h = hires[change.index];
    if (!h)
      throw invalid(
        "overrides.hires",
        `no hire at index ${change.index}; the base plan has ${hires.length} hires (0 to ${hires.length - 1})`,
      );
    if (change.startMonth !== undefined) h.startMonth = change.startMonth;
    if (change.salary !== undefined) h.salary = change.salary;
    if (change.count !== undefined) h.count = change.count;
    if (change.slipMonths !== undefined) h.slipMonths = change.slipMonths;
  }
  if (overrides.startMonthShift) {
    const shift = overrides.startMonthShift;
    hires = hires.map((h, i) => {
      if (!h || typeof h.startMonth !== "number") return h;
      const start = Math.max(1, h.startMonth + shift);
      if (start > horizon) {
        notes.push(
          `Hire ${i} (${h.role}) moves to month ${start}, past the ${horizon}-month horizon, and drops out of this scenario.`,
        );
        return null;
      }
      return { ...h, startMonth: start };
    });
  }
  if (overrides.salaryChange) {
    notes.push(
      `Salaries changed by ${Math.round(overrides.salaryChange * 1000) / 10}%; hires without a given salary take the seed mid first.`,
    );
  }
  input.hires = hires.filter((h): h is HireInput => h !== null);
  return { input, notes };
}

function checkOverrides(o: unknown, field: string): ScenarioOverrides {
  if (o === undefined || o === null) return {};
  if (typeof o !== "object" || Array.isArray(o))
    throw invalid(field, "must be an object of overrides");
  const v = o as ScenarioOverrides;
  const int = (x: unknown, f: string, min: number, max: number) => {
    if (x === undefined) return;
    if (typeof x !== "number" || !Number.isInteger(x) || x < min || x > max)
      throw invalid(
        `${field}.${f}`,
        `must be a whole number from ${min} to ${max}, got ${JSON.stringify(x)}`,
      );
  };
  int(
    v.startMonthShift,
    "startMonthShift",
    -PLAN_LIMITS.maxHorizonMonths,
    PLAN_LIMITS.maxHorizonMonths,
  );
  if (
    v.salaryChange !== undefined &&
    (typeof v.salaryChange !== "number" ||
      !Number.isFinite(v.salaryChange) ||
      v.salaryChange <= -1 ||
      v.salaryChange > 5)
  ) {
    throw invalid(
      `${field}.salaryChange`,
      `must be a share above -1 and at most 5 (0.1 = +10%), got ${JSON.stringify(v.salaryChange)}`,
    );
  }
  if (v.hires !== undefined && !Array.isArray(v.hires))
    throw invalid(`${field}.hires`, "must be a list of { index, startMonth?, salary?, count? }");
  (v.hires ?? []).forEach((h, i) => {
    if (typeof h !== "object" || h === null || Array.isArray(h) || h.index === undefined)
      throw invalid(
        `${field}.hires[${i}]`,
        "must be { index, startMonth?, salary?, count?, slipMonths? }",
      );
    int(h.index, `hires[${i}].index`, 0, PLAN_LIMITS.maxHireRows);
  });
  return v;
}

/** Runs the base plan and each scenario side by side, year by year, with each scenario's difference from the base. */
export function comparePlans(
  base: unknown,
  scenarios: unknown,
  options: SalaryOptions = {},
): PlanComparison {
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
      if (typeof name !== "string" || !name.trim() || name.length > 60)
        throw invalid(`${field}.name`, "must be a name of 1 to 60 characters");
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
  ): ScenarioResult => {
    const effective = salaryChange ? withSalaryChange(input, salaryChange, options) : input;
    // The plan as given, through the plan engine: the same figures POST /v1/plan answers.
    const r = runPlan(effective, options);
    const delays = r.hires.some((h) => h.slip.max > 0)
      ? runPlanRange(effective, options)
      : undefined;
    const years: ScenarioYear[] = r.years.map((y, i) => ({
      year: y.year,
      payroll: y.payroll,
      benefits: y.benefits,
      recruiting: y.recruiting,
      upskilling: y.upskilling,
      total: y.total,
      endHeadcount: y.endHeadcount,
      runRate: y.runRate,
      ...(delays ? { totalWithDelays: delays.years[i]!.total } : {}),
    }));
    return {
      name,
      input: effective,
      years,
      totals: { ...r.totals },
      ...(delays ? { totalWithDelays: delays.totals.total } : {}),
      notes,
    };
  };

  const baseResult = run(BASE_NAME, baseInput, []);
  const results = [baseResult];
  parsed.forEach((s, i) => {
    const r = problems.check(`scenarios[${i}]`, () => {
      const { input, notes } = applyScenario(baseInput, s.overrides);
      return run(s.name, input, notes, s.overrides.salaryChange);
    });
    if (r) results.push({ ...r, differences: difference(r, baseResult) });
  });
  problems.throwIfAny("The comparison");
  return {
    currency: "USD",
    scenarios: results,
    method:
      "Each scenario is the base plan with its overrides applied, run through the plan engine (POST /v1/plan) with every hire starting when scheduled; Base is the plan as given. Where hires may start late (slipMonths), totalWithDelays gives the total's low / expected / high from the plan range (POST /v1/plan/range) beside it. Differences are scenario minus base as scheduled, year by year; a year only one of them reaches counts the other as 0.",
  };
}

const FIELDS = ["payroll", "benefits", "recruiting", "upskilling", "total"] as const;

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
    years.push({
      year: i + 1,
      payroll: d("payroll"),
      benefits: d("benefits"),
      recruiting: d("recruiting"),
      upskilling: d("upskilling"),
      total: d("total"),
      endHeadcount: d("endHeadcount"),
      runRate: d("runRate"),
    });
  }
  const totals = { payroll: 0, benefits: 0, recruiting: 0, upskilling: 0, total: 0 };
  for (const k of FIELDS) totals[k] = s.totals[k] - base.totals[k];
  return { years, totals };
}

/** Every hire's salary (given, or the seed mid the engine would use) changed by a share, to the cent. */
function withSalaryChange(input: PlanInput, change: number, options: SalaryOptions): PlanInput {
  const resolved = normalizePlan(input, options).hires;
  return {
    ...input,
    hires: input.hires.map((h, i) => ({
      ...h,
      salary: Math.round(resolved[i]!.annualSalary * (1 + change)) / 100,
    })),
  };
}
