/**
 * The one catalogue of spreadsheet functions: a typed registry. Each category module declares its
 * functions (named arguments with types, defaults and help; `run` takes their typed values); the
 * engine coerces and maps arguments. The API's /v1/functions and /v1/batch, the add-on's custom
 * functions (with their @customfunction JSDoc), its sidebar and the README table are all
 * generated from CATALOGUE, so they cannot drift apart.
 */
export { CATALOGUE } from "./registry.js";
export {
  ERROR_PREFIX,
  coerceArg,
  exampleFormula,
  findFunction,
  invokeFunction,
  prepareCall,
  signature,
  type PreparedCall,
} from "./engine.js";
export * as args from "./args.js";
export type { ArgSpec, ArgType } from "./args.js";
export {
  CATEGORIES,
  defineFunction,
  type CatalogueEntry,
  type Category,
  type FunctionContext,
  type ModelResolver,
  type ReturnKind,
} from "./types.js";
export {
  COST_LINE_HEADERS,
  PLAN_COMPONENTS,
  departmentsTable,
  monthsTable,
  shownLines,
  yearsTable,
  type PlanComponent,
} from "./tables.js";
export {
  EXAMPLE_ASSUMPTIONS,
  EXAMPLE_HIRES,
  planInput,
  planInputFromRanges,
  type PlanRangeLabels,
} from "./plan.js";
