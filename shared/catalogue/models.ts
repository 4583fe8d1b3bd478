/** Model functions: a shared plan model's live result (the add-on or the API does the reading). */
import { WORK_COSTS } from "../work-budget.js";
import { invalid } from "../errors.js";
import { choice, integer, text } from "./args.js";
import { PLAN_COMPONENTS, monthsTable, planFigure, yearsTable } from "./tables.js";
import { defineFunction, type CatalogueEntry } from "./types.js";

export const MODEL_FUNCTIONS: CatalogueEntry[] = [
  defineFunction({
    name: "AI_MODEL",
    category: "Models",
    summary: "A shared plan model's live result, read from the API by model id or share token.",
    args: [
      text("model", "A model id (with an API key in settings) or a share token."),
      choice(
        "what",
        `months (table), years (table), or a figure: ${PLAN_COMPONENTS.join(", ")}.`,
        ["months", "years", ...PLAN_COMPONENTS] as const,
        { default: "months" },
      ),
      integer(
        "year",
        "Plan year for a figure (1 = the first, or a fiscal year such as 2027); blank for the whole horizon.",
        {
          optional: true,
          min: 1,
        },
      ),
    ],
    returns: { kind: "table", help: "The months or years table, or one figure." },
    example: { args: ["shr_example"], formula: '=AI_MODEL("shr_…", "years")' },
    network: true,
    cost: WORK_COSTS.lookup,
    run: ({ model, what, year }, ctx) => {
      if (!ctx.models)
        throw invalid(
          "model",
          "reading shared models needs the add-on's API connection (set the API URL in AI Team Planner › Settings)",
        );
      const { result } = ctx.models(model);
      if (what === "months") return monthsTable(result);
      if (what === "years") return yearsTable(result);
      return planFigure(result, what, year);
    },
  }),
];
