import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  comparePlans,
  hireVsUpskill,
  invokeFunction,
  planTemplate,
  runPlan,
  runPlanRange,
  type PlanInput,
} from "../../shared/index.js";
import { caught } from "./support/caught.js";

describe("hire vs upskill, hand-computed from the seeds", () => {
  // One Mid ML engineer in Austin ($140K–$200K, mid $170K) through a recruiter (15–25% fee),
  // against upskilling one backend engineer (Engineers → AI Engineers, 9–16 weeks, $15K), over 12 months.
  const r = hireVsUpskill({
    targetRole: "ML Engineer",
    level: "Mid",
    location: "Austin",
    fromRole: "Backend engineer",
    horizonMonths: 12,
    channel: "recruiter",
  });

  it("hire: 1–2 months to fill + 4 weeks onboarding = 1.92 / 2.42 / 2.92 months until productive", () => {
    expect(r.hire.monthsUntilProductive).toEqual({ low: 1.92, expected: 2.42, high: 2.92 });
  });
  it("hire cash is the plan engine's: low = $140K paid from month 3 (10 monthly pieces) + 15% of 140K; high = $200K from month 2 (11 pieces) + 25% of 200K", () => {
    // Monthly pieces are rounded down (floor(S·k/12)), exactly as POST /v1/plan pays them.
    expect(r.hire.cashCost.low).toBe(116666_66 + 21000_00);
    expect(r.hire.cashCost.high).toBe(183333_33 + 50000_00);
    // Expected: $170K starting in month 2 or 3, equally likely, plus 20% of 170K; the plan
    // range's mean is rounded to the cent month by month, so it is within a cent a month of the exact mean.
    const exact = (Math.floor((170000_00 * 11) / 12) + Math.floor((170000_00 * 10) / 12)) / 2;
    expect(Math.abs(r.hire.cashCost.expected - (exact + 34000_00))).toBeLessThanOrEqual(12);
  });
  it("hire cash with benefits and raises equals the plan engine's one-hire plans (low: latest start, high: earliest)", () => {
    const assumptions = { horizonMonths: 24, benefitsRate: 0.25, annualRaise: 0.04 };
    const h = hireVsUpskill({
      targetRole: "ML Engineer",
      level: "Mid",
      location: "Austin",
      fromRole: "Backend engineer",
      channel: "recruiter",
      ...assumptions,
    });
    const hire = (startMonth: number, salary: number, recruitingCost: number) => ({
      ...assumptions,
      hires: [
        { role: "MLE", level: "Mid", location: "Austin", startMonth, salary, recruitingCost },
      ],
    });
    expect(h.hire.cashCost.low).toBe(runPlan(hire(3, 140000, 21000)).totals.total);
    expect(h.hire.cashCost.high).toBe(runPlan(hire(2, 200000, 50000)).totals.total);
    const mid = { ...hire(2, 170000, 34000), slipMonths: [0, 1] as [number, number] };
    expect(h.hire.cashCost.expected).toBe(runPlanRange(mid).totals.total.expected);
    // Benefits and a year-2 raise are in it: more than the same hire without them.
    expect(h.hire.cashCost.low).toBeGreaterThan(
      runPlan({ ...hire(3, 140000, 21000), benefitsRate: 0, annualRaise: 0 }).totals.total,
    );
    expect(h.hire.method.join(" ")).toContain("benefits at 25% of payroll, a 4% raise");
    expect(h.upskill.method.join(" ")).toContain("left out on purpose");
  });
  it("upskill: 9–16 weeks = 2.08 / 2.88 / 3.69 months; $15,000 cash", () => {
    expect(r.upskill.monthsUntilProductive).toEqual({ low: 2.08, expected: 2.88, high: 3.69 });
    expect(r.upskill.cashCost).toEqual({ low: 15000_00, expected: 15000_00, high: 15000_00 });
  });
  it("productive person-months take off the seed's 20% learning time: hire (12 − 2.42) × 0.8 = 7.66", () => {
    expect(r.hire.productivePersonMonths).toEqual({ low: 7.26, expected: 7.66, high: 8.06 });
    expect(r.upskill.productivePersonMonths.expected).toBe(7.3);
  });
  it("cost per productive month = cash ÷ productive months", () => {
    expect(r.hire.costPerProductiveMonth.expected).toBe(
      Math.round(r.hire.cashCost.expected / 7.66),
    );
    expect(r.upskill.costPerProductiveMonth.expected).toBe(Math.round(15000_00 / 7.3));
  });
  it("every assumption is listed with its source", () => {
    expect(r.assumptions.map((a) => a.name)).toEqual([
      "horizonMonths",
      "benefitsRate",
      "annualRaise",
      "timeToFillMonths",
      "onboardingWeeks",
      "trainingCostPerPerson",
      "learningTimeShare",
      "mentorship",
      "bootcamp",
    ]);
    expect(r.assumptions.find((a) => a.name === "trainingCostPerPerson")!.source!.quote).toContain(
      "$30K",
    );
  });
  it("mentorship and bootcamp add the seed's $10–20K each", () => {
    const m = hireVsUpskill({
      targetRole: "Data Scientist",
      level: "Mid",
      fromRole: "Data analyst",
      mentorship: true,
      bootcamp: "yes",
    });
    expect(m.upskill.cashCost).toEqual({ low: 35000_00, expected: 45000_00, high: 55000_00 });
  });
  it("the sheet function shows the same figures in currency units", () => {
    const table = invokeFunction("AI_HIRE_VS_UPSKILL", [
      "ML Engineer",
      "Mid",
      "Austin",
      "Backend engineer",
      [["Horizon months", 12]],
      "recruiter",
    ]) as (string | number)[][];
    expect(table[2]).toEqual([
      "Cash cost over 12 months",
      r.hire.cashCost.low / 100,
      r.hire.cashCost.expected / 100,
      r.hire.cashCost.high / 100,
      15000,
      15000,
      15000,
    ]);
    // A label the function does not use is named, with what it takes.
    expect(
      caught(() =>
        invokeFunction("AI_HIRE_VS_UPSKILL", ["ML Engineer", "Mid", "", "", [["Slip months", 2]]]),
      ).message,
    ).toBe(
      "assumptions row 1 Slip months: is not used by AI_HIRE_VS_UPSKILL; it takes Horizon months, Benefits rate, Annual raise",
    );
  });
  it("bad arguments are refused with clear errors", () => {
    expect(
      caught(() => hireVsUpskill({ targetRole: "AI Product Manager", level: "Mid" })).message,
    ).toContain("no upskilling path into AI Product Manager");
    expect(
      caught(() => hireVsUpskill({ targetRole: "ML Engineer", level: "Mid", fromRole: "Chef" }))
        .field,
    ).toBe("fromRole");
    expect(
      caught(() => hireVsUpskill({ targetRole: "ML Engineer", level: "Mid", horizonMonths: 0 }))
        .field,
    ).toBe("horizonMonths");
    expect(
      caught(() => hireVsUpskill({ targetRole: "ML Engineer", level: "Mid", channel: "fax" })).code,
    ).toBe("UNKNOWN_CHANNEL");
    expect(
      caught(() =>
        hireVsUpskill({
          targetRole: "ML Engineer",
          level: "Mid",
          timeToFillMonths: { min: 1, max: 1.5 },
        }),
      ).message,
    ).toBe(
      "timeToFillMonths.max: must be a whole number of months (the hire is costed from a start month), got 1.5",
    );
    expect(
      caught(() => hireVsUpskill({ targetRole: "ML Engineer", level: "Mid", benefitsRate: 25 }))
        .message,
    ).toContain("did you mean 0.25 (25%)?");
  });
});

describe("hiring delays as a cost range", () => {
  const year1 = planTemplate("year-1-build-out").input;
  it("slip 0 equals the plain plan exactly", () => {
    const plain = runPlan(year1);
    const range = runPlanRange({ ...year1, slipMonths: 0 });
    expect(range.months.map((m) => [m.total.low, m.total.expected, m.total.high])).toEqual(
      plain.months.map((m) => [m.total, m.total, m.total]),
    );
    expect(range.years[0]!.total).toEqual({
      low: plain.years[0]!.total,
      expected: plain.years[0]!.total,
      high: plain.years[0]!.total,
    });
  });
  it("slip 0–2 on the year-1 build-out: headcount in month 1 is 0 / 0.33 / 1 and year-1 payroll spans the slips", () => {
    const r = runPlanRange({ ...year1, slipMonths: [0, 2] });
    expect(r.months[0]!.headcount).toEqual({ low: 0, expected: 0.33, high: 1 });
    // Low: every hire two months late (months 3, 5, 7): 16,000,000·10/12 + 14,000,000·8/12 + 14,000,000·6/12 cents.
    expect(r.years[0]!.payroll.low).toBe(13_333_333 + 9_333_333 + 7_000_000);
    expect(r.years[0]!.payroll.high).toBe(runPlan(year1).years[0]!.payroll);
    expect(r.years[0]!.recruiting).toEqual({ low: 30000_00, expected: 30000_00, high: 30000_00 });
  });
  it("per-hire slip overrides the plan's", () => {
    const r = runPlanRange({
      horizonMonths: 6,
      slipMonths: 3,
      hires: [{ role: "ML Engineer", level: "Mid", startMonth: 1, slipMonths: 0 }],
    });
    expect(r.months[0]!.headcount).toEqual({ low: 1, expected: 1, high: 1 });
  });
  it("min above max is refused", () => {
    expect(caught(() => runPlanRange({ hires: [], slipMonths: [3, 1] })).message).toBe(
      "slipMonths: min (3) must not be more than max (1)",
    );
  });

  const plan = fc.record({
    horizonMonths: fc.integer({ min: 12, max: 48 }),
    benefitsRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
    slipMonths: fc
      .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 4 }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
    hires: fc.array(
      fc.record({
        role: fc.constantFrom("ML Engineer", "Data Scientist"),
        level: fc.constantFrom("Entry", "Mid", "Senior"),
        startMonth: fc.integer({ min: 1, max: 12 }),
        count: fc.integer({ min: 1, max: 4 }),
        channel: fc.constantFrom(undefined, "recruiter"),
      }),
      { maxLength: 6 },
    ),
  });
  it("ranges are ordered: low ≤ expected ≤ high for every month, year and total", () => {
    fc.assert(
      fc.property(plan, (input) => {
        const r = runPlanRange(input as PlanInput);
        const rows = [
          ...r.months.flatMap((m) => [
            m.headcount,
            m.payroll,
            m.benefits,
            m.recruiting,
            m.total,
            m.cumulative,
          ]),
          ...r.years.flatMap((y) => [y.total, y.endHeadcount, y.runRate]),
          r.totals.total,
        ];
        for (const s of rows) {
          expect(s.low).toBeLessThanOrEqual(s.expected);
          expect(s.expected).toBeLessThanOrEqual(s.high);
        }
        // Expected figures are the expected months summed: the years add up to the horizon's.
        expect(r.years.reduce((s, y) => s + y.total.expected, 0)).toBe(r.totals.total.expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe("scenarios side by side", () => {
  const base: PlanInput = {
    horizonMonths: 24,
    benefitsRate: 0.25,
    hires: [
      { role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1 },
      { role: "Data Scientist", level: "Mid", startMonth: 3 },
    ],
  };
  it("the base and each scenario per year, with the difference from the base", () => {
    const cmp = comparePlans(base, [
      { name: "Later", overrides: { startMonthShift: 3 } },
      { name: "Leaner benefits", overrides: { benefitsRate: 0.2 } },
    ]);
    expect(cmp.scenarios.map((s) => s.name)).toEqual(["Base", "Later", "Leaner benefits"]);
    const plain = runPlan(base);
    const later = runPlan({
      ...base,
      hires: base.hires.map((h) => ({ ...h, startMonth: h.startMonth + 3 })),
    });
    expect(cmp.scenarios[0]!.years.map((y) => y.total)).toEqual(plain.years.map((y) => y.total));
    expect(cmp.scenarios[1]!.years.map((y) => y.total)).toEqual(later.years.map((y) => y.total));
    expect(cmp.scenarios[1]!.differences!.years.map((d) => d.total)).toEqual(
      later.years.map((y, i) => y.total - plain.years[i]!.total),
    );
    expect(cmp.scenarios[2]!.differences!.totals.benefits).toBe(
      runPlan({ ...base, benefitsRate: 0.2 }).totals.benefits - plain.totals.benefits,
    );
  });
  it("Base is the plan as given even when hires may slip; the delays' low / expected / high come beside it", () => {
    const slipping: PlanInput = { ...base, annualRaise: 0.04, slipMonths: [0, 3] };
    const cmp = comparePlans(slipping, [{ name: "No raise", overrides: { annualRaise: 0 } }]);
    const [b, noRaise] = cmp.scenarios;
    const plain = runPlan(slipping);
    const range = runPlanRange(slipping);
    expect(b!.years.map((y) => y.total)).toEqual(plain.years.map((y) => y.total));
    expect(b!.totals).toEqual(plain.totals);
    expect(b!.years.map((y) => y.totalWithDelays)).toEqual(range.years.map((y) => y.total));
    expect(b!.totalWithDelays).toEqual(range.totals.total);
    // Slip moves money later: the expected cost under delays is below the plan as scheduled.
    expect(b!.totalWithDelays!.expected).toBeLessThan(b!.totals.total);
    // The raise is carried into every scenario: dropping it costs less in year 2, not more.
    expect(noRaise!.differences!.years[1]!.total).toBeLessThan(0);
    expect(noRaise!.years[1]!.total).toBe(runPlan({ ...slipping, annualRaise: 0 }).years[1]!.total);
    // Without any slip there is nothing to show beside the total.
    expect(comparePlans(base, []).scenarios[0]!.totalWithDelays).toBeUndefined();
  });
  it("a scenario may change any assumption, the start date included", () => {
    const cmp = comparePlans({ ...base, startDate: "2027-01" }, [
      { name: "Start in July", overrides: { startDate: "2027-07", horizonMonths: 12 } },
    ]);
    expect(cmp.scenarios[1]!.input.startDate).toBe("2027-07");
    // Twelve months from July 2027 are two calendar years (fiscal years from January, the default).
    expect(cmp.scenarios[1]!.years.map((y) => [y.label, y.total > 0])).toEqual([
      ["FY2027", true],
      ["FY2028", true],
    ]);
    expect(cmp.scenarios[0]!.years.map((y) => y.label)).toEqual(["FY2027", "FY2028"]);
    expect(
      caught(() => comparePlans(base, [{ name: "X", overrides: { startDate: "July" } }])).field,
    ).toBe("scenarios[0].startDate");
  });
  it("a salary change of 10% raises the seed mid by 10% to the cent", () => {
    const cmp = comparePlans(
      { horizonMonths: 12, hires: [{ role: "ML Engineer", level: "Mid", startMonth: 1 }] },
      [{ name: "Pay more", overrides: { salaryChange: 0.1 } }],
    );
    expect(cmp.scenarios[1]!.totals.payroll).toBe(181500_00);
  });
  it("duplicate names and bad overrides are refused, naming the scenario", () => {
    expect(caught(() => comparePlans(base, [{ name: "A" }, { name: "a" }])).field).toBe(
      "scenarios[1].name",
    );
    expect(
      caught(() => comparePlans(base, [{ name: "X", overrides: { startMonthShift: 1.5 } }])).field,
    ).toBe("scenarios[0].overrides.startMonthShift");
    expect(
      caught(() =>
        comparePlans(base, [{ name: "X", overrides: { hires: [{ index: 9, salary: 1 }] } }]),
      ).message,
    ).toContain("no hire at index 9");
    expect(
      caught(() => comparePlans(base, [{ name: "X", overrides: { hires: [null] } } as never]))
        .field,
    ).toBe("scenarios[0].overrides.hires[0]");
  });
});
