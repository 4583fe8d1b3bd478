import {
  BASES,
  invalid,
  CURRENCIES,
  isPlannerError,
  resolveChoice,
  limitSuggestions,
  MAX_FRESH_SUGGESTIONS,
  resolveLevel,
  resolveLocation,
  resolveRole,
  type Basis,
  type Currency,
  type PlannerErrorJSON,
  type WorkspaceBand,
  type WorkspaceData,
} from "../../shared/index.js";
import { CsvSyntaxError, parseCsv } from "./csv-parse.js";
import { HttpProblem } from "./problem.js";

export const BAND_COLUMNS = [
  "role",
  "level",
  "location",
  "basis",
  "currency",
  "low",
  "high",
] as const;
type BandColumn = (typeof BAND_COLUMNS)[number];

export const MAX_BAND_ROWS = 5000;
/** Far above any salary; a bigger number is a typo (an extra zero, cents instead of units). */
export const MAX_BAND_AMOUNT = 100_000_000;

/** A band row as uploaded, before checking; `line` is the CSV line it came from. */
export interface RawBandRow {
  line?: number;
  values: Partial<Record<BandColumn, unknown>>;
  /** CSV cells beyond the header's columns (usually an unquoted comma). */
  extraCells?: number;
}

export type BandProblem = PlannerErrorJSON & { row: number; line?: number; column?: BandColumn };

function rowLabel(index: number, line?: number) {
  return line === undefined ? `Row ${index + 1}` : `Row ${index + 1} (line ${line})`;
}

function badRequest(detail: string, field: string): HttpProblem {
  return new HttpProblem(422, "INVALID_ARGUMENT", detail, {
    field,
    problems: [{ code: "INVALID_ARGUMENT", message: detail, field, suggestions: [] }],
  });
}

/** CSV text into rows keyed by column; the header must name each of the seven columns once (any order, any case). */
export function bandRowsFromCsv(text: string): RawBandRow[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError)
      throw badRequest(`The CSV could not be read: ${e.message}.`, "body");
    throw e;
  }
  const header = records.shift();
  const expected = BAND_COLUMNS.join(",");
  if (!header)
    throw badRequest(
      `The CSV is empty; its first line must be the header ${expected}, then one band per line.`,
      "body",
    );
  const names = header.cells.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !(BAND_COLUMNS as readonly string[]).includes(n));
  const missing = BAND_COLUMNS.filter((c) => !names.includes(c));
  const repeated = BAND_COLUMNS.filter((c) => names.filter((n) => n === c).length > 1);
  if (unknown.length || missing.length || repeated.length) {
    const parts = [
      missing.length ? `missing ${missing.join(", ")}` : "",
      unknown.length ? `unknown ${unknown.map((u) => JSON.stringify(u)).join(", ")}` : "",
      repeated.length ? `repeated ${repeated.join(", ")}` : "",
    ].filter(Boolean);
    throw badRequest(
      `The CSV header (line ${header.line}) must be ${expected}: ${parts.join("; ")}.`,
      "header",
    );
  }
  return records.map((r) => {
    const values: RawBandRow["values"] = {};
    names.forEach((n, i) => (values[n as BandColumn] = r.cells[i]));
    return {
      line: r.line,
      values,
      ...(r.cells.length > names.length ? { extraCells: r.cells.length - names.length } : {}),
    };
  });
}

/** An amount in currency units: a JSON number, or CSV text such as "150000", "150,000", "$150000.50". */
function amount(value: unknown, column: "low" | "high"): number {
  const text =
    typeof value === "number"
      ? String(value)
      : typeof value === "string"
        ? value.trim().replace(/^[$£]/, "").replace(/,/g, "")
        : "";
  if (text === "") throw invalid(column, "is required, an amount in currency units, e.g. 150000");
  if (!/^\d+(\.\d{1,2})?$/.test(text)) {
    if (/^-/.test(text))
      throw invalid(column, `must not be negative, got ${JSON.stringify(value)}`);
    throw invalid(
      column,
      `must be an amount in currency units with at most two decimals, e.g. 150000, got ${JSON.stringify(value)}`,
    );
  }
  const n = Number(text);
  if (n > MAX_BAND_AMOUNT)
    throw invalid(
      column,
      `${n} is more than ${MAX_BAND_AMOUNT}; give the amount in currency units (150000, not 15000000 cents)`,
    );
  return n;
}

function required(value: unknown, column: BandColumn, example: string): unknown {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
    throw invalid(column, `is required, e.g. ${example}`);
  }
  return value;
}

/**
 * Every row checked with the core's name resolvers: role, level and location must be known (an
 * unknown one gets the closest names), basis base|total|market, currency USD|GBP, low and high
 * non-negative with low ≤ high, and each role/level/location/basis/currency at most once.
 * Returns the bands with canonical names (which the core's band matching needs), or throws a
 * 422 listing every bad row with its row number, column and fix.
 */
export function checkBands(
  rows: readonly RawBandRow[],
  workspace: WorkspaceData = {},
): WorkspaceBand[] {
  // Rows past the first few unknown names get no suggestions: an upload's cost is its row count.
  return limitSuggestions(MAX_FRESH_SUGGESTIONS, () => checkBandRows(rows, workspace));
}

/** `workspace`: the workspace's own levels and locations, which its bands may price (Staff, Denver). */
function checkBandRows(rows: readonly RawBandRow[], workspace: WorkspaceData): WorkspaceBand[] {
  if (rows.length > MAX_BAND_ROWS)
    throw badRequest(`At most ${MAX_BAND_ROWS} bands per upload, got ${rows.length}.`, "bands");
  const problems: BandProblem[] = [];
  const bands: WorkspaceBand[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const v = raw.values;
    const label = rowLabel(index, raw.line);
    const before = problems.length;
    const add = (
      column: BandColumn | undefined,
      message: string,
      code: PlannerErrorJSON["code"] = "INVALID_ARGUMENT",
      suggestions: string[] = [],
    ) => {
      const field = `bands[${index}]${column ? `.${column}` : ""}`;
      problems.push({
        code,
        message: `${label}: ${message}`,
        field,
        suggestions,
        row: index + 1,
        ...(raw.line === undefined ? {} : { line: raw.line }),
        ...(column ? { column } : {}),
      });
    };
    const check = <T>(column: BandColumn, fn: () => T): T | undefined => {
      try {
        return fn();
      } catch (e) {
        if (isPlannerError(e))
          add(
            column,
            e.message.startsWith(`${column}:`) ? e.message : `${column}: ${e.message}`,
            e.code,
            e.suggestions,
          );
        else throw e;
        return undefined;
      }
    };
    if (raw.extraCells) {
      add(
        undefined,
        `has ${raw.extraCells} more cell(s) than the header's seven columns; quote a value that contains a comma, e.g. "Austin, TX"`,
      );
      return;
    }
    const role = check("role", () => resolveRole(required(v.role, "role", "ML Engineer")));
    const level = check("level", () =>
      resolveLevel(required(v.level, "level", "Mid"), "level", workspace),
    );
    const location = check("location", () =>
      resolveLocation(
        required(v.location, "location", "Austin (or US for national figures)"),
        "location",
        workspace,
      ),
    );
    const basis = check("basis", () =>
      resolveChoice<Basis>(required(v.basis, "basis", "base"), BASES, "basis"),
    );
    const currency = check("currency", () => {
      const c = required(v.currency, "currency", "USD");
      return resolveChoice<Currency>(
        typeof c === "string" ? c.trim().toUpperCase() : c,
        CURRENCIES,
        "currency",
      );
    });
    const low = check("low", () => amount(v.low, "low"));
    const high = check("high", () => amount(v.high, "high"));
    if (low !== undefined && high !== undefined && low > high)
      add("high", `high: ${high} is below low ${low}; swap them or fix the typo (low ≤ high)`);
    if (
      problems.length > before ||
      !role ||
      !level ||
      !location ||
      !basis ||
      !currency ||
      low === undefined ||
      high === undefined
    )
      return;
    const key = [role.name, level.name, location.name, basis, currency].join("|");
    const first = seen.get(key);
    if (first !== undefined) {
      add(
        undefined,
        `repeats row ${first + 1} (${role.name}, ${level.name}, ${location.name}, ${basis}, ${currency}); keep one band per role, level, location, basis and currency`,
      );
      return;
    }
    seen.set(key, index);
    bands.push({
      role: role.name,
      level: level.name,
      location: location.name,
      basis,
      currency,
      low,
      high,
    });
  });
  if (problems.length) {
    const rowsWithProblems = new Set(problems.map((p) => p.row)).size;
    const detail = `${rowsWithProblems} of ${rows.length} band row(s) ${rowsWithProblems === 1 ? "has" : "have"} problems, so nothing was stored and the previous bands still apply: ${problems
      .slice(0, 5)
      .map((p) => p.message)
      .join(
        "; ",
      )}${problems.length > 5 ? `; and ${problems.length - 5} more (see problems)` : ""}.`;
    throw new HttpProblem(422, "INVALID_BANDS", detail, { field: problems[0]!.field, problems });
  }
  return bands;
}
