/**
 * The bundle's entry. esbuild wraps everything in one IIFE (Apps Script has no modules) bound to
 * the global `AiTeamPlannerBundle`; the build then appends a top-level `function` declaration per
 * custom function and entry point that calls into `surface` — Apps Script and Sheets only see
 * top-level functions, and only read JSDoc (formula help) from them.
 */
import {
  CATALOGUE,
  PLAN_ASSUMPTIONS,
  describeLimits,
  describeFunction,
  type AssumptionSpec,
} from "../../shared/index.js";
import type {
  CacheServiceLike,
  HtmlServiceLike,
  LoggerLike,
  PropertiesServiceLike,
  Services,
  SpreadsheetAppLike,
  UrlFetchLike,
} from "./apps-script.js";
import { BUILD } from "./build-config.js";
import { runCustomFunction } from "./custom-functions.js";
import { ENTRY_POINTS } from "./entry-points.js";

declare const UrlFetchApp: UrlFetchLike;
declare const PropertiesService: PropertiesServiceLike;
declare const CacheService: CacheServiceLike;
declare const SpreadsheetApp: SpreadsheetAppLike;
declare const HtmlService: HtmlServiceLike;
declare const Logger: LoggerLike;

/**
 * Each service is looked up when first used, never at load: loading the bundle touches nothing
 * (the build loads it in Node), and a custom function reaches only the services it needs.
 */
function services(): Services {
  return {
    get urlFetch() {
      return UrlFetchApp;
    },
    get properties() {
      return PropertiesService;
    },
    get cache() {
      return CacheService;
    },
    get spreadsheetApp() {
      return SpreadsheetApp;
    },
    get html() {
      return HtmlService;
    },
    get logger() {
      return Logger;
    },
  };
}

type Callable = (...args: unknown[]) => unknown;

export const surface: Record<string, Callable> = {};
for (const entry of CATALOGUE)
  surface[entry.name] = (...args: unknown[]) => runCustomFunction(entry.name, args, services());
for (const entry of ENTRY_POINTS)
  surface[entry.name] = (...args: unknown[]) => entry.run(services(), ...args);

/** What the build generates Code.js's declarations, the sidebar's function browser and the docs from. */
export function buildManifest() {
  return {
    build: BUILD,
    catalogue: CATALOGUE.map((e) => ({
      ...describeFunction(e),
      /** The example's arguments as Sheets would pass them (the docs run them for the README table). */
      exampleArgs: e.example.args,
    })),
    /** The assumptions block's labels (the docs' assumptions table and the sidebar read them). */
    assumptions: (PLAN_ASSUMPTIONS as readonly AssumptionSpec[]).map((a) => ({
      key: a.key,
      label: a.label,
      aliases: [...a.aliases, ...(a.parts ? [...a.parts.min, ...a.parts.max] : [])],
      kind: a.kind,
      limits: describeLimits(a),
      defaultText: a.defaultText,
      help: a.help,
    })),
    entryPoints: ENTRY_POINTS.map((e) => ({
      name: e.name,
      params: e.params,
      doc: e.doc,
      kind: e.kind,
    })),
  };
}

export type BuildManifest = ReturnType<typeof buildManifest>;
