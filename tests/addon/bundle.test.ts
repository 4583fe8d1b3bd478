// The built add-on (sheets-addon/dist/Code.js) under Apps Script stand-ins, with no API behind it:
// what Apps Script and Sheets see, custom functions computing locally, ranges, errors, the menu,
// plan templates, settings and the formula browser's insert.
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CATALOGUE,
  EXAMPLE_ASSUMPTIONS,
  EXAMPLE_HIRES,
  PLAN_TEMPLATES,
} from "../../shared/index.js";
import { dateCell, type MenuRecord } from "./support/apps-script-stand-ins.js";
import { codePath, distDir, loadAddon, type Addon } from "./support/load-addon.js";

let code: string;
beforeAll(() => {
  code = loadAddon().code; // builds dist first when it is missing or stale
});

/** The JSDoc block and parameter list of a top-level `function NAME(...)` declaration in Code.js. */
function declaration(
  source: string,
  name: string,
): { jsdoc: string; params: string[] } | undefined {
  const m = new RegExp(
    `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(([^)]*)\\) \\{`,
  ).exec(source);
  if (!m) return undefined;
  return {
    jsdoc: m[1]!,
    params: m[2]!
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

const SIDEBAR_CALLS = [
  "sidebarState",
  "saveSettings",
  "insertFormula",
  "insertPlanTemplate",
  "publishPlan",
  "resolvePublishConflict",
  "repricePlan",
  "pullModels",
  "openModel",
  "refreshWorkspaceData",
];

describe("what Apps Script and Sheets see in Code.js", () => {
  it("declares every catalogue function at top level with @customfunction JSDoc generated from the catalogue", () => {
    const addon = loadAddon();
    expect(CATALOGUE.length).toBeGreaterThan(20);
    for (const entry of CATALOGUE) {
      const d = declaration(code, entry.name);
      expect(d, `${entry.name} is declared`).toBeDefined();
      expect(typeof (addon.context as Record<string, unknown>)[entry.name]).toBe("function");
      expect(d!.jsdoc).toContain("@customfunction");
      expect(d!.jsdoc).toContain(entry.summary.replace(/\s+/g, " "));
      expect(d!.params).toEqual(entry.args.map((a) => a.name));
      const params = [...d!.jsdoc.matchAll(/@param \{([^}]+)\} (\S+) (.*)/g)].map((p) => ({
        type: p[1]!,
        name: p[2]!,
        help: p[3]!,
      }));
      expect(params.map((p) => p.name)).toEqual(
        entry.args.map((a) => (a.optional ? `[${a.name}]` : a.name)),
      );
      entry.args.forEach((a, i) => {
        expect(params[i]!.help).toContain(a.help.replace(/\s+/g, " "));
        if (a.optional && a.defaultText)
          expect(params[i]!.help).toContain(`default ${a.defaultText}`);
      });
      expect(d!.jsdoc).toMatch(/@return \{[^}]+\} \S/);
    }
  });

  it("declares onOpen, onInstall, every menu item and every sidebar call as a top-level function", () => {
    const addon = loadAddon();
    addon.call("onOpen", { authMode: "NONE" });
    const menu = addon.spreadsheetApp.ui.menus[0]!;
    const menuFunctions = (m: MenuRecord): string[] =>
      m.items.flatMap((i) =>
        "functionName" in i ? [i.functionName] : "submenu" in i ? menuFunctions(i.submenu) : [],
      );
    for (const name of ["onOpen", "onInstall", ...menuFunctions(menu), ...SIDEBAR_CALLS]) {
      expect(code, name).toMatch(new RegExp(`^function ${name}\\(`, "m"));
      expect(declaration(code, name), `${name} has JSDoc`).toBeDefined();
      expect(typeof (addon.context as Record<string, unknown>)[name]).toBe("function");
    }
  });

  it("holds no module syntax, require( or fetch(, parses as a plain script and is not minified", () => {
    // As words or calls anywhere in the file — statements, dynamic import(), strings, comments.
    for (const pattern of [/\bimport\b/, /\bexport\b/, /require\(/, /fetch\(/])
      expect(pattern.test(code), String(pattern)).toBe(false);
    expect(() => new vm.Script(code)).not.toThrow();
    const lines = code.split("\n");
    expect(lines.length).toBeGreaterThan(2000);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(2000);
    expect(code).toMatch(/^function runCustomFunction\(/m); // readable names survive
    expect(code).toContain("GENERATED");
  });

  it("loads without touching any service: nothing runs until Apps Script calls a function", () => {
    const context = vm.createContext({});
    expect(() => new vm.Script(code).runInContext(context)).not.toThrow();
  });

  it("has a V8 manifest with the narrowest scopes that work and an https urlFetchWhitelist", () => {
    const manifest = JSON.parse(readFileSync(path.join(distDir, "appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(typeof manifest.timeZone).toBe("string");
    expect([...manifest.oauthScopes].sort()).toEqual([
      "https://www.googleapis.com/auth/script.container.ui",
      "https://www.googleapis.com/auth/script.external_request",
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
    ]);
    expect(manifest.urlFetchWhitelist.length).toBeGreaterThan(0);
    for (const prefix of manifest.urlFetchWhitelist)
      expect(prefix).toMatch(/^https:\/\/[^/]+\/\S*$/);
  });

  it("ships a sidebar whose function browser lists every catalogue function and loads nothing from elsewhere", () => {
    const html = readFileSync(path.join(distDir, "Sidebar.html"), "utf8");
    const embedded = JSON.parse(/var CATALOGUE = (\[.*\]);/.exec(html)![1]!) as {
      name: string;
      example: string;
    }[];
    expect(embedded.map((f) => f.name)).toEqual(CATALOGUE.map((e) => e.name));
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
  });
});

describe("custom functions compute locally", () => {
  let addon: Addon;
  beforeAll(() => {
    addon = loadAddon();
    // An API URL that answers nothing: a custom function that tried the network would fail.
    addon.properties.document.setProperty("atp.apiUrl", "http://127.0.0.1:9");
  });

  it("answers every catalogue example except AI_MODEL without a single UrlFetch call", () => {
    for (const entry of CATALOGUE.filter((e) => !e.network)) {
      const value = addon.call(entry.name, ...entry.example.args);
      expect(value, entry.name).not.toBeUndefined();
    }
    expect(addon.call("AI_TEAM", 12)).toEqual([
      ["Role", "Count"],
      ["Engineers", 4],
      ["Data people", 2],
      ["Product managers", 0],
      ["Managers", 1],
      ["Total", 7],
    ]);
    expect(addon.urlFetch.requests).toEqual([]);
  });

  it("maps a column of inputs to a column of results, blank rows staying blank and bad cells erring in place", () => {
    const one = (role: string) => addon.call("AI_SALARY", role, "Mid", "Austin");
    const column = addon.call(
      "AI_SALARY",
      [["ML Engineer"], [""], ["Data Scientist"], ["ML Enginer"], [""]],
      "Mid",
      "Austin",
    ) as unknown[][];
    expect(column).toHaveLength(5);
    expect(column[0]).toEqual([one("ML Engineer")]);
    expect(column[1]).toEqual([""]);
    expect(column[2]).toEqual([one("Data Scientist")]);
    expect(column[3]![0]).toMatch(/^Error: Unknown role "ML Enginer"\. Did you mean "ML Engineer"/);
    expect(column[4]).toEqual([""]);
    expect(typeof column[0]![0]).toBe("number");
  });

  it("maps several columns together, cell by cell, keeping the range's shape", () => {
    const roles = [
      ["ML Engineer", "Data Scientist"],
      ["MLE", ""],
    ];
    const levels = [
      ["Senior", "Entry"],
      ["Mid", ""],
    ];
    const out = addon.call("AI_SALARY", roles, levels) as unknown[][];
    expect(out).toEqual([
      [
        addon.call("AI_SALARY", "ML Engineer", "Senior"),
        addon.call("AI_SALARY", "Data Scientist", "Entry"),
      ],
      [addon.call("AI_SALARY", "MLE", "Mid"), ""],
    ]);
  });

  it("gives one low/mid/high row per input row for AI_SALARY_RANGE", () => {
    const out = addon.call(
      "AI_SALARY_RANGE",
      [["ML Engineer"], [""], ["Data Scientist"]],
      "Senior",
    ) as unknown[][];
    expect(out[0]).toEqual(
      (addon.call("AI_SALARY_RANGE", "ML Engineer", "Senior") as unknown[][])[0],
    );
    expect(out[1]).toEqual(["", "", ""]);
    expect(out[2]).toEqual(
      (addon.call("AI_SALARY_RANGE", "Data Scientist", "Senior") as unknown[][])[0],
    );
    const [low, mid, high] = out[0] as number[];
    expect(low).toBeLessThan(mid!);
    expect(mid).toBeLessThan(high!);
  });

  it("throws a plain Error whose message says what is wrong and what would be right", () => {
    const typo = addon.thrown("AI_SALARY", "ML Enginer", "Mid");
    expect(typo).toMatchObject({ name: "Error", constructorName: "Error" });
    expect(typo!.message).toMatch(/^Unknown role "ML Enginer"\. Did you mean "ML Engineer"/);
    expect(addon.thrown("AI_SALARY", "ML Engineer", "Mdi")!.message).toBe(
      'Unknown level "Mdi". Did you mean "Mid"?',
    );
    expect(addon.thrown("AI_SALARY", "ML Engineer", "Principal")!.message).toMatch(
      /^Unknown level "Principal"\. Known levels: Entry, Mid, Senior\./,
    );
    expect(addon.thrown("AI_SALARY")!.message).toMatch(/^role: is required/);
    expect(addon.thrown("AI_TEAM", "lots")!.message).toMatch(/^projects: must be a number/);
    expect(addon.thrown("AI_PLAN_TEMPLATE", "year 3")!.message).toMatch(
      /Unknown plan template "year 3"\. Known templates: year-1-build-out, year-2-scale-out/,
    );
    expect(
      addon.thrown("AI_PLAN", [
        ["Role", "Level"],
        ["ML Engineer", "Mid"],
      ])!.message,
    ).toMatch(/hires: the first row must name the hire columns; missing Start month/);
  });

  it("reports an unreachable API in AI_MODEL's cell, naming the URL and where to fix it", () => {
    const err = addon.thrown("AI_MODEL", "shr_nothing", "years");
    expect(err!.message).toMatch(/^Could not reach the API at http:\/\/127\.0\.0\.1:9 .*Settings/);
  });
});

describe("date cells are read in the spreadsheet's own time zone", () => {
  /** A sheet with the example hires in A1:E4 and assumptions in G1:H4 whose start date is a date cell. */
  function planSheet(addon: Addon, start: Date) {
    const sheet = addon.ss.getActiveSheet();
    sheet.getRange(1, 1, EXAMPLE_HIRES.length, 5).setValues(EXAMPLE_HIRES);
    const assumptions = EXAMPLE_ASSUMPTIONS.map((row) =>
      row[0] === "Start date" ? ["Start date", start] : row,
    );
    sheet.getRange(1, 7, assumptions.length, 2).setValues(assumptions);
    return sheet;
  }
  const firstMonth = (table: unknown) => (table as unknown[][])[1]![1]; // the Label column

  for (const timeZone of ["Asia/Kolkata", "Europe/Berlin", "America/Los_Angeles"])
    it(`1 Jan 2027 in a ${timeZone} spreadsheet is 2027-01, whatever the script's zone`, () => {
      const addon = loadAddon();
      addon.ss.setSpreadsheetTimeZone(timeZone);
      const start = dateCell(2027, 1, 1, timeZone);
      const sheet = planSheet(addon, start);
      expect(firstMonth(addon.evaluate(sheet, "=AI_PLAN(A1:E4, G1:H4)"))).toBe("2027-01");
      // The same instant read in the script's zone (here UTC) is another day.
      if (timeZone === "Asia/Kolkata") expect(start.toISOString()).toBe("2026-12-31T18:30:00.000Z");
    });

  it("a spreadsheet in the script's own zone reads its dates as they are", () => {
    const addon = loadAddon();
    const sheet = planSheet(addon, dateCell(2027, 3, 1, addon.ss.getSpreadsheetTimeZone()));
    expect(firstMonth(addon.evaluate(sheet, "=AI_PLAN(A1:E4, G1:H4)"))).toBe("2027-03");
  });
});

describe("menu, templates, settings and the formula browser", () => {
  it("adds the AI Team Planner menu with every action, including one item per plan template", () => {
    const addon = loadAddon();
    addon.call("onOpen", { authMode: "NONE" });
    const menu = addon.spreadsheetApp.ui.menus[0]!;
    expect(menu.caption).toBe("AI Team Planner");
    expect(menu.addedToUi).toBe(true);
    const captions = menu.items.map((i) =>
      "caption" in i ? i.caption : "submenu" in i ? `${i.submenu.caption} ›` : "—",
    );
    expect(captions).toEqual([
      "Open sidebar",
      "Insert plan template ›",
      "—",
      "Publish current plan as shared model",
      "Pull/refresh shared models",
      "Refresh workspace data",
      "—",
      "Settings",
    ]);
    const templates = menu.items.find((i) => "submenu" in i) as { submenu: MenuRecord };
    expect(templates.submenu.items.map((i) => ("caption" in i ? i.caption : ""))).toEqual(
      PLAN_TEMPLATES.map((t) => t.title),
    );
    // onOpen ran without reading any property or cache (it must work before authorisation).
    expect(addon.properties.document.data.size + addon.properties.user.data.size).toBe(0);
  });

  it("inserts a plan template as a sheet of assumptions, the seed's hires and live plan formulas", () => {
    const addon = loadAddon();
    const info = addon.call("insertPlanTemplate", "year-2-scale-out") as {
      sheetName: string;
      hiresRange: string;
      assumptionsRange: string;
      upskillingRange: string;
      teamRange: string;
      formulas: { summary: string; warnings: string; departments: string; months: string };
    };
    const sheet = addon.ss.getSheetByName(info.sheetName)!;
    expect(info.sheetName).toBe(
      "Plan - Year 1 Build-Out and Year 2 Scale-Out (Embedded Engineers)",
    );
    expect(addon.ss.getActiveSheet()).toBe(sheet);
    // The assumptions block: label | value rows in the API's names, with room for every
    // assumption (a row each, two for a slip or a payroll tax given by its parts).
    expect(info.assumptionsRange).toBe("A5:B18");
    expect(sheet.getRange(info.assumptionsRange).getValues()).toEqual([
      ["Horizon months", 24],
      ["Benefits rate", 0],
      ["Annual raise", 0],
      ...Array.from({ length: 11 }, () => ["", ""]),
    ]);
    expect(addon.call("AI_PLAN_TEMPLATE", "year-2-scale-out", "assumptions")).toEqual(
      sheet.getRange("A5:B7").getValues(),
    );

    const template = addon.call("AI_PLAN_TEMPLATE", "year-2-scale-out") as unknown[][];
    const hires = sheet.getRange(info.hiresRange).getValues();
    expect(hires[0]).toEqual([
      "Role",
      "Level",
      "Location",
      "Start month",
      "Count",
      "Salary",
      "Recruiting cost",
      "Channel",
      "End month",
      "FTE",
      "Type",
      "Monthly rate",
      "Department",
      "Bonus rate",
      "Equity rate",
      "Slip min",
      "Slip max",
    ]);
    // The team already employed, beside the block: a hire's columns without start or slip, empty.
    expect(info.teamRange).toBe("D5:Q18");
    const team = sheet.getRange(info.teamRange).getValues();
    expect(team[0]).toEqual(
      hires[0]!.filter((h) => !["Start month", "Slip min", "Slip max"].includes(h as string)),
    );
    expect(team.slice(1).every((r) => r.every((v) => v === ""))).toBe(true);
    expect(hires.slice(1, template.length).map((r) => r.slice(0, 7))).toEqual(template.slice(1));
    expect(hires.slice(template.length).every((r) => r.every((v) => v === ""))).toBe(true);
    const upskilling = addon.call(
      "AI_PLAN_TEMPLATE",
      "year-2-scale-out",
      "upskilling",
    ) as unknown[][];
    // The template's upskilling, with a Department column (blank: AI) beside it.
    const upskillingCells = sheet.getRange(info.upskillingRange).getValues();
    expect(upskillingCells[0]!.at(-1)).toBe("Department");
    expect(upskillingCells.slice(0, upskilling.length).map((r) => r.slice(0, -1))).toEqual(
      upskilling,
    );

    expect(info.formulas.summary).toBe(
      `=AI_PLAN_SUMMARY(${info.hiresRange}, ${info.assumptionsRange}, ${info.upskillingRange}, ${info.teamRange})`,
    );
    expect(info.formulas.departments).toBe(
      `=AI_PLAN_DEPARTMENTS(${info.hiresRange}, ${info.assumptionsRange}, "totals", ${info.upskillingRange}, ${info.teamRange})`,
    );
    const formulas = sheet.getDataRange().getFormulas().flat().filter(Boolean);
    expect(formulas).toEqual([
      info.formulas.summary,
      info.formulas.warnings,
      info.formulas.departments,
      info.formulas.months,
    ]);
    // Evaluated as Sheets would, the sheet's formulas give the template's plan.
    const summary = addon.evaluate(sheet, info.formulas.summary) as unknown[][];
    expect(summary).toEqual(
      addon.call(
        "AI_PLAN_SUMMARY",
        [template[0], ...template.slice(1)],
        [["Horizon months", 24]],
        upskilling,
      ),
    );
    expect(summary.at(-1)![0]).toBe("Total");
    expect((addon.evaluate(sheet, info.formulas.months) as unknown[][]).length).toBe(25);

    // Editing the block changes every formula over it, and a typo in it reads as a cell error.
    sheet.getRange("A8:B8").setValues([["start date", "2027-01"]]);
    sheet.getRange("B6").setValue(0.25);
    expect(addon.evaluate(sheet, info.formulas.summary)).toEqual(
      addon.call(
        "AI_PLAN_SUMMARY",
        [template[0], ...template.slice(1)],
        [
          ["Horizon months", 24],
          ["Benefits rate", 0.25],
          ["Start date", "2027-01"],
        ],
        upskilling,
      ),
    );
    sheet.getRange("A9:B9").setValues([["Benefits", 0.3]]);
    expect(() => addon.evaluate(sheet, info.formulas.summary)).toThrow(
      "assumptions row 5 Benefits rate: is given twice (rows 2 and 5); keep one",
    );
    sheet.getRange("A9").setValue("Benfits rate");
    expect(() => addon.evaluate(sheet, info.formulas.summary)).toThrow(
      'assumptions row 5: Unknown assumption "Benfits rate". Did you mean "Benefits rate"?',
    );
  });

  it("inserts from the menu too, and a second copy gets its own name", () => {
    const addon = loadAddon();
    addon.call("menuInsertYear1BuildOut");
    addon.call("menuInsertYear1BuildOut");
    expect(addon.ss.getSheets().map((s) => s.getName())).toEqual([
      "Sheet1",
      "Plan - Year 1 Build-Out (Centralized Team)",
      "Plan - Year 1 Build-Out (Centralized Team) (2)",
    ]);
    expect(addon.ss.toasts).toHaveLength(2);
    expect(addon.spreadsheetApp.ui.alerts).toEqual([]);
  });

  it("keeps the API key in user properties only: never in the document, the sheet or what the sidebar sees", () => {
    const addon = loadAddon();
    const key = "atp_live_7Q2x9ZkLmN4pR8sT";
    const saved = addon.call("saveSettings", { apiUrl: "http://127.0.0.1:8787/", apiKey: key });
    expect(saved).toMatchObject({
      apiUrl: "http://127.0.0.1:8787",
      hasKey: true,
      keyHint: "…R8sT",
    });
    expect(addon.properties.user.getProperty("atp.apiKey")).toBe(key);
    expect(JSON.stringify(addon.properties.document.getProperties())).not.toContain(key);
    expect(JSON.stringify(addon.call("sidebarState"))).not.toContain(key);
    expect(JSON.stringify(saved)).not.toContain(key);
    expect(JSON.stringify([...addon.ss.getActiveSheet().cells.values()])).not.toContain(key);
    expect(addon.call("saveSettings", { clearKey: true })).toMatchObject({
      hasKey: false,
      keyHint: null,
    });
    expect(addon.properties.user.getProperty("atp.apiKey")).toBeNull();
  });

  it("refuses an API URL Apps Script could not fetch, saying what would work", () => {
    const addon = loadAddon();
    expect(() => addon.call("saveSettings", { apiUrl: "ai planner" })).toThrow(
      /is not a web address; it should look like https:\/\//,
    );
    expect(() => addon.call("saveSettings", { apiUrl: "http://planner.example.com" })).toThrow(
      /must use https:\/\//,
    );
    expect(() => addon.call("saveSettings", { apiUrl: "https://elsewhere.example.org" })).toThrow(
      /may only call .*urlFetchWhitelist.*ADDON_API_URL=https:\/\/elsewhere\.example\.org/,
    );
    expect(() => addon.call("saveSettings", { apiKey: "two words" })).toThrow(
      /one line with no spaces/,
    );
  });

  it("inserts a formula from the function browser at the selected cell", () => {
    const addon = loadAddon();
    const sheet = addon.ss.getActiveSheet();
    addon.ss.select(sheet, "C3:D9");
    expect(addon.call("insertFormula", "=AI_TEAM(12)")).toEqual({
      cell: "Sheet1!C3",
      formula: "=AI_TEAM(12)",
    });
    expect(sheet.getRange("C3").getFormulas()).toEqual([["=AI_TEAM(12)"]]);
    expect(addon.evaluate(sheet, "=AI_TEAM(12)")).toEqual(addon.call("AI_TEAM", 12));
    expect(() => addon.call("insertFormula", "=AI_SALRY(1)")).toThrow(
      /Unknown function "AI_SALRY"\. Did you mean "AI_SALARY"/,
    );
    expect(() => addon.call("insertFormula", "SUM(A1:A2)")).toThrow(
      /starts with "=" and a function/,
    );
  });

  it("opens the sidebar from the menu, at Settings when asked", () => {
    const addon = loadAddon();
    addon.call("showSettings");
    expect(addon.spreadsheetApp.ui.sidebars).toHaveLength(1);
    expect(addon.spreadsheetApp.ui.sidebars[0]!.title).toBe("AI Team Planner");
    expect(addon.spreadsheetApp.ui.sidebars[0]!.html).toBe(
      readFileSync(path.join(distDir, "Sidebar.html"), "utf8"),
    );
    const state = addon.call("sidebarState") as {
      initialTab: string;
      templates: { name: string }[];
      activeSheet: { name: string; isPlan: boolean };
    };
    expect(state.initialTab).toBe("settings");
    expect(state.templates.map((t) => t.name)).toEqual(PLAN_TEMPLATES.map((t) => t.name));
    expect(state.activeSheet).toMatchObject({ name: "Sheet1", isPlan: false });
    expect((addon.call("sidebarState") as { initialTab: string }).initialTab).toBe("functions"); // shown once
  });

  it("a plan sheet's team and new hire columns feed every formula; a bad one is a cell error naming the row and the fix, and is not published", () => {
    const addon = loadAddon();
    addon.call("saveSettings", { apiUrl: "http://127.0.0.1:9", apiKey: "atp_test_key_123456" });
    const info = addon.call("insertPlanTemplate", "year-1-build-out") as {
      sheetName: string;
      hiresRange: string;
      teamRange: string;
      formulas: { summary: string; departments: string };
    };
    const sheet = addon.ss.getSheetByName(info.sheetName)!;
    const before = addon.evaluate(sheet, info.formulas.summary) as unknown[][];
    // Two engineers already employed, in Platform: paid from month 1, a department of their own.
    sheet.getRange("D6:H6").setValues([["Software Engineer", "", "", 2, 150000]]);
    sheet.getRange("O6").setValue("Platform");
    const summary = addon.evaluate(sheet, info.formulas.summary) as unknown[][];
    const total = summary[0]!.indexOf("Total");
    // $150,000 × 2 over the template's 12 months, with no recruiting: $300,000 more than before.
    expect(sheet.getRange("A5:B5").getValues()).toEqual([["Horizon months", 12]]);
    expect((summary.at(-1)![total] as number) - (before.at(-1)![total] as number)).toBe(300000);
    const departments = addon.evaluate(sheet, info.formulas.departments) as unknown[][];
    expect(departments.map((r) => r[0])).toContain("Platform");
    // A hire's FTE of 2: the cell names the hire (0-based, as the core's check names it) and the fix.
    const hiresTop = Number(/\d+/.exec(info.hiresRange)![0]);
    sheet.getRange(hiresTop + 1, 10).setValue(2); // J: FTE of the first hire
    expect(() => addon.evaluate(sheet, info.formulas.summary)).toThrow(
      "hires[0].fte: must be more than 0 and at most 1, got 2",
    );
    expect(() => addon.call("publishPlan")).toThrow(/cannot be used yet: .*fte/i);
  });

  it("explains, rather than fails, publishing a sheet that is not a plan", () => {
    const addon = loadAddon();
    addon.call("saveSettings", { apiUrl: "http://127.0.0.1:9", apiKey: "atp_test_key_123456" });
    expect(() => addon.call("publishPlan")).toThrow(
      /"Sheet1" is not a plan sheet .*Insert plan template/,
    );
    addon.call("menuPublishPlan");
    expect(addon.spreadsheetApp.ui.alerts[0]).toMatch(/is not a plan sheet/);
    expect(addon.logger.lines[0]).toMatch(/^AI Team Planner: .*is not a plan sheet/);
  });

  it("is the file clasp pushes", () => {
    expect(readFileSync(codePath, "utf8")).toBe(code);
  });
});
