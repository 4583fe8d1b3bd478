import { createRoute } from "@hono/zod-openapi";
import { checkWork, planToUnits, planWork, runPlan } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { loadBands } from "../middleware/workspace-bands.js";
import { json, problemResponses } from "../schemas/openapi.js";
import { PlanInputSchema, PlanResultSchema } from "../schemas/plan.js";
import { salaryOptions } from "../http/workspace-data.js";

const route = createRoute({
  method: "post",
  path: "/",
  tags: ["Plan"],
  summary: "Cost a hiring and upskilling plan",
  description:
    "Month-by-month headcount, payroll, benefits, recruiting and upskilling cost; yearly totals and end-of-year run-rate; warnings for the seed's team ratios. Every problem in the input is reported at once (422 with `problems`). A plan over the work budget (hire rows × months) is refused before computing: 422 TOO_MUCH_WORK.",
  middleware: [loadBands] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: PlanInputSchema } } },
  },
  responses: {
    200: json(PlanResultSchema, "The plan, amounts in USD."),
    ...problemResponses(400, 404, 413, 415, 422),
  },
});

export const planRouter = newRouter().openapi(route, (c) => {
  const input = c.req.valid("json");
  checkWork(planWork(input));
  return c.json(planToUnits(runPlan(input, salaryOptions(c))), 200);
});
