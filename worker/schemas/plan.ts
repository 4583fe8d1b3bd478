/** The plan engine's input and answer as zod schemas: POST /v1/plan validates with them, templates answer in them. */
import { z } from "@hono/zod-openapi";
import {
  assumptionSpec,
  COST_LINES,
  DEFAULT_DEPARTMENT,
  EMPLOYMENT_TYPES,
  HIRE_PROVENANCES,
  percentProblem,
  PLAN_ASSUMPTIONS,
  PLAN_LIMITS,
  ROLE_CATEGORIES,
  type AssumptionField,
  type AssumptionSpec,
} from "../../shared/index.js";
import { MAX_TEXT_LENGTH, SourceSchema } from "./openapi.js";

const L = PLAN_LIMITS;
const name = () =>
  z.string().max(MAX_TEXT_LENGTH, { error: `must be at most ${MAX_TEXT_LENGTH} characters` });

/** A hiring delay: n months (0 to n), [min, max] or { min, max }. */
export const SlipSchema = z
  .union(
    [
      z.number().int().min(0).max(L.maxSlipMonths),
      z
        .tuple([
          z.number().int().min(0).max(L.maxSlipMonths),
          z.number().int().min(0).max(L.maxSlipMonths),
        ])
        // A [min, max] pair: its items beside prefixItems, for tools that read `items` only.
        .openapi({
          items: { type: "integer", minimum: 0, maximum: L.maxSlipMonths },
          minItems: 2,
          maxItems: 2,
        }),
      z.strictObject({
        min: z.number().int().min(0).max(L.maxSlipMonths),
        max: z.number().int().min(0).max(L.maxSlipMonths),
      }),
    ],
    {
      error: `must be a number of months (0 to ${L.maxSlipMonths}), a pair [min, max] or { min, max }`,
    },
  )
  .openapi("Slip", {
    description: "How many months late a hire may start: n (0 to n), [min, max] or { min, max }.",
    example: [0, 2],
  });

/** A row's own bonus or equity rate: a share within the plan assumption's limits. */
function ownRate(key: "bonusRate" | "equityRate", what: string) {
  return shareWithin(assumptionSpec(key))
    .nullish()
    .openapi({ description: `${what} as a share of pay, over the plan's ${key} for this row.` });
}

/** What a hire row and a team row share: who, where, how much of a person, and what they cost. */
const personFields = () => ({
  role: name().openapi({
    description:
      "Role name or alias; any text (a backfill, a manager) when salary (or a contractor's monthlyRate) is given.",
    example: "ML Engineer",
  }),
  level: z
    .union([name(), z.number()], {
      error: "must be a level name (Entry, Mid, Senior) or years of experience",
    })
    .nullish()
    .openapi({
      description:
        "Entry, Mid, Senior, an alias, or years of experience; may be left out where salary or monthlyRate is given.",
      example: "Mid",
    }),
  location: name()
    .nullish()
    .openapi({ description: "City or alias; omit for the US as a whole.", example: "Austin" }),
  count: z
    .number()
    .int()
    .min(1)
    .max(L.maxPeople)
    .nullish()
    .openapi({ description: "People on this row (default 1).", example: 1 }),
  salary: z.number().min(0).max(L.maxSalary).nullish().openapi({
    description:
      "Annual full-time salary in USD (an fte below 1 scales it); default: the mid of the role's range at the location.",
  }),
  endMonth: z.number().int().min(1).max(L.maxHorizonMonths).nullish().openapi({
    description: "The last plan month employed (inclusive); default: to the horizon.",
  }),
  fte: z
    .number()
    .gt(0, {
      error: (i) => `must be above 0 and at most 1 (0.5 = half time), got ${String(i.input)}`,
    })
    .max(1, {
      error: (i) => `must be above 0 and at most 1 (0.5 = half time), got ${String(i.input)}`,
    })
    .nullish()
    .openapi({
      description:
        "Full-time equivalent, 0 < fte ≤ 1 (default 1): pay, benefits, taxes, bonus and equity scale with it; headcount counts people.",
      example: 1,
    }),
  type: z
    .enum(EMPLOYMENT_TYPES as [string, ...string[]])
    .nullish()
    .openapi({
      description:
        "employee (default) or contractor: a contractor costs monthlyRate a month on the contractors line, with no benefits, taxes, bonus, equity, raise or recruiting unless the row gives them.",
    }),
  monthlyRate: z.number().min(0).max(L.maxMonthlyRate).nullish().openapi({
    description: 'A contractor\'s cost a month in USD (required with type "contractor").',
  }),
  department: name()
    .max(L.maxDepartmentLength, { error: `must be at most ${L.maxDepartmentLength} characters` })
    .nullish()
    .openapi({ description: `Department or cost centre (default "${DEFAULT_DEPARTMENT}").` }),
  bonusRate: ownRate("bonusRate", "Target bonus"),
  equityRate: ownRate("equityRate", "Yearly equity grant value"),
  recruitingCost: z.number().min(0).max(L.maxRecruitingCost).nullish().openapi({
    description:
      "Recruiting cost per person in USD (charged at a hire's start; prices attrition backfill); default: from the channel, else the seed's $10K.",
  }),
  channel: name().nullish().openapi({
    description: 'Recruiting channel ("referral", "recruiter", …) to price recruiting by.',
    example: "referral",
  }),
});

export const HireInputSchema = z
  .strictObject({
    ...personFields(),
    startMonth: z.number().int().min(1).max(L.maxHorizonMonths).openapi({
      description: "Plan month the hire starts (1 = first month; at most horizonMonths).",
      example: 1,
    }),
    slipMonths: SlipSchema.nullish().openapi({
      description:
        "This hire's possible delay (overrides the plan's); used by POST /v1/plan/range.",
    }),
  })
  .openapi("HireInput");

export const TeamInputSchema = z.strictObject(personFields()).openapi("TeamInput", {
  description:
    "People already employed: paid from month 1, counted in headcount, run-rate and the ratio checks, never charged recruiting. salary is required (monthlyRate for a contractor).",
  example: { role: "Software Engineer", salary: 150000, count: 3, department: "Platform" },
});

export const UpskillingInputSchema = z
  .strictObject({
    path: name().openapi({
      description: "Upskilling path name or alias.",
      example: "Engineers → AI Engineers",
    }),
    people: z.number().int().min(1).max(L.maxPeople).openapi({ example: 2 }),
    startMonth: z.number().int().min(1).max(L.maxHorizonMonths).openapi({ example: 7 }),
    costPerPerson: z
      .number()
      .min(0)
      .max(L.maxCostPerPerson)
      .nullish()
      .openapi({ description: "USD per person; default: the seed's $15K." }),
    department: name()
      .max(L.maxDepartmentLength, { error: `must be at most ${L.maxDepartmentLength} characters` })
      .nullish()
      .openapi({ description: `Department charged (default "${DEFAULT_DEPARTMENT}").` }),
  })
  .openapi("UpskillingInput");

const EXAMPLES: Record<string, unknown> = {
  horizonMonths: 24,
  benefitsRate: 0.25,
  annualRaise: 0.04,
  startDate: "2027-01",
  slipMonths: [0, 2],
  fiscalYearStart: 7,
  payrollTax: { rate: 0.062, wageBase: 168600 },
};

/** A whole number within a row's limits, worded as the core words it ("from 1 to 12 months"). */
function wholeWithin(min: number, max: number, unit: string) {
  const range = (i: { input: unknown }) =>
    `must be from ${min} to ${max}${unit}, got ${String(i.input)}`;
  return z
    .number()
    .int({ error: (i) => `must be a whole number${unit}, got ${String(i.input)}` })
    .min(min, { error: range })
    .max(max, { error: range });
}

/** A share (0.25 = 25%) within limits; a value that looks like a percent gets the core's hint. */
function shareWithin(limits: { readonly min?: number; readonly max?: number }) {
  const min = limits.min ?? 0;
  const max = limits.max ?? 1;
  return z
    .number()
    .min(min, { error: (i) => percentProblem(limits, Number(i.input), true) })
    .max(max, { error: (i) => percentProblem(limits, Number(i.input), true) });
}

/** One value of a group assumption (payrollTax.rate, payrollTax.wageBase). */
function groupField(f: AssumptionField) {
  const field =
    f.kind === "percent"
      ? shareWithin(f)
      : z
          .number()
          .min(f.min, { error: `must be from ${f.min} to ${f.max} USD` })
          .max(f.max, { error: `must be from ${f.min} to ${f.max} USD` });
  const described = field.openapi({ description: `${f.label}. Default: ${f.defaultText}.` });
  return f.required ? described : described.nullish();
}

/** One assumption's body field, from its row in PLAN_ASSUMPTIONS: kind, limits and help. */
function assumptionField(spec: AssumptionSpec) {
  const min = spec.min ?? 0;
  const max = spec.max ?? 0;
  const field =
    spec.kind === "months"
      ? wholeWithin(min, max, " months")
      : spec.kind === "calendarMonth"
        ? wholeWithin(min, max, " (a calendar month: 1 = January)")
        : spec.kind === "percent"
          ? shareWithin(spec)
          : spec.kind === "month"
            ? name()
            : spec.kind === "group"
              ? z.strictObject(
                  Object.fromEntries((spec.fields ?? []).map((f) => [f.key, groupField(f)])),
                )
              : SlipSchema;
  return field.nullish().openapi({
    description: `${spec.help} Default: ${spec.defaultText}. In a sheet's assumptions block: "${spec.label}".`,
    example: EXAMPLES[spec.key],
  });
}

/** Every plan assumption as a body field (plan inputs, scenario overrides). */
export function assumptionFields() {
  return Object.fromEntries(
    (PLAN_ASSUMPTIONS as readonly AssumptionSpec[]).map((a) => [a.key, assumptionField(a)]),
  ) as Record<(typeof PLAN_ASSUMPTIONS)[number]["key"], ReturnType<typeof assumptionField>>;
}

export const PlanInputSchema = z
  .strictObject({
    ...assumptionFields(),
    hires: z
      .array(HireInputSchema)
      .max(L.maxHireRows)
      .openapi({ description: `Hire rows (at most ${L.maxHireRows}).` }),
    team: z
      .array(TeamInputSchema)
      .max(L.maxTeamRows)
      .nullish()
      .openapi({ description: `The people already employed (at most ${L.maxTeamRows} rows).` }),
    upskilling: z
      .array(UpskillingInputSchema)
      .max(L.maxUpskillingRows)
      .nullish()
      .openapi({ description: `Upskilling entries (at most ${L.maxUpskillingRows}).` }),
  })
  .openapi("PlanInput", {
    example: {
      horizonMonths: 24,
      benefitsRate: 0.25,
      startDate: "2027-01",
      hires: [
        { role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1, count: 1 },
        { role: "Data Scientist", level: "Mid", startMonth: 3, count: 1 },
      ],
      upskilling: [{ path: "Engineers → AI Engineers", people: 2, startMonth: 7 }],
    },
  });

const MethodSources = z.object({ method: z.string(), sources: z.array(SourceSchema) });

/** An amount in USD as answers give it. */
export const money = (description?: string) =>
  z
    .number()
    .openapi({ description: description ?? "USD, at most two decimals (exact cents underneath)." });

/** A team-ratio rule the plan breaks, in which months, and the seed sentence it comes from. */
export const PlanWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  months: z.array(z.number().int()).optional(),
  source: SourceSchema.optional(),
});

/** Every cost line and the total, in USD: what a month, a year and the totals carry. */
export function costLineFields() {
  return {
    payroll: money(),
    benefits: money(),
    taxes: money("Employer payroll taxes (payrollTax)."),
    bonus: money(),
    equity: money(),
    contractors: money("Contractors' monthly rates."),
    recruiting: money(),
    backfill: money("Expected recruiting to replace leavers (attritionRate): an expected value."),
    upskilling: money(),
    total: money("The sum of the cost lines, to the cent."),
  } satisfies Record<(typeof COST_LINES)[number] | "total", unknown>;
}

export const CostLinesSchema = z.array(z.enum(COST_LINES)).openapi({
  description:
    "The cost lines this plan can have (the others are 0 throughout): what its tables show, in this order.",
});

export const PlanMonthSchema = z
  .object({
    month: z.number().int(),
    label: z.string(),
    headcount: z
      .number()
      .int()
      .openapi({ description: "People employed (team, hires, contractors)." }),
    fte: z.number().openapi({ description: "Their full-time equivalents." }),
    ...costLineFields(),
    cumulative: money(),
  })
  .openapi("PlanMonth");

export const PlanYearSchema = z
  .object({
    year: z.number().int().openapi({ description: "1 for the plan's first year." }),
    label: z.string().openapi({
      description:
        "Year 1, … without a start date; with one, the fiscal year by the calendar year it ends in (FY2027); the first and last may be partial.",
      example: "FY2027",
    }),
    months: z.number().int().openapi({ description: "Plan months in this year." }),
    ...costLineFields(),
    endHeadcount: z.number().int(),
    endFte: z.number(),
    runRate: money(
      "Annual salaries × FTE of the employees at the year's last month (not contractors).",
    ),
  })
  .openapi("PlanYear");

export const PlanTotalsSchema = z.object(costLineFields()).openapi("PlanTotals");

export const PlanDepartmentSchema = z
  .object({
    department: z.string(),
    years: z.array(PlanYearSchema),
    totals: PlanTotalsSchema,
  })
  .openapi("PlanDepartment", {
    description:
      "One department's years and totals; the departments add up to the plan's, to the cent.",
  });

/** A checked hire or team row as the answer gives it: each figure and where it came from. */
export const PlanPersonSchema = z
  .object({
    role: z.string(),
    level: z.string().nullable().openapi({ description: "null: a row given pay and no level." }),
    location: z.string(),
    category: z.enum(ROLE_CATEGORIES),
    categoryMethod: z.string().optional().openapi({
      description:
        "For a role the seeds do not list: how its ratio category was read from its name.",
    }),
    type: z.enum(EMPLOYMENT_TYPES as [string, ...string[]]),
    existing: z.boolean().openapi({ description: "True for a team row." }),
    startMonth: z.number().int(),
    endMonth: z.number().int().nullable(),
    count: z.number().int(),
    fte: z.number(),
    department: z.string(),
    annualSalary: money("Year-one annual full-time salary of one person (0 for a contractor)."),
    salarySource: MethodSources.extend({ provenance: z.enum(HIRE_PROVENANCES) }),
    monthlyRate: money("A contractor's cost a month; null for an employee.").nullable(),
    bonusRate: z.number(),
    equityRate: z.number(),
    recruitingPerPerson: money(),
    recruitingSource: MethodSources,
    slip: z
      .object({ min: z.number().int(), max: z.number().int() })
      .optional()
      .openapi({ description: "A hire's possible delay in months (hires only)." }),
  })
  .openapi("PlanPerson");

/** The effective assumptions in an answer: a start date as "YYYY-MM" (or null), a slip as { min, max }. */
function assumptionResultFields() {
  return Object.fromEntries(
    (PLAN_ASSUMPTIONS as readonly AssumptionSpec[]).map((a) => [
      a.key,
      a.kind === "month"
        ? z.string().nullable()
        : a.kind === "slip"
          ? z.object({ min: z.number().int(), max: z.number().int() })
          : a.kind === "calendarMonth"
            ? z.number().int().nullable()
            : a.kind === "group"
              ? z.record(z.string(), z.number().nullable()).nullable()
              : z.number(),
    ]),
  );
}

export const PlanResultSchema = z
  .object({
    currency: z.literal("USD"),
    horizonMonths: z.number().int(),
    startDate: z.string().nullable(),
    assumptions: z
      .object({
        ...assumptionResultFields(),
        notes: z.array(z.string()),
      })
      .openapi({ description: "Every assumption's value as used (defaults filled in)." }),
    costLines: CostLinesSchema,
    hires: z.array(PlanPersonSchema),
    team: z.array(PlanPersonSchema).openapi({ description: "The people already employed." }),
    upskilling: z.array(
      z.object({
        path: z.string(),
        people: z.number().int(),
        startMonth: z.number().int(),
        costPerPerson: money(),
        costSource: MethodSources,
        department: z.string(),
      }),
    ),
    months: z.array(PlanMonthSchema),
    years: z.array(PlanYearSchema),
    totals: PlanTotalsSchema,
    departments: z.array(PlanDepartmentSchema),
    warnings: z.array(PlanWarningSchema),
  })
  .openapi("PlanResult");

export const PlanTemplateSchema = z
  .object({
    name: z.string().openapi({ example: "year-1-build-out" }),
    title: z.string(),
    description: z.string(),
    input: PlanInputSchema,
    sources: z.array(SourceSchema),
  })
  .openapi("PlanTemplate");
