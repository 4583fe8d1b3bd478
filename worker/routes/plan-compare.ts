import { createRoute } from "@hono/zod-openapi";
import { checkWork, comparePlans, comparisonToUnits, comparisonWork } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { loadBands } from "../middleware/workspace-bands.js";
import { json, problemResponses } from "../schemas/openapi.js";
import { PlanComparisonSchema, PlanCompareInputSchema } from "../schemas/scenario.js";
import { salaryOptions } from "../http/workspace-data.js";

const route = createRoute({
  method: "post",
  path: "/",
  tags: ["Plan"],
  summary: "Compare named scenarios of a plan side by side",
  description:
    "Each scenario is the base plan with overrides (start months, salaries, benefits rate, raise, hiring delays). Answers each one's yearly cost and its difference from the base. Costs the base's range plus each scenario's; over the work budget it is refused before computing (422 TOO_MUCH_WORK).",
  middleware: [loadBands] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: PlanCompareInputSchema } } },
  },
  responses: {
    200: json(PlanComparisonSchema, "Base and scenarios per year, amounts in USD."),
    ...problemResponses(400, 404, 413, 415, 422),
  },
});

export const planCompareRouter = newRouter().openapi(route, (c) => {
  const { base, scenarios } = c.req.valid("json");
  checkWork(comparisonWork(base, scenarios));
  return c.json(comparisonToUnits(comparePlans(base, scenarios, salaryOptions(c))), 200);
});
