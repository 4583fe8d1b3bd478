// Runs the BUILT add-on (sheets-addon/dist/Code.js, exactly the file `clasp push` uploads) in a
// node:vm context whose globals are the Apps Script stand-ins, the way Apps Script runs it: one
// global scope, top-level function declarations as the callable surface.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import {
  CacheServiceStandIn,
  HtmlServiceStandIn,
  LoggerStandIn,
  PropertiesServiceStandIn,
  SpreadsheetAppStandIn,
  SpreadsheetStandIn,
  UrlFetchAppStandIn,
  UtilitiesStandIn,
  parseA1,
  type SheetStandIn,
} from "./apps-script-stand-ins.js";
import { root } from "../../../scripts/lib/paths.mjs";

export { root };
export const distDir = path.join(root, "sheets-addon", "dist");
export const codePath = path.join(distDir, "Code.js");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * `npm test` builds before running; a lone `vitest run tests/addon` rebuilds here when dist is
 * missing or older than its sources, so the tests never judge a stale bundle.
 */
export function ensureBuilt(): void {
  let built: number;
  try {
    built = Math.min(
      statSync(codePath).mtimeMs,
      statSync(path.join(distDir, "Sidebar.html")).mtimeMs,
      statSync(path.join(distDir, "appsscript.json")).mtimeMs,
    );
  } catch {
    built = 0;
  }
  const sources = Math.max(
    newestMtime(path.join(root, "sheets-addon", "src")),
    newestMtime(path.join(root, "shared")),
    statSync(path.join(root, "sheets-addon", "build.mjs")).mtimeMs,
    statSync(path.join(root, "sheets-addon", "appsscript.json")).mtimeMs,
  );
  if (built < sources)
    execFileSync(process.execPath, [path.join(root, "sheets-addon", "build.mjs")], {
      cwd: root,
      stdio: "pipe",
    });
}

export interface AddonOptions {
  /** A directory with another build's Code.js and Sidebar.html (default: sheets-addon/dist, built if stale). */
  dir?: string;
  spreadsheet?: SpreadsheetStandIn | null;
  properties?: PropertiesServiceStandIn;
  cache?: CacheServiceStandIn;
  urlFetch?: UrlFetchAppStandIn;
  /** Formulas entered into the spreadsheet are computed with the add-on's functions at each flush, as Sheets would. */
  evaluateFormulas?: boolean;
}

export interface Addon {
  code: string;
  context: vm.Context;
  urlFetch: UrlFetchAppStandIn;
  properties: PropertiesServiceStandIn;
  cache: CacheServiceStandIn;
  spreadsheetApp: SpreadsheetAppStandIn;
  ss: SpreadsheetStandIn;
  logger: LoggerStandIn;
  /** Calls a global function of Code.js as Apps Script would; the result is copied out of the vm. */
  call(name: string, ...args: unknown[]): unknown;
  /** The thrown value as the add-on threw it (name and message), or undefined when it returned. */
  thrown(
    name: string,
    ...args: unknown[]
  ): { name: string; message: string; constructorName: string } | undefined;
  /** Evaluates a formula such as =AI_PLAN(A11:H41, B5, B6) on a sheet, as Sheets passes arguments. */
  evaluate(sheet: SheetStandIn, formula: string): unknown;
}

export function loadAddon(options: AddonOptions = {}): Addon {
  const dir = options.dir ?? distDir;
  if (!options.dir) ensureBuilt();
  const code = readFileSync(path.join(dir, "Code.js"), "utf8");
  const urlFetch = options.urlFetch ?? new UrlFetchAppStandIn();
  const properties = options.properties ?? new PropertiesServiceStandIn();
  const cache = options.cache ?? new CacheServiceStandIn();
  const spreadsheetApp = new SpreadsheetAppStandIn(
    options.spreadsheet === undefined ? new SpreadsheetStandIn() : options.spreadsheet,
  );
  const logger = new LoggerStandIn();
  const context = vm.createContext({
    UrlFetchApp: urlFetch,
    PropertiesService: properties,
    CacheService: cache,
    SpreadsheetApp: spreadsheetApp,
    HtmlService: new HtmlServiceStandIn(dir),
    Logger: logger,
    Utilities: UtilitiesStandIn,
    console,
  });
  new vm.Script(code, { filename: "Code.js" }).runInContext(context);

  const fn = (name: string) => {
    const f = (context as Record<string, unknown>)[name];
    if (typeof f !== "function") throw new Error(`Code.js has no global function ${name}`);
    return f as (...args: unknown[]) => unknown;
  };
  const copyOut = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  const addon: Addon = {
    code,
    context,
    urlFetch,
    properties,
    cache,
    spreadsheetApp,
    ss: spreadsheetApp.spreadsheet!,
    logger,
    call: (name, ...args) => {
      try {
        return copyOut(fn(name)(...args));
      } catch (e) {
        // Re-thrown from this realm so vitest's matchers see an ordinary Error with the same message.
        throw new Error((e as Error).message, { cause: e });
      }
    },
    thrown: (name, ...args) => {
      try {
        fn(name)(...args);
        return undefined;
      } catch (e) {
        const err = e as Error;
        return {
          name: err.name,
          message: err.message,
          constructorName: err.constructor?.name ?? "",
        };
      }
    },
    evaluate: (sheet, formula) => {
      const m = /^=([A-Z_][A-Z0-9_]*)\((.*)\)$/s.exec(formula.trim());
      if (!m) throw new Error(`cannot evaluate ${formula}`);
      return addon.call(m[1]!, ...splitArgs(m[2]!).map((a) => formulaArg(sheet, a)));
    },
  };
  if (options.evaluateFormulas && addon.ss) addon.ss.evaluator = addon.evaluate;
  return addon;
}

function splitArgs(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim() || out.length) out.push(cur.trim());
  return out;
}

/** A literal, a cell (passed as its value) or a range (passed as rows of values), as Sheets does. */
function formulaArg(sheet: SheetStandIn, arg: string): unknown {
  if (arg === "") return undefined;
  if (/^".*"$/s.test(arg)) return arg.slice(1, -1).replace(/""/g, '"');
  if (/^-?\d+(\.\d+)?$/.test(arg)) return Number(arg);
  const [sheetName, ref] = arg.includes("!") ? arg.split("!") : [null, arg];
  const target = sheetName
    ? sheet.spreadsheet.getSheetByName(sheetName.replace(/^'|'$/g, ""))!
    : sheet;
  const p = parseA1(ref!);
  const values = target.getRange(p.row, p.col, p.numRows, p.numCols).getValues();
  return p.numRows === 1 && p.numCols === 1 ? values[0]![0] : values;
}
