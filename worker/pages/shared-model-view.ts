import {
  comparePlans,
  isPlannerError,
  runPlan,
  toUnits,
  type PlanResultUnits,
  type PricedWith,
  type Spread,
  type SalaryOptions,
} from "../../shared/index.js";

// What the shared-model page shows, gathered in one value so rendering is a pure function of it:
// the model's name and version, the plan engine's result (already in currency units) and, when
// the model holds named scenarios, each scenario run through the core's comparison.

export interface SharedModelMeta {
  name: string;
  version: number;
  /** ISO time of the last save. */
  updatedAt: string;
  /** The link's view: full, or totals (no per-person pay; the result's hire rows are empty). */
  view?: "full" | "totals";
  /** What the version is priced with (its pin). */
  pricedWith?: PricedWith;
}

export interface ScenarioLine {
  name: string;
  /** True for the comparison's "Base" row (the model's own plan, exactly as the page shows it above). */
  isBase: boolean;
  /** Cumulative cost at the end of each month of the scenario's horizon, as scheduled, in currency units. */
  cumulative: number[];
  /** Each year's total, with its label ("Year 1", or "FY2027" with a start date). */
  years: { year: number; label: string; total: number }[];
  total: number;
  /** The total's low / expected / high if hires start late (their slip), in currency units; null without slip. */
  totalWithDelays: Spread | null;
  /** Scenario total minus the base total (null for the base). */
  difference: number | null;
  notes: string[];
}

export type ScenarioView = { lines: ScenarioLine[]; method: string } | { error: string };

export interface SharedModelLinks {
  /** Where the page lives: /s/<token>. */
  page: string;
  /** The months table as CSV (what IMPORTDATA reads). */
  csv: string;
  /** The result as JSON. */
  json: string;
  /**
   * =IMPORTDATA("<origin>/v1/shared/<token>/result.csv", ",", "en_US"): the delimiter and locale
   * the CSV is written in (IMPORTDATA(url, [delimiter], [locale])), so a sheet whose own locale
   * writes decimals with a comma (de_DE, fr_FR) still reads 42499.98 as a number.
   */
  importData: string;
}

export interface SharedModelView {
  token: string;
  meta: SharedModelMeta;
  result: PlanResultUnits;
  scenarios: ScenarioView | null;
  links: SharedModelLinks;
}

export function sharedModelLinks(origin: string, token: string): SharedModelLinks {
  const t = encodeURIComponent(token);
  const csv = `/v1/shared/${t}/result.csv`;
  return {
    page: `/s/${t}`,
    csv,
    json: `/v1/shared/${t}/result`,
    importData: `=IMPORTDATA("${origin}${csv}", ",", "en_US")`,
  };
}

/**
 * The model's scenarios side by side, computed by the core (comparePlans, then each scenario's
 * months through the plan engine for its cumulative cost). Base is the plan as given, the same
 * figures as the rest of the page; a scenario's figures under hiring delays come labelled beside
 * its total, never in its place. A model input may carry
 * `scenarios: [{ name, overrides }]` beside the plan; saving does not check them, so a problem
 * here is shown on the page instead of breaking it. Null when the model has none.
 */
export function modelScenarios(input: unknown, options: SalaryOptions): ScenarioView | null {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return null;
  const { scenarios, ...base } = input as Record<string, unknown>;
  if (
    scenarios === undefined ||
    scenarios === null ||
    (Array.isArray(scenarios) && scenarios.length === 0)
  )
    return null;
  try {
    const comparison = comparePlans(base, scenarios, options);
    return {
      method: comparison.method,
      lines: comparison.scenarios.map((s) => ({
        name: s.name,
        isBase: !s.differences,
        cumulative: runPlan(s.input, options).months.map((m) => toUnits(m.cumulative)),
        years: s.years.map((y) => ({ year: y.year, label: y.label, total: toUnits(y.total) })),
        total: toUnits(s.totals.total),
        totalWithDelays: s.totalWithDelays
          ? {
              low: toUnits(s.totalWithDelays.low),
              expected: toUnits(s.totalWithDelays.expected),
              high: toUnits(s.totalWithDelays.high),
            }
          : null,
        difference: s.differences ? toUnits(s.differences.totals.total) : null,
        notes: s.notes,
      })),
    };
  } catch (e) {
    if (isPlannerError(e)) return { error: e.message };
    // Scenarios are not checked when a model is saved, so a shape the core does not expect must
    // cost the page its scenarios section only, never the whole page.
    console.error(
      JSON.stringify({
        level: "error",
        message: "scenarios failed on the shared-model page",
        error: String(e),
      }),
    );
    return {
      error:
        "they are not in the expected form: a list of { name, overrides } (see AI_PLAN_COMPARE)",
    };
  }
}
