import {
  BASE_SALARIES,
  EQUITY_SHARES,
  LOCATION_SALARIES,
  MARKET_SALARIES,
  ROLE_WIDE_RANGES,
  SALARY_NOTES,
  TOTAL_COMPENSATION,
  BASES,
} from "./data/salaries.js";
import {
  BUILD_OUT,
  CAREER_TRANSITIONS,
  DECISION_GUIDE,
  DEFAULT_RECRUITING_COST,
  DEFAULT_UPSKILLING_COST,
  HIRING_PHASES,
  ONBOARDING,
  PHASE_1_INTERVIEW_FOCUS,
  RECRUITING_CHANNELS,
  TEAM_RATIO_RULES,
  TRAINING_TIMELINE,
  UPSKILLING_COSTS,
} from "./data/hiring.js";
import {
  GENERAL_INTERVIEW,
  GENERAL_SOURCING,
  HIRING_PRINCIPLES,
  ROLE_PROFILES,
  type RoleProfile,
} from "./data/profiles.js";
import { LEVELS, LOCATIONS, ROLES, type Role } from "./data/roles.js";
import { SEED_FILES } from "./data/sources.js";
import { contentHash, stableStringify } from "./hash.js";
import { PlannerError } from "./errors.js";
import { resolveRole } from "./names.js";
import { GBP_PER_USD, GBP_PER_USD_METHOD, LOCATION_FACTORS, availableFor } from "./salary.js";
import { PLAN_TEMPLATES, MONTH_WINDOW_RULE } from "./templates.js";
import { upskillingPaths } from "./upskilling.js";

/** Bumped by hand whenever the seed facts or how they are read change. */
export const DATASET_VERSION = "2026.1.0";

function levelsWithData(role: Role) {
  const out: Record<string, string[]> = {};
  for (const basis of BASES) {
    const table =
      basis === "base" ? BASE_SALARIES : basis === "total" ? TOTAL_COMPENSATION : MARKET_SALARIES;
    out[basis] = LEVELS.filter((l) =>
      table.some((r) => r.role === role.id && r.level === l.id),
    ).map((l) => l.name);
  }
  return out;
}

export interface RoleSummary {
  id: string;
  name: string;
  category: Role["category"];
  aliases: string[];
  levelsWithData: Record<string, string[]>;
  hasProfile: boolean;
  available: string[];
}

export function listRoles(): RoleSummary[] {
  return ROLES.map((r) => ({
    id: r.id,
    name: r.name,
    category: r.category,
    aliases: [...r.aliases],
    levelsWithData: levelsWithData(r),
    hasProfile: ROLE_PROFILES.some((p) => p.role === r.id),
    available: availableFor(r),
  }));
}

export function listLevels() {
  return LEVELS.map((l) => ({
    id: l.id,
    name: l.name,
    minYears: l.minYears,
    maxYears: l.maxYears,
    aliases: [...l.aliases],
    descriptions: l.descriptions,
  }));
}

export function listLocations() {
  return LOCATIONS.map((l) => {
    const f = LOCATION_FACTORS.get(l.id);
    return {
      id: l.id,
      name: l.name,
      currency: l.currency,
      costOfLivingIndex: l.costOfLivingIndex,
      aliases: [...l.aliases],
      factor: f
        ? { byRole: { ...f.byRole }, average: f.average, method: f.method }
        : { byRole: {}, average: 1, method: "the seeds' national US figures" },
      source: l.source,
    };
  });
}

export function listChannels() {
  return RECRUITING_CHANNELS.map((c) => ({ ...c }));
}

export interface RoleProfileView extends Omit<RoleProfile, "role"> {
  role: string;
  roleId: string;
  category: Role["category"];
  salaryData: string[];
  generalInterview: typeof GENERAL_INTERVIEW;
  generalSourcing: typeof GENERAL_SOURCING;
}

export function roleProfile(name: unknown, field = "role"): RoleProfileView {
  const role = resolveRole(name, field);
  const profile = ROLE_PROFILES.find((p) => p.role === role.id);
  if (!profile)
    throw new PlannerError("NO_DATA", `The seeds hold no profile for ${role.name}.`, {
      field,
      available: ROLE_PROFILES.map((p) => ROLES.find((r) => r.id === p.role)!.name),
    });
  return {
    ...profile,
    role: role.name,
    roleId: role.id,
    category: role.category,
    salaryData: availableFor(role),
    generalInterview: GENERAL_INTERVIEW,
    generalSourcing: GENERAL_SOURCING,
  };
}

function buildDatasetBody() {
  return {
    seeds: Object.values(SEED_FILES),
    roles: listRoles(),
    levels: listLevels(),
    locations: listLocations(),
    salaries: {
      base: BASE_SALARIES,
      total: TOTAL_COMPENSATION,
      market: MARKET_SALARIES,
      byLocation: LOCATION_SALARIES,
      roleWide: ROLE_WIDE_RANGES,
      notes: SALARY_NOTES,
    },
    currency: { gbpPerUsd: GBP_PER_USD, method: GBP_PER_USD_METHOD },
    equityShares: EQUITY_SHARES,
    teamRatios: TEAM_RATIO_RULES,
    hiringPhases: HIRING_PHASES,
    phase1InterviewFocus: PHASE_1_INTERVIEW_FOCUS,
    decisionGuide: DECISION_GUIDE,
    recruitingChannels: RECRUITING_CHANNELS,
    defaults: {
      recruitingPerHire: DEFAULT_RECRUITING_COST,
      upskillingPerPerson: DEFAULT_UPSKILLING_COST,
    },
    buildOut: { ...BUILD_OUT, monthWindowRule: MONTH_WINDOW_RULE },
    planTemplates: PLAN_TEMPLATES,
    upskillingPaths: upskillingPaths(),
    upskillingCosts: UPSKILLING_COSTS,
    trainingTimeline: TRAINING_TIMELINE,
    onboarding: ONBOARDING,
    careerTransitions: CAREER_TRANSITIONS,
    profiles: ROLE_PROFILES,
    guidance: {
      interview: GENERAL_INTERVIEW,
      sourcing: GENERAL_SOURCING,
      hiringPrinciples: HIRING_PRINCIPLES,
    },
  };
}

export type DatasetBody = ReturnType<typeof buildDatasetBody>;
export interface Dataset extends DatasetBody {
  version: string;
  hash: string;
}

let cached: Dataset | undefined;

/** The whole dataset with its version and a content hash of everything in it (computed once). */
export function dataset(): Dataset {
  if (!cached) {
    const body = buildDatasetBody();
    cached = { version: DATASET_VERSION, hash: contentHash(stableStringify(body)), ...body };
  }
  return cached;
}

export function datasetVersion(): { version: string; hash: string } {
  const d = dataset();
  return { version: d.version, hash: d.hash };
}
