/**
 * Argument specs: what a function's argument is, typed. The engine coerces every argument from
 * its spec before `run` sees it, so a function never re-parses a cell; errors name the argument
 * (its label) and say what to enter. Mapping a range over a function is opt-in (`map: true`).
 */
import { readAssumptionsBlock, assumptionsHelp } from "../assumptions-block.js";
import { invalid } from "../errors.js";
import { resolveChoice } from "../names.js";
import { checkNumber } from "../check-number.js";
import { ASSUMPTION_KEYS, type AssumptionKey } from "../plan-assumptions.js";
import type { PlanAssumptionsInput } from "../plan-assumptions.js";
import { toMonth, toNumber, toText, type Cell, type SheetArg } from "../sheet-values.js";

/**
 * text, number, integer, percent (a share: 25% or 0.25), month ("YYYY-MM" or a date), level (a
 * name or years of experience), choice (one of a fixed set of words), table (a range whose first
 * row names its columns), assumptions (a label | value block).
 */
export type ArgType =
  | "text"
  | "number"
  | "integer"
  | "percent"
  | "month"
  | "level"
  | "choice"
  | "table"
  | "assumptions";

export interface ArgSpec<T = unknown, N extends string = string> {
  /** The parameter's name in the signature, JSDoc and errors: snake_case. */
  readonly name: N;
  readonly type: ArgType;
  readonly help: string;
  /** May be blank or left out; `run` then gets `fallback` (undefined unless a default is declared). */
  readonly optional: boolean;
  readonly fallback?: T;
  /** How the default reads in help text, e.g. "US" or "24". */
  readonly defaultText?: string;
  /** A range given here maps the function over its cells, one result per cell (opt-in). */
  readonly map: boolean;
  /** Takes a whole range (a table or a block) rather than one cell. */
  readonly range: boolean;
  /** For choices: the words it accepts. */
  readonly choices?: readonly string[];
  /** The typed value from a non-blank cell (or range, for range arguments); throws naming `label`. */
  parse(value: SheetArg, label: string): T;
}

export interface ArgOptions<T> {
  /** May be blank; `run` gets undefined (or `default`). */
  optional?: boolean;
  /** The value a blank gives (makes the argument optional). */
  default?: T;
  defaultText?: string;
  map?: boolean;
}

/** No options given: a required argument. */
type NoOptions = Record<never, never>;

/** The type `run` sees: T, or T | undefined for an optional argument without a default. */
type Out<T, O> = O extends { default: unknown }
  ? T
  : O extends { optional: true }
    ? T | undefined
    : T;

function spec<T, N extends string, O extends ArgOptions<T>>(
  name: N,
  type: ArgType,
  help: string,
  opts: O | undefined,
  parse: (value: SheetArg, label: string) => T,
  extra: { range?: boolean; choices?: readonly string[] } = {},
): ArgSpec<Out<T, O>, N> {
  const o: ArgOptions<T> = opts ?? {};
  const hasDefault = "default" in o;
  const built: ArgSpec<T, N> = {
    name,
    type,
    help,
    optional: o.optional === true || hasDefault,
    ...(hasDefault ? { fallback: o.default } : {}),
    ...(o.defaultText !== undefined
      ? { defaultText: o.defaultText }
      : hasDefault
        ? { defaultText: String(o.default) }
        : {}),
    map: o.map === true,
    range: extra.range === true,
    ...(extra.choices ? { choices: extra.choices } : {}),
    parse,
  };
  // Without a default an optional argument is T | undefined; the type says so, the value is the same.
  return built as unknown as ArgSpec<Out<T, O>, N>;
}

const cell = (v: SheetArg) => v as Cell;

interface Limits {
  min?: number;
  max?: number;
}

function within(n: number, label: string, { min, max }: Limits, whole: boolean): number {
  return checkNumber(n, label, { min, max, integer: whole });
}

export function text<const N extends string, const O extends ArgOptions<string> = NoOptions>(
  name: N,
  help: string,
  opts?: O,
) {
  return spec(name, "text", help, opts, (v, label) => toText(cell(v), label));
}

/** A number: 24, "24", "25%" (0.25), "$160,000", "160K". */
export function number<
  const N extends string,
  const O extends ArgOptions<number> & Limits = NoOptions,
>(name: N, help: string, opts?: O) {
  return spec(name, "number", help, opts, (v, label) =>
    within(toNumber(cell(v), label), label, opts ?? {}, false),
  );
}

export function integer<
  const N extends string,
  const O extends ArgOptions<number> & Limits = NoOptions,
>(name: N, help: string, opts?: O) {
  return spec(name, "integer", help, opts, (v, label) =>
    within(toNumber(cell(v), label), label, opts ?? {}, true),
  );
}

/** A share: a cell formatted as 25% (0.25), the text "25%", or 0.25. A bare 25 asks "did you mean 25%?". */
export function percent<
  const N extends string,
  const O extends ArgOptions<number> & Limits = NoOptions,
>(name: N, help: string, opts?: O) {
  const limits = { min: opts?.min ?? 0, max: opts?.max ?? 1 };
  return spec(name, "percent", help, opts, (v, label) => {
    return checkNumber(toNumber(cell(v), label), label, { ...limits, share: "sheet" });
  });
}

/** A calendar month "YYYY-MM" from a date cell or text such as "2027-01". */
export function month<const N extends string, const O extends ArgOptions<string> = NoOptions>(
  name: N,
  help: string,
  opts?: O,
) {
  return spec(name, "month", help, opts, (v, label) => toMonth(cell(v), label)!);
}

/** A level by name ("Mid", "Sr") or years of experience (a number): resolved by the core. */
export function levelOrYears<
  const N extends string,
  const O extends ArgOptions<string | number> = NoOptions,
>(name: N, help: string, opts?: O) {
  return spec(name, "level", help, opts, (v, label): string | number => {
    const c = cell(v);
    if (typeof c === "number") return c;
    if (typeof c === "string") return c.trim();
    throw invalid(
      label,
      `expects a level (Entry, Mid, Senior) or years of experience, got ${c instanceof Date ? "a date" : JSON.stringify(c)}`,
    );
  });
}

/** One of a fixed set of words, matched like every name (case, spacing and punctuation ignored). */
export function choice<
  const N extends string,
  const C extends string,
  const O extends ArgOptions<C> = NoOptions,
>(name: N, help: string, choices: readonly C[], opts?: O) {
  return spec(
    name,
    "choice",
    help,
    opts,
    (v, label) => resolveChoice<C>(toText(cell(v), label), choices, label),
    { choices },
  );
}

/** A range whose first row names its columns, read by `read` (hires, upskilling, scenarios, …). */
export function table<const N extends string, T, const O extends ArgOptions<T> = NoOptions>(
  name: N,
  help: string,
  read: (range: SheetArg, label: string) => T,
  opts?: O,
) {
  return spec(name, "table", help, opts, read, { range: true });
}

/**
 * A plan's assumptions block: label | value rows in the API's names (blank: the defaults).
 * `accepts` limits the labels to those the function uses; `what` names it in the error.
 */
export function assumptions<const N extends string>(
  name: N,
  {
    accepts = ASSUMPTION_KEYS,
    what = "this function",
    defaults = {},
  }: {
    accepts?: readonly AssumptionKey[];
    what?: string;
    /** Where this function's defaults differ from the plan's (as help text). */
    defaults?: Partial<Record<AssumptionKey, string>>;
  } = {},
) {
  return spec(
    name,
    "assumptions",
    assumptionsHelp(accepts, defaults),
    { default: Object.freeze({}) as PlanAssumptionsInput, defaultText: "the defaults" },
    (v, label) => readAssumptionsBlock(v, label, accepts, what),
    { range: true },
  );
}
