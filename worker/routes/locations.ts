import { createRoute, z } from "@hono/zod-openapi";
import { listLocations } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { LocationSchema } from "../schemas/reference.js";
import { datasetCache } from "../http/conditional.js";
import { jsonOrCsvAnswer } from "../http/csv.js";
import { formatParam, jsonOrCsv, NOT_MODIFIED, problemResponses } from "../schemas/openapi.js";

const CSV_COLUMNS = [
  "id",
  "name",
  "currency",
  "costOfLivingIndex",
  "factorMlEngineer",
  "factorDataScientist",
  "factorOtherRoles",
  "aliases",
] as const;

const route = createRoute({
  method: "get",
  path: "/",
  tags: ["Reference"],
  summary: "Locations",
  description:
    "Locations with currency, cost-of-living index and the location factor used for derived salaries.",
  middleware: [datasetCache] as const,
  request: { query: z.object({ format: formatParam }) },
  responses: {
    200: jsonOrCsv(
      z.object({ locations: z.array(LocationSchema) }),
      "Every location.",
      CSV_COLUMNS,
    ),
    304: NOT_MODIFIED,
    ...problemResponses(400),
  },
});

export const locationsRouter = newRouter().openapi(route, (c) => {
  const locations = listLocations();
  return jsonOrCsvAnswer(c, { locations }, () => [
    CSV_COLUMNS,
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
});
