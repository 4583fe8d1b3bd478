import { createRoute, z } from "@hono/zod-openapi";
import { BASES, CURRENCIES, dataset, DATASET_VERSION } from "../../shared/index.js";
import { newRouter } from "../env.js";
import { loadBands } from "../middleware/workspace-bands.js";
import { datasetCache } from "../http/conditional.js";
import { json, NOT_MODIFIED, problemResponses, SEED_FILE_NAMES } from "../schemas/openapi.js";
import { PlanTemplateSchema } from "../schemas/plan.js";
import {
  ChannelSchema,
  LevelSchema,
  LocationSchema,
  RoleSummarySchema,
  TransitionSchema,
  UpskillingPathSchema,
} from "../schemas/reference.js";

const table = (description: string) => z.unknown().openapi({ description });

// The reference tables reuse the schemas of their own endpoints; the seed tables that have no
// endpoint of their own are described in words (their shape is the core's data modules').
const DatasetSchema = z
  .object({
    version: z.string().openapi({ example: DATASET_VERSION }),
    hash: z.string().openapi({
      description: "Content hash of everything below; the add-on re-syncs when it changes.",
    }),
    seeds: z.array(z.enum(SEED_FILE_NAMES)),
    roles: z.array(RoleSummarySchema),
    levels: z.array(LevelSchema),
    locations: z.array(LocationSchema),
    salaries: table(
      "Salary tables as the seeds state them: base, total, market, byLocation, roleWide, notes.",
    ),
    currency: z.object({ gbpPerUsd: z.number(), method: z.string() }),
    equityShares: table("Equity as a share of base by company stage."),
    teamRatios: table("The team ratio rules."),
    hiringPhases: table("The hiring phases."),
    phase1InterviewFocus: table("What phase 1 interviews focus on."),
    decisionGuide: table("Which specialist to hire first, by situation."),
    recruitingChannels: z.array(ChannelSchema),
    defaults: table("Default recruiting cost per hire and upskilling cost per person."),
    buildOut: table("The seed's year-1 and year-2 build-out."),
    planTemplates: z.array(PlanTemplateSchema),
    upskillingPaths: z.array(UpskillingPathSchema),
    upskillingCosts: table("Training costs the seeds state."),
    trainingTimeline: table("Months to baseline competency."),
    onboarding: table("Onboarding guidance."),
    careerTransitions: z.array(TransitionSchema),
    profiles: table("Role profiles (see /v1/roles/{role})."),
    guidance: table("General interview, sourcing and hiring principles."),
    workspace: z
      .object({
        provenance: z.literal("workspace"),
        bandsVersion: z.number().int(),
        bands: z.array(
          z.object({
            role: z.string(),
            level: z.string(),
            location: z.string(),
            basis: z.enum(BASES),
            currency: z.enum(CURRENCIES),
            low: z.number(),
            high: z.number(),
          }),
        ),
      })
      .optional()
      .openapi({
        description:
          "With an API key whose workspace has uploaded bands: those bands, which take precedence over the seed salaries wherever they match (see PUT /v1/bands).",
      }),
  })
  .openapi("Dataset");

const route = createRoute({
  method: "get",
  path: "/",
  tags: ["Reference"],
  summary: "The whole dataset",
  description:
    "Every seed table the product computes from, with the dataset version and content hash. JSON only (it is nested, not a table).",
  middleware: [loadBands, datasetCache] as const,
  responses: {
    200: json(DatasetSchema, "The dataset."),
    304: NOT_MODIFIED,
    ...problemResponses(406),
  },
});

export const datasetRouter = newRouter().openapi(route, async (c) => {
  const bands = c.get("bands");
  const workspace = bands?.length
    ? {
        workspace: {
          provenance: "workspace" as const,
          bandsVersion: c.get("bandsVersion") ?? 0,
          bands: [...bands],
        },
      }
    : {};
  return c.json({ ...dataset(), ...workspace }, 200);
});
