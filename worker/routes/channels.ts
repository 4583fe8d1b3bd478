import { createRoute, z } from "@hono/zod-openapi";
import { listChannels } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { ChannelSchema } from "../schemas/reference.js";
import { datasetCache } from "../http/cache.js";
import { csvResponse, wantsCsv } from "../http/csv.js";
import { formatParam, jsonOrCsv, NOT_MODIFIED, problemResponses } from "../schemas/openapi.js";

const route = createRoute({
  method: "get",
  path: "/v1/channels",
  tags: ["Reference"],
  summary: "Recruiting channels",
  description: "Recruiting channels ranked by quality, with the costs the seed states.",
  middleware: [datasetCache] as const,
  request: { query: z.object({ format: formatParam }) },
  responses: {
    200: jsonOrCsv(z.object({ channels: z.array(ChannelSchema) }), "Every channel."),
    304: NOT_MODIFIED,
    ...problemResponses(400),
  },
});

export const channelsRouter = newRouter().openapi(route, (c) => {
  const channels = listChannels();
  if (wantsCsv(c)) {
    return csvResponse(c, [
      ["rank", "id", "name", "quality", "costKind", "costLow", "costHigh", "notes"],
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
  }
  return c.json({ channels }, 200);
});
