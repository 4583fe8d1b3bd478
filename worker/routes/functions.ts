import { createRoute, z } from "@hono/zod-openapi";
import {
  CATALOGUE,
  CATEGORIES,
  describeFunction,
  findFunction,
  invokeFunction,
  type ArgType,
} from "../../shared/index.js";
import { newRouter } from "../env.js";
import { modelsForFunctions } from "../middleware/model-resolver.js";
import { loadBands } from "../middleware/workspace-bands.js";
import { datasetCache } from "../http/conditional.js";
import { jsonOrCsvAnswer } from "../http/csv.js";
import {
  formatParam,
  json,
  jsonOrCsv,
  NOT_MODIFIED,
  problemResponses,
  text,
} from "../schemas/openapi.js";
import { inPath } from "../http/problem.js";
import { FunctionArgsSchema, sheetArgs, SheetValueSchema } from "../schemas/sheet.js";
import { functionContext } from "../http/workspace-data.js";

const ARG_TYPES: [ArgType, ...ArgType[]] = [
  "text",
  "number",
  "integer",
  "percent",
  "month",
  "level",
  "choice",
  "table",
  "assumptions",
];

const FunctionSchema = z
  .object({
    name: z.string().openapi({ example: "AI_SALARY" }),
    category: z.enum(CATEGORIES as [string, ...string[]]),
    summary: z.string(),
    signature: z.string().openapi({ example: "AI_SALARY(role, level, [location], [basis])" }),
    args: z.array(
      z.object({
        name: z.string(),
        type: z.enum(ARG_TYPES).openapi({
          description:
            "text; number; integer; percent (25% or 0.25); month (YYYY-MM or a date); level (a name or years); choice (one of `choices`); table (a range whose first row names its columns); assumptions (a two-column label | value range).",
        }),
        optional: z.boolean(),
        defaultText: z.string().optional(),
        help: z.string(),
        mappable: z.boolean().openapi({
          description: "A range given here maps the function over its cells, one result per cell.",
        }),
        choices: z.array(z.string()).optional(),
      }),
    ),
    returns: z.object({
      kind: z.enum(["number", "text", "row", "column", "table"]),
      help: z.string(),
    }),
    example: z.string().openapi({
      description: "The formula as typed in a sheet.",
      example: '=AI_SALARY("ML Engineer", "Mid", "Austin")',
    }),
    network: z.boolean().openapi({ description: "Reads shared models (needs the models store)." }),
  })
  .openapi("CatalogueFunction");

const CSV_COLUMNS = ["name", "category", "summary", "args", "returns", "example"] as const;

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Functions"],
  summary: "The spreadsheet function catalogue",
  description:
    "Every function the sheet add-on offers, with its arguments: the names POST /v1/functions/{name} and /v1/batch take.",
  middleware: [datasetCache] as const,
  request: { query: z.object({ format: formatParam }) },
  responses: {
    200: jsonOrCsv(z.object({ functions: z.array(FunctionSchema) }), "The catalogue.", CSV_COLUMNS),
    304: NOT_MODIFIED,
    ...problemResponses(400),
  },
});

const callRoute = createRoute({
  method: "post",
  path: "/{name}",
  tags: ["Functions"],
  summary: "Call a spreadsheet function",
  description:
    'Any catalogue function, exactly as a sheet would call it: `{ "args": [...] }` → `{ "value": ... }`. Ranges (rows of cells) map per-cell arguments, and then a bad cell becomes an "Error: …" value in its place.',
  middleware: [loadBands, modelsForFunctions] as const,
  request: {
    params: z.object({
      name: text("Function name; the AI_ prefix and case are optional.", "AI_SALARY"),
    }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .strictObject({ args: FunctionArgsSchema.optional() })
            .openapi("FunctionCall", { example: { args: ["ML Engineer", "Mid", "Austin"] } }),
        },
      },
    },
  },
  responses: {
    200: json(
      z.object({ value: SheetValueSchema }).openapi("FunctionResult"),
      "The function's value.",
    ),
    ...problemResponses(400, 404, 413, 415, 422),
  },
});

export const functionsRouter = newRouter()
  .openapi(listRoute, (c) => {
    const functions = CATALOGUE.map(describeFunction);
    return jsonOrCsvAnswer(c, { functions }, () => [
      CSV_COLUMNS,
      ...functions.map((f) => [
        f.name,
        f.category,
        f.summary,
        f.args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join(", "),
        f.returns.kind,
        f.example,
      ]),
    ]);
  })
  .openapi(callRoute, (c) => {
    const entry = inPath("name", () => findFunction(c.req.valid("param").name));
    const { args = [] } = c.req.valid("json");
    return c.json({ value: invokeFunction(entry.name, sheetArgs(args), functionContext(c)) }, 200);
  });
