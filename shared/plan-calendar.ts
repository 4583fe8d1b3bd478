/**
 * A plan's calendar: which month of the year each plan month is, how months read ("2027-01" or
 * "Month 1"), and how they group into years — with a start date, fiscal years labelled by the
 * calendar year they end in (FY2027; calendar years when the fiscal year opens in January, the
 * default), else 12-month blocks from month 1. Without a start date, month 1 counts as January, so "each January" means "each plan
 * year" and a raise month n is month n of every plan year.
 */
import type { CalendarMonth } from "./plan-assumptions.js";

/** Month of the year (1 = January) of plan month m. */
export function calendarMonthOf(m: number, startDate: CalendarMonth | null): number {
  const first = startDate ? startDate.month - 1 : 0;
  return ((first + m - 1) % 12) + 1;
}

export function monthLabel(month: number, startDate: CalendarMonth | null): string {
  if (!startDate) return `Month ${month}`;
  const index = startDate.year * 12 + (startDate.month - 1) + (month - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export interface PlanPeriod {
  /** 1 for the first year of the plan, 2 for the next, … */
  year: number;
  /** "Year 1", or "FY2027" for a fiscal year. */
  label: string;
  /** The fiscal year's number (the calendar year it ends in), for fiscal years only. */
  fiscalYear?: number;
  /** Plan months first..last, inclusive. */
  first: number;
  last: number;
}

/**
 * The plan's years. Fiscal years need a start date (to know the calendar); the first and last
 * may be partial. Without one (or with no fiscal year start), 12-month blocks from month 1, the
 * last possibly shorter.
 */
export function planPeriods(
  horizonMonths: number,
  startDate: CalendarMonth | null,
  fiscalYearStart: number | null,
): PlanPeriod[] {
  const periods: PlanPeriod[] = [];
  if (!startDate || fiscalYearStart === null) {
    for (let first = 1; first <= horizonMonths; first += 12)
      periods.push({
        year: periods.length + 1,
        label: `Year ${periods.length + 1}`,
        first,
        last: Math.min(horizonMonths, first + 11),
      });
    return periods;
  }
  const fiscalYearOf = (m: number) => {
    const index = startDate.year * 12 + (startDate.month - 1) + (m - 1);
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    // A year that opens in January ends in the same calendar year; otherwise in the next.
    return fiscalYearStart === 1 || month < fiscalYearStart ? year : year + 1;
  };
  for (let m = 1; m <= horizonMonths; m++) {
    const fy = fiscalYearOf(m);
    const current = periods.at(-1);
    if (current && current.fiscalYear === fy) current.last = m;
    else
      periods.push({
        year: periods.length + 1,
        label: `FY${fy}`,
        fiscalYear: fy,
        first: m,
        last: m,
      });
  }
  return periods;
}
