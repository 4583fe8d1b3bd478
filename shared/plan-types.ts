/** The plan engine's input and answer: what a plan body holds and what runPlan returns, in cents. */
import type { RoleCategory } from "./data/roles.js";
import type { Source } from "./data/sources.js";
import type { Cents } from "./money.js";
import type {
  PlanAssumptionValues,
  PlanAssumptionsInput,
  PlanAssumptionsShown,
  Slip,
  SlipInput,
} from "./plan-assumptions.js";
import type { Provenance } from "./salary.js";

export type EmploymentType = "employee" | "contractor";
export const EMPLOYMENT_TYPES: readonly EmploymentType[] = ["employee", "contractor"];

/** The department a row counts toward when it names none. */
export const DEFAULT_DEPARTMENT = "AI";

/** What a hire row and a team row share: who, where, how much of a person, and what they cost. */
interface PersonInput {
  /** A role the seeds know; any text when salary (or, for a contractor, monthlyRate) is given. */
  role: string;
  /** Needed to price from the seeds; may be left out when salary or monthlyRate is given. */
  level?: string | number;
  location?: string;
  count?: number;
  /** Annual full-time salary in USD; an FTE below 1 scales it. */
  salary?: number;
  /** The last month employed (inclusive); blank: to the horizon. */
  endMonth?: number;
  /** 0 < fte ≤ 1 (default 1): pay, taxes, benefits, bonus and equity scale with it. */
  fte?: number;
  type?: EmploymentType;
  /** A contractor's cost a month in USD, on the Contractors line. */
  monthlyRate?: number;
  /** Default "AI". */
  department?: string;
  /** Override the plan's bonusRate / equityRate (a contractor has none unless given). */
  bonusRate?: number;
  equityRate?: number;
  recruitingCost?: number;
  channel?: string;
}

/** A hire row as given (API JSON or a sheet row after coercion). */
export interface HireInput extends PersonInput {
  startMonth: number;
  /** Months this hire may start late: a number (0 to n) or a range; overrides the plan's. */
  slipMonths?: SlipInput;
}

/**
 * A row of the people already employed: paid from month 1, counted in headcount, run-rate and
 * ratio checks, never charged recruiting (a recruitingCost or channel given prices its backfill).
 */
export type TeamInput = PersonInput;

export interface UpskillingInput {
  path: string;
  people: number;
  startMonth: number;
  costPerPerson?: number;
  /** Default "AI". */
  department?: string;
}

/**
 * A plan as given: its assumptions (one per row of PLAN_ASSUMPTIONS, each optional), its hires,
 * the team it starts with and its upskilling. slipMonths (per-hire ones override it) is used only
 * by runPlanRange: a plan is costed as scheduled.
 */
export interface PlanInput extends PlanAssumptionsInput {
  hires: HireInput[];
  team?: TeamInput[];
  upskilling?: UpskillingInput[];
}

/** A checked row, hire or team: everything the cost curve needs, with where each figure came from. */
export interface ResolvedPerson {
  role: string;
  /** null where a salary was given and no level. */
  level: string | null;
  location: string;
  category: RoleCategory;
  /** For a role the seeds do not list: how its category (for the ratio checks) was read from its name. */
  categoryMethod?: string;
  type: EmploymentType;
  /** True for a team row: employed before the plan starts. */
  existing: boolean;
  count: number;
  fte: number;
  department: string;
  startMonth: number;
  endMonth: number | null;
  /** Year-one annual full-time salary of one person, in cents (0 for a contractor). */
  annualSalary: Cents;
  salarySource: { provenance: Provenance | "input"; method: string; sources: Source[] };
  /** A contractor's cost a month, in cents; null for an employee. */
  monthlyRate: Cents | null;
  bonusRate: number;
  equityRate: number;
  /** Recruiting cost of one person, in cents: charged in a hire's start month; prices backfill. */
  recruitingPerPerson: Cents;
  recruitingSource: { method: string; sources: Source[] };
}

export interface ResolvedHire extends ResolvedPerson {
  /** How many months late this hire may start (0–0 unless a slip was given). */
  slip: Slip;
}

export type ResolvedTeamMember = ResolvedPerson;

export interface ResolvedUpskilling {
  path: string;
  people: number;
  startMonth: number;
  costPerPerson: Cents;
  costSource: { method: string; sources: Source[] };
  department: string;
}

/** A checked plan: every assumption's value (defaults filled in) and the resolved rows. */
export interface NormalizedPlan extends PlanAssumptionValues {
  hires: ResolvedHire[];
  team: ResolvedTeamMember[];
  upskilling: ResolvedUpskilling[];
}

/** A plan's cost lines, in the order every table shows them; `total` is their sum. */
export const COST_LINES = [
  "payroll",
  "benefits",
  "taxes",
  "bonus",
  "equity",
  "contractors",
  "recruiting",
  "backfill",
  "upskilling",
] as const;
export type CostLine = (typeof COST_LINES)[number];
export type PlanTotals = Record<CostLine | "total", Cents>;

export interface PlanMonth extends PlanTotals {
  month: number;
  label: string;
  /** People employed (the existing team, hires and contractors). */
  headcount: number;
  /** Their full-time equivalents. */
  fte: number;
  cumulative: Cents;
}

export interface PlanYear extends PlanTotals {
  /** 1 for the plan's first year (a fiscal year may be partial). */
  year: number;
  /** "Year 1", or "FY2027" for a fiscal year (the calendar year it ends in). */
  label: string;
  /** How many plan months the year holds. */
  months: number;
  endHeadcount: number;
  endFte: number;
  /** Sum of the annual salaries (× FTE) of the employees at the year's last month. */
  runRate: Cents;
}

/** One department's share of the plan: its years and totals add up to the plan's. */
export interface PlanDepartment {
  department: string;
  years: PlanYear[];
  totals: PlanTotals;
}

export interface PlanWarning {
  code: string;
  message: string;
  months?: number[];
  source?: Source;
}

export interface PlanResult {
  currency: "USD";
  horizonMonths: number;
  startDate: string | null;
  assumptions: PlanAssumptionsShown & { notes: string[] };
  /** The cost lines this plan can have (the others are 0 throughout): what its tables show. */
  costLines: CostLine[];
  hires: ResolvedHire[];
  team: ResolvedTeamMember[];
  upskilling: ResolvedUpskilling[];
  months: PlanMonth[];
  years: PlanYear[];
  totals: PlanTotals;
  departments: PlanDepartment[];
  warnings: PlanWarning[];
}
