/**
 * The plan under hiring delays: every figure of every month and year as low / expected / high
 * when hires may start late. Each possible start is costed by the plan engine's own per-person
 * rules (eachCostMonth in shared/cost-curve.ts), so the new cost lines, FTE, end months and the
 * calendar rules read exactly as POST /v1/plan reads them; the existing team and upskilling do
 * not move and count the same in every start.
 */
import {
  CURVE_LINES,
  curveShifts,
  eachCostMonth,
  lastMonth,
  type CostMonth,
  type CurveLine,
} from "./cost-curve.js";
import { applyRate, type Cents } from "./money.js";
import { monthLabel, planPeriods } from "./plan-calendar.js";
import { normalizePlan, planCostLines, simulatePlan } from "./plan.js";
import {
  COST_LINES,
  type CostLine,
  type NormalizedPlan,
  type PlanResult,
  type PlanWarning,
  type ResolvedHire,
  type ResolvedTeamMember,
} from "./plan-types.js";
import type { SalaryOptions } from "./salary.js";

/** A figure under hiring delays: its lowest, expected and highest value. */
export interface Spread {
  low: number;
  expected: number;
  high: number;
}

/** The money figures of a range row: every cost line of the plan and their total. */
export const RANGE_FIGURES = [...COST_LINES, "total"] as const;
export type RangeFigure = (typeof RANGE_FIGURES)[number];
type Costs = Record<RangeFigure, Spread>;

export interface PlanRangeMonth extends Costs {
  month: number;
  label: string;
  headcount: Spread;
  fte: Spread;
  cumulative: Spread;
}

export interface PlanRangeYear extends Costs {
  year: number;
  /** "Year 1", or "FY2027" for a fiscal year: the plan's own years (planPeriods). */
  label: string;
  months: number;
  endHeadcount: Spread;
  endFte: Spread;
  runRate: Spread;
}

export interface PlanRangeResult {
  currency: "USD";
  horizonMonths: number;
  startDate: string | null;
  method: string;
  /** The cost lines this plan can have (the others are 0 throughout), as POST /v1/plan says. */
  costLines: CostLine[];
  hires: ResolvedHire[];
  /** The existing team: the same in every start, so its figures are in low, expected and high alike. */
  team: ResolvedTeamMember[];
  months: PlanRangeMonth[];
  years: PlanRangeYear[];
  totals: Costs;
  warnings: PlanWarning[];
}

export const PLAN_RANGE_METHOD =
  "Each hire may start any whole number of months from its slip's min to its max after its planned month, each equally likely and independent of the others; a later start moves the hire's whole employment (an end month moves with it) and is costed by the plan engine's rules for that start (raises, payroll tax and its wage base, bonus, equity, a contractor's rate, recruiting, backfill), so a calendar rule such as a merit month can make a later start cost differently, not only later. The existing team and upskilling do not move. " +
  "low and high are, for each figure of each row on its own, the lowest and highest it can be over that row's months (a month, a year, the months so far, or the whole horizon), each hire taking the start that minimises or maximises it (of starts that cost the same, the latest for low and the earliest for high); benefits follow the starts that bound payroll and a row's total the starts that bound each hire's own total, so a row's low parts need not sum to its low total; " +
  "headcount, FTE and run-rate take each hire's lowest and highest over its starts. expected is the mean over each hire's starts, in cents with no cent lost over time: each line's expected months are the steps of its running mean rounded to the cent, so any run of months sums to its mean rounded; benefits are the rate × each month's expected payroll; a month's expected lines add up to its expected total, and years, the months so far and the whole horizon sum the expected months. " +
  "Benefits round per month on the whole payroll, so the bounds of benefits and totals are exact to a cent or two: where an expected figure falls outside them, the bound is widened to it. " +
  "Hires that slip past the horizon add nothing. With no slip all three equal the plain plan.";

/**
 * The plan under hiring delays: low / expected / high rows per month and per year. Deterministic:
 * a range over every allowed start, never random draws.
 */
export function runPlanRange(input: unknown, options: SalaryOptions = {}): PlanRangeResult {
  return range(input, options, true);
}

/**
 * The range's years and totals alone, without its month rows: the same figures runPlanRange
 * gives for them (the same code computes them), for answers that read no months — compare's
 * totals with delays, hire or upskill's cash — at a fraction of the work.
 */
export function runPlanRangeYears(
  input: unknown,
  options: SalaryOptions = {},
): Omit<PlanRangeResult, "months"> {
  const { months: _months, ...rest } = range(input, options, false);
  return rest;
}

function range(input: unknown, options: SalaryOptions, withMonths: boolean): PlanRangeResult {
  const plan = normalizePlan(input, options);
  if (plan.hires.every((h) => h.slip.min === h.slip.max)) {
    const exact = simulatePlan(
      plan,
      plan.hires.map((h) => h.startMonth + h.slip.min),
    );
    return fromExact(plan, exact);
  }
  return spread(plan, withMonths);
}

const same = (v: number): Spread => ({ low: v, expected: v, high: v });

function fromExact(plan: NormalizedPlan, r: PlanResult): PlanRangeResult {
  const costs = (row: Record<RangeFigure, number>): Costs => {
    const out = {} as Costs;
    for (const f of RANGE_FIGURES) out[f] = same(row[f]);
    return out;
  };
  return {
    currency: "USD",
    horizonMonths: r.horizonMonths,
    startDate: r.startDate,
    method: PLAN_RANGE_METHOD,
    costLines: r.costLines,
    hires: plan.hires,
    team: plan.team,
    months: r.months.map((m) => ({
      month: m.month,
      label: m.label,
      headcount: same(m.headcount),
      fte: same(m.fte),
      cumulative: same(m.cumulative),
      ...costs(m),
    })),
    years: r.years.map((y) => ({
      year: y.year,
      label: y.label,
      months: y.months,
      endHeadcount: same(y.endHeadcount),
      endFte: same(y.endFte),
      runRate: same(y.runRate),
      ...costs(y),
    })),
    totals: costs(r.totals),
    warnings: r.warnings,
  };
}

/**
 * A hire row's possible starts first .. first + starts - 1, each start's costs as prefix sums so
 * any run of months sums in O(1). Entry `at(h, k, m) + l` of `sums` is what one person costs on
 * line l (the lines in use, payroll first) in plan months up to m when starting at offset k;
 * entry `at(h, k, m) + lines` is every line but payroll, summed (what a hire's total adds beside
 * its payroll and benefits).
 *
 * Where a later start only moves the curve (curveShifts), one curve from `first` serves every
 * start, indexed by months employed. Where a calendar rule makes a later start cost differently,
 * each start has its own curve, laid out by plan month with the starts side by side, so a row's
 * figures for every start of the hire are read from two runs of the array. Either way, start k's
 * sums through plan month m are at base[k] + m × stride, for m from from[k] (the month before it
 * starts: nothing yet) to to[k] (its last month employed: everything).
 */
interface RangeHire {
  count: number;
  first: number;
  starts: number;
  shifts: boolean;
  sums: Float64Array;
  stride: number;
  base: Int32Array;
  from: Int32Array;
  to: Int32Array;
  /** The annual salary × FTE of start k in plan month m (while employed): annual[annualBase[k] + m × annualStride]. */
  annual: Float64Array;
  annualBase: Int32Array;
  annualStride: number;
  fteMicros: number;
}

/** Where start k's sums through plan month m begin (months outside its employment read as its ends). */
function at(h: RangeHire, k: number, m: number): number {
  const from = h.from[k]!;
  const to = h.to[k]!;
  return h.base[k]! + (m < from ? from : m > to ? to : m) * h.stride;
}

function rangeHire(
  plan: NormalizedPlan,
  person: ResolvedHire,
  lines: readonly CurveLine[],
): RangeHire {
  const H = plan.horizonMonths;
  const L = lines.length;
  const W = L + 1;
  const first = person.startMonth + person.slip.min;
  const starts = person.slip.max - person.slip.min + 1;
  const shifts = curveShifts(plan, person);
  const base = new Int32Array(starts);
  const from = new Int32Array(starts);
  const to = new Int32Array(starts);
  const annualBase = new Int32Array(starts);
  /** Writes one month's costs at `i`: each line, then the others summed. */
  const put = (sums: Float64Array, i: number, c: Readonly<CostMonth>) => {
    let other = 0;
    for (let l = 0; l < L; l++) {
      const v = c[lines[l]!];
      sums[i + l] = v;
      if (l > 0) other += v;
    }
    sums[i + L] = other;
  };
  let sums: Float64Array;
  let stride: number;
  let annual: Float64Array;
  let annualStride: number;
  if (shifts) {
    const length = Math.max(0, lastMonth(plan, person, first) - first + 1);
    sums = new Float64Array((length + 1) * W);
    const curve = sums;
    annual = new Float64Array(length);
    const pay = annual;
    eachCostMonth(plan, person, first, (j, c) => {
      put(curve, (j + 1) * W, c);
      pay[j] = c.annual;
    });
    for (let i = W; i < sums.length; i++) sums[i]! += sums[i - W]!;
    stride = W;
    annualStride = 1;
    for (let k = 0; k < starts; k++) {
      const start = first + k;
      // Months employed j = m - start, so the sums through m sit at (m - start + 1) × W.
      base[k] = (1 - start) * W;
      from[k] = start - 1;
      to[k] = start - 1 + Math.max(0, Math.min(length, H - start + 1));
      annualBase[k] = -start;
    }
  } else {
    stride = starts * W;
    annualStride = starts;
    sums = new Float64Array((H + 1) * stride);
    annual = new Float64Array((H + 1) * starts);
    const grid = sums;
    const pay = annual;
    const row = stride;
    for (let k = 0; k < starts; k++) {
      const start = first + k;
      const length = eachCostMonth(plan, person, start, (j, c) => {
        put(grid, (start + j) * row + k * W, c);
        pay[(start + j) * starts + k] = c.annual;
      });
      base[k] = k * W;
      // A start past the horizon has nothing in any month: its sums at month H are all 0.
      from[k] = Math.min(start - 1, H);
      to[k] = Math.min(start - 1, H) + length;
      annualBase[k] = k;
    }
    for (let i = stride; i < sums.length; i++) sums[i]! += sums[i - stride]!;
  }
  // One object literal for both layouts, so every hire has the same shape (the hot loops stay monomorphic).
  return {
    count: person.count,
    first,
    starts,
    shifts,
    sums,
    stride,
    base,
    from,
    to,
    annual,
    annualBase,
    annualStride,
    fteMicros: Math.round(person.fte * 1_000_000),
  };
}

type Bound = "low" | "high";
type Row = Record<RangeFigure, Cents>;

const zeroRow = (): Row => ({
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
 * The bounds under hiring delays in O(hires × starts × months): every start's cost over a run of
 * months comes from prefix sums, and the cumulative rows reuse the month-by-month payroll of the
 * row before, updating only the months of hires whose chosen start changed.
 */
function spread(plan: NormalizedPlan, withMonths: boolean): PlanRangeResult {
  const H = plan.horizonMonths;
  const rate = plan.benefitsRate;
  const grow = 1 + rate;
  const costLines = planCostLines(plan);
  // Curve lines the plan uses, payroll first (it is always used); the others are 0 throughout.
  const lines = CURVE_LINES.filter((l) => costLines.includes(l));
  const L = lines.length;
  const W = L + 1; // entries per month and start: the lines, then the others summed

  const hires = plan.hires.map((h) => rangeHire(plan, h, lines));
  const n = hires.length;
  // The existing team and upskilling: the same in every start. Index m for plan month m.
  const team = {
    lines: lines.map(() => new Float64Array(H + 1)),
    headcount: new Float64Array(H + 1),
    fteMicros: new Float64Array(H + 1),
    runRate: new Float64Array(H + 1),
  };
  for (const p of plan.team) {
    const fte = p.count * Math.round(p.fte * 1_000_000);
    eachCostMonth(plan, p, 1, (j, c) => {
      const m = 1 + j;
      for (let l = 0; l < L; l++) team.lines[l]![m]! += p.count * c[lines[l]!];
      team.headcount[m]! += p.count;
      team.fteMicros[m]! += fte;
      team.runRate[m]! += p.count * c.annual;
    });
  }
  const teamPayroll = team.lines[0]!;
  const prefixOf = (byMonth: Float64Array) => {
    const p = new Float64Array(H + 1);
    for (let m = 1; m <= H; m++) p[m] = p[m - 1]! + byMonth[m]!;
    return p;
  };
  const teamLinePrefix = team.lines.map(prefixOf);
  const teamAll = new Float64Array(H + 1);
  for (let m = 1; m <= H; m++) for (let l = 0; l < L; l++) teamAll[m]! += team.lines[l]![m]!;
  const teamAllPrefix = prefixOf(teamAll);
  const upskillingByMonth = new Float64Array(H + 1);
  for (const u of plan.upskilling) upskillingByMonth[u.startMonth]! += u.people * u.costPerPerson;
  const upskillingPrefix = prefixOf(upskillingByMonth);

  const monthPay = new Float64Array(H + 1);
  /** Benefits over months a..b (the rate × each month's whole payroll, rounded per month) with each hire at its chosen start. */
  const benefitsOver = (a: number, b: number, choice: Int32Array): Cents => {
    if (rate === 0) return 0;
    for (let m = a; m <= b; m++) monthPay[m] = teamPayroll[m]!;
    for (let i = 0; i < n; i++) {
      const h = hires[i]!;
      const k = choice[i]!;
      const { sums, stride, count } = h;
      const base = h.base[k]!;
      const to = Math.min(b, h.to[k]!);
      for (let m = Math.max(a, h.from[k]! + 1); m <= to; m++) {
        const o = base + m * stride;
        monthPay[m]! += count * (sums[o]! - sums[o - stride]!);
      }
    }
    let benefits = 0;
    for (let m = a; m <= b; m++) benefits += applyRate(monthPay[m]!, rate);
    return benefits;
  };
  /** Every line over months a..b but benefits and upskilling, with each hire at its chosen start (the team's included). */
  const linesOver = (a: number, b: number, choice: Int32Array): Cents => {
    let total = teamAllPrefix[b]! - teamAllPrefix[a - 1]!;
    for (let i = 0; i < n; i++) {
      const h = hires[i]!;
      const lo = at(h, choice[i]!, a - 1);
      const hi = at(h, choice[i]!, b);
      const sums = h.sums;
      total += h.count * (sums[hi]! - sums[lo]! + sums[hi + L]! - sums[lo + L]!);
    }
    return total;
  };

  type Choices = Record<Bound, Int32Array>;
  const choices = (): Choices => ({ low: new Int32Array(n), high: new Int32Array(n) });
  const lineMin = new Float64Array(L);
  const lineMax = new Float64Array(L);
  /**
   * One pass over every hire's starts for months a..b: the start whose own payroll, and whose own
   * total ((1 + rate) × payroll + its other lines, from exact sums), is lowest and highest; and,
   * when `lineSums` is given, each line's lowest and highest summed over the hires (× count).
   * Among starts that cost the same, low takes the latest and high the earliest, so over months
   * 1..m (where a later start rarely costs more) the choice seldom flips from month to month.
   */
  const choose = (
    a: number,
    b: number,
    byTotal: Choices,
    byPayroll?: Choices,
    lineSums?: Record<Bound, Float64Array>,
  ) => {
    for (let i = 0; i < n; i++) {
      const h = hires[i]!;
      const last = h.starts - 1;
      if (h.first > b) {
        // No start reaches these months: every start costs 0, so the latest for low, the earliest for high.
        byTotal.low[i] = last;
        byTotal.high[i] = 0;
        if (byPayroll) {
          byPayroll.low[i] = last;
          byPayroll.high[i] = 0;
        }
        continue;
      }
      const sums = h.sums;
      let payLow = Infinity;
      let payHigh = -Infinity;
      let totalLow = Infinity;
      let totalHigh = -Infinity;
      let payLowK = 0;
      let payHighK = 0;
      let totalLowK = 0;
      let totalHighK = 0;
      if (lineSums) {
        lineMin.fill(Infinity);
        lineMax.fill(-Infinity);
      }
      const { base, from, to, stride } = h;
      for (let k = 0; k <= last; k++) {
        // at(h, k, a - 1) and at(h, k, b), inlined: this is the innermost loop.
        const f = from[k]!;
        const t = to[k]!;
        const lo = base[k]! + (a - 1 < f ? f : a - 1 > t ? t : a - 1) * stride;
        const hi = base[k]! + (b < f ? f : b > t ? t : b) * stride;
        const pay = sums[hi]! - sums[lo]!;
        const total = pay * grow + (sums[hi + L]! - sums[lo + L]!);
        if (pay <= payLow) {
          payLow = pay;
          payLowK = k;
        }
        if (pay > payHigh) {
          payHigh = pay;
          payHighK = k;
        }
        if (total <= totalLow) {
          totalLow = total;
          totalLowK = k;
        }
        if (total > totalHigh) {
          totalHigh = total;
          totalHighK = k;
        }
        if (lineSums)
          for (let l = 1; l < L; l++) {
            const v = sums[hi + l]! - sums[lo + l]!;
            if (v < lineMin[l]!) lineMin[l] = v;
            if (v > lineMax[l]!) lineMax[l] = v;
          }
      }
      byTotal.low[i] = totalLowK;
      byTotal.high[i] = totalHighK;
      if (byPayroll) {
        byPayroll.low[i] = payLowK;
        byPayroll.high[i] = payHighK;
      }
      if (lineSums) {
        lineSums.low[0]! += h.count * payLow;
        lineSums.high[0]! += h.count * payHigh;
        for (let l = 1; l < L; l++) {
          lineSums.low[l]! += h.count * lineMin[l]!;
          lineSums.high[l]! += h.count * lineMax[l]!;
        }
      }
    }
  };

  /** The lowest and highest each figure can be over months a..b; each total is bounded on its own, so parts need not sum to it. */
  // Reused from row to row: bounds reads them before the next call writes them.
  const byTotal = choices();
  const byPayroll = choices();
  const sums = { low: new Float64Array(L), high: new Float64Array(L) };
  const bounds = (a: number, b: number): Record<Bound, Row> => {
    sums.low.fill(0);
    sums.high.fill(0);
    choose(a, b, byTotal, byPayroll, sums);
    const upskilling = upskillingPrefix[b]! - upskillingPrefix[a - 1]!;
    const row = (bound: Bound): Row => {
      const r = zeroRow();
      for (let l = 0; l < L; l++)
        r[lines[l]!] = sums[bound][l]! + teamLinePrefix[l]![b]! - teamLinePrefix[l]![a - 1]!;
      r.benefits = benefitsOver(a, b, byPayroll[bound]);
      r.upskilling = upskilling;
      const choice = byTotal[bound];
      r.total = linesOver(a, b, choice) + benefitsOver(a, b, choice) + upskilling;
      return r;
    };
    return { low: row("low"), high: row("high") };
  };

  /**
   * The low and high cumulative totals for months 1..m, for every m. The starts chosen for 1..m
   * mostly equal those for 1..m-1, so each bound keeps its month-by-month payroll (and benefits,
   * which round per month) and patches only the months of hires whose choice changed.
   */
  const cumulativeTotals = (): Record<Bound, Cents[]> => {
    const track = () => {
      const hirePay = new Float64Array(H + 1);
      const monthBenefits = new Float64Array(H + 1);
      let payroll = 0;
      let benefits = 0;
      let previous: Int32Array | undefined;
      const totals: Cents[] = [];
      const setMonth = (m: number, value: Cents) => {
        payroll += value - hirePay[m]!;
        hirePay[m] = value;
        const b = applyRate(teamPayroll[m]! + value, rate);
        benefits += b - monthBenefits[m]!;
        monthBenefits[m] = b;
      };
      /** Adds (sign 1) or takes away (-1) a hire's pay at start offset k in the months before m. */
      const move = (h: RangeHire, k: number, m: number, sign: number) => {
        const { sums, stride } = h;
        const to = Math.min(m - 1, h.to[k]!);
        for (let t = h.from[k]! + 1; t <= to; t++) {
          const o = h.base[k]! + t * stride;
          const v = sums[o]! - sums[o - stride]!;
          if (v !== 0) setMonth(t, hirePay[t]! + sign * h.count * v);
        }
      };
      const next = (m: number, choice: Int32Array) => {
        if (previous)
          for (let i = 0; i < n; i++) {
            if (choice[i] === previous[i]) continue;
            move(hires[i]!, previous[i]!, m, -1);
            move(hires[i]!, choice[i]!, m, 1);
          }
        let month = 0;
        let others = 0;
        for (let i = 0; i < n; i++) {
          const h = hires[i]!;
          const k = choice[i]!;
          if (h.first + k > m) continue;
          const now = at(h, k, m);
          const before = at(h, k, m - 1);
          month += h.count * (h.sums[now]! - h.sums[before]!);
          others += h.count * h.sums[now + L]!;
        }
        setMonth(m, month);
        totals.push(payroll + benefits + others + teamAllPrefix[m]! + upskillingPrefix[m]!);
        previous = choice;
      };
      return { next, totals };
    };
    const low = track();
    const high = track();
    for (let m = 1; m <= H; m++) {
      const choice = choices();
      choose(1, m, choice);
      low.next(m, choice.low);
      high.next(m, choice.high);
    }
    return { low: low.totals, high: high.totals };
  };

  /** Headcount, FTE and run-rate at month m: each hire's lowest and highest over its starts, and their mean. */
  const people = (m: number): Record<"headcount" | "fte" | "runRate", Spread> => {
    let headLow = 0;
    let headHigh = 0;
    let headMean = 0;
    let payLow = 0;
    let payHigh = 0;
    let payMean = 0;
    let fteLow = 0;
    let fteHigh = 0;
    let fteMean = 0;
    for (const h of hires) {
      if (h.first > m) continue; // not employed yet in any start
      let presentMin = 1;
      let presentMax = 0;
      let present = 0;
      let annualMin = Infinity;
      let annualMax = -Infinity;
      let annual = 0;
      for (let k = 0; k < h.starts; k++) {
        const here = m > h.from[k]! && m <= h.to[k]!;
        const a = here ? h.annual[h.annualBase[k]! + m * h.annualStride]! : 0;
        if (here) {
          present++;
          presentMax = 1;
        } else presentMin = 0;
        annual += a;
        if (a < annualMin) annualMin = a;
        if (a > annualMax) annualMax = a;
      }
      headLow += h.count * presentMin;
      headHigh += h.count * presentMax;
      headMean += (h.count * present) / h.starts;
      fteLow += h.count * h.fteMicros * presentMin;
      fteHigh += h.count * h.fteMicros * presentMax;
      fteMean += (h.count * h.fteMicros * present) / h.starts;
      payLow += h.count * annualMin;
      payHigh += h.count * annualMax;
      payMean += (h.count * annual) / h.starts;
    }
    const teamFte = team.fteMicros[m]!;
    const fte = {
      low: (fteLow + teamFte) / 1_000_000,
      high: (fteHigh + teamFte) / 1_000_000,
    };
    return {
      headcount: {
        low: headLow + team.headcount[m]!,
        expected: Math.round((headMean + team.headcount[m]!) * 100) / 100,
        high: headHigh + team.headcount[m]!,
      },
      fte: {
        low: fte.low,
        expected: Math.min(
          Math.max(Math.round((fteMean + teamFte) / 10_000) / 100, fte.low),
          fte.high,
        ),
        high: fte.high,
      },
      runRate: {
        low: payLow + team.runRate[m]!,
        expected: Math.round(payMean + team.runRate[m]!),
        high: payHigh + team.runRate[m]!,
      },
    };
  };

  // Expected months: the mean over each hire's starts, rounded so that no cent is lost over time:
  // each line's month is the difference of its running mean rounded, so any run of months sums to
  // its mean rounded, which lies within the line's bounds. A hire's running sum over its starts is
  // exact. For a moved curve the starts first .. last cover months employed m - last .. m - first,
  // so a month's sum over them is one difference of prefix sums.
  const running = new Float64Array(n * L);
  const mean = new Float64Array(L);
  const roundedBefore = new Float64Array(L);
  // Each figure's expected sum through month m (index m), so any run of months is a difference;
  // lines the plan does not use stay 0 throughout.
  const expected = {} as Record<RangeFigure, Float64Array>;
  for (const f of RANGE_FIGURES) expected[f] = new Float64Array(H + 1);
  const lineSums = lines.map((l) => expected[l]);
  for (let m = 1; m <= H; m++) {
    mean.fill(0);
    for (let i = 0; i < n; i++) {
      const h = hires[i]!;
      if (h.first > m) continue; // nothing yet in any start
      const sums = h.sums;
      const latest = at(h, h.starts - 1, m - 1);
      const earliest = at(h, 0, m);
      for (let l = 0; l < L; l++) {
        let sum = 0;
        if (h.shifts) sum = sums[earliest + l]! - sums[latest + l]!;
        else {
          const at = m * h.starts * W + l;
          for (let k = 0; k < h.starts; k++) sum += sums[at + k * W]!;
          // The prefix through m summed over the starts is the running sum itself.
          sum -= running[i * L + l]!;
        }
        running[i * L + l]! += sum;
        mean[l]! += (h.count * running[i * L + l]!) / h.starts;
      }
    }
    let total = 0;
    let payroll = 0;
    for (let l = 0; l < L; l++) {
      const rounded = Math.round(mean[l]!);
      const value = rounded - roundedBefore[l]! + team.lines[l]![m]!;
      roundedBefore[l] = rounded;
      lineSums[l]![m] = lineSums[l]![m - 1]! + value;
      total += value;
      if (l === 0) payroll = value;
    }
    const benefits = applyRate(payroll, rate);
    expected.benefits[m] = expected.benefits[m - 1]! + benefits;
    expected.upskilling[m] = expected.upskilling[m - 1]! + upskillingByMonth[m]!;
    expected.total[m] = expected.total[m - 1]! + total + benefits + upskillingByMonth[m]!;
  }
  const expectedSum = (a: number, b: number, f: RangeFigure): Cents =>
    expected[f][b]! - expected[f][a - 1]!;
  // Benefits and totals round per month on the whole payroll, so their bounds (and the expected
  // figure) hold to a cent or two: where an expected benefits, total or cumulative figure falls
  // outside, the bound takes it in rather than the figure moving, so expected lines always add up
  // to their total and expected months to their years. (The other lines never need it.)
  const widened = (expected: Cents, low: Cents, high: Cents): Spread => ({
    low: Math.min(low, expected),
    expected,
    high: Math.max(high, expected),
  });
  const costsOver = (a: number, b: number): Costs => {
    const { low, high } = bounds(a, b);
    const costs = {} as Costs;
    for (const f of RANGE_FIGURES) costs[f] = widened(expectedSum(a, b, f), low[f], high[f]);
    return costs;
  };

  const periods = planPeriods(H, plan.startDate, plan.fiscalYearStart);
  // Headcount, FTE and run-rate for every month shown: all of them, or the years' last months.
  const atMonth: (ReturnType<typeof people> | undefined)[] = [];
  if (withMonths) for (let m = 1; m <= H; m++) atMonth[m] = people(m);
  else for (const p of periods) atMonth[p.last] = people(p.last);
  const months: PlanRangeMonth[] = [];
  if (withMonths) {
    const cumulative = cumulativeTotals();
    for (let m = 1; m <= H; m++) {
      months.push({
        month: m,
        label: monthLabel(m, plan.startDate),
        headcount: atMonth[m]!.headcount,
        fte: atMonth[m]!.fte,
        ...costsOver(m, m),
        cumulative: widened(
          expectedSum(1, m, "total"),
          cumulative.low[m - 1]!,
          cumulative.high[m - 1]!,
        ),
      });
    }
  }
  const years: PlanRangeYear[] = periods.map((p) => ({
    year: p.year,
    label: p.label,
    months: p.last - p.first + 1,
    endHeadcount: atMonth[p.last]!.headcount,
    endFte: atMonth[p.last]!.fte,
    runRate: atMonth[p.last]!.runRate,
    ...costsOver(p.first, p.last),
  }));
  // Ratio warnings and the lines in use: the plan as scheduled.
  const base = simulatePlan(
    plan,
    plan.hires.map((h) => h.startMonth),
  );
  return {
    currency: "USD",
    horizonMonths: H,
    startDate: base.startDate,
    method: PLAN_RANGE_METHOD,
    costLines: base.costLines,
    hires: plan.hires,
    team: plan.team,
    months,
    years,
    totals: costsOver(1, H),
    warnings: base.warnings,
  };
}
