/** A sheet's scenarios range (AI_PLAN_COMPARE): one row per named scenario, its changes in columns. */
import { invalid } from "./errors.js";
import { assumptionFromCell, fieldFromCell, slipEnd } from "./assumptions-block.js";
import { PLAN_ASSUMPTIONS, type AssumptionSpec } from "./plan-assumptions.js";
import {
  isBlank,
  optionalNumber,
  readTable,
  toNumber,
  toText,
  type Cell,
  type ColumnSpec,
  type SheetArg,
} from "./sheet-values.js";

/** The columns of a hire a scenario adds: key, header and other headers. */
const ADD_HIRE = [
  ["role", "Add role", "Added role"],
  ["level", "Add level", "Added level"],
  ["location", "Add location", "Added location"],
  ["startMonth", "Add start month", "Add start", "Added start month"],
  ["count", "Add count", "Add people", "Added count"],
  ["salary", "Add salary", "Added salary"],
  ["department", "Add department", "Added department"],
  ["type", "Add type", "Added type"],
  ["monthlyRate", "Add monthly rate", "Added monthly rate"],
] as const;
const ADD_NUMBERS = new Set<string>(["startMonth", "count", "salary", "monthlyRate"]);

/** The columns of the one upskilling entry a scenario puts in place of the base plan's. */
const UPSKILL = [
  ["path", "Upskill path", "Upskilling path"],
  ["people", "Upskill people", "Upskilling people"],
  ["startMonth", "Upskill start month", "Upskill start", "Upskilling start month"],
  ["costPerPerson", "Upskill cost per person", "Upskill cost", "Upskilling cost per person"],
] as const;

const LIST = /\s*[,;]\s*|\s+and\s+/i;

/** "1, 3" (hire numbers counted from 1, as the hires table's rows read) → [0, 2]. */
function hireNumbers(cell: Cell, label: string): number[] {
  const parts = typeof cell === "number" ? [cell] : String(cell).trim().split(LIST);
  return parts.map((p) => {
    const n = typeof p === "number" ? p : Number(p);
    if (!Number.isInteger(n) || n < 1)
      throw invalid(
        label,
        `must be hire numbers counted from 1 (the first row under the hires table's header), such as "1, 3", got ${JSON.stringify(cell)}`,
      );
    return n - 1;
  });
}

/**
 * A scenario's columns: its name, the two plan-wide changes, and one column per plan assumption
 * (its label and aliases as the header; slips also as "Slip min" / "Slip max"; a group one per
 * value, "Payroll tax rate" / "Payroll tax wage base").
 */
function scenarioColumns(): ColumnSpec<string>[] {
  return [
    { key: "name", names: ["Scenario", "Name"], required: true },
    {
      key: "startMonthShift",
      names: ["Start shift", "Start month shift", "Shift", "Delay"],
      required: false,
    },
    { key: "salaryChange", names: ["Salary change", "Salary", "Pay change"], required: false },
    {
      key: "removeHires",
      names: ["Remove hires", "Remove hire", "Drop hires", "Without hires"],
      required: false,
    },
    {
      key: "removeDepartmentHires",
      names: ["Remove department hires", "Remove departments", "Drop departments"],
      required: false,
    },
    ...ADD_HIRE.map(([key, label, ...names]) => ({
      key: `add.${key}`,
      names: [label, ...names],
      required: false,
    })),
    ...UPSKILL.map(([key, label, ...names]) => ({
      key: `upskill.${key}`,
      names: [label, ...names],
      required: false,
    })),
    ...(PLAN_ASSUMPTIONS as readonly AssumptionSpec[]).flatMap((spec) => [
      ...(spec.fields
        ? spec.fields.map((f, i) => ({
            key: `${spec.key}.${f.key}`,
            names: [f.label, ...f.aliases, ...(i === 0 ? [spec.label, ...spec.aliases] : [])],
            required: false,
          }))
        : [{ key: spec.key, names: [spec.label, ...spec.aliases], required: false }]),
      ...(spec.parts
        ? [
            { key: `${spec.key}.min`, names: [...spec.parts.min], required: false },
            { key: `${spec.key}.max`, names: [...spec.parts.max], required: false },
          ]
        : []),
    ]),
  ];
}

/** Scenario rows ({ name, overrides }) from a range whose first row names its columns. */
export function scenariosFromRange(
  range: SheetArg,
  field = "scenarios",
): { name: string; overrides: Record<string, unknown> }[] {
  const columns = scenarioColumns();
  const header = (key: string) => columns.find((c) => c.key === key)!.names[0]!;
  return readTable(range, field, columns, "scenario").map(({ row, cells }) => {
    const at = `${field} row ${row}`;
    const overrides: Record<string, unknown> = {};
    for (const key of ["startMonthShift", "salaryChange"] as const) {
      const v = optionalNumber(cells[key], `${at} ${header(key)}`);
      if (v !== undefined) overrides[key] = v;
    }
    if (!isBlank(cells.removeHires))
      overrides.removeHires = hireNumbers(cells.removeHires, `${at} ${header("removeHires")}`);
    if (!isBlank(cells.removeDepartmentHires))
      overrides.removeDepartmentHires = toText(
        cells.removeDepartmentHires,
        `${at} ${header("removeDepartmentHires")}`,
      )
        .split(LIST)
        .filter((d) => d.trim());
    if (ADD_HIRE.some(([key]) => !isBlank(cells[`add.${key}`]))) {
      const hire: Record<string, unknown> = {};
      for (const [key, label] of ADD_HIRE) {
        const cell = cells[`add.${key}`];
        if (isBlank(cell)) continue;
        hire[key] = ADD_NUMBERS.has(key)
          ? toNumber(cell, `${at} ${label}`)
          : key === "level" && typeof cell === "number"
            ? cell
            : toText(cell, `${at} ${label}`);
      }
      overrides.addHires = [hire];
    }
    if (UPSKILL.some(([key]) => !isBlank(cells[`upskill.${key}`]))) {
      const entry: Record<string, unknown> = {};
      for (const [key, label] of UPSKILL) {
        const cell = cells[`upskill.${key}`];
        if (isBlank(cell)) continue;
        entry[key] =
          key === "path" ? toText(cell, `${at} ${label}`) : toNumber(cell, `${at} ${label}`);
      }
      overrides.upskilling = [entry];
    }
    for (const spec of PLAN_ASSUMPTIONS as readonly AssumptionSpec[]) {
      if (spec.fields) {
        // A group's columns change only the values they give; the base plan keeps the rest.
        const values: Record<string, number> = {};
        for (const f of spec.fields) {
          const cell = cells[`${spec.key}.${f.key}`];
          if (!isBlank(cell)) values[f.key] = fieldFromCell(f, cell, `${at} ${f.label}`);
        }
        if (Object.keys(values).length) overrides[spec.key] = values;
        continue;
      }
      const cell = cells[spec.key];
      if (!isBlank(cell))
        overrides[spec.key] = assumptionFromCell(spec, cell, `${at} ${spec.label}`);
      if (!spec.parts) continue;
      const min = cells[`${spec.key}.min`];
      const max = cells[`${spec.key}.max`];
      if (isBlank(max)) {
        if (!isBlank(min))
          throw invalid(`${at} ${spec.parts.min[0]}`, `needs a ${spec.parts.max[0]} column too`);
        continue;
      }
      if (overrides[spec.key] !== undefined)
        throw invalid(
          `${at} ${spec.parts.max[0]}`,
          `give either ${spec.label} or ${spec.parts.min[0]} and ${spec.parts.max[0]}, not both`,
        );
      const hi = slipEnd(max, `${at} ${spec.parts.max[0]}`, spec.max);
      const lo = isBlank(min) ? 0 : slipEnd(min, `${at} ${spec.parts.min[0]}`, spec.max);
      if (lo > hi)
        throw invalid(
          `${at} ${spec.parts.min[0]}`,
          `(${lo}) must not be more than ${spec.parts.max[0]} (${hi})`,
        );
      overrides[spec.key] = [lo, hi];
    }
    return { name: toText(cells.name, `${at} Scenario`), overrides };
  });
}
