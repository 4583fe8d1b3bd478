// Scenario overrides that add and remove hires and replace upskilling ("upskill 2 engineers
// instead of hiring 2" as one comparison), through the core and through AI_PLAN_COMPARE's range.
import { describe, expect, it } from "vitest";
import {
  applyScenario,
  comparePlans,
  invokeFunction,
  runPlan,
  type PlanInput,
} from "../../shared/index.js";
import { caught } from "./support/caught.js";

const base: PlanInput = {
  horizonMonths: 12,
  hires: [
    { role: "ML Engineer", level: "Mid", startMonth: 1, count: 2 },
    { role: "Data Scientist", level: "Mid", startMonth: 3, department: "Data" },
  ],
};

describe("upskill 2 engineers instead of hiring 2", () => {
  const cmp = comparePlans(base, [
    {
      name: "Upskill instead",
      overrides: {
        removeHires: [0],
        upskilling: [{ path: "Engineers → AI Engineers", people: 2, startMonth: 1 }],
      },
    },
  ]);
  const [b, upskill] = cmp.scenarios;
  it("is one comparison: the hires leave, the upskilling comes in, hand-costed", () => {
    // Base: 2 × ($165,000 + $10,000 recruiting) + a Data Scientist at $155,000 from month 3
    // (10 monthly pieces, floor(15,500,000 × 10 ÷ 12) cents = $129,166.66) + $10,000.
    expect(b!.totals.total).toBe(350000_00 + 129166_66 + 10000_00);
    // Scenario: the Data Scientist and 2 × $15,000 of upskilling (the seed's $30K for two).
    expect(upskill!.totals.total).toBe(129166_66 + 10000_00 + 30000_00);
    expect(upskill!.differences!.totals.total).toBe(-320000_00);
    expect(upskill!.differences!.totals.upskilling).toBe(30000_00);
    expect(upskill!.notes).toEqual([
      "Leaves out the base plan's hire 0 (ML Engineer).",
      "Upskilling replaced by the scenario's 1 entry.",
    ]);
  });
  it("and is the same through the sheet's scenarios range (hire numbers counted from 1)", () => {
    const table = invokeFunction("AI_PLAN_COMPARE", [
      [
        ["Role", "Level", "Start month", "Count", "Department"],
        ["ML Engineer", "Mid", 1, 2, ""],
        ["Data Scientist", "Mid", 3, 1, "Data"],
      ],
      [["Horizon months", 12]],
      [
        ["Scenario", "Remove hires", "Upskill path", "Upskill people", "Upskill start month"],
        ["Upskill instead", 1, "Engineers → AI Engineers", 2, 1],
      ],
    ]) as (string | number)[][];
    expect(table[0]).toEqual(["Year", "Base", "Upskill instead", "Upskill instead − Base"]);
    expect(table[1]).toEqual([1, b!.totals.total / 100, upskill!.totals.total / 100, -320000]);
  });
});

describe("adding and removing hires", () => {
  it("an added hire is costed as given; removing a department's hires keeps the team", () => {
    const withTeam: PlanInput = {
      ...base,
      team: [{ role: "Analyst", salary: 90000, department: "Data" }],
    };
    const cmp = comparePlans(withTeam, [
      {
        name: "Contractor instead",
        overrides: {
          removeDepartmentHires: ["data"],
          addHires: [{ role: "Contractor", type: "contractor", monthlyRate: 12000, startMonth: 3 }],
        },
      },
    ]);
    const s = cmp.scenarios[1]!;
    expect(s.input.hires.map((h) => h.role)).toEqual(["ML Engineer", "Contractor"]);
    expect(s.totals.contractors).toBe(10 * 12000_00);
    expect(s.totals.payroll).toBe(2 * 165000_00 + 90000_00);
    expect(s.years[0]!.endHeadcount).toBe(2 + 1 + 1);
  });
  it("start shift and salary change apply to the base plan's hires, not to the ones added", () => {
    const { input } = applyScenario(base, {
      startMonthShift: 2,
      addHires: [{ role: "Recruiter", salary: 80000, startMonth: 1 }],
    });
    expect(input.hires.map((h) => h.startMonth)).toEqual([3, 5, 1]);
    const cmp = comparePlans(base, [
      {
        name: "Pay more",
        overrides: {
          salaryChange: 0.1,
          addHires: [{ role: "Recruiter", salary: 80000, startMonth: 1 }],
        },
      },
    ]);
    expect(cmp.scenarios[1]!.input.hires.map((h) => h.salary)).toEqual([181500, 170500, 80000]);
  });
  it("a payroll-tax override changes only what it gives; the base's wage base stays", () => {
    const taxed: PlanInput = { ...base, payrollTax: { rate: 0.062, wageBase: 100000 } };
    expect(applyScenario(taxed, { payrollTax: { rate: 0.07 } }).input.payrollTax).toEqual({
      rate: 0.07,
      wageBase: 100000,
    });
    const cmp = comparePlans(taxed, [
      { name: "Higher tax", overrides: { payrollTax: { rate: 0.07 } } },
    ]);
    expect(cmp.scenarios[1]!.totals.taxes).toBe(
      runPlan({ ...taxed, payrollTax: { rate: 0.07, wageBase: 100000 } }).totals.taxes,
    );
  });
  it("unknown indexes and departments, and a bad added hire, are named with the fix", () => {
    expect(
      caught(() => comparePlans(base, [{ name: "X", overrides: { removeHires: [5] } }])).message,
    ).toBe(
      "scenarios[0].overrides.removeHires[0]: no hire at index 5; the base plan has 2 hires (0 to 1)",
    );
    expect(
      caught(() =>
        comparePlans(base, [{ name: "X", overrides: { removeDepartmentHires: ["Sales"] } }]),
      ).message,
    ).toBe(
      'scenarios[0].overrides.removeDepartmentHires[0]: no hire of the base plan is in department "Sales"; its hires are in "AI", "Data"',
    );
    const added = caught(() =>
      comparePlans(base, [
        {
          name: "X",
          overrides: { addHires: [{ role: "ML Engineer", level: "Mid", startMonth: 40 }] },
        },
      ]),
    );
    expect(added.field).toBe("scenarios[0].overrides.addHires[0].startMonth");
    expect(added.message).toBe(
      "scenarios[0].overrides.addHires[0].startMonth: must be a whole number from 1 to 12, got 40",
    );
    const upskilling = caught(() =>
      comparePlans(base, [
        { name: "X", overrides: { upskilling: [{ path: "Nope", people: 1, startMonth: 1 }] } },
      ]),
    );
    expect(upskilling.field).toBe("scenarios[0].overrides.upskilling[0].path");
    expect(
      caught(() => comparePlans(base, [{ name: "X", overrides: { addHires: "x" } } as never]))
        .field,
    ).toBe("scenarios[0].overrides.addHires");
    expect(
      caught(() => comparePlans(base, [{ name: "X", overrides: { removeHires: [0, 0] } }])).message,
    ).toBe("scenarios[0].overrides.removeHires[1]: hire 0 is listed twice; keep one");
  });
});
