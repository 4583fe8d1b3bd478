import { createRoute, z } from "@hono/zod-openapi";
import { careerTransitions, citation } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { TransitionSchema } from "../schemas/reference.js";
import { datasetCache } from "../http/conditional.js";
import { jsonOrCsvAnswer } from "../http/csv.js";
import {
  formatParam,
  jsonOrCsv,
  NOT_MODIFIED,
  optionalText,
  problemResponses,
} from "../schemas/openapi.js";

const CSV_COLUMNS = ["from", "to", "minMonths", "maxMonths", "source"] as const;

const route = createRoute({
  method: "get",
  path: "/",
  tags: ["Upskilling"],
  summary: "Career transition timelines",
  description:
    "How many months a move into an AI role takes, from the seeds; filter by where people come from and go to.",
  middleware: [datasetCache] as const,
  request: {
    query: z.object({
      from: optionalText(
        'Source career, e.g. "Software Engineer", "Data Analyst"; omit for all.',
        "Software Engineer",
      ),
      to: optionalText('Target role, e.g. "ML Engineer"; omit for all.'),
      format: formatParam,
    }),
  },
  responses: {
    200: jsonOrCsv(
      z.object({ transitions: z.array(TransitionSchema) }),
      "The matching transitions.",
      CSV_COLUMNS,
    ),
    304: NOT_MODIFIED,
    ...problemResponses(400, 422),
  },
});

export const transitionsRouter = newRouter().openapi(route, (c) => {
  const q = c.req.valid("query");
  const transitions = careerTransitions(q.from, q.to);
  return jsonOrCsvAnswer(c, { transitions }, () => [
    CSV_COLUMNS,
    ...transitions.map((t) => [t.from, t.to, t.minMonths, t.maxMonths, citation(t.source, false)]),
  ]);
});
