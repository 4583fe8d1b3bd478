// Finance-grade budgets through every JSON route (issue 14): the existing team, any role at a
// given salary, payroll taxes with a wage base, bonus, equity, contractors, FTE, leavers,
// attrition, a merit month, fiscal years and departments; scenario overrides that add and remove
// hires and replace upskilling; saves and the months CSV. Each answer is checked against figures
// worked out by hand here and against the core run directly; bad input is a problem naming the
// field and the fix, with nothing stored.
import { describe, expect, it } from "vitest";
import {
  comparePlans,
  comparisonToUnits,
  planRangeToUnits,
  planToUnits,
  runPlan,
  runPlanRange,
} from "../../shared/index.js";
import { csv, okJson, post, problem } from "./api-client.js";
import { api, jsonOf, problemOf, workspaceWithKeys } from "./support/workspace.js";

/** The README's finance example: hires, a contractor, a team and every new assumption. */
const FINANCE = {
  horizonMonths: 24,
  startDate: "2026-10",
  fiscalYearStart: 7,
  benefitsRate: 0.25,
  annualRaise: 0.04,
  raiseMonth: 4,
  payrollTax: { rate: 0.062, wageBase: 168600 },
  bonusRate: 0.1,
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
    { role: "AI Product Manager", level: "Mid", location: "Remote", startMonth: 4 },
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
    { role: "Engineering Manager", salary: 210000, department: "Platform" },
  ],
};

const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe("POST /v1/plan: finance-grade inputs", () => {
  it("answers the core's result exactly, with every cost line, fiscal years, FTE and departments", async () => {
    const body = await okJson(await post("/v1/plan", FINANCE));
    expect(body).toEqual(plain(planToUnits(runPlan(FINANCE))));
    expect(body.years.map((y: { label: string; months: number }) => [y.label, y.months])).toEqual([
      ["FY2027", 9],
      ["FY2028", 12],
      ["FY2029", 3],
    ]);
    expect(body.costLines).toEqual([
      "payroll",
      "benefits",
      "taxes",
      "bonus",
      "contractors",
      "recruiting",
      "backfill",
      "upskilling",
    ]);
    // The README's AI_PLAN_SUMMARY total, through the JSON route.
    expect(body.totals.total).toBe(4613995.43);
    expect(body.totals.contractors).toBe(108000); // $12,000 × months 1–9
    expect(body.team.map((t: { role: string; existing: boolean }) => [t.role, t.existing])).toEqual(
      [
        ["Software Engineer", true],
        ["Engineering Manager", true],
      ],
    );
    expect(body.hires[3]).toMatchObject({ type: "contractor", monthlyRate: 12000, endMonth: 9 });
    // Departments add up to the plan, line by line, to the cent.
    const names = body.departments.map((d: { department: string }) => d.department);
    expect(names.sort()).toEqual(["AI", "Data", "Platform"]);
    for (const line of [...body.costLines, "total"]) {
      const sum = body.departments.reduce(
        (s: number, d: { totals: Record<string, number> }) => s + Math.round(d.totals[line]! * 100),
        0,
      );
      expect(sum, line).toBe(Math.round(body.totals[line] * 100));
    }
  });

  it("prices each rule as worked out by hand", async () => {
    // $120,000 from January at 6.2% up to a $100,000 wage base: $620 a month for ten months.
    const tax = await okJson(
      await post("/v1/plan", {
        horizonMonths: 12,
        startDate: "2027-01",
        payrollTax: { rate: 0.062, wageBase: 100000 },
        hires: [{ role: "Staff accountant", salary: 120000, startMonth: 1, recruitingCost: 0 }],
      }),
    );
    expect(tax.totals).toMatchObject({ payroll: 120000, taxes: 6200, total: 126200 });
    expect(tax.hires[0]).toMatchObject({ level: null, salarySource: { provenance: "input" } });
    // fte 0.5 halves pay; FTE beside headcount.
    const half = await okJson(
      await post("/v1/plan", {
        horizonMonths: 12,
        hires: [{ role: "Designer", salary: 120000, startMonth: 1, fte: 0.5, recruitingCost: 0 }],
      }),
    );
    expect(half.totals.payroll).toBe(60000);
    expect(half.months[0]).toMatchObject({ headcount: 1, fte: 0.5, payroll: 5000 });
    // A contractor at $10,000 a month for 12 months: $120,000 on contractors and nothing else.
    const contractor = await okJson(
      await post("/v1/plan", {
        horizonMonths: 12,
        benefitsRate: 0.25,
        payrollTax: { rate: 0.062 },
        bonusRate: 0.1,
        hires: [{ role: "Contractor", type: "contractor", monthlyRate: 10000, startMonth: 1 }],
      }),
    );
    expect(contractor.totals).toMatchObject({
      contractors: 120000,
      payroll: 0,
      benefits: 0,
      taxes: 0,
      bonus: 0,
      recruiting: 0,
      total: 120000,
    });
    // A leaver: paid months 1–6 only.
    const leaver = await okJson(
      await post("/v1/plan", {
        horizonMonths: 12,
        hires: [{ role: "Analyst", salary: 120000, startMonth: 1, endMonth: 6, recruitingCost: 0 }],
      }),
    );
    expect(leaver.totals.payroll).toBe(60000);
    expect(leaver.months[6].headcount).toBe(0);
  });

  it("range (no slip) and compare's base equal the plan; range and compare are the core's", async () => {
    const plan = await okJson(await post("/v1/plan", FINANCE));
    const range = await okJson(await post("/v1/plan/range", FINANCE));
    expect(range).toEqual(plain(planRangeToUnits(runPlanRange(FINANCE))));
    expect(range.costLines).toEqual(plan.costLines);
    for (const [i, y] of plan.years.entries()) {
      expect(range.years[i].label).toBe(y.label);
      for (const line of [...plan.costLines, "total"])
        expect(range.years[i][line], `${y.label} ${line}`).toEqual({
          low: y[line],
          expected: y[line],
          high: y[line],
        });
    }
    const scenarios = [
      {
        name: "Upskill 2 instead of hiring 2",
        overrides: {
          hires: [{ index: 0, count: 1 }],
          upskilling: [{ path: "Engineers → AI Engineers", people: 2, startMonth: 1 }],
        },
      },
      { name: "No data team", overrides: { removeDepartmentHires: ["Data"] } },
      {
        name: "Swap the PM",
        overrides: {
          removeHires: [2],
          addHires: [{ role: "AI Product Manager", level: "Senior", startMonth: 6, fte: 0.8 }],
        },
      },
    ];
    const compare = await okJson(await post("/v1/plan/compare", { base: FINANCE, scenarios }));
    expect(compare).toEqual(plain(comparisonToUnits(comparePlans(FINANCE, scenarios))));
    expect(compare.scenarios[0].years.map((y: { total: number }) => y.total)).toEqual(
      plan.years.map((y: { total: number }) => y.total),
    );
    expect(compare.scenarios[0].years[0].label).toBe("FY2027");
    // No data team: the Data department's hires go, its contractor's $108,000 with them.
    expect(compare.scenarios[2].totals.contractors).toBe(0);
    // Upskilling replaced: two people at the seed's $15K each.
    expect(compare.scenarios[1].totals.upskilling).toBe(30000);
  });
});

describe("finance-grade bad input: a problem naming the field and the fix", () => {
  const hire = { role: "ML Engineer", level: "Mid", startMonth: 1 };
  const cases: [string, Record<string, unknown>, number, string, RegExp][] = [
    ["fte 0", { hires: [{ ...hire, fte: 0 }] }, 400, "hires[0].fte", /above 0 and at most 1/],
    ["fte 1.5", { hires: [{ ...hire, fte: 1.5 }] }, 400, "hires[0].fte", /at most 1/],
    ["bonusRate 10", { hires: [{ ...hire, bonusRate: 10 }] }, 400, "hires[0].bonusRate", /0\.1/],
    ["plan equityRate 3", { equityRate: 3, hires: [hire] }, 400, "equityRate", /200%/],
    ["attritionRate 1.5", { attritionRate: 1.5, hires: [hire] }, 400, "attritionRate", /100%/],
    ["raiseMonth 13", { raiseMonth: 13, hires: [hire] }, 400, "raiseMonth", /1 to 12/],
    ["type", { hires: [{ ...hire, type: "freelancer" }] }, 400, "hires[0].type", /contractor/],
    [
      "contractor without monthlyRate",
      { hires: [{ role: "Labeller", startMonth: 1, type: "contractor" }] },
      422,
      "hires[0].monthlyRate",
      /monthlyRate/,
    ],
    [
      "endMonth before startMonth",
      { hires: [{ ...hire, startMonth: 5, endMonth: 3 }] },
      422,
      "hires[0].endMonth",
      /before startMonth/,
    ],
    [
      "team row without salary",
      { hires: [], team: [{ role: "Software Engineer", count: 2 }] },
      422,
      "team[0].salary",
      /is required/,
    ],
    [
      "unknown role without salary",
      { hires: [{ role: "Software Engineer", level: "Mid", startMonth: 1 }] },
      422,
      "hires[0].role",
      /add salary/,
    ],
    [
      "department too long",
      { hires: [{ ...hire, department: "x".repeat(61) }] },
      400,
      "hires[0].department",
      /at most 60/,
    ],
  ];
  for (const [what, body, status, field, fix] of cases)
    it(`${what}: ${status} at ${field}`, async () => {
      const p = await problem(await post("/v1/plan", { horizonMonths: 12, ...body }), status);
      expect(p.field).toBe(field);
      expect(p.detail).toMatch(fix);
    });

  it("unknown departments and hire indexes in a scenario's overrides are 422s naming them", async () => {
    const base = {
      horizonMonths: 12,
      hires: [{ ...hire, department: "AI" }],
    };
    const dept = await problem(
      await post("/v1/plan/compare", {
        base,
        scenarios: [{ name: "x", overrides: { removeDepartmentHires: ["Finance"] } }],
      }),
      422,
    );
    expect(dept.field).toMatch(/removeDepartmentHires\[0\]/);
    expect(dept.detail).toMatch(/Finance/);
    const index = await problem(
      await post("/v1/plan/compare", {
        base,
        scenarios: [{ name: "x", overrides: { removeHires: [3] } }],
      }),
      422,
    );
    expect(index.field).toMatch(/removeHires\[0\]/);
  });

  it("duplicate labels: a scenario name twice, an assumption given twice in a sheet's block", async () => {
    const twice = await problem(
      await post("/v1/plan/compare", {
        base: { horizonMonths: 12, hires: [hire] },
        scenarios: [
          { name: "Lean", overrides: { bonusRate: 0 } },
          { name: "Lean", overrides: { equityRate: 0.1 } },
        ],
      }),
      422,
    );
    expect(twice.field).toMatch(/scenarios\[1\]\.name/);
    expect(twice.detail).toMatch(/"Lean" is used twice/);
    const block = await problem(
      await post("/v1/functions/AI_PLAN_SUMMARY", {
        args: [
          [
            ["Role", "Level", "Start month"],
            ["ML Engineer", "Mid", 1],
          ],
          [
            ["Bonus rate", "10%"],
            ["Payroll tax rate", "6.2%"],
            ["Target bonus", "12%"],
          ],
        ],
      }),
      422,
    );
    expect(block.field).toBe("assumptions row 3 Bonus rate");
    expect(block.detail).toMatch(/is given twice \(rows 1 and 3\); keep one/);
  });

  it("a model save with a bad finance field is refused whole; nothing is stored", async () => {
    const ws = await workspaceWithKeys("finance-bad");
    const p = await problemOf(
      await api("/v1/models", {
        key: ws.write,
        body: {
          name: "bad",
          input: { ...FINANCE, hires: [...FINANCE.hires, { ...hire, endMonth: 0 }] },
        },
      }),
      400,
    );
    expect(p.field).toBe("input.hires[4].endMonth");
    const q = await problemOf(
      await api("/v1/models", {
        key: ws.write,
        body: { name: "bad", input: { ...FINANCE, team: [{ role: "Designer" }] } },
      }),
      422,
    );
    expect(q.field).toBe("input.team[0].salary");
    expect((await jsonOf(await api("/v1/models", { key: ws.read }), 200)).models).toEqual([]);
  });
});

describe("saved finance models: result and the months CSV", () => {
  it("a save takes every new field; its result and CSV show every cost line in use and FTE", async () => {
    const ws = await workspaceWithKeys("finance-save");
    const input = {
      ...FINANCE,
      hires: [...FINANCE.hires, { role: "Writer", salary: 90000, startMonth: 2, fte: 0.5 }],
    };
    const model = await jsonOf(
      await api("/v1/models", { key: ws.write, body: { name: "Finance", input } }),
      201,
    );
    const result = await jsonOf(await api(`/v1/models/${model.id}/result`, { key: ws.read }), 200);
    expect(result.result).toEqual(plain(planToUnits(runPlan(input))));
    const rows = await csv(await api(`/v1/models/${model.id}/result.csv`, { key: ws.read }));
    expect(rows[0]).toBe(
      "Month,Label,Headcount,FTE,Payroll,Benefits,Taxes,Bonus,Contractors,Recruiting,Backfill,Upskilling,Total,Cumulative",
    );
    expect(rows).toHaveLength(input.horizonMonths + 1);
    // Each month's cost lines add up to its total, to the cent.
    for (const row of rows.slice(1)) {
      const cells = row.split(",");
      const lines = cells.slice(4, 12).map((v) => Math.round(Number(v) * 100));
      expect(lines.reduce((s, v) => s + v, 0)).toBe(Math.round(Number(cells[12]) * 100));
    }
    const share = await jsonOf(
      await api(`/v1/models/${model.id}/shares`, { method: "POST", key: ws.write }),
      201,
    );
    expect(await csv(await api(`/v1/shared/${share.token}/result.csv`))).toEqual(rows);
  });
});
