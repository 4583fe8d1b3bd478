import { MODEL_FUNCTIONS } from "./models.js";
import { PLAN_FUNCTIONS } from "./plan.js";
import { REFERENCE_FUNCTIONS } from "./reference.js";
import { SALARY_FUNCTIONS } from "./salary.js";
import { TEAM_FUNCTIONS } from "./team.js";
import type { CatalogueEntry } from "./types.js";
import { UPSKILLING_FUNCTIONS } from "./upskilling.js";

/** Every spreadsheet function, in the order the docs and the sidebar list them. */
export const CATALOGUE: readonly CatalogueEntry[] = [
  ...SALARY_FUNCTIONS,
  ...TEAM_FUNCTIONS,
  ...PLAN_FUNCTIONS,
  ...UPSKILLING_FUNCTIONS,
  ...REFERENCE_FUNCTIONS,
  ...MODEL_FUNCTIONS,
];
