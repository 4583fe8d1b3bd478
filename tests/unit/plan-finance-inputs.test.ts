// The new plan inputs at the edges: each bad value refused with its field and the fix (the API
// turns these into 400/422 problems, a sheet into a cell error), and the sheet's assumptions
// block, hires columns and team range giving the same plan as the JSON body.
import { describe, expect, it } from "vitest";
import {
  assumptionsBlockRows,
  invokeFunction,
  normalizePlan,
  readAssumptionsBlock,
  runPlan,
  scenariosFromRange,
  type Cell,
  type PlanInput,
} from "../../shared/index.js";
import { caught } from "./support/caught.js";

const HIRE = { role: "ML Engineer", level: "Mid", startMonth: 1 };
const problem = (input: unknown) => caught(() => normalizePlan(input));

describe("every new field out of range is refused, naming the field and the fix", () => {
  it.each([
    [
      { fiscalYearStart: 13 },
      "fiscalYearStart",
      "must be a calendar month from 1 (January) to 12 (December), got 13",
    ],
    [
      { raiseMonth: 0 },
      "raiseMonth",
      "must be a calendar month from 1 (January) to 12 (December), got 0",
    ],
    [
      { raiseMinTenureMonths: 25 },
      "raiseMinTenureMonths",
      "must be a whole number of months from 0 to 24, got 25",
    ],
    [
      { bonusRate: 3 },
      "bonusRate",
      "must be a share from 0% to 200% (0.25 means 25%), got 3, which would be 300%: did you mean 0.03 (3%)?",
    ],
    [{ equityRate: -0.1 }, "equityRate", "must be a share from 0% to 200%, got -0.1"],
    [
      { attritionRate: 12 },
      "attritionRate",
      "must be a share from 0% to 100% (0.25 means 25%), got 12, which would be 1200%: did you mean 0.12 (12%)?",
    ],
    [
      { payrollTax: { rate: 6.2 } },
      "payrollTax.rate",
      "must be a share from 0% to 100% (0.25 means 25%), got 6.2, which would be 620%: did you mean 0.062 (6.2%)?",
    ],
    [
      { payrollTax: { rate: 0.062, wageBase: -1 } },
      "payrollTax.wageBase",
      "must be from 0 to 5000000, got -1",
    ],
    [
      { payrollTax: { wageBase: 100000 } },
      "payrollTax.rate",
      "is required: the payroll tax rate (0% to 100%)",
    ],
    [
      { payrollTax: { rate: 0.062, cap: 1 } },
      "payrollTax.cap",
      "is not a field of payrollTax; it takes { rate, wageBase? }",
    ],
    [
      { payrollTax: 0.062 },
      "payrollTax",
      'must be an object { rate, wageBase? }, e.g. { "rate": 0.062, "wageBase": 168600 }',
    ],
  ])("%j → %s", (assumption, field, message) => {
    const e = problem({ hires: [], ...assumption });
    expect(e.field).toBe(field);
    expect(e.message).toBe(`${field}: ${message}`);
  });

  it.each([
    [{ fte: 0 }, "hires[0].fte", "must be more than 0 and at most 1, got 0"],
    [{ fte: 1.5 }, "hires[0].fte", "must be more than 0 and at most 1, got 1.5"],
    [{ endMonth: 0 }, "hires[0].endMonth", "must be a whole number from 1 to 24, got 0"],
    [
      { startMonth: 5, endMonth: 3 },
      "hires[0].endMonth",
      "(3) is before startMonth (5); it is the last month employed, so it must be on or after the start",
    ],
    [{ type: "intern" }, "hires[0].type", 'expected one of "employee", "contractor", got "intern"'],
    [
      { type: "contractor" },
      "hires[0].monthlyRate",
      "is required for a contractor: what they cost a month in USD, e.g. 10000",
    ],
    [
      { type: "contractor", monthlyRate: 9000, salary: 100000 },
      "hires[0].salary",
      'a contractor is costed at monthlyRate, not a salary: give monthlyRate (USD a month), or set type "employee"',
    ],
    [
      { monthlyRate: 9000 },
      "hires[0].monthlyRate",
      'is for contractors: set type "contractor", or give an employee a salary instead',
    ],
    [{ department: "x".repeat(61) }, "hires[0].department", "must be at most 60 characters"],
    [{ bonusRate: 500 }, "hires[0].bonusRate", "must be a share from 0% to 200%, got 500"],
  ])("hire %j → %s", (extra, field, message) => {
    const e = problem({ hires: [{ ...HIRE, ...extra }] });
    expect(e.field).toBe(field);
    expect(e.message).toBe(`${field}: ${message}`);
  });

  it("a team row without a salary, with a start month, or not a list, says what a team row is", () => {
    expect(problem({ hires: [], team: [{ role: "Engineer" }] }).message).toBe(
      "team[0].salary: is required: the people already employed are costed at the annual salary you give (USD), e.g. 150000",
    );
    expect(
      problem({ hires: [], team: [{ role: "Engineer", salary: 1, startMonth: 3 }] }).field,
    ).toBe("team[0].startMonth");
    expect(problem({ hires: [], team: "four people" }).message).toBe(
      "team: must be a list of team rows",
    );
    // A team contractor needs its monthly rate, not a salary.
    expect(problem({ hires: [], team: [{ role: "Contractor", type: "contractor" }] }).field).toBe(
      "team[0].monthlyRate",
    );
  });
  it("every problem of a plan is reported at once", () => {
    const e = problem({
      hires: [{ ...HIRE, fte: 2 }],
      team: [{ role: "Engineer" }],
      bonusRate: -1,
    });
    expect(e.problems.map((p) => p.field)).toEqual(["bonusRate", "hires[0].fte", "team[0].salary"]);
  });
  it("a plan of people with a part-timer's default dept and no new fields is costed exactly as before", () => {
    // The old fields alone give the old figures (the seed's year-1 build-out, $440K of salaries).
    const r = runPlan({
      horizonMonths: 12,
      hires: [
        { role: "ML Engineer", level: "Mid", startMonth: 1, salary: 160000, recruitingCost: 10000 },
        { role: "ML Engineer", level: "Mid", startMonth: 3, salary: 140000, recruitingCost: 10000 },
        {
          role: "Data Scientist",
          level: "Mid",
          startMonth: 5,
          salary: 140000,
          recruitingCost: 10000,
        },
      ],
    });
    expect(r.costLines).toEqual(["payroll", "benefits", "recruiting", "upskilling"]);
    expect(r.years[0]!.runRate).toBe(440000_00);
    expect(r.departments.map((d) => d.department)).toEqual(["AI"]);
  });
});

describe("the sheet: assumptions block, hires columns and team range", () => {
  const block: Cell[][] = [
    ["Horizon months", 24],
    ["Start date", "2026-10"],
    ["Fiscal year start", "July"],
    ["Payroll tax rate", "6.2%"],
    ["Payroll tax wage base", "$100,000"],
    ["Bonus rate", "10%"],
    ["Merit month", 4],
    ["Attrition", "12%"],
  ];
  const body = {
    horizonMonths: 24,
    startDate: "2026-10",
    fiscalYearStart: 7,
    payrollTax: { rate: 0.062, wageBase: 100000 },
    bonusRate: 0.1,
    raiseMonth: 4,
    attritionRate: 0.12,
  };
  it("the block reads into the API's names, and writes back to the same block", () => {
    expect(readAssumptionsBlock(block)).toEqual(body);
    const rows = assumptionsBlockRows(body).map((r) => r.row);
    expect(rows).toContainEqual(["Payroll tax rate", 0.062]);
    expect(rows).toContainEqual(["Payroll tax wage base", 100000]);
    expect(readAssumptionsBlock(rows)).toEqual(body);
  });
  it("a group's part without its rate, or a rate given twice by two names, is a cell error naming the row", () => {
    expect(caught(() => readAssumptionsBlock([["Wage base", 100000]])).message).toBe(
      "assumptions row 1 Payroll tax wage base: needs a Payroll tax rate row too (0% to 100%)",
    );
    expect(
      caught(() =>
        readAssumptionsBlock([
          ["Payroll tax", "6%"],
          ["Payroll tax rate", "7%"],
        ]),
      ).message,
    ).toBe("assumptions row 2 Payroll tax rate: is given twice (rows 1 and 2); keep one");
    expect(caught(() => readAssumptionsBlock([["Fiscal year start", "Julember"]])).message).toBe(
      'assumptions row 1 Fiscal year start: must be a month of the year: 1 to 12 or a name such as "July", got "Julember"',
    );
  });
  const hires: Cell[][] = [
    [
      "Role",
      "Level",
      "Location",
      "Start month",
      "Salary",
      "FTE",
      "Type",
      "Monthly rate",
      "Department",
      "End month",
      "Equity rate",
    ],
    ["ML Engineer", "Mid", "Austin", 1, "", "", "", "", "", "", "20%"],
    ["Software Engineer", "", "", 2, "150K", "50%", "", "", "Platform", 12, ""],
    ["Labeller", "", "", 3, "", "", "Contractor", "$8,000", "Data", "", ""],
  ];
  const team: Cell[][] = [
    ["Role", "Salary", "Count", "Department"],
    ["Engineer", 140000, 4, "Platform"],
  ];
  const json: PlanInput = {
    ...body,
    hires: [
      { role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1, equityRate: 0.2 },
      {
        role: "Software Engineer",
        startMonth: 2,
        salary: 150000,
        fte: 0.5,
        department: "Platform",
        endMonth: 12,
      },
      {
        role: "Labeller",
        startMonth: 3,
        type: "contractor",
        monthlyRate: 8000,
        department: "Data",
      },
    ],
    team: [{ role: "Engineer", salary: 140000, count: 4, department: "Platform" }],
  };
  it("AI_PLAN_SUMMARY over the ranges is the JSON plan's, with fiscal years and the lines it uses", () => {
    const api = runPlan(json);
    const table = invokeFunction("AI_PLAN_SUMMARY", [hires, block, undefined, team]) as (
      string | number
    )[][];
    expect(table[0]).toEqual([
      "Year",
      "Months",
      "Payroll",
      "Benefits",
      "Taxes",
      "Bonus",
      "Equity",
      "Contractors",
      "Recruiting",
      "Backfill",
      "Upskilling",
      "Total",
      "End headcount",
      "End FTE",
      "Run-rate",
    ]);
    expect(
      table.slice(1, -1).map((r) => [r[0], r[1], Math.round((r[11] as number) * 100)]),
    ).toEqual(api.years.map((y) => [y.label, y.months, y.total]));
    expect(table.at(-1)![11]).toBe(api.totals.total / 100);
    expect(invokeFunction("AI_PLAN_COST", [hires, block, "taxes", 2028, undefined, team])).toBe(
      api.years[1]!.taxes / 100,
    );
  });
  it("AI_PLAN_DEPARTMENTS: each department's total, and All departments equal to the plan's", () => {
    const api = runPlan(json);
    const table = invokeFunction("AI_PLAN_DEPARTMENTS", [
      hires,
      block,
      "totals",
      undefined,
      team,
    ]) as (string | number)[][];
    const total = table[0]!.indexOf("Total");
    expect(table.slice(1).map((r) => [r[0], r[total]])).toEqual([
      ...api.departments.map((d) => [d.department, d.totals.total / 100]),
      ["All departments", api.totals.total / 100],
    ]);
    expect(table.slice(1).map((r) => r[0])).toEqual(["Platform", "AI", "Data", "All departments"]);
  });
  it("a plan without the new fields shows the same columns as ever", () => {
    const table = invokeFunction("AI_PLAN", [
      [
        ["Role", "Level", "Start month"],
        ["ML Engineer", "Mid", 1],
      ],
    ]) as string[][];
    expect(table[0]).toEqual([
      "Month",
      "Label",
      "Headcount",
      "Payroll",
      "Benefits",
      "Recruiting",
      "Upskilling",
      "Total",
      "Cumulative",
    ]);
  });
  it("scenario columns carry a payroll tax rate, removals and an added hire", () => {
    expect(
      scenariosFromRange([
        [
          "Scenario",
          "Payroll tax rate",
          "Remove hires",
          "Remove department hires",
          "Add role",
          "Add start month",
          "Add salary",
        ],
        ["Lean", "7%", "1; 3", "Data, Platform", "Recruiter", 4, "90K"],
      ]),
    ).toEqual([
      {
        name: "Lean",
        overrides: {
          payrollTax: { rate: 0.07 },
          removeHires: [0, 2],
          removeDepartmentHires: ["Data", "Platform"],
          addHires: [{ role: "Recruiter", startMonth: 4, salary: 90000 }],
        },
      },
    ]);
    expect(
      caught(() =>
        scenariosFromRange([
          ["Scenario", "Remove hires"],
          ["Lean", "first"],
        ]),
      ).message,
    ).toBe(
      'scenarios row 2 Remove hires: must be hire numbers counted from 1 (the first row under the hires table\'s header), such as "1, 3", got "first"',
    );
  });
});
