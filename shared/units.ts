import { toUnits } from "./money.js";
import type { PlanResult } from "./plan.js";

/** A plan result as the API and sheets show it: money in currency units (at most two decimals). */
export type PlanResultUnits = Omit<PlanResult, "hires" | "upskilling" | "months" | "years" | "totals"> & {
  hires: (Omit<PlanResult["hires"][number], "annualSalary" | "recruitingPerPerson"> & { annualSalary: number; recruitingPerPerson: number })[];
  upskilling: (Omit<PlanResult["upskilling"][number], "costPerPerson"> & { costPerPerson: number })[];
  months: PlanResult["months"];
  years: PlanResult["years"];
  totals: PlanResult["totals"];
};

const MONEY_MONTH = ["payroll", "benefits", "recruiting", "upskilling", "total", "cumulative"] as const;
const MONEY_YEAR = ["payroll", "benefits", "recruiting", "upskilling", "total", "runRate"] as const;

export function planToUnits(r: PlanResult): PlanResultUnits {
  return {
    ...r,
    hires: r.hires.map((h) => ({ ...h, annualSalary: toUnits(h.annualSalary), recruitingPerPerson: toUnits(h.recruitingPerPerson) })),
    upskilling: r.upskilling.map((u) => ({ ...u, costPerPerson: toUnits(u.costPerPerson) })),
    months: r.months.map((m) => convert(m, MONEY_MONTH)),
    years: r.years.map((y) => convert(y, MONEY_YEAR)),
    totals: convert(r.totals, ["payroll", "benefits", "recruiting", "upskilling", "total"] as const),
  };
}

function convert<T extends object, K extends keyof T>(row: T, keys: readonly K[]): T {
  const out = { ...row };
  for (const k of keys) (out as Record<K, unknown>)[k] = toUnits(row[k] as number);
  return out;
}
