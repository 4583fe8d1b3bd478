// The built add-on against the real local API (`npm start`'s worker with a fresh local D1):
// custom functions equal the API to the cent for hundreds of generated inputs; shared models go
// publish → pull → conflict, with the user choosing; AI_MODEL reads live results with few
// requests; workspace bands come down by "Refresh workspace data" only.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { CATALOGUE, listRoles, listLocations, upskillingPaths } from "../../shared/index.js";
import { dateCell } from "./support/apps-script-stand-ins.js";
import { loadAddon, type Addon } from "./support/load-addon.js";
import { api, startLocalWorker } from "../support/local-worker.js";

const worker = await startLocalWorker();
afterAll(() => worker.stop(), 30_000);

const auth = { Authorization: `Bearer ${worker.devKey}` };

type Outcome = { value: unknown } | { error: string };

function local(addon: Addon, fn: string, args: unknown[]): Outcome {
  try {
    return { value: addon.call(fn, ...args) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

async function remote(
  calls: { fn: string; args: unknown[] }[],
  headers: Record<string, string> = {},
): Promise<Outcome[]> {
  const res = await api(worker, "POST", "/v1/batch", { calls }, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.results as ({ value: unknown } | { error: { message: string } })[]).map((r) =>
    "error" in r ? { error: r.error.message } : { value: r.value },
  );
}

// ---- generated calls --------------------------------------------------------------------------

const roleNames = listRoles().flatMap((r) => [r.name, ...r.aliases.slice(0, 2)]);
const role = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...roleNames) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "ML Enginer",
      "Data Scientst",
      "Astronaut",
      "",
      "mle ",
      "DATA SCIENTIST",
    ),
  },
);
const level = fc.constantFrom<unknown>(
  "Entry",
  "Mid",
  "Senior",
  "Junior",
  "Sr",
  "senior",
  0,
  2,
  4,
  7,
  "4 years",
  "Mdi",
  "",
);
const location = fc.constantFrom<unknown>(
  "",
  ...listLocations().flatMap((l) => [l.name, l.aliases[0]!]),
  "Paris",
  "nyc",
);
const basis = fc.constantFrom<unknown>("", "base", "total", "market", "gross");
const currency = fc.constantFrom<unknown>("", "USD", "GBP", "EUR");
const point = fc.constantFrom<unknown>("", "low", "mid", "high", "max");

const hireRow = fc.tuple(
  fc.constantFrom(
    "ML Engineer",
    "Data Scientist",
    "AI Product Manager",
    "Prompt Engineer",
    "MLE",
    "Data Infrastructure Engineer",
    "MLOps Engineer",
  ),
  fc.constantFrom("Entry", "Mid", "Senior", 4),
  fc.constantFrom("US", "Austin", "SF", "NYC", "London", "Remote", ""),
  fc.integer({ min: 1, max: 30 }),
  fc.integer({ min: 1, max: 4 }),
  fc.oneof(
    fc.constant(""),
    fc.integer({ min: 60_000, max: 400_000 }),
    fc.double({ min: 50_000, max: 300_000, noNaN: true }).map((n) => Math.round(n * 100) / 100),
  ),
);
const hires = fc
  .array(hireRow, { minLength: 1, maxLength: 6 })
  .map((rows) => [["Role", "Level", "Location", "Start month", "Count", "Salary"], ...rows]);
/** An assumptions block: any of its labels (aliases too), mostly good values, sometimes none at all. */
const goodBlock = fc
  .record(
    {
      horizon: fc.tuple(
        fc.constantFrom("Horizon months", "horizon", "Months"),
        fc.constantFrom<unknown>(6, 12, 18, 24, 36, "24"),
      ),
      benefits: fc.tuple(
        fc.constantFrom("Benefits rate", "benefits", "BENEFITS RATE"),
        fc.constantFrom<unknown>(0, 0.1, 0.25, "25%", 0.333),
      ),
      raise: fc.tuple(
        fc.constantFrom("Annual raise", "raise"),
        fc.constantFrom<unknown>(0, 0.03, "4%"),
      ),
      start: fc.tuple(
        fc.constantFrom("Start date", "start month"),
        fc.constantFrom<unknown>("2027-01", "2027-7"),
      ),
    },
    { requiredKeys: [] },
  )
  .map((r) => Object.values(r) as unknown[][]);
/** A block with one mistake: an out-of-range value, a bare 25 meaning 25%, a typo'd label, a blank value. */
const badBlock = fc
  .tuple(
    goodBlock,
    fc.constantFrom<unknown[]>(
      ["Horizon months", 121],
      ["Benefits rate", 25],
      ["Annual raise", 0.6],
      ["Benfits rate", 0.2],
      ["Start date", "July"],
      ["Annual raise", ""],
    ),
  )
  .map(([rows, bad]) => [...rows.filter((r) => r[0] !== bad[0]), bad]);
const block = fc.oneof(
  { weight: 1, arbitrary: fc.constant<unknown>("") },
  { weight: 6, arbitrary: goodBlock },
  { weight: 1, arbitrary: badBlock },
);

const call = fc.oneof(
  fc
    .tuple(role, level, location, basis, currency, point)
    .map((a) => ({ fn: "AI_SALARY", args: a })),
  fc.tuple(role, level, location, basis, currency).map((a) => ({ fn: "AI_SALARY_RANGE", args: a })),
  fc.tuple(role, level, location).map((a) => ({ fn: "AI_SALARY_SOURCE", args: a })),
  fc
    .tuple(fc.integer({ min: 40_000, max: 600_000 }), role, level, location)
    .map((a) => ({ fn: "AI_SALARY_POSITION", args: a })),
  fc
    .tuple(role, level, location, fc.constantFrom<unknown>("", "startup", "public", "bank"), point)
    .map((a) => ({ fn: "AI_TOTAL_COMP", args: a })),
  fc
    .tuple(
      fc.oneof(fc.integer({ min: 0, max: 80 }), fc.constant("many")),
      fc.constantFrom<unknown>("", 3, 4, 5),
    )
    .map((a) => ({ fn: "AI_TEAM", args: a })),
  fc
    .tuple(
      fc.constantFrom("engineers", "data", "pm", "manager", "designers"),
      fc.integer({ min: 0, max: 50 }),
      fc.constantFrom<unknown>("", 3, 4),
    )
    .map((a) => ({ fn: "AI_RATIO", args: a })),
  fc
    .tuple(
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 2 }),
      fc.constantFrom<unknown>("", 10, 30),
    )
    .map((a) => ({ fn: "AI_TEAM_CHECK", args: a })),
  fc
    .tuple(
      hires,
      block,
      fc.constantFrom<unknown>(
        "total",
        "payroll",
        "benefits",
        "recruiting",
        "headcount",
        "runrate",
        "bonus",
      ),
      fc.constantFrom<unknown>("", 1, 2, 3),
    )
    .map((a) => ({ fn: "AI_PLAN_COST", args: a })),
  fc.tuple(hires, block).map((a) => ({ fn: "AI_PLAN_SUMMARY", args: a })),
  fc.tuple(hires, block).map((a) => ({ fn: "AI_PLAN", args: a })),
  fc.tuple(hires, block).map((a) => ({ fn: "AI_PLAN_WARNINGS", args: a })),
  fc
    .tuple(
      fc.constantFrom(
        ...upskillingPaths().map((p) => p.name),
        "Engineer → AI Engineer",
        "Chef → Data Scientist",
      ),
      fc.constantFrom<unknown>("", "steps", "min weeks", "max weeks"),
    )
    .map((a) => ({ fn: "AI_UPSKILL", args: a })),
  fc
    .tuple(fc.array(fc.tuple(role), { minLength: 2, maxLength: 8 }), level, location)
    .map(([column, lvl, loc]) => ({ fn: "AI_SALARY", args: [column, lvl, loc] })),
  fc
    .tuple(fc.array(fc.tuple(role), { minLength: 2, maxLength: 8 }), level)
    .map(([column, lvl]) => ({ fn: "AI_SALARY_RANGE", args: [column, lvl] })),
);

/** JSON carries no undefined: both sides get the same blank cells. */
const asSent = (c: { fn: string; args: unknown[] }) => ({ fn: c.fn, args: [...c.args] });

describe("custom functions equal the API's values", () => {
  it("for every catalogue example (except AI_MODEL)", async () => {
    const addon = loadAddon();
    const calls = CATALOGUE.filter((e) => !e.network).map((e) => ({
      fn: e.name,
      args: e.example.args as unknown[],
    }));
    const theirs = await remote(calls);
    calls.forEach((c, i) => expect(local(addon, c.fn, c.args), c.fn).toEqual(theirs[i]));
    expect(addon.urlFetch.requests).toEqual([]);
  });

  it("for a few hundred generated inputs, errors included, to the cent", async () => {
    const addon = loadAddon();
    let compared = 0;
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 40, maxLength: 40 }), async (batch) => {
        const calls = batch.map(asSent);
        const theirs = await remote(calls);
        calls.forEach((c, i) =>
          expect(local(addon, c.fn, c.args), JSON.stringify(c)).toEqual(theirs[i]),
        );
        compared += calls.length;
        errors += theirs.filter((t) => "error" in t).length;
      }),
      { numRuns: 8, seed: 20260501, endOnFailure: true },
    );
    expect(compared).toBeGreaterThanOrEqual(300);
    // Both kinds were compared: mostly values, and a fair share of errors (their messages too).
    expect(errors).toBeGreaterThan(compared * 0.05);
    expect(errors).toBeLessThan(compared * 0.6);
    expect(addon.urlFetch.requests).toEqual([]); // all of it computed locally
  }, 120_000);

  it("for the plan template sheet's own live formulas", async () => {
    const addon = loadAddon();
    const info = addon.call("insertPlanTemplate", "year-2-scale-out") as {
      sheetName: string;
      formulas: { summary: string; warnings: string; months: string };
    };
    const sheet = addon.ss.getSheetByName(info.sheetName)!;
    const template = await api(worker, "GET", "/v1/plan/templates/year-2-scale-out");
    expect(template.status, JSON.stringify(template.body)).toBe(200);
    const plan = await api(worker, "POST", "/v1/plan", template.body.input ?? template.body);
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const summary = addon.evaluate(sheet, info.formulas.summary) as unknown[][];
    const total = summary.at(-1)!;
    expect(total[0]).toBe("Total");
    expect(total[6]).toBe(plan.body.totals.total);
    const months = addon.evaluate(sheet, info.formulas.months) as unknown[][];
    expect(months.slice(1).map((m) => m[7])).toEqual(
      plan.body.months.map((m: { total: number }) => m.total),
    );
  });
});

// ---- shared models ----------------------------------------------------------------------------

function connected(options: { key?: boolean; evaluateFormulas?: boolean } = {}): Addon {
  const addon = loadAddon({ evaluateFormulas: options.evaluateFormulas });
  addon.call("saveSettings", {
    apiUrl: worker.url,
    ...(options.key === false ? {} : { apiKey: worker.devKey }),
  });
  return addon;
}

type Published = {
  status: string;
  message: string;
  model: {
    id: string;
    name: string;
    version: number;
    shareToken: string | null;
    sheetName: string;
    formula: string;
  };
  currentVersion?: number;
  yourVersion?: number;
};

describe("shared models against the local worker's D1", () => {
  it("Publish reads a plan sheet's start date in the spreadsheet's time zone (Asia/Kolkata: 1 Jan 2027 is 2027-01)", async () => {
    const addon = connected();
    addon.ss.setSpreadsheetTimeZone("Asia/Kolkata");
    const info = addon.call("insertPlanTemplate", "year-1-build-out") as {
      sheetName: string;
      assumptionsRange: string;
    };
    const sheet = addon.ss.getSheetByName(info.sheetName)!;
    const block = sheet.getRange(info.assumptionsRange);
    // The template leaves empty rows in its assumptions block for more: a start date goes there.
    const row = block.getValues().findIndex((r) => r[0] === "");
    expect(row).toBeGreaterThan(0);
    sheet
      .getRange(block.getRow() + row, block.getColumn(), 1, 2)
      .setValues([["Start date", dateCell(2027, 1, 1, "Asia/Kolkata")]]);
    const published = addon.call("publishPlan") as Published;
    expect(published.status).toBe("created");
    const stored = await api(worker, "GET", `/v1/models/${published.model.id}`, undefined, auth);
    expect(stored.body.input.startDate).toBe("2027-01");
  }, 60_000);

  it("Reprice with current data: a new version priced with the new bands, the difference by year; a stale sheet gets a conflict", async () => {
    const hire = { role: "ML Engineer", level: "Senior", location: "Seattle" };
    const input = { horizonMonths: 24, startDate: "2027-01", hires: [{ ...hire, startMonth: 1 }] };
    const made = await api(worker, "POST", "/v1/models", { name: "Reprice me", input }, auth);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id = made.body.id as string;
    const ann = connected();
    expect(ann.call("openModel", id)).toMatchObject({ status: "pulled", model: { version: 1 } });
    const put = await api(
      worker,
      "PUT",
      "/v1/bands",
      {
        bands: [{ ...hire, basis: "base", currency: "USD", low: 300_000, high: 340_000 }],
      },
      auth,
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const repriced = ann.call("repricePlan") as Published;
    expect(repriced).toMatchObject({ status: "updated", model: { id, version: 2 } });
    expect(repriced.message).toMatch(
      /^Repriced ".+" as version 2, priced with the current data \(workspace bands v\d+\)\. Difference from version 1: FY2027 \+\$[\d,]+\.\d\d.*; total \+\$[\d,]+\.\d\d\.$/,
    );
    const history = await api(worker, "GET", `/v1/models/${id}/versions`, undefined, auth);
    expect(history.body.versions.map((v: { kind: string }) => v.kind)).toEqual([
      "create",
      "reprice",
    ]);

    // Someone reprices again through the API; Ann's sheet still holds version 2.
    const other = await api(worker, "POST", `/v1/models/${id}/reprice`, undefined, {
      ...auth,
      "If-Match": '"v2"',
    });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    expect(ann.call("repricePlan")).toMatchObject({
      status: "conflict",
      yourVersion: 2,
      currentVersion: 3,
    });
    await api(worker, "PUT", "/v1/bands", { bands: [] }, auth);
  }, 60_000);

  it("publish → pull → conflict: a stale save is refused and the user chooses, never a silent overwrite", async () => {
    // Ann's document: a plan from the template, published.
    const ann = connected();
    const annInfo = ann.call("insertPlanTemplate", "year-1-build-out") as {
      sheetName: string;
      hiresRange: string;
    };
    const annSheet = ann.ss.getSheetByName(annInfo.sheetName)!;
    const created = ann.call("publishPlan") as Published;
    expect(created).toMatchObject({
      status: "created",
      model: { version: 1, sheetName: annInfo.sheetName },
    });
    expect(created.model.id).toMatch(/\S/);
    expect(created.model.shareToken).toMatch(/^shr_/);
    const id = created.model.id;
    const stored = await api(worker, "GET", `/v1/models/${id}`, undefined, auth);
    expect(stored.body.version).toBe(1);
    expect(stored.body.input.hires).toHaveLength(3);
    expect(ann.call("publishPlan")).toMatchObject({ status: "unchanged" });

    // Ben's document opens the same model, edits it, publishes version 2.
    const ben = connected();
    const opened = ben.call("openModel", id) as Published;
    expect(opened).toMatchObject({ status: "pulled", model: { id, version: 1 } });
    const benSheet = ben.ss.getSheetByName(opened.model.sheetName)!;
    expect(benSheet.getRange(annInfo.hiresRange).getValues()).toEqual(
      annSheet.getRange(annInfo.hiresRange).getValues(),
    );
    // The first hire's Count: the row under the hires table's header, wherever the block ends.
    const firstCount = `E${Number(/\d+/.exec(annInfo.hiresRange)![0]) + 1}`;
    benSheet.getRange(firstCount).setValue(2); // two team leads
    expect(ben.call("publishPlan")).toMatchObject({ status: "updated", model: { version: 2 } });

    // Ann, still on version 1, edits and publishes: 412, and the server keeps Ben's version.
    annSheet.getRange("B6").setValue(0.25);
    const stale = ann.call("publishPlan") as Published;
    expect(stale).toMatchObject({ status: "conflict", yourVersion: 1, currentVersion: 2 });
    expect(stale.message).toMatch(
      /Someone else saved version 2 of ".*" after you last published or pulled version 1\. Pull theirs .* or overwrite knowingly/,
    );
    const afterConflict = await api(worker, "GET", `/v1/models/${id}`, undefined, auth);
    expect(afterConflict.body.version).toBe(2);
    expect(afterConflict.body.input.hires[0].count).toBe(2);
    expect(afterConflict.body.input.benefitsRate ?? 0).toBe(0);

    // Overwriting needs the version she was shown; a different one asks again.
    expect(ann.call("resolvePublishConflict", "overwrite", 1)).toMatchObject({
      status: "conflict",
      currentVersion: 2,
    });
    expect(ann.call("resolvePublishConflict", "overwrite", 2)).toMatchObject({
      status: "updated",
      model: { version: 3 },
    });
    const overwritten = await api(worker, "GET", `/v1/models/${id}`, undefined, auth);
    expect(overwritten.body).toMatchObject({ version: 3, input: { benefitsRate: 0.25 } });

    // Ben pulls: no local edits since his publish, so version 3 simply comes in.
    const pulled = ben.call("pullModels") as {
      pulled: { version: number }[];
      conflicts: unknown[];
    };
    expect(pulled.pulled.map((m) => m.version)).toEqual([3]);
    expect(pulled.conflicts).toEqual([]);
    expect(benSheet.getRange("B6").getValues()).toEqual([[0.25]]);
    expect(benSheet.getRange(firstCount).getValues()).toEqual([[1]]);

    // Ben edits while Ann publishes version 4: his pull asks instead of discarding his edits.
    benSheet.getRange("B7").setValue(0.03);
    annSheet.getRange("B5").setValue(18);
    expect(ann.call("publishPlan")).toMatchObject({ status: "updated", model: { version: 4 } });
    const asked = ben.call("pullModels") as { pulled: unknown[]; conflicts: Published[] };
    expect(asked.pulled).toEqual([]);
    expect(asked.conflicts).toHaveLength(1);
    expect(asked.conflicts[0]!.message).toMatch(
      /has a newer version 4, and this sheet has edits not yet published/,
    );
    expect(benSheet.getRange("B7").getValues()).toEqual([[0.03]]); // untouched until he decides
    // He takes theirs.
    expect(ben.call("resolvePublishConflict", "pull", 4, opened.model.sheetName)).toMatchObject({
      status: "pulled",
      model: { version: 4 },
    });
    expect(benSheet.getRange("B5:B7").getValues()).toEqual([[18], [0.25], [0]]);
  }, 120_000);

  it("a finance-grade model opens into the sheet with its team and new columns, computes the API's figures there, and publishes every field back", async () => {
    const input = {
      horizonMonths: 24,
      startDate: "2026-10",
      fiscalYearStart: 7,
      benefitsRate: 0.25,
      annualRaise: 0.04,
      raiseMonth: 4,
      payrollTax: { rate: 0.062, wageBase: 168600 },
      bonusRate: 0.1,
      equityRate: 0.05,
      attritionRate: 0.1,
      hires: [
        { role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1, count: 3 },
        {
          role: "Data Scientist",
          level: "Senior",
          location: "NYC",
          startMonth: 3,
          department: "Data",
        },
        {
          role: "Technical writer",
          salary: 90000,
          startMonth: 4,
          fte: 0.5,
          bonusRate: 0,
          slipMonths: [0, 2],
        },
        {
          role: "Data labelling",
          startMonth: 1,
          type: "contractor",
          monthlyRate: 12000,
          department: "Data",
          endMonth: 9,
        },
      ],
      team: [
        { role: "Software Engineer", salary: 150000, count: 3, department: "Platform" },
        { role: "Engineering Manager", salary: 210000, department: "Platform", endMonth: 18 },
      ],
    };
    const created = await api(worker, "POST", "/v1/models", { name: "Finance plan", input }, auth);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const plan = await api(worker, "POST", "/v1/plan", input);
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);

    const addon = connected();
    const opened = addon.call("openModel", id) as Published;
    expect(opened).toMatchObject({ status: "pulled", model: { id, version: 1 } });
    const sheet = addon.ss.getSheetByName(opened.model.sheetName)!;
    const formulas = sheet.getDataRange().getFormulas().flat().filter(Boolean);
    const formula = (fn: string) => formulas.find((f) => f.startsWith(`=${fn}(`))!;

    // The sheet's own formulas give the API's figures: fiscal years, every line, departments.
    const summary = addon.evaluate(sheet, formula("AI_PLAN_SUMMARY")) as (string | number)[][];
    const totalAt = summary[0]!.indexOf("Total");
    expect(summary.slice(1, -1).map((r) => [r[0], r[totalAt]])).toEqual(
      plan.body.years.map((y: { label: string; total: number }) => [y.label, y.total]),
    );
    expect(summary[0]).toContain("Taxes");
    expect(summary[0]).toContain("Contractors");
    expect(summary.at(-1)![totalAt]).toBe(plan.body.totals.total);
    const departments = addon.evaluate(sheet, formula("AI_PLAN_DEPARTMENTS")) as (
      string | number
    )[][];
    const deptTotal = departments[0]!.indexOf("Total");
    expect(departments.slice(1).map((r) => [r[0], r[deptTotal]])).toEqual([
      ...plan.body.departments.map((d: { department: string; totals: { total: number } }) => [
        d.department,
        d.totals.total,
      ]),
      ["All departments", plan.body.totals.total],
    ]);

    // It reads back as the plan it was given; an edit in a new column publishes with every field.
    expect(addon.call("publishPlan")).toMatchObject({ status: "unchanged" });
    // The hires table's header row is the one with a Start month; the contractor is hire 4.
    const cells = sheet.getDataRange().getValues();
    const headerRow = cells.findIndex((r) => r.includes("Start month") && r.includes("End month"));
    const endCol = cells[headerRow]!.indexOf("End month");
    const contractorEnd = sheet.getRange(headerRow + 1 + 4, endCol + 1);
    expect(contractorEnd.getValues()).toEqual([[9]]);
    contractorEnd.setValue(6);
    expect(addon.call("publishPlan")).toMatchObject({ status: "updated", model: { version: 2 } });
    const stored = await api(worker, "GET", `/v1/models/${id}`, undefined, auth);
    const edited = {
      ...input,
      hires: input.hires.map((h, i) => (i === 3 ? { ...h, endMonth: 6 } : h)),
    };
    expect(stored.body.input).toMatchObject(edited);
    const storedPlan = await api(worker, "POST", "/v1/plan", stored.body.input);
    const editedPlan = await api(worker, "POST", "/v1/plan", edited);
    expect(storedPlan.body.totals).toEqual(editedPlan.body.totals);
    expect(storedPlan.body.totals.contractors).toBe(72000); // $12,000 × months 1–6
  }, 120_000);

  it("AI_MODEL reads a shared model's live result, cached so a sheet full of it makes few requests", async () => {
    const owner = connected();
    const info = owner.call("insertPlanTemplate", "year-2-scale-out") as {
      sheetName: string;
      formulas: { summary: string; warnings: string; months: string };
    };
    const published = owner.call("publishPlan") as Published;
    const token = published.model.shareToken!;
    expect(published.model.formula).toBe(`=AI_MODEL("${token}", "years")`);

    // A reader with no key at all, in another document.
    const reader = connected({ key: false });
    const years = reader.call("AI_MODEL", token, "years");
    // The API's result equals what the add-on computes locally from the same sheet.
    expect(years).toEqual(
      owner.evaluate(owner.ss.getSheetByName(info.sheetName)!, info.formulas.summary),
    );
    const apiResult = await api(worker, "GET", `/v1/shared/${token}/result`);
    expect(reader.call("AI_MODEL", token, "total")).toBe(
      apiResult.body.result?.totals?.total ?? apiResult.body.totals.total,
    );
    for (let i = 0; i < 50; i++) {
      reader.call(
        "AI_MODEL",
        token,
        ["total", "payroll", "headcount", "runrate"][i % 4],
        i % 3 === 0 ? "" : (i % 2) + 1,
      );
    }
    expect(reader.call("AI_MODEL", token, "months")).toHaveLength(25);
    expect(reader.urlFetch.requests).toHaveLength(1);
    expect(reader.urlFetch.requests[0]!.headers).not.toHaveProperty("Authorization");

    // By model id it needs a key; the owner has one.
    expect(owner.call("AI_MODEL", published.model.id, "years")).toEqual(years);
    expect(() => reader.call("AI_MODEL", "shr_doesnotexist000000000000", "total")).toThrow(
      /No shared model has the token "shr_doesnotexist000000000000" at http:\/\/127\.0\.0\.1:\d+\. A model id .* needs your API key/,
    );

    // A reader's sheet of AI_MODEL formulas re-reads after a new version once refreshed.
    const readerSheet = reader.ss.getActiveSheet();
    readerSheet.getRange("A1").setFormula(`=AI_MODEL("${token}", "total")`);
    const before = reader.evaluate(readerSheet, `=AI_MODEL("${token}", "total")`) as number;
    const ownerSheet = owner.ss.getSheetByName(info.sheetName)!;
    ownerSheet.getRange("B6").setValue(0.2);
    expect(owner.call("publishPlan")).toMatchObject({ status: "updated" });
    expect(reader.evaluate(readerSheet, `=AI_MODEL("${token}", "total")`)).toBe(before); // cached for a minute
    const refreshed = reader.call("pullModels") as { refreshedFormulas: number };
    expect(refreshed.refreshedFormulas).toBe(1);
    expect(readerSheet.getRange("A1").getFormulas()).toEqual([[`=AI_MODEL("${token}", "total")`]]);
    const after = reader.evaluate(readerSheet, `=AI_MODEL("${token}", "total")`);
    const ownersTotal = (owner.evaluate(ownerSheet, info.formulas.summary) as unknown[][]).at(
      -1,
    )![6];
    expect(after).toBe(ownersTotal);
    expect(after).toBeGreaterThan(before);
  }, 120_000);

  it("Refresh workspace data brings the workspace's bands down; AI_SALARY then uses them with no request", async () => {
    // Enough bands that their JSON outgrows one property (9 KB): the add-on must split it.
    const others = listRoles()
      .slice(1, 11)
      .flatMap((r) =>
        ["Entry", "Mid", "Senior"].flatMap((lvl) =>
          ["US", "New York", "Seattle", "Boston"].map((loc, i) => ({
            role: r.name,
            level: lvl,
            location: loc,
            basis: "base",
            currency: "USD",
            low: 100_000 + i * 1000,
            high: 120_000 + i * 1000,
          })),
        ),
      );
    const bands = [
      {
        role: "ML Engineer",
        level: "Mid",
        location: "Austin",
        basis: "base",
        currency: "USD",
        low: 150_000,
        high: 170_000,
      },
      ...others,
    ];
    const put = await api(worker, "PUT", "/v1/bands", { bands }, auth);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const addon = connected();
    const status = addon.call("refreshWorkspaceData") as {
      bandsCount: number;
      apiDataset: { version: string; hash: string };
      bundledDataset: { hash: string };
      notes: string[];
    };
    const health = await api(worker, "GET", "/health");
    expect(status.bandsCount).toBe(bands.length);
    expect(status.notes).toEqual([]);
    expect(Number(addon.properties.document.getProperty("atp.bands"))).toBeGreaterThan(1);
    expect(addon.call("AI_SALARY", listRoles()[3]!.name, "Senior", "Seattle")).toBe(112_000);
    expect(status.apiDataset).toEqual({
      version: health.body.datasetVersion,
      hash: health.body.datasetHash,
    });
    expect(status.bundledDataset.hash).toBe(health.body.datasetHash);
    const requests = addon.urlFetch.requests.length;
    expect(requests).toBe(5); // /health, /v1/bands and /v1/workspace/{levels,locations,fx}, in one fetchAll
    expect(addon.call("AI_SALARY", "MLE", "Mid", "Austin")).toBe(160_000);
    expect(addon.call("AI_SALARY_SOURCE", "ML Engineer", "Mid", "Austin")).toMatch(
      /^workspace band/,
    );
    const [withKey] = await remote([{ fn: "AI_SALARY", args: ["MLE", "Mid", "Austin"] }], auth);
    expect(withKey).toEqual({ value: 160_000 });
    expect(addon.urlFetch.requests.length).toBe(requests);
    // Another document without a refresh keeps the seed figure.
    expect(loadAddon().call("AI_SALARY", "MLE", "Mid", "Austin")).not.toBe(160_000);
    await api(worker, "PUT", "/v1/bands", { bands: [] }, auth);
  }, 60_000);

  it("Refresh workspace data brings levels, locations and FX rates down; AI_SALARY then prices a workspace location", async () => {
    const denver = { name: "Denver, CO", aliases: ["Denver"], factor: 0.95 };
    const putRows = (kind: string, rows: unknown[]) =>
      api(worker, "PUT", `/v1/workspace/${kind}`, { rows }, auth);
    expect((await putRows("locations", [denver])).status).toBe(200);
    expect((await putRows("levels", [{ name: "Staff" }])).status).toBe(200);
    expect(
      (await putRows("fx", [{ currency: "EUR", perUsd: 0.92, asOf: "2026-03-31" }])).status,
    ).toBe(200);
    const addon = connected();
    expect(() => addon.call("AI_SALARY", "MLE", "Mid", "Denver")).toThrow(/Unknown location/);
    const status = addon.call("refreshWorkspaceData") as Record<string, unknown>;
    expect(status).toMatchObject({ levelsCount: 1, locationsCount: 1, fxCount: 1, notes: [] });
    const requests = addon.urlFetch.requests.length;
    const viaApi = await api(
      worker,
      "GET",
      "/v1/salary?role=MLE&level=Mid&location=Denver",
      undefined,
      auth,
    );
    expect(viaApi.status, JSON.stringify(viaApi.body)).toBe(200);
    expect(addon.call("AI_SALARY", "MLE", "Mid", "Denver")).toBe(viaApi.body.mid);
    expect(addon.urlFetch.requests.length).toBe(requests);
    for (const kind of ["locations", "levels", "fx"]) await putRows(kind, []);
  }, 60_000);

  it("after Refresh workspace data an AI_SALARY cell already in the sheet shows the new bands; the toast says how many cells changed", async () => {
    const addon = connected({ evaluateFormulas: true });
    addon.call("refreshWorkspaceData");
    const sheet = addon.ss.getActiveSheet();
    sheet.getRange("A1").setFormula('=AI_SALARY("MLE","Mid","Austin")');
    sheet.getRange("A2").setFormula('=AI_SALARY("Data Scientist","Senior","Seattle")');
    sheet.getRange("A3").setValue("not a formula");
    addon.spreadsheetApp.flush();
    const seed = sheet.getRange("A1").getValues()[0]![0];
    const other = sheet.getRange("A2").getValues()[0]![0];
    expect(seed).toBe(loadAddon().call("AI_SALARY", "MLE", "Mid", "Austin"));
    expect(seed).not.toBe(190_000);

    const band = { role: "ML Engineer", level: "Mid", location: "Austin", basis: "base" };
    const put = await api(
      worker,
      "PUT",
      "/v1/bands",
      { bands: [{ ...band, currency: "USD", low: 180_000, high: 200_000 }] },
      auth,
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    // Nothing in the sheet moves by itself: a custom function recalculates only when re-entered.
    addon.spreadsheetApp.flush();
    expect(sheet.getRange("A1").getValues()[0]![0]).toBe(seed);

    addon.call("menuRefreshWorkspaceData");
    expect(sheet.getRange("A1").getValues()[0]![0]).toBe(190_000);
    expect(sheet.getRange("A2").getValues()[0]![0]).toBe(other);
    expect(sheet.getRange("A1").getFormulas()[0]![0]).toBe('=AI_SALARY("MLE","Mid","Austin")');
    expect(addon.ss.toasts.at(-1)).toBe(
      "Workspace data refreshed: 1 band(s), 0 level(s), 0 location(s), 0 FX rate(s); recalculated 2 formula(s), 1 cell(s) changed.",
    );
    // The sidebar's refresh says the same; with nothing new, nothing changes.
    const again = addon.call("refreshWorkspaceData") as { recalculated: unknown };
    expect(again.recalculated).toEqual({ formulas: 2, changedCells: 0 });
    await api(worker, "PUT", "/v1/bands", { bands: [] }, auth);
  }, 60_000);
});
