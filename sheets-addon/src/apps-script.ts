/**
 * The slices of the Apps Script services the add-on uses, as plain interfaces. Every adapter takes
 * these as arguments (never the globals), so tests run the built bundle with stand-ins and the
 * TypeScript here needs no Apps Script type package.
 */

export type HttpMethod = "get" | "post" | "put" | "delete";

/** One request as UrlFetchApp.fetchAll takes it. */
export interface UrlFetchRequest {
  url: string;
  method: HttpMethod;
  headers?: Record<string, string>;
  contentType?: string;
  payload?: string;
  /** Always true: we read the status ourselves instead of letting 4xx throw. */
  muteHttpExceptions: true;
  followRedirects?: boolean;
}

export interface HttpResponseLike {
  getResponseCode(): number;
  getContentText(): string;
  getAllHeaders(): Record<string, string | string[]>;
}

/**
 * UrlFetchApp through fetchAll only: it runs its requests in parallel (a refresh needs several at
 * once), and one request is simply a list of one.
 */
export interface UrlFetchLike {
  fetchAll(requests: UrlFetchRequest[]): HttpResponseLike[];
}

export interface PropertiesLike {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): unknown;
  deleteProperty(key: string): unknown;
  getProperties(): Record<string, string>;
}

export interface PropertiesServiceLike {
  /** Null outside a document (e.g. a standalone script). */
  getDocumentProperties(): PropertiesLike | null;
  getUserProperties(): PropertiesLike;
}

export interface CacheLike {
  get(key: string): string | null;
  put(key: string, value: string, expirationInSeconds?: number): void;
  remove(key: string): void;
}

export interface CacheServiceLike {
  getDocumentCache(): CacheLike | null;
  getUserCache(): CacheLike | null;
}

export interface RangeLike {
  getValues(): unknown[][];
  setValues(values: unknown[][]): RangeLike;
  setValue(value: unknown): RangeLike;
  getFormulas(): string[][];
  setFormula(formula: string): RangeLike;
  getA1Notation(): string;
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getSheet(): SheetLike;
  setNumberFormat(format: string): RangeLike;
  setFontWeight(weight: string | null): RangeLike;
  clearContent(): RangeLike;
}

export interface SheetLike {
  getName(): string;
  getSheetId(): number;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): RangeLike;
  getDataRange(): RangeLike;
  setFrozenRows(rows: number): void;
  activate(): SheetLike;
}

export interface NamedRangeLike {
  getName(): string;
  getRange(): RangeLike;
}

export interface SpreadsheetLike {
  getActiveSheet(): SheetLike;
  getActiveRange(): RangeLike | null;
  getSheets(): SheetLike[];
  getSheetByName(name: string): SheetLike | null;
  insertSheet(name: string): SheetLike;
  setNamedRange(name: string, range: RangeLike): void;
  getRangeByName(name: string): RangeLike | null;
  toast(message: string, title?: string, timeoutSeconds?: number): void;
  /** The spreadsheet's own time zone (an IANA name): the zone its date cells are in. */
  getSpreadsheetTimeZone(): string;
}

export interface MenuLike {
  addItem(caption: string, functionName: string): MenuLike;
  addSeparator(): MenuLike;
  addSubMenu(menu: MenuLike): MenuLike;
  addToUi(): void;
}

export interface UiLike {
  createAddonMenu(): MenuLike;
  createMenu(caption: string): MenuLike;
  showSidebar(html: HtmlOutputLike): void;
  alert(message: string): unknown;
}

export interface SpreadsheetAppLike {
  getActiveSpreadsheet(): SpreadsheetLike | null;
  getUi(): UiLike;
  flush(): void;
}

export interface HtmlOutputLike {
  setTitle(title: string): HtmlOutputLike;
}

export interface HtmlServiceLike {
  createHtmlOutputFromFile(filename: string): HtmlOutputLike;
}

export interface LoggerLike {
  log(message: string): unknown;
}

/** Everything the add-on touches, gathered once per call from the Apps Script globals. */
export interface Services {
  urlFetch: UrlFetchLike;
  properties: PropertiesServiceLike;
  cache: CacheServiceLike;
  spreadsheetApp: SpreadsheetAppLike;
  html: HtmlServiceLike;
  logger: LoggerLike;
}
