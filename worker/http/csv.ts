import type { Context } from "hono";
import { getPath } from "hono/utils/url";

export type CsvCell = string | number | boolean | null | undefined;

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with ' (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: CRLF line ends, fields quoted only when they must be. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

const CSV_SUFFIX = ".csv";

/**
 * The app's getPath: routes "/v1/salary.csv" like "/v1/salary", so every CSV-capable GET has its
 * `.csv` twin (which =IMPORTDATA needs: a URL that is CSV without headers) without a second route.
 */
export function pathWithoutCsvSuffix(request: Request): string {
  const path = getPath(request);
  return path.endsWith(CSV_SUFFIX) && path.length > CSV_SUFFIX.length + 1
    ? path.slice(0, -CSV_SUFFIX.length)
    : path;
}

export function hasCsvSuffix(url: string): boolean {
  return new URL(url).pathname.endsWith(CSV_SUFFIX);
}

/** The caller asked for CSV: `.csv` on the path or `?format=csv`. */
export function wantsCsv(c: Context): boolean {
  return hasCsvSuffix(c.req.url) || c.req.query("format")?.toLowerCase() === "csv";
}

export type CsvRows = readonly (readonly CsvCell[])[];

/**
 * The one JSON-or-CSV answer of a GET: the CSV (its header row, then the rows; built only when
 * asked for) when the caller wants CSV, else the JSON body; `headers` (validators, caching) on
 * either. The header row comes from the same constant the route documents (jsonOrCsv).
 */
export function jsonOrCsvAnswer(
  c: Context,
  json: object,
  csv: () => CsvRows,
  headers: Record<string, string> = {},
): Response {
  if (wantsCsv(c))
    return c.body(toCsv(csv()), 200, { ...headers, "Content-Type": "text/csv; charset=utf-8" });
  return c.json(json, 200, headers);
}
