import { ProblemList, invalid } from "./errors.js";
import { limitSuggestions, MAX_FRESH_SUGGESTIONS } from "./names.js";
import type { RoleCategory } from "./data/roles.js";
import type { Source } from "./data/sources.js";
import { CURVE_LINES, eachCostMonth } from "./cost-curve.js";
import { allocate, applyRate } from "./money.js";
import { MONTH_NAMES, assumptionsShown, normalizeAssumptions } from "./plan-assumptions.js";
import { monthLabel, planPeriods } from "./plan-calendar.js";
import { PLAN_LIMITS } from "./plan-limits.js";
import { normalizeHire, normalizeTeamMember, normalizeUpskilling } from "./plan-people.js";
import {
  COST_LINES,
  type CostLine,
  type NormalizedPlan,
  type PlanDepartment,
  type PlanInput,
  type PlanMonth,
  type PlanResult,
  type PlanTotals,
  type PlanWarning,
  type PlanYear,
  type ResolvedPerson,
} from "./plan-types.js";
import type { SalaryOptions } from "./salary.js";
import { checkTeam, type RatioRuleId } from "./team.js";

export type { Slip, SlipInput } from "./plan-assumptions.js";
export { parseSlip } from "./plan-assumptions.js";
export * from "./plan-types.js";
export { PLAN_LIMITS } from "./plan-limits.js";
export { monthLabel } from "./plan-calendar.js";

/**
 * Checks a whole plan input and reports every problem at once; returns the resolved plan. Rows
 * beyond the first few unknown names get no suggestions (limitSuggestions), so thousands of bad
 * rows cost what their count says, not an edit-distance search each.
 */
export function normalizePlan(input: unknown, options: SalaryOptions = {}): NormalizedPlan {
  return limitSuggestions(MAX_FRESH_SUGGESTIONS, () => checkPlan(input, options));
}

function checkPlan(input: unknown, options: SalaryOptions): NormalizedPlan {
  const problems = new ProblemList();
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw invalid(
      "plan",
      "must be an object with hires (and optionally team, upskilling and assumptions such as horizonMonths, benefitsRate, startDate)",
    );
  }
  const p = input as PlanInput;
  const assumptions = normalizeAssumptions(p as unknown as Record<string, unknown>, problems);
  // Months are checked against the horizon; an unusable horizon checks against the most allowed.
  const horizon = problems.problems.some((e) => e.field === "horizonMonths")
    ? PLAN_LIMITS.maxHorizonMonths
    : assumptions.horizonMonths;
  const ctx = {
    horizon,
    planSlip: assumptions.slipMonths,
    bonusRate: assumptions.bonusRate,
    equityRate: assumptions.equityRate,
    options,
  };

  const rows = <T>(
    list: unknown,
    name: string,
    max: number,
    what: string,
    normalize: (raw: unknown, field: string) => T | undefined,
  ): T[] => {
    const out: T[] = [];
    if (list === undefined || list === null) return out;
    if (!Array.isArray(list)) problems.add(invalid(name, `must be a list of ${what}`));
    else if (list.length > max)
      problems.add(invalid(name, `at most ${max} ${what}, got ${list.length}`));
    else
      list.forEach((raw, i) => {
        const r = normalize(raw, `${name}[${i}]`);
        if (r) out.push(r);
      });
    return out;
  };
  if (!Array.isArray(p.hires))
    problems.add(invalid("hires", "must be a list of hires (it may be empty)"));
  const hires = Array.isArray(p.hires)
    ? rows(p.hires, "hires", PLAN_LIMITS.maxHireRows, "hire rows", (raw, f) =>
        normalizeHire(raw, f, ctx, problems),
      )
    : [];
  const team = rows(p.team, "team", PLAN_LIMITS.maxTeamRows, "team rows", (raw, f) =>
    normalizeTeamMember(raw, f, ctx, problems),
  );
  const upskilling = rows(
    p.upskilling,
    "upskilling",
    PLAN_LIMITS.maxUpskillingRows,
    "upskilling entries",
    (raw, f) => normalizeUpskilling(raw, f, horizon, problems),
  );
  const people = [...hires, ...team].reduce((s, h) => s + h.count, 0);
  if (people > PLAN_LIMITS.maxPeople)
    problems.add(
      invalid(
        team.length ? "team" : "hires",
        `a plan may hold at most ${PLAN_LIMITS.maxPeople} people (the team and the hires together), got ${people}`,
      ),
    );
  problems.throwIfAny("The plan");
  return { ...assumptions, hires, team, upskilling };
}

/** The plan engine: month-by-month headcount and cost, yearly summaries and ratio warnings, in cents. */
export function runPlan(input: unknown, options: SalaryOptions = {}): PlanResult {
  const plan = normalizePlan(input, options);
  return simulatePlan(
    plan,
    plan.hires.map((h) => h.startMonth),
  );
}

const zeroTotals = (): PlanTotals => ({
  payroll: 0,
  benefits: 0,
  taxes: 0,
  bonus: 0,
  equity: 0,
  contractors: 0,
  recruiting: 0,
  backfill: 0,
  upskilling: 0,
  total: 0,
});

/**
 * A department's (or the plan's) figures month by month: index m - 1 for plan month m. Whole
 * cents in doubles, exact far beyond any plan's size (2^53 cents).
 */
interface Series {
  lines: Record<CostLine, Float64Array>;
  headcount: Float64Array;
  fteMicros: Float64Array;
  runRate: Float64Array;
}

function newSeries(H: number): Series {
  const lines = {} as Record<CostLine, Float64Array>;
  for (const l of COST_LINES) lines[l] = new Float64Array(H);
  return {
    lines,
    headcount: new Float64Array(H),
    fteMicros: new Float64Array(H),
    runRate: new Float64Array(H),
  };
}

const fteOf = (micros: number) => micros / 1_000_000;

/** The cost lines a plan can have: the four it always shows, and each new one its input uses. */
export function planCostLines(plan: NormalizedPlan): CostLine[] {
  const people: ResolvedPerson[] = [...plan.team, ...plan.hires];
  const used: Record<CostLine, boolean> = {
    payroll: true,
    benefits: true,
    taxes: plan.payrollTax.rate > 0,
    bonus: people.some((p) => p.bonusRate > 0),
    equity: people.some((p) => p.equityRate > 0),
    contractors: people.some((p) => p.type === "contractor"),
    recruiting: true,
    backfill: plan.attritionRate > 0,
    upskilling: true,
  };
  return COST_LINES.filter((l) => used[l]);
}

/**
 * Runs a normalized plan with each hire starting in `starts[i]` (a start past the horizon adds
 * nothing); the team is employed from month 1. Every figure is a sum of cost curves
 * (hireCostCurve), by department; benefits are the rate × each month's payroll, shared among the
 * departments by their payroll so they add up to the cent.
 */
export function simulatePlan(plan: NormalizedPlan, starts: readonly number[]): PlanResult {
  const H = plan.horizonMonths;
  const departments: string[] = [];
  const departmentIndex = new Map<string, number>();
  const departmentOf = (name: string) => {
    const key = name.toLowerCase();
    let i = departmentIndex.get(key);
    if (i === undefined) {
      i = departments.length;
      departments.push(name);
      departmentIndex.set(key, i);
    }
    return i;
  };
  const rows: { person: ResolvedPerson; start: number }[] = [
    ...plan.team.map((person) => ({ person, start: 1 })),
    ...plan.hires.map((person, i) => ({ person, start: starts[i]! })),
  ];
  for (const r of rows) departmentOf(r.person.department);
  for (const u of plan.upskilling) departmentOf(u.department);

  const byDepartment: Series[] = departments.map(() => newSeries(H));
  const categories: Record<RoleCategory, Float64Array> = {
    engineer: new Float64Array(H),
    data: new Float64Array(H),
    pm: new Float64Array(H),
    manager: new Float64Array(H),
    other: new Float64Array(H),
  };
  // Lines the plan cannot have stay 0: only those it uses are summed.
  const costLines = planCostLines(plan);
  const used = Object.fromEntries(CURVE_LINES.map((l) => [l, costLines.includes(l)])) as Record<
    (typeof CURVE_LINES)[number],
    boolean
  >;
  for (const { person, start } of rows) {
    const series = byDepartment[departmentOf(person.department)]!;
    const n = person.count;
    const at = start - 1;
    const fte = n * Math.round(person.fte * 1_000_000);
    const category = categories[person.category];
    const { headcount, fteMicros, runRate } = series;
    const { payroll, recruiting, taxes, bonus, equity, contractors, backfill } = series.lines;
    eachCostMonth(plan, person, start, (j, c) => {
      const i = at + j;
      payroll[i]! += n * c.payroll;
      recruiting[i]! += n * c.recruiting;
      if (used.taxes) taxes[i]! += n * c.taxes;
      if (used.bonus) bonus[i]! += n * c.bonus;
      if (used.equity) equity[i]! += n * c.equity;
      if (used.contractors) contractors[i]! += n * c.contractors;
      if (used.backfill) backfill[i]! += n * c.backfill;
      headcount[i]! += n;
      fteMicros[i]! += fte;
      runRate[i]! += n * c.annual;
      category[i]! += n;
    });
  }
  for (const u of plan.upskilling)
    byDepartment[departmentOf(u.department)]!.lines.upskilling[u.startMonth - 1]! +=
      u.people * u.costPerPerson;

  // Benefits: the rate × the month's whole payroll, shared among departments by their payroll.
  for (let i = 0; i < H; i++) {
    const payrolls = byDepartment.map((d) => d.lines.payroll[i]!);
    const benefits = applyRate(
      payrolls.reduce((a, b) => a + b, 0),
      plan.benefitsRate,
    );
    if (byDepartment.length === 1) byDepartment[0]!.lines.benefits[i] = benefits;
    else
      allocate(benefits, payrolls).forEach((b, d) => {
        byDepartment[d]!.lines.benefits[i] = b;
      });
  }
  // The plan: its departments summed.
  const whole = newSeries(H);
  for (const d of byDepartment) {
    for (const l of COST_LINES) for (let i = 0; i < H; i++) whole.lines[l][i]! += d.lines[l][i]!;
    for (let i = 0; i < H; i++) {
      whole.headcount[i]! += d.headcount[i]!;
      whole.fteMicros[i]! += d.fteMicros[i]!;
      whole.runRate[i]! += d.runRate[i]!;
    }
  }
  const totalAt = (s: Series, i: number) => COST_LINES.reduce((t, l) => t + s.lines[l][i]!, 0);

  let cumulative = 0;
  const months: PlanMonth[] = [];
  for (let i = 0; i < H; i++) {
    const row = zeroTotals();
    for (const l of COST_LINES) row[l] = whole.lines[l][i]!;
    row.total = totalAt(whole, i);
    cumulative += row.total;
    months.push({
      month: i + 1,
      label: monthLabel(i + 1, plan.startDate),
      headcount: whole.headcount[i]!,
      fte: fteOf(whole.fteMicros[i]!),
      ...row,
      cumulative,
    });
  }

  const periods = planPeriods(H, plan.startDate, plan.fiscalYearStart);
  const yearsOf = (s: Series): PlanYear[] =>
    periods.map((p) => {
      const sums = zeroTotals();
      for (const l of COST_LINES)
        for (let m = p.first; m <= p.last; m++) sums[l] += s.lines[l][m - 1]!;
      sums.total = COST_LINES.reduce((t, l) => t + sums[l], 0);
      const end = p.last - 1;
      return {
        year: p.year,
        label: p.label,
        months: p.last - p.first + 1,
        ...sums,
        endHeadcount: s.headcount[end]!,
        endFte: fteOf(s.fteMicros[end]!),
        runRate: s.runRate[end]!,
      };
    });
  const totalsOf = (years: readonly PlanYear[]): PlanTotals => {
    const t = zeroTotals();
    for (const y of years) for (const k of TOTAL_KEYS) t[k] += y[k];
    return t;
  };
  const planYears = yearsOf(whole);
  const departmentRows: PlanDepartment[] = departments.map((name, d) => {
    const years = yearsOf(byDepartment[d]!);
    return { department: name, years, totals: totalsOf(years) };
  });
  const categoryCounts = Array.from({ length: H }, (_, i) => ({
    engineer: categories.engineer[i]!,
    data: categories.data[i]!,
    pm: categories.pm[i]!,
    manager: categories.manager[i]!,
    other: categories.other[i]!,
  }));

  return {
    currency: "USD",
    horizonMonths: H,
    startDate: plan.startDate ? monthLabel(1, plan.startDate) : null,
    assumptions: { ...assumptionsShown(plan), notes: planNotes(plan) },
    costLines,
    hires: plan.hires,
    team: plan.team,
    upskilling: plan.upskilling,
    months,
    years: planYears,
    totals: totalsOf(planYears),
    departments: departmentRows,
    warnings: ratioWarnings(categoryCounts),
  };
}

const TOTAL_KEYS = [...COST_LINES, "total"] as const;

const percent = (share: number) => `${Math.round(share * 100 * 10000) / 10000}%`;
const dollars = (units: number) => `$${units.toLocaleString("en-US")}`;

/** What the answer should say about how it was reached: only what this plan uses. */
function planNotes(plan: NormalizedPlan): string[] {
  const notes: string[] = [];
  const people: ResolvedPerson[] = [...plan.team, ...plan.hires];
  if (plan.benefitsRate === 0)
    notes.push(
      'No benefits rate was given and the seeds state none ("$440K cost + benefits"), so benefits are 0.',
    );
  if (plan.annualRaise === 0) notes.push("No annual raise was given; salaries stay flat.");
  notes.push(
    "Upskilling costs are charged in the entry's start month; recruiting costs in the hire's start month.",
  );
  if (plan.raiseMonth !== null && plan.annualRaise > 0)
    notes.push(
      `Raises of ${percent(plan.annualRaise)} fall each ${plan.startDate ? MONTH_NAMES[plan.raiseMonth - 1] : `month ${plan.raiseMonth} of a plan year`} for everyone employed at least ${plan.raiseMinTenureMonths} months by then (the existing team always), instead of on anniversaries.`,
    );
  else if (plan.annualRaise > 0 && plan.team.length)
    notes.push(
      "The existing team's anniversaries are not known: their raises fall every 12 months from month 1.",
    );
  if (plan.payrollTax.rate > 0)
    notes.push(
      `Payroll tax is ${percent(plan.payrollTax.rate)} of each employee's monthly pay${plan.payrollTax.wageBase === null ? "" : `, counting pay only up to ${dollars(plan.payrollTax.wageBase)} in a ${plan.startDate ? "calendar" : "plan"} year`}: your rate, not a seed's.${plan.team.length && plan.payrollTax.wageBase !== null && plan.startDate && plan.startDate.month > 1 ? " The existing team is taken to have been paid their month-1 pay in each earlier month of the first calendar year." : ""}`,
    );
  if (people.some((p) => p.bonusRate > 0 || p.equityRate > 0))
    notes.push(
      "Bonus and equity are each person's rate × their monthly pay, accrued and expensed with it.",
    );
  if (plan.attritionRate > 0)
    notes.push(
      `Backfill is an expected value: attrition of ${percent(plan.attritionRate)} a year ÷ 12 × each person employed that month × their recruiting cost (the existing team's priced like a hire's). Leavers are replaced at once, so headcount is unchanged.`,
    );
  if (people.some((p) => p.type === "contractor"))
    notes.push(
      "Contractors cost their monthly rate on the Contractors line, with no benefits, payroll tax, raise or recruiting (bonus or equity only where their row gives a rate); they count in headcount and FTE, not in run-rate.",
    );
  if (people.some((p) => p.fte !== 1))
    notes.push(
      "Headcount counts people; FTE counts full-time equivalents. Pay, taxes, benefits, bonus and equity scale with FTE; run-rate is the annual salaries × FTE.",
    );
  // January is the default (calendar years): only a fiscal year start someone chose is worth a note.
  if (plan.fiscalYearStart !== null && plan.fiscalYearStart !== 1 && !plan.startDate)
    notes.push(
      "A fiscal year start needs a start date to place the plan's months in the calendar; without one, years are 12-month blocks from month 1.",
    );
  return notes;
}

const RULE_CODES: Record<RatioRuleId, string> = {
  engineers: "RATIO_ENGINEERS",
  dataPeople: "RATIO_DATA_PEOPLE",
  productManagers: "RATIO_PRODUCT_MANAGERS",
  managers: "RATIO_MANAGER",
};

/** One warning per ratio rule the team breaks, naming the months it is broken in. */
function ratioWarnings(byMonth: Record<RoleCategory, number>[]): PlanWarning[] {
  const broken = new Map<RatioRuleId, { months: number[]; first: string; source: Source }>();
  byMonth.forEach((c, i) => {
    if (c.engineer + c.data + c.pm + c.manager + c.other === 0) return;
    for (const b of checkTeam({
      engineers: c.engineer,
      dataPeople: c.data,
      productManagers: c.pm,
      managers: c.manager,
      others: c.other,
    })) {
      const entry = broken.get(b.rule) ?? {
        months: [],
        first: `${b.message} in month ${i + 1}`,
        source: b.source,
      };
      entry.months.push(i + 1);
      broken.set(b.rule, entry);
    }
  });
  return [...broken.entries()].map(([rule, e]) => ({
    code: RULE_CODES[rule],
    message: `${e.first}; broken in ${describeMonths(e.months)}.`,
    months: e.months,
    source: e.source,
  }));
}

/** [3,4,5,9] → "months 3–5, 9". */
export function describeMonths(months: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < months.length;) {
    let j = i;
    while (j + 1 < months.length && months[j + 1] === months[j]! + 1) j++;
    parts.push(i === j ? `${months[i]}` : `${months[i]}–${months[j]}`);
    i = j + 1;
  }
  return `${months.length === 1 ? "month" : "months"} ${parts.join(", ")}`;
}
