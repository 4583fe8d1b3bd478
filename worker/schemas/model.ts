import { z } from "@hono/zod-openapi";
import { COST_LINE_HEADERS, COST_LINES } from "../../shared/index.js";
import { PlanResultSchema } from "./plan.js";

/**
 * Every column the months CSV (AI_MODEL's months table) can have, in order. A plan's CSV has FTE
 * only where someone is part-time and a cost line only where the plan uses it (its costLines).
 */
export const MONTHS_CSV_COLUMNS = [
  "Month",
  "Label",
  "Headcount",
  "FTE",
  ...COST_LINES.map((l) => COST_LINE_HEADERS[l]),
  "Total",
  "Cumulative",
] as const;

export const MONTHS_CSV_NOTE =
  "CSV (`?format=csv` or `/result.csv`) is the months table, as AI_MODEL shows it in a sheet: FTE only where someone is part-time, a cost line only where the plan uses it (the result's costLines).";

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
