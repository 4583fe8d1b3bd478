import { z } from "@hono/zod-openapi";
import { PlanResultSchema } from "./plan.js";

/** A saved model version's plan result: GET /v1/models/{id}/result and, without the id, a share link's. */
export const ModelResultSchema = z
  .object({
    id: z.string().optional().openapi({ description: "The model id (not given on shared links)." }),
    name: z.string(),
    version: z.number().int(),
    updatedAt: z.string(),
    bandsVersion: z.number().int().openapi({
      description: "The workspace band set the salaries were computed with (0: seed data only).",
    }),
    result: PlanResultSchema,
  })
  .openapi("ModelResult");
