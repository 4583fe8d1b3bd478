import { ProblemList, invalid } from "./errors.js";
import { type Cents } from "./money.js";
import {
  PLAN_LIMITS,
  normalizePlan,
  type HireInput,
  type PlanInput,
  type SlipInput,
} from "./plan.js";
import { runPlanRange, type Spread } from "./plan-range.js";
import type { SalaryOptions } from "./salary.js";

/** What a named scenario changes in the base plan. */
export interface ScenarioOverrides {
  horizonMonths?: number;
  benefitsRate?: number;
  annualRaise?: number;
  slipMonths?: SlipInput;
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

export interface ScenarioYear {
  year: number;
  payroll: Cents;
  benefits: Cents;
  recruiting: Cents;
  upskilling: Cents;
  total: Cents;
  /** The total's low / expected / high under the scenario's hiring delays (all equal without slip). */
  totalRange: Spread;
  endHeadcount: number;
  runRate: Cents;
}

export interface ScenarioResult {
  name: string;
  input: PlanInput;
  years: ScenarioYear[];
  totals: { payroll: Cents; benefits: Cents; recruiting: Cents; upskilling: Cents; total: Cents };
  /** This scenario minus the base, year by year and in total (absent for the base itself). */
  differences?: { years: ScenarioYear[]; totals: ScenarioResult["totals"] };
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
  for (const k of ["horizonMonths", "benefitsRate", "annualRaise", "slipMonths"] as const) {
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
    const r = runPlanRange(effective, options);
    const years: ScenarioYear[] = r.years.map((y) => ({
      year: y.year,
      payroll: y.payroll.expected,
      benefits: y.benefits.expected,
      recruiting: y.recruiting.expected,
      upskilling: y.upskilling.expected,
      total: y.total.expected,
      totalRange: y.total,
      endHeadcount: y.endHeadcount.expected,
      runRate: y.runRate.expected,
    }));
    const t = r.totals;
    return {
      name,
      input: effective,
      years,
      totals: {
        payroll: t.payroll.expected,
        benefits: t.benefits.expected,
        recruiting: t.recruiting.expected,
        upskilling: t.upskilling.expected,
        total: t.total.expected,
      },
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
      "Each scenario is the base plan with its overrides applied, run through the plan engine; with hiring delays the expected figures are shown (see the plan range method). Differences are scenario minus base, year by year; a year only one of them reaches counts the other as 0.",
  };
}

const FIELDS = ["payroll", "benefits", "recruiting", "upskilling", "total"] as const;

function difference(
  s: ScenarioResult,
  base: ScenarioResult,
): NonNullable<ScenarioResult["differences"]> {
  const n = Math.max(s.years.length, base.years.length);
  const years: ScenarioYear[] = [];
  for (let i = 0; i < n; i++) {
    const a = s.years[i];
    const b = base.years[i];
    const d = (k: (typeof FIELDS)[number] | "endHeadcount" | "runRate") =>
      (a?.[k] ?? 0) - (b?.[k] ?? 0);
    const total = d("total");
    years.push({
      year: i + 1,
      payroll: d("payroll"),
      benefits: d("benefits"),
      recruiting: d("recruiting"),
      upskilling: d("upskilling"),
      total,
      totalRange: {
        low: (a?.totalRange.low ?? 0) - (b?.totalRange.low ?? 0),
        expected: total,
        high: (a?.totalRange.high ?? 0) - (b?.totalRange.high ?? 0),
      },
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
