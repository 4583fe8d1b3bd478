// The plan range by its definition, written the slow and plain way: every hire's every possible
// start costed by the engine's per-person rules (hireCostCurve) and laid out month by month, then
// every row's bounds found by summing each start's months one by one (O(hires × starts × months²),
// no prefix sums, no shifted curves). shared/plan-range.ts must answer exactly this.
//
// The definition (PLAN_RANGE_METHOD): per row and figure, each hire takes the start whose own cost
// over the row is lowest (highest), the latest (earliest) of starts that cost the same; benefits
// are the rate × each month's whole payroll under the starts that bound payroll; the total under
// the starts that bound each hire's own total, (1 + rate) × payroll + its other lines, compared
// from exact integer sums. The existing team and upskilling are the same in every start. Expected
// is the mean over each hire's starts: per line, the steps of its running mean rounded to the
// cent; benefits the rate × each month's expected payroll. An expected figure outside its bounds
// widens them.
import {
  applyRate,
  CURVE_LINES,
  hireCostCurve,
  monthLabel,
  normalizePlan,
  planPeriods,
  PLAN_RANGE_METHOD,
  RANGE_FIGURES,
  simulatePlan,
  type Cents,
  type CurveLine,
  type PlanRangeMonth,
  type PlanRangeResult,
  type PlanRangeYear,
  type RangeFigure,
  type ResolvedPerson,
  type SalaryOptions,
  type Spread,
  type NormalizedPlan,
} from "../../../shared/index.js";

type Costs = Record<RangeFigure, Spread>;
type Row = Record<RangeFigure, Cents>;

/** One person's figures in every plan month (index m - 1) for one start. */
interface Months {
  lines: Record<CurveLine, Cents[]>;
  annual: Cents[];
  present: number[];
}

function monthsOf(plan: NormalizedPlan, person: ResolvedPerson, start: number): Months {
  const H = plan.horizonMonths;
  const zeros = () => new Array<number>(H).fill(0);
  const out: Months = {
    lines: Object.fromEntries(CURVE_LINES.map((l) => [l, zeros()])) as Record<CurveLine, Cents[]>,
    annual: zeros(),
    present: zeros(),
  };
  const curve = hireCostCurve(plan, person, start);
  curve.payroll.forEach((_, j) => {
    const i = start + j - 1;
    for (const l of CURVE_LINES) out.lines[l][i] = curve[l][j]!;
    out.annual[i] = curve.annual[j]!;
    out.present[i] = 1;
  });
  return out;
}

const zeroRow = (): Row => Object.fromEntries(RANGE_FIGURES.map((f) => [f, 0])) as Row;

/** Only for plans with some slip: the exact path of runPlanRange is the plan engine itself. */
export function referencePlanRange(input: unknown, options: SalaryOptions = {}): PlanRangeResult {
  const plan = normalizePlan(input, options);
  const H = plan.horizonMonths;
  const rate = plan.benefitsRate;
  const hires = plan.hires.map((h) => {
    const starts: Months[] = [];
    for (let s = h.slip.min; s <= h.slip.max; s++) starts.push(monthsOf(plan, h, h.startMonth + s));
    return { count: h.count, fteMicros: Math.round(h.fte * 1_000_000), starts };
  });
  const team = {
    lines: Object.fromEntries(CURVE_LINES.map((l) => [l, new Array<number>(H).fill(0)])) as Record<
      CurveLine,
      Cents[]
    >,
  };
  const teamHeadcount = new Array<number>(H).fill(0);
  const teamFte = new Array<number>(H).fill(0);
  const teamRunRate = new Array<number>(H).fill(0);
  for (const t of plan.team) {
    const mo = monthsOf(plan, t, 1);
    for (let i = 0; i < H; i++) {
      for (const l of CURVE_LINES) team.lines[l][i]! += t.count * mo.lines[l][i]!;
      teamHeadcount[i]! += t.count * mo.present[i]!;
      teamFte[i]! += t.count * Math.round(t.fte * 1_000_000) * mo.present[i]!;
      teamRunRate[i]! += t.count * mo.annual[i]!;
    }
  }
  const upskilling = new Array<number>(H).fill(0);
  for (const u of plan.upskilling) upskilling[u.startMonth - 1]! += u.people * u.costPerPerson;

  const sumOver = (values: readonly number[], a: number, b: number) => {
    let s = 0;
    for (let m = a; m <= b; m++) s += values[m - 1]!;
    return s;
  };
  const others = (mo: Months, m: number) =>
    CURVE_LINES.reduce((s, l) => (l === "payroll" ? s : s + mo.lines[l][m - 1]!), 0);

  /** Each hire's start by a criterion over a..b: the lowest (latest on a tie) or highest (earliest). */
  const choose = (a: number, b: number, pick: "low" | "high", cost: (mo: Months) => number) =>
    hires.map((h) => {
      let best = 0;
      let bestCost = pick === "low" ? Infinity : -Infinity;
      h.starts.forEach((mo, s) => {
        const c = cost(mo);
        if (pick === "low" ? c <= bestCost : c > bestCost) {
          best = s;
          bestCost = c;
        }
      });
      return best;
    });
  const benefitsUnder = (a: number, b: number, choice: number[]) => {
    let benefits = 0;
    for (let m = a; m <= b; m++) {
      let payroll = team.lines.payroll[m - 1]!;
      hires.forEach((h, i) => (payroll += h.count * h.starts[choice[i]!]!.lines.payroll[m - 1]!));
      benefits += applyRate(payroll, rate);
    }
    return benefits;
  };

  const bound = (a: number, b: number, pick: "low" | "high"): Row => {
    const row = zeroRow();
    for (const l of CURVE_LINES) {
      row[l] = sumOver(team.lines[l], a, b);
      for (const h of hires) {
        const each = h.starts.map((mo) => sumOver(mo.lines[l], a, b));
        row[l] += h.count * (pick === "low" ? Math.min(...each) : Math.max(...each));
      }
    }
    row.benefits = benefitsUnder(
      a,
      b,
      choose(a, b, pick, (mo) => sumOver(mo.lines.payroll, a, b)),
    );
    row.upskilling = sumOver(upskilling, a, b);
    const byTotal = choose(a, b, pick, (mo) => {
      let p = 0;
      let o = 0;
      for (let m = a; m <= b; m++) {
        p += mo.lines.payroll[m - 1]!;
        o += others(mo, m);
      }
      return p * (1 + rate) + o;
    });
    let total = benefitsUnder(a, b, byTotal) + row.upskilling;
    for (let m = a; m <= b; m++) {
      for (const l of CURVE_LINES) total += team.lines[l][m - 1]!;
      hires.forEach((h, i) => {
        const mo = h.starts[byTotal[i]!]!;
        total += h.count * (mo.lines.payroll[m - 1]! + others(mo, m));
      });
    }
    row.total = total;
    return row;
  };

  // Each line's running mean through month m, rounded; a month is the step from the month before.
  const runningMean = (l: CurveLine, m: number) => {
    let mean = 0;
    for (const h of hires) {
      let sum = 0;
      for (const mo of h.starts) sum += sumOver(mo.lines[l], 1, m);
      mean += (h.count * sum) / h.starts.length;
    }
    return Math.round(mean);
  };
  const expectedMonths: Row[] = [];
  for (let m = 1; m <= H; m++) {
    const row = zeroRow();
    for (const l of CURVE_LINES)
      row[l] = runningMean(l, m) - runningMean(l, m - 1) + team.lines[l][m - 1]!;
    row.benefits = applyRate(row.payroll, rate);
    row.upskilling = upskilling[m - 1]!;
    row.total = RANGE_FIGURES.reduce((t, f) => (f === "total" ? t : t + row[f]), 0);
    expectedMonths.push(row);
  }
  const widened = (expected: number, low: number, high: number): Spread => ({
    low: Math.min(low, expected),
    expected,
    high: Math.max(high, expected),
  });
  const held = (expected: number, low: number, high: number): Spread => ({
    low,
    expected: Math.min(Math.max(expected, low), high),
    high,
  });
  const costsOver = (a: number, b: number): Costs => {
    const low = bound(a, b, "low");
    const high = bound(a, b, "high");
    const costs = {} as Costs;
    for (const f of RANGE_FIGURES) {
      const expected = sumOver(
        expectedMonths.map((e) => e[f]),
        a,
        b,
      );
      // Only benefits and the total can fall outside their bounds (they round per month on the
      // whole payroll); every other line's running-mean rounding keeps it inside, so here its
      // bounds are taken as they are and any widening of them would show as a difference.
      costs[f] =
        f === "benefits" || f === "total"
          ? widened(expected, low[f], high[f])
          : { low: low[f], expected, high: high[f] };
    }
    return costs;
  };

  const people = (m: number) => {
    const spread = (value: (mo: Months, h: (typeof hires)[number]) => number) => {
      let low = 0;
      let high = 0;
      let mean = 0;
      for (const h of hires) {
        const each = h.starts.map((mo) => value(mo, h));
        low += Math.min(...each);
        high += Math.max(...each);
        mean += each.reduce((x, y) => x + y, 0) / each.length;
      }
      return { low, high, mean };
    };
    const head = spread((mo, h) => h.count * mo.present[m - 1]!);
    const fte = spread((mo, h) => h.count * h.fteMicros * mo.present[m - 1]!);
    const pay = spread((mo, h) => h.count * mo.annual[m - 1]!);
    const t = m - 1;
    const fteLow = (fte.low + teamFte[t]!) / 1e6;
    const fteHigh = (fte.high + teamFte[t]!) / 1e6;
    return {
      headcount: {
        low: head.low + teamHeadcount[t]!,
        expected: Math.round((head.mean + teamHeadcount[t]!) * 100) / 100,
        high: head.high + teamHeadcount[t]!,
      },
      fte: held(Math.round((fte.mean + teamFte[t]!) / 1e4) / 100, fteLow, fteHigh),
      runRate: {
        low: pay.low + teamRunRate[t]!,
        expected: Math.round(pay.mean + teamRunRate[t]!),
        high: pay.high + teamRunRate[t]!,
      },
    };
  };

  const months: PlanRangeMonth[] = [];
  for (let m = 1; m <= H; m++) {
    const p = people(m);
    months.push({
      month: m,
      label: monthLabel(m, plan.startDate),
      headcount: p.headcount,
      fte: p.fte,
      ...costsOver(m, m),
      cumulative: costsOver(1, m).total,
    });
  }
  const years: PlanRangeYear[] = planPeriods(H, plan.startDate, plan.fiscalYearStart).map((p) => {
    const end = people(p.last);
    return {
      year: p.year,
      label: p.label,
      months: p.last - p.first + 1,
      endHeadcount: end.headcount,
      endFte: end.fte,
      runRate: end.runRate,
      ...costsOver(p.first, p.last),
    };
  });
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
