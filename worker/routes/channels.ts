import { createRoute, z } from "@hono/zod-openapi";
import { listChannels } from "../../shared/index.js";
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

export const ChannelSchema = z
  .object({
    id: z.string().openapi({ example: "referral" }),
    name: z.string().openapi({ example: "Referrals" }),
    rank: z.number().int(),
    quality: z.string(),
    notes: z.string(),
    cost: z
      .object({ kind: z.enum(["fixed", "share-of-salary"]), low: z.number(), high: z.number() })
      .nullable()
      .openapi({
        description:
          "The cost the seed states: USD per hire (fixed) or a share of the annual salary; null where it states none.",
      }),
    source: SourceSchema,
  })
  .openapi("RecruitingChannel");

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
