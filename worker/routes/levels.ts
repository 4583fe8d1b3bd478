import { createRoute, z } from "@hono/zod-openapi";
import { listLevels } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { LevelSchema } from "../schemas/reference.js";
import { datasetCache } from "../http/conditional.js";
import { jsonOrCsvAnswer } from "../http/csv.js";
import { formatParam, jsonOrCsv, NOT_MODIFIED, problemResponses } from "../schemas/openapi.js";

const CSV_COLUMNS = ["id", "name", "minYears", "maxYears", "aliases"] as const;

const route = createRoute({
  method: "get",
  path: "/",
  tags: ["Reference"],
  summary: "Levels",
  description: "Entry, Mid and Senior with their years of experience and aliases.",
  middleware: [datasetCache] as const,
  request: { query: z.object({ format: formatParam }) },
  responses: {
    200: jsonOrCsv(z.object({ levels: z.array(LevelSchema) }), "Every level.", CSV_COLUMNS),
    304: NOT_MODIFIED,
    ...problemResponses(400),
  },
});

export const levelsRouter = newRouter().openapi(route, (c) => {
  const levels = listLevels();
  return jsonOrCsvAnswer(c, { levels }, () => [
    CSV_COLUMNS,
    ...levels.map((l) => [l.id, l.name, l.minYears, l.maxYears ?? "", l.aliases.join(", ")]),
  ]);
});
