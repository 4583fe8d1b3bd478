import { createRoute, z } from "@hono/zod-openapi";
import { recommendTeam } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { datasetCache } from "../http/conditional.js";
import { jsonOrCsvAnswer } from "../http/csv.js";
import {
  formatParam,
  jsonOrCsv,
  NOT_MODIFIED,
  optionalWholeNumber,
  problemResponses,
  SourceSchema,
  wholeNumber,
} from "../schemas/openapi.js";

const TeamSchema = z
  .object({
    projects: z.number().int().openapi({ example: 12 }),
    projectsPerEngineer: z.union([z.literal(3), z.literal(4)]),
    engineers: z.number().int().openapi({ example: 4 }),
    dataPeople: z.number().int().openapi({ example: 2 }),
    productManagers: z.number().int().openapi({ example: 0 }),
    managers: z.number().int().openapi({ example: 1 }),
    total: z.number().int().openapi({ example: 7 }),
    rules: z.array(
      z.object({
        rule: z.string(),
        formula: z.string(),
        value: z.number().int(),
        source: SourceSchema,
      }),
    ),
  })
  .openapi("Team");

const CSV_COLUMNS = ["role", "count", "rule", "formula"] as const;

const route = createRoute({
  method: "get",
  path: "/",
  tags: ["Team"],
  summary: "Recommended team for a number of projects",
  description:
    "The seed's ratios: one engineer per 3–4 projects, one data person per 2 engineers, one PM per 5+ engineers, a manager once the team reaches 6+ people.",
  middleware: [datasetCache] as const,
  request: {
    query: z.object({
      projects: wholeNumber("Number of AI projects.", { min: 0, max: 1_000_000, example: 12 }),
      projectsPerEngineer: optionalWholeNumber(
        '3 (default) or 4: the seed\'s "one engineer per 3-4 projects".',
        { min: 3, max: 4, example: 3 },
      ),
      format: formatParam,
    }),
  },
  responses: {
    200: jsonOrCsv(TeamSchema, "The recommended team and the rule behind each count.", CSV_COLUMNS),
    304: NOT_MODIFIED,
    ...problemResponses(400, 422),
  },
});

export const teamRouter = newRouter().openapi(route, (c) => {
  const q = c.req.valid("query");
  const team = recommendTeam(q.projects, q.projectsPerEngineer);
  return jsonOrCsvAnswer(c, team, () => [
    CSV_COLUMNS,
    ["Engineers", team.engineers, team.rules[0]!.rule, team.rules[0]!.formula],
    ["Data people", team.dataPeople, team.rules[1]!.rule, team.rules[1]!.formula],
    ["Product managers", team.productManagers, team.rules[2]!.rule, team.rules[2]!.formula],
    ["Managers", team.managers, team.rules[3]!.rule, team.rules[3]!.formula],
    ["Total", team.total, "", ""],
  ]);
});
