import { createRoute } from "@hono/zod-openapi";
import { checkWork, planRangeToUnits, planRangeWork, runPlanRange } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { loadBands } from "../middleware/workspace-bands.js";
import { json, problemResponses } from "../schemas/openapi.js";
import { PlanInputSchema } from "../schemas/plan.js";
import { PlanRangeResultSchema } from "../schemas/scenario.js";
import { salaryOptions } from "../http/workspace-data.js";

const route = createRoute({
  method: "post",
  path: "/",
  tags: ["Plan"],
  summary: "Cost a plan under hiring delays (low / expected / high)",
  description:
    "Hires rarely start on the planned month. With `slipMonths` on the plan or on a hire (e.g. [0, 2]), every month and year comes back as low / expected / high: deterministic bounds and the mean over every allowed start, not random draws. With no slip all three equal POST /v1/plan. Costs hire rows × months × possible starts; over the work budget it is refused before computing (422 TOO_MUCH_WORK, naming how many rows fit).",
  middleware: [loadBands] as const,
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: PlanInputSchema.openapi("PlanRangeInput", {
            description: "A plan input with slipMonths on the plan or on hires.",
            example: {
              horizonMonths: 12,
              benefitsRate: 0.25,
              slipMonths: [0, 2],
              hires: [
                { role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1 },
                { role: "Data Scientist", level: "Mid", startMonth: 3 },
              ],
            },
          }),
        },
      },
    },
  },
  responses: {
    200: json(PlanRangeResultSchema, "The plan's range, amounts in USD."),
    ...problemResponses(400, 404, 413, 415, 422),
  },
});

export const planRangeRouter = newRouter().openapi(route, (c) => {
  const input = c.req.valid("json");
  checkWork(planRangeWork(input));
  return c.json(planRangeToUnits(runPlanRange(input, salaryOptions(c))), 200);
});
