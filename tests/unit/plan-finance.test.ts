// The finance-grade plan rules (issue 14), each with its figures worked out by hand here: payroll
// tax with a wage base, FTE, contractors, fiscal years, a merit month, attrition's backfill, an
// end month, the existing team, any role at a given salary, departments, bonus and equity, and
// workspace levels and locations inside a plan.
import { describe, expect, it } from "vitest";
import {
  hireCostCurve,
  normalizePlan,
  runPlan,
  type HireInput,
  type PlanInput,
  type PlanResult,
} from "../../shared/index.js";
import { caught } from "./support/caught.js";

const $ = (cents: number) => cents / 100;
const hire = (extra: Partial<HireInput> = {}): HireInput => ({
  role: "ML Engineer",
  level: "Mid",
  startMonth: 1,
  ...extra,
});
const line = (r: PlanResult, k: keyof PlanResult["months"][number]) =>
  r.months.map((m) => m[k] as number);

describe("payroll tax, with a wage base per calendar year", () => {
  it("$120,000 from January at 6.2% up to $100,000: $6,200 in the first calendar year, none after the base", () => {
    const r = runPlan({
      horizonMonths: 12,
      startDate: "2027-01",
      payrollTax: { rate: 0.062, wageBase: 100000 },
      hires: [hire({ role: "Software Engineer", salary: 120000 })],
    });
    // $10,000 a month: months 1–10 are taxed ($620 each) and bring the year's pay to $100,000.
    expect(line(r, "taxes").map($)).toEqual([
      620, 620, 620, 620, 620, 620, 620, 620, 620, 620, 0, 0,
    ]);
    expect(r.years[0]!.taxes).toBe(6200_00);
    expect(r.totals.total).toBe(120000_00 + 6200_00 + 10000_00);
    expect(r.costLines).toContain("taxes");
  });
  it("the base resets each January: a July starter is taxed on $60,000 in 2027, then on $100,000 of 2028", () => {
    const r = runPlan({
      horizonMonths: 24,
      startDate: "2027-01",
      payrollTax: { rate: 0.062, wageBase: 100000 },
      hires: [hire({ salary: 120000, startMonth: 7 })],
    });
    expect(r.years.map((y) => $(y.taxes))).toEqual([6 * 620, 6200]);
  });
  it("without a start date it resets each plan year; without a wage base all pay is taxed", () => {
    const capped = runPlan({
      horizonMonths: 24,
      payrollTax: { rate: 0.062, wageBase: 100000 },
      hires: [hire({ salary: 120000 })],
    });
    expect(capped.years.map((y) => $(y.taxes))).toEqual([6200, 6200]);
    const uncapped = runPlan({
      horizonMonths: 12,
      payrollTax: { rate: 0.062 },
      hires: [hire({ salary: 120000 })],
    });
    expect($(uncapped.totals.taxes)).toBe(7440);
  });
  it("the existing team has been paid since January: from July, $60,000 of the base is used already", () => {
    const r = runPlan({
      horizonMonths: 12,
      startDate: "2027-07",
      payrollTax: { rate: 0.062, wageBase: 100000 },
      hires: [],
      team: [{ role: "Data Engineer", salary: 120000 }],
    });
    // Jul–Oct take the year to $100,000 (4 × $620); Nov–Dec nothing; Jan–Jun 2028 a new year.
    expect(line(r, "taxes").map($)).toEqual([
      620, 620, 620, 620, 0, 0, 620, 620, 620, 620, 620, 620,
    ]);
    expect(r.assumptions.notes.join(" ")).toContain("month-1 pay in each earlier month");
  });
});

describe("FTE, contractors, bonus and equity", () => {
  it("fte 0.5 halves pay, benefits and taxes; headcount counts the person, FTE the half", () => {
    const at = (fte: number) =>
      runPlan({
        horizonMonths: 12,
        benefitsRate: 0.25,
        payrollTax: { rate: 0.062 },
        hires: [hire({ fte })],
      });
    const full = at(1);
    const half = at(0.5);
    // ML Engineer, Mid, US: mid of $150K–$180K = $165,000; half is $82,500.
    expect($(full.totals.payroll)).toBe(165000);
    expect($(half.totals.payroll)).toBe(82500);
    expect($(half.totals.benefits)).toBe(20625);
    expect($(half.totals.taxes)).toBe(5115);
    expect($(half.totals.recruiting)).toBe(10000); // a person is hired either way
    expect(half.months[0]).toMatchObject({ headcount: 1, fte: 0.5 });
    expect(half.years[0]).toMatchObject({ endHeadcount: 1, endFte: 0.5, runRate: 82500_00 });
  });
  it("a contractor at $10,000 a month for 12 months is $120,000 on contractors and nothing else", () => {
    const r = runPlan({
      horizonMonths: 12,
      benefitsRate: 0.25,
      annualRaise: 0.1,
      bonusRate: 0.1,
      equityRate: 0.2,
      attritionRate: 0.12,
      payrollTax: { rate: 0.062 },
      hires: [{ role: "Contractor", type: "contractor", monthlyRate: 10000, startMonth: 1 }],
    });
    expect(r.totals).toEqual({
      payroll: 0,
      benefits: 0,
      taxes: 0,
      bonus: 0,
      equity: 0,
      contractors: 120000_00,
      recruiting: 0,
      backfill: 0,
      upskilling: 0,
      total: 120000_00,
    });
    expect(r.years[0]).toMatchObject({ endHeadcount: 1, runRate: 0 });
    expect(r.hires[0]!.salarySource.provenance).toBe("input");
  });
  it("a contractor's own bonus rate and recruiting are charged when its row gives them", () => {
    const r = runPlan({
      horizonMonths: 12,
      hires: [
        {
          role: "Data labeller",
          type: "contractor",
          monthlyRate: 10000,
          startMonth: 1,
          bonusRate: 0.1,
          recruitingCost: 2500,
        },
      ],
    });
    expect([r.totals.bonus, r.totals.recruiting].map($)).toEqual([12000, 2500]);
  });
  it("bonus and equity are their rate × pay, a hire's own rate over the plan's", () => {
    const r = runPlan({
      horizonMonths: 12,
      bonusRate: 0.1,
      hires: [hire({ salary: 120000 }), hire({ salary: 120000, equityRate: 0.5, bonusRate: 0 })],
    });
    expect($(r.totals.bonus)).toBe(12000);
    expect($(r.totals.equity)).toBe(60000);
    expect(r.costLines).toEqual([
      "payroll",
      "benefits",
      "bonus",
      "equity",
      "recruiting",
      "upskilling",
    ]);
  });
});

describe("fiscal years", () => {
  it("from July with a start date: FY2027 (Oct–Jun, 9 months), FY2028 (12), FY2029 (Jul–Sep, 3)", () => {
    const r = runPlan({
      horizonMonths: 24,
      startDate: "2026-10",
      fiscalYearStart: 7,
      hires: [hire({ salary: 120000 })],
    });
    expect(r.years.map((y) => [y.year, y.label, y.months])).toEqual([
      [1, "FY2027", 9],
      [2, "FY2028", 12],
      [3, "FY2029", 3],
    ]);
    expect(r.years.map((y) => $(y.payroll))).toEqual([90000, 120000, 30000]);
    expect(r.years.reduce((s, y) => s + y.total, 0)).toBe(r.totals.total);
  });
  it("January (the default fiscal year start) gives calendar years; without a start date, 12-month blocks", () => {
    const calendar = runPlan({
      horizonMonths: 24,
      startDate: "2027-04",
      fiscalYearStart: 1,
      hires: [],
    });
    expect(calendar.years.map((y) => [y.label, y.months])).toEqual([
      ["FY2027", 9],
      ["FY2028", 12],
      ["FY2029", 3],
    ]);
    const byDefault = runPlan({ horizonMonths: 24, startDate: "2027-04", hires: [] });
    expect(byDefault.years.map((y) => [y.label, y.months])).toEqual([
      ["FY2027", 9],
      ["FY2028", 12],
      ["FY2029", 3],
    ]);
    expect(byDefault.assumptions.fiscalYearStart).toBe(1);
    const blocks = runPlan({ horizonMonths: 24, hires: [] });
    expect(blocks.years.map((y) => [y.label, y.months])).toEqual([
      ["Year 1", 12],
      ["Year 2", 12],
    ]);
    // January is the default, so it needs no note when there is no start date to place it.
    expect(blocks.assumptions.notes.join(" ")).not.toContain("fiscal year start");
  });
  it("a fiscal year start without a start date cannot place the months: 12-month blocks, and a note says so", () => {
    const r = runPlan({ horizonMonths: 13, fiscalYearStart: 7, hires: [] });
    expect(r.years.map((y) => y.months)).toEqual([12, 1]);
    expect(r.assumptions.notes.join(" ")).toContain("A fiscal year start needs a start date");
  });
});

describe("a company-wide merit month", () => {
  it("April raises of 10% for everyone employed 6 months; the existing team always qualifies", () => {
    const r = runPlan({
      horizonMonths: 24,
      startDate: "2027-01",
      annualRaise: 0.1,
      raiseMonth: 4,
      hires: [hire({ salary: 120000 })],
      team: [{ role: "Staff engineer", salary: 120000, department: "Platform" }],
    });
    const hired = r.departments.find((d) => d.department === "AI")!;
    const team = r.departments.find((d) => d.department === "Platform")!;
    // The hire: 3 months employed by April 2027 (no raise); April 2028 raises 120,000 → 132,000:
    // year 2 = 3 × 10,000 + 9 × 11,000.
    expect(hired.years.map((y) => $(y.payroll))).toEqual([120000, 129000]);
    // The team: April 2027 → 132,000 (3 × 10,000 + 9 × 11,000), April 2028 → 145,200
    // (3 × 11,000 + 9 × 12,100).
    expect(team.years.map((y) => $(y.payroll))).toEqual([129000, 141900]);
    expect(r.assumptions.notes.join(" ")).toContain("Raises of 10% fall each April");
  });
  it("a minimum tenure of 0 raises a January starter in April", () => {
    const r = runPlan({
      horizonMonths: 12,
      annualRaise: 0.1,
      raiseMonth: 4,
      raiseMinTenureMonths: 0,
      hires: [hire({ salary: 120000 })],
    });
    expect($(r.months[2]!.payroll)).toBe(10000);
    expect($(r.months[3]!.payroll)).toBe(11000);
  });
});

describe("attrition, leavers and the existing team", () => {
  it("backfill: 12% a year ÷ 12 × each person × their recruiting cost, every month; headcount unchanged", () => {
    const r = runPlan({
      horizonMonths: 12,
      attritionRate: 0.12,
      hires: [hire({ salary: 100000, startMonth: 7, recruitingCost: 20000 })],
      team: [{ role: "Software Engineer", salary: 100000, count: 10 }],
    });
    // Team: 10 × $10,000 (the seed's recruiting) × 1% = $1,000 a month; the hire: $200 from month 7.
    expect(line(r, "backfill").map($)).toEqual([
      1000, 1000, 1000, 1000, 1000, 1000, 1200, 1200, 1200, 1200, 1200, 1200,
    ]);
    expect($(r.totals.recruiting)).toBe(20000); // the team is never charged recruiting
    expect(r.months.at(-1)!.headcount).toBe(11);
    expect(r.assumptions.notes.join(" ")).toContain("Backfill is an expected value");
  });
  it("an end month is the last month employed: a team leaver in month 6, a 6-month hire from month 3", () => {
    const r = runPlan({
      horizonMonths: 12,
      hires: [hire({ salary: 120000, startMonth: 3, endMonth: 8 })],
      team: [{ role: "Analyst", salary: 120000, endMonth: 6 }],
    });
    expect(line(r, "headcount")).toEqual([1, 1, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0]);
    expect($(r.totals.payroll)).toBe(60000 + 60000);
    expect(r.years[0]!.runRate).toBe(0);
  });
  it("the team is in headcount, run-rate and the ratio checks from month 1", () => {
    const input: PlanInput = {
      horizonMonths: 12,
      hires: [hire()],
      team: [{ role: "Software Engineer", salary: 150000, count: 4 }],
    };
    const r = runPlan(input);
    expect(r.months[0]!.headcount).toBe(5);
    expect($(r.years[0]!.runRate)).toBe(4 * 150000 + 165000);
    // 5 engineers need floor(5 ÷ 2) = 2 data people and floor(5 ÷ 5) = 1 PM; the hire alone
    // (one engineer) would need neither.
    expect(r.warnings.map((w) => w.code)).toEqual(["RATIO_DATA_PEOPLE", "RATIO_PRODUCT_MANAGERS"]);
    expect(r.warnings[0]!.message).toContain("needs 2 data person(s), has 0");
    expect(runPlan({ ...input, team: [] }).warnings).toEqual([]);
    expect(r.team[0]).toMatchObject({
      existing: true,
      startMonth: 1,
      category: "engineer",
      recruitingPerPerson: 10000_00,
    });
  });
  it("a team manager counts as one: 'Engineering Manager' is read as a manager, not an engineer", () => {
    const team = normalizePlan({
      hires: [],
      team: [
        { role: "Engineering Manager", salary: 200000 },
        { role: "Product Owner", salary: 150000 },
        { role: "Recruiter", salary: 90000 },
      ],
    }).team;
    expect(team.map((t) => t.category)).toEqual(["manager", "pm", "other"]);
    expect(team[0]!.categoryMethod).toContain('the word "manager"');
  });
});

describe("any role, and the workspace's levels and locations, in a plan", () => {
  it("a role the seeds do not list is planned at the salary given; without one it is still refused", () => {
    const r = runPlan({
      horizonMonths: 12,
      hires: [{ role: "Software Engineer", salary: 150000, startMonth: 1 }],
    });
    expect(r.hires[0]).toMatchObject({
      role: "Software Engineer",
      level: null,
      annualSalary: 150000_00,
    });
    expect(r.hires[0]!.salarySource).toEqual({
      provenance: "input",
      method: "given in the input",
      sources: [],
    });
    const e = caught(() =>
      runPlan({ hires: [{ role: "Software Engineer", level: "Mid", startMonth: 1 }] }),
    );
    expect(e.code).toBe("UNKNOWN_ROLE");
    expect(e.field).toBe("hires[0].role");
    expect(e.message).toContain("add salary");
  });
  it("a Denver hire is priced from the seed range × the workspace factor; a Staff hire needs a band or a salary", () => {
    const options = {
      levels: [{ name: "Staff" }],
      locations: [{ name: "Denver, CO", aliases: ["Denver"], factor: 0.95 }],
    };
    const r = runPlan(
      {
        horizonMonths: 12,
        hires: [hire({ location: "Denver" }), hire({ level: "Staff", salary: 240000 })],
      },
      options,
    );
    expect(
      r.hires.map((h) => [h.level, h.location, $(h.annualSalary), h.salarySource.provenance]),
    ).toEqual([
      ["Mid", "Denver, CO", 156750, "workspace"],
      ["Staff", "US", 240000, "input"],
    ]);
    const e = caught(() => runPlan({ hires: [hire({ level: "Staff" })] }, options));
    expect(e.code).toBe("NO_DATA");
    expect(e.field).toBe("hires[0].salary");
    expect(e.message).toContain("Upload a base band for ML Engineer / Staff / US");
    expect(e.message).toContain("Give this hire a salary");
  });
});

describe("departments", () => {
  it("each department's years and totals add up to the plan's; benefits are shared by payroll", () => {
    const r = runPlan({
      horizonMonths: 12,
      benefitsRate: 0.25,
      hires: [
        hire({ salary: 120000 }),
        hire({ role: "Data Scientist", salary: 60000, department: "Data" }),
      ],
      upskilling: [
        { path: "Analysts/Data → Data Scientists", people: 1, startMonth: 2, department: "Data" },
      ],
    });
    expect(
      r.departments.map((d) => [d.department, $(d.totals.payroll), $(d.totals.benefits)]),
    ).toEqual([
      ["AI", 120000, 30000],
      ["Data", 60000, 15000],
    ]);
    expect($(r.departments[1]!.totals.upskilling)).toBe(15000);
    for (const k of ["payroll", "benefits", "recruiting", "upskilling", "total"] as const)
      expect(r.departments.reduce((s, d) => s + d.totals[k], 0)).toBe(r.totals[k]);
  });
  it("a department's name is matched without regard to case; the first spelling is kept", () => {
    const r = runPlan({
      horizonMonths: 1,
      hires: [hire({ department: "Data" }), hire({ department: "data" })],
    });
    expect(r.departments.map((d) => d.department)).toEqual(["Data"]);
  });
});

describe("the cost curve is the one place the per-person rules live", () => {
  it("a later start moves the curve later unchanged when no calendar rule touches it", () => {
    const plan = normalizePlan({
      horizonMonths: 36,
      annualRaise: 0.04,
      benefitsRate: 0.2,
      bonusRate: 0.1,
      attritionRate: 0.1,
      hires: [hire({ salary: 123456.78, endMonth: 20, startMonth: 2 })],
    });
    const a = hireCostCurve(plan, plan.hires[0]!, 2);
    const b = hireCostCurve(plan, plan.hires[0]!, 5);
    // It keeps its length of employment (19 months) when it starts 3 months later.
    expect(a.payroll).toHaveLength(19);
    expect(b.payroll).toEqual(a.payroll);
    expect(b.bonus).toEqual(a.bonus);
    expect(b.recruiting[0]).toBe(10000_00);
  });
  it("with a merit month it does not: the raise falls on the calendar, not the anniversary", () => {
    const plan = normalizePlan({
      horizonMonths: 24,
      annualRaise: 0.1,
      raiseMonth: 6,
      raiseMinTenureMonths: 0,
      hires: [hire({ salary: 120000 })],
    });
    const a = hireCostCurve(plan, plan.hires[0]!, 1);
    const b = hireCostCurve(plan, plan.hires[0]!, 2);
    expect(a.payroll.slice(4, 6).map($)).toEqual([10000, 11000]);
    expect(b.payroll.slice(3, 5).map($)).toEqual([10000, 11000]); // still month 6 of the plan
  });
});
