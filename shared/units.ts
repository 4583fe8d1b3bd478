import { toUnits } from "./money.js";
import { COST_LINES, type PlanResult } from "./plan-types.js";
import { RANGE_FIGURES, type PlanRangeResult, type Spread } from "./plan-range.js";
import type { PlanComparison, ScenarioYear } from "./plan-compare.js";
import type { HireVsUpskillResult, OptionOutcome } from "./hire-vs-upskill.js";

type PersonUnits<P> = Omit<P, "annualSalary" | "recruitingPerPerson" | "monthlyRate"> & {
  annualSalary: number;
  recruitingPerPerson: number;
  monthlyRate: number | null;
};

/** A plan result as the API and sheets show it: money in currency units (at most two decimals). */
export type PlanResultUnits = Omit<PlanResult, "hires" | "team" | "upskilling"> & {
  hires: PersonUnits<PlanResult["hires"][number]>[];
  team: PersonUnits<PlanResult["team"][number]>[];
  upskilling: (Omit<PlanResult["upskilling"][number], "costPerPerson"> & {
    costPerPerson: number;
  })[];
};

const MONEY_TOTALS = [...COST_LINES, "total"] as const;
const MONEY_MONTH = [...MONEY_TOTALS, "cumulative"] as const;
const MONEY_YEAR = [...MONEY_TOTALS, "runRate"] as const;

function personToUnits<
  P extends { annualSalary: number; recruitingPerPerson: number; monthlyRate: number | null },
>(p: P) {
  return {
    ...p,
    annualSalary: toUnits(p.annualSalary),
    recruitingPerPerson: toUnits(p.recruitingPerPerson),
    monthlyRate: p.monthlyRate === null ? null : toUnits(p.monthlyRate),
  };
}

export function planToUnits(r: PlanResult): PlanResultUnits {
  return {
    ...r,
    hires: r.hires.map(personToUnits),
    team: r.team.map(personToUnits),
    upskilling: r.upskilling.map((u) => ({ ...u, costPerPerson: toUnits(u.costPerPerson) })),
    months: r.months.map((m) => convert(m, MONEY_MONTH)),
    years: r.years.map((y) => convert(y, MONEY_YEAR)),
    totals: convert(r.totals, MONEY_TOTALS),
    departments: r.departments.map((d) => ({
      ...d,
      years: d.years.map((y) => convert(y, MONEY_YEAR)),
      totals: convert(d.totals, MONEY_TOTALS),
    })),
  };
}

function convert<T extends object, K extends keyof T>(row: T, keys: readonly K[]): T {
  const out = { ...row };
  for (const k of keys) (out as Record<K, unknown>)[k] = toUnits(row[k] as number);
  return out;
}

const spreadUnits = (s: Spread): Spread => ({
  low: toUnits(s.low),
  expected: toUnits(s.expected),
  high: toUnits(s.high),
});
/** Every money figure of a range row (each cost line and the total); headcount and FTE stay as they are. */
function costsToUnits<T extends Record<(typeof RANGE_FIGURES)[number], Spread>>(row: T): T {
  const out = { ...row };
  for (const k of RANGE_FIGURES) (out as Record<string, Spread>)[k] = spreadUnits(row[k]);
  return out;
}

/** A plan range (hiring delays) with money in currency units. */
export function planRangeToUnits(r: PlanRangeResult) {
  return {
    ...r,
    hires: r.hires.map(personToUnits),
    team: r.team.map(personToUnits),
    months: r.months.map((m) => ({ ...costsToUnits(m), cumulative: spreadUnits(m.cumulative) })),
    years: r.years.map((y) => ({ ...costsToUnits(y), runRate: spreadUnits(y.runRate) })),
    totals: costsToUnits(r.totals),
  };
}

function scenarioYearToUnits<Y extends Omit<ScenarioYear, "totalWithDelays">>(
  y: Y & { totalWithDelays?: Spread },
) {
  return {
    ...convert(y, MONEY_YEAR),
    ...(y.totalWithDelays ? { totalWithDelays: spreadUnits(y.totalWithDelays) } : {}),
  };
}

/** A scenario comparison with money in currency units. */
export function comparisonToUnits(c: PlanComparison) {
  return {
    ...c,
    scenarios: c.scenarios.map((s) => ({
      ...s,
      years: s.years.map(scenarioYearToUnits),
      totals: convert(s.totals, MONEY_TOTALS),
      ...(s.totalWithDelays ? { totalWithDelays: spreadUnits(s.totalWithDelays) } : {}),
      ...(s.differences
        ? {
            differences: {
              years: s.differences.years.map(scenarioYearToUnits),
              totals: convert(s.differences.totals, MONEY_TOTALS),
            },
          }
        : {}),
    })),
  };
}

/** Hire vs upskill with money in currency units. */
export function hireVsUpskillToUnits(r: HireVsUpskillResult) {
  const option = (o: OptionOutcome) => ({
    ...o,
    cashCost: spreadUnits(o.cashCost),
    costPerProductiveMonth: {
      low: o.costPerProductiveMonth.low === null ? null : toUnits(o.costPerProductiveMonth.low),
      expected:
        o.costPerProductiveMonth.expected === null
          ? null
          : toUnits(o.costPerProductiveMonth.expected),
      high: o.costPerProductiveMonth.high === null ? null : toUnits(o.costPerProductiveMonth.high),
    },
  });
  return { ...r, hire: option(r.hire), upskill: option(r.upskill) };
}
