// The plan range as first written: for every row, every hire's every slip summed month by month
// (O(hires × slips × months²)). Kept as the brute-force reference shared/plan-range.ts is checked
// against. Two deliberate differences from that first version, both about slips whose cost over a
// row is exactly equal (which can still change a bound by a cent: benefits round per month on the
// month's whole payroll): a hire's "total" cost is compared as (1 + rate) × its payroll + its
// recruiting from exact integer sums, where the first version added a float per month, so equal
// costs really tie instead of being told apart by floating-point rounding; and a tie goes to the
// latest slip for low and the earliest for high (the first version took the earliest for both).
import {
  applyRate,
  hireMonth,
  monthLabel,
  normalizePlan,
  PLAN_RANGE_METHOD,
  salarySchedules,
  simulatePlan,
  type Cents,
  type PlanRangeMonth,
  type PlanRangeResult,
  type PlanRangeYear,
  type SalaryOptions,
  type Spread,
} from "../../../shared/index.js";

const FIGURES = ["payroll", "benefits", "recruiting", "upskilling", "total"] as const;
type Figure = (typeof FIGURES)[number];
type Costs = Record<Figure, Spread>;

interface HireSeries {
  count: number;
  bySlip: { payroll: Cents[]; recruiting: Cents[]; annual: Cents[]; present: boolean[] }[];
}

/** Only for plans with some slip: the exact path of runPlanRange is not what this checks. */
export function referencePlanRange(input: unknown, options: SalaryOptions = {}): PlanRangeResult {
  const plan = normalizePlan(input, options);
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

  const bound = (a: number, b: number, pick: "low" | "high"): Record<Figure, Cents> => {
    const choose = (cost: (payroll: number, recruiting: number) => number) =>
      series.map((hs) => {
        let best = 0;
        let bestCost = pick === "low" ? Infinity : -Infinity;
        hs.bySlip.forEach((v, s) => {
          let payroll = 0;
          let recruiting = 0;
          for (let m = a; m <= b; m++) {
            payroll += v.payroll[m - 1]!;
            recruiting += v.recruiting[m - 1]!;
          }
          const c = cost(payroll, recruiting);
          if (pick === "low" ? c <= bestCost : c > bestCost) {
            best = s;
            bestCost = c;
          }
        });
        return best;
      });
    const costed = (choice: number[]) => {
      const out = { payroll: 0, benefits: 0, recruiting: 0 };
      for (let m = a; m <= b; m++) {
        let payroll = 0;
        let recruiting = 0;
        series.forEach((hs, i) => {
          payroll += hs.count * hs.bySlip[choice[i]!]!.payroll[m - 1]!;
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
    const byPayroll = costed(choose((p) => p));
    const byRecruiting = costed(choose((_p, r) => r));
    const byTotal = costed(choose((p, r) => p * (1 + rate) + r));
    return {
      payroll: byPayroll.payroll,
      benefits: byPayroll.benefits,
      recruiting: byRecruiting.recruiting,
      upskilling,
      total: byTotal.payroll + byTotal.benefits + byTotal.recruiting + upskilling,
    };
  };

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
