/** Reference tables as zod schemas: each endpoint's own answer, and /v1/dataset, which holds them all. */
import { z } from "@hono/zod-openapi";
import { CHANNEL_COST_KINDS, CURRENCIES, LEVEL_IDS, ROLE_CATEGORIES } from "../../shared/index.js";
import { SourceSchema } from "./openapi.js";

export const CategorySchema = z
  .enum(ROLE_CATEGORIES)
  .openapi({ description: "Which team-ratio rule the role counts toward." });

export const RoleSummarySchema = z
  .object({
    id: z.string().openapi({ example: "ml-engineer" }),
    name: z.string().openapi({ example: "ML Engineer" }),
    category: CategorySchema,
    aliases: z.array(z.string()),
    levelsWithData: z.record(z.string(), z.array(z.string())).openapi({
      description: "Per basis (base, total, market): the levels the seeds give salaries for.",
    }),
    hasProfile: z.boolean(),
    available: z
      .array(z.string())
      .openapi({ description: "The salary data the seeds hold for the role, in words." }),
  })
  .openapi("RoleSummary");

export const ChannelSchema = z
  .object({
    id: z.string().openapi({ example: "referral" }),
    name: z.string().openapi({ example: "Referrals" }),
    rank: z.number().int(),
    quality: z.string(),
    notes: z.string(),
    cost: z
      .object({ kind: z.enum(CHANNEL_COST_KINDS), low: z.number(), high: z.number() })
      .nullable()
      .openapi({
        description:
          "The cost the seed states: USD per hire (fixed) or a share of the annual salary; null where it states none.",
      }),
    source: SourceSchema,
  })
  .openapi("RecruitingChannel");

export const LevelSchema = z
  .object({
    id: z.enum(LEVEL_IDS),
    name: z.string().openapi({ example: "Mid" }),
    minYears: z.number().openapi({
      description: "Years of experience from which a number given as a level means this level.",
    }),
    maxYears: z
      .number()
      .nullable()
      .openapi({ description: "Up to (not including); null for no upper bound." }),
    aliases: z.array(z.string()),
    descriptions: z.array(z.object({ text: z.string(), source: SourceSchema })),
  })
  .openapi("Level");

export const LocationSchema = z
  .object({
    id: z.string().openapi({ example: "austin" }),
    name: z.string().openapi({ example: "Austin, TX" }),
    currency: z.enum(CURRENCIES),
    costOfLivingIndex: z.number().nullable(),
    aliases: z.array(z.string()),
    factor: z
      .object({ byRole: z.record(z.string(), z.number()), average: z.number(), method: z.string() })
      .openapi({
        description:
          "The factor derived salaries use for this location (by role id, and the mean for other roles).",
      }),
    source: SourceSchema.nullable(),
  })
  .openapi("Location");

export const TransitionSchema = z
  .object({
    id: z.string().openapi({ example: "software-engineer-to-ml-engineer" }),
    from: z.string().openapi({ example: "Software Engineer" }),
    to: z.string().openapi({ example: "ML Engineer" }),
    minMonths: z.number().int(),
    maxMonths: z.number().int(),
    steps: z.array(
      z.object({ name: z.string(), fromMonth: z.number().int(), toMonth: z.number().int() }),
    ),
    source: SourceSchema,
  })
  .openapi("CareerTransition");

export const UpskillingPathSchema = z
  .object({
    id: z.string().openapi({ example: "engineers-to-ai-engineers" }),
    name: z.string().openapi({ example: "Engineers → AI Engineers" }),
    from: z.string(),
    to: z.string(),
    steps: z.array(
      z.object({ name: z.string(), minWeeks: z.number().int(), maxWeeks: z.number().int() }),
    ),
    minWeeks: z
      .number()
      .int()
      .openapi({ description: "Sum of the steps' minimum weeks (the figure the product uses)." }),
    maxWeeks: z.number().int(),
    statedWeeks: z
      .object({ min: z.number().int(), max: z.number().int(), text: z.string() })
      .openapi({ description: "The total as the seed states it." }),
    notes: z.array(z.string()),
    sources: z.array(SourceSchema),
  })
  .openapi("UpskillingPath");
