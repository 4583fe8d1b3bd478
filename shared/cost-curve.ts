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
  const last = lastMonth(plan, person, start);
  if (start > last) return curve;
  const backfill =
    plan.attritionRate > 0 ? applyRate(person.recruitingPerPerson, plan.attritionRate / 12) : 0;
  const contractor = person.type === "contractor";
  const taxRate = contractor ? 0 : plan.payrollTax.rate;
  const wageBase = plan.payrollTax.wageBase === null ? null : toCents(plan.payrollTax.wageBase);
  const calendar = (m: number) => calendarMonthOf(m, plan.startDate);

  let full = person.annualSalary;
  const scale = (annual: Cents) => (person.fte === 1 ? annual : applyRate(annual, person.fte));
  let annual = scale(full);
  let salaryYearStart = start;
  let yearToDate = 0;
  for (let m = start; m <= last; m++) {
    let pay: Cents;
    if (contractor) pay = person.monthlyRate ?? 0;
    else {
      if (m > start && plan.annualRaise > 0 && raiseDue(plan, person, start, m)) {
        full = applyRate(full, 1 + plan.annualRaise);
        annual = scale(full);
        salaryYearStart = m;
      }
      pay = monthlyPiece(annual, (m - salaryYearStart) % 12);
    }
    if (taxRate > 0) {
      if (m === start && person.existing) yearToDate = (calendar(m) - 1) * pay;
      else if (calendar(m) === 1) yearToDate = 0;
      const taxable = wageBase === null ? pay : Math.max(0, Math.min(pay, wageBase - yearToDate));
      curve.taxes.push(applyRate(taxable, taxRate));
      yearToDate += pay;
    } else curve.taxes.push(0);
    curve.payroll.push(contractor ? 0 : pay);
    curve.contractors.push(contractor ? pay : 0);
    curve.bonus.push(person.bonusRate > 0 ? applyRate(pay, person.bonusRate) : 0);
    curve.equity.push(person.equityRate > 0 ? applyRate(pay, person.equityRate) : 0);
    curve.recruiting.push(m === start && !person.existing ? person.recruitingPerPerson : 0);
    curve.backfill.push(backfill);
    curve.annual.push(contractor ? 0 : annual);
  }
  return curve;
}

/** Whether a raise falls due in plan month m (m > start) for someone who started in `start`. */
function raiseDue(plan: NormalizedPlan, person: ResolvedPerson, start: number, m: number) {
  if (plan.raiseMonth === null) return (m - start) % 12 === 0;
  if (calendarMonthOf(m, plan.startDate) !== plan.raiseMonth) return false;
  return person.existing || m - start >= plan.raiseMinTenureMonths;
}
