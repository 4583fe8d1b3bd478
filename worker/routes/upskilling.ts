import { createRoute, z } from "@hono/zod-openapi";
import { upskillingPath, upskillingPaths } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { UpskillingPathSchema } from "../schemas/reference.js";
import { datasetCache } from "../http/cache.js";
import { csvResponse, wantsCsv } from "../http/csv.js";
import {
  formatParam,
  jsonOrCsv,
  NOT_MODIFIED,
  problemResponses,
  text,
} from "../schemas/openapi.js";
import { inPath } from "../http/problem.js";

const listRoute = createRoute({
  method: "get",
  path: "/v1/upskilling",
  tags: ["Upskilling"],
  summary: "Upskilling paths",
  description: "The seed's training paths with their steps and week ranges.",
  middleware: [datasetCache] as const,
  request: { query: z.object({ format: formatParam }) },
  responses: {
    200: jsonOrCsv(z.object({ paths: z.array(UpskillingPathSchema) }), "Every path."),
    304: NOT_MODIFIED,
    ...problemResponses(400),
  },
});

const oneRoute = createRoute({
  method: "get",
  path: "/v1/upskilling/{path}",
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
    200: jsonOrCsv(UpskillingPathSchema, "The path."),
    304: NOT_MODIFIED,
    ...problemResponses(400, 404),
  },
});

export const upskillingRouter = newRouter()
  .openapi(listRoute, (c) => {
    const paths = upskillingPaths();
    if (wantsCsv(c)) {
      return csvResponse(c, [
        ["id", "name", "from", "to", "steps", "minWeeks", "maxWeeks", "statedWeeks"],
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
    }
    return c.json({ paths }, 200);
  })
  .openapi(oneRoute, (c) => {
    const path = inPath("path", () => upskillingPath(c.req.valid("param").path));
    if (wantsCsv(c)) {
      return csvResponse(c, [
        ["step", "minWeeks", "maxWeeks"],
        ...path.steps.map((s) => [s.name, s.minWeeks, s.maxWeeks]),
        ["Total", path.minWeeks, path.maxWeeks],
      ]);
    }
    return c.json(path, 200);
  });
