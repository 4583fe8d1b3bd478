import { applyRate, monthlyPiece, type Cents } from "./money.js";
import {
  monthLabel,
  normalizePlan,
  salarySchedules,
  simulatePlan,
  type NormalizedPlan,
  type PlanResult,
  type PlanWarning,
  type ResolvedHire,
} from "./tmp-old-plan.ts";
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
  "low and high are, for each figure of each row on its own, the lowest and highest it can be over that row's months (a month, a year, the months so far, or the whole horizon), each hire taking the start that minimises or maximises it (of starts that cost the same, the latest for low and the earliest for high), so a row's low parts need not sum to its low total; " +
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

/**
 * One hire row's costs by months served (index j = 0 for its first month), per person. A slip of
 * s months only shifts this curve (start + s), so every slip of the hire reads the same arrays.
 */
interface HireCurve {
  count: number;
  start: number;
  /** First slip value and how many there are (slip.min .. slip.max). */
  minSlip: number;
  slips: number;
  recruiting: Cents;
  pay: readonly Cents[];
  annual: readonly Cents[];
  /** prefix[j] = pay[0] + … + pay[j-1], so any run of months sums in O(1). */
  prefix: readonly Cents[];
  /** The months served (j) that pay anything, ascending: all of them unless the salary is a few cents. */
  paid: readonly number[];
}

/** Pay per month served, the annual salary behind it and its prefix sums; shared by hires with the same salary. */
function curves(plan: NormalizedPlan): HireCurve[] {
  const H = plan.horizonMonths;
  const schedules = salarySchedules(plan);
  const byAnnual = new Map<Cents, Pick<HireCurve, "pay" | "annual" | "prefix" | "paid">>();
  return plan.hires.map((h, i) => {
    let c = byAnnual.get(h.annualSalary);
    if (!c) {
      const byYear = schedules[i]!;
      const pay: Cents[] = [];
      const annual: Cents[] = [];
      const prefix: Cents[] = [0];
      const paid: number[] = [];
      for (let j = 0; j < H; j++) {
        const a = byYear[Math.floor(j / 12)]!;
        pay.push(monthlyPiece(a, j % 12));
        annual.push(a);
        prefix.push(prefix[j]! + pay[j]!);
        if (pay[j] !== 0) paid.push(j);
      }
      c = { pay, annual, prefix, paid };
      byAnnual.set(h.annualSalary, c);
    }
    return {
      count: h.count,
      start: h.startMonth,
      minSlip: h.slip.min,
      slips: h.slip.max - h.slip.min + 1,
      recruiting: h.recruitingPerPerson,
      ...c,
    };
  });
}

/** One person's pay in plan month m when the hire starts in month `start` (0 before it). */
function payAt(c: HireCurve, start: number, m: number): Cents {
  const j = m - start;
  return j >= 0 ? c.pay[j]! : 0;
}

/** One person's payroll over plan months a..b when the hire starts in month `start`. */
function payOver(c: HireCurve, start: number, a: number, b: number): Cents {
  const to = b - start;
  if (to < 0) return 0;
  return c.prefix[to + 1]! - c.prefix[Math.max(0, a - start)]!;
}

type Criterion = "payroll" | "recruiting" | "total";
/** Per criterion, each hire's lowest- and highest-cost slip (as an offset from its slip.min). */
type Choices = Partial<Record<Criterion, Record<"low" | "high", number[]>>>;

/**
 * The bounds under hiring delays in O(hires × slips × months): every slip's cost over a run of
 * months comes from prefix sums, and the cumulative rows reuse the month-by-month payroll of the
 * row before, updating only the months of hires whose lowest (highest) slip changed.
 */
function spread(plan: NormalizedPlan): PlanRangeResult {
  const H = plan.horizonMonths;
  const hires = curves(plan);
  const rate = plan.benefitsRate;
  const upskillingByMonth: Cents[] = new Array<Cents>(H + 1).fill(0);
  for (const u of plan.upskilling) upskillingByMonth[u.startMonth]! += u.people * u.costPerPerson;
  const upskillingPrefix: Cents[] = [0];
  for (let m = 1; m <= H; m++)
    upskillingPrefix.push(upskillingPrefix[m - 1]! + upskillingByMonth[m]!);

  /**
   * For each hire, the slip (as an offset from slip.min) whose own cost over months a..b is lowest
   * and highest by each criterion: hires slip independently, so that is the true bound. Among
   * slips that cost the same, low takes the latest and high the earliest, so over months 1..m
   * (where a later start never costs more) the choice never flips from month to month. The total
   * is compared as (1 + rate) × payroll + recruiting, from exact sums.
   */
  const choose = (a: number, b: number, criteria: readonly Criterion[]): Choices => {
    const n = hires.length;
    const out = {} as Choices;
    for (const by of criteria) out[by] = { low: new Array<number>(n), high: new Array<number>(n) };
    const { payroll: byPayroll, recruiting: byRecruiting, total: byTotal } = out;
    const payrollToo = Boolean(byPayroll || byTotal);
    const grow = 1 + rate;
    for (let i = 0; i < n; i++) {
      const c = hires[i]!;
      let pLow = 0,
        pHigh = 0,
        rLow = 0,
        rHigh = 0,
        tLow = 0,
        tHigh = 0;
      let pLowCost = Infinity,
        pHighCost = -Infinity,
        rLowCost = Infinity,
        rHighCost = -Infinity,
        tLowCost = Infinity,
        tHighCost = -Infinity;
      const first = c.start + c.minSlip;
      for (let k = 0; k < c.slips; k++) {
        const start = first + k;
        const recruiting = start < a || start > b ? 0 : c.recruiting;
        const payroll = payrollToo ? payOver(c, start, a, b) : 0;
        const total = payroll * grow + recruiting;
        if (payroll <= pLowCost) {
          pLowCost = payroll;
          pLow = k;
        }
        if (payroll > pHighCost) {
          pHighCost = payroll;
          pHigh = k;
        }
        if (recruiting <= rLowCost) {
          rLowCost = recruiting;
          rLow = k;
        }
        if (recruiting > rHighCost) {
          rHighCost = recruiting;
          rHigh = k;
        }
        if (total <= tLowCost) {
          tLowCost = total;
          tLow = k;
        }
        if (total > tHighCost) {
          tHighCost = total;
          tHigh = k;
        }
      }
      if (byPayroll) {
        byPayroll.low[i] = pLow;
        byPayroll.high[i] = pHigh;
      }
      if (byRecruiting) {
        byRecruiting.low[i] = rLow;
        byRecruiting.high[i] = rHigh;
      }
      if (byTotal) {
        byTotal.low[i] = tLow;
        byTotal.high[i] = tHigh;
      }
    }
    return out;
  };

  /** Payroll, benefits (month by month, on the month's whole payroll) and recruiting over a..b with each hire at its chosen slip. */
  const costed = (a: number, b: number, choice: readonly number[]) => {
    const out = { payroll: 0, benefits: 0, recruiting: 0 };
    for (let m = a; m <= b; m++) {
      let payroll = 0;
      let recruiting = 0;
      hires.forEach((c, i) => {
        const start = c.start + c.minSlip + choice[i]!;
        payroll += c.count * payAt(c, start, m);
        if (start === m) recruiting += c.count * c.recruiting;
      });
      out.payroll += payroll;
      out.benefits += applyRate(payroll, rate);
      out.recruiting += recruiting;
    }
    return out;
  };

  /** The lowest and highest each figure can be over months a..b; each total is bounded on its own, so parts need not sum to it. */
  const bounds = (a: number, b: number): Record<"low" | "high", Record<Figure, Cents>> => {
    const upskilling = upskillingPrefix[b]! - upskillingPrefix[a - 1]!;
    const choices = choose(a, b, ["payroll", "recruiting", "total"]);
    const bound = (pick: "low" | "high"): Record<Figure, Cents> => {
      const byPayroll = costed(a, b, choices.payroll![pick]);
      const byRecruiting = costed(a, b, choices.recruiting![pick]);
      const byTotal = costed(a, b, choices.total![pick]);
      return {
        payroll: byPayroll.payroll,
        benefits: byPayroll.benefits,
        recruiting: byRecruiting.recruiting,
        upskilling,
        total: byTotal.payroll + byTotal.benefits + byTotal.recruiting + upskilling,
      };
    };
    return { low: bound("low"), high: bound("high") };
  };

  /**
   * The low and high cumulative totals for months 1..m, for every m. The slips chosen for 1..m
   * mostly equal those for 1..m-1, so each bound keeps its month-by-month payroll (and benefits,
   * which round per month) and patches only the months of hires whose choice changed.
   */
  const cumulativeTotals = (): Record<"low" | "high", Cents[]> => {
    const track = () => {
      const monthPayroll: Cents[] = new Array<Cents>(H + 1).fill(0);
      let payroll = 0;
      let benefits = 0;
      let previous: readonly number[] | undefined;
      const totals: Cents[] = [];
      const setMonth = (k: number, value: Cents) => {
        payroll += value - monthPayroll[k]!;
        benefits += applyRate(value, rate) - applyRate(monthPayroll[k]!, rate);
        monthPayroll[k] = value;
      };
      const next = (m: number, choice: readonly number[]) => {
        if (previous) {
          hires.forEach((c, i) => {
            if (choice[i] === previous![i]) return;
            const was = c.start + c.minSlip + previous![i]!;
            const now = c.start + c.minSlip + choice[i]!;
            // Only months that pay anything change: the hire's pay moves from `was` to `now`.
            for (const j of c.paid) {
              if (was + j >= m) break;
              setMonth(was + j, monthPayroll[was + j]! - c.count * c.pay[j]!);
            }
            for (const j of c.paid) {
              if (now + j >= m) break;
              setMonth(now + j, monthPayroll[now + j]! + c.count * c.pay[j]!);
            }
          });
        }
        let month = 0;
        let recruiting = 0;
        hires.forEach((c, i) => {
          const start = c.start + c.minSlip + choice[i]!;
          month += c.count * payAt(c, start, m);
          if (start <= m) recruiting += c.count * c.recruiting;
        });
        setMonth(m, month);
        totals.push(payroll + benefits + recruiting + upskillingPrefix[m]!);
        previous = choice;
      };
      return { next, totals };
    };
    const low = track();
    const high = track();
    for (let m = 1; m <= H; m++) {
      const { total } = choose(1, m, ["total"]);
      low.next(m, total!.low);
      high.next(m, total!.high);
    }
    return { low: low.totals, high: high.totals };
  };

  /** Headcount or run-rate at month m: the latest starts give the low end, the earliest the high. */
  const atMonth = (m: number, of: "headcount" | "runRate"): Spread => {
    let low = 0;
    let high = 0;
    let expected = 0;
    for (const c of hires) {
      let min = Infinity;
      let max = -Infinity;
      let sum = 0;
      for (let k = 0; k < c.slips; k++) {
        const j = m - (c.start + c.minSlip + k);
        const v = (j < 0 ? 0 : of === "headcount" ? 1 : c.annual[j]!) * c.count;
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
      }
      low += min;
      high += max;
      expected += sum / c.slips;
    }
    return {
      low,
      expected: of === "headcount" ? Math.round(expected * 100) / 100 : Math.round(expected),
      high,
    };
  };

  // Expected months: the mean over each hire's slips, rounded to the cent per month. The slips of a
  // hire in month m are a run of months served, so their pay sums from the prefix.
  const expectedMonths: Record<Figure, Cents>[] = [];
  for (let m = 1; m <= H; m++) {
    let payroll = 0;
    let recruiting = 0;
    for (const c of hires) {
      const first = c.start + c.minSlip;
      const last = first + c.slips - 1;
      // Slip starts first..last: months served m-last .. m-first.
      const to = m - first;
      const pay = to < 0 ? 0 : c.prefix[to + 1]! - c.prefix[Math.max(0, m - last)]!;
      payroll += (c.count * pay) / c.slips;
      recruiting += (c.count * (m >= first && m <= last ? c.recruiting : 0)) / c.slips;
    }
    const p = Math.round(payroll);
    const r = Math.round(recruiting);
    const benefits = applyRate(p, rate);
    const u = upskillingByMonth[m]!;
    expectedMonths.push({
      payroll: p,
      benefits,
      recruiting: r,
      upskilling: u,
      total: p + benefits + r + u,
    });
  }
  const expectedPrefix: Record<Figure, Cents>[] = [
    { payroll: 0, benefits: 0, recruiting: 0, upskilling: 0, total: 0 },
  ];
  for (const e of expectedMonths) {
    const prev = expectedPrefix[expectedPrefix.length - 1]!;
    const next = { ...prev };
    for (const f of FIGURES) next[f] += e[f];
    expectedPrefix.push(next);
  }
  const expectedSum = (a: number, b: number, f: Figure): Cents =>
    expectedPrefix[b]![f] - expectedPrefix[a - 1]![f];
  // Rounding month by month can leave the mean a few cents outside a bound when every slip costs
  // nearly the same; it is held inside so the range always reads low ≤ expected ≤ high.
  const held = (expected: Cents, low: Cents, high: Cents): Spread => ({
    low,
    expected: Math.min(Math.max(expected, low), high),
    high,
  });
  const costsOver = (a: number, b: number): Costs => {
    const { low, high } = bounds(a, b);
    const costs = {} as Costs;
    for (const f of FIGURES) costs[f] = held(expectedSum(a, b, f), low[f], high[f]);
    return costs;
  };

  const cumulative = cumulativeTotals();
  const months: PlanRangeMonth[] = [];
  for (let m = 1; m <= H; m++) {
    months.push({
      month: m,
      label: monthLabel(m, plan.startDate),
      headcount: atMonth(m, "headcount"),
      ...costsOver(m, m),
      cumulative: held(expectedSum(1, m, "total"), cumulative.low[m - 1]!, cumulative.high[m - 1]!),
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
