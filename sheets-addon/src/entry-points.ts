import { PLAN_TEMPLATES } from "../../shared/index.js";
import type { Services } from "./apps-script.js";
import {
  insertFormula,
  insertPlanTemplate,
  openSharedModel,
  publishActivePlan,
  repriceActivePlan,
  pullSharedModels,
  refreshWorkspace,
  resolvePublishConflict,
  saveSettingsAction,
  showSidebar,
  sidebarState,
} from "./sheet-actions.js";

/**
 * Every function Apps Script calls by name — triggers, menu items, google.script.run — with the
 * parameter names and help the build writes into Code.js as top-level declarations. Menu items
 * report in a toast, or an alert when something went wrong; a conflict opens the sidebar, where
 * the user chooses what happens.
 */
export interface EntryPoint {
  name: string;
  params: string[];
  doc: string;
  kind: "trigger" | "menu" | "sidebar";
  run(services: Services, ...args: unknown[]): unknown;
}

const TOAST_TITLE = "AI Team Planner";

/** "recalculated 12 formula(s), 3 cell(s) changed": what a refresh did to the sheets. */
function recalculatedText(status: { recalculated?: { formulas: number; changedCells: number } }) {
  const r = status.recalculated ?? { formulas: 0, changedCells: 0 };
  return `recalculated ${r.formulas} formula(s), ${r.changedCells} cell(s) changed`;
}

function menuAction(services: Services, action: () => { message: string } | string): void {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  try {
    const out = action();
    ss?.toast(typeof out === "string" ? out : out.message, TOAST_TITLE, 8);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    services.logger.log(`AI Team Planner: ${message}`); // kept in the execution log as well
    services.spreadsheetApp.getUi().alert(message);
  }
}

/** "year-1-build-out" → "menuInsertYear1BuildOut": a menu item names a global function. */
export function templateMenuFunction(name: string): string {
  return `menuInsert${name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("")}`;
}

function buildMenu(services: Services): void {
  const ui = services.spreadsheetApp.getUi();
  const templates = ui.createMenu("Insert plan template");
  for (const t of PLAN_TEMPLATES) templates.addItem(t.title, templateMenuFunction(t.name));
  ui.createAddonMenu()
    .addItem("Open sidebar", "showSidebar")
    .addSubMenu(templates)
    .addSeparator()
    .addItem("Publish current plan as shared model", "menuPublishPlan")
    .addItem("Pull/refresh shared models", "menuPullModels")
    .addItem("Refresh workspace data", "menuRefreshWorkspaceData")
    .addSeparator()
    .addItem("Settings", "showSettings")
    .addToUi();
}

const templateEntries: EntryPoint[] = PLAN_TEMPLATES.map((t) => ({
  name: templateMenuFunction(t.name),
  params: [],
  doc: `Menu: inserts a new sheet laid out with the "${t.title}" plan template.`,
  kind: "menu" as const,
  run: (s: Services) =>
    menuAction(s, () => {
      const info = insertPlanTemplate(s, t.name);
      return `Inserted "${info.sheetName}": edit the hires table; the summary and month-by-month tables follow.`;
    }),
}));

export const ENTRY_POINTS: EntryPoint[] = [
  {
    name: "onOpen",
    params: ["e"],
    kind: "trigger",
    // Runs before the add-on is authorised too (AuthMode.NONE): it only builds the menu.
    doc: "Adds the AI Team Planner menu when the spreadsheet opens.",
    run: (s) => buildMenu(s),
  },
  {
    name: "onInstall",
    params: ["e"],
    kind: "trigger",
    doc: "Adds the menu right after the add-on is installed, without reopening the spreadsheet.",
    run: (s) => buildMenu(s),
  },
  {
    name: "showSidebar",
    params: [],
    kind: "menu",
    doc: "Menu: opens the AI Team Planner sidebar.",
    run: (s) => showSidebar(s),
  },
  {
    name: "showSettings",
    params: [],
    kind: "menu",
    doc: "Menu: opens the sidebar at Settings (API URL and key).",
    run: (s) => showSidebar(s, { tab: "settings" }),
  },
  ...templateEntries,
  {
    name: "menuPublishPlan",
    params: [],
    kind: "menu",
    doc: "Menu: publishes the active plan sheet as a shared model (a new version when already published).",
    run: (s) =>
      menuAction(s, () => {
        const result = publishActivePlan(s);
        if (result.status === "conflict") showSidebar(s, { pending: result, tab: "models" });
        return result;
      }),
  },
  {
    name: "menuPullModels",
    params: [],
    kind: "menu",
    doc: "Menu: pulls newer versions of this document's shared models and recalculates every formula of ours.",
    run: (s) =>
      menuAction(s, () => {
        const result = pullSharedModels(s);
        if (result.conflicts.length) showSidebar(s, { pending: result, tab: "models" });
        return `Pulled ${result.pulled.length}, up to date ${result.upToDate.length}, needing your choice ${result.conflicts.length}; recalculated ${result.refreshedFormulas} formula(s), ${result.changedCells} cell(s) changed.${result.notes.length ? ` ${result.notes.join(" ")}` : ""}`;
      }),
  },
  {
    name: "menuRefreshWorkspaceData",
    params: [],
    kind: "menu",
    doc: "Menu: fetches the workspace's bands, levels, locations and FX rates and the API's dataset version, then recalculates every formula of ours.",
    run: (s) =>
      menuAction(s, () => {
        const status = refreshWorkspace(s);
        return `Workspace data refreshed: ${status.bandsCount} band(s), ${status.levelsCount} level(s), ${status.locationsCount} location(s), ${status.fxCount} FX rate(s); ${recalculatedText(status)}.${status.notes.length ? ` ${status.notes.join(" ")}` : ""}`;
      }),
  },
  {
    name: "sidebarState",
    params: [],
    kind: "sidebar",
    doc: "Sidebar: settings (never the key itself), workspace data, the active sheet's model and templates.",
    run: (s) => sidebarState(s),
  },
  {
    name: "saveSettings",
    params: ["settings"],
    kind: "sidebar",
    doc: "Sidebar: saves the API URL (document) and API key (user properties only).",
    run: (s, input) => saveSettingsAction(s, input as object),
  },
  {
    name: "insertFormula",
    params: ["formula"],
    kind: "sidebar",
    doc: "Sidebar: puts a catalogue formula in the selected cell.",
    run: (s, formula) => insertFormula(s, formula),
  },
  {
    name: "insertPlanTemplate",
    params: ["name"],
    kind: "sidebar",
    doc: "Sidebar: inserts a plan template as a new sheet with live formulas.",
    run: (s, name) => insertPlanTemplate(s, name),
  },
  {
    name: "publishPlan",
    params: [],
    kind: "sidebar",
    doc: "Sidebar: publishes the active plan sheet; answers a conflict instead of overwriting.",
    run: (s) => publishActivePlan(s),
  },
  {
    name: "resolvePublishConflict",
    params: ["choice", "seenVersion", "sheetName"],
    kind: "sidebar",
    doc: 'Sidebar: after a conflict, "pull" takes their version; "overwrite" saves over the version the user was shown.',
    run: (s, choice, seen, sheetName) => resolvePublishConflict(s, choice, seen, sheetName),
  },
  {
    name: "repricePlan",
    params: [],
    kind: "sidebar",
    doc: "Sidebar: saves a new version of the active sheet's model priced with the current data (If-Match) and says the difference by year.",
    run: (s) => repriceActivePlan(s),
  },
  {
    name: "pullModels",
    params: [],
    kind: "sidebar",
    doc: "Sidebar: pulls newer model versions and recalculates every formula of ours.",
    run: (s) => pullSharedModels(s),
  },
  {
    name: "openModel",
    params: ["id"],
    kind: "sidebar",
    doc: "Sidebar: opens a model by id as a new linked plan sheet.",
    run: (s, id) => openSharedModel(s, id),
  },
  {
    name: "refreshWorkspaceData",
    params: [],
    kind: "sidebar",
    doc: "Sidebar: fetches the workspace's bands, levels, locations and FX rates and the API's dataset version, then recalculates every formula of ours.",
    run: (s) => refreshWorkspace(s),
  },
];
