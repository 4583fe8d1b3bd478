/** Spreadsheet values as zod schemas: what /v1/functions and /v1/batch take and give, exactly as a sheet would. */
import { z } from "@hono/zod-openapi";
import type { SheetArg } from "../../shared/index.js";
import { MAX_TEXT_LENGTH } from "./openapi.js";

export const SheetCellSchema = z
  .union([
    z
      .string()
      .max(MAX_TEXT_LENGTH, { error: `text cells must be at most ${MAX_TEXT_LENGTH} characters` }),
    z.number(),
    z.boolean(),
    z.null(),
  ])
  .openapi("SheetCell", {
    description: "One cell: text, a number, a boolean, or null for a blank.",
  });

export const SheetArgSchema = z
  .union([SheetCellSchema, z.array(SheetCellSchema), z.array(z.array(SheetCellSchema))], {
    error:
      "must be a cell (text, a number, a boolean or null) or a range (a list of rows of cells)",
  })
  .openapi("SheetArg", {
    description:
      "A cell, or a range as rows of cells (a flat list is one row). A range given for a per-cell argument maps the function over it.",
    example: "ML Engineer",
  });

export const SheetValueSchema = z
  .union([
    z.string(),
    z.number(),
    z.boolean(),
    z.array(z.array(z.union([z.string(), z.number(), z.boolean()]))),
  ])
  .openapi("SheetValue", {
    description: "What the function returns in a sheet: one value, or rows of values.",
    example: 170000,
  });

export const MAX_ARGS = 16;

export const FunctionArgsSchema = z
  .array(SheetArgSchema)
  .max(MAX_ARGS)
  .openapi({
    description: "The arguments in the order the function takes them (see GET /v1/functions).",
    example: ["ML Engineer", "Mid", "Austin"],
  });

/**
 * The arguments as the core's invokeFunction types them. Its runtime also takes a flat list as
 * one row (normalizeArg), which SheetArg's type does not spell out.
 */
export function sheetArgs(args: z.infer<typeof FunctionArgsSchema>): SheetArg[] {
  return args as SheetArg[];
}
