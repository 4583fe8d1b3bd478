import { PlannerError, ProblemList, invalid } from "./errors.js";
import { checkNumber, checkOptionalNumber } from "./check-number.js";
import { DEFAULT_UPSKILLING_COST } from "./data/hiring.js";
import type { RoleCategory } from "./data/roles.js";
import type { Source } from "./data/sources.js";
import { applyRate, monthlyPiece, toCents, type Cents } from "./money.js";
import { resolveLevel, resolveLocation, resolveRole } from "./names.js";
import {
  assumptionSpec,
  assumptionsShown,
  normalizeAssumptions,
  parseSlip,
  type CalendarMonth,
  type PlanAssumptionValues,
  type PlanAssumptionsInput,
  type PlanAssumptionsShown,
  type Slip,
  type SlipInput,
} from "./plan-assumptions.js";
import { MAX_RECRUITING_COST, priceRecruiting } from "./recruiting.js";
import { salaryRange, type Provenance, type SalaryOptions } from "./salary.js";
import { checkTeam, type RatioRuleId } from "./team.js";
import { upskillingPath } from "./upskilling.js";

export type { Slip, SlipInput } from "./plan-assumptions.js";
export { parseSlip } from "./plan-assumptions.js";

/** The plan's size limits; those of its assumptions come from their rows (shared/plan-assumptions.ts). */
export const PLAN_LIMITS = {
  maxHorizonMonths: assumptionSpec("horizonMonths").max!,
  defaultHorizonMonths: 24,
  maxHireRows: 5000,
  maxPeople: 10000,
  maxSalary: 5_000_000,
  maxRecruitingCost: MAX_RECRUITING_COST,
  maxUpskillingRows: 1000,
  maxCostPerPerson: 1_000_000,
  maxBenefitsRate: assumptionSpec("benefitsRate").max!,
  maxAnnualRaise: assumptionSpec("annualRaise").max!,
  maxSlipMonths: assumptionSpec("slipMonths").max!,
};

/** A hire row as given (API JSON or a sheet row after coercion). */
export interface HireInput {
  role: string;
  level: string | number;
  location?: string;
  startMonth: number;
  count?: number;
  salary?: number;
  recruitingCost?: number;
  channel?: string;
  /** Months this hire may start late: a number (0 to n) or a range; overrides the plan's. */
  slipMonths?: SlipInput;
}

export interface UpskillingInput {
  path: string;
  people: number;
  startMonth: number;
  costPerPerson?: number;
}

/**
 * A plan as given: its assumptions (horizonMonths, benefitsRate, annualRaise, startDate,
 * slipMonths, … — one per row of PLAN_ASSUMPTIONS, each optional) and its hires and upskilling.
 * slipMonths (per-hire ones override it) is used only by runPlanRange: a plan is costed as scheduled.
 */
export interface PlanInput extends PlanAssumptionsInput {
  hires: HireInput[];
  upskilling?: UpskillingInput[];
}

export interface ResolvedHire {
  role: string;
  level: string;
  location: string;
  category: RoleCategory;
  startMonth: number;
  count: number;
  /** Year-one annual salary of one person, in cents. */
  annualSalary: Cents;
  salarySource: { provenance: Provenance | "input"; method: string; sources: Source[] };
  /** Recruiting cost of one person, in cents, charged in the start month. */
  recruitingPerPerson: Cents;
  recruitingSource: { method: string; sources: Source[] };
  /** How many months late this hire may start (0–0 unless a slip was given). */
  slip: Slip;
}

export interface ResolvedUpskilling {
  path: string;
  people: number;
  startMonth: number;
  costPerPerson: Cents;
  costSource: { method: string; sources: Source[] };
}

export interface PlanMonth {
  month: number;
  label: string;
  headcount: number;
  payroll: Cents;
  benefits: Cents;
  recruiting: Cents;
  upskilling: Cents;
  total: Cents;
  cumulative: Cents;
}

export interface PlanYear {
  year: number;
  months: number;
  payroll: Cents;
  benefits: Cents;
  recruiting: Cents;
  upskilling: Cents;
  total: Cents;
  endHeadcount: number;
  /** Sum of the annual salaries of everyone employed at the year's last month. */
  runRate: Cents;
}

export interface PlanWarning {
  code: string;
  message: string;
  months?: number[];
  source?: Source;
}

export interface PlanResult {
  currency: "USD";
  horizonMonths: number;
  startDate: string | null;
  assumptions: PlanAssumptionsShown & { notes: string[] };
  hires: ResolvedHire[];
  upskilling: ResolvedUpskilling[];
  months: PlanMonth[];
  years: PlanYear[];
  totals: { payroll: Cents; benefits: Cents; recruiting: Cents; upskilling: Cents; total: Cents };
  warnings: PlanWarning[];
}

/** A checked plan: every assumption's value (defaults filled in) and the resolved hires and upskilling. */
export interface NormalizedPlan extends PlanAssumptionValues {
  hires: ResolvedHire[];
  upskilling: ResolvedUpskilling[];
}

const num = (
  value: unknown,
  field: string,
  rule: { min: number; max: number; integer?: boolean },
): number => checkNumber(value, field, rule);

const optionalNum = (
  value: unknown,
  field: string,
  fallback: number,
  rule: { min: number; max: number; integer?: boolean },
): number => checkOptionalNumber(value, field, fallback, rule);

function normalizeHire(
  raw: unknown,
  field: string,
  horizon: number,
  planSlip: Slip,
  options: SalaryOptions,
  problems: ProblemList,
): ResolvedHire | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    problems.add(
      invalid(
        field,
        "each hire must be an object with role, level, location, startMonth and count",
      ),
    );
    return undefined;
  }
  const h = raw as HireInput;
  const before = problems.problems.length;
  const role = problems.check(field, () => resolveRole(h.role));
  const level = problems.check(field, () => resolveLevel(h.level));
  const location = problems.check(field, () => resolveLocation(h.location));
  const startMonth = problems.check(field, () =>
    num(h.startMonth, "startMonth", { min: 1, max: horizon, integer: true }),
  );
  const count = problems.check(field, () =>
    optionalNum(h.count, "count", 1, { min: 1, max: PLAN_LIMITS.maxPeople, integer: true }),
  );
  const override = problems.check(field, () =>
    h.salary === undefined || h.salary === null
      ? undefined
      : num(h.salary, "salary", { min: 0, max: PLAN_LIMITS.maxSalary }),
  );
  const slip = problems.check(field, () => parseSlip(h.slipMonths, "slipMonths")) ?? planSlip;
  if (
    problems.problems.length > before ||
    !role ||
    !level ||
    !location ||
    startMonth === undefined ||
    count === undefined
  )
    return undefined;

  let annualSalary: Cents;
  let salarySource: ResolvedHire["salarySource"];
  if (override !== undefined) {
    annualSalary = toCents(override);
    salarySource = { provenance: "input", method: "given in the input", sources: [] };
  } else {
    const range = problems.check(field, () => {
      try {
        return salaryRange(
          { role: role.name, level: level.name, location: location.name, currency: "USD" },
          options,
        );
      } catch (e) {
        if (e instanceof PlannerError && e.code === "NO_DATA") {
          throw new PlannerError("NO_DATA", `${e.message} Give this hire a salary.`, {
            field: "salary",
            available: e.available,
          });
        }
        throw e;
      }
    });
    if (!range) return undefined;
    annualSalary = range.mid;
    salarySource = {
      provenance: range.provenance,
      method: `mid of the ${range.basis} range at ${range.location} (${range.method})`,
      sources: range.sources,
    };
  }
  const recruiting = problems.check(field, () =>
    priceRecruiting(h, { low: annualSalary, mid: annualSalary, high: annualSalary }),
  );
  if (!recruiting) return undefined;
  return {
    role: role.name,
    level: level.name,
    location: location.name,
    category: role.category,
    startMonth,
    count,
    annualSalary,
    salarySource,
    recruitingPerPerson: recruiting.mid,
    recruitingSource: { method: recruiting.method, sources: recruiting.sources },
    slip,
  };
}

function normalizeUpskilling(
  raw: unknown,
  field: string,
  horizon: number,
  problems: ProblemList,
): ResolvedUpskilling | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    problems.add(
      invalid(field, "each upskilling entry must be an object with path, people and startMonth"),
    );
    return undefined;
  }
  const u = raw as UpskillingInput;
  const before = problems.problems.length;
  const path = problems.check(field, () => upskillingPath(u.path));
  const people = problems.check(field, () =>
    num(u.people, "people", { min: 1, max: PLAN_LIMITS.maxPeople, integer: true }),
  );
  const startMonth = problems.check(field, () =>
    num(u.startMonth, "startMonth", { min: 1, max: horizon, integer: true }),
  );
  const cost = problems.check(field, () =>
    optionalNum(u.costPerPerson, "costPerPerson", DEFAULT_UPSKILLING_COST.amountPerPerson, {
      min: 0,
      max: PLAN_LIMITS.maxCostPerPerson,
    }),
  );
  if (
    problems.problems.length > before ||
    !path ||
    people === undefined ||
    startMonth === undefined ||
    cost === undefined
  )
    return undefined;
  const given = u.costPerPerson !== undefined && u.costPerPerson !== null;
  return {
    path: path.name,
    people,
    startMonth,
    costPerPerson: toCents(cost),
    costSource: given
      ? { method: "given in the input", sources: [] }
      : {
          method:
            "the seed's $30K for upskilling 2 engineers, i.e. $15K a person, charged in the start month",
          sources: [DEFAULT_UPSKILLING_COST.source],
        },
  };
}

/** Checks a whole plan input and reports every problem at once; returns the resolved plan. */
export function normalizePlan(input: unknown, options: SalaryOptions = {}): NormalizedPlan {
  const problems = new ProblemList();
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw invalid(
      "plan",
      "must be an object with hires (and optionally horizonMonths, benefitsRate, annualRaise, startDate, upskilling)",
    );
  }
  const p = input as PlanInput;
  const assumptions = normalizeAssumptions(p as unknown as Record<string, unknown>, problems);
  // Hire start months are checked against the horizon; an unusable horizon checks against the most allowed.
  const horizonMonths = problems.problems.some((e) => e.field === "horizonMonths")
    ? PLAN_LIMITS.maxHorizonMonths
    : assumptions.horizonMonths;
  const planSlip = assumptions.slipMonths;

  const hires: ResolvedHire[] = [];
  if (!Array.isArray(p.hires))
    problems.add(invalid("hires", "must be a list of hires (it may be empty)"));
  else if (p.hires.length > PLAN_LIMITS.maxHireRows)
    problems.add(
      invalid("hires", `at most ${PLAN_LIMITS.maxHireRows} hire rows, got ${p.hires.length}`),
    );
  else
    p.hires.forEach((h, i) => {
      const r = normalizeHire(h, `hires[${i}]`, horizonMonths, planSlip, options, problems);
      if (r) hires.push(r);
    });

  const upskilling: ResolvedUpskilling[] = [];
  if (p.upskilling !== undefined && p.upskilling !== null) {
    if (!Array.isArray(p.upskilling))
      problems.add(invalid("upskilling", "must be a list of upskilling entries"));
    else if (p.upskilling.length > PLAN_LIMITS.maxUpskillingRows)
      problems.add(
        invalid(
          "upskilling",
          `at most ${PLAN_LIMITS.maxUpskillingRows} entries, got ${p.upskilling.length}`,
        ),
      );
    else
      p.upskilling.forEach((u, i) => {
        const r = normalizeUpskilling(u, `upskilling[${i}]`, horizonMonths, problems);
        if (r) upskilling.push(r);
      });
  }
  const people = hires.reduce((s, h) => s + h.count, 0);
  if (people > PLAN_LIMITS.maxPeople)
    problems.add(
      invalid("hires", `a plan may hold at most ${PLAN_LIMITS.maxPeople} people, got ${people}`),
    );
  problems.throwIfAny("The plan");
  return { ...assumptions, hires, upskilling };
}

export function monthLabel(month: number, startDate: CalendarMonth | null): string {
  if (!startDate) return `Month ${month}`;
  const index = startDate.year * 12 + (startDate.month - 1) + (month - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The plan engine: month-by-month headcount and cost, yearly summaries and ratio warnings, in cents. */
export function runPlan(input: unknown, options: SalaryOptions = {}): PlanResult {
  const plan = normalizePlan(input, options);
  return simulatePlan(
    plan,
    plan.hires.map((h) => h.startMonth),
  );
}

/** Each hire's annual salary for each year of service: raised on every anniversary, rounded to the cent. */
export function salarySchedules(plan: NormalizedPlan): Cents[][] {
  const years = Math.ceil(plan.horizonMonths / 12);
  return plan.hires.map((h) => {
    const byYear: Cents[] = [h.annualSalary];
    for (let y = 1; y < years; y++) byYear.push(applyRate(byYear[y - 1]!, 1 + plan.annualRaise));
    return byYear;
  });
}

/** What one person of a hire costs in plan month m when they start in month `start` (nothing before it). */
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

/** Runs a normalized plan with each hire starting in `starts[i]` (a start past the horizon adds nothing). */
export function simulatePlan(plan: NormalizedPlan, starts: readonly number[]): PlanResult {
  const { horizonMonths: H, benefitsRate, annualRaise } = plan;
  const years = Math.ceil(H / 12);
  const salaries = salarySchedules(plan);

  const months: PlanMonth[] = [];
  const categoryCounts: Record<RoleCategory, number>[] = [];
  const runRates: Cents[] = [];
  let cumulative = 0;
  for (let m = 1; m <= H; m++) {
    let headcount = 0;
    let payroll = 0;
    let recruiting = 0;
    let runRate = 0;
    const counts: Record<RoleCategory, number> = {
      engineer: 0,
      data: 0,
      pm: 0,
      manager: 0,
      other: 0,
    };
    for (let i = 0; i < plan.hires.length; i++) {
      const h = plan.hires[i]!;
      const cost = hireMonth(h, salaries[i]!, starts[i]!, m);
      if (!cost) continue;
      headcount += h.count;
      counts[h.category] += h.count;
      payroll += h.count * cost.payroll;
      runRate += h.count * cost.annual;
      recruiting += h.count * cost.recruiting;
    }
    let upskilling = 0;
    for (const u of plan.upskilling)
      if (u.startMonth === m) upskilling += u.people * u.costPerPerson;
    const benefits = applyRate(payroll, benefitsRate);
    const total = payroll + benefits + recruiting + upskilling;
    cumulative += total;
    months.push({
      month: m,
      label: monthLabel(m, plan.startDate),
      headcount,
      payroll,
      benefits,
      recruiting,
      upskilling,
      total,
      cumulative,
    });
    categoryCounts.push(counts);
    runRates.push(runRate);
  }

  const yearRows: PlanYear[] = [];
  for (let y = 0; y < years; y++) {
    const slice = months.slice(y * 12, y * 12 + 12);
    const last = slice[slice.length - 1]!;
    const add = (k: "payroll" | "benefits" | "recruiting" | "upskilling" | "total") =>
      slice.reduce((s, r) => s + r[k], 0);
    yearRows.push({
      year: y + 1,
      months: slice.length,
      payroll: add("payroll"),
      benefits: add("benefits"),
      recruiting: add("recruiting"),
      upskilling: add("upskilling"),
      total: add("total"),
      endHeadcount: last.headcount,
      runRate: runRates[last.month - 1]!,
    });
  }
  const sumYears = (k: "payroll" | "benefits" | "recruiting" | "upskilling" | "total") =>
    yearRows.reduce((s, r) => s + r[k], 0);
  const totals = {
    payroll: sumYears("payroll"),
    benefits: sumYears("benefits"),
    recruiting: sumYears("recruiting"),
    upskilling: sumYears("upskilling"),
    total: sumYears("total"),
  };

  const notes: string[] = [];
  if (benefitsRate === 0)
    notes.push(
      'No benefits rate was given and the seeds state none ("$440K cost + benefits"), so benefits are 0.',
    );
  if (annualRaise === 0) notes.push("No annual raise was given; salaries stay flat.");
  notes.push(
    "Upskilling costs are charged in the entry's start month; recruiting costs in the hire's start month.",
  );
  return {
    currency: "USD",
    horizonMonths: H,
    startDate: plan.startDate ? monthLabel(1, plan.startDate) : null,
    assumptions: { ...assumptionsShown(plan), notes },
    hires: plan.hires,
    upskilling: plan.upskilling,
    months,
    years: yearRows,
    totals,
    warnings: ratioWarnings(categoryCounts),
  };
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
