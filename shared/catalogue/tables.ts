/**
 * The tables plan-shaped functions return, built from one plan result (in currency units): every
 * function and surface that shows a plan's months or years goes through these, so a sheet, the
 * CSV and AI_MODEL lay them out the same way. A plan shows the cost lines it can have (its
 * `costLines`): payroll, benefits, recruiting and upskilling always, and taxes, bonus, equity,
 * contractors and backfill where its input uses them; an FTE column where someone is part-time.
 */
import { invalid } from "../errors.js";
import { COST_LINES, type CostLine, type PlanYear } from "../plan-types.js";
import type { PlanResultUnits } from "../units.js";

export const COST_LINE_HEADERS: Record<CostLine, string> = {
  payroll: "Payroll",
  benefits: "Benefits",
  taxes: "Taxes",
  bonus: "Bonus",
  equity: "Equity",
  contractors: "Contractors",
  recruiting: "Recruiting",
  backfill: "Backfill",
  upskilling: "Upskilling",
};

/** The lines every plan shows (a result from before cost lines were listed shows these). */
const ALWAYS: readonly CostLine[] = ["payroll", "benefits", "recruiting", "upskilling"];

/** The cost lines a result's tables show, in COST_LINES order. */
export function shownLines(r: Pick<PlanResultUnits, "costLines">): CostLine[] {
  const used = new Set<CostLine>(r.costLines ?? ALWAYS);
  return COST_LINES.filter((l) => used.has(l));
}

/** Whether anyone is part-time: then FTE is shown beside headcount. */
function showsFte(r: PlanResultUnits): boolean {
  return r.months.some((m) => m.fte !== undefined && m.fte !== m.headcount);
}

/** Years are fiscal years (labelled FY2027): the Year column shows the label. */
function fiscal(years: readonly Pick<PlanYear, "label">[]): boolean {
  return years.some((y) => y.label?.startsWith("FY"));
}

export function monthsTable(r: PlanResultUnits): (string | number)[][] {
  const lines = shownLines(r);
  const fte = showsFte(r);
  return [
    [
      "Month",
      "Label",
      "Headcount",
      ...(fte ? ["FTE"] : []),
      ...lines.map((l) => COST_LINE_HEADERS[l]),
      "Total",
      "Cumulative",
    ],
    ...r.months.map((m) => [
      m.month,
      m.label,
      m.headcount,
      ...(fte ? [m.fte] : []),
      ...lines.map((l) => m[l]),
      m.total,
      m.cumulative,
    ]),
  ];
}

/** One row per plan year and a Total row (the whole horizon; headcount and run-rate at its end). */
export function yearsTable(r: PlanResultUnits): (string | number)[][] {
  const lines = shownLines(r);
  const fte = showsFte(r);
  const byLabel = fiscal(r.years);
  return [
    [
      "Year",
      "Months",
      ...lines.map((l) => COST_LINE_HEADERS[l]),
      "Total",
      "End headcount",
      ...(fte ? ["End FTE"] : []),
      "Run-rate",
    ],
    ...r.years.map((y) => [
      byLabel ? y.label : y.year,
      y.months,
      ...lines.map((l) => y[l]),
      y.total,
      y.endHeadcount,
      ...(fte ? [y.endFte] : []),
      y.runRate,
    ]),
    [
      "Total",
      r.horizonMonths,
      ...lines.map((l) => r.totals[l]),
      r.totals.total,
      r.months.at(-1)?.headcount ?? 0,
      ...(fte ? [r.months.at(-1)?.fte ?? 0] : []),
      r.years.at(-1)?.runRate ?? 0,
    ],
  ];
}

/**
 * Each department's years and its Total row, then "All departments" rows that are the plan's own
 * (the departments add up to them, to the cent). `view` "totals": one row per department and the
 * plan's total.
 */
export function departmentsTable(
  r: PlanResultUnits,
  view: "years" | "totals" = "years",
): (string | number)[][] {
  const lines = shownLines(r);
  const header = [
    "Department",
    "Year",
    "Months",
    ...lines.map((l) => COST_LINE_HEADERS[l]),
    "Total",
    "End headcount",
    "Run-rate",
  ];
  const yearRow = (department: string, y: PlanYear) => [
    department,
    y.label,
    y.months,
    ...lines.map((l) => y[l]),
    y.total,
    y.endHeadcount,
    y.runRate,
  ];
  const totalRow = (
    department: string,
    totals: PlanResultUnits["totals"],
    last: PlanYear | undefined,
  ) => [
    department,
    "Total",
    r.horizonMonths,
    ...lines.map((l) => totals[l]),
    totals.total,
    last?.endHeadcount ?? 0,
    last?.runRate ?? 0,
  ];
  const rows: (string | number)[][] = [header];
  for (const d of r.departments) {
    if (view === "years") for (const y of d.years) rows.push(yearRow(d.department, y));
    rows.push(totalRow(d.department, d.totals, d.years.at(-1)));
  }
  rows.push(totalRow("All departments", r.totals, r.years.at(-1)));
  return rows;
}

export const PLAN_COMPONENTS = [
  "total",
  "payroll",
  "benefits",
  "recruiting",
  "upskilling",
  "headcount",
  "runrate",
  "taxes",
  "bonus",
  "equity",
  "contractors",
  "backfill",
  "fte",
] as const;
export type PlanComponent = (typeof PLAN_COMPONENTS)[number];

/**
 * One figure from a plan: a component over the whole horizon or one year (1 = the plan's first,
 * or a fiscal year by its number, 2027 = FY2027); headcount, FTE and run-rate at the end.
 */
export function planFigure(
  r: PlanResultUnits,
  component: PlanComponent,
  year: number | undefined,
): number {
  if (year !== undefined) {
    const row =
      r.years.find((y) => y.year === year) ?? r.years.find((y) => y.label === `FY${year}`);
    if (!row)
      throw invalid(
        "year",
        `must be a plan year from 1 to ${r.years.length}${fiscal(r.years) ? ` or a fiscal year (${r.years.map((y) => y.label.slice(2)).join(", ")})` : ""}, got ${year}`,
      );
    if (component === "headcount") return row.endHeadcount;
    if (component === "fte") return row.endFte;
    if (component === "runrate") return row.runRate;
    return row[component];
  }
  if (component === "headcount") return r.months.at(-1)?.headcount ?? 0;
  if (component === "fte") return r.months.at(-1)?.fte ?? 0;
  if (component === "runrate") return r.years.at(-1)?.runRate ?? 0;
  return r.totals[component];
}
