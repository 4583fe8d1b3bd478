import { createRoute, z } from "@hono/zod-openapi";
import { citation, listRoles, roleProfile, type RoleProfileView } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { CategorySchema, RoleSummarySchema } from "../schemas/reference.js";
import { datasetCache } from "../http/conditional.js";
import { jsonOrCsvAnswer, type CsvCell } from "../http/csv.js";
import {
  formatParam,
  jsonOrCsv,
  NOT_MODIFIED,
  problemResponses,
  SourceSchema,
  text,
} from "../schemas/openapi.js";
import { inPath } from "../http/problem.js";

const ProfileItemsSchema = z
  .object({ items: z.array(z.string()), source: SourceSchema })
  .openapi("ProfileItems");

const RoleProfileSchema = z
  .object({
    role: z.string().openapi({ example: "ML Engineer" }),
    roleId: z.string(),
    category: CategorySchema,
    summary: z.array(ProfileItemsSchema),
    whatTheyDo: z.array(ProfileItemsSchema),
    lookFor: z.array(ProfileItemsSchema),
    redFlags: z.array(ProfileItemsSchema),
    whereToFind: z.array(ProfileItemsSchema),
    interview: z.array(ProfileItemsSchema),
    salaryData: z.array(z.string()),
    generalInterview: z.array(ProfileItemsSchema),
    generalSourcing: z.array(ProfileItemsSchema),
  })
  .openapi("RoleProfile");

const PROFILE_COLUMNS = ["section", "item", "source"] as const;
const LIST_COLUMNS = [
  "id",
  "name",
  "category",
  "baseLevels",
  "totalLevels",
  "marketLevels",
  "aliases",
] as const;

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Reference"],
  summary: "Every known role",
  description:
    "Roles with their aliases, ratio category and the levels the seeds give salary data for.",
  middleware: [datasetCache] as const,
  request: { query: z.object({ format: formatParam }) },
  responses: {
    200: jsonOrCsv(z.object({ roles: z.array(RoleSummarySchema) }), "Every role.", LIST_COLUMNS),
    304: NOT_MODIFIED,
    ...problemResponses(400),
  },
});

const oneRoute = createRoute({
  method: "get",
  path: "/{role}",
  tags: ["Reference"],
  summary: "A role's profile",
  description:
    "What they do, what to look for, red flags, where to find them and how to interview, from the seeds. As CSV: one row per item with its section and source.",
  middleware: [datasetCache] as const,
  request: {
    params: z.object({ role: text("Role name or alias.", "ML Engineer") }),
    query: z.object({ format: formatParam }),
  },
  responses: {
    200: jsonOrCsv(RoleProfileSchema, "The profile.", PROFILE_COLUMNS),
    304: NOT_MODIFIED,
    ...problemResponses(400, 404),
  },
});

const SECTIONS = [
  "summary",
  "whatTheyDo",
  "lookFor",
  "redFlags",
  "whereToFind",
  "interview",
  "generalInterview",
  "generalSourcing",
] as const;

function profileRows(p: RoleProfileView): CsvCell[][] {
  const rows: CsvCell[][] = [[...PROFILE_COLUMNS]];
  for (const section of SECTIONS) {
    for (const group of p[section])
      for (const item of group.items) rows.push([section, item, citation(group.source, false)]);
  }
  return rows;
}

export const rolesRouter = newRouter()
  .openapi(listRoute, (c) => {
    const roles = listRoles();
    return jsonOrCsvAnswer(c, { roles }, () => [
      LIST_COLUMNS,
      ...roles.map((r) => [
        r.id,
        r.name,
        r.category,
        (r.levelsWithData["base"] ?? []).join(", "),
        (r.levelsWithData["total"] ?? []).join(", "),
        (r.levelsWithData["market"] ?? []).join(", "),
        r.aliases.join(", "),
      ]),
    ]);
  })
  .openapi(oneRoute, (c) => {
    const profile = inPath("role", () => roleProfile(c.req.valid("param").role));
    return jsonOrCsvAnswer(c, profile, () => profileRows(profile));
  });
