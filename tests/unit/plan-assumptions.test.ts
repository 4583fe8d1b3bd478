// The one table of plan assumptions and everything derived from it: the engine's limits, a
// sheet's assumptions block (forgiving labels; unknown, duplicated, blank or wrong-kind values
// named with the fix), scenario columns, and the block ⇄ JSON round trip.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ASSUMPTION_KEYS,
  PLAN_ASSUMPTIONS,
  PLAN_LIMITS,
  assumptionsBlockRows,
  invokeFunction,
  normalizePlan,
  readAssumptionsBlock,
  runPlan,
  scenariosFromRange,
  type AssumptionSpec,
  type Cell,
  type PlanInput,
} from "../../shared/index.js";
import { caught } from "./support/caught.js";

const read = (rows: Cell[][]) => readAssumptionsBlock(rows);
const problem = (rows: Cell[][]) => caught(() => read(rows));
const HIRES = [{ role: "ML Engineer", level: "Mid", startMonth: 1 }];

describe("the assumptions table", () => {
  it("gives every row a key, label, kind, default and help, and no name twice", () => {
    const names = new Map<string, string>();
    for (const a of PLAN_ASSUMPTIONS as readonly AssumptionSpec[]) {
      expect(a.key).toMatch(/^[a-z][A-Za-z]+$/);
      expect(a.help.length).toBeGreaterThan(10);
      for (const n of [
        a.label,
        a.key,
        ...a.aliases,
        ...(a.parts?.min ?? []),
        ...(a.parts?.max ?? []),
      ]) {
        const k = n.toLowerCase().replace(/[^a-z0-9]/g, "");
        expect(names.get(k) ?? a.key, `"${n}" of ${a.key}`).toBe(a.key);
        names.set(k, a.key);
      }
    }
  });
  it("is where the engine's limits come from", () => {
    const spec = (key: string) =>
      (PLAN_ASSUMPTIONS as readonly AssumptionSpec[]).find((a) => a.key === key)!;
    expect(PLAN_LIMITS.maxHorizonMonths).toBe(spec("horizonMonths").max);
    expect(PLAN_LIMITS.maxBenefitsRate).toBe(spec("benefitsRate").max);
    expect(PLAN_LIMITS.maxAnnualRaise).toBe(spec("annualRaise").max);
    expect(PLAN_LIMITS.maxSlipMonths).toBe(spec("slipMonths").max);
    expect(caught(() => normalizePlan({ hires: [], horizonMonths: 121 })).message).toBe(
      "horizonMonths: must be a whole number of months from 1 to 120, got 121",
    );
    expect(caught(() => normalizePlan({ hires: [], benefitsRate: 25 })).message).toBe(
      "benefitsRate: must be a share from 0% to 200% (0.25 means 25%), got 25, which would be 2500%: did you mean 0.25 (25%)?",
    );
    expect(caught(() => normalizePlan({ hires: [], annualRaise: 0.6 })).message).toBe(
      "annualRaise: must be a share from 0% to 50%, got 0.6",
    );
  });
  it("a plan's answer carries every assumption as used, defaults filled in", () => {
    const r = runPlan({ hires: HIRES, annualRaise: 0.03, startDate: "2027-04" });
    expect(Object.keys(r.assumptions).filter((k) => k !== "notes")).toEqual([...ASSUMPTION_KEYS]);
    expect(r.assumptions).toMatchObject({
      horizonMonths: 24,
      benefitsRate: 0,
      annualRaise: 0.03,
      startDate: "2027-04",
      slipMonths: { min: 0, max: 0 },
    });
  });
});

describe("a sheet's assumptions block", () => {
  it("reads labels forgivingly (case, spacing, aliases, the API's own names); blank rows and a header row are skipped", () => {
    expect(
      read([
        ["Assumption", "Value"],
        ["  horizon ", 36],
        ["", ""],
        ["benefitsRate", 0.3],
        ["Raise", "3%"],
        ["First month", "2027-9"],
      ]),
    ).toEqual({ horizonMonths: 36, benefitsRate: 0.3, annualRaise: 0.03, startDate: "2027-09" });
    // Extra columns (notes) are ignored.
    expect(read([["Horizon months", 12, "one year"]])).toEqual({ horizonMonths: 12 });
  });
  it("an unknown label suggests the closest, or lists them all", () => {
    const typo = problem([["Benfits rate", 0.2]]);
    expect(typo.message).toBe(
      'assumptions row 1: Unknown assumption "Benfits rate". Did you mean "Benefits rate"?',
    );
    expect(typo.suggestions).toEqual(["Benefits rate"]);
    expect(problem([["Headcount", 3]]).message).toBe(
      'assumptions row 1: Unknown assumption "Headcount". Known assumptions: Horizon months, Benefits rate, Annual raise, Start date, Slip months, Slip min, Slip max, Fiscal year start, Payroll tax rate, Payroll tax wage base, Bonus rate, Equity rate, Raise month, Raise min tenure months, Attrition rate.',
    );
  });
  it("a label given twice (by any of its names) is refused, naming both rows", () => {
    expect(
      problem([
        ["Benefits rate", 0.2],
        ["Horizon months", 12],
        ["benefits", 0.25],
      ]).message,
    ).toBe("assumptions row 3 Benefits rate: is given twice (rows 1 and 3); keep one");
  });
  it("a blank value, or a value without a label, says what to do", () => {
    expect(problem([["Benefits rate", ""]]).message).toBe(
      "assumptions row 1 Benefits rate: has no value; enter one (e.g. 25%) or delete the row to use the default (0%)",
    );
    expect(problem([["", 0.25]]).message).toBe(
      "assumptions row 1: has a value (0.25) but no label; put the assumption's name in the first column",
    );
  });
  it("a value of the wrong kind names the label and the fix", () => {
    expect(problem([["Benefits rate", 25]]).message).toBe(
      "assumptions row 1 Benefits rate: 25 means 2500%, above the 200% limit: did you mean 25%? Enter 25% (or 0.25)",
    );
    expect(problem([["Annual raise", 4]]).message).toBe(
      "assumptions row 1 Annual raise: 4 means 400%, above the 50% limit: did you mean 4%? Enter 4% (or 0.04)",
    );
    expect(problem([["Horizon months", 2.5]]).message).toBe(
      "assumptions row 1 Horizon months: must be a whole number of months from 1 to 120, got 2.5",
    );
    expect(problem([["Start date", "next spring"]]).message).toBe(
      'assumptions row 1 Start date: must be a month like "2027-01" or a date, got "next spring"',
    );
    expect(problem([["Slip months", "2-0"]]).message).toBe(
      'assumptions row 1 Slip months: must be a range of whole months within 0 to 24, low end first, got "2-0"',
    );
  });
  it("a slip is n (0 to n), a range, or Slip min and Slip max rows — never both ways at once", () => {
    expect(read([["Slip months", 2]])).toEqual({ slipMonths: 2 });
    expect(read([["Hiring delay", "1 to 3 months"]])).toEqual({ slipMonths: [1, 3] });
    expect(
      read([
        ["Slip max", 3],
        ["Slip min", 1],
      ]),
    ).toEqual({ slipMonths: [1, 3] });
    expect(read([["Max slip", 2]])).toEqual({ slipMonths: [0, 2] });
    expect(problem([["Slip min", 1]]).message).toBe(
      "assumptions row 1 Slip min: needs a Slip max row too (the most months a hire may start late)",
    );
    expect(
      problem([
        ["Slip months", 2],
        ["Slip max", 3],
      ]).message,
    ).toBe(
      "assumptions row 2 Slip max: row 1 (Slip months) already gives the slip months; give either Slip months or Slip min and Slip max, not both",
    );
  });
  it("a single value or a one-column range is not a block", () => {
    expect(caught(() => readAssumptionsBlock(24)).message).toMatch(
      /^assumptions: expects a two-column range of labels and values/,
    );
    expect(caught(() => readAssumptionsBlock([["Horizon months"], [24]])).message).toMatch(
      /^assumptions: expects a two-column range/,
    );
  });
  it("in a plan function, errors are cell errors and the block gives the same plan as the JSON body", () => {
    const hires = [
      ["Role", "Level", "Start month"],
      ["ML Engineer", "Mid", 1],
    ];
    expect(() => invokeFunction("AI_PLAN_SUMMARY", [hires, [["Benefits rate", 25]]])).toThrow(
      /did you mean 25%\?/,
    );
    const summary = invokeFunction("AI_PLAN_SUMMARY", [
      hires,
      [
        ["Horizon months", 24],
        ["Benefits rate", "25%"],
        ["Annual raise", "4%"],
      ],
    ]) as number[][];
    const api = runPlan({ horizonMonths: 24, benefitsRate: 0.25, annualRaise: 0.04, hires: HIRES });
    expect(summary.slice(1, -1).map((r) => Math.round(r[6]! * 100))).toEqual(
      api.years.map((y) => y.total),
    );
  });
});

describe("block ⇄ plan body", () => {
  const input = fc.record(
    {
      horizonMonths: fc.integer({ min: 1, max: 120 }),
      benefitsRate: fc.integer({ min: 0, max: 200 }).map((n) => n / 100),
      annualRaise: fc.integer({ min: 0, max: 50 }).map((n) => n / 100),
      startDate: fc
        .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
      slipMonths: fc
        .tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 24 }))
        .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
    },
    { requiredKeys: [] },
  );
  it("writing a plan's assumptions as a block and reading it back gives the same body", () => {
    fc.assert(
      fc.property(input, (body) => {
        const rows = assumptionsBlockRows(body).map((r) => r.row);
        expect(readAssumptionsBlock(rows)).toEqual(body);
      }),
      { numRuns: 200 },
    );
  });
  it("with defaults, every numeric assumption is written so a sheet shows what the plan assumes", () => {
    expect(
      assumptionsBlockRows({ startDate: "2027-01" }, { withDefaults: true }).map((r) => r.row),
    ).toEqual([
      ["Horizon months", 24],
      ["Benefits rate", 0],
      ["Annual raise", 0],
      ["Start date", "2027-01"],
    ]);
  });
});

describe("scenario columns carry every assumption", () => {
  it("reads Start date, Annual raise, Slip min / Slip max and the plan-wide changes", () => {
    expect(
      scenariosFromRange([
        [
          "Scenario",
          "Start shift",
          "Salary change",
          "Annual raise",
          "Start date",
          "Slip min",
          "Slip max",
        ],
        ["Later", 3, "", "", "2027-07", "", ""],
        ["Raises", "", "10%", "6%", "", 1, 2],
      ]),
    ).toEqual([
      { name: "Later", overrides: { startMonthShift: 3, startDate: "2027-07" } },
      { name: "Raises", overrides: { salaryChange: 0.1, annualRaise: 0.06, slipMonths: [1, 2] } },
    ]);
  });
  it("a scenario's value of the wrong kind names its row and column", () => {
    expect(
      caught(() =>
        scenariosFromRange([
          ["Scenario", "Benefits rate"],
          ["Rich", 25],
        ]),
      ).message,
    ).toBe(
      "scenarios row 2 Benefits rate: 25 means 2500%, above the 200% limit: did you mean 25%? Enter 25% (or 0.25)",
    );
  });
  it("AI_PLAN_COMPARE applies them on top of the block: a raise scenario costs more than the base, never less", () => {
    const table = invokeFunction("AI_PLAN_COMPARE", [
      [
        ["Role", "Level", "Start month"],
        ["ML Engineer", "Mid", 1],
      ],
      [
        ["Horizon months", 24],
        ["Annual raise", "4%"],
      ],
      [
        ["Scenario", "Annual raise"],
        ["Raise 6%", "6%"],
      ],
    ]) as (string | number)[][];
    expect(table[0]).toEqual(["Year", "Base", "Raise 6%", "Raise 6% − Base"]);
    const base: PlanInput = { horizonMonths: 24, annualRaise: 0.04, hires: HIRES };
    expect(table.slice(1, 3).map((r) => r[1])).toEqual(
      runPlan(base).years.map((y) => y.total / 100),
    );
    expect(table[2]![3]).toBeGreaterThan(0);
  });
});
