import { PlannerError } from "./errors.js";
import { MAX_SCENARIOS } from "./plan-compare.js";
import { PLAN_LIMITS } from "./plan.js";

/**
 * What a request costs before it is computed, and how much one request may cost.
 *
 * A work unit is about one innermost step of the engines: one hire row × one plan month × one
 * possible start (about 25 ns on the bench machine). Estimates read only the raw input's shape —
 * array lengths, the horizon, slip widths — so an input is refused before any of it is
 * validated or computed. They never throw: input the engines would reject is estimated as if it
 * were the nearest valid one, and the engines then reject it with their own message.
 *
 * The constants come from timing the core and the routes (`npm run bench` prints every route's
 * largest accepted request against the budget): a hire row costs about 400 units to price and to
 * carry in and out of a request (resolving its names, its salary, its share of the JSON); a plan
 * month of a row 2; a month of a range row 12 plus one per possible start.
 */
export const WORK_BUDGET = 800_000;

export const WORK_COSTS = {
  /** Resolving a hire row's role, level, location and channel, pricing its salary, and reading and writing the row. */
  priceRow: 400,
  /** One hire row for one month of the plan engine. */
  planMonth: 2,
  /** One upskilling row for one month (the engine checks every entry every month). */
  upskillingMonth: 1,
  /** One hire row for one month of the range engine, besides one unit per possible start. */
  rangeMonth: 12,
  /**
   * Hire or upskill: the hire costed by the plan engine over every possible start within the
   * time to fill, plus the path's closed-form sums; about 240 µs whatever the input.
   */
  hireVsUpskill: 10_000,
  /**
   * One spreadsheet-function call with no cost of its own declared: arithmetic or a small fixed
   * table (a ratio, the team for a number of projects, the levels), about 2–4 µs.
   */
  call: 150,
  /**
   * A call that resolves names and looks up seed figures (a salary, a profile, a path): about
   * 3 µs, up to 12 µs when the answer is an error naming what is available.
   */
  lookup: 400,
} as const;

/**
 * The budget of one custom-function call in a sheet. Apps Script stops a custom function after
 * 30 s and runs on the user's own quota, not the worker's: a sheet may do more per call than one
 * API request (10,000 salary cells in one ranged formula, a plan the API would split), while
 * staying far under that limit even at Apps Script's speed.
 */
export const SHEET_WORK_BUDGET = 20 * WORK_BUDGET;

/** An estimate: its units, what was counted (for the message) and how to bring it under budget. */
export interface WorkEstimate {
  units: number;
  /** e.g. "a plan range of 1,000 hire rows × 120 months, starts up to 25 wide". */
  what: string;
  /** e.g. "send at most 320 hire rows per request, a shorter horizon or narrower slipMonths". */
  split: string;
  /** The body field to point at. */
  field: string;
}

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const count = (n: number) => n.toLocaleString("en-US");

function horizonOf(plan: Raw): number {
  const h = plan.horizonMonths;
  return typeof h === "number" && Number.isFinite(h)
    ? clamp(Math.round(h), 1, PLAN_LIMITS.maxHorizonMonths)
    : PLAN_LIMITS.defaultHorizonMonths;
}

/** How many whole-month starts a slip allows (1 = none); unreadable slips count as none. */
export function slipWidth(slip: unknown): number {
  const n = (v: unknown) =>
    typeof v === "number" && Number.isFinite(v)
      ? clamp(Math.round(v), 0, PLAN_LIMITS.maxSlipMonths)
      : 0;
  if (typeof slip === "number") return n(slip) + 1;
  if (Array.isArray(slip) && slip.length === 2) return Math.max(0, n(slip[1]) - n(slip[0])) + 1;
  if (isObject(slip)) return Math.max(0, n(slip.max) - n(slip.min)) + 1;
  return 1;
}

const given = (v: unknown) => v !== undefined && v !== null && v !== "";

/** Each hire row's slip width: its own slipMonths, else the plan's (`planSlip` overrides the plan's own). */
function widths(plan: Raw, planSlip: unknown = plan.slipMonths, byIndex?: Map<number, unknown>) {
  return list(plan.hires).map((h, i) => {
    const own = byIndex?.get(i) ?? (isObject(h) ? h.slipMonths : undefined);
    return slipWidth(given(own) ? own : planSlip);
  });
}

function planUnits(plan: Raw, months = horizonOf(plan)): number {
  const rows = list(plan.hires).length;
  const upskilling = list(plan.upskilling).length;
  return (
    rows * (WORK_COSTS.priceRow + WORK_COSTS.planMonth * months) +
    upskilling * (WORK_COSTS.priceRow + WORK_COSTS.upskillingMonth * months)
  );
}

function rangeUnits(plan: Raw, rowWidths: number[], months = horizonOf(plan)): number {
  // With no hire able to slip the range engine runs the plain plan once.
  if (rowWidths.every((w) => w === 1)) return planUnits(plan, months);
  const rows = rowWidths.reduce(
    (s, w) => s + WORK_COSTS.priceRow + months * (WORK_COSTS.rangeMonth + w),
    0,
  );
  // Ratio warnings come from one run of the plan as scheduled.
  return rows + planUnits(plan, months);
}

/** Per hire row at the widest slip, for "at most N rows" in the advice. */
function rowsThatFit(perRow: number, budget: number): number {
  return Math.max(0, Math.floor(budget / Math.max(1, perRow)));
}

/** POST /v1/plan, AI_PLAN and its summaries: every hire and upskilling row priced, then every month. */
export function planWork(input: unknown, budget = WORK_BUDGET): WorkEstimate {
  const plan = isObject(input) ? input : {};
  const rows = list(plan.hires).length;
  const months = horizonOf(plan);
  return {
    units: planUnits(plan),
    what: `a plan of ${count(rows)} hire rows × ${months} months`,
    split: `send at most ${count(rowsThatFit(WORK_COSTS.priceRow + WORK_COSTS.planMonth * months, budget))} hire rows per request, or a shorter horizon`,
    field: "hires",
  };
}

/** POST /v1/plan/range and AI_PLAN_RANGE: every row × month × possible start (the slip's width). */
export function planRangeWork(input: unknown, budget = WORK_BUDGET): WorkEstimate {
  const plan = isObject(input) ? input : {};
  const months = horizonOf(plan);
  const w = widths(plan);
  const widest = Math.max(1, ...w);
  return {
    units: rangeUnits(plan, w),
    what: `a plan range of ${count(w.length)} hire rows × ${months} months, starts up to ${widest} wide`,
    split: `send at most ${count(rowsThatFit(WORK_COSTS.priceRow * 2 + months * (WORK_COSTS.rangeMonth + widest + WORK_COSTS.planMonth), budget))} hire rows per request, a shorter horizon or narrower slipMonths`,
    field: "hires",
  };
}

/**
 * POST /v1/plan/compare and AI_PLAN_COMPARE: the base plan's range, then each scenario's (the base
 * with its overrides: a horizon, the plan's slip, per-hire slips; a salary change prices every
 * row once more).
 */
export function comparisonWork(
  base: unknown,
  scenarios: unknown,
  budget = WORK_BUDGET,
): WorkEstimate {
  const plan = isObject(base) ? base : {};
  const all = list(scenarios);
  let units = rangeUnits(plan, widths(plan));
  for (const s of all) {
    const o = isObject(s) && isObject(s.overrides) ? s.overrides : {};
    const months = o.horizonMonths === undefined ? horizonOf(plan) : horizonOf(o);
    const byIndex = new Map<number, unknown>();
    for (const h of list(o.hires))
      if (isObject(h) && typeof h.index === "number" && given(h.slipMonths))
        byIndex.set(h.index, h.slipMonths);
    units += rangeUnits(
      plan,
      widths(plan, given(o.slipMonths) ? o.slipMonths : plan.slipMonths, byIndex),
      months,
    );
    if (given(o.salaryChange)) units += list(plan.hires).length * WORK_COSTS.priceRow;
  }
  const rows = list(plan.hires).length;
  const runs = 1 + all.length;
  const baseUnits = rangeUnits(plan, widths(plan));
  const fit = Math.floor(
    (budget - baseUnits) / Math.max(1, (units - baseUnits) / Math.max(1, all.length)),
  );
  return {
    units,
    what: `a comparison of ${runs} plan ranges (the base and ${count(all.length)} scenarios) of ${count(rows)} hire rows`,
    split:
      fit >= 1
        ? `compare at most ${Math.min(fit, MAX_SCENARIOS)} of these scenarios per request, or send fewer hire rows or narrower slipMonths`
        : `the base plan alone is ${count(baseUnits)} units: send fewer hire rows, a shorter horizon or narrower slipMonths`,
    field: "scenarios",
  };
}

/** POST /v1/scenarios/hire-vs-upskill and AI_HIRE_VS_UPSKILL: closed-form sums, the same cost whatever the input. */
export function hireVsUpskillWork(): WorkEstimate {
  return {
    units: WORK_COSTS.hireVsUpskill,
    what: "a hire-or-upskill comparison",
    split: "send it on its own",
    field: "",
  };
}

/** A saved model's page runs the comparison of its scenarios twice: its table, then each line's range again. */
export const MODEL_PAGE_COMPARISONS = 2;

/**
 * Drawing and sending one line of the page (the plan, or a scenario) for one month: its cells in the
 * tables, its points in the charts, its bytes on the wire. Measured: a 120-month page with ten
 * scenarios costs as much to render and send as computing a few hundred thousand units.
 */
export const PAGE_LINE_MONTH = 400;

/**
 * A saved model, as its shared page costs on a cold view: the plan; when the input holds
 * `scenarios`, the comparison twice; and drawing and sending every line for every month. Saving
 * is refused when this is over budget, so every view of a saved model fits it.
 */
export function modelWork(input: unknown, budget = WORK_BUDGET): WorkEstimate {
  const model = isObject(input) ? input : {};
  const { scenarios, ...plan } = model;
  const base = planWork(plan, budget);
  const lines = 1 + list(scenarios).length;
  const render = PAGE_LINE_MONTH * horizonOf(plan) * lines;
  if (lines === 1) return { ...base, units: base.units + render, field: "input.hires" };
  const compare = comparisonWork(plan, scenarios, budget);
  return {
    units: base.units + MODEL_PAGE_COMPARISONS * compare.units + render,
    what: `a model of ${count(list(plan.hires).length)} hire rows × ${horizonOf(plan)} months with ${count(lines - 1)} scenarios (its page runs the plan, compares the scenarios, runs every scenario's range again and draws every line)`,
    split: `save fewer scenarios (or narrower slipMonths in them, or a shorter horizon), or fewer hire rows per model`,
    field: "input.scenarios",
  };
}

/**
 * A spreadsheet function's call with no estimate of its own; over a mapped range, one call per
 * non-blank cell.
 */
export function callWork(
  name: string,
  cells = 1,
  budget = WORK_BUDGET,
  perCall: number = WORK_COSTS.call,
): WorkEstimate {
  return {
    units: perCall * cells,
    what: cells === 1 ? `one ${name} call` : `${name} over ${count(cells)} cells`,
    split: `give ${name} at most ${count(Math.max(1, Math.floor(budget / perCall)))} cells per call`,
    field: "args",
  };
}

/** Several estimates as one request (a batch): their units add up. */
export function totalWork(
  parts: readonly WorkEstimate[],
  what: string,
  split: string,
  field: string,
): WorkEstimate {
  return { units: parts.reduce((s, p) => s + p.units, 0), what, split, field };
}

export function isOverBudget(estimate: WorkEstimate, budget = WORK_BUDGET): boolean {
  return estimate.units > budget;
}

/** The error for an estimate over budget: names the cost, the budget and how to split the request. */
export function tooMuchWork(estimate: WorkEstimate, budget = WORK_BUDGET): PlannerError {
  return new PlannerError(
    "TOO_MUCH_WORK",
    `This request asks for too much work at once: ${estimate.what} costs ${count(estimate.units)} work units, and one request may cost at most ${count(budget)}. Nothing was computed; split it: ${estimate.split}.`,
    {
      ...(estimate.field ? { field: estimate.field } : {}),
      work: { units: estimate.units, budget },
    },
  );
}

/** Throws TOO_MUCH_WORK when the estimate is over budget; call it before computing anything. */
export function checkWork(estimate: WorkEstimate, budget = WORK_BUDGET): void {
  if (isOverBudget(estimate, budget)) throw tooMuchWork(estimate, budget);
}
