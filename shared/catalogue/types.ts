import type { SheetArg, SheetResult } from "../sheet-values.js";
import type { SalaryOptions } from "../salary.js";
import type { PlanResultUnits } from "../units.js";
import type { WorkEstimate } from "../work-budget.js";
import type { ArgSpec } from "./args.js";

export type Category = "Salary" | "Team" | "Plan" | "Upskilling" | "Reference" | "Models";
export const CATEGORIES: readonly Category[] = [
  "Salary",
  "Team",
  "Plan",
  "Upskilling",
  "Reference",
  "Models",
];

export type ReturnKind = "number" | "text" | "row" | "column" | "table";

/** A shared model's result by id or share token; supplied by the add-on or the API (they do the I/O). */
export type ModelResolver = (idOrToken: string) => {
  name: string;
  version: number;
  result: PlanResultUnits;
};

/** What a function computes with besides the seeds: the workspace's data (bands, levels, locations, FX) and its models. */
export interface FunctionContext extends SalaryOptions {
  models?: ModelResolver;
  /** Work units one call may cost: WORK_BUDGET unless given (the add-on gives SHEET_WORK_BUDGET). */
  workBudget?: number;
}

/** The named, typed values a function's `run` receives: one property per declared argument. */
export type ArgValues<A extends readonly ArgSpec[]> = {
  readonly [S in A[number] as S["name"]]: S extends ArgSpec<infer T, string> ? T : never;
};

interface EntryFields {
  name: string;
  category: Category;
  summary: string;
  returns: { kind: ReturnKind; help: string };
  /** The example as Sheets passes it (the README table runs it) and, if the ranges need it, as typed. */
  example: { args: SheetArg[]; formula?: string };
  /** Reads data over the network (shared models): the add-on fetches, the API reads its store. */
  network?: boolean;
}

/** A function as its module declares it: `run` takes one object of the arguments' typed values. */
export interface FunctionDefinition<A extends readonly ArgSpec[]> extends EntryFields {
  args: A;
  run(args: ArgValues<A>, ctx: FunctionContext): SheetResult;
  /**
   * What one call costs, from its typed arguments, before it runs (shared/work-budget.ts): for
   * functions that run an engine, whose cost grows with their input.
   */
  work?(args: ArgValues<A>): WorkEstimate;
  /**
   * Otherwise, work units per call (per non-blank cell when mapped), measured for the function
   * (WORK_COSTS.lookup for name look-ups); WORK_COSTS.call when left out.
   */
  cost?: number;
}

/** A catalogue entry as the engine, the API, the add-on build and the docs see it. */
export interface CatalogueEntry extends EntryFields {
  args: readonly ArgSpec[];
  run(args: Readonly<Record<string, unknown>>, ctx: FunctionContext): SheetResult;
  work?(args: Readonly<Record<string, unknown>>): WorkEstimate;
  cost?: number;
}

/** Declares a function; its `run` is typed by its argument specs. */
export function defineFunction<const A extends readonly ArgSpec[]>(
  definition: FunctionDefinition<A>,
): CatalogueEntry {
  return definition as unknown as CatalogueEntry;
}
