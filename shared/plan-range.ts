import { applyRate, type Cents } from "./money.js";
import {
  hireMonth,
  monthLabel,
  normalizePlan,
  salarySchedules,
  simulatePlan,
  type NormalizedPlan,
  type PlanResult,
  type PlanWarning,
  type ResolvedHire,
} from "./plan.js";
import type { SalaryOptions } from "./salary.js";

/** A figure under hiring delays: its lowest, expected and highest value. */
export interface Spread {
  low: number;
  expected: number;
  high: number;
}

const FIGURES = ["payroll", "benefits", "recruiting", "upskilling", "total"] as const;
type Figure = (typeof FIGURES)[number];
type Costs = Record<Figure, Spread>;

export interface PlanRangeMonth extends Costs {
  month: number;
  label: string;
  headcount: Spread;
  cumulative: Spread;
}

export interface PlanRangeYear extends Costs {
  year: number;
  months: number;
  endHeadcount: Spread;
  runRate: Spread;
}

export interface PlanRangeResult {
  currency: "USD";
  horizonMonths: number;
  startDate: string | null;
  method: string;
  hires: ResolvedHire[];
  months: PlanRangeMonth[];
  years: PlanRangeYear[];
  totals: Costs;
  warnings: PlanWarning[];
}

export const PLAN_RANGE_METHOD =
  "Each hire may start any whole number of months from its slip's min to its max after its planned month, each equally likely and independent of the others. " +
  "low and high are, for each figure of each row on its own, the lowest and highest it can be over that row's months (a month, a year, the months so far, or the whole horizon), each hire taking the start that minimises or maximises it, so a row's low parts need not sum to its low total; " +
  "headcount and run-rate take the latest and earliest starts. expected is the mean over each hire's slips, rounded to the cent month by month; years and totals sum the expected months, and each expected figure is held inside its row's low–high bounds, which can move it by a cent. " +
  "Hires that slip past the horizon add nothing. With no slip all three equal the plain plan.";

/**
 * The plan under hiring delays: low / expected / high rows per month and per year. Deterministic:
 * a range over every allowed start, never random draws.
 */
export function runPlanRange(input: unknown, options: SalaryOptions = {}): PlanRangeResult {
  const plan = normalizePlan(input, options);
  if (plan.hires.every((h) => h.slip.min === h.slip.max)) {
    const exact = simulatePlan(
      plan,
      plan.hires.map((h) => h.startMonth + h.slip.min),
    );
    return fromExact(plan, exact);
  }
  return spread(plan);
}

const same = (v: number): Spread => ({ low: v, expected: v, high: v });

function fromExact(plan: NormalizedPlan, r: PlanResult): PlanRangeResult {
  const costs = (row: Record<Figure, number>): Costs => ({
    payroll: same(row.payroll),
    benefits: same(row.benefits),
    recruiting: same(row.recruiting),
    upskilling: same(row.upskilling),
    total: same(row.total),
  });
  return {
    currency: "USD",
    horizonMonths: r.horizonMonths,
    startDate: r.startDate,
    method: PLAN_RANGE_METHOD,
    hires: plan.hires,
    months: r.months.map((m) => ({
      month: m.month,
      label: m.label,
      headcount: same(m.headcount),
      cumulative: same(m.cumulative),
      ...costs(m),
    })),
    years: r.years.map((y) => ({
      year: y.year,
      months: y.months,
      endHeadcount: same(y.endHeadcount),
      runRate: same(y.runRate),
      ...costs(y),
    })),
    totals: costs(r.totals),
    warnings: r.warnings,
  };
}

interface HireSeries {
  count: number;
  /** Per slip value: per plan month (index m-1) payroll and recruiting of one person, and the annual salary while employed. */
  bySlip: { payroll: Cents[]; recruiting: Cents[]; annual: Cents[]; present: boolean[] }[];
}

function spread(plan: NormalizedPlan): PlanRangeResult {
  const H = plan.horizonMonths;
  const salaries = salarySchedules(plan);
  const series: HireSeries[] = plan.hires.map((h, i) => {
    const bySlip: HireSeries["bySlip"] = [];
    for (let s = h.slip.min; s <= h.slip.max; s++) {
      const payroll: Cents[] = [];
      const recruiting: Cents[] = [];
      const annual: Cents[] = [];
      const present: boolean[] = [];
      for (let m = 1; m <= H; m++) {
        const c = hireMonth(h, salaries[i]!, h.startMonth + s, m);
        payroll.push(c?.payroll ?? 0);
        recruiting.push(c?.recruiting ?? 0);
        annual.push(c?.annual ?? 0);
        present.push(c !== null);
      }
      bySlip.push({ payroll, recruiting, annual, present });
    }
    return { count: h.count, bySlip };
  });
  const upskillingByMonth: Cents[] = [];
  for (let m = 1; m <= H; m++)
    upskillingByMonth.push(
      plan.upskilling
        .filter((u) => u.startMonth === m)
        .reduce((s, u) => s + u.people * u.costPerPerson, 0),
    );
  const rate = plan.benefitsRate;

  /**
   * The lowest (or highest) each figure can be over months a..b: for each figure every hire takes
   * the slip that makes its own share of that figure lowest (highest) there — hires slip
   * independently, so that is the true bound — and the months are then costed exactly, benefits
   * month by month. The total is bounded the same way on its own, so parts need not sum to it.
   */
  const bound = (a: number, b: number, pick: "low" | "high"): Record<Figure, Cents> => {
    const choose = (cost: (v: HireSeries["bySlip"][number], m: number) => number) =>
      series.map((hs) => {
        let best = 0;
        let bestCost = pick === "low" ? Infinity : -Infinity;
        hs.bySlip.forEach((v, s) => {
          let c = 0;
          for (let m = a; m <= b; m++) c += cost(v, m - 1);
          if (pick === "low" ? c < bestCost : c > bestCost) {
            best = s;
            bestCost = c;
          }
        });
        return best;
      });
    /** Payroll, benefits and recruiting over a..b with each hire at its chosen slip. */
    const costed = (choice: number[]) => {
      const out = { payroll: 0, benefits: 0, recruiting: 0 };
      for (let m = a; m <= b; m++) {
        let payroll = 0;
        series.forEach((hs, i) => {
          payroll += hs.count * hs.bySlip[choice[i]!]!.payroll[m - 1]!;
        });
        let recruiting = 0;
        series.forEach((hs, i) => {
          recruiting += hs.count * hs.bySlip[choice[i]!]!.recruiting[m - 1]!;
        });
        out.payroll += payroll;
        out.benefits += applyRate(payroll, rate);
        out.recruiting += recruiting;
      }
      return out;
    };
    let upskilling = 0;
    for (let m = a; m <= b; m++) upskilling += upskillingByMonth[m - 1]!;
    const byPayroll = costed(choose((v, i) => v.payroll[i]!));
    const byRecruiting = costed(choose((v, i) => v.recruiting[i]!));
    const byTotal = costed(choose((v, i) => v.payroll[i]! * (1 + rate) + v.recruiting[i]!));
    return {
      payroll: byPayroll.payroll,
      benefits: byPayroll.benefits,
      recruiting: byRecruiting.recruiting,
      upskilling,
      total: byTotal.payroll + byTotal.benefits + byTotal.recruiting + upskilling,
    };
  };

  /** Headcount or run-rate at month m: the latest starts give the low end, the earliest the high. */
  const atMonth = (m: number, of: "headcount" | "runRate"): Spread => {
    let low = 0;
    let high = 0;
    let expected = 0;
    for (const hs of series) {
      const values = hs.bySlip.map(
        (v) => (of === "headcount" ? (v.present[m - 1] ? 1 : 0) : v.annual[m - 1]!) * hs.count,
      );
      low += Math.min(...values);
      high += Math.max(...values);
      expected += values.reduce((x, y) => x + y, 0) / values.length;
    }
    return {
      low,
      expected: of === "headcount" ? Math.round(expected * 100) / 100 : Math.round(expected),
      high,
    };
  };

  // Expected months: the mean over each hire's slips, rounded to the cent per month.
  const expectedMonths: Record<Figure, Cents>[] = [];
  for (let m = 1; m <= H; m++) {
    let payroll = 0;
    let recruiting = 0;
    for (const hs of series) {
      const n = hs.bySlip.length;
      payroll += (hs.count * hs.bySlip.reduce((s, v) => s + v.payroll[m - 1]!, 0)) / n;
      recruiting += (hs.count * hs.bySlip.reduce((s, v) => s + v.recruiting[m - 1]!, 0)) / n;
    }
    const p = Math.round(payroll);
    const r = Math.round(recruiting);
    const benefits = applyRate(p, rate);
    const u = upskillingByMonth[m - 1]!;
    expectedMonths.push({
      payroll: p,
      benefits,
      recruiting: r,
      upskilling: u,
      total: p + benefits + r + u,
    });
  }
  const expectedSum = (a: number, b: number): Record<Figure, Cents> => {
    const out = { payroll: 0, benefits: 0, recruiting: 0, upskilling: 0, total: 0 };
    for (let m = a; m <= b; m++) for (const f of FIGURES) out[f] += expectedMonths[m - 1]![f];
    return out;
  };
  const costsOver = (a: number, b: number): Costs => {
    const low = bound(a, b, "low");
    const high = bound(a, b, "high");
    const exp = expectedSum(a, b);
    const costs = {} as Costs;
    // Rounding month by month can leave the mean a few cents outside a bound when every slip costs
    // nearly the same; it is held inside so the range always reads low ≤ expected ≤ high.
    for (const f of FIGURES)
      costs[f] = {
        low: low[f],
        expected: Math.min(Math.max(exp[f], low[f]), high[f]),
        high: high[f],
      };
    return costs;
  };

  const months: PlanRangeMonth[] = [];
  for (let m = 1; m <= H; m++) {
    const cum = costsOver(1, m);
    months.push({
      month: m,
      label: monthLabel(m, plan.startDate),
      headcount: atMonth(m, "headcount"),
      ...costsOver(m, m),
      cumulative: cum.total,
    });
  }
  const years: PlanRangeYear[] = [];
  for (let y = 0; y * 12 < H; y++) {
    const a = y * 12 + 1;
    const b = Math.min(H, a + 11);
    years.push({
      year: y + 1,
      months: b - a + 1,
      endHeadcount: atMonth(b, "headcount"),
      runRate: atMonth(b, "runRate"),
      ...costsOver(a, b),
    });
  }
  const base = simulatePlan(
    plan,
    plan.hires.map((h) => h.startMonth),
  );
  return {
    currency: "USD",
    horizonMonths: H,
    startDate: plan.startDate ? monthLabel(1, plan.startDate) : null,
    method: PLAN_RANGE_METHOD,
    hires: plan.hires,
    months,
    years,
    totals: costsOver(1, H),
    warnings: base.warnings,
  };
}
