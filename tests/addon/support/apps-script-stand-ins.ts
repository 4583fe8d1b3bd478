// In-memory stand-ins for the Apps Script services the add-on uses, faithful to the parts of their
// behaviour the add-on relies on. UrlFetchApp is real: it performs the HTTP requests (through a
// child process, so that it stays synchronous like the real service) and records each one.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

// ---- UrlFetchApp ------------------------------------------------------------------------------

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  payload?: string;
}

export class UrlFetchAppStandIn {
  readonly requests: RecordedRequest[] = [];

  fetchAll(
    requests: {
      url: string;
      method?: string;
      headers?: Record<string, string>;
      contentType?: string;
      payload?: string;
      muteHttpExceptions?: boolean;
    }[],
  ) {
    for (const r of requests) {
      if (!/^https?:\/\//.test(r.url)) throw new Error(`Exception: Invalid argument: ${r.url}`);
      this.requests.push({
        url: r.url,
        method: (r.method ?? "get").toLowerCase(),
        headers: { ...(r.headers ?? {}) },
        payload: r.payload,
      });
    }
    const out = execFileSync(process.execPath, [path.join(here, "fetch-all-child.mjs")], {
      input: JSON.stringify(requests),
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
    });
    const answers = JSON.parse(out.toString("utf8")) as (
      { status: number; headers: Record<string, string>; body: string } | { error: string }
    )[];
    return answers.map((a, i) => {
      if ("error" in a) throw new Error(a.error);
      if (a.status >= 400 && !requests[i]!.muteHttpExceptions)
        throw new Error(
          `Exception: Request failed for ${requests[i]!.url} returned code ${a.status}`,
        );
      return {
        getResponseCode: () => a.status,
        getContentText: () => a.body,
        getAllHeaders: () => a.headers,
      };
    });
  }
}

// ---- PropertiesService ------------------------------------------------------------------------

export class PropertiesStandIn {
  readonly data = new Map<string, string>();
  getProperty(key: string) {
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string) {
    // The real store's limit per value is 9 KB; the add-on must chunk anything larger.
    if (String(value).length > 9 * 1024)
      throw new Error(`Exception: Argument too large: value (${key})`);
    this.data.set(key, String(value));
    return this;
  }
  deleteProperty(key: string) {
    this.data.delete(key);
    return this;
  }
  getProperties() {
    return Object.fromEntries(this.data);
  }
}

export class PropertiesServiceStandIn {
  constructor(
    readonly document = new PropertiesStandIn(),
    readonly user = new PropertiesStandIn(),
  ) {}
  getDocumentProperties() {
    return this.document;
  }
  getUserProperties() {
    return this.user;
  }
}

// ---- CacheService -----------------------------------------------------------------------------

export class CacheStandIn {
  readonly data = new Map<string, { value: string; expires: number }>();
  constructor(private readonly now: () => number = Date.now) {}
  get(key: string) {
    const hit = this.data.get(key);
    if (!hit || hit.expires <= this.now()) return null;
    return hit.value;
  }
  put(key: string, value: string, seconds = 600) {
    if (key.length > 250) throw new Error("Exception: Argument too large: key");
    if (value.length > 100 * 1024) throw new Error("Exception: Argument too large: value");
    this.data.set(key, { value, expires: this.now() + Math.min(seconds, 21600) * 1000 });
  }
  remove(key: string) {
    this.data.delete(key);
  }
}

export class CacheServiceStandIn {
  constructor(
    readonly document = new CacheStandIn(),
    readonly user = new CacheStandIn(),
  ) {}
  getDocumentCache() {
    return this.document;
  }
  getUserCache() {
    return this.user;
  }
}

// ---- SpreadsheetApp ---------------------------------------------------------------------------

type Value = string | number | boolean | Date;

interface CellState {
  value: Value;
  formula: string;
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(row: number, col: number, numRows = 1, numCols = 1): string {
  const start = `${columnLetters(col)}${row}`;
  return numRows === 1 && numCols === 1
    ? start
    : `${start}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}

/** "B5" or "A11:H41" → row, column, size. */
export function parseA1(ref: string): {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
} {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref.trim());
  if (!m) throw new Error(`not an A1 reference: ${ref}`);
  const colOf = (letters: string) =>
    [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  const col = colOf(m[1]!);
  const endRow = m[4] ? Number(m[4]) : row;
  const endCol = m[3] ? colOf(m[3]) : col;
  return { row, col, numRows: endRow - row + 1, numCols: endCol - col + 1 };
}

export class RangeStandIn {
  constructor(
    readonly sheet: SheetStandIn,
    readonly row: number,
    readonly col: number,
    readonly numRows = 1,
    readonly numCols = 1,
  ) {
    if (row < 1 || col < 1 || numRows < 1 || numCols < 1)
      throw new Error(
        `Exception: The coordinates of the range are outside the dimensions of the sheet (${row}, ${col}, ${numRows}, ${numCols}).`,
      );
  }
  private each<T>(fn: (r: number, c: number) => T): T[][] {
    return Array.from({ length: this.numRows }, (_, i) =>
      Array.from({ length: this.numCols }, (_, j) => fn(this.row + i, this.col + j)),
    );
  }
  getValues(): Value[][] {
    return this.each((r, c) => this.sheet.cell(r, c)?.value ?? "");
  }
  getFormulas(): string[][] {
    return this.each((r, c) => this.sheet.cell(r, c)?.formula ?? "");
  }
  setValues(values: unknown[][]) {
    if (values.length !== this.numRows || values.some((line) => line.length !== this.numCols)) {
      throw new Error(
        `Exception: The number of rows or columns in the data does not match the range (${values.length}×${values[0]?.length ?? 0} vs ${this.numRows}×${this.numCols}).`,
      );
    }
    values.forEach((line, i) =>
      line.forEach((v, j) => this.sheet.put(this.row + i, this.col + j, asEntered(v))),
    );
    return this;
  }
  setValue(value: unknown) {
    this.each((r, c) => this.sheet.put(r, c, asEntered(value)));
    return this;
  }
  setFormula(formula: string) {
    this.each((r, c) => this.sheet.put(r, c, { value: "", formula }));
    return this;
  }
  getA1Notation() {
    return a1(this.row, this.col, this.numRows, this.numCols);
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numCols;
  }
  getSheet() {
    return this.sheet;
  }
  setNumberFormat(format: string) {
    this.each((r, c) => this.sheet.formats.set(`${r},${c}`, format));
    return this;
  }
  setFontWeight(_weight: string | null) {
    return this;
  }
  clearContent() {
    this.each((r, c) => this.sheet.put(r, c, { value: "", formula: "" }));
    return this;
  }
}

/**
 * What Sheets makes of a value written with setValue/setValues: like text typed into the cell, a
 * string starting with "=" becomes a formula (Sheets computes it; its value is not the text), and
 * a leading apostrophe makes the rest plain text, the apostrophe itself not part of the value.
 */
function asEntered(v: unknown): CellState {
  if (typeof v === "string" && v.startsWith("=")) return { value: "", formula: v };
  if (typeof v === "string" && v.startsWith("'")) return { value: v.slice(1), formula: "" };
  return { value: toValue(v), formula: "" };
}

function toValue(v: unknown): Value {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date)
    return v;
  throw new Error(`Exception: unsupported cell value ${JSON.stringify(v)}`);
}

export class SheetStandIn {
  readonly cells = new Map<string, CellState>();
  readonly formats = new Map<string, string>();
  frozenRows = 0;
  constructor(
    readonly spreadsheet: SpreadsheetStandIn,
    private name: string,
    readonly id: number,
  ) {}
  cell(r: number, c: number) {
    return this.cells.get(`${r},${c}`);
  }
  put(r: number, c: number, state: CellState) {
    if (state.value === "" && state.formula === "") this.cells.delete(`${r},${c}`);
    else this.cells.set(`${r},${c}`, state);
    // Like Sheets, a formula entered (or entered again) is computed; here at the next flush.
    if (state.formula) this.spreadsheet.entered.push({ sheet: this, row: r, col: c });
  }
  getName() {
    return this.name;
  }
  getSheetId() {
    return this.id;
  }
  getRange(rowOrA1: number | string, col?: number, numRows?: number, numCols?: number) {
    if (typeof rowOrA1 === "string") {
      const p = parseA1(rowOrA1);
      return new RangeStandIn(this, p.row, p.col, p.numRows, p.numCols);
    }
    return new RangeStandIn(this, rowOrA1, col!, numRows ?? 1, numCols ?? 1);
  }
  getDataRange() {
    let rows = 1;
    let cols = 1;
    for (const key of this.cells.keys()) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    }
    return new RangeStandIn(this, 1, 1, rows, cols);
  }
  setFrozenRows(rows: number) {
    this.frozenRows = rows;
  }
  activate() {
    this.spreadsheet.active = this;
    this.spreadsheet.selection = new RangeStandIn(this, 1, 1);
    return this;
  }
}

export interface MenuRecord {
  caption: string;
  items: (
    { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord }
  )[];
  addedToUi: boolean;
}

export class MenuStandIn {
  readonly record: MenuRecord;
  constructor(
    caption: string,
    private readonly ui: UiStandIn,
  ) {
    this.record = { caption, items: [], addedToUi: false };
  }
  addItem(caption: string, functionName: string) {
    this.record.items.push({ caption, functionName });
    return this;
  }
  addSeparator() {
    this.record.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: MenuStandIn) {
    this.record.items.push({ submenu: menu.record });
    return this;
  }
  addToUi() {
    this.record.addedToUi = true;
    this.ui.menus.push(this.record);
  }
}

export class UiStandIn {
  readonly menus: MenuRecord[] = [];
  readonly alerts: string[] = [];
  readonly sidebars: { title: string; html: string }[] = [];
  createAddonMenu() {
    // An add-on's menu appears under Extensions with the add-on's name.
    return new MenuStandIn("AI Team Planner", this);
  }
  createMenu(caption: string) {
    return new MenuStandIn(caption, this);
  }
  showSidebar(output: HtmlOutputStandIn) {
    this.sidebars.push({ title: output.title, html: output.html });
  }
  alert(message: string) {
    this.alerts.push(message);
    return "OK";
  }
}

/** Evaluates one formula of a sheet as Sheets would (the add-on's loader gives one), or throws. */
export type FormulaEvaluator = (sheet: SheetStandIn, formula: string) => unknown;

/**
 * The instant a date cell holds in a spreadsheet of `timeZone`: that date's midnight there, which
 * is what Sheets hands a script for a date cell (1 Jan 2027 in Asia/Kolkata is
 * 2026-12-31T18:30:00Z).
 */
export function dateCell(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  const offsetAt = (ms: number) => {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    }).formatToParts(new Date(ms));
    const p: Record<string, number> = {};
    for (const x of parts) if (x.type !== "literal") p[x.type] = Number(x.value);
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - ms;
  };
  const first = guess - offsetAt(guess);
  return new Date(guess - offsetAt(first));
}

export class SpreadsheetStandIn {
  readonly sheets: SheetStandIn[] = [];
  /** Formulas entered since the last flush, computed by it when an evaluator is set. */
  entered: { sheet: SheetStandIn; row: number; col: number }[] = [];
  /** Set by the add-on loader with `evaluateFormulas`: then flush() computes entered formulas. */
  evaluator: FormulaEvaluator | null = null;
  /** The spreadsheet's own time zone (File → Settings); by default this process's, as a test sets it. */
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  readonly namedRanges = new Map<string, RangeStandIn>();
  readonly toasts: string[] = [];
  active: SheetStandIn;
  selection: RangeStandIn;
  private nextId = 0;
  constructor(firstSheetName = "Sheet1") {
    this.active = this.insertSheet(firstSheetName);
    this.selection = new RangeStandIn(this.active, 1, 1);
  }
  getActiveSheet() {
    return this.active;
  }
  getActiveRange() {
    return this.selection;
  }
  getSheets() {
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }
  insertSheet(name: string) {
    if (this.getSheetByName(name))
      throw new Error(
        `Exception: A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    const sheet = new SheetStandIn(this, name, this.nextId === 0 ? 0 : 1000 + this.nextId);
    this.nextId++;
    this.sheets.push(sheet);
    // Like Sheets: inserting a sheet makes it the active one.
    this.active = sheet;
    this.selection = new RangeStandIn(sheet, 1, 1);
    return sheet;
  }
  setNamedRange(name: string, range: RangeStandIn) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new Error(`Exception: invalid named range name ${name}`);
    this.namedRanges.set(name, range);
  }
  getRangeByName(name: string) {
    return this.namedRanges.get(name) ?? null;
  }
  toast(message: string) {
    this.toasts.push(message);
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string) {
    this.timeZone = timeZone;
  }
  /**
   * Computes the formulas entered since the last call, as Sheets does once they are entered: a
   * value into the cell (a table spills into the cells right and below), an error as "#ERROR!".
   * Formulas not entered again keep their old values — a custom function does not recalculate
   * on its own.
   */
  recalculate() {
    const evaluate = this.evaluator;
    const entered = this.entered;
    this.entered = [];
    if (!evaluate) return;
    for (const { sheet, row, col } of entered) {
      const state = sheet.cell(row, col);
      if (!state?.formula) continue;
      let value: unknown;
      try {
        value = evaluate(sheet, state.formula);
      } catch {
        value = "#ERROR!";
      }
      const table = Array.isArray(value) ? (value as unknown[][]) : [[value]];
      table.forEach((line, i) =>
        (Array.isArray(line) ? line : [line]).forEach((v, j) => {
          const target = sheet.cells.get(`${row + i},${col + j}`);
          const cell = toValue(v);
          if (i === 0 && j === 0)
            sheet.cells.set(`${row},${col}`, { value: cell, formula: state.formula });
          else if (!target?.formula)
            sheet.cells.set(`${row + i},${col + j}`, { value: cell, formula: "" });
        }),
      );
    }
  }
  /** Test helper: select a cell as the user would. */
  select(sheet: SheetStandIn, a1ref: string) {
    this.active = sheet;
    this.selection = sheet.getRange(a1ref);
  }
}

export class SpreadsheetAppStandIn {
  readonly ui = new UiStandIn();
  flushes = 0;
  constructor(readonly spreadsheet: SpreadsheetStandIn | null = new SpreadsheetStandIn()) {}
  getActiveSpreadsheet() {
    return this.spreadsheet;
  }
  getUi() {
    return this.ui;
  }
  flush() {
    this.flushes++;
    this.spreadsheet?.recalculate();
  }
}

// ---- HtmlService, Logger, Utilities -----------------------------------------------------------

export class HtmlOutputStandIn {
  title = "";
  constructor(readonly html: string) {}
  setTitle(title: string) {
    this.title = title;
    return this;
  }
}

export class HtmlServiceStandIn {
  constructor(private readonly dir: string) {}
  createHtmlOutputFromFile(name: string) {
    return new HtmlOutputStandIn(readFileSync(path.join(this.dir, `${name}.html`), "utf8"));
  }
}

export class LoggerStandIn {
  readonly lines: string[] = [];
  log(message: string) {
    this.lines.push(String(message));
    return this;
  }
}

export const UtilitiesStandIn = {
  sleep(_ms: number) {
    // Nothing to wait for in tests.
  },
};
