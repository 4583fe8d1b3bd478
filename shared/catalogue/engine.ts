/**
 * Calls catalogue functions exactly as a sheet would: finds the entry, coerces every argument
 * from its spec into one object of named, typed values, and maps a range over the function where
 * the spec opts in. The API's /v1/functions and /v1/batch and the add-on's custom functions all
 * call through here.
 */
import { PlannerError, invalid } from "../errors.js";
import { limitSuggestions, MAX_FRESH_SUGGESTIONS, NameIndex } from "../names.js";
import {
  cellOf,
  isBlank,
  isRange,
  type Cell,
  type SheetArg,
  type SheetResult,
} from "../sheet-values.js";
import type { ArgSpec } from "./args.js";
import { CATALOGUE } from "./registry.js";
import type { CatalogueEntry, FunctionContext } from "./types.js";
import { WORK_BUDGET, callWork, checkWork, type WorkEstimate } from "../work-budget.js";

export const ERROR_PREFIX = "Error: ";

const byName = new Map(CATALOGUE.map((e) => [e.name, e]));
const functionIndex = new NameIndex<CatalogueEntry>(
  "function",
  "UNKNOWN_FUNCTION",
  CATALOGUE,
  (e) => e.name,
  (e) => [e.name.replace(/^AI_/, "")],
);

export function findFunction(name: unknown): CatalogueEntry {
  const key = typeof name === "string" ? name.trim().toUpperCase() : "";
  const hit = byName.get(key);
  if (hit) return hit;
  return functionIndex.resolve(typeof name === "string" ? name : String(name), "fn");
}

/** The formula a person would type for an entry's example. */
export function exampleFormula(entry: CatalogueEntry): string {
  if (entry.example.formula) return entry.example.formula;
  const args = entry.example.args.map((v) =>
    typeof v === "string" ? JSON.stringify(v) : String(v),
  );
  return `=${entry.name}(${args.join(", ")})`;
}

/** "role, level, [location]": how a signature reads. */
export function signature(entry: CatalogueEntry): string {
  return `${entry.name}(${entry.args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join(", ")})`;
}

function isBlankArg(v: SheetArg): boolean {
  return v === undefined || (!isRange(v) && isBlank(v));
}

/** One argument's typed value: its default when blank, else parsed from its cell (or range). */
export function coerceArg<T>(spec: ArgSpec<T>, value: SheetArg): T {
  if (isBlankArg(value)) {
    if (!spec.optional) throw invalid(spec.name, `is required: ${spec.help}`);
    return spec.fallback as T;
  }
  if (spec.range) return spec.parse(value, spec.name);
  const single = cellOf(value, spec.name);
  if (isBlank(single)) {
    if (!spec.optional) throw invalid(spec.name, `is required: ${spec.help}`);
    return spec.fallback as T;
  }
  return spec.parse(single, spec.name);
}

/** A call whose arguments are checked and whose cost is known, not yet run. */
export interface PreparedCall {
  readonly entry: CatalogueEntry;
  /** What running it costs (shared/work-budget.ts): known before anything is computed. */
  readonly work: WorkEstimate;
  evaluate(ctx: FunctionContext): SheetResult;
}

/**
 * Finds the function and coerces its arguments, so a bad argument fails here and the call's cost
 * is known before it runs: the function's own estimate from its typed arguments, or a lookup's
 * cost (per non-blank cell of a mapped range). /v1/batch prices every call this way first.
 */
export function prepareCall(
  name: unknown,
  args: readonly SheetArg[],
  budget = WORK_BUDGET,
): PreparedCall {
  const entry = findFunction(name);
  if (!Array.isArray(args)) throw invalid("args", "must be a list of arguments");
  if (args.length > entry.args.length) {
    throw invalid(
      "args",
      `${entry.name} takes at most ${entry.args.length} argument${entry.args.length === 1 ? "" : "s"} (${entry.args.map((a) => a.name).join(", ") || "none"}), got ${args.length}`,
    );
  }
  const values = entry.args.map((_, i) => normalizeArg(args[i]));
  const mapped = entry.args.map(
    (spec, i) => spec.map && isRange(values[i]) && cellCount(values[i] as Cell[][]) > 1,
  );
  if (!mapped.some(Boolean)) {
    const typed = named(entry, values);
    return {
      entry,
      work: entry.work?.(typed) ?? callWork(entry.name, 1, budget, entry.cost),
      evaluate: (ctx) => entry.run(typed, ctx),
    };
  }
  const shape = mappedShape(entry, values, mapped);
  // The arguments that are not mapped are the same for every cell: coerced once, up front.
  const fixed = entry.args.map((spec, i) => (mapped[i] ? undefined : coerceArg(spec, values[i])));
  return {
    entry,
    work: callWork(entry.name, shape.filled.length, budget, entry.cost),
    evaluate: (ctx) => invokeMapped(entry, values, mapped, fixed, shape, ctx),
  };
}

/**
 * Calls a catalogue function exactly as a sheet would. A range given for a mapped argument is
 * mapped cell by cell, so one formula fills a whole column: the result has the range's shape
 * (a row-returning function gives one row per input row). In a mapped call a bad cell becomes
 * "Error: …" in its own place rather than failing the others; a single call throws. A call that
 * would cost more than the budget (ctx.workBudget, else WORK_BUDGET) is refused before it runs.
 */
export function invokeFunction(
  name: unknown,
  args: readonly SheetArg[],
  ctx: FunctionContext = {},
): SheetResult {
  const budget = ctx.workBudget ?? WORK_BUDGET;
  const call = prepareCall(name, args, budget);
  checkWork(call.work, budget);
  return limitSuggestions(MAX_FRESH_SUGGESTIONS, () => call.evaluate(ctx));
}

/** The object `run` receives: each argument's typed value under its name (a new one per call). */
function named(
  entry: CatalogueEntry,
  values: readonly SheetArg[],
): Readonly<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  entry.args.forEach((spec, i) => {
    out[spec.name] = coerceArg(spec, values[i]);
  });
  return out;
}

function normalizeArg(v: unknown): SheetArg {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) {
    if (!v.every(Array.isArray)) return [v as Cell[]];
    return v as Cell[][];
  }
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date)
    return v;
  throw invalid(
    "args",
    `arguments must be text, numbers, booleans or ranges (rows of cells), got ${typeof v}`,
  );
}

function cellCount(r: Cell[][]): number {
  return r.reduce((s, row) => s + row.length, 0);
}

interface MappedShape {
  rows: number;
  cols: number;
  /** The [row, column] of every position where some mapped argument has a value. */
  filled: [number, number][];
}

/** The common shape of the mapped ranges (they must agree) and the positions that will be computed. */
function mappedShape(entry: CatalogueEntry, values: SheetArg[], mapped: boolean[]): MappedShape {
  let rows = 0;
  let cols = 0;
  values.forEach((v, i) => {
    if (!mapped[i]) return;
    const r = v as Cell[][];
    const width = r[0]?.length ?? 0;
    if (r.some((row) => row.length !== width))
      throw invalid(entry.args[i]!.name, "range rows must all be the same length");
    if (rows === 0) {
      rows = r.length;
      cols = width;
    } else if (r.length !== rows || width !== cols) {
      throw invalid(
        entry.args[i]!.name,
        `range is ${r.length}×${width} but the other range is ${rows}×${cols}; mapped ranges must be the same size`,
      );
    }
  });
  if (entry.returns.kind === "row" && cols !== 1)
    throw invalid(
      entry.args[mapped.indexOf(true)]!.name,
      `${entry.name} returns a row per input, so give it a single column of inputs`,
    );
  const filled: [number, number][] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      if (entry.args.some((_, i) => mapped[i] && !isBlank((values[i] as Cell[][])[r]![c])))
        filled.push([r, c]);
  return { rows, cols, filled };
}

function invokeMapped(
  entry: CatalogueEntry,
  values: SheetArg[],
  mapped: boolean[],
  fixed: unknown[],
  { rows, cols }: MappedShape,
  ctx: FunctionContext,
): SheetResult {
  const rowResult = entry.returns.kind === "row";
  const out: (string | number | boolean)[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: (string | number | boolean)[] = [];
    for (let c = 0; c < cols; c++) {
      if (entry.args.every((_, i) => !mapped[i] || isBlank((values[i] as Cell[][])[r]![c]))) {
        // A wholly blank input row (e.g. the unused tail of A2:A) gives a blank result, not an error.
        if (rowResult) out.push([]);
        else line.push("");
        continue;
      }
      try {
        const args: Record<string, unknown> = {};
        entry.args.forEach((spec, i) => {
          args[spec.name] = mapped[i] ? coerceArg(spec, (values[i] as Cell[][])[r]![c]) : fixed[i];
        });
        const value = entry.run(args, ctx);
        if (rowResult) out.push((value as (string | number | boolean)[][])[0]!);
        else line.push(value as string | number | boolean);
      } catch (e) {
        if (!(e instanceof PlannerError)) throw e;
        if (rowResult) out.push([ERROR_PREFIX + e.message]);
        else line.push(ERROR_PREFIX + e.message);
      }
    }
    if (!rowResult) out.push(line);
  }
  if (rowResult) {
    const width = Math.max(1, ...out.map((r) => r.length));
    return out.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
  }
  return out;
}
