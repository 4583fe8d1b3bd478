/**
 * The tables plan-shaped functions return, built from one plan result (in currency units): every
 * function and surface that shows a plan's months or years goes through these, so a sheet, the
 * CSV and AI_MODEL lay them out the same way.
 */
import { invalid } from "../errors.js";
import type { PlanResultUnits } from "../units.js";

export const MONTH_HEADER = [
  "Month",
  "Label",
  "Headcount",
  "Payroll",
  "Benefits",
  "Recruiting",
  "Upskilling",
  "Total",
  "Cumulative",
];
export const YEAR_HEADER = [
  "Year",
  "Months",
  "Payroll",
  "Benefits",
  "Recruiting",
  "Upskilling",
  "Total",
  "End headcount",
  "Run-rate",
];

export function monthsTable(r: PlanResultUnits): (string | number)[][] {
  return [
    MONTH_HEADER,
    ...r.months.map((m) => [
      m.month,
      m.label,
      m.headcount,
      m.payroll,
      m.benefits,
      m.recruiting,
      m.upskilling,
      m.total,
      m.cumulative,
    ]),
  ];
}

/** One row per plan year and a Total row (the whole horizon; headcount and run-rate at its end). */
export function yearsTable(r: PlanResultUnits): (string | number)[][] {
  return [
    YEAR_HEADER,
    ...r.years.map((y) => [
      y.year,
      y.months,
      y.payroll,
      y.benefits,
      y.recruiting,
      y.upskilling,
      y.total,
      y.endHeadcount,
      y.runRate,
    ]),
    [
      "Total",
      r.horizonMonths,
      r.totals.payroll,
      r.totals.benefits,
      r.totals.recruiting,
      r.totals.upskilling,
      r.totals.total,
      r.months.at(-1)?.headcount ?? 0,
      r.years.at(-1)?.runRate ?? 0,
    ],
  ];
}

export const PLAN_COMPONENTS = [
  "total",
  "payroll",
  "benefits",
  "recruiting",
  "upskilling",
  "headcount",
  "runrate",
] as const;
export type PlanComponent = (typeof PLAN_COMPONENTS)[number];

/** One figure from a plan: a component over the whole horizon or one year; headcount and run-rate at the end. */
export function planFigure(
  r: PlanResultUnits,
  component: PlanComponent,
  year: number | undefined,
): number {
  if (year !== undefined) {
    const row = r.years.find((y) => y.year === year);
    if (!row) throw invalid("year", `must be a plan year from 1 to ${r.years.length}, got ${year}`);
    if (component === "headcount") return row.endHeadcount;
    if (component === "runrate") return row.runRate;
    return row[component];
  }
  if (component === "headcount") return r.months.at(-1)?.headcount ?? 0;
  if (component === "runrate") return r.years.at(-1)?.runRate ?? 0;
  return r.totals[component];
}
