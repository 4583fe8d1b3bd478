import { createRoute, z } from "@hono/zod-openapi";
import { listLevels } from "../../shared/index.js";
import { newRouter } from "../app.js";
import { datasetCache } from "../lib/cache.js";
import { csvResponse, wantsCsv } from "../lib/csv.js";
import {
  formatParam,
  jsonOrCsv,
  NOT_MODIFIED,
  problemResponses,
  SourceSchema,
} from "../lib/openapi.js";

export const LevelSchema = z
  .object({
    id: z.enum(["entry", "mid", "senior"]),
    name: z.string().openapi({ example: "Mid" }),
    minYears: z.number().openapi({
      description: "Years of experience from which a number given as a level means this level.",
    }),
    maxYears: z
      .number()
      .nullable()
      .openapi({ description: "Up to (not including); null for no upper bound." }),
    aliases: z.array(z.string()),
    descriptions: z.array(z.object({ text: z.string(), source: SourceSchema })),
  })
  .openapi("Level");

const route = createRoute({
  method: "get",
  path: "/v1/levels",
  tags: ["Reference"],
  summary: "Levels",
  description: "Entry, Mid and Senior with their years of experience and aliases.",
  middleware: [datasetCache] as const,
  request: { query: z.object({ format: formatParam }) },
  responses: {
    200: jsonOrCsv(z.object({ levels: z.array(LevelSchema) }), "Every level."),
    304: NOT_MODIFIED,
    ...problemResponses(400),
  },
});

export const levelsRouter = newRouter().openapi(route, (c) => {
  const levels = listLevels();
  if (wantsCsv(c)) {
    return csvResponse(c, [
      ["id", "name", "minYears", "maxYears", "aliases"],
      ...levels.map((l) => [l.id, l.name, l.minYears, l.maxYears ?? "", l.aliases.join(", ")]),
    ]);
  }
  return c.json({ levels }, 200);
});
