/**
 * Plan functions. Every one takes (hires, assumptions, …): the hires table, the assumptions block
 * (the API's plan-body names as labels) and, where it applies, the upskilling table; every one
 * computes the plan's figures through the plan engine (runPlan), as POST /v1/plan does.
 */
import { assumptionsBlockRows, readAssumptionsBlock } from "../assumptions-block.js";
import { toUnits } from "../money.js";
import type { PlanAssumptionsInput } from "../plan-assumptions.js";
import { comparePlans, type ScenarioResult } from "../plan-compare.js";
import { runPlanRange, type Spread } from "../plan-range.js";
import {
  runPlan,
  type HireInput,
  type PlanInput,
  type TeamInput,
  type UpskillingInput,
} from "../plan.js";
import type { SalaryOptions } from "../salary.js";
import { scenariosFromRange } from "../scenario-columns.js";
import {
  hiresFromRange,
  teamFromRange,
  upskillingFromRange,
  type Cell,
  type SheetArg,
  type SheetResult,
} from "../sheet-values.js";
import { PLAN_TEMPLATES, planTemplate } from "../templates.js";
import { planToUnits, type PlanResultUnits } from "../units.js";
import { comparisonWork, planRangeWork, planWork, WORK_COSTS } from "../work-budget.js";
import { assumptions, choice, integer, table, text } from "./args.js";
import {
  PLAN_COMPONENTS,
  departmentsTable,
  monthsTable,
  planFigure,
  yearsTable,
} from "./tables.js";
import { defineFunction, type CatalogueEntry } from "./types.js";

const HIRES_HELP =
  "Range whose first row names its columns: Role, Level, Location, Start month, Count, and optionally Salary, Recruiting cost, Channel, Slip min, Slip max, End month, FTE, Type (employee or contractor), Monthly rate (a contractor's), Department, Bonus rate, Equity rate. Any role is planned at a Salary given (Level may then be blank).";
const UPSKILLING_HELP =
  "Optional range with columns Path, People, Start month, Cost per person, Department.";
const TEAM_HELP =
  "Optional range of the people already employed, paid from month 1 and never charged recruiting: Role (any), Salary, and optionally Level, Location, Count, FTE, Department, End month, Type, Monthly rate, Bonus rate, Equity rate.";

const hires = table("hires", HIRES_HELP, hiresFromRange);
const planAssumptions = assumptions("assumptions");
const upskilling = table("upskilling", UPSKILLING_HELP, upskillingFromRange, { optional: true });
const team = table("team", TEAM_HELP, teamFromRange, { optional: true });

/** What the arguments of each part are called in errors: the argument names, or a sheet's own labels. */
export interface PlanRangeLabels {
  hires: string;
  assumptions: string;
  upskilling: string;
  team?: string;
}

/** A plan input from its parts, as every plan function and the add-on's plan sheet build it. */
export function planInput(parts: {
  hires: HireInput[];
  assumptions: PlanAssumptionsInput;
  upskilling?: UpskillingInput[] | undefined;
  team?: TeamInput[] | undefined;
}): PlanInput {
  return {
    ...parts.assumptions,
    hires: parts.hires,
    ...(parts.team?.length ? { team: parts.team } : {}),
    ...(parts.upskilling?.length ? { upskilling: parts.upskilling } : {}),
  };
}

/**
 * A plan input from sheet ranges (hires table, assumptions block, upskilling table), read by the
 * same parsers the plan functions' arguments use: the add-on reads a plan sheet back with it.
 */
export function planInputFromRanges(
  ranges: { hires: SheetArg; assumptions?: SheetArg; upskilling?: SheetArg; team?: SheetArg },
  labels: PlanRangeLabels = {
    hires: "hires",
    assumptions: "assumptions",
    upskilling: "upskilling",
    team: "team",
  },
): PlanInput {
  return planInput({
    hires: hiresFromRange(ranges.hires, labels.hires),
    assumptions: readAssumptionsBlock(ranges.assumptions, labels.assumptions),
    upskilling: upskillingFromRange(ranges.upskilling, labels.upskilling),
    team: teamFromRange(ranges.team, labels.team ?? "team"),
  });
}

/** The plan's figures in currency units: the plan engine, exactly as POST /v1/plan runs it. */
function planResult(input: PlanInput, options: SalaryOptions): PlanResultUnits {
  return planToUnits(runPlan(input, options));
}

export const EXAMPLE_HIRES: Cell[][] = [
  ["Role", "Level", "Location", "Start month", "Count"],
  ["ML Engineer", "Mid", "Austin", 1, 1],
  ["Data Scientist", "Mid", "US", 3, 1],
  ["AI Product Manager", "Entry", "US", 5, 1],
];
export const EXAMPLE_ASSUMPTIONS: Cell[][] = [
  ["Horizon months", 24],
  ["Benefits rate", 0.25],
  ["Annual raise", 0.04],
  ["Start date", "2027-01"],
];
/** The example hires with a Department column, for the department breakdown. */
const DEPARTMENT_HIRES: Cell[][] = EXAMPLE_HIRES.map((row, i) => [
  ...row,
  i === 0 ? "Department" : (["AI", "Data", "Product"][i - 1] ?? ""),
]);
const HIRES_A1 = "Hires!A1:E4";
const ASSUMPTIONS_A1 = "Assumptions!A1:B4";

const spreadRow = (v: Spread, money = true) =>
  money ? [toUnits(v.low), toUnits(v.expected), toUnits(v.high)] : [v.low, v.expected, v.high];

/** Year | Base | each scenario and its difference; beside any that may slip, its low / expected / high. */
function comparisonTable(scenarios: ScenarioResult[]): SheetResult {
  const [base, ...others] = scenarios;
  const delayHeads = (s: ScenarioResult) =>
    s.totalWithDelays
      ? [`${s.name} (delays) low`, `${s.name} (delays) expected`, `${s.name} (delays) high`]
      : [];
  const header = [
    "Year",
    "Base",
    ...delayHeads(base!),
    ...others.flatMap((s) => [s.name, `${s.name} − Base`, ...delayHeads(s)]),
  ];
  const delays = (s: ScenarioResult, spread: Spread | undefined) =>
    s.totalWithDelays ? (spread ? spreadRow(spread) : ["", "", ""]) : [];
  const years = Math.max(...scenarios.map((s) => s.years.length));
  const rows: (string | number)[][] = [header];
  // Fiscal years read by their label (FY2027); plan years by their number, as always.
  const fiscal = base!.years.some((y) => y.label.startsWith("FY"));
  for (let i = 0; i < years; i++) {
    const b = base!.years[i];
    rows.push([
      fiscal && b ? b.label : i + 1,
      toUnits(b?.total ?? 0),
      ...delays(base!, b?.totalWithDelays),
      ...others.flatMap((s) => [
        toUnits(s.years[i]?.total ?? 0),
        toUnits(s.differences!.years[i]!.total),
        ...delays(s, s.years[i]?.totalWithDelays),
      ]),
    ]);
  }
  rows.push([
    "Total",
    toUnits(base!.totals.total),
    ...delays(base!, base!.totalWithDelays),
    ...others.flatMap((s) => [
      toUnits(s.totals.total),
      toUnits(s.differences!.totals.total),
      ...delays(s, s.totalWithDelays),
    ]),
  ]);
  return rows;
}

export const PLAN_FUNCTIONS: CatalogueEntry[] = [
  defineFunction({
    name: "AI_PLAN",
    category: "Plan",
    summary:
      "Month-by-month plan: headcount, payroll, benefits, recruiting, upskilling (and taxes, bonus, equity, contractors, backfill and FTE where the plan has them), total and cumulative cost.",
    args: [hires, planAssumptions, upskilling, team],
    returns: { kind: "table", help: "A header row, then one row per month." },
    example: {
      args: [EXAMPLE_HIRES, EXAMPLE_ASSUMPTIONS],
      formula: `=AI_PLAN(${HIRES_A1}, ${ASSUMPTIONS_A1})`,
    },
    work: (parts) => planWork(planInput(parts)),
    run: (parts, ctx) => monthsTable(planResult(planInput(parts), ctx)),
  }),
  defineFunction({
    name: "AI_PLAN_SUMMARY",
    category: "Plan",
    summary:
      "Yearly summary of a plan (with a start date, fiscal years such as FY2027, calendar years unless a fiscal year start is given): cost by line, end-of-year headcount and run-rate, with a Total row.",
    args: [hires, planAssumptions, upskilling, team],
    returns: { kind: "table", help: "A header row, one row per plan year, and a Total row." },
    example: {
      args: [EXAMPLE_HIRES, EXAMPLE_ASSUMPTIONS],
      formula: `=AI_PLAN_SUMMARY(${HIRES_A1}, ${ASSUMPTIONS_A1})`,
    },
    work: (parts) => planWork(planInput(parts)),
    run: (parts, ctx) => yearsTable(planResult(planInput(parts), ctx)),
  }),
  defineFunction({
    name: "AI_PLAN_DEPARTMENTS",
    category: "Plan",
    summary:
      "A plan by department (the hires' Department column; blank is AI): each department's cost by line per year and in total, adding up to the plan's own figures to the cent.",
    args: [
      hires,
      planAssumptions,
      choice(
        "view",
        '"years" (each department\'s years and total) or "totals" (one row per department).',
        ["years", "totals"] as const,
        { default: "years" },
      ),
      upskilling,
      team,
    ],
    returns: {
      kind: "table",
      help: "Department, Year, Months, each cost line, Total, End headcount, Run-rate; an All departments row equal to the plan's totals.",
    },
    example: {
      args: [DEPARTMENT_HIRES, EXAMPLE_ASSUMPTIONS, "totals"],
      formula: `=AI_PLAN_DEPARTMENTS(Hires!A1:F4, ${ASSUMPTIONS_A1}, "totals")`,
    },
    work: ({ view: _view, ...parts }) => planWork(planInput(parts)),
    run: ({ view, ...parts }, ctx) => departmentsTable(planResult(planInput(parts), ctx), view),
  }),
  defineFunction({
    name: "AI_PLAN_COST",
    category: "Plan",
    summary:
      "One figure from a plan: total cost (or a cost line such as payroll, taxes or backfill, headcount, FTE or run-rate), for the whole horizon or one year.",
    args: [
      hires,
      planAssumptions,
      choice(
        "component",
        `${PLAN_COMPONENTS.join(", ")}: a cost line, headcount, FTE or run-rate.`,
        PLAN_COMPONENTS,
        { default: "total" },
      ),
      integer(
        "year",
        "Plan year (1 = the first; with fiscal years also their number, 2027 = FY2027); blank for the whole horizon.",
        { optional: true, min: 1 },
      ),
      upskilling,
      team,
    ],
    returns: { kind: "number", help: "The figure in USD (or people for headcount)." },
    example: {
      args: [EXAMPLE_HIRES, EXAMPLE_ASSUMPTIONS, "total", 2],
      formula: `=AI_PLAN_COST(${HIRES_A1}, ${ASSUMPTIONS_A1}, "total", 2)`,
    },
    work: ({ component: _c, year: _y, ...parts }) => planWork(planInput(parts)),
    run: ({ component, year, ...parts }, ctx) =>
      planFigure(planResult(planInput(parts), ctx), component, year),
  }),
  defineFunction({
    name: "AI_PLAN_WARNINGS",
    category: "Plan",
    summary: "The ratio rules a plan's team breaks, and in which months.",
    args: [hires, planAssumptions, upskilling, team],
    returns: { kind: "column", help: 'One line per broken rule, or "OK".' },
    example: {
      args: [EXAMPLE_HIRES, EXAMPLE_ASSUMPTIONS],
      formula: `=AI_PLAN_WARNINGS(${HIRES_A1}, ${ASSUMPTIONS_A1})`,
    },
    work: (parts) => planWork(planInput(parts)),
    run: (parts, ctx) => {
      const r = runPlan(planInput(parts), ctx);
      return r.warnings.length ? r.warnings.map((w) => [w.message]) : [["OK"]];
    },
  }),
  defineFunction({
    name: "AI_PLAN_TEMPLATE",
    category: "Plan",
    summary:
      "The seed's build-out plan as a hires table, its assumptions block or its upskilling table, ready to use as AI_PLAN's arguments.",
    args: [
      text(
        "name",
        `Template: ${PLAN_TEMPLATES.map((t) => t.name).join(" or ")} (or "year 1", "year 2").`,
      ),
      choice(
        "table",
        '"hires", "assumptions" or "upskilling".',
        ["hires", "assumptions", "upskilling"] as const,
        { default: "hires" },
      ),
    ],
    returns: {
      kind: "table",
      help: "Role, Level, Location, Start month, Count, Salary, Recruiting cost; or label | value rows; or Path, People, Start month, Cost per person.",
    },
    example: { args: ["year-1-build-out"] },
    cost: 2 * WORK_COSTS.lookup,
    run: ({ name, table }) => {
      const t = planTemplate(name);
      if (table === "assumptions") return assumptionsBlockRows(t.input).map((r) => r.row);
      if (table === "upskilling")
        return [
          ["Path", "People", "Start month", "Cost per person"],
          ...t.input.upskilling.map((u) => [u.path, u.people, u.startMonth, u.costPerPerson ?? ""]),
        ];
      return [
        ["Role", "Level", "Location", "Start month", "Count", "Salary", "Recruiting cost"],
        ...t.input.hires.map((h) => [
          h.role,
          String(h.level),
          h.location ?? "US",
          h.startMonth,
          h.count ?? 1,
          h.salary ?? "",
          h.recruitingCost ?? "",
        ]),
      ];
    },
  }),
  defineFunction({
    name: "AI_PLAN_RANGE",
    category: "Plan",
    summary:
      "A plan under hiring delays: low, expected and high headcount and cost per month (or per year) when hires may start late (Slip months in the assumptions, or Slip min / Slip max columns in the hires).",
    args: [
      hires,
      planAssumptions,
      choice("view", '"months" or "years".', ["months", "years"] as const, { default: "months" }),
      upskilling,
      team,
    ],
    returns: {
      kind: "table",
      help: "Per month: headcount, total and cumulative cost, each low / expected / high; or per year: total, end headcount and run-rate.",
    },
    example: {
      args: [EXAMPLE_HIRES, [...EXAMPLE_ASSUMPTIONS, ["Slip months", "0-2"]], "years"],
      formula: `=AI_PLAN_RANGE(${HIRES_A1}, Assumptions!A1:B5, "years")`,
    },
    work: ({ view: _view, ...parts }) => planRangeWork(planInput(parts)),
    run: ({ view, ...parts }, ctx) => {
      const r = runPlanRange(planInput(parts), ctx);
      if (view === "years") {
        return [
          [
            "Year",
            "Total low",
            "Total expected",
            "Total high",
            "End headcount low",
            "End headcount expected",
            "End headcount high",
            "Run-rate low",
            "Run-rate expected",
            "Run-rate high",
          ],
          // Fiscal years read by their label (FY2027), plan years by their number, as in AI_PLAN_SUMMARY.
          ...r.years.map((y) => [
            y.label.startsWith("FY") ? y.label : y.year,
            ...spreadRow(y.total),
            ...spreadRow(y.endHeadcount, false),
            ...spreadRow(y.runRate),
          ]),
        ];
      }
      return [
        [
          "Month",
          "Label",
          "Headcount low",
          "Headcount expected",
          "Headcount high",
          "Total low",
          "Total expected",
          "Total high",
          "Cumulative low",
          "Cumulative expected",
          "Cumulative high",
        ],
        ...r.months.map((m) => [
          m.month,
          m.label,
          ...spreadRow(m.headcount, false),
          ...spreadRow(m.total),
          ...spreadRow(m.cumulative),
        ]),
      ];
    },
  }),
  defineFunction({
    name: "AI_PLAN_COMPARE",
    category: "Plan",
    summary:
      "Scenarios side by side: each year's total cost for the plan as given (Base) and each scenario, with the difference from the base; where hires may start late, the low / expected / high under those delays beside it.",
    args: [
      hires,
      planAssumptions,
      table(
        "scenarios",
        'Range with a Scenario column and any of: Start shift, Salary change, any assumption (Horizon months, Benefits rate, Annual raise, Start date, Slip months or Slip min / Slip max, Payroll tax rate, Bonus rate, …), Remove hires (hire numbers from 1, e.g. "1, 3"), Remove department hires, one hire to add (Add role, Add level, Add location, Add start month, Add count, Add salary, Add department) and one upskilling entry in place of the plan\'s (Upskill path, Upskill people, Upskill start month, Upskill cost per person).',
        scenariosFromRange,
      ),
      upskilling,
      team,
    ],
    returns: {
      kind: "table",
      help: "Year, Base, then each scenario and its difference from the base (and low / expected / high columns for any that may slip); a Total row.",
    },
    example: {
      args: [
        EXAMPLE_HIRES,
        EXAMPLE_ASSUMPTIONS,
        [
          ["Scenario", "Start shift", "Salary change", "Annual raise"],
          ["Hire later", 3, "", ""],
          ["Pay more", "", "10%", ""],
          ["Raise 6%", "", "", "6%"],
        ],
      ],
      formula: `=AI_PLAN_COMPARE(${HIRES_A1}, ${ASSUMPTIONS_A1}, Scenarios!A1:D4)`,
    },
    work: ({ scenarios, ...parts }) => comparisonWork(planInput(parts), scenarios),
    run: ({ scenarios, ...parts }, ctx) =>
      comparisonTable(comparePlans(planInput(parts), scenarios, ctx).scenarios),
  }),
];
