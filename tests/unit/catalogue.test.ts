import { describe, expect, it } from "vitest";
import {
  CATALOGUE,
  ERROR_PREFIX,
  exampleFormula,
  invokeFunction,
  PlannerError,
} from "../../shared/index.js";

const REQUIRED = [
  "AI_SALARY",
  "AI_SALARY_RANGE",
  "AI_TEAM",
  "AI_RATIO",
  "AI_PLAN",
  "AI_PLAN_COST",
  "AI_UPSKILL",
  "AI_TRANSITION",
  "AI_ROLES",
  "AI_LOCATIONS",
  "AI_ROLE_INFO",
  "AI_DATASET_VERSION",
];

describe("the function catalogue", () => {
  it("holds every function the design names, each documented", () => {
    const names = CATALOGUE.map((e) => e.name);
    for (const n of REQUIRED) expect(names).toContain(n);
    for (const e of CATALOGUE) {
      expect(e.name).toMatch(/^AI_[A-Z_]+$/);
      expect(e.summary.length).toBeGreaterThan(20);
      for (const a of e.args) {
        expect(a.name).toMatch(/^[a-z_]+$/);
        expect(a.help.length).toBeGreaterThan(3);
      }
      expect(exampleFormula(e)).toMatch(new RegExp(`^=${e.name}\\(`));
    }
  });
  it("every example (but the networked AI_MODEL) runs and returns a value of its declared kind", () => {
    for (const e of CATALOGUE.filter((x) => !x.network)) {
      const v = invokeFunction(e.name, e.example.args);
      if (e.returns.kind === "number") expect(typeof v).toBe("number");
      else if (e.returns.kind === "text") expect(typeof v).toBe("string");
      else if (typeof v !== "number") {
        expect(Array.isArray(v)).toBe(true);
        expect((v as unknown[][]).length).toBeGreaterThan(0);
      }
    }
  });
  it("optional arguments may be blank, and required ones may not", () => {
    expect(invokeFunction("AI_SALARY", ["ML Engineer", "Mid", "", "", "", ""])).toBe(165000);
    expect(() => invokeFunction("AI_SALARY", ["ML Engineer", ""])).toThrow(/level: is required/);
  });
  it("too many arguments, an unknown function, a range where a cell belongs", () => {
    expect(() => invokeFunction("AI_TEAM", [1, 3, 5])).toThrow(/at most 2 arguments/);
    try {
      invokeFunction("AI_SALARYY", []);
      expect.unreachable();
    } catch (e) {
      expect((e as PlannerError).code).toBe("UNKNOWN_FUNCTION");
      expect((e as PlannerError).suggestions[0]).toBe("AI_SALARY");
    }
    expect(() => invokeFunction("AI_TEAM", [[[1, 2]]])).toThrow(/single cell/);
  });
  it("names are case-insensitive: ai_salary works", () => {
    expect(invokeFunction("ai_salary", ["Data Scientist", "Senior", "NYC", "", "", "low"])).toBe(
      invokeFunction("AI_SALARY", ["Data Scientist", "Senior", "NYC", "", "", "low"]),
    );
  });
});

describe("ranges in, ranges out", () => {
  it("a column of roles gives a column of salaries; a bad row reads as an error in its own cell; blank rows stay blank", () => {
    const out = invokeFunction("AI_SALARY", [
      [["ML Engineer"], ["Data Scientist"], ["Dta Scientist"], [""]],
      "Mid",
      "Austin",
    ]) as unknown[][];
    expect(out).toEqual([
      [170000],
      [135000],
      [
        expect.stringMatching(
          /^Error: Unknown role "Dta Scientist"\. Did you mean "Data Scientist"/,
        ),
      ],
      [""],
    ]);
  });
  it("two ranges map together; a single-cell argument applies to every row", () => {
    const out = invokeFunction("AI_SALARY", [
      [["ML Engineer"], ["Data Scientist"]],
      [["Entry"], ["Senior"]],
      "US",
      "",
      "",
      "high",
    ]);
    expect(out).toEqual([[140000], [250000]]);
  });
  it("mismatched range sizes are refused with both sizes named", () => {
    expect(() =>
      invokeFunction("AI_SALARY", [
        [["ML Engineer"], ["Data Scientist"]],
        [["Entry"], ["Mid"], ["Senior"]],
      ]),
    ).toThrow(/3×1 but the other range is 2×1/);
  });
  it("AI_SALARY_RANGE maps a column to low/mid/high rows", () => {
    expect(
      invokeFunction("AI_SALARY_RANGE", [[["ML Engineer"], ["Prompt Engineer"]], "Mid"]),
    ).toEqual([
      [150000, 165000, 180000],
      [110000, 130000, 150000],
    ]);
  });
  it("a 2-D block of levels maps to a block of the same shape", () => {
    expect(
      invokeFunction("AI_SALARY", [
        "Data Scientist",
        [
          ["Entry", "Mid"],
          ["Senior", 1],
        ],
      ]),
    ).toEqual([
      [120000, 155000],
      [215000, 120000],
    ]);
  });
  it("AI_RATIO maps over a column of counts", () => {
    expect(invokeFunction("AI_RATIO", ["engineers", [[1], [3], [4], [10]]])).toEqual([
      [1],
      [1],
      [2],
      [4],
    ]);
  });
});

describe("plans from a sheet range", () => {
  const hires = [
    ["Count", "Start month", "Role", "Level", "Location", "Notes"],
    [1, "1", "ML Engineer", "Mid", "Austin", "lead"],
    ["", "", "", "", "", ""],
    ["2", 4, "Data Scientist", "3 years", "", ""],
  ];
  it("columns in any order, extra columns ignored, blank rows skipped, numbers as text accepted", () => {
    const table = invokeFunction("AI_PLAN", [
      hires,
      [
        ["Horizon months", "6"],
        ["Benefits rate", "25%"],
      ],
    ]) as (string | number)[][];
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
    expect(table.slice(1).map((r) => r[2])).toEqual([1, 1, 1, 3, 3, 3]);
    // Month 1: 170,000 / 12 = 14,166.66 (first piece), benefits 25% = 3,541.67, recruiting 10,000.
    expect(table[1]!.slice(3, 8)).toEqual([14166.66, 3541.67, 10000, 0, 27708.33]);
  });
  it("AI_PLAN_COST reads one figure; year 1 and the whole horizon", () => {
    const block = [
      ["Horizon months", 6],
      ["Benefits rate", 0.25],
    ];
    const total = invokeFunction("AI_PLAN_COST", [hires, block]) as number;
    const table = invokeFunction("AI_PLAN", [hires, block]) as number[][];
    expect(total).toBe(table.at(-1)![8]);
    expect(invokeFunction("AI_PLAN_COST", [hires, null, "headcount"])).toBe(3);
    expect(invokeFunction("AI_PLAN_COST", [hires, "", "run-rate", 1])).toBe(170000 + 2 * 155000);
  });
  it("a missing required column names what is missing and what was found", () => {
    expect(() =>
      invokeFunction("AI_PLAN", [
        [
          ["Role", "Level"],
          ["MLE", "Mid"],
        ],
      ]),
    ).toThrow(/missing Start month \(found "Role", "Level"\)/);
  });
  it("an error value in the middle of a table is reported with its row", () => {
    expect(() =>
      invokeFunction("AI_PLAN", [
        [
          ["Role", "Level", "Start month"],
          ["MLE", "Mid", "soon"],
        ],
      ]),
    ).toThrow(/hires row 2 Start month: must be a number/);
  });
});

describe("errors read well in a cell", () => {
  it("ERROR_PREFIX is what a mapped cell shows", () => {
    expect(ERROR_PREFIX).toBe("Error: ");
  });
  it("AI_ROLE_INFO for a section the seeds do not cover says what they do cover", () => {
    expect(() =>
      invokeFunction("AI_ROLE_INFO", ["Prompt Engineering Manager", "red flags"]),
    ).toThrow(/They cover: summary, what they do, where to find them/);
  });
});
