import type { PlanResultUnits } from "../../shared/index.js";

export type ShareView = "full" | "totals";

/**
 * What a `totals` link shows of a result: the months, years, totals, departments, assumptions and
 * warnings — never a row that carries a person's pay (hires, the existing team, upskilling).
 */
export function resultForView(result: PlanResultUnits, view: ShareView): PlanResultUnits {
  return view === "full" ? result : { ...result, hires: [], team: [], upskilling: [] };
}

/** Input fields that list people with their pay (or their overrides, in scenarios): left out of a `totals` link. */
const PEOPLE_FIELDS = ["hires", "team", "upskilling", "scenarios"];

/** What a `totals` link shows of a model's input: the plan-wide assumptions only. */
export function inputForView(input: Record<string, unknown>, view: ShareView) {
  if (view === "full") return input;
  return Object.fromEntries(Object.entries(input).filter(([k]) => !PEOPLE_FIELDS.includes(k)));
}
