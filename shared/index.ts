/** The pure planning core: no I/O, no runtime globals; runs in Workers, Node and Apps Script alike. */
export * from "./errors.js";
export * from "./check-number.js";
export * from "./recruiting.js";
export * from "./money.js";
export * from "./hash.js";
export * from "./names.js";
export * from "./salary.js";
export * from "./workspace-data.js";
export * from "./team.js";
export * from "./plan.js";
export * from "./plan-calendar.js";
export * from "./cost-curve.js";
export * from "./plan-people.js";
export * from "./templates.js";
export * from "./plan-range.js";
export * from "./plan-compare.js";
export * from "./hire-vs-upskill.js";
export * from "./work-budget.js";
export * from "./upskilling.js";
export * from "./dataset.js";
export * from "./sheet-values.js";
export * from "./catalogue/index.js";
export * from "./plan-assumptions.js";
export * from "./assumptions-block.js";
export * from "./scenario-columns.js";
export * from "./units.js";
export { SEED_FILES, type Source } from "./data/sources.js";
export {
  LEVELS,
  LOCATIONS,
  ROLES,
  type Level,
  type Location,
  type Role,
  type RoleCategory,
} from "./data/roles.js";
export { BASES, type Basis, type Currency } from "./data/salaries.js";
export { RECRUITING_CHANNELS, UPSKILLING_PATHS, CAREER_TRANSITIONS } from "./data/hiring.js";
