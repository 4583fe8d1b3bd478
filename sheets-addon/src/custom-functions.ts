import {
  invokeFunction,
  isPlannerError,
  SHEET_WORK_BUDGET,
  type FunctionContext,
  type SheetArg,
  type SheetResult,
  type SalaryOptions,
} from "../../shared/index.js";
import { createApiClient } from "./api-client.js";
import type { Services } from "./apps-script.js";
import { createModelResolver } from "./model-resolver.js";
import { readSettings } from "./settings.js";
import { readWorkspaceData } from "./workspace-data.js";
import { hasDates, inSpreadsheetZone } from "./sheet-dates.js";

/**
 * A catalogue function as Sheets calls it. It computes here, with the bundled core: the only
 * I/O is reading the stored workspace bands and, for AI_MODEL alone, fetching a shared model.
 */
export function runCustomFunction(
  name: string,
  args: readonly unknown[],
  services: Services,
): SheetResult {
  try {
    let values = trimTrailingMissing(args);
    // Date cells are read in the spreadsheet's time zone; the zone is asked for only when needed.
    if (hasDates(values))
      values = inSpreadsheetZone(
        values,
        services.spreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetTimeZone(),
      );
    return invokeFunction(name, values as SheetArg[], functionContext(services));
  } catch (e) {
    throw cellError(e);
  }
}

/**
 * The stored workspace data (bands, levels, locations, FX rates) is read on first use only (most
 * functions never ask), and never fetched from here.
 */
export function functionContext(services: Services): FunctionContext {
  let data: SalaryOptions | null = null;
  const stored = () => (data ??= readWorkspaceData(services.properties));
  return {
    // A sheet's own quota pays for its functions (Apps Script stops one at 30 s), so a call may do
    // more than one API request; a call over even this is a cell error before anything runs.
    workBudget: SHEET_WORK_BUDGET,
    get bands() {
      return stored().bands;
    },
    get levels() {
      return stored().levels;
    },
    get locations() {
      return stored().locations;
    },
    get fx() {
      return stored().fx;
    },
    models: createModelResolver(
      () => createApiClient(services.urlFetch, readSettings(services.properties)),
      services.cache.getDocumentCache(),
    ),
  };
}

/**
 * A plain Error carrying the core's message, so the cell's error reads e.g. `Unknown role "ML
 * Enginer". Did you mean "ML Engineer"?` rather than the name of an internal error class.
 */
export function cellError(e: unknown): Error {
  if (isPlannerError(e)) return new Error(e.message);
  if (e instanceof Error) return new Error(e.message);
  return new Error(String(e));
}

/** Sheets passes every declared parameter, undefined when the formula leaves it out. */
function trimTrailingMissing(args: readonly unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}
