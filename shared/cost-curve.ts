/**
 * What one person of a row costs, month by month, when they start in a given month: the one place
 * the plan's per-person rules live (pay and raises, FTE, end month, payroll tax with its wage
 * base, bonus, equity, a contractor's rate, recruiting and backfill). The plan engine sums these
 * curves; the range engine (hiring delays) calls the same function for each start a slip allows.
 *
 * Benefits are not here: they are the plan's rate × each month's whole payroll, rounded once per
 * month, as they always were.
 */
import { applyRate, monthlyPiece, toCents, type Cents } from "./money.js";
import { calendarMonthOf } from "./plan-calendar.js";
import type { NormalizedPlan, ResolvedPerson } from "./plan-types.js";

/** The cost lines a curve holds (per person); benefits and upskilling are the plan's own. */
export const CURVE_LINES = [
  "payroll",
  "taxes",
  "bonus",
  "equity",
  "contractors",
  "recruiting",
  "backfill",
] as const;
export type CurveLine = (typeof CURVE_LINES)[number];

/**
 * One person's costs from `start`: entry j is plan month start + j, one per month employed
 * within the horizon (none when the start is past it). Multiply by the row's count.
 */
export interface CostCurve extends Record<CurveLine, Cents[]> {
  start: number;
  /** Their annual salary × FTE in each month (for run-rate); 0 for a contractor. */
  annual: Cents[];
  /** Their FTE in millionths (exact to sum): 1 FTE = 1,000,000. */
  fteMicros: number;
}

/** The last plan month employed for a start: the row keeps its length of employment when it starts later. */
export function lastMonth(plan: NormalizedPlan, person: ResolvedPerson, start: number): number {
  if (person.endMonth === null) return plan.horizonMonths;
  return Math.min(plan.horizonMonths, person.endMonth + (start - person.startMonth));
}

/**
 * Whether a row's curve for a later start is its curve for the planned start moved later
 * unchanged: true unless a calendar rule touches it (a company-wide raise month, a payroll-tax
 * wage base that resets each January) or it is the existing team (which does not move).
 * Where true, a range engine may compute the curve once and shift it.
 */
export function curveShifts(plan: NormalizedPlan, person: ResolvedPerson): boolean {
  if (person.existing) return false;
  if (person.type === "contractor") return true;
  const raiseByCalendar = plan.raiseMonth !== null && plan.annualRaise > 0;
  const wageBase = plan.payrollTax.rate > 0 && plan.payrollTax.wageBase !== null;
  return !raiseByCalendar && !wageBase;
}

/** One person's costs in one month employed, in cents: one entry of each of a curve's lines. */
export type CostMonth = Record<CurveLine | "annual", Cents>;

/**
 * The cost curve of one person of `person` starting in plan month `start` (its planned start, or
 * a later one under a slip). Rules, all per person and in cents:
 * - pay: the annual salary × FTE paid in twelfths, piece k of a salary year being
 *   floor(S·(k+1)/12) − floor(S·k/12), so any twelve months at one salary sum to it exactly;
 * - raises: × (1 + annualRaise) on each anniversary of the start, or, with a raise month, at each
 *   of its occurrences after the start for whoever has been employed raiseMinTenureMonths (the
 *   existing team always); a new salary year begins with each raise;
 * - payroll tax: rate × the month's pay, counting only pay up to the wage base within the
 *   person's calendar year (reset each January; without a start date each plan year). The
 *   existing team is taken to have been paid their month-1 pay in each earlier month of that
 *   first calendar year;
 * - bonus and equity: their rate × the month's pay (the row's own rate, else the plan's);
 * - a contractor: the monthly rate on Contractors, with no pay, benefits, tax or raise; bonus and
 *   equity only where the row gives a rate;
 * - recruiting: the row's cost in a hire's first month (never for the existing team);
 * - backfill: attritionRate ÷ 12 × the recruiting cost, each month employed (an expected value).
 */
export function hireCostCurve(
  plan: NormalizedPlan,
  person: ResolvedPerson,
  start: number,
): CostCurve {
  const curve: CostCurve = {
    start,
    payroll: [],
    taxes: [],
    bonus: [],
    equity: [],
    contractors: [],
    recruiting: [],
    backfill: [],
    annual: [],
    fteMicros: Math.round(person.fte * 1_000_000),
  };
  eachCostMonth(plan, person, start, (_j, c) => {
    curve.payroll.push(c.payroll);
    curve.taxes.push(c.taxes);
    curve.bonus.push(c.bonus);
    curve.equity.push(c.equity);
    curve.contractors.push(c.contractors);
    curve.recruiting.push(c.recruiting);
    curve.backfill.push(c.backfill);
    curve.annual.push(c.annual);
  });
  return curve;
}

/**
 * hireCostCurve month by month without building its arrays: `visit(j, costs)` for each month
 * employed (plan month start + j), with one object reused from call to call (read it, do not
 * keep it). The plan engine sums with it; hireCostCurve is built on it, so both apply the same
 * rules. Returns how many months were visited.
 */
export function eachCostMonth(
  plan: NormalizedPlan,
  person: ResolvedPerson,
  start: number,
  visit: (j: number, costs: Readonly<CostMonth>) => void,
): number {
  const length = Math.max(0, lastMonth(plan, person, start) - start + 1);
  const contractor = person.type === "contractor";
  const existing = person.existing;
  const backfill =
    plan.attritionRate > 0 ? applyRate(person.recruitingPerPerson, plan.attritionRate / 12) : 0;
  const taxRate = contractor ? 0 : plan.payrollTax.rate;
  const wageBase = plan.payrollTax.wageBase === null ? null : toCents(plan.payrollTax.wageBase);
  const { bonusRate, equityRate, fte } = person;
  const raise = plan.annualRaise;
  const costs: CostMonth = {
    payroll: 0,
    taxes: 0,
    bonus: 0,
    equity: 0,
    contractors: 0,
    recruiting: 0,
    backfill,
    annual: 0,
  };

  let full = person.annualSalary;
  let annual = fte === 1 ? full : applyRate(full, fte);
  let salaryYearStart = start;
  let yearToDate = 0;
  for (let j = 0; j < length; j++) {
    const m = start + j;
    let pay: Cents;
    if (contractor) pay = person.monthlyRate ?? 0;
    else {
      if (j > 0 && raise > 0 && raiseDue(plan, existing, start, m)) {
        full = applyRate(full, 1 + raise);
        annual = fte === 1 ? full : applyRate(full, fte);
        salaryYearStart = m;
      }
      pay = monthlyPiece(annual, (m - salaryYearStart) % 12);
    }
    let tax = 0;
    if (taxRate > 0) {
      const month = calendarMonthOf(m, plan.startDate);
      if (j === 0 && existing) yearToDate = (month - 1) * pay;
      else if (month === 1) yearToDate = 0;
      const taxable = wageBase === null ? pay : Math.max(0, Math.min(pay, wageBase - yearToDate));
      tax = applyRate(taxable, taxRate);
      yearToDate += pay;
    }
    costs.payroll = contractor ? 0 : pay;
    costs.contractors = contractor ? pay : 0;
    costs.annual = contractor ? 0 : annual;
    costs.taxes = tax;
    costs.bonus = bonusRate > 0 ? applyRate(pay, bonusRate) : 0;
    costs.equity = equityRate > 0 ? applyRate(pay, equityRate) : 0;
    costs.recruiting = j === 0 && !existing ? person.recruitingPerPerson : 0;
    visit(j, costs);
  }
  return length;
}

/** Whether a raise falls due in plan month m (m > start) for someone who started in `start`. */
function raiseDue(plan: NormalizedPlan, existing: boolean, start: number, m: number) {
  if (plan.raiseMonth === null) return (m - start) % 12 === 0;
  if (calendarMonthOf(m, plan.startDate) !== plan.raiseMonth) return false;
  return existing || m - start >= plan.raiseMinTenureMonths;
}
