/**
 * The core's one check of a number from input — a JSON body field, a function argument after
 * coercion, a plan assumption, a team count: finite, whole where it must be, within its limits.
 * Every error names the field and says what to enter, worded the same way everywhere.
 */
import { invalid } from "./errors.js";

export interface NumberRule {
  min?: number;
  max?: number;
  /** The min itself is not allowed (an FTE is more than 0). */
  minExclusive?: boolean;
  integer?: boolean;
  /** What a whole number counts, for the message: "months" → "a whole number of months from 1 to 120". */
  unit?: string;
  /** Said after the limits, e.g. ' (or a range such as "0-2")' or " (0.1 = +10%)". */
  hint?: string;
  /**
   * A share (0.25 = 25%): a value outside the limits gets percentProblem's message, which spots a
   * percentage typed without its sign. "json" for a body field, "sheet" for a cell (where 25% is typed).
   */
  share?: "json" | "sheet";
}

const pct = (share: number) => `${Math.round(share * 100 * 10000) / 10000}%`;

/** "a whole number of months from 1 to 120", "more than 0 and at most 1", "at least 1". */
export function describeRule(rule: NumberRule): string {
  const { min, max, integer, unit, minExclusive } = rule;
  const what = integer ? `a whole number${unit ? ` of ${unit}` : ""} ` : "";
  if (min !== undefined && max !== undefined)
    return minExclusive
      ? `${what}more than ${min} and at most ${max}`
      : `${what}from ${min} to ${max}`;
  if (min !== undefined) return `${what}${minExclusive ? "more than" : "at least"} ${min}`;
  if (max !== undefined) return `${what}at most ${max}`;
  return integer ? `a whole number${unit ? ` of ${unit}` : ""}` : "a number";
}

/**
 * The message for a share outside its limits. A number like 25 for a rate whose limit is 200%
 * is almost always "25%" typed without the sign: say so, and what to enter instead.
 */
export function percentProblem(
  limits: { readonly min?: number; readonly max?: number },
  value: number,
  asShare: boolean,
): string {
  const max = limits.max ?? 1;
  const min = limits.min ?? 0;
  // A bare number of 1 or more above the limit is read as a percentage typed without its sign.
  const looksLikePercent = value >= 1 && value > max && value / 100 >= min && value / 100 <= max;
  const range = `must be a share from ${pct(min)} to ${pct(max)}`;
  if (looksLikePercent) {
    const share = Math.round(value * 10000) / 1000000;
    return asShare
      ? `${range} (0.25 means 25%), got ${value}, which would be ${pct(value)}: did you mean ${share} (${value}%)?`
      : `${value} means ${pct(value)}, above the ${pct(max)} limit: did you mean ${value}%? Enter ${value}% (or ${share})`;
  }
  return `${range}, got ${asShare ? value : pct(value)}`;
}

/** The value as a number, or an error naming `field` that says what it must be. */
export function checkNumber(value: unknown, field: string, rule: NumberRule = {}): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw invalid(field, `must be a number, got ${JSON.stringify(value) ?? String(value)}`);
  const { min, max } = rule;
  const below = min !== undefined && (rule.minExclusive ? value <= min : value < min);
  const above = max !== undefined && value > max;
  if ((below || above) && rule.share)
    throw invalid(field, percentProblem(rule, value, rule.share === "json"));
  const hint = rule.hint ?? "";
  if (rule.integer && !Number.isInteger(value))
    throw invalid(
      field,
      rule.unit || hint
        ? `must be ${describeRule(rule)}${hint}, got ${value}`
        : `must be a whole number, got ${value}`,
    );
  if (below || above) throw invalid(field, `must be ${describeRule(rule)}${hint}, got ${value}`);
  return value;
}

/** Like checkNumber, but blank (absent, null or "") gives `fallback`. */
export function checkOptionalNumber<F extends number | null | undefined>(
  value: unknown,
  field: string,
  fallback: F,
  rule: NumberRule = {},
): number | F {
  return value === undefined || value === null || value === ""
    ? fallback
    : checkNumber(value, field, rule);
}
