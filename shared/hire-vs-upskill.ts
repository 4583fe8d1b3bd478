import { PlannerError, ProblemList, invalid } from "./errors.js";
import {
  DEFAULT_UPSKILLING_COST,
  HIRING_PHASES,
  ONBOARDING,
  UPSKILLING_COSTS,
  UPSKILLING_PATHS,
} from "./data/hiring.js";
import type { Source } from "./data/sources.js";
import { checkOptionalNumber } from "./check-number.js";
import { toCents, toUnits, type Cents } from "./money.js";
import { nameKey, resolveRole } from "./names.js";
import {
  checkAssumption,
  describeLimits,
  assumptionSpec,
  type AssumptionKey,
} from "./plan-assumptions.js";
import { runPlanRangeYears, type Spread } from "./plan-range.js";
import { priceRecruiting } from "./recruiting.js";
import { salaryRange, type SalaryOptions } from "./salary.js";
import { describePath } from "./upskilling.js";

/** The plan assumptions hire-vs-upskill takes (API fields and a sheet's assumptions block alike). */
export const HIRE_VS_UPSKILL_ASSUMPTIONS = [
  "horizonMonths",
  "benefitsRate",
  "annualRaise",
] as const satisfies readonly AssumptionKey[];

/** Weeks to months on a 52-week year. */
export const MONTHS_PER_WEEK = 12 / 52;

export interface HireVsUpskillInput {
  targetRole: unknown;
  level: unknown;
  location?: unknown;
  fromRole?: unknown;
  horizonMonths?: unknown;
  /** The plan engine's assumptions for the hire's cost (PLAN_ASSUMPTIONS rows; default 0). */
  benefitsRate?: unknown;
  annualRaise?: unknown;
  /** Every other assumption has a seed-based default; see HIRE_VS_UPSKILL_DEFAULTS. */
  timeToFillMonths?: unknown;
  onboardingWeeks?: unknown;
  channel?: unknown;
  recruitingCost?: unknown;
  trainingCostPerPerson?: unknown;
  mentorship?: unknown;
  bootcamp?: unknown;
  learningTimeShare?: unknown;
}

export interface Assumption {
  name: string;
  value: string;
  source?: Source;
  note?: string;
}

export interface OptionOutcome {
  /** Months from the decision until the person is productive in the target role. */
  monthsUntilProductive: Spread;
  /** Cash spent over the horizon, in cents. */
  cashCost: Spread;
  /** Productive person-months delivered within the horizon. */
  productivePersonMonths: Spread;
  /** Cash per productive person-month, in cents; null where no productive month falls within the horizon. */
  costPerProductiveMonth: { low: number | null; expected: number | null; high: number | null };
  method: string[];
  sources: Source[];
}

export interface HireVsUpskillResult {
  targetRole: string;
  level: string;
  location: string;
  fromRole: string;
  path: string;
  horizonMonths: number;
  currency: "USD";
  hire: OptionOutcome;
  upskill: OptionOutcome;
  assumptions: Assumption[];
  notes: string[];
}

const PHASE_1 = HIRING_PHASES[0]!;
type PricedCost = { low: number; high: number; source: Source };
const CONSULTANT = UPSKILLING_COSTS.find((c) => c.id === "mentor-consultant") as PricedCost;
const BOOTCAMP = UPSKILLING_COSTS.find((c) => c.id === "bootcamp") as PricedCost;
const LEARNING_TIME = UPSKILLING_COSTS.find((c) => c.id === "learning-time") as {
  share: number;
  source: Source;
};

/** The comparison's own inputs' limits, checked here and read by the API's schema. */
export const HIRE_VS_UPSKILL_LIMITS = {
  timeToFillMonths: { min: 0, max: 24 },
  onboardingWeeks: { min: 0, max: 52 },
  trainingCostPerPerson: { min: 0, max: 1_000_000 },
  learningTimeShare: { min: 0, max: 0.9 },
} as const;

export const HIRE_VS_UPSKILL_DEFAULTS = {
  horizonMonths: 12,
  timeToFillMonths: { min: PHASE_1.startMonth, max: PHASE_1.endMonth!, source: PHASE_1.source },
  onboardingWeeks: { value: ONBOARDING.weeks, source: ONBOARDING.source },
  trainingCostPerPerson: {
    value: DEFAULT_UPSKILLING_COST.amountPerPerson,
    source: DEFAULT_UPSKILLING_COST.source,
  },
  learningTimeShare: { value: LEARNING_TIME.share, source: LEARNING_TIME.source },
};

/** Which seed path leads into which target role. */
const PATH_FOR_ROLE: Record<string, { path: string; fromMatches: string[] }> = {
  "ml-engineer": {
    path: "engineers-to-ai-engineers",
    fromMatches: ["engineer", "developer", "swe", "programmer"],
  },
  "data-scientist": { path: "analysts-to-data-scientists", fromMatches: ["analyst", "data", "bi"] },
  "prompt-engineer": { path: "anyone-to-prompt-engineers", fromMatches: [""] },
};

const round2 = (n: number) => Math.round(n * 100) / 100;
const pct = (share: number) => `${round2(share * 100)}%`;
const mid = (a: number, b: number) => (a + b) / 2;

/** A number the comparison takes, blank meaning its default: the core's one number check. */
function num(value: unknown, field: string, min: number, max: number, fallback: number): number {
  return checkOptionalNumber(value, field, fallback, { min, max });
}

function bool(value: unknown, field: string): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (typeof value === "boolean") return value;
  if (
    typeof value === "string" &&
    ["yes", "true", "no", "false"].includes(value.trim().toLowerCase())
  )
    return ["yes", "true"].includes(value.trim().toLowerCase());
  throw invalid(field, `must be true or false, got ${JSON.stringify(value)}`);
}

/** Whole months: the plan engine costs a hire from a start month, so the window is in whole months. */
function fillRange(value: unknown): { min: number; max: number } {
  const d = HIRE_VS_UPSKILL_DEFAULTS.timeToFillMonths;
  if (value === undefined || value === null) return { min: d.min, max: d.max };
  const v = value as { min?: unknown; max?: unknown };
  const { min: lo, max: hi } = HIRE_VS_UPSKILL_LIMITS.timeToFillMonths;
  const min = num(v.min, "timeToFillMonths.min", lo, hi, Number.NaN);
  const max = num(v.max, "timeToFillMonths.max", lo, hi, Number.NaN);
  if (Number.isNaN(min) || Number.isNaN(max))
    throw invalid("timeToFillMonths", "must be { min, max } in months, e.g. { min: 1, max: 2 }");
  for (const [end, n] of [
    ["min", min],
    ["max", max],
  ] as const)
    if (!Number.isInteger(n))
      throw invalid(
        `timeToFillMonths.${end}`,
        `must be a whole number of months (the hire is costed from a start month), got ${n}`,
      );
  if (min > max)
    throw invalid("timeToFillMonths", `min (${min}) must not be more than max (${max})`);
  return { min, max };
}

function perMonth(cash: Spread, productive: Spread): OptionOutcome["costPerProductiveMonth"] {
  const div = (c: number, p: number) => (p > 0 ? Math.round(c / p) : null);
  return {
    low: div(cash.low, productive.high),
    expected: div(cash.expected, productive.expected),
    high: div(cash.high, productive.low),
  };
}

/**
 * Hire an AI specialist or upskill someone you have: months until productive, cash over the
 * horizon, productive person-months and cash per productive month, as low / expected / high.
 */
export function hireVsUpskill(
  input: HireVsUpskillInput,
  options: SalaryOptions = {},
): HireVsUpskillResult {
  const problems = new ProblemList();
  const horizon = problems.check("", () =>
    input.horizonMonths === undefined || input.horizonMonths === null
      ? HIRE_VS_UPSKILL_DEFAULTS.horizonMonths
      : checkAssumption("horizonMonths", input.horizonMonths),
  );
  const benefitsRate = problems.check("", () =>
    checkAssumption("benefitsRate", input.benefitsRate),
  );
  const annualRaise = problems.check("", () => checkAssumption("annualRaise", input.annualRaise));
  const fill = problems.check("", () => fillRange(input.timeToFillMonths));
  const onboardingWeeks = problems.check("", () =>
    num(
      input.onboardingWeeks,
      "onboardingWeeks",
      HIRE_VS_UPSKILL_LIMITS.onboardingWeeks.min,
      HIRE_VS_UPSKILL_LIMITS.onboardingWeeks.max,
      HIRE_VS_UPSKILL_DEFAULTS.onboardingWeeks.value,
    ),
  );
  const training = problems.check("", () =>
    num(
      input.trainingCostPerPerson,
      "trainingCostPerPerson",
      HIRE_VS_UPSKILL_LIMITS.trainingCostPerPerson.min,
      HIRE_VS_UPSKILL_LIMITS.trainingCostPerPerson.max,
      HIRE_VS_UPSKILL_DEFAULTS.trainingCostPerPerson.value,
    ),
  );
  const learningShare = problems.check("", () =>
    num(
      input.learningTimeShare,
      "learningTimeShare",
      HIRE_VS_UPSKILL_LIMITS.learningTimeShare.min,
      HIRE_VS_UPSKILL_LIMITS.learningTimeShare.max,
      HIRE_VS_UPSKILL_DEFAULTS.learningTimeShare.value,
    ),
  );
  const mentorship = problems.check("", () => bool(input.mentorship, "mentorship"));
  const bootcamp = problems.check("", () => bool(input.bootcamp, "bootcamp"));
  const range = problems.check("", () =>
    salaryRange(
      { role: input.targetRole, level: input.level, location: input.location, currency: "USD" },
      options,
    ),
  );
  const role = problems.check("", () => resolveRole(input.targetRole, "targetRole"));
  // Recruiting for the hire: an explicit figure, a channel's stated cost, or the seed's $10K.
  const recruiting = problems.check("", () =>
    priceRecruiting(
      { recruitingCost: input.recruitingCost, channel: input.channel },
      range ?? { low: 0, mid: 0, high: 0 },
    ),
  );
  problems.throwIfAny("The comparison");
  if (
    horizon === undefined ||
    benefitsRate === undefined ||
    annualRaise === undefined ||
    !fill ||
    onboardingWeeks === undefined ||
    training === undefined ||
    learningShare === undefined ||
    mentorship === undefined ||
    bootcamp === undefined ||
    !range ||
    !role ||
    !recruiting
  )
    throw invalid("input", "incomplete");

  const pathFor = PATH_FOR_ROLE[role.id];
  if (!pathFor) {
    throw new PlannerError(
      "NO_DATA",
      `The seeds give no upskilling path into ${role.name}. Paths lead to: ML Engineer (Engineers → AI Engineers), Data Scientist (Analysts/Data → Data Scientists), Prompt Engineer (Anyone → Prompt Engineers).`,
      { field: "targetRole", available: ["ML Engineer", "Data Scientist", "Prompt Engineer"] },
    );
  }
  const path = describePath(UPSKILLING_PATHS.find((p) => p.id === pathFor.path)!);
  const fromText =
    typeof input.fromRole === "string" && input.fromRole.trim() ? input.fromRole.trim() : path.from;
  const fromKey = nameKey(fromText);
  if (!pathFor.fromMatches.some((k) => fromKey.includes(k))) {
    throw new PlannerError(
      "NO_DATA",
      `The seeds' path into ${role.name} is "${path.name}", which starts from ${path.from}; "${fromText}" is not on it.`,
      { field: "fromRole", available: [path.from] },
    );
  }

  const onboardingMonths = onboardingWeeks * MONTHS_PER_WEEK;
  const hireUntil: Spread = {
    low: round2(fill.min + onboardingMonths),
    expected: round2(mid(fill.min, fill.max) + onboardingMonths),
    high: round2(fill.max + onboardingMonths),
  };
  // The hire's cash is the plan engine's cost of a one-hire plan over the horizon (payroll month
  // by month, benefits, raises, recruiting in the start month), the same figures POST /v1/plan
  // gives. It starts after the time to fill: any whole month of that window, each equally likely.
  const firstStart = fill.min + 1;
  const hirePlan = (salary: Cents, recruitingCost: Cents) =>
    runPlanRangeYears(
      {
        horizonMonths: horizon,
        benefitsRate,
        annualRaise,
        hires: [
          {
            role: role.name,
            level: range.level,
            location: range.location,
            startMonth: firstStart,
            salary: toUnits(salary),
            recruitingCost: toUnits(recruitingCost),
            slipMonths: [0, fill.max - fill.min],
          },
        ],
      },
      options,
    ).totals.total;
  const hireCash: Spread =
    firstStart > horizon
      ? { low: 0, expected: 0, high: 0 }
      : {
          low: hirePlan(range.low, recruiting.low).low,
          expected: hirePlan(range.mid, recruiting.mid).expected,
          high: hirePlan(range.high, recruiting.high).high,
        };
  const productive = (until: Spread): Spread => ({
    low: round2(Math.max(0, horizon - until.high) * (1 - learningShare)),
    expected: round2(Math.max(0, horizon - until.expected) * (1 - learningShare)),
    high: round2(Math.max(0, horizon - until.low) * (1 - learningShare)),
  });
  const hireProductive = productive(hireUntil);

  const upskillUntil: Spread = {
    low: round2(path.minWeeks * MONTHS_PER_WEEK),
    expected: round2(mid(path.minWeeks, path.maxWeeks) * MONTHS_PER_WEEK),
    high: round2(path.maxWeeks * MONTHS_PER_WEEK),
  };
  const extras: { name: string; low: number; high: number; source: Source }[] = [];
  if (mentorship)
    extras.push({
      name: "external consultant mentorship (4-8 weeks)",
      low: CONSULTANT.low,
      high: CONSULTANT.high,
      source: CONSULTANT.source,
    });
  if (bootcamp)
    extras.push({
      name: "bootcamp",
      low: BOOTCAMP.low,
      high: BOOTCAMP.high,
      source: BOOTCAMP.source,
    });
  const trainingCents = toCents(training);
  const upskillCash: Spread = {
    low: trainingCents + extras.reduce((s, e) => s + toCents(e.low), 0),
    expected: trainingCents + extras.reduce((s, e) => s + toCents(mid(e.low, e.high)), 0),
    high: trainingCents + extras.reduce((s, e) => s + toCents(e.high), 0),
  };
  const upskillProductive = productive(upskillUntil);

  const learning =
    learningShare > 0
      ? `; × ${(1 - learningShare).toFixed(2)} for ${Math.round(learningShare * 100)}% learning time`
      : "";
  return {
    targetRole: role.name,
    level: range.level,
    location: range.location,
    fromRole: fromText,
    path: path.name,
    horizonMonths: horizon,
    currency: "USD",
    hire: {
      monthsUntilProductive: hireUntil,
      cashCost: hireCash,
      productivePersonMonths: hireProductive,
      costPerProductiveMonth: perMonth(hireCash, hireProductive),
      method: [
        `time to fill ${fill.min}–${fill.max} months, then ${onboardingWeeks} weeks of onboarding (${round2(onboardingMonths)} months at 52 weeks a year)`,
        `cash is the plan engine's cost of this one hire over ${horizon} months, as POST /v1/plan costs it: salary ${range.low / 100}–${range.high / 100} (mid ${range.mid / 100}) paid month by month from the start month (month ${firstStart} to ${fill.max + 1}, after the time to fill, each equally likely), benefits at ${pct(benefitsRate)} of payroll, a ${pct(annualRaise)} raise on each anniversary, recruiting in the start month; low = low salary and the latest start, expected = mid salary averaged over the starts, high = high salary and the earliest start`,
        `recruiting: ${recruiting.rangeMethod}`,
        `productive months = ${horizon} − months until productive${learning}`,
      ],
      sources: [
        ...range.sources,
        PHASE_1.source,
        ONBOARDING.source,
        ...recruiting.sources,
        ...(learningShare > 0 ? [LEARNING_TIME.source] : []),
      ],
    },
    upskill: {
      monthsUntilProductive: upskillUntil,
      cashCost: upskillCash,
      productivePersonMonths: upskillProductive,
      costPerProductiveMonth: perMonth(upskillCash, upskillProductive),
      method: [
        `${path.name}: ${path.minWeeks}–${path.maxWeeks} weeks (the sum of its steps) at 52 weeks a year`,
        `training $${training} a person${training === DEFAULT_UPSKILLING_COST.amountPerPerson ? " (the seed's $30K for two engineers, courses + lost productivity)" : " (given)"}${extras.map((e) => ` + ${e.name} $${e.low / 1000}–${e.high / 1000}K`).join("")}`,
        "left out on purpose: the person's existing salary, benefits and raises, which are paid whether or not they are upskilled; their previous work during the path is the cost the seed calls lost productivity",
        `productive months = ${horizon} − months until productive${learning}`,
      ],
      sources: [
        ...path.sources,
        DEFAULT_UPSKILLING_COST.source,
        ...extras.map((e) => e.source),
        ...(learningShare > 0 ? [LEARNING_TIME.source] : []),
      ],
    },
    assumptions: [
      { name: "horizonMonths", value: String(horizon) },
      {
        name: "benefitsRate",
        value: String(benefitsRate),
        note: `benefits as a share of the hire's payroll (${describeLimits(assumptionSpec("benefitsRate"))}); the seeds state none, so 0 unless given`,
      },
      { name: "annualRaise", value: String(annualRaise), note: "on the hire's anniversary" },
      {
        name: "timeToFillMonths",
        value: `${fill.min}–${fill.max}`,
        source: PHASE_1.source,
        note: "the seed's Phase 1 window (Month 1-2) taken as the time to fill a hire",
      },
      { name: "onboardingWeeks", value: String(onboardingWeeks), source: ONBOARDING.source },
      {
        name: "trainingCostPerPerson",
        value: String(training),
        source: DEFAULT_UPSKILLING_COST.source,
      },
      {
        name: "learningTimeShare",
        value: String(learningShare),
        source: LEARNING_TIME.source,
        note: "the seed's 20% learning time, taken off productive months for both options",
      },
      { name: "mentorship", value: String(mentorship), source: CONSULTANT.source },
      { name: "bootcamp", value: String(bootcamp), source: BOOTCAMP.source },
    ],
    notes: [
      "Ranges are deterministic bounds, not random draws.",
      ...path.notes,
      ...(range.derived ? [`The salary is derived: ${range.method}`] : []),
    ],
  };
}
