import { checkNumber } from "./check-number.js";
import { invalid } from "./errors.js";
import { TEAM_RATIO_RULES } from "./data/hiring.js";
import type { Source } from "./data/sources.js";

const R = TEAM_RATIO_RULES;

export interface TeamComposition {
  projects: number;
  projectsPerEngineer: number;
  engineers: number;
  dataPeople: number;
  productManagers: number;
  managers: number;
  total: number;
  rules: { rule: string; formula: string; value: number; source: Source }[];
}

/** A whole number of people or projects (the core's one number check, whole and within limits). */
export function checkCount(
  value: unknown,
  field: string,
  { min = 0, max = 1_000_000 } = {},
): number {
  return checkNumber(value, field, { integer: true, min, max });
}

export function checkProjectsPerEngineer(value: unknown, field = "projectsPerEngineer"): 3 | 4 {
  const n = value === undefined ? R.engineersPerProjects.minProjectsPerEngineer : value;
  if (n !== 3 && n !== 4)
    throw invalid(
      field,
      `must be 3 or 4 (the seed's "one engineer per 3-4 projects"), got ${JSON.stringify(value)}`,
    );
  return n;
}

/** Engineers for a number of projects: ceil(projects ÷ projects per engineer). */
export function engineersFor(projects: number, projectsPerEngineer: unknown = 3): number {
  checkCount(projects, "projects");
  return Math.ceil(projects / checkProjectsPerEngineer(projectsPerEngineer));
}

/** Data people for a number of engineers: one per 2 engineers, floor(engineers ÷ 2). */
export function dataPeopleFor(engineers: number): number {
  return Math.floor(checkCount(engineers, "engineers") / R.dataPeoplePerEngineers.engineers);
}

/** Product managers for a number of engineers: one per 5 engineers, floor(engineers ÷ 5). */
export function productManagersFor(engineers: number): number {
  return Math.floor(checkCount(engineers, "engineers") / R.pmPerEngineers.engineers);
}

/** A manager once the team (everyone else) reaches 6 people. */
export function managersFor(teamSize: number): number {
  return checkCount(teamSize, "teamSize") >= R.managerAtTeamSize.teamSize ? 1 : 0;
}

export function recommendTeam(projects: number, projectsPerEngineer: unknown = 3): TeamComposition {
  const ppe = checkProjectsPerEngineer(projectsPerEngineer);
  const engineers = engineersFor(projects, ppe);
  const dataPeople = dataPeopleFor(engineers);
  const productManagers = productManagersFor(engineers);
  const managers = managersFor(engineers + dataPeople + productManagers);
  return {
    projects,
    projectsPerEngineer: ppe,
    engineers,
    dataPeople,
    productManagers,
    managers,
    total: engineers + dataPeople + productManagers + managers,
    rules: [
      {
        rule: R.engineersPerProjects.text,
        formula: `ceil(${projects} projects ÷ ${ppe})`,
        value: engineers,
        source: R.engineersPerProjects.source,
      },
      {
        rule: R.dataPeoplePerEngineers.text,
        formula: `floor(${engineers} engineers ÷ 2)`,
        value: dataPeople,
        source: R.dataPeoplePerEngineers.source,
      },
      {
        rule: R.pmPerEngineers.text,
        formula: `floor(${engineers} engineers ÷ 5)`,
        value: productManagers,
        source: R.pmPerEngineers.source,
      },
      {
        rule: R.managerAtTeamSize.text,
        formula: `${engineers + dataPeople + productManagers} people ≥ 6 ? 1 : 0`,
        value: managers,
        source: R.managerAtTeamSize.source,
      },
    ],
  };
}

export interface TeamCounts {
  engineers: number;
  dataPeople: number;
  productManagers: number;
  managers: number;
  /** Everyone else on the team (counts toward team size only). */
  others?: number;
  projects?: number;
}

export type RatioRuleId = "engineers" | "dataPeople" | "productManagers" | "managers";

export interface RatioBreach {
  rule: RatioRuleId;
  text: string;
  required: number;
  actual: number;
  message: string;
  source: Source;
}

/** The ratio rules a team breaks (too few of a kind for the rest of the team). */
export function checkTeam(team: TeamCounts, projectsPerEngineer: unknown = 3): RatioBreach[] {
  const e = checkCount(team.engineers, "engineers");
  const d = checkCount(team.dataPeople, "dataPeople");
  const p = checkCount(team.productManagers, "productManagers");
  const m = checkCount(team.managers, "managers");
  const others = checkCount(team.others ?? 0, "others");
  const breaches: RatioBreach[] = [];
  const add = (
    rule: RatioRuleId,
    text: string,
    required: number,
    actual: number,
    what: string,
    source: Source,
  ) => {
    if (actual < required)
      breaches.push({
        rule,
        text,
        required,
        actual,
        message: `${text}: needs ${required} ${what}, has ${actual}`,
        source,
      });
  };
  if (team.projects !== undefined) {
    add(
      "engineers",
      R.engineersPerProjects.text,
      engineersFor(checkCount(team.projects, "projects"), projectsPerEngineer),
      e,
      "engineer(s)",
      R.engineersPerProjects.source,
    );
  }
  add(
    "dataPeople",
    R.dataPeoplePerEngineers.text,
    dataPeopleFor(e),
    d,
    "data person(s)",
    R.dataPeoplePerEngineers.source,
  );
  add(
    "productManagers",
    R.pmPerEngineers.text,
    productManagersFor(e),
    p,
    "PM(s)",
    R.pmPerEngineers.source,
  );
  add(
    "managers",
    R.managerAtTeamSize.text,
    managersFor(e + d + p + others),
    m,
    "manager(s)",
    R.managerAtTeamSize.source,
  );
  return breaches;
}
