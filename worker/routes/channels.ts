import { createRoute, z } from "@hono/zod-openapi";
import { listChannels } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { ChannelSchema } from "../schemas/reference.js";
import { datasetCache } from "../http/conditional.js";
import { jsonOrCsvAnswer } from "../http/csv.js";
import { formatParam, jsonOrCsv, NOT_MODIFIED, problemResponses } from "../schemas/openapi.js";

const CSV_COLUMNS = [
  "rank",
  "id",
  "name",
  "quality",
  "costKind",
  "costLow",
  "costHigh",
  "notes",
] as const;

const route = createRoute({
  method: "get",
  path: "/",
  tags: ["Reference"],
  summary: "Recruiting channels",
  description: "Recruiting channels ranked by quality, with the costs the seed states.",
  middleware: [datasetCache] as const,
  request: { query: z.object({ format: formatParam }) },
  responses: {
    200: jsonOrCsv(z.object({ channels: z.array(ChannelSchema) }), "Every channel.", CSV_COLUMNS),
    304: NOT_MODIFIED,
    ...problemResponses(400),
  },
});

export const channelsRouter = newRouter().openapi(route, (c) => {
  const channels = listChannels();
  return jsonOrCsvAnswer(c, { channels }, () => [
    CSV_COLUMNS,
    ...channels.map((ch) => [
      ch.rank,
      ch.id,
      ch.name,
      ch.quality,
      ch.cost?.kind ?? "",
      ch.cost?.low ?? "",
      ch.cost?.high ?? "",
      ch.notes,
    ]),
  ]);
});
