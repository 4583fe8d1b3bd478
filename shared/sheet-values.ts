import { invalid } from "./errors.js";
import { nameKey } from "./names.js";
import type { EmploymentType, HireInput, TeamInput, UpskillingInput } from "./plan-types.js";

/** What a spreadsheet passes to a custom function: a cell value, or a range as rows of cells. */
export type Cell = string | number | boolean | Date | null | undefined;
export type SheetArg = Cell | Cell[][];
/** What a custom function returns: one value, or rows of values. */
export type SheetResult = string | number | boolean | (string | number | boolean)[][];

export function isRange(v: unknown): v is Cell[][] {
  return Array.isArray(v) && v.every((row) => Array.isArray(row));
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** A single cell from an argument: a 1×1 range counts as its cell. */
export function cellOf(v: SheetArg, field: string): Cell {
  if (!Array.isArray(v)) return v;
  if (isRange(v) && v.length === 1 && v[0]!.length === 1) return v[0]![0];
  throw invalid(field, "expects a single cell, not a range");
}

const MONEYISH = /^\s*([-+]?)\s*[$£€]?\s*([0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)\s*([kKmM%]?)\s*$/;

/** A number from a cell: numbers, and text like "24", "25%", "$160,000", "160K", "1.2M". */
export function toNumber(v: Cell, field: string): number {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw invalid(field, `must be a finite number, got ${v}`);
    return v;
  }
  if (isBlank(v)) throw invalid(field, "is empty; enter a number");
  if (typeof v === "boolean" || v instanceof Date || v === null || v === undefined) {
    throw invalid(
      field,
      `must be a number, got ${v instanceof Date ? "a date" : (JSON.stringify(v) ?? "nothing")}`,
    );
  }
  const m = MONEYISH.exec(v);
  if (!m)
    throw invalid(
      field,
      `must be a number (e.g. 24, 25%, $160,000 or 160K), got ${JSON.stringify(v)}`,
    );
  let n = Number(m[2]!.replace(/,/g, ""));
  if (m[1] === "-") n = -n;
  const suffix = m[3]!.toLowerCase();
  if (suffix === "k") n *= 1000;
  else if (suffix === "m") n *= 1_000_000;
  else if (suffix === "%") n /= 100;
  return n;
}

export function optionalNumber(v: Cell, field: string): number | undefined {
  return isBlank(v) ? undefined : toNumber(v, field);
}

export function toText(v: Cell, field: string): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) throw invalid(field, "expects text, got a date");
  return "";
}

export function optionalText(v: Cell, field: string): string | undefined {
  return isBlank(v) ? undefined : toText(v, field);
}

/** "YYYY-MM" from a date cell or text such as "2027-01" or "2027-1". */
export function toMonth(v: Cell, field: string): string | undefined {
  if (isBlank(v)) return undefined;
  if (v instanceof Date) return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, "0")}`;
  const m = typeof v === "string" ? /^\s*(\d{4})-(\d{1,2})(?:-\d{1,2})?\s*$/.exec(v) : null;
  if (!m)
    throw invalid(field, `must be a month like "2027-01" or a date, got ${JSON.stringify(v)}`);
  return `${m[1]}-${m[2]!.padStart(2, "0")}`;
}

export interface ColumnSpec<K extends string> {
  key: K;
  names: string[];
  required: boolean;
}

export function readTable<K extends string>(
  range: SheetArg,
  field: string,
  columns: ColumnSpec<K>[],
  what: string,
): { row: number; cells: Partial<Record<K, Cell>> }[] {
  if (!isRange(range) || range.length === 0) {
    throw invalid(
      field,
      `expects a range whose first row names its columns (${columns.map((c) => c.names[0]).join(", ")})`,
    );
  }
  const header = range[0]!;
  const index = new Map<K, number>();
  header.forEach((h, i) => {
    const k = typeof h === "string" ? nameKey(h) : "";
    const col = columns.find((c) => c.names.some((n) => nameKey(n) === k));
    if (col && !index.has(col.key)) index.set(col.key, i);
  });
  const missing = columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.names[0]);
  if (missing.length) {
    const found =
      header
        .filter((h) => !isBlank(h))
        .map((h) => JSON.stringify(h))
        .join(", ") || "nothing";
    throw invalid(
      field,
      `the first row must name the ${what} columns; missing ${missing.join(", ")} (found ${found}). Expected: ${columns.map((c) => c.names[0] + (c.required ? "" : " (optional)")).join(", ")}`,
    );
  }
  const rows: { row: number; cells: Partial<Record<K, Cell>> }[] = [];
  for (let r = 1; r < range.length; r++) {
    const line = range[r]!;
    if (line.every(isBlank)) continue;
    const cells: Partial<Record<K, Cell>> = {};
    for (const [key, i] of index) cells[key] = line[i];
    rows.push({ row: r + 1, cells });
  }
  return rows;
}

/** The columns a hire row and a team row share: who, where, pay and the issue-14 extras. */
type PersonColumn =
  | "role"
  | "level"
  | "location"
  | "count"
  | "salary"
  | "recruitingCost"
  | "channel"
  | "endMonth"
  | "fte"
  | "type"
  | "monthlyRate"
  | "department"
  | "bonusRate"
  | "equityRate";

const PERSON_COLUMNS: ColumnSpec<PersonColumn>[] = [
  { key: "role", names: ["Role", "Position", "Title"], required: true },
  // Needed to price from the seeds; a row with its own salary may leave it blank.
  { key: "level", names: ["Level", "Seniority", "Years"], required: false },
  { key: "location", names: ["Location", "City", "Place"], required: false },
  {
    key: "count",
    names: ["Count", "Number", "Hires", "Headcount", "Qty", "Quantity", "People"],
    required: false,
  },
  { key: "salary", names: ["Salary", "Annual salary", "Base salary"], required: false },
  {
    key: "recruitingCost",
    names: ["Recruiting cost", "Recruiting", "Recruitment", "Recruitment cost"],
    required: false,
  },
  { key: "channel", names: ["Channel", "Recruiting channel", "Source"], required: false },
  {
    key: "endMonth",
    names: ["End month", "End", "Last month", "End_month", "EndMonth"],
    required: false,
  },
  { key: "fte", names: ["FTE", "Full-time equivalent", "FTE %"], required: false },
  { key: "type", names: ["Type", "Employment type", "Employment"], required: false },
  {
    key: "monthlyRate",
    names: ["Monthly rate", "Rate per month", "Contractor rate", "Monthly cost"],
    required: false,
  },
  {
    key: "department",
    names: ["Department", "Dept", "Cost centre", "Cost center"],
    required: false,
  },
  { key: "bonusRate", names: ["Bonus rate", "Bonus", "Bonus %"], required: false },
  { key: "equityRate", names: ["Equity rate", "Equity", "Equity %"], required: false },
];

type HireColumn = PersonColumn | "startMonth" | "slipMin" | "slipMax";

export const HIRE_COLUMNS: ColumnSpec<HireColumn>[] = [
  ...PERSON_COLUMNS.slice(0, 3),
  {
    key: "startMonth",
    names: ["Start month", "Start", "Month", "Start_month", "StartMonth"],
    required: true,
  },
  ...PERSON_COLUMNS.slice(3, 7),
  { key: "slipMin", names: ["Slip min", "Slip min months", "Min slip"], required: false },
  {
    key: "slipMax",
    names: ["Slip max", "Slip max months", "Max slip", "Slip", "Slip months"],
    required: false,
  },
  ...PERSON_COLUMNS.slice(7),
];

/** The columns of the team already employed: a hire's without start month or slip. */
export const TEAM_COLUMNS: ColumnSpec<PersonColumn>[] = PERSON_COLUMNS;

/** The fields a hire row and a team row share, from their cells; blank cells are left out. */
function personFromCells(cells: Partial<Record<PersonColumn, Cell>>, at: string): TeamInput {
  const person: TeamInput = { role: toText(cells.role, `${at} Role`) };
  if (!isBlank(cells.level))
    person.level =
      typeof cells.level === "number" ? cells.level : toText(cells.level, `${at} Level`);
  const texts = [
    ["location", "Location"],
    ["channel", "Channel"],
    ["department", "Department"],
  ] as const;
  for (const [key, label] of texts) {
    const v = optionalText(cells[key], `${at} ${label}`);
    if (v !== undefined) person[key] = v;
  }
  const type = optionalText(cells.type, `${at} Type`);
  if (type !== undefined) person.type = type.toLowerCase() as EmploymentType;
  const numbers = [
    ["count", "Count"],
    ["salary", "Salary"],
    ["recruitingCost", "Recruiting cost"],
    ["endMonth", "End month"],
    ["fte", "FTE"],
    ["monthlyRate", "Monthly rate"],
    ["bonusRate", "Bonus rate"],
    ["equityRate", "Equity rate"],
  ] as const;
  for (const [key, label] of numbers) {
    const v = optionalNumber(cells[key], `${at} ${label}`);
    if (v !== undefined) person[key] = v;
  }
  return person;
}

/** Hire rows from a sheet range whose first row names its columns, in any order; blank rows skipped. */
export function hiresFromRange(range: SheetArg, field = "hires"): HireInput[] {
  return readTable(range, field, HIRE_COLUMNS, "hire").map(({ row, cells }) => {
    const at = `${field} row ${row}`;
    const hire: HireInput = {
      ...personFromCells(cells, at),
      startMonth: toNumber(cells.startMonth, `${at} Start month`),
    };
    const slipMax = optionalNumber(cells.slipMax, `${at} Slip max`);
    if (slipMax !== undefined)
      hire.slipMonths = [optionalNumber(cells.slipMin, `${at} Slip min`) ?? 0, slipMax];
    return hire;
  });
}

/** The team already employed, from a range whose first row names its columns (blank: none). */
export function teamFromRange(range: SheetArg, field = "team"): TeamInput[] {
  if (isBlank(range as Cell)) return [];
  return readTable(range, field, TEAM_COLUMNS, "team").map(({ row, cells }) =>
    personFromCells(cells, `${field} row ${row}`),
  );
}

type UpskillColumn = "path" | "people" | "startMonth" | "costPerPerson" | "department";

export const UPSKILLING_COLUMNS: ColumnSpec<UpskillColumn>[] = [
  { key: "path", names: ["Path", "Upskilling path", "Training path"], required: true },
  { key: "people", names: ["People", "Count", "Number"], required: true },
  { key: "startMonth", names: ["Start month", "Start", "Month"], required: true },
  { key: "costPerPerson", names: ["Cost per person", "Cost", "Cost/person"], required: false },
  {
    key: "department",
    names: ["Department", "Dept", "Cost centre", "Cost center"],
    required: false,
  },
];

export function upskillingFromRange(range: SheetArg, field = "upskilling"): UpskillingInput[] {
  if (isBlank(range as Cell)) return [];
  return readTable(range, field, UPSKILLING_COLUMNS, "upskilling").map(({ row, cells }) => {
    const at = `${field} row ${row}`;
    const entry: UpskillingInput = {
      path: toText(cells.path, `${at} Path`),
      people: toNumber(cells.people ?? null, `${at} People`),
      startMonth: toNumber(cells.startMonth ?? null, `${at} Start month`),
    };
    const cost = optionalNumber(cells.costPerPerson, `${at} Cost per person`);
    if (cost !== undefined) entry.costPerPerson = cost;
    const department = optionalText(cells.department, `${at} Department`);
    if (department !== undefined) entry.department = department;
    return entry;
  });
}
