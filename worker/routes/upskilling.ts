import { createRoute, z } from "@hono/zod-openapi";
import { upskillingPath, upskillingPaths } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { UpskillingPathSchema } from "../schemas/reference.js";
import { datasetCache } from "../http/conditional.js";
import { jsonOrCsvAnswer } from "../http/csv.js";
import {
  formatParam,
  jsonOrCsv,
  NOT_MODIFIED,
  problemResponses,
  text,
} from "../schemas/openapi.js";
import { inPath } from "../http/problem.js";

const LIST_COLUMNS = [
  "id",
  "name",
  "from",
  "to",
  "steps",
  "minWeeks",
  "maxWeeks",
  "statedWeeks",
] as const;
const STEP_COLUMNS = ["step", "minWeeks", "maxWeeks"] as const;

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Upskilling"],
  summary: "Upskilling paths",
  description: "The seed's training paths with their steps and week ranges.",
  middleware: [datasetCache] as const,
  request: { query: z.object({ format: formatParam }) },
  responses: {
    200: jsonOrCsv(z.object({ paths: z.array(UpskillingPathSchema) }), "Every path.", LIST_COLUMNS),
    304: NOT_MODIFIED,
    ...problemResponses(400),
  },
});

const oneRoute = createRoute({
  method: "get",
  path: "/{path}",
  tags: ["Upskilling"],
  summary: "One upskilling path",
  description:
    'A path by id, name or alias (e.g. "engineers-to-ai-engineers", "Engineer → AI Engineer"). As CSV: its steps with a Total row.',
  middleware: [datasetCache] as const,
  request: {
    params: z.object({ path: text("Path id, name or alias.", "engineers-to-ai-engineers") }),
    query: z.object({ format: formatParam }),
  },
  responses: {
    200: jsonOrCsv(UpskillingPathSchema, "The path.", STEP_COLUMNS),
    304: NOT_MODIFIED,
    ...problemResponses(400, 404),
  },
});

export const upskillingRouter = newRouter()
  .openapi(listRoute, (c) => {
    const paths = upskillingPaths();
    return jsonOrCsvAnswer(c, { paths }, () => [
      LIST_COLUMNS,
      ...paths.map((p) => [
        p.id,
        p.name,
        p.from,
        p.to,
        p.steps.length,
        p.minWeeks,
        p.maxWeeks,
        p.statedWeeks.text,
      ]),
    ]);
  })
  .openapi(oneRoute, (c) => {
    const path = inPath("path", () => upskillingPath(c.req.valid("param").path));
    return jsonOrCsvAnswer(c, path, () => [
      STEP_COLUMNS,
      ...path.steps.map((s) => [s.name, s.minWeeks, s.maxWeeks]),
      ["Total", path.minWeeks, path.maxWeeks],
    ]);
  });
