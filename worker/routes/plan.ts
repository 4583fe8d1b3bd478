import { createRoute } from "@hono/zod-openapi";
import { planToUnits, runPlan } from "../../shared/index.js";
import { newRouter } from "../app.js";
import { json, problemResponses } from "../lib/openapi.js";
import { PlanInputSchema, PlanResultSchema } from "../lib/plan-schemas.js";
import { salaryOptions } from "../lib/workspace-data.js";

const route = createRoute({
  method: "post",
  path: "/v1/plan",
  tags: ["Plan"],
  summary: "Cost a hiring and upskilling plan",
  description:
    "Month-by-month headcount, payroll, benefits, recruiting and upskilling cost; yearly totals and end-of-year run-rate; warnings for the seed's team ratios. Every problem in the input is reported at once (422 with `problems`).",
  request: {
    body: { required: true, content: { "application/json": { schema: PlanInputSchema } } },
  },
  responses: {
    200: json(PlanResultSchema, "The plan, amounts in USD."),
    ...problemResponses(400, 404, 413, 415, 422),
  },
});

export const planRouter = newRouter().openapi(route, (c) =>
  c.json(planToUnits(runPlan(c.req.valid("json"), salaryOptions(c))), 200),
);
