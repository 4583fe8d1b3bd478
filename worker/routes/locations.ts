import { createRoute, z } from "@hono/zod-openapi";
import { listLocations } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { LocationSchema } from "../schemas/reference.js";
import { datasetCache } from "../http/cache.js";
import { csvResponse, wantsCsv } from "../http/csv.js";
import { formatParam, jsonOrCsv, NOT_MODIFIED, problemResponses } from "../schemas/openapi.js";

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
