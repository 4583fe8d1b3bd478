import { createRoute, z } from "@hono/zod-openapi";
import {
  citation,
  BASES,
  CURRENCIES,
  DATASET_VERSION,
  PROVENANCES,
  salaryRange,
  toUnits,
  type SalaryRange,
  type Source,
} from "../../shared/index.js";
import { newRouter } from "../env.js";
import { loadBands } from "../middleware/workspace-bands.js";
import { datasetCache } from "../http/conditional.js";
import { jsonOrCsvAnswer } from "../http/csv.js";
import {
  formatParam,
  jsonOrCsv,
  NOT_MODIFIED,
  optionalText,
  problemResponses,
  requiredText,
  SourceSchema,
} from "../schemas/openapi.js";
import { salaryOptions } from "../http/workspace-data.js";

export const SalarySchema = z
  .object({
    role: z.string().openapi({ description: "Canonical role name.", example: "ML Engineer" }),
    level: z.string().openapi({ example: "Mid" }),
    location: z
      .string()
      .openapi({ description: "Canonical location name.", example: "Austin, TX" }),
    basis: z.enum(BASES),
    currency: z.enum(CURRENCIES),
    low: z.number().openapi({
      description: "Annual amount in currency units (at most two decimals).",
      example: 140000,
    }),
    mid: z.number().openapi({ example: 170000 }),
    high: z.number().openapi({ example: 200000 }),
    derived: z.boolean().openapi({
      description: "True when computed from other figures rather than stated for this cell.",
    }),
    provenance: z.enum(PROVENANCES),
    method: z.string().openapi({ description: "How the figure was reached." }),
    sources: z.array(SourceSchema),
    notes: z.array(z.string()),
    openEnded: z.boolean().openapi({ description: 'The seed writes the high end with a "+".' }),
    datasetVersion: z.string().openapi({ example: DATASET_VERSION }),
  })
  .openapi("Salary");

export type SalaryBody = z.infer<typeof SalarySchema>;

export const SalaryQuerySchema = z.object({
  role: requiredText(
    'Role name or alias, e.g. "ML Engineer", "MLE", "Data Scientist".',
    "ML Engineer",
  ),
  level: requiredText(
    'Entry, Mid or Senior (or "Junior", "Sr", or years of experience such as "4").',
    "Mid",
  ),
  location: optionalText(
    'City or alias ("SF", "NYC", "Austin", "London", "Remote"); omit for the US as a whole.',
    "Austin",
  ),
  basis: optionalText('"base" (default), "total" or "market".', "base"),
  currency: optionalText('"USD" or "GBP"; defaults to the location\'s currency.'),
  format: formatParam,
});

const CSV_COLUMNS = [
  "role",
  "level",
  "location",
  "basis",
  "currency",
  "low",
  "mid",
  "high",
  "derived",
  "provenance",
  "method",
  "sources",
  "datasetVersion",
];

const route = createRoute({
  method: "get",
  path: "/",
  tags: ["Salary"],
  summary: "Salary range for a role, level and location",
  description:
    "Low, mid and high with where the figures come from. A figure a seed states for the exact cell is returned as stated; others are derived (and say how); where no seed gives one the answer is 404 NO_DATA with what is available.",
  middleware: [loadBands, datasetCache] as const,
  request: { query: SalaryQuerySchema },
  responses: {
    200: jsonOrCsv(SalarySchema, "The salary range.", CSV_COLUMNS),
    304: NOT_MODIFIED,
    ...problemResponses(400, 404, 422),
  },
});

/** The core's range in currency units; the only conversion is the core's own cents → units. */
export function salaryBody(r: SalaryRange): SalaryBody {
  return {
    role: r.role,
    level: r.level,
    location: r.location,
    basis: r.basis,
    // USD or GBP: this route passes no workspace FX rates yet, the only source of other codes.
    currency: r.currency as SalaryBody["currency"],
    low: toUnits(r.low),
    mid: toUnits(r.mid),
    high: toUnits(r.high),
    derived: r.derived,
    provenance: r.provenance,
    method: r.method,
    sources: r.sources,
    notes: r.notes,
    openEnded: r.openEnded,
    datasetVersion: DATASET_VERSION,
  };
}

export function describeSources(sources: readonly Source[]): string {
  return sources.map((s) => citation(s)).join(" | ");
}

export const salaryRouter = newRouter().openapi(route, (c) => {
  const { format: _format, ...query } = c.req.valid("query");
  const b = salaryBody(salaryRange(query, salaryOptions(c)));
  return jsonOrCsvAnswer(c, b, () => [
    CSV_COLUMNS,
    [
      b.role,
      b.level,
      b.location,
      b.basis,
      b.currency,
      b.low,
      b.mid,
      b.high,
      b.derived,
      b.provenance,
      b.method,
      describeSources(b.sources),
      b.datasetVersion,
    ],
  ]);
});
