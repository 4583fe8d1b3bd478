import {
  checkFxRate,
  checkWorkspaceLevel,
  checkWorkspaceLocation,
  isPlannerError,
  nameKey,
  type PlannerErrorJSON,
} from "../../shared/index.js";
import { CsvSyntaxError, parseCsv } from "./csv-parse.js";
import { HttpProblem } from "./problem.js";

/** Rows one upload of a kind may hold: each set is read whole with every priced request. */
export const MAX_WORKSPACE_DATA_ROWS = 1000;

/** The kinds of workspace data kept as versioned sets besides the bands. */
export type WorkspaceDataKind = "levels" | "locations" | "fx";

/** Per kind: its CSV columns (required first), how a row is checked, and what makes two rows the same. */
export const WORKSPACE_DATA = {
  levels: {
    what: "levels",
    columns: ["name", "aliases"],
    required: ["name"],
    check: (raw: unknown, field: string) => checkWorkspaceLevel(raw, field),
    key: (r: { name: string }) => nameKey(r.name),
    example: { name: "Staff", aliases: ["L6"] },
  },
  locations: {
    what: "locations",
    columns: ["name", "factor", "currency", "aliases"],
    required: ["name", "factor"],
    check: (raw: unknown, field: string) => checkWorkspaceLocation(raw, field),
    key: (r: { name: string }) => nameKey(r.name),
    example: { name: "Denver, CO", factor: 0.95 },
  },
  fx: {
    what: "FX rates",
    columns: ["currency", "perUsd", "asOf"],
    required: ["currency", "perUsd", "asOf"],
    check: (raw: unknown, field: string) => checkFxRate(raw, field),
    key: (r: { currency: string; asOf: string }) => `${r.currency} ${r.asOf}`,
    example: { currency: "EUR", perUsd: 0.92, asOf: "2026-03-31" },
  },
} as const;

function problem(detail: string, field: string, problems: PlannerErrorJSON[] = []): HttpProblem {
  return new HttpProblem(422, "INVALID_ARGUMENT", detail, {
    field,
    problems: problems.length
      ? problems
      : [{ code: "INVALID_ARGUMENT", message: detail, field, suggestions: [] }],
  });
}

/** A CSV cell as a JSON value: numbers as numbers, aliases split on "|", blanks left out. */
function cellValue(column: string, text: string): unknown {
  const t = text.trim();
  if (!t) return undefined;
  if (column === "aliases")
    return t
      .split("|")
      .map((a) => a.trim())
      .filter(Boolean);
  if ((column === "factor" || column === "perUsd") && /^-?\d+(\.\d+)?$/.test(t.replace(/,/g, "")))
    return Number(t.replace(/,/g, ""));
  return t;
}

/** CSV text (header first: the kind's columns, any order and case) into raw rows. */
export function workspaceDataFromCsv(kind: WorkspaceDataKind, text: string): unknown[] {
  const spec = WORKSPACE_DATA[kind];
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError)
      throw problem(`The CSV could not be read: ${e.message}.`, "body");
    throw e;
  }
  const header = records.shift();
  const expected = spec.columns.join(",");
  if (!header)
    throw problem(`The CSV is empty; its first line must be the header ${expected}.`, "body");
  const names = header.cells.map((h) => h.trim().toLowerCase());
  const columns = names.map((n) => spec.columns.find((c) => c.toLowerCase() === n));
  const unknown = names.filter((_, i) => !columns[i]);
  const missing = spec.required.filter((c) => !columns.includes(c));
  if (unknown.length || missing.length)
    throw problem(
      `The CSV header must name the columns ${expected} (${spec.required.join(", ")} required)${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}${missing.length ? `; missing: ${missing.join(", ")}` : ""}.`,
      "body",
    );
  return records.map((r) => {
    const row: Record<string, unknown> = {};
    r.cells.forEach((cell, i) => {
      const column = columns[i];
      const value = column ? cellValue(column, cell) : undefined;
      if (column && value !== undefined) row[column] = value;
    });
    return row;
  });
}

/**
 * Every row checked with the core's rule for its kind, and no two rows the same (a name, or a
 * currency and date, given twice): the checked rows, or one 422 listing every problem, each
 * naming its row and field (`locations[2].factor`), so nothing partial is ever stored.
 */
export function checkWorkspaceData(kind: WorkspaceDataKind, rows: readonly unknown[]): unknown[] {
  const spec = WORKSPACE_DATA[kind];
  if (rows.length > MAX_WORKSPACE_DATA_ROWS)
    throw problem(
      `${kind}: ${rows.length} rows is more than one upload may hold (${MAX_WORKSPACE_DATA_ROWS}).`,
      kind,
    );
  const problems: PlannerErrorJSON[] = [];
  const checked: unknown[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, i) => {
    const field = `${kind}[${i}]`;
    try {
      const row = spec.check(raw, field) as never;
      const key = (spec.key as (r: never) => string)(row);
      const first = seen.get(key);
      if (first !== undefined)
        problems.push({
          code: "INVALID_ARGUMENT",
          message: `${field}: the same as ${kind}[${first}]; give each once`,
          field,
          suggestions: [],
        });
      else seen.set(key, i);
      checked.push(row);
    } catch (e) {
      if (!isPlannerError(e)) throw e;
      problems.push(e.toJSON());
    }
  });
  if (problems.length)
    throw problem(
      `${problems.length === 1 ? "A row" : `${problems.length} rows`} of the ${spec.what} cannot be stored: ${problems.map((p) => p.message).join("; ")}. Nothing was stored; the current ${spec.what} stay.`,
      problems[0]!.field ?? kind,
      problems,
    );
  return checked;
}
