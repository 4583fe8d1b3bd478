import {
  findFunction,
  isPlannerError,
  planTemplate,
  PLAN_TEMPLATES,
  seedName,
} from "../../shared/index.js";
import { createApiClient } from "./api-client.js";
import type { Services, SpreadsheetLike } from "./apps-script.js";
import {
  modelView,
  openModel,
  publishPlan,
  pullModels,
  repriceModel,
  readLink,
  resolveConflict,
  type ModelView,
  type PublishResult,
  type PullResult,
  type SyncContext,
} from "./models-sync.js";
import { insertPlanSheet, isPlanSheet, type PlanSheetInfo } from "./plan-sheet.js";
import { recalculateOurFormulas } from "./recalculate.js";
import {
  publicSettings,
  readSettings,
  saveSettings,
  type PublicSettings,
  type SettingsInput,
} from "./settings.js";
import {
  readWorkspaceData,
  refreshWorkspaceData,
  workspaceStatus,
  type WorkspaceStatus,
} from "./workspace-data.js";

/**
 * What the menu and the sidebar do, each as one function of the services. They answer plain
 * JSON-able objects (google.script.run carries nothing else) and throw Errors whose message is
 * meant for the person at the sheet.
 */

function activeSpreadsheet(services: Services): SpreadsheetLike {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error("Open a spreadsheet first: AI Team Planner works inside Google Sheets.");
  return ss;
}

function syncContext(services: Services): SyncContext {
  const doc = services.properties.getDocumentProperties();
  if (!doc) throw new Error("Open a spreadsheet first: shared models are linked to the document.");
  return {
    spreadsheetApp: services.spreadsheetApp,
    ss: activeSpreadsheet(services),
    doc,
    cache: services.cache.getDocumentCache(),
    api: createApiClient(services.urlFetch, readSettings(services.properties)),
    pricing: readWorkspaceData(services.properties),
    now: new Date(),
  };
}

function withPlainErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isPlannerError(e)) throw new Error(e.message, { cause: e });
    throw e;
  }
}

export interface TemplateSummary {
  name: string;
  title: string;
  description: string;
}

export interface SidebarState {
  settings: PublicSettings;
  workspace: WorkspaceStatus;
  activeSheet: { name: string; isPlan: boolean; model: ModelView | null } | null;
  templates: TemplateSummary[];
  /** A result the menu produced that needs the user's choice (a publish conflict), shown on open. */
  pending: PublishResult | PullResult | null;
  initialTab: "functions" | "settings" | "models";
}

const PENDING_KEY = "atp.pending";
const TAB_KEY = "atp.tab";

export function sidebarState(services: Services): SidebarState {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const doc = services.properties.getDocumentProperties();
  let activeSheet: SidebarState["activeSheet"] = null;
  if (ss) {
    const sheet = ss.getActiveSheet();
    const link = doc ? readLink(doc, sheet) : undefined;
    activeSheet = {
      name: sheet.getName(),
      isPlan: isPlanSheet(ss, sheet),
      model: link ? modelView(sheet, link) : null,
    };
  }
  const userCache = services.cache.getUserCache();
  const pending = userCache?.get(PENDING_KEY);
  const tab = userCache?.get(TAB_KEY);
  userCache?.remove(PENDING_KEY);
  userCache?.remove(TAB_KEY);
  return {
    settings: publicSettings(readSettings(services.properties)),
    workspace: workspaceStatus(services.properties),
    activeSheet,
    templates: PLAN_TEMPLATES.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
    })),
    pending: pending ? (JSON.parse(pending) as PublishResult | PullResult) : null,
    initialTab: tab === "settings" || tab === "models" ? tab : pending ? "models" : "functions",
  };
}

export function saveSettingsAction(services: Services, input: SettingsInput): PublicSettings {
  return saveSettings(services.properties, input);
}

/** Puts a catalogue formula in the selected cell (the top-left one of a selection). */
export function insertFormula(
  services: Services,
  formula: unknown,
): { cell: string; formula: string } {
  const text = typeof formula === "string" ? formula.trim() : "";
  const m = /^=\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(text);
  if (!m)
    throw new Error(
      `A formula starts with "=" and a function, e.g. =AI_TEAM(12); got ${JSON.stringify(text)}.`,
    );
  withPlainErrors(() => findFunction(m[1]!));
  const ss = activeSpreadsheet(services);
  const selection = ss.getActiveRange();
  if (!selection)
    throw new Error("Select the cell the formula should go in, then insert it again.");
  const cell = selection.getSheet().getRange(selection.getRow(), selection.getColumn());
  cell.setFormula(text);
  return { cell: `${selection.getSheet().getName()}!${cell.getA1Notation()}`, formula: text };
}

export function insertPlanTemplate(services: Services, name: unknown): PlanSheetInfo {
  return withPlainErrors(() => {
    const template = planTemplate(typeof name === "string" && name ? name : "year-1-build-out");
    const ss = activeSpreadsheet(services);
    const sources = [...new Set(template.sources.map((s) => seedName(s.file)))].join(", ");
    return insertPlanSheet(ss, {
      title: `Plan - ${template.title}`,
      subtitle: `${template.description} Seeds: ${sources}.`,
      input: template.input,
    }).info;
  });
}

export function repriceActivePlan(services: Services): PublishResult {
  return withPlainErrors(() => {
    const ctx = syncContext(services);
    return repriceModel(ctx, ctx.ss.getActiveSheet());
  });
}

export function publishActivePlan(services: Services): PublishResult {
  return withPlainErrors(() => {
    const ctx = syncContext(services);
    return publishPlan(ctx, ctx.ss.getActiveSheet());
  });
}

/** `sheetName` names the conflicting plan sheet (a pull can report one that is not active); default the active one. */
export function resolvePublishConflict(
  services: Services,
  choice: unknown,
  seenVersion: unknown,
  sheetName?: unknown,
): PublishResult {
  return withPlainErrors(() => {
    const ctx = syncContext(services);
    let sheet = ctx.ss.getActiveSheet();
    if (typeof sheetName === "string" && sheetName) {
      const named = ctx.ss.getSheetByName(sheetName);
      if (!named)
        throw new Error(
          `There is no sheet "${sheetName}" any more; pull or publish from the plan's sheet.`,
        );
      sheet = named;
    }
    return resolveConflict(ctx, sheet, choice, seenVersion);
  });
}

export function pullSharedModels(services: Services): PullResult {
  return withPlainErrors(() => pullModels(syncContext(services)));
}

export function openSharedModel(services: Services, id: unknown): PublishResult {
  return withPlainErrors(() => openModel(syncContext(services), id));
}

/**
 * "Refresh workspace data": stores the workspace's data, then re-enters every formula of ours so
 * each recalculates with it (a custom function does not recalculate when stored data changes),
 * and says how many cells changed.
 */
export function refreshWorkspace(services: Services): WorkspaceStatus {
  return withPlainErrors(() => {
    const status = refreshWorkspaceData(
      services.properties,
      createApiClient(services.urlFetch, readSettings(services.properties)),
      new Date(),
    );
    const ss = services.spreadsheetApp.getActiveSpreadsheet();
    return ss
      ? { ...status, recalculated: recalculateOurFormulas(services.spreadsheetApp, ss) }
      : status;
  });
}

/** Opens the sidebar; `pending` (a conflict from a menu action) and `tab` are shown when it loads. */
export function showSidebar(
  services: Services,
  options: { tab?: SidebarState["initialTab"]; pending?: PublishResult | PullResult } = {},
): void {
  const userCache = services.cache.getUserCache();
  if (options.pending) userCache?.put(PENDING_KEY, JSON.stringify(options.pending), 600);
  if (options.tab) userCache?.put(TAB_KEY, options.tab, 600);
  services.spreadsheetApp
    .getUi()
    .showSidebar(services.html.createHtmlOutputFromFile("Sidebar").setTitle("AI Team Planner"));
}
