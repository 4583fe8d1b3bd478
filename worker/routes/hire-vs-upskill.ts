import { createRoute } from "@hono/zod-openapi";
import {
  checkWork,
  hireVsUpskill,
  hireVsUpskillToUnits,
  hireVsUpskillWork,
} from "../../shared/index.js";
import { newRouter } from "../env.js";
import { loadBands } from "../middleware/workspace-bands.js";
import { json, problemResponses } from "../schemas/openapi.js";
import { HireVsUpskillInputSchema, HireVsUpskillResultSchema } from "../schemas/scenario.js";
import { salaryOptions } from "../http/workspace-data.js";

const route = createRoute({
  method: "post",
  path: "/hire-vs-upskill",
  tags: ["Scenarios"],
  summary: "Hire a specialist or upskill someone you have",
  description:
    "For both options: months until productive, cash over the horizon, productive person-months and cost per productive month (low / expected / high), each with its method and seed sources. Every assumption is a field with a seed-based default.",
  middleware: [loadBands] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: HireVsUpskillInputSchema } } },
  },
  responses: {
    200: json(HireVsUpskillResultSchema, "Both options side by side, amounts in USD."),
    ...problemResponses(400, 404, 413, 415, 422),
  },
});

export const hireVsUpskillRouter = newRouter().openapi(route, (c) => {
  // A fixed cost, far under the budget; checked all the same so every compute route declares its cost.
  checkWork(hireVsUpskillWork());
  return c.json(hireVsUpskillToUnits(hireVsUpskill(c.req.valid("json"), salaryOptions(c))), 200);
});
