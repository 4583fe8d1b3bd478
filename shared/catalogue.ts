/**
 * The one catalogue of spreadsheet functions: names, arguments, help and implementations. The
 * API's /v1/functions and /v1/batch, the add-on's custom functions (with their @customfunction
 * JSDoc) and the docs are all generated from this table, so they cannot drift apart.
 */
import { PlannerError, invalid } from "./errors.js";
import { PROFILE_SECTIONS, type ProfileSection } from "./data/profiles.js";
import { toUnits } from "./money.js";
import { NameIndex, resolveChoice } from "./names.js";
import { runPlan, type PlanInput } from "./plan.js";
import { runPlanRange, type Spread } from "./plan-range.js";
import { comparePlans } from "./plan-compare.js";
import { hireVsUpskill } from "./hire-vs-upskill.js";
import {
  SALARY_POINTS,
  positionInRange,
  salaryRange,
  totalCompEstimate,
  type SalaryPoint,
  type SalaryRange,
  type WorkspaceBand,
} from "./salary.js";
import {
  cellOf,
  hiresFromRange,
  isBlank,
  isRange,
  optionalNumber,
  optionalText,
  scenariosFromRange,
  toMonth,
  toNumber,
  toText,
  upskillingFromRange,
  type Cell,
  type SheetArg,
  type SheetResult,
} from "./sheet-values.js";
import {
  checkProjectsPerEngineer,
  checkTeam,
  dataPeopleFor,
  engineersFor,
  managersFor,
  productManagersFor,
  recommendTeam,
} from "./team.js";
import { planTemplate, PLAN_TEMPLATES } from "./templates.js";
import { careerTransitions, upskillingPath } from "./upskilling.js";
import {
  dataset,
  listChannels,
  listLevels,
  listLocations,
  listRoles,
  roleProfile,
} from "./dataset.js";
import { planToUnits, type PlanResultUnits } from "./units.js";

export type ArgType = "text" | "number" | "range" | "any";

export interface ArgSpec {
  name: string;
  type: ArgType;
  optional?: boolean;
  /** How the default reads in help text, e.g. "US" or "24". */
  defaultText?: string;
  help: string;
  /** A range given here is mapped cell by cell (one result per cell). */
  mappable?: boolean;
}

export type ReturnKind = "number" | "text" | "row" | "column" | "table";

/** A shared model's result by id or share token; supplied by the add-on or the API (they do the I/O). */
export type ModelResolver = (idOrToken: string) => {
  name: string;
  version: number;
  result: PlanResultUnits;
};

export interface FunctionContext {
  bands?: readonly WorkspaceBand[];
  models?: ModelResolver;
}

export interface CatalogueEntry {
  name: string;
  category: "Salary" | "Team" | "Plan" | "Upskilling" | "Reference" | "Models";
  summary: string;
  args: ArgSpec[];
  returns: { kind: ReturnKind; help: string };
  example: { args: SheetArg[]; formula?: string };
  /** Reads data over the network (shared models): the add-on fetches, the API reads its store. */
  network?: boolean;
  run(args: SheetArg[], ctx: FunctionContext): SheetResult;
}

const text = (name: string, help: string, extra: Partial<ArgSpec> = {}): ArgSpec => ({
  name,
  type: "text",
  help,
  mappable: true,
  ...extra,
});
const number = (name: string, help: string, extra: Partial<ArgSpec> = {}): ArgSpec => ({
  name,
  type: "number",
  help,
  mappable: true,
  ...extra,
});
const range = (name: string, help: string, extra: Partial<ArgSpec> = {}): ArgSpec => ({
  name,
  type: "range",
  help,
  ...extra,
});

const ROLE = text("role", 'Role name or alias, e.g. "ML Engineer", "MLE", "Data Scientist".');
const LEVEL = {
  ...text("level", 'Entry, Mid or Senior (or "Junior", "Sr", or years of experience).'),
  type: "any" as const,
};
const LOCATION = text(
  "location",
  'City or alias ("SF", "NYC", "Austin", "London", "Remote"); blank for the US as a whole.',
  { optional: true, defaultText: "US" },
);
const BASIS = text(
  "basis",
  '"base" (000\'s base salary lists), "total" (002\'s total compensation) or "market" (002\'s career-path salaries).',
  { optional: true, defaultText: "base" },
);
const CURRENCY = text(
  "currency",
  '"USD" or "GBP"; defaults to the location\'s currency (GBP for London).',
  { optional: true, defaultText: "location's" },
);
const HIRES = range(
  "hires",
  "Range whose first row names its columns: Role, Level, Location, Start month, Count, and optionally Salary, Recruiting cost, Channel.",
);
const HORIZON = number("horizon_months", "Months to plan, 1-120.", {
  optional: true,
  defaultText: "24",
  mappable: false,
});
const BENEFITS = number("benefits_rate", "Benefits as a share of payroll, e.g. 0.25 or 25%.", {
  optional: true,
  defaultText: "0",
  mappable: false,
});
const RAISE = number("annual_raise", "Raise on each hire's anniversary, e.g. 0.03.", {
  optional: true,
  defaultText: "0",
  mappable: false,
});
const START = {
  ...text("start_date", 'Calendar month of month 1, e.g. "2027-01" or a date.', {
    optional: true,
    mappable: false,
  }),
  type: "any" as const,
};
const UPSKILLING = range(
  "upskilling",
  "Optional range with columns Path, People, Start month, Cost per person.",
  { optional: true },
);

const str = (v: Cell, field: string) => toText(v, field);
const opt = (v: Cell) => (isBlank(v) ? undefined : v);

function salaryQuery(args: Cell[]) {
  return {
    role: str(args[0], "role"),
    level: typeof args[1] === "number" ? args[1] : str(args[1], "level"),
    location: opt(args[2]),
    basis: opt(args[3]),
    currency: opt(args[4]),
  };
}

function point(range: SalaryRange, which: SalaryPoint): number {
  return toUnits(range[which]);
}

function describeSources(r: SalaryRange): string {
  if (r.provenance === "workspace") return `workspace band: ${r.method}`;
  const src = r.sources.map((s) => `${s.file} › ${s.section}: "${s.quote}"`).join(" | ");
  return r.derived ? `derived: ${r.method}. Sources: ${src}` : `seed: ${src}`;
}

/** What each plan argument is called in error messages: the argument names, or a sheet's own labels. */
export interface PlanArgLabels {
  hires: string;
  horizon: string;
  benefits: string;
  raise: string;
  start: string;
  upskilling: string;
}

const PLAN_ARG_LABELS: PlanArgLabels = {
  hires: "hires",
  horizon: "horizon_months",
  benefits: "benefits_rate",
  raise: "annual_raise",
  start: "start_date",
  upskilling: "upskilling",
};

/** A plan input from sheet arguments: hires range, horizon, benefits rate, raise, start date, upskilling range. */
export function planInputFromArgs(
  args: readonly SheetArg[],
  labels: PlanArgLabels = PLAN_ARG_LABELS,
): PlanInput {
  const input: PlanInput = { hires: hiresFromRange(args[0]!, labels.hires) };
  const horizon = optionalNumber(cellOf(args[1], labels.horizon), labels.horizon);
  if (horizon !== undefined) input.horizonMonths = horizon;
  const benefits = optionalNumber(cellOf(args[2], labels.benefits), labels.benefits);
  if (benefits !== undefined) input.benefitsRate = benefits;
  const raise = optionalNumber(cellOf(args[3], labels.raise), labels.raise);
  if (raise !== undefined) input.annualRaise = raise;
  const start = toMonth(cellOf(args[4], labels.start), labels.start);
  if (start !== undefined) input.startDate = start;
  if (args[5] !== undefined && !isBlank(args[5] as Cell))
    input.upskilling = upskillingFromRange(args[5]!, labels.upskilling);
  return input;
}

const PLAN_ARGS = [HIRES, HORIZON, BENEFITS, RAISE, START, UPSKILLING];

const EXAMPLE_HIRES: Cell[][] = [
  ["Role", "Level", "Location", "Start month", "Count"],
  ["ML Engineer", "Mid", "Austin", 1, 1],
  ["Data Scientist", "Mid", "US", 3, 1],
  ["AI Product Manager", "Entry", "US", 5, 1],
];

const MONTH_HEADER = [
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
const YEAR_HEADER = [
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

function monthsTable(r: PlanResultUnits): (string | number)[][] {
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

function yearsTable(r: PlanResultUnits): (string | number)[][] {
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
      r.months[r.months.length - 1]?.headcount ?? 0,
      r.years[r.years.length - 1]?.runRate ?? 0,
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
type PlanComponent = (typeof PLAN_COMPONENTS)[number];

/** One figure from a plan: a component over the whole horizon or one year; headcount and run-rate at the end. */
function planFigure(r: PlanResultUnits, componentArg: Cell, yearArg: Cell): number {
  const component = resolveChoice<PlanComponent>(
    isBlank(componentArg) ? undefined : str(componentArg, "component").replace(/[-\s]/g, ""),
    PLAN_COMPONENTS,
    "component",
    "total",
  );
  const year = optionalNumber(yearArg, "year");
  if (year !== undefined) {
    const row = r.years.find((y) => y.year === year);
    if (!row) throw invalid("year", `must be a plan year from 1 to ${r.years.length}, got ${year}`);
    if (component === "headcount") return row.endHeadcount;
    if (component === "runrate") return row.runRate;
    return row[component];
  }
  if (component === "headcount") return r.months[r.months.length - 1]?.headcount ?? 0;
  if (component === "runrate") return r.years[r.years.length - 1]?.runRate ?? 0;
  return r.totals[component];
}

const SECTION_NAMES: Record<ProfileSection | "summary", string> = {
  summary: "summary",
  whatTheyDo: "what they do",
  lookFor: "what to look for",
  redFlags: "red flags",
  whereToFind: "where to find them",
  interview: "interview approach",
};
const sectionIndex = new NameIndex<ProfileSection | "summary">(
  "profile section",
  "INVALID_ARGUMENT",
  ["summary", ...PROFILE_SECTIONS],
  (s) => SECTION_NAMES[s],
  (s) => [
    s,
    SECTION_NAMES[s].replace(/^what /, ""),
    s === "whereToFind"
      ? "find"
      : s === "lookFor"
        ? "look for"
        : s === "redFlags"
          ? "flags"
          : s === "whatTheyDo"
            ? "what"
            : s,
  ],
);

const ratioRules = ["engineers", "data", "pm", "manager"] as const;

export const CATALOGUE: CatalogueEntry[] = [
  {
    name: "AI_SALARY",
    category: "Salary",
    summary: "Salary for a role, level and location: the mid of the range, or its low or high.",
    args: [
      ROLE,
      LEVEL,
      LOCATION,
      BASIS,
      CURRENCY,
      text("point", '"mid", "low" or "high".', { optional: true, defaultText: "mid" }),
    ],
    returns: { kind: "number", help: "Annual amount in the currency." },
    example: { args: ["ML Engineer", "Mid", "Austin"] },
    run: (a, ctx) => {
      const args = a as Cell[];
      const which = resolveChoice<SalaryPoint>(opt(args[5]), SALARY_POINTS, "point", "mid");
      return point(salaryRange(salaryQuery(args), { bands: ctx.bands }), which);
    },
  },
  {
    name: "AI_SALARY_RANGE",
    category: "Salary",
    summary: "Low, mid and high salary for a role, level and location, as one row.",
    args: [ROLE, LEVEL, LOCATION, BASIS, CURRENCY],
    returns: {
      kind: "row",
      help: "One row: low, mid, high (one row per input row when given ranges).",
    },
    example: { args: ["Data Scientist", "Senior", "NYC"] },
    run: (a, ctx) => {
      const r = salaryRange(salaryQuery(a as Cell[]), { bands: ctx.bands });
      return [[point(r, "low"), point(r, "mid"), point(r, "high")]];
    },
  },
  {
    name: "AI_SALARY_SOURCE",
    category: "Salary",
    summary:
      "Where a salary figure comes from: the seed, section and words, or how it was derived.",
    args: [ROLE, LEVEL, LOCATION, BASIS, CURRENCY],
    returns: { kind: "text", help: "The provenance of AI_SALARY's figure for the same arguments." },
    example: { args: ["ML Engineer", "Senior", "Austin"] },
    run: (a, ctx) => describeSources(salaryRange(salaryQuery(a as Cell[]), { bands: ctx.bands })),
  },
  {
    name: "AI_SALARY_POSITION",
    category: "Salary",
    summary: "Where a salary sits in its range: 0 at the low end, 1 at the high end.",
    args: [number("salary", "The annual salary to place."), ROLE, LEVEL, LOCATION, BASIS],
    returns: { kind: "number", help: "Position in range (below 0 or above 1 when outside it)." },
    example: { args: [165000, "ML Engineer", "Mid"] },
    run: (a, ctx) => {
      const args = a as Cell[];
      const salary = toNumber(args[0], "salary");
      return positionInRange(salary, salaryRange(salaryQuery(args.slice(1)), { bands: ctx.bands }));
    },
  },
  {
    name: "AI_TOTAL_COMP",
    category: "Salary",
    summary:
      "Total compensation estimated from the base range and the seed's equity share for a company stage.",
    args: [
      ROLE,
      LEVEL,
      LOCATION,
      text("stage", '"startup" (equity 50–100% of base) or "public" (30–50%).', {
        optional: true,
        defaultText: "startup",
      }),
      text("point", '"mid", "low" or "high".', { optional: true, defaultText: "mid" }),
    ],
    returns: { kind: "number", help: "Estimated annual total compensation (derived)." },
    example: { args: ["ML Engineer", "Senior", "", "public"] },
    run: (a, ctx) => {
      const args = a as Cell[];
      const which = resolveChoice<SalaryPoint>(opt(args[4]), SALARY_POINTS, "point", "mid");
      const r = totalCompEstimate(
        {
          role: str(args[0], "role"),
          level: typeof args[1] === "number" ? args[1] : str(args[1], "level"),
          location: opt(args[2]),
          stage: opt(args[3]),
        },
        { bands: ctx.bands },
      );
      return point(r, which);
    },
  },
  {
    name: "AI_TEAM",
    category: "Team",
    summary: "Recommended team for a number of projects, from the seed's ratios.",
    args: [
      number("projects", "Number of AI projects.", { mappable: false }),
      number("projects_per_engineer", '3 or 4 (the seed\'s "one engineer per 3-4 projects").', {
        optional: true,
        defaultText: "3",
        mappable: false,
      }),
    ],
    returns: { kind: "table", help: "Role and count rows, with a Total row." },
    example: { args: [12] },
    run: (a) => {
      const projects = toNumber(cellOf(a[0], "projects"), "projects");
      const t = recommendTeam(
        projects,
        optionalNumber(cellOf(a[1], "projects_per_engineer"), "projects_per_engineer") ?? 3,
      );
      return [
        ["Role", "Count"],
        ["Engineers", t.engineers],
        ["Data people", t.dataPeople],
        ["Product managers", t.productManagers],
        ["Managers", t.managers],
        ["Total", t.total],
      ];
    },
  },
  {
    name: "AI_RATIO",
    category: "Team",
    summary:
      "One ratio rule on its own: engineers for projects, data people or PMs for engineers, managers for a team size.",
    args: [
      text(
        "rule",
        '"engineers" (value = projects), "data" or "pm" (value = engineers), "manager" (value = team size).',
      ),
      number("value", "The count the rule is applied to."),
      number("projects_per_engineer", "3 or 4, for the engineers rule.", {
        optional: true,
        defaultText: "3",
      }),
    ],
    returns: { kind: "number", help: "The number of people the rule calls for." },
    example: { args: ["data", 5] },
    run: (a) => {
      const args = a as Cell[];
      const rule = resolveChoice(str(args[0], "rule"), ratioRules, "rule");
      const value = toNumber(args[1], "value");
      if (rule === "engineers")
        return engineersFor(
          value,
          checkProjectsPerEngineer(
            optionalNumber(args[2], "projects_per_engineer"),
            "projects_per_engineer",
          ),
        );
      if (rule === "data") return dataPeopleFor(value);
      if (rule === "pm") return productManagersFor(value);
      return managersFor(value);
    },
  },
  {
    name: "AI_TEAM_CHECK",
    category: "Team",
    summary: "Which of the seed's ratio rules a team breaks.",
    args: [
      number("engineers", "Engineers on the team.", { mappable: false }),
      number("data_people", "Data people.", { mappable: false }),
      number("product_managers", "Product managers.", { mappable: false }),
      number("managers", "Managers.", { mappable: false }),
      number("projects", "Projects, to check the engineers rule.", {
        optional: true,
        mappable: false,
      }),
      number("projects_per_engineer", "3 or 4.", {
        optional: true,
        defaultText: "3",
        mappable: false,
      }),
    ],
    returns: { kind: "column", help: 'One line per broken rule, or "OK".' },
    example: { args: [6, 1, 0, 0, 20] },
    run: (a) => {
      const n = (i: number, f: string) => toNumber(cellOf(a[i], f), f);
      const projects = optionalNumber(cellOf(a[4], "projects"), "projects");
      const breaches = checkTeam(
        {
          engineers: n(0, "engineers"),
          dataPeople: n(1, "data_people"),
          productManagers: n(2, "product_managers"),
          managers: n(3, "managers"),
          ...(projects === undefined ? {} : { projects }),
        },
        optionalNumber(cellOf(a[5], "projects_per_engineer"), "projects_per_engineer") ?? 3,
      );
      return breaches.length ? breaches.map((b) => [b.message]) : [["OK"]];
    },
  },
  {
    name: "AI_PLAN",
    category: "Plan",
    summary:
      "Month-by-month plan: headcount, payroll, benefits, recruiting, upskilling, total and cumulative cost.",
    args: PLAN_ARGS,
    returns: { kind: "table", help: "A header row, then one row per month." },
    example: { args: [EXAMPLE_HIRES, 24, 0.25], formula: "=AI_PLAN(Hires!A1:E4, 24, 0.25)" },
    run: (a, ctx) => monthsTable(planToUnits(runPlan(planInputFromArgs(a), { bands: ctx.bands }))),
  },
  {
    name: "AI_PLAN_SUMMARY",
    category: "Plan",
    summary:
      "Yearly summary of a plan: cost by component, end-of-year headcount and run-rate, with a Total row.",
    args: PLAN_ARGS,
    returns: { kind: "table", help: "A header row, one row per plan year, and a Total row." },
    example: {
      args: [EXAMPLE_HIRES, 24, 0.25],
      formula: "=AI_PLAN_SUMMARY(Hires!A1:E4, 24, 0.25)",
    },
    run: (a, ctx) => yearsTable(planToUnits(runPlan(planInputFromArgs(a), { bands: ctx.bands }))),
  },
  {
    name: "AI_PLAN_COST",
    category: "Plan",
    summary:
      "One figure from a plan: total cost (or payroll, benefits, recruiting, upskilling, headcount, run-rate), for the whole horizon or one year.",
    args: [
      HIRES,
      HORIZON,
      BENEFITS,
      text("component", "total, payroll, benefits, recruiting, upskilling, headcount or runrate.", {
        optional: true,
        defaultText: "total",
        mappable: false,
      }),
      number("year", "Plan year (1 = first 12 months); blank for the whole horizon.", {
        optional: true,
        mappable: false,
      }),
      RAISE,
      START,
      UPSKILLING,
    ],
    returns: { kind: "number", help: "The figure in USD (or people for headcount)." },
    example: {
      args: [EXAMPLE_HIRES, 12, 0.25, "total", 1],
      formula: '=AI_PLAN_COST(Hires!A1:E4, 12, 0.25, "total", 1)',
    },
    run: (a, ctx) => {
      const input = planInputFromArgs([a[0], a[1], a[2], a[5], a[6], a[7]]);
      return planFigure(
        planToUnits(runPlan(input, { bands: ctx.bands })),
        cellOf(a[3], "component"),
        cellOf(a[4], "year"),
      );
    },
  },
  {
    name: "AI_PLAN_WARNINGS",
    category: "Plan",
    summary: "The ratio rules a plan's team breaks, and in which months.",
    args: PLAN_ARGS,
    returns: { kind: "column", help: 'One line per broken rule, or "OK".' },
    example: { args: [EXAMPLE_HIRES, 24], formula: "=AI_PLAN_WARNINGS(Hires!A1:E4, 24)" },
    run: (a, ctx) => {
      const r = runPlan(planInputFromArgs(a), { bands: ctx.bands });
      return r.warnings.length ? r.warnings.map((w) => [w.message]) : [["OK"]];
    },
  },
  {
    name: "AI_PLAN_TEMPLATE",
    category: "Plan",
    summary:
      "The seed's build-out plan as a hires table (or its upskilling table), ready to use as AI_PLAN's input.",
    args: [
      text(
        "name",
        `Template: ${PLAN_TEMPLATES.map((t) => t.name).join(" or ")} (or "year 1", "year 2").`,
        { mappable: false },
      ),
      text("table", '"hires" or "upskilling".', {
        optional: true,
        defaultText: "hires",
        mappable: false,
      }),
    ],
    returns: {
      kind: "table",
      help: "Role, Level, Location, Start month, Count, Salary, Recruiting cost; or Path, People, Start month, Cost per person.",
    },
    example: { args: ["year-1-build-out"] },
    run: (a) => {
      const t = planTemplate(str(cellOf(a[0], "name"), "name"));
      const tableArg = cellOf(a[1], "table");
      const table = resolveChoice(
        isBlank(tableArg) ? undefined : str(tableArg, "table"),
        ["hires", "upskilling"] as const,
        "table",
        "hires",
      );
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
  },
  {
    name: "AI_PLAN_RANGE",
    category: "Plan",
    summary:
      "A plan under hiring delays: low, expected and high headcount and cost per month (or per year) when each hire may start slip_min to slip_max months late.",
    args: [
      HIRES,
      HORIZON,
      BENEFITS,
      number("slip_min", "Fewest months a hire may start late.", {
        optional: true,
        defaultText: "0",
        mappable: false,
      }),
      number("slip_max", "Most months a hire may start late.", {
        optional: true,
        defaultText: "0",
        mappable: false,
      }),
      text("view", '"months" or "years".', {
        optional: true,
        defaultText: "months",
        mappable: false,
      }),
      RAISE,
      START,
      UPSKILLING,
    ],
    returns: {
      kind: "table",
      help: "Per month: headcount, total and cumulative cost, each low / expected / high; or per year: total, end headcount and run-rate.",
    },
    example: {
      args: [EXAMPLE_HIRES, 12, 0.25, 0, 2],
      formula: "=AI_PLAN_RANGE(Hires!A1:E4, 12, 0.25, 0, 2)",
    },
    run: (a, ctx) => {
      const input = planInputFromArgs([a[0], a[1], a[2], a[6], a[7], a[8]]);
      const max = optionalNumber(cellOf(a[4], "slip_max"), "slip_max");
      const min = optionalNumber(cellOf(a[3], "slip_min"), "slip_min");
      if (max !== undefined || min !== undefined) input.slipMonths = [min ?? 0, max ?? min ?? 0];
      const viewCell = cellOf(a[5], "view");
      const view = resolveChoice(
        isBlank(viewCell) ? undefined : str(viewCell, "view"),
        ["months", "years"] as const,
        "view",
        "months",
      );
      const r = runPlanRange(input, { bands: ctx.bands });
      const s3 = (v: Spread, money = true) =>
        money
          ? [toUnits(v.low), toUnits(v.expected), toUnits(v.high)]
          : [v.low, v.expected, v.high];
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
          ...r.years.map((y) => [
            y.year,
            ...s3(y.total),
            ...s3(y.endHeadcount, false),
            ...s3(y.runRate),
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
          ...s3(m.headcount, false),
          ...s3(m.total),
          ...s3(m.cumulative),
        ]),
      ];
    },
  },
  {
    name: "AI_PLAN_COMPARE",
    category: "Plan",
    summary:
      "Scenarios side by side: each year's total cost for the base plan and each scenario, with the difference from the base.",
    args: [
      HIRES,
      HORIZON,
      BENEFITS,
      range(
        "scenarios",
        "Range with a Scenario column and any of: Start shift, Salary change, Benefits rate, Slip min, Slip max, Annual raise, Horizon.",
      ),
    ],
    returns: {
      kind: "table",
      help: "Year, Base, then each scenario and its difference from the base; a Total row.",
    },
    example: {
      args: [
        EXAMPLE_HIRES,
        24,
        0.25,
        [
          ["Scenario", "Start shift", "Salary change"],
          ["Hire later", 3, ""],
          ["Pay more", "", "10%"],
        ],
      ],
      formula: "=AI_PLAN_COMPARE(Hires!A1:E4, 24, 0.25, Scenarios!A1:C3)",
    },
    run: (a, ctx) => {
      const base = planInputFromArgs([a[0], a[1], a[2]]);
      const cmp = comparePlans(base, scenariosFromRange(a[3]!, "scenarios"), { bands: ctx.bands });
      const [baseResult, ...others] = cmp.scenarios;
      const header = ["Year", "Base", ...others.flatMap((s) => [s.name, `${s.name} − Base`])];
      const years = Math.max(...cmp.scenarios.map((s) => s.years.length));
      const rows: (string | number)[][] = [];
      for (let i = 0; i < years; i++) {
        rows.push([
          i + 1,
          toUnits(baseResult!.years[i]?.total ?? 0),
          ...others.flatMap((s) => [
            toUnits(s.years[i]?.total ?? 0),
            toUnits(s.differences!.years[i]!.total),
          ]),
        ]);
      }
      rows.push([
        "Total",
        toUnits(baseResult!.totals.total),
        ...others.flatMap((s) => [toUnits(s.totals.total), toUnits(s.differences!.totals.total)]),
      ]);
      return [header, ...rows];
    },
  },
  {
    name: "AI_HIRE_VS_UPSKILL",
    category: "Upskilling",
    summary:
      "Hire or upskill: months until productive, cash over the horizon, productive person-months and cost per productive month for each option (low / expected / high).",
    args: [
      text(
        "target_role",
        "The role to fill: ML Engineer, Data Scientist or Prompt Engineer (the roles the seeds' upskilling paths lead to).",
        { mappable: false },
      ),
      {
        ...text("level", "Level of the hire: Entry, Mid, Senior (or years).", { mappable: false }),
        type: "any",
      },
      text("location", "Where the hire would be; blank for the US.", {
        optional: true,
        defaultText: "US",
        mappable: false,
      }),
      text(
        "from_role",
        'Who would be upskilled, e.g. "Backend engineer", "Analyst"; blank for the path\'s usual starting point.',
        { optional: true, mappable: false },
      ),
      number("horizon_months", "Months to compare over.", {
        optional: true,
        defaultText: "12",
        mappable: false,
      }),
      text(
        "channel",
        "Recruiting channel for the hire: referral, recruiter, … (blank: the seed's $10K).",
        { optional: true, mappable: false },
      ),
    ],
    returns: {
      kind: "table",
      help: "Measure rows; Hire low / expected / high and Upskill low / expected / high columns.",
    },
    example: { args: ["ML Engineer", "Mid", "Austin", "Backend engineer", 12, "recruiter"] },
    run: (a, ctx) => {
      const c = (i: number, f: string) => cellOf(a[i], f);
      const r = hireVsUpskill(
        {
          targetRole: str(c(0, "target_role"), "target_role"),
          level: typeof c(1, "level") === "number" ? c(1, "level") : str(c(1, "level"), "level"),
          location: opt(c(2, "location")),
          fromRole: opt(c(3, "from_role")),
          horizonMonths: optionalNumber(c(4, "horizon_months"), "horizon_months"),
          channel: opt(c(5, "channel")),
        },
        { bands: ctx.bands },
      );
      const money = (v: { low: number | null; expected: number | null; high: number | null }) =>
        [v.low, v.expected, v.high].map((x) => (x === null ? "" : toUnits(x)));
      const plain = (v: Spread) => [v.low, v.expected, v.high];
      return [
        [
          "Measure",
          "Hire low",
          "Hire expected",
          "Hire high",
          "Upskill low",
          "Upskill expected",
          "Upskill high",
        ],
        [
          "Months until productive",
          ...plain(r.hire.monthsUntilProductive),
          ...plain(r.upskill.monthsUntilProductive),
        ],
        [
          `Cash cost over ${r.horizonMonths} months`,
          ...money(r.hire.cashCost),
          ...money(r.upskill.cashCost),
        ],
        [
          "Productive person-months",
          ...plain(r.hire.productivePersonMonths),
          ...plain(r.upskill.productivePersonMonths),
        ],
        [
          "Cost per productive month",
          ...money(r.hire.costPerProductiveMonth),
          ...money(r.upskill.costPerProductiveMonth),
        ],
      ];
    },
  },
  {
    name: "AI_UPSKILL",
    category: "Upskilling",
    summary: "An upskilling path's steps with their week ranges, and the total.",
    args: [
      text(
        "path",
        '"Engineer → AI Engineer", "Analyst → Data Scientist" or "Anyone → Prompt Engineer".',
        { mappable: false },
      ),
      text("what", '"steps" (table), "min weeks" or "max weeks".', {
        optional: true,
        defaultText: "steps",
        mappable: false,
      }),
    ],
    returns: {
      kind: "table",
      help: "Step, Min weeks, Max weeks rows and a Total row; or one number.",
    },
    example: { args: ["Engineer → AI Engineer"] },
    run: (a) => {
      const p = upskillingPath(str(cellOf(a[0], "path"), "path"));
      const what = resolveChoice(
        isBlank(cellOf(a[1], "what")) ? undefined : str(cellOf(a[1], "what"), "what"),
        ["steps", "min weeks", "max weeks"] as const,
        "what",
        "steps",
      );
      if (what === "min weeks") return p.minWeeks;
      if (what === "max weeks") return p.maxWeeks;
      return [
        ["Step", "Min weeks", "Max weeks"],
        ...p.steps.map((s) => [s.name, s.minWeeks, s.maxWeeks]),
        ["Total", p.minWeeks, p.maxWeeks],
      ];
    },
  },
  {
    name: "AI_TRANSITION",
    category: "Upskilling",
    summary:
      "Career transition timelines in months from the seeds, optionally filtered by where people come from and go to.",
    args: [
      text("from", 'Source career, e.g. "Software Engineer", "Data Analyst"; blank for all.', {
        optional: true,
        mappable: false,
      }),
      text("to", 'Target role, e.g. "ML Engineer"; blank for all.', {
        optional: true,
        mappable: false,
      }),
    ],
    returns: { kind: "table", help: "From, To, Min months, Max months, Source." },
    example: { args: ["Software Engineer"] },
    run: (a) => {
      const list = careerTransitions(
        optionalText(cellOf(a[0], "from"), "from"),
        optionalText(cellOf(a[1], "to"), "to"),
      );
      return [
        ["From", "To", "Min months", "Max months", "Source"],
        ...list.map((t) => [
          t.from,
          t.to,
          t.minMonths,
          t.maxMonths,
          `${t.source.file} › ${t.source.section}`,
        ]),
      ];
    },
  },
  {
    name: "AI_ROLES",
    category: "Reference",
    summary: "Every known role with the levels the seeds give salary data for.",
    args: [],
    returns: {
      kind: "table",
      help: "Role, Category, Base levels, Total levels, Market levels, Aliases.",
    },
    example: { args: [] },
    run: () => [
      ["Role", "Category", "Base levels", "Total levels", "Market levels", "Aliases"],
      ...listRoles().map((r) => [
        r.name,
        r.category,
        r.levelsWithData["base"]!.join(", "),
        r.levelsWithData["total"]!.join(", "),
        r.levelsWithData["market"]!.join(", "),
        r.aliases.join(", "),
      ]),
    ],
  },
  {
    name: "AI_LEVELS",
    category: "Reference",
    summary: "Levels with their years of experience and aliases.",
    args: [],
    returns: { kind: "table", help: "Level, Min years, Max years, Aliases." },
    example: { args: [] },
    run: () => [
      ["Level", "Min years", "Max years", "Aliases"],
      ...listLevels().map((l) => [l.name, l.minYears, l.maxYears ?? "", l.aliases.join(", ")]),
    ],
  },
  {
    name: "AI_LOCATIONS",
    category: "Reference",
    summary:
      "Locations with currency, cost-of-living index and the location factor used for derived salaries.",
    args: [],
    returns: {
      kind: "table",
      help: "Location, Currency, Cost of living index, Factor (ML Engineer), Factor (Data Scientist), Factor (other roles).",
    },
    example: { args: [] },
    run: () => [
      [
        "Location",
        "Currency",
        "Cost of living index",
        "Factor (ML Engineer)",
        "Factor (Data Scientist)",
        "Factor (other roles)",
      ],
      ...listLocations().map((l) => [
        l.name,
        l.currency,
        l.costOfLivingIndex ?? "",
        round4(l.factor.byRole["ml-engineer"] ?? 1),
        round4(l.factor.byRole["data-scientist"] ?? 1),
        round4(l.factor.average),
      ]),
    ],
  },
  {
    name: "AI_ROLE_INFO",
    category: "Reference",
    summary:
      "A role's profile from the seeds: summary, what they do, what to look for, red flags, where to find them, interview approach.",
    args: [
      ROLE,
      text(
        "section",
        "summary, what they do, what to look for, red flags, where to find them, interview approach.",
        { optional: true, defaultText: "summary", mappable: false },
      ),
    ],
    returns: { kind: "column", help: "One item per row." },
    example: { args: ["ML Engineer", "red flags"] },
    run: (a) => {
      const p = roleProfile(str(cellOf(a[0], "role"), "role"));
      const sectionArg = cellOf(a[1], "section");
      const section = isBlank(sectionArg)
        ? "summary"
        : sectionIndex.resolve(str(sectionArg, "section"), "section");
      const parts =
        section === "interview"
          ? [...p.interview, ...p.generalInterview]
          : section === "whereToFind"
            ? [...p.whereToFind, ...p.generalSourcing]
            : p[section];
      const items = parts.flatMap((x) => x.items);
      if (!items.length) {
        const has = (["summary", ...PROFILE_SECTIONS] as const)
          .filter((s) => p[s].length)
          .map((s) => SECTION_NAMES[s]);
        throw new PlannerError(
          "NO_DATA",
          `The seeds say nothing about ${p.role}'s ${SECTION_NAMES[section]}. They cover: ${has.join(", ")}.`,
          { field: "section", available: has },
        );
      }
      return items.map((i) => [i]);
    },
  },
  {
    name: "AI_CHANNELS",
    category: "Reference",
    summary: "Recruiting channels ranked by quality, with the costs the seed states.",
    args: [],
    returns: { kind: "table", help: "Rank, Channel, Quality, Cost, Notes." },
    example: { args: [] },
    run: () => [
      ["Rank", "Channel", "Quality", "Cost", "Notes"],
      ...listChannels().map((c) => [
        c.rank,
        c.name,
        c.quality,
        c.cost
          ? c.cost.kind === "fixed"
            ? `$${c.cost.low}-$${c.cost.high} per hire`
            : `${c.cost.low * 100}-${c.cost.high * 100}% of salary`
          : "",
        c.notes,
      ]),
    ],
  },
  {
    name: "AI_DATASET_VERSION",
    category: "Reference",
    summary: "The dataset version and content hash the figures come from.",
    args: [],
    returns: { kind: "text", help: '"version (hash)".' },
    example: { args: [] },
    run: () => {
      const d = dataset();
      return `${d.version} (${d.hash})`;
    },
  },
  {
    name: "AI_MODEL",
    category: "Models",
    summary: "A shared plan model's live result, read from the API by model id or share token.",
    args: [
      text("model", "A model id (with an API key in settings) or a share token.", {
        mappable: false,
      }),
      text(
        "what",
        "months (table), years (table), or a figure: total, payroll, benefits, recruiting, upskilling, headcount, runrate.",
        { optional: true, defaultText: "months", mappable: false },
      ),
      number("year", "Plan year for a figure; blank for the whole horizon.", {
        optional: true,
        mappable: false,
      }),
    ],
    returns: { kind: "table", help: "The months or years table, or one figure." },
    example: { args: ["shr_example"], formula: '=AI_MODEL("shr_…", "years")' },
    network: true,
    run: (a, ctx) => {
      const id = str(cellOf(a[0], "model"), "model");
      if (!id) throw invalid("model", "give a model id or share token");
      if (!ctx.models)
        throw invalid(
          "model",
          "reading shared models needs the add-on's API connection (set the API URL in AI Team Planner › Settings)",
        );
      const { result } = ctx.models(id);
      const whatCell = cellOf(a[1], "what");
      const what = isBlank(whatCell) ? "months" : str(whatCell, "what").toLowerCase();
      if (what === "months") return monthsTable(result);
      if (what === "years") return yearsTable(result);
      return planFigure(result, what, cellOf(a[2], "year"));
    },
  },
];

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}

const byName = new Map(CATALOGUE.map((e) => [e.name, e]));
const functionIndex = new NameIndex<CatalogueEntry>(
  "function",
  "UNKNOWN_FUNCTION",
  CATALOGUE,
  (e) => e.name,
  (e) => [e.name.replace(/^AI_/, "")],
);

export function findFunction(name: unknown): CatalogueEntry {
  const key = typeof name === "string" ? name.trim().toUpperCase() : "";
  const hit = byName.get(key);
  if (hit) return hit;
  return functionIndex.resolve(typeof name === "string" ? name : String(name), "fn");
}

/** The formula a person would type for an entry's example. */
export function exampleFormula(entry: CatalogueEntry): string {
  if (entry.example.formula) return entry.example.formula;
  const args = entry.example.args.map((v) =>
    typeof v === "string" ? JSON.stringify(v) : String(v),
  );
  return `=${entry.name}(${args.join(", ")})`;
}

export const ERROR_PREFIX = "Error: ";

/**
 * Calls a catalogue function exactly as a sheet would. A range given for a mappable argument is
 * mapped cell by cell, so one formula fills a whole column: the result has the range's shape
 * (a row-returning function gives one row per input row). In a mapped call a bad cell becomes
 * "Error: …" in its own place rather than failing the others; a single call throws.
 */
export function invokeFunction(
  name: unknown,
  args: readonly SheetArg[],
  ctx: FunctionContext = {},
): SheetResult {
  const entry = findFunction(name);
  if (!Array.isArray(args)) throw invalid("args", "must be a list of arguments");
  if (args.length > entry.args.length) {
    throw invalid(
      "args",
      `${entry.name} takes at most ${entry.args.length} argument${entry.args.length === 1 ? "" : "s"} (${entry.args.map((a) => a.name).join(", ") || "none"}), got ${args.length}`,
    );
  }
  const values = entry.args.map((_, i) => normalizeArg(args[i]));
  entry.args.forEach((spec, i) => {
    const v = values[i];
    if (!spec.optional && (v === undefined || (!isRange(v) && isBlank(v)))) {
      throw invalid(spec.name, `is required: ${spec.help}`);
    }
    if (spec.type === "range" && v !== undefined && !isBlank(v as Cell) && !isRange(v)) {
      throw invalid(spec.name, `expects a range (a table with a header row): ${spec.help}`);
    }
  });

  const mapped = entry.args.map(
    (spec, i) =>
      spec.mappable === true && isRange(values[i]) && cellCount(values[i] as Cell[][]) > 1,
  );
  if (!mapped.some(Boolean)) {
    const scalar = values.map((v, i) =>
      entry.args[i]!.type === "range" || !isRange(v) ? v : cellOf(v, entry.args[i]!.name),
    );
    return entry.run(scalar, ctx);
  }
  return invokeMapped(entry, values, mapped, ctx);
}

function normalizeArg(v: unknown): SheetArg {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) {
    if (!v.every(Array.isArray)) return [v as Cell[]];
    return v as Cell[][];
  }
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date)
    return v;
  throw invalid(
    "args",
    `arguments must be text, numbers, booleans or ranges (rows of cells), got ${typeof v}`,
  );
}

function cellCount(r: Cell[][]): number {
  return r.reduce((s, row) => s + row.length, 0);
}

function invokeMapped(
  entry: CatalogueEntry,
  values: SheetArg[],
  mapped: boolean[],
  ctx: FunctionContext,
): SheetResult {
  let rows = 0;
  let cols = 0;
  values.forEach((v, i) => {
    if (!mapped[i]) return;
    const r = v as Cell[][];
    const width = r[0]?.length ?? 0;
    if (r.some((row) => row.length !== width))
      throw invalid(entry.args[i]!.name, "range rows must all be the same length");
    if (rows === 0) {
      rows = r.length;
      cols = width;
    } else if (r.length !== rows || width !== cols) {
      throw invalid(
        entry.args[i]!.name,
        `range is ${r.length}×${width} but the other range is ${rows}×${cols}; mapped ranges must be the same size`,
      );
    }
  });
  const rowResult = entry.returns.kind === "row";
  if (rowResult && cols !== 1)
    throw invalid(
      entry.args[mapped.indexOf(true)]!.name,
      `${entry.name} returns a row per input, so give it a single column of inputs`,
    );
  const out: (string | number | boolean)[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: (string | number | boolean)[] = [];
    for (let c = 0; c < cols; c++) {
      const cellArgs = values.map((v, i) =>
        mapped[i]
          ? (v as Cell[][])[r]![c]
          : isRange(v) && entry.args[i]!.type !== "range"
            ? cellOf(v, entry.args[i]!.name)
            : v,
      );
      if (cellArgs.every((v, i) => !mapped[i] || isBlank(v as Cell))) {
        // A wholly blank input row (e.g. the unused tail of A2:A) gives a blank result, not an error.
        if (rowResult) out.push([]);
        else line.push("");
        continue;
      }
      try {
        const value = entry.run(cellArgs, ctx);
        if (rowResult) out.push((value as (string | number | boolean)[][])[0]!);
        else line.push(value as string | number | boolean);
      } catch (e) {
        if (!(e instanceof PlannerError)) throw e;
        if (rowResult) out.push([ERROR_PREFIX + e.message]);
        else line.push(ERROR_PREFIX + e.message);
      }
    }
    if (!rowResult) out.push(line);
  }
  if (rowResult) {
    const width = Math.max(1, ...out.map((r) => r.length));
    return out.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
  }
  return out;
}
