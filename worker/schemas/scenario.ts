/** Schemas for the planning scenarios (issue 8): hiring delays as a range, scenario comparison, hire vs upskill. */
import { z } from "@hono/zod-openapi";
import {
  COST_LINES,
  HIRE_VS_UPSKILL_ASSUMPTIONS,
  HIRE_VS_UPSKILL_LIMITS,
  MAX_SCENARIOS,
  PLAN_LIMITS,
  SCENARIO_LIMITS,
} from "../../shared/index.js";
import { MAX_TEXT_LENGTH, SourceSchema } from "./openapi.js";
import {
  assumptionFields,
  costLineFields,
  CostLinesSchema,
  HireInputSchema,
  money,
  PlanInputSchema,
  PlanPersonSchema,
  PlanWarningSchema,
  SlipSchema,
  UpskillingInputSchema,
} from "./plan.js";

const L = PLAN_LIMITS;
const S = SCENARIO_LIMITS;
const H = HIRE_VS_UPSKILL_LIMITS;

export const SpreadSchema = z
  .object({ low: z.number(), expected: z.number(), high: z.number() })
  .openapi("Spread", {
    description: "A figure under uncertainty: its lowest, expected and highest value.",
  });

/** Every cost line and the total as a spread. */
const costs = Object.fromEntries([...COST_LINES, "total"].map((k) => [k, SpreadSchema])) as Record<
  (typeof COST_LINES)[number] | "total",
  typeof SpreadSchema
>;

export const PlanRangeResultSchema = z
  .object({
    currency: z.literal("USD"),
    horizonMonths: z.number().int(),
    startDate: z.string().nullable(),
    method: z.string().openapi({ description: "How low, expected and high are computed." }),
    costLines: CostLinesSchema,
    hires: z.array(PlanPersonSchema),
    team: z.array(PlanPersonSchema),
    months: z.array(
      z.object({
        month: z.number().int(),
        label: z.string(),
        headcount: SpreadSchema,
        fte: SpreadSchema,
        cumulative: SpreadSchema,
        ...costs,
      }),
    ),
    years: z.array(
      z.object({
        year: z.number().int(),
        label: z.string().openapi({ example: "FY2027" }),
        months: z.number().int(),
        endHeadcount: SpreadSchema,
        endFte: SpreadSchema,
        runRate: SpreadSchema,
        ...costs,
      }),
    ),
    totals: z.object(costs),
    warnings: z.array(PlanWarningSchema),
  })
  .openapi("PlanRangeResult");

export const ScenarioSchema = z
  .strictObject({
    name: z.string().min(1).max(S.maxNameLength).openapi({ example: "Hire later" }),
    overrides: z
      .strictObject({
        // Any plan assumption (horizonMonths, benefitsRate, annualRaise, startDate, slipMonths, …).
        ...assumptionFields(),
        startMonthShift: z
          .number()
          .int()
          .min(-L.maxHorizonMonths)
          .max(L.maxHorizonMonths)
          .optional()
          .openapi({ description: "Move every hire's start by this many months." }),
        salaryChange: z
          .number()
          .gt(S.salaryChange.min)
          .max(S.salaryChange.max)
          .optional()
          .openapi({ description: "Change every salary by this share (0.1 = +10%)." }),
        hires: z
          .array(
            z.strictObject({
              index: z.number().int().min(0).max(L.maxHireRows),
              startMonth: z.number().int().min(1).max(L.maxHorizonMonths).optional(),
              salary: z.number().min(0).max(L.maxSalary).optional(),
              count: z.number().int().min(1).max(L.maxPeople).optional(),
              slipMonths: SlipSchema.optional(),
              endMonth: z.number().int().min(1).max(L.maxHorizonMonths).optional(),
              fte: z
                .number()
                .gt(0, { error: "must be above 0 and at most 1 (0.5 = half time)" })
                .max(1, { error: "must be above 0 and at most 1 (0.5 = half time)" })
                .optional(),
            }),
          )
          .max(L.maxHireRows)
          .optional()
          .openapi({
            description: "Per-hire changes, by the hire's 0-based position in the base plan.",
          }),
        addHires: z.array(HireInputSchema).max(L.maxHireRows).optional().openapi({
          description:
            "Hires added to the base plan's, as given (startMonthShift and salaryChange leave them alone).",
        }),
        removeHires: z
          .array(z.number().int().min(0).max(L.maxHireRows))
          .max(L.maxHireRows)
          .optional()
          .openapi({
            description: "The base plan's hires left out, by 0-based position.",
            example: [0, 1],
          }),
        removeDepartmentHires: z
          .array(z.string().max(L.maxDepartmentLength))
          .max(L.maxHireRows)
          .optional()
          .openapi({
            description:
              "Every planned hire in these departments left out (the existing team stays); each must be a department of the base plan.",
          }),
        upskilling: z
          .array(UpskillingInputSchema)
          .max(L.maxUpskillingRows)
          .optional()
          .openapi({ description: "Replaces the base plan's upskilling ([] for none)." }),
      })
      .optional(),
  })
  .openapi("Scenario");

export const PlanCompareInputSchema = z
  .strictObject({
    base: PlanInputSchema,
    scenarios: z
      .array(ScenarioSchema)
      .max(MAX_SCENARIOS)
      .openapi({ description: `At most ${MAX_SCENARIOS} scenarios.` }),
  })
  .openapi("PlanCompareInput", {
    example: {
      base: {
        horizonMonths: 24,
        benefitsRate: 0.25,
        hires: [
          { role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1 },
          { role: "Data Scientist", level: "Mid", startMonth: 3 },
        ],
      },
      scenarios: [
        { name: "Hire later", overrides: { startMonthShift: 3 } },
        { name: "Pay more", overrides: { salaryChange: 0.1 } },
        {
          name: "Upskill instead",
          overrides: {
            removeHires: [0],
            upskilling: [{ path: "Engineers → AI Engineers", people: 2, startMonth: 1 }],
          },
        },
      ],
    },
  });

const WithDelays = SpreadSchema.optional().openapi({
  description:
    "The total's low / expected / high if hires start late within their slipMonths (POST /v1/plan/range); present only when some hire may slip. Beside the total, never in its place.",
});

const DifferenceYearSchema = z.object({
  year: z.number().int(),
  label: z.string().openapi({ example: "FY2027" }),
  ...costLineFields(),
  endHeadcount: z.number(),
  runRate: money(),
});
const ScenarioYearSchema = DifferenceYearSchema.extend({ totalWithDelays: WithDelays }).openapi({
  description:
    "The year as the plan engine costs it (POST /v1/plan): every hire starting when scheduled.",
});
const TotalsSchema = z.object(costLineFields());

export const PlanComparisonSchema = z
  .object({
    currency: z.literal("USD"),
    method: z.string(),
    scenarios: z.array(
      z.object({
        name: z.string(),
        input: z
          .record(z.string(), z.unknown())
          .openapi({ description: "The plan input this scenario ran (base + overrides)." }),
        years: z.array(ScenarioYearSchema),
        totals: TotalsSchema,
        totalWithDelays: WithDelays,
        differences: z
          .object({ years: z.array(DifferenceYearSchema), totals: TotalsSchema })
          .optional()
          .openapi({ description: "This scenario minus the base." }),
        notes: z.array(z.string()),
      }),
    ),
  })
  .openapi("PlanComparison");

const text = () => z.string().max(MAX_TEXT_LENGTH);

export const HireVsUpskillInputSchema = z
  .strictObject({
    targetRole: text().openapi({
      description:
        "ML Engineer, Data Scientist or Prompt Engineer (the roles the seeds' paths lead to).",
      example: "ML Engineer",
    }),
    level: z.union([text(), z.number()]).openapi({ example: "Mid" }),
    location: text().optional().openapi({ example: "Austin" }),
    fromRole: text()
      .optional()
      .openapi({ description: "Who would be upskilled.", example: "Backend engineer" }),
    // The plan engine's assumptions for costing the hire, as in a plan body (horizon default 12 here).
    ...Object.fromEntries(
      HIRE_VS_UPSKILL_ASSUMPTIONS.map((k) => [
        k,
        k === "horizonMonths"
          ? assumptionFields()[k].openapi({
              description: "Months to compare over. Default 12.",
              example: 12,
            })
          : assumptionFields()[k],
      ]),
    ),
    timeToFillMonths: z
      .strictObject({
        min: z.number().int().min(H.timeToFillMonths.min).max(H.timeToFillMonths.max),
        max: z.number().int().min(H.timeToFillMonths.min).max(H.timeToFillMonths.max),
      })
      .optional()
      .openapi({
        description:
          "Whole months before the hire starts. Default 1–2: the seed's Phase 1 window (Month 1-2).",
      }),
    onboardingWeeks: z
      .number()
      .min(H.onboardingWeeks.min)
      .max(H.onboardingWeeks.max)
      .optional()
      .openapi({ description: 'Default 4: "First 4 weeks set tone".' }),
    channel: text().optional().openapi({
      description: "Recruiting channel for the hire; default: the seed's $10K.",
      example: "recruiter",
    }),
    recruitingCost: z.number().min(0).max(L.maxRecruitingCost).optional(),
    trainingCostPerPerson: z
      .number()
      .min(H.trainingCostPerPerson.min)
      .max(H.trainingCostPerPerson.max)
      .optional()
      .openapi({ description: "Default $15,000: the seed's $30K for two engineers." }),
    mentorship: z
      .boolean()
      .optional()
      .openapi({ description: "Add an external consultant ($10–20K, 4–8 weeks)." }),
    bootcamp: z.boolean().optional().openapi({ description: "Add a bootcamp ($10–20K)." }),
    learningTimeShare: z
      .number()
      .min(H.learningTimeShare.min)
      .max(H.learningTimeShare.max)
      .optional()
      .openapi({ description: "Default 0.2: the seed's 20% learning time." }),
  })
  .openapi("HireVsUpskillInput", {
    example: {
      targetRole: "ML Engineer",
      level: "Mid",
      location: "Austin",
      fromRole: "Backend engineer",
      horizonMonths: 12,
      channel: "recruiter",
    },
  });

const OptionSchema = z.object({
  monthsUntilProductive: SpreadSchema,
  cashCost: SpreadSchema.openapi({ description: "USD over the horizon." }),
  productivePersonMonths: SpreadSchema,
  costPerProductiveMonth: z.object({
    low: z.number().nullable(),
    expected: z.number().nullable(),
    high: z.number().nullable(),
  }),
  method: z.array(z.string()),
  sources: z.array(SourceSchema),
});

export const HireVsUpskillResultSchema = z
  .object({
    targetRole: z.string(),
    level: z.string(),
    location: z.string(),
    fromRole: z.string(),
    path: z.string(),
    horizonMonths: z.number().int(),
    currency: z.literal("USD"),
    hire: OptionSchema,
    upskill: OptionSchema,
    assumptions: z.array(
      z.object({
        name: z.string(),
        value: z.string(),
        source: SourceSchema.optional(),
        note: z.string().optional(),
      }),
    ),
    notes: z.array(z.string()),
  })
  .openapi("HireVsUpskillResult");
