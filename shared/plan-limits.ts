/** A plan's size limits; those of its assumptions come from their rows (shared/plan-assumptions.ts). */
import { assumptionSpec } from "./plan-assumptions.js";
import { MAX_RECRUITING_COST } from "./recruiting.js";

export const PLAN_LIMITS = {
  maxHorizonMonths: assumptionSpec("horizonMonths").max!,
  defaultHorizonMonths: 24,
  maxHireRows: 5000,
  maxTeamRows: 5000,
  /** People in a plan: the existing team and the hires together. */
  maxPeople: 10000,
  maxSalary: 5_000_000,
  maxMonthlyRate: 500_000,
  maxRecruitingCost: MAX_RECRUITING_COST,
  maxUpskillingRows: 1000,
  maxCostPerPerson: 1_000_000,
  maxBenefitsRate: assumptionSpec("benefitsRate").max!,
  maxAnnualRaise: assumptionSpec("annualRaise").max!,
  maxSlipMonths: assumptionSpec("slipMonths").max!,
  maxBonusRate: assumptionSpec("bonusRate").max!,
  maxEquityRate: assumptionSpec("equityRate").max!,
  maxTextLength: 100,
  maxDepartmentLength: 60,
};
