/**
 * A sheet's assumptions block: the two-column label | value range finance people keep at the top
 * of a model ("Horizon months | 24", "Benefits rate | 25%", "Start date | 2027-01"). Read into the
 * API's plan-body names, so a block and a JSON body say the same thing; written back from a plan
 * input the same way (templates, pulling a shared model).
 */
import { checkNumber } from "./check-number.js";
import { invalid } from "./errors.js";
import { nameKey } from "./names.js";
import {
  ASSUMPTION_KEYS,
  MONTH_NAMES,
  PLAN_ASSUMPTIONS,
  calendarMonth,
  assumptionDefault,
  assumptionSpec,
  describeFieldLimits,
  resolveAssumptionLabel,
  wholeMonths,
  type AssumptionField,
  type AssumptionKey,
  type AssumptionSpec,
  type PlanAssumptionsInput,
} from "./plan-assumptions.js";
import { isBlank, isRange, toMonth, toNumber, type Cell, type SheetArg } from "./sheet-values.js";

// ---- one cell's value -----------------------------------------------------------------

const SLIP_TEXT = /^\s*(\d+)\s*(?:-|–|—|to)\s*(\d+)\s*(?:months?)?\s*$/i;

/**
 * One assumption from a sheet cell (an assumptions block's value, a scenario column), in the
 * API's shape, checked against its row. Errors name the label and say what to enter.
 */
export function assumptionFromCell(spec: AssumptionSpec, cell: Cell, label: string): unknown {
  switch (spec.kind) {
    case "months": {
      const n = toNumber(
        typeof cell === "string" ? cell.replace(/\s*months?\s*$/i, "") : cell,
        label,
      );
      return wholeMonths(n, label, spec.min ?? 1, spec.max ?? 120);
    }
    case "percent": {
      return checkNumber(toNumber(cell, label), label, {
        min: spec.min ?? 0,
        max: spec.max ?? 1,
        share: "sheet",
      });
    }
    case "month":
      return toMonth(cell, label);
    case "calendarMonth":
      return monthOfYear(cell, label);
    case "group":
      // A group's label in a cell names its first value (e.g. "Payroll tax | 6.2%").
      return { [spec.fields![0]!.key]: fieldFromCell(spec.fields![0]!, cell, label) };
    case "slip": {
      const max = spec.max ?? 24;
      if (typeof cell === "string") {
        const m = SLIP_TEXT.exec(cell);
        if (m) {
          const slip = { min: Number(m[1]), max: Number(m[2]) };
          if (slip.max > max || slip.min > slip.max)
            throw invalid(
              label,
              `must be a range of whole months within 0 to ${max}, low end first, got ${JSON.stringify(cell)}`,
            );
          return [slip.min, slip.max];
        }
      }
      return slipEnd(cell, label, max);
    }
  }
}

/** A month of the year from a cell: 7, "7", "July", "Jul" or a date (its month). */
export function monthOfYear(cell: Cell, label: string): number {
  if (cell instanceof Date) return cell.getMonth() + 1;
  if (typeof cell === "string") {
    const key = nameKey(cell);
    const named =
      key.length >= 3 && /^[a-z]+$/.test(key)
        ? MONTH_NAMES.findIndex((m) => nameKey(m).startsWith(key))
        : -1;
    if (named >= 0) return named + 1;
    if (/^[a-z]+$/.test(key))
      throw invalid(
        label,
        `must be a month of the year: 1 to 12 or a name such as "July", got ${JSON.stringify(cell)}`,
      );
  }
  return calendarMonth(toNumber(cell, label), label);
}

/** One value of a group from a cell: a share (6.2% or 0.062) or an amount ($168,600 or 168.6K). */
export function fieldFromCell(f: AssumptionField, cell: Cell, label: string): number {
  const n = toNumber(cell, label);
  return f.kind === "percent"
    ? checkNumber(n, label, { min: f.min, max: f.max, share: "sheet" })
    : checkNumber(n, label, { min: f.min, max: f.max });
}

/** One end of a slip (or "n" meaning 0 to n): a whole number of months. */
export function slipEnd(cell: Cell, label: string, max = assumptionSpec("slipMonths").max ?? 24) {
  return checkNumber(toNumber(cell, label), label, {
    integer: true,
    min: 0,
    max,
    unit: "months",
    hint: ' (or a range such as "0-2")',
  });
}

// ---- the block ---------------------------------------------------------------------------------

/** A first row such as "Assumption | Value" is a header, not an assumption. */
const HEADER_LABELS = new Set(["assumption", "assumptions", "label", "name", "setting", "input"]);
const HEADER_VALUES = new Set(["", "value", "values", "amount", "setting"]);

function text(cell: Cell): string {
  return typeof cell === "string" ? cell.trim() : "";
}

/**
 * The assumptions in a block: only those it gives (the engine fills in defaults). Labels are
 * forgiving; an unknown label (with the closest suggested), one given twice, a label with no
 * value, or a value of the wrong kind is an error naming the row and the label.
 * `accepts` limits which assumptions a function uses; `what` names that function in the error.
 */
export function readAssumptionsBlock(
  range: SheetArg,
  field = "assumptions",
  accepts: readonly AssumptionKey[] = ASSUMPTION_KEYS,
  what = "this function",
): PlanAssumptionsInput {
  if (range === undefined || (!Array.isArray(range) && isBlank(range))) return {};
  // A block with no rows, or only blank cells, sets nothing: every assumption takes its default.
  if (isRange(range) && range.every((row) => row.every(isBlank))) return {};
  if (!isRange(range) || !range.some((row) => row.length >= 2)) {
    throw invalid(
      field,
      `expects a two-column range of labels and values, e.g. "Horizon months | 24" and "Benefits rate | 25%" (labels: ${PLAN_ASSUMPTIONS.filter(
        (a) => accepts.includes(a.key),
      )
        .map((a) => a.label)
        .join(", ")}); leave it out for the defaults`,
    );
  }
  const out: Record<string, unknown> = {};
  const seen = new Map<string, { row: number; label: string }>();
  const slipParts: { min?: number; max?: number; rows: number[] } = { rows: [] };
  const groups: Record<string, { values: Record<string, number>; row: number; label: string }> = {};
  range.forEach((line, r) => {
    const row = r + 1;
    const labelCell = line[0];
    const value = line[1];
    if (isBlank(labelCell) && isBlank(value)) return;
    if (
      r === 0 &&
      HEADER_LABELS.has(nameKey(text(labelCell))) &&
      HEADER_VALUES.has(nameKey(text(value)))
    )
      return;
    const at = `${field} row ${row}`;
    if (typeof labelCell !== "string" || isBlank(labelCell))
      throw invalid(
        at,
        `has a value (${JSON.stringify(value instanceof Date ? value.toISOString().slice(0, 10) : value)}) but no label; put the assumption's name in the first column`,
      );
    const hit = resolveAssumptionLabel(labelCell, at);
    const spec: AssumptionSpec = hit.spec;
    const where = `${at} ${hit.label}`;
    if (!accepts.includes(spec.key as AssumptionKey)) {
      throw invalid(
        where,
        `is not used by ${what}; it takes ${PLAN_ASSUMPTIONS.filter((a) => accepts.includes(a.key))
          .map((a) => a.label)
          .join(", ")}`,
      );
    }
    const slot = hit.part
      ? `${spec.key}.${hit.part}`
      : hit.field
        ? `${spec.key}.${hit.field.key}`
        : spec.key;
    const before = seen.get(slot);
    if (before) throw invalid(where, `is given twice (rows ${before.row} and ${row}); keep one`);
    if (spec.parts) {
      const other = hit.part
        ? seen.get(spec.key)
        : (seen.get(`${spec.key}.min`) ?? seen.get(`${spec.key}.max`));
      if (other)
        throw invalid(
          where,
          `row ${other.row} (${other.label}) already gives the ${spec.label.toLowerCase()}; give either ${spec.label} or ${spec.parts.min[0]} and ${spec.parts.max[0]}, not both`,
        );
    }
    seen.set(slot, { row, label: hit.label });
    if (isBlank(value))
      throw invalid(
        where,
        `has no value; enter one (${example(spec)}) or delete the row to use the default (${spec.defaultText})`,
      );
    if (hit.part) {
      slipParts[hit.part] = slipEnd(value as Cell, where, spec.max);
      slipParts.rows.push(row);
      return;
    }
    if (hit.field) {
      const group = (groups[spec.key] ??= { values: {}, row, label: hit.label });
      group.values[hit.field.key] = fieldFromCell(hit.field, value as Cell, where);
      return;
    }
    out[spec.key] = assumptionFromCell(spec, value as Cell, where);
  });
  if (slipParts.rows.length) {
    const spec = assumptionSpec("slipMonths");
    const where = `${field} row ${slipParts.rows[0]}`;
    if (slipParts.max === undefined)
      throw invalid(
        `${where} ${spec.parts!.min[0]}`,
        `needs a ${spec.parts!.max[0]} row too (the most months a hire may start late)`,
      );
    const min = slipParts.min ?? 0;
    if (min > slipParts.max)
      throw invalid(
        `${where} ${spec.parts!.min[0]}`,
        `(${min}) must not be more than ${spec.parts!.max[0]} (${slipParts.max})`,
      );
    out.slipMonths = [min, slipParts.max];
  }
  for (const [key, group] of Object.entries(groups)) {
    const spec = assumptionSpec(key as AssumptionKey);
    const missing = spec.fields!.find((f) => f.required && group.values[f.key] === undefined);
    if (missing)
      throw invalid(
        `${field} row ${group.row} ${group.label}`,
        `needs a ${missing.label} row too (${describeFieldLimits(missing)})`,
      );
    out[key] = group.values;
  }
  return out as PlanAssumptionsInput;
}

function example(spec: AssumptionSpec): string {
  switch (spec.kind) {
    case "months":
      return "e.g. 24";
    case "percent":
      return "e.g. 25%";
    case "month":
      return 'e.g. "2027-01" or a date';
    case "calendarMonth":
      return 'e.g. 7 or "July"';
    case "slip":
      return 'e.g. 2 or "0-2"';
    case "group":
      return spec
        .fields!.map((f) => `${f.label} ${f.kind === "percent" ? "6.2%" : "$168,600"}`)
        .join(", ");
  }
}

/**
 * The block for a plan input: one label | value row per assumption it sets (in the table's
 * order; a group gives a row per value), in values a sheet shows and reads back unchanged (shares
 * as numbers for a % format, months as "YYYY-MM" text, slips as "min-max", months of the year as
 * 1–12). `withDefaults` also writes the assumptions marked showDefault that the input leaves out,
 * at their defaults, so a sheet shows what the plan assumes.
 */
export function assumptionsBlockRows(
  input: Readonly<Record<string, unknown>>,
  { withDefaults = false } = {},
): { spec: AssumptionSpec; row: [string, string | number] }[] {
  const rows: { spec: AssumptionSpec; row: [string, string | number] }[] = [];
  for (const spec of PLAN_ASSUMPTIONS as readonly AssumptionSpec[]) {
    let v = input[spec.key];
    if (v === undefined || v === null || v === "") {
      if (!withDefaults || !spec.showDefault) continue;
      v = assumptionDefault(spec.key as AssumptionKey);
    }
    if (spec.kind === "slip") {
      const [min, max] =
        typeof v === "number"
          ? [0, v]
          : Array.isArray(v)
            ? [v[0], v[1]]
            : [(v as { min: number }).min, (v as { max: number }).max];
      rows.push({ spec, row: [spec.label, `${min}-${max}`] });
    } else if (spec.kind === "group") {
      const values = v as Record<string, number | null | undefined>;
      for (const f of spec.fields!) {
        const value = values[f.key];
        if (value !== undefined && value !== null) rows.push({ spec, row: [f.label, value] });
      }
    } else rows.push({ spec, row: [spec.label, v as string | number] });
  }
  return rows;
}

/** The help text every assumptions argument shows: the labels, their kinds and defaults. */
export function assumptionsHelp(
  accepts: readonly AssumptionKey[] = ASSUMPTION_KEYS,
  defaults: Partial<Record<AssumptionKey, string>> = {},
): string {
  const labels = PLAN_ASSUMPTIONS.filter((a) => accepts.includes(a.key)).map(
    (a: AssumptionSpec) =>
      `${a.label} (${example(a).replace(/^e\.g\. /, "")}; default ${defaults[a.key as AssumptionKey] ?? a.defaultText})`,
  );
  return `Two-column range of label | value rows: ${labels.join(", ")}. Labels are forgiving; blank or left out: the defaults.`;
}
