import { z } from "@hono/zod-openapi";
import { COST_LINE_HEADERS, COST_LINES, type PricedWith } from "../../shared/index.js";
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

/** What a saved version is priced with, forever (its pin). */
export const PricedWithSchema = z
  .object({
    dataset: z.object({
      version: z.string().openapi({ example: "2026.1.0" }),
      hash: z.string().openapi({ example: "6beb9a393824d354" }),
    }),
    bandsVersion: z.number().int().openapi({
      description: "The workspace band set version (0: the seeds alone).",
      example: 1,
    }),
    levelsVersion: z
      .number()
      .int()
      .openapi({ description: "The workspace levels version (0: none).", example: 0 }),
    locationsVersion: z
      .number()
      .int()
      .openapi({ description: "The workspace locations version (0: none).", example: 0 }),
    fxVersion: z
      .number()
      .int()
      .openapi({ description: "The workspace FX rates version (0: none).", example: 0 }),
  })
  .openapi("PricedWith", {
    description:
      "What the version was priced with: the dataset (version and content hash) and the workspace's band set version. A version's figures never change; POST /v1/models/{id}/reprice saves a new version priced with the current data.",
  }) satisfies z.ZodType<PricedWith>;

/** A saved model version's plan result: GET /v1/models/{id}/result and, without the id, a share link's. */
export const ModelResultSchema = z
  .object({
    id: z.string().optional().openapi({ description: "The model id (not given on shared links)." }),
    name: z.string(),
    version: z.number().int(),
    updatedAt: z.string(),
    bandsVersion: z.number().int().openapi({
      description:
        "The workspace band set the salaries were computed with (0: seed data only); also in pricedWith.",
    }),
    pricedWith: PricedWithSchema,
    view: z.enum(["full", "totals"]).optional().openapi({
      description:
        "On a share link: full, or totals (no per-hire pay: the hires, team and upskilling lists are empty).",
    }),
    result: PlanResultSchema,
  })
  .openapi("ModelResult");

export const VersionChangeSchema = z
  .object({
    hiresAdded: z.number().int(),
    hiresRemoved: z.number().int(),
    hiresChanged: z.number().int(),
    fieldsChanged: z.array(z.string()).openapi({
      description: "Input fields other than hires whose value changed (assumptions, team, …).",
    }),
    nameChanged: z.boolean(),
    repriced: z.boolean().openapi({
      description: "Priced with other data (dataset or bands) than the version before.",
    }),
    summary: z.string().openapi({ example: "1 hire added; repriced (bands v1 → v2)" }),
  })
  .openapi("VersionChange");

const YearDifferenceSchema = z.object({
  year: z.number().int(),
  label: z.string().openapi({ example: "FY2027" }),
  before: z.number(),
  after: z.number(),
  difference: z.number().openapi({ description: "after − before, exact to the cent." }),
});

export const YearDifferencesSchema = z
  .object({
    years: z.array(YearDifferenceSchema),
    total: YearDifferenceSchema.omit({ year: true, label: true }),
  })
  .openapi("YearDifferences", {
    description: "Total cost per plan year and in all, before and after, in the plan's currency.",
  });
