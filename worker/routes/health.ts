import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "../app.js";

const HealthSchema = z.object({ status: z.literal("ok") }).openapi("Health");

const route = createRoute({
  method: "get",
  path: "/health",
  tags: ["Meta"],
  summary: "Service status",
  responses: { 200: { description: "The service is up.", content: { "application/json": { schema: HealthSchema } } } },
});

export const healthRouter = newRouter().openapi(route, (c) => c.json({ status: "ok" as const }, 200));
