import { ProblemList, invalid } from "./errors.js";
import type { RoleCategory } from "./data/roles.js";
import type { Source } from "./data/sources.js";
import { CURVE_LINES, hireCostCurve } from "./cost-curve.js";
import { allocate, applyRate, monthlyPiece, type Cents } from "./money.js";
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
  type ResolvedHire,
  type ResolvedPerson,
} from "./plan-types.js";
import type { SalaryOptions } from "./salary.js";
import { checkTeam, type RatioRuleId } from "./team.js";

export type { Slip, SlipInput } from "./plan-assumptions.js";
export { parseSlip } from "./plan-assumptions.js";
export * from "./plan-types.js";
export { PLAN_LIMITS } from "./plan-limits.js";
export { monthLabel } from "./plan-calendar.js";

/** Checks a whole plan input and reports every problem at once; returns the resolved plan. */
export function normalizePlan(input: unknown, options: SalaryOptions = {}): NormalizedPlan {
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

/**
 * Each hire's annual salary for each year of service, raised on every anniversary, rounded to
 * the cent: the anniversary schedule the range engine in shared/plan-range.ts still reads.
 * The plan's rules live in hireCostCurve (raise month, FTE, end month, taxes, …); the range
 * engine moves to it.
 */
export function salarySchedules(plan: NormalizedPlan): Cents[][] {
  const years = Math.ceil(plan.horizonMonths / 12);
  return plan.hires.map((h) => {
    const byYear: Cents[] = [h.annualSalary];
    for (let y = 1; y < years; y++) byYear.push(applyRate(byYear[y - 1]!, 1 + plan.annualRaise));
    return byYear;
  });
}

/**
 * What one person of a hire is paid in plan month m when starting in month `start`, by
 * anniversary raises only (see salarySchedules): what shared/plan-range.ts reads until it calls
 * hireCostCurve.
 */
export function hireMonth(
  h: ResolvedHire,
  salaries: readonly Cents[],
  start: number,
  m: number,
): { payroll: Cents; recruiting: Cents; annual: Cents } | null {
  if (m < start) return null;
  const served = m - start;
  const annual = salaries[Math.floor(served / 12)]!;
  return {
    payroll: monthlyPiece(annual, served % 12),
    recruiting: served === 0 ? h.recruitingPerPerson : 0,
    annual,
  };
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

/** A month's figures in one department (or the plan), before benefits are shared out. */
interface MonthAccumulator extends PlanTotals {
  headcount: number;
  fteMicros: number;
  runRate: Cents;
}

const zeroMonth = (): MonthAccumulator => ({
  ...zeroTotals(),
  headcount: 0,
  fteMicros: 0,
  runRate: 0,
});

const fteOf = (micros: number) => micros / 1_000_000;

/** The cost lines a plan can have: the four it always shows, and each new one its input uses. */
function costLinesOf(plan: NormalizedPlan): CostLine[] {
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

  // byDepartment[d][m - 1]: that department's month.
  const byDepartment: MonthAccumulator[][] = departments.map(() =>
    Array.from({ length: H }, zeroMonth),
  );
  const categoryCounts: Record<RoleCategory, number>[] = Array.from({ length: H }, () => ({
    engineer: 0,
    data: 0,
    pm: 0,
    manager: 0,
    other: 0,
  }));
  for (const { person, start } of rows) {
    const curve = hireCostCurve(plan, person, start);
    const months = byDepartment[departmentOf(person.department)]!;
    const n = person.count;
    for (let j = 0; j < curve.payroll.length; j++) {
      const m = start + j;
      const row = months[m - 1]!;
      for (const line of CURVE_LINES) row[line] += n * curve[line][j]!;
      row.headcount += n;
      row.fteMicros += n * curve.fteMicros;
      row.runRate += n * curve.annual[j]!;
      categoryCounts[m - 1]![person.category] += n;
    }
  }
  for (const u of plan.upskilling)
    byDepartment[departmentOf(u.department)]![u.startMonth - 1]!.upskilling +=
      u.people * u.costPerPerson;

  // The plan's month: its departments' summed, after benefits are shared among them.
  const planMonths: MonthAccumulator[] = [];
  for (let m = 1; m <= H; m++) {
    const parts = byDepartment.map((d) => d[m - 1]!);
    const benefits = applyRate(
      parts.reduce((s, d) => s + d.payroll, 0),
      plan.benefitsRate,
    );
    allocate(
      benefits,
      parts.map((d) => d.payroll),
    ).forEach((b, d) => {
      parts[d]!.benefits = b;
    });
    const sum = zeroMonth();
    for (const d of parts) {
      d.total = COST_LINES.reduce((s, l) => s + d[l], 0);
      for (const l of COST_LINES) sum[l] += d[l];
      sum.total += d.total;
      sum.headcount += d.headcount;
      sum.fteMicros += d.fteMicros;
      sum.runRate += d.runRate;
    }
    planMonths.push(sum);
  }
  let cumulative = 0;
  const months: PlanMonth[] = planMonths.map((row, i) => {
    cumulative += row.total;
    return {
      month: i + 1,
      label: monthLabel(i + 1, plan.startDate),
      headcount: row.headcount,
      fte: fteOf(row.fteMicros),
      ...pickTotals(row),
      cumulative,
    };
  });

  const periods = planPeriods(H, plan.startDate, plan.fiscalYearStart);
  const yearsOf = (monthly: readonly MonthAccumulator[]): PlanYear[] =>
    periods.map((p) => {
      const sums = zeroTotals();
      for (let m = p.first; m <= p.last; m++) {
        const row = monthly[m - 1]!;
        for (const k of TOTAL_KEYS) sums[k] += row[k];
      }
      const end = monthly[p.last - 1]!;
      return {
        year: p.year,
        label: p.label,
        months: p.last - p.first + 1,
        ...sums,
        endHeadcount: end.headcount,
        endFte: fteOf(end.fteMicros),
        runRate: end.runRate,
      };
    });
  const totalsOf = (years: readonly PlanYear[]): PlanTotals => {
    const t = zeroTotals();
    for (const y of years) for (const k of TOTAL_KEYS) t[k] += y[k];
    return t;
  };
  const planYears = yearsOf(planMonths);
  const departmentRows: PlanDepartment[] = departments.map((name, d) => {
    const years = yearsOf(byDepartment[d]!);
    return { department: name, years, totals: totalsOf(years) };
  });

  return {
    currency: "USD",
    horizonMonths: H,
    startDate: plan.startDate ? monthLabel(1, plan.startDate) : null,
    assumptions: { ...assumptionsShown(plan), notes: planNotes(plan) },
    costLines: costLinesOf(plan),
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

function pickTotals(row: PlanTotals): PlanTotals {
  const out = zeroTotals();
  for (const k of TOTAL_KEYS) out[k] = row[k];
  return out;
}

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
  if (plan.fiscalYearStart !== null && !plan.startDate)
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
