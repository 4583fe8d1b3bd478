import { createRoute, z } from "@hono/zod-openapi";
import { PLAN_TEMPLATES, planTemplate, type PlanTemplate } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { datasetCache } from "../http/conditional.js";
import { jsonOrCsvAnswer, type CsvCell } from "../http/csv.js";
import {
  formatParam,
  jsonOrCsv,
  NOT_MODIFIED,
  problemResponses,
  text,
} from "../schemas/openapi.js";
import { PlanTemplateSchema } from "../schemas/plan.js";
import { inPath } from "../http/problem.js";

const HIRES_HEADER = [
  "role",
  "level",
  "location",
  "startMonth",
  "count",
  "salary",
  "recruitingCost",
] as const;
const LIST_COLUMNS = [
  "name",
  "title",
  "description",
  "horizonMonths",
  "hireRows",
  "upskillingRows",
] as const;

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Plan"],
  summary: "The seed's build-out plans",
  description:
    "Ready plan inputs (the same shape POST /v1/plan takes) for the seed's year-1 build-out and year-2 scale-out.",
  middleware: [datasetCache] as const,
  request: { query: z.object({ format: formatParam }) },
  responses: {
    200: jsonOrCsv(
      z.object({ templates: z.array(PlanTemplateSchema) }),
      "Every template.",
      LIST_COLUMNS,
    ),
    304: NOT_MODIFIED,
    ...problemResponses(400),
  },
});

const oneRoute = createRoute({
  method: "get",
  path: "/{name}",
  tags: ["Plan"],
  summary: "One build-out plan",
  description:
    'A template by name (or "year 1", "year 2"); its `input` can be posted to /v1/plan as it is. As CSV: its hires table.',
  middleware: [datasetCache] as const,
  request: {
    params: z.object({ name: text("Template name.", "year-1-build-out") }),
    query: z.object({ format: formatParam }),
  },
  responses: {
    200: jsonOrCsv(PlanTemplateSchema, "The template.", HIRES_HEADER),
    304: NOT_MODIFIED,
    ...problemResponses(400, 404),
  },
});

function hireRows(t: PlanTemplate): CsvCell[][] {
  return [
    [...HIRES_HEADER],
    ...t.input.hires.map((h) => [
      h.role,
      h.level,
      h.location ?? "",
      h.startMonth,
      h.count ?? 1,
      h.salary ?? "",
      h.recruitingCost ?? "",
    ]),
  ];
}

export const planTemplatesRouter = newRouter()
  .openapi(listRoute, (c) => {
    const templates = PLAN_TEMPLATES.map((t) => planTemplate(t.name));
    return jsonOrCsvAnswer(c, { templates }, () => [
      LIST_COLUMNS,
      ...templates.map((t) => [
        t.name,
        t.title,
        t.description,
        t.input.horizonMonths,
        t.input.hires.length,
        t.input.upskilling.length,
      ]),
    ]);
  })
  .openapi(oneRoute, (c) => {
    const template = inPath("name", () => planTemplate(c.req.valid("param").name));
    return jsonOrCsvAnswer(c, template, () => hireRows(template));
  });
