import { describe, expect, it } from "vitest";
import {
  PlannerError,
  planTemplate,
  runPlan,
  splitEvenly,
  type PlanInput,
} from "../../shared/index.js";

function planError(input: unknown): PlannerError {
  try {
    runPlan(input);
  } catch (e) {
    if (e instanceof PlannerError) return e;
    throw e;
  }
  throw new Error("expected the plan to be rejected");
}

describe("the seed's build-out as templates", () => {
  it("year 1: 3 people, $440K of annual salaries, $30K recruiting", () => {
    const r = runPlan(planTemplate("year-1-build-out").input);
    expect(r.years).toHaveLength(1);
    const y = r.years[0]!;
    expect(y.endHeadcount).toBe(3);
    expect(y.runRate).toBe(440000_00);
    expect(y.recruiting).toBe(30000_00);
    // 160,000 for 12 months + 140,000 for months 3-12 + 140,000 for months 5-12, split to the cent:
    // 16,000,000 + floor(14,000,000·10/12) + floor(14,000,000·8/12) cents.
    expect(y.payroll).toBe(16_000_000 + 11_666_666 + 9_333_333);
    expect(r.months.map((m) => m.headcount)).toEqual([1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(r.months.filter((m) => m.recruiting > 0).map((m) => m.month)).toEqual([1, 3, 5]);
  });
  it('year 2: 5 people + 2 upskilled; year-2 cost $595,000 against the seed\'s "$600K+"', () => {
    const r = runPlan(planTemplate("year 2").input);
    const y2 = r.years[1]!;
    expect(y2.endHeadcount).toBe(5);
    expect(y2.upskilling).toBe(30000_00);
    expect(y2.recruiting).toBe(20000_00);
    // 440K full year + 140K × 6/12 (from month 19) + 140K × 3/12 (from month 22) = 545K payroll.
    expect(y2.payroll).toBe(545000_00);
    expect(y2.total).toBe(595000_00);
    expect(y2.runRate).toBe(720000_00);
    expect(r.months[18]!.upskilling).toBe(30000_00);
  });
  it("an unknown template suggests the known ones", () => {
    try {
      planTemplate("year 3");
      expect.unreachable();
    } catch (e) {
      expect((e as PlannerError).code).toBe("UNKNOWN_TEMPLATE");
      expect((e as PlannerError).suggestions).toEqual(["year-1-build-out", "year-2-scale-out"]);
    }
  });
});

describe("money is exact", () => {
  it("twelve months of a salary sum exactly to it, for awkward amounts", () => {
    for (const cents of [1, 11, 100_000_01, 123_456_78, 99_999_99]) {
      const parts = splitEvenly(cents, 12);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(cents);
      expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
    }
  });
  it("a one-person 12-month plan's payroll equals the salary to the cent", () => {
    const r = runPlan({
      horizonMonths: 12,
      hires: [
        { role: "ML Engineer", level: "Mid", location: "US", startMonth: 1, salary: 123456.78 },
      ],
    });
    expect(r.totals.payroll).toBe(123456_78);
  });
  it("totals equal the sum of months and of years; cumulative ends at the total", () => {
    const r = runPlan({
      horizonMonths: 30,
      benefitsRate: 0.23,
      annualRaise: 0.035,
      hires: [
        {
          role: "Data Scientist",
          level: "Senior",
          location: "NYC",
          startMonth: 2,
          count: 3,
          channel: "recruiter",
        },
        {
          role: "Prompt Engineer",
          level: "Entry",
          location: "Remote",
          startMonth: 7,
          count: 2,
          channel: "referral",
        },
      ],
    });
    for (const k of ["payroll", "benefits", "recruiting", "upskilling", "total"] as const) {
      expect(r.months.reduce((s, m) => s + m[k], 0)).toBe(r.totals[k]);
      expect(r.years.reduce((s, y) => s + y[k], 0)).toBe(r.totals[k]);
    }
    expect(r.months.at(-1)!.cumulative).toBe(r.totals.total);
    expect(r.years.map((y) => y.months)).toEqual([12, 12, 6]);
  });
});

describe("plan engine rules", () => {
  const hire = (extra: Partial<PlanInput["hires"][number]> = {}) => ({
    role: "ML Engineer",
    level: "Mid",
    location: "US",
    startMonth: 1,
    ...extra,
  });
  it("salary defaults to the mid of the base range at the hire's location", () => {
    const r = runPlan({ horizonMonths: 12, hires: [hire({ location: "Austin" })] });
    expect(r.hires[0]!.annualSalary).toBe(170000_00);
    expect(r.hires[0]!.salarySource.provenance).toBe("seed");
  });
  it("annual raise applies on each hire's anniversary", () => {
    const r = runPlan({
      horizonMonths: 24,
      annualRaise: 0.03,
      hires: [hire({ salary: 120000, startMonth: 3 })],
    });
    expect(r.months[13]!.payroll).toBe(10000_00); // month 14: still year one of service
    expect(r.months[14]!.payroll).toBe(10300_00); // month 15: 123,600 / 12
    expect(r.years[1]!.runRate).toBe(123600_00);
  });
  it("recruiting: $10K default, referral $6,500, recruiter 20% of salary, unpriced channel $10K", () => {
    const r = runPlan({
      horizonMonths: 12,
      hires: [
        hire(),
        hire({ channel: "referral" }),
        hire({ channel: "Recruiters", salary: 200000 }),
        hire({ channel: "university" }),
        hire({ recruitingCost: 1234.5 }),
      ],
    });
    expect(r.hires.map((h) => h.recruitingPerPerson / 100)).toEqual([
      10000, 6500, 40000, 10000, 1234.5,
    ]);
    expect(r.hires[2]!.recruitingSource.method).toContain("20%");
  });
  it("benefits are a share of each month's payroll, rounded to the cent", () => {
    const r = runPlan({
      horizonMonths: 1,
      benefitsRate: 0.25,
      hires: [hire({ salary: 100000.1 })],
    });
    // payroll month 1 = floor(10,000,010 / 12) = 833,334 cents; × 0.25 = 208,333.5 → 208,334 (half rounds up)
    expect(r.months[0]!.payroll).toBe(833334);
    expect(r.months[0]!.benefits).toBe(208334);
  });
  it("upskilling defaults to $15K a person, charged in its start month", () => {
    const r = runPlan({
      horizonMonths: 6,
      hires: [],
      upskilling: [{ path: "Engineer → AI Engineer", people: 3, startMonth: 4 }],
    });
    expect(r.months.map((m) => m.upskilling / 100)).toEqual([0, 0, 0, 45000, 0, 0]);
  });
  it("calendar labels when a start date is given", () => {
    const r = runPlan({ horizonMonths: 3, startDate: "2026-11", hires: [] });
    expect(r.months.map((m) => m.label)).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(runPlan({ horizonMonths: 1, hires: [] }).months[0]!.label).toBe("Month 1");
  });
  it("warns where the team breaks a ratio rule, naming the months", () => {
    const r = runPlan({
      horizonMonths: 6,
      hires: [hire({ count: 2 }), hire({ role: "Data Scientist", startMonth: 4 })],
    });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: "RATIO_DATA_PEOPLE", months: [1, 2, 3] });
    expect(r.warnings[0]!.message).toContain("months 1–3");
  });
});

describe("bad plans are rejected whole, with every problem listed", () => {
  it("lists each problem with its field", () => {
    const e = planError({
      horizonMonths: 500,
      hires: [
        { role: "Foo", level: "Mid", startMonth: 0 },
        { role: "ML Engineer", level: "x", startMonth: 3 },
      ],
    });
    expect(e.problems.map((p) => [p.code, p.field])).toEqual([
      ["INVALID_ARGUMENT", "horizonMonths"],
      ["UNKNOWN_ROLE", "hires[0].role"],
      ["INVALID_ARGUMENT", "hires[0].startMonth"],
      ["UNKNOWN_LEVEL", "hires[1].level"],
    ]);
    expect(e.message).toMatch(/^The plan has 4 problems/);
  });
  it("a hire whose role has no seed salary must be given one", () => {
    const e = planError({ hires: [{ role: "AI UX Designer", level: "Mid", startMonth: 1 }] });
    expect(e.code).toBe("NO_DATA");
    expect(e.field).toBe("hires[0].salary");
    expect(e.message).toContain("Give this hire a salary");
    expect(
      runPlan({
        horizonMonths: 1,
        hires: [{ role: "AI UX Designer", level: "Mid", startMonth: 1, salary: 120000 }],
      }).totals.payroll,
    ).toBe(10000_00);
  });
  it.each([
    [{ hires: "x" }, "hires"],
    [{ hires: [], benefitsRate: -0.1 }, "benefitsRate"],
    [{ hires: [], annualRaise: Number.NaN }, "annualRaise"],
    [{ hires: [], startDate: "2027-13" }, "startDate"],
    [{ hires: [{ role: "MLE", level: "Mid", startMonth: 1, count: 1.5 }] }, "hires[0].count"],
    [
      { hires: [{ role: "MLE", level: "Mid", startMonth: 1, channel: "carrier pigeon" }] },
      "hires[0].channel",
    ],
    [{ hires: [{ role: "MLE", level: "Mid", startMonth: 1, salary: 1e12 }] }, "hires[0].salary"],
    [{ hires: [], upskilling: [{ path: "Nope", people: 1, startMonth: 1 }] }, "upskilling[0].path"],
  ])("%j → problem at %s", (input, field) => {
    expect(planError(input).field).toBe(field);
  });
});
