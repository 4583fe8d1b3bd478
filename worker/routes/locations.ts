import { createRoute, z } from "@hono/zod-openapi";
import { listLocations } from "../../shared/index.js";
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

export const LocationSchema = z
  .object({
    id: z.string().openapi({ example: "austin" }),
    name: z.string().openapi({ example: "Austin, TX" }),
    currency: z.enum(["USD", "GBP"]),
    costOfLivingIndex: z.number().nullable(),
    aliases: z.array(z.string()),
    factor: z
      .object({ byRole: z.record(z.string(), z.number()), average: z.number(), method: z.string() })
      .openapi({
        description:
          "The factor derived salaries use for this location (by role id, and the mean for other roles).",
      }),
    source: SourceSchema.nullable(),
  })
  .openapi("Location");

const route = createRoute({
  method: "get",
  path: "/v1/locations",
  tags: ["Reference"],
  summary: "Locations",
  description:
    "Locations with currency, cost-of-living index and the location factor used for derived salaries.",
  middleware: [datasetCache] as const,
  request: { query: z.object({ format: formatParam }) },
  responses: {
    200: jsonOrCsv(z.object({ locations: z.array(LocationSchema) }), "Every location."),
    304: NOT_MODIFIED,
    ...problemResponses(400),
  },
});

export const locationsRouter = newRouter().openapi(route, (c) => {
  const locations = listLocations();
  if (wantsCsv(c)) {
    return csvResponse(c, [
      [
        "id",
        "name",
        "currency",
        "costOfLivingIndex",
        "factorMlEngineer",
        "factorDataScientist",
        "factorOtherRoles",
        "aliases",
      ],
      ...locations.map((l) => [
        l.id,
        l.name,
        l.currency,
        l.costOfLivingIndex,
        l.factor.byRole["ml-engineer"] ?? 1,
        l.factor.byRole["data-scientist"] ?? 1,
        l.factor.average,
        l.aliases.join(", "),
      ]),
    ]);
  }
  return c.json({ locations }, 200);
});
