import { createRoute, z } from "@hono/zod-openapi";
import { datasetVersion, type HealthAnswer } from "../../shared/index.js";
import { newRouter } from "../env.js";

const HealthSchema = z
  .object({
    status: z.literal("ok"),
    datasetVersion: z.string().openapi({ example: "2026.1.0" }),
    datasetHash: z.string().openapi({
      description: "Content hash of the whole dataset; changes whenever any figure does.",
      example: "6beb9a393824d354",
    }),
  })
  .openapi("Health") satisfies z.ZodType<HealthAnswer>;

const route = createRoute({
  method: "get",
  path: "/",
  tags: ["Meta"],
  summary: "Service status",
  description:
    "Whether the service is up, and the version and content hash of the dataset it serves.",
  responses: {
    200: {
      description: "The service is up.",
      content: { "application/json": { schema: HealthSchema } },
    },
  },
});

export const healthRouter = newRouter().openapi(route, (c) => {
  const { version, hash } = datasetVersion();
  // Never cached: a health check must reach the worker.
  c.header("Cache-Control", "no-store");
  const body: HealthAnswer = { status: "ok", datasetVersion: version, datasetHash: hash };
  return c.json(body, 200);
});
