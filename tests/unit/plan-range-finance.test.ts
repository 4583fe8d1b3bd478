// The plan range (hiring delays) over the finance-grade rules of issue 14: every cost line, FTE,
// end months, contractors, the existing team, fiscal years, and the calendar rules under which a
// later start costs differently, not only later (a merit month, a payroll-tax wage base that resets
// each January). Checked against the plain reference of the same definition (tests/unit/support),
// against the plan engine with no slip, and for its own invariants; and by hand where a calendar
// rule makes shifting one curve wrong.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COST_LINES,
  RANGE_FIGURES,
  normalizePlan,
  runPlan,
  runPlanRange,
  runPlanRangeYears,
  curveShifts,
  type PlanInput,
  type PlanRangeResult,
  type Spread,
} from "../../shared/index.js";
import { referencePlanRange } from "./support/plan-range-reference.js";

const share = (max: number) => fc.integer({ min: 0, max: max * 1000 }).map((n) => n / 1000);
// Realistic amounts, and tiny ones that make several starts cost the same (or nearly).
const money = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100),
    fc.constantFrom(0, 0.05, 0.11, 1, 123_456.78),
  );
const slip = fc
  .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }))
  .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);

const person = {
  count: fc.integer({ min: 1, max: 4 }),
  fte: fc.constantFrom(undefined, 1, 0.5, 0.333),
  department: fc.constantFrom(undefined, "AI", "Data"),
  bonusRate: fc.option(share(0.3), { nil: undefined }),
  equityRate: fc.option(share(0.5), { nil: undefined }),
  recruitingCost: fc.option(fc.constantFrom(0, 0.07, 5000, 12_345.67), { nil: undefined }),
};
const employee = fc.record(
  {
    role: fc.constantFrom("ML Engineer", "Data Scientist", "Software Engineer"),
    level: fc.constantFrom("Entry", "Mid"),
    salary: money(300_000),
    ...person,
  },
  { requiredKeys: ["role", "level", "salary", "count"] },
);
// A hire priced from the seeds (no salary given).
const seedPriced = fc.record({
  role: fc.constantFrom("ML Engineer", "Data Scientist"),
  level: fc.constantFrom("Entry", "Mid", "Senior"),
  count: fc.integer({ min: 1, max: 3 }),
});
const contractor = fc.record(
  {
    role: fc.constant("Contractor"),
    type: fc.constant("contractor" as const),
    monthlyRate: money(30_000),
    ...person,
  },
  { requiredKeys: ["role", "type", "monthlyRate"] },
);

/** Plans using every issue-14 input, with slips on the plan and on hires. */
const financePlan = (calendar: fc.Arbitrary<Partial<PlanInput>>) =>
  fc
    .record({
      horizonMonths: fc.integer({ min: 1, max: 30 }),
      benefitsRate: fc.constantFrom(0, 0.2, 1 / 3, 0.07),
      annualRaise: fc.constantFrom(0, 0.03, 0.1),
      startDate: fc.option(
        fc
          .tuple(fc.integer({ min: 2026, max: 2028 }), fc.integer({ min: 1, max: 12 }))
          .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
        { nil: undefined },
      ),
      fiscalYearStart: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
      payrollTax: fc.option(
        fc.record(
          { rate: share(0.15), wageBase: fc.option(money(150_000), { nil: undefined }) },
          { requiredKeys: ["rate"] },
        ),
        { nil: undefined },
      ),
      bonusRate: share(0.2),
      equityRate: share(0.3),
      raiseMinTenureMonths: fc.integer({ min: 0, max: 12 }),
      attritionRate: share(0.3),
      slipMonths: fc.option(slip, { nil: undefined }),
      hires: fc.array(
        fc.tuple(
          fc.oneof(employee, contractor, seedPriced),
          fc.integer({ min: 1, max: 30 }),
          fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
          fc.option(slip, { nil: undefined }),
        ),
        { minLength: 1, maxLength: 6 },
      ),
      team: fc.array(fc.oneof(employee, contractor), { maxLength: 3 }),
      upskilling: fc.array(
        fc.record({
          path: fc.constant("Engineer → AI Engineer"),
          people: fc.integer({ min: 1, max: 3 }),
          startMonth: fc.integer({ min: 1, max: 30 }),
        }),
        { maxLength: 2 },
      ),
      calendar,
    })
    .map(({ calendar: rules, ...p }): PlanInput => {
      const H = p.horizonMonths;
      const within = (m: number) => 1 + ((m - 1) % H);
      return {
        ...p,
        ...rules,
        hires: p.hires.map(([h, start, length, own]) => {
          const startMonth = within(start);
          return {
            ...h,
            startMonth,
            ...(length === undefined ? {} : { endMonth: Math.min(H, startMonth + length) }),
            ...(own ? { slipMonths: own } : {}),
          };
        }),
        upskilling: p.upskilling.map((u) => ({ ...u, startMonth: within(u.startMonth) })),
      };
    });

/** Sometimes a merit month (with a raise) and sometimes a wage base: rules a later start does not only shift. */
const anyPlan = financePlan(
  fc.record(
    {
      raiseMonth: fc.integer({ min: 1, max: 12 }),
      annualRaise: fc.constantFrom(0.05, 0.1),
    },
    { requiredKeys: [] },
  ),
);
/** Always a calendar rule: a merit month with a raise, a wage base, or both. */
const calendarPlan = financePlan(
  fc.oneof(
    fc.record({ raiseMonth: fc.integer({ min: 1, max: 12 }), annualRaise: fc.constant(0.1) }),
    fc.record({
      payrollTax: fc.record({
        rate: fc.constantFrom(0.01, 0.062, 0.15),
        wageBase: fc.constantFrom(1, 50, 20_000, 100_000),
      }),
    }),
    fc.record({
      raiseMonth: fc.integer({ min: 1, max: 12 }),
      annualRaise: fc.constant(0.05),
      payrollTax: fc.constant({ rate: 0.062, wageBase: 40_000 }),
    }),
  ),
);

const slips = (input: PlanInput) =>
  normalizePlan(input).hires.some((h) => h.slip.min !== h.slip.max);

/** Every spread of a range: each money figure, headcount, FTE, cumulative, run-rate. */
function spreads(r: PlanRangeResult): Spread[] {
  return [
    ...r.months.flatMap((m) => [
      ...RANGE_FIGURES.map((f) => m[f]),
      m.headcount,
      m.fte,
      m.cumulative,
    ]),
    ...r.years.flatMap((y) => [
      ...RANGE_FIGURES.map((f) => y[f]),
      y.endHeadcount,
      y.endFte,
      y.runRate,
    ]),
    ...RANGE_FIGURES.map((f) => r.totals[f]),
  ];
}

describe("the range with the new rules equals its plain reference", () => {
  it("every line, month, year and total, low / expected / high, on generated finance plans", () => {
    fc.assert(
      fc.property(anyPlan, (input) => {
        fc.pre(slips(input));
        expect(runPlanRange(input)).toEqual(referencePlanRange(input));
      }),
      { numRuns: 250, seed: 20260514 },
    );
  }, 60_000); // hundreds of generated plans against a slow reference: seconds on a loaded machine
  it("with a calendar rule in every plan (a merit month, a wage base resetting each January)", () => {
    fc.assert(
      fc.property(calendarPlan, (input) => {
        fc.pre(slips(input));
        // The generator does what it says: some slipping hire's curve does not only shift.
        const plan = normalizePlan(input);
        expect(plan.hires.some((h) => h.type === "employee" && !curveShifts(plan, h))).toBe(
          plan.hires.some((h) => h.type === "employee"),
        );
        expect(runPlanRange(input)).toEqual(referencePlanRange(input));
      }),
      { numRuns: 200, seed: 1405 },
    );
  }, 60_000); // hundreds of generated plans against a slow reference: seconds on a loaded machine
});

describe("with no slip the range is the plan, in every line", () => {
  it("months, years and totals to the cent: low = expected = high = POST /v1/plan's figure", () => {
    fc.assert(
      fc.property(anyPlan, (slipping) => {
        const input: PlanInput = {
          ...slipping,
          slipMonths: 0,
          hires: slipping.hires.map((h) => ({ ...h, slipMonths: 0 })),
        };
        const plan = runPlan(input);
        const range = runPlanRange(input);
        const same = (v: number) => ({ low: v, expected: v, high: v });
        plan.months.forEach((m, i) => {
          const r = range.months[i]!;
          for (const f of RANGE_FIGURES) expect(r[f]).toEqual(same(m[f]));
          expect([r.label, r.headcount, r.fte, r.cumulative]).toEqual([
            m.label,
            same(m.headcount),
            same(m.fte),
            same(m.cumulative),
          ]);
        });
        expect(range.years.map((y) => [y.label, y.months])).toEqual(
          plan.years.map((y) => [y.label, y.months]),
        );
        plan.years.forEach((y, i) => {
          const r = range.years[i]!;
          for (const f of RANGE_FIGURES) expect(r[f]).toEqual(same(y[f]));
          expect([r.endHeadcount, r.endFte, r.runRate]).toEqual([
            same(y.endHeadcount),
            same(y.endFte),
            same(y.runRate),
          ]);
        });
        for (const f of RANGE_FIGURES) expect(range.totals[f]).toEqual(same(plan.totals[f]));
        expect(range.costLines).toEqual(plan.costLines);
        // The definition itself (the slow reference, which never takes the exact path) agrees.
        const reference = referencePlanRange(input);
        expect(reference.months).toEqual(range.months);
        expect(reference.years).toEqual(range.years);
        expect(reference.totals).toEqual(range.totals);
      }),
      { numRuns: 120, seed: 7 },
    );
  }, 60_000); // hundreds of generated plans against a slow reference: seconds on a loaded machine
});

describe("invariants under slips", () => {
  it("low ≤ expected ≤ high for every figure of every row; expected lines add up to their total", () => {
    fc.assert(
      fc.property(fc.oneof(anyPlan, calendarPlan), (input) => {
        const r = runPlanRange(input);
        for (const s of spreads(r)) {
          expect(s.low).toBeLessThanOrEqual(s.expected);
          expect(s.expected).toBeLessThanOrEqual(s.high);
        }
        const rows = [...r.months, ...r.years, r.totals];
        for (const row of rows) {
          for (const f of RANGE_FIGURES) expect(Number.isInteger(row[f].expected)).toBe(true);
          expect(row.total.expected).toBe(COST_LINES.reduce((t, l) => t + row[l].expected, 0));
        }
        // Expected months add up to their years, the years to the total, and cumulative runs through them.
        for (const f of RANGE_FIGURES) {
          let sum = 0;
          for (const y of r.years) {
            const months = r.months.slice(sum, sum + y.months);
            expect(y[f].expected).toBe(months.reduce((t, m) => t + m[f].expected, 0));
            sum += y.months;
          }
          expect(r.totals[f].expected).toBe(r.years.reduce((t, y) => t + y[f].expected, 0));
        }
        expect(r.months.at(-1)!.cumulative.expected).toBe(r.totals.total.expected);
      }),
      { numRuns: 200, seed: 99 },
    );
  }, 60_000); // hundreds of generated plans: seconds on a loaded machine
});

/** A money spread in dollars: [low, expected, high]. */
const $ = (s: Spread) => [s.low / 100, s.expected / 100, s.high / 100];

describe("the years alone", () => {
  it("runPlanRangeYears (compare's delays, hire or upskill) is runPlanRange without its months", () => {
    fc.assert(
      fc.property(fc.oneof(anyPlan, calendarPlan), (input) => {
        const { months, ...rest } = runPlanRange(input);
        expect(months).toHaveLength(input.horizonMonths ?? 24);
        expect(runPlanRangeYears(input)).toEqual(rest);
      }),
      { numRuns: 100, seed: 3 },
    );
  }, 60_000); // hundreds of generated plans: seconds on a loaded machine
});

describe("calendar rules a later start does not only shift, worked by hand", () => {
  it("a merit month: an October starter is raised in April after 6 months, a November starter is not", () => {
    const r = runPlanRange({
      horizonMonths: 24,
      startDate: "2027-01",
      annualRaise: 0.1,
      raiseMonth: 4,
      raiseMinTenureMonths: 6,
      hires: [
        { role: "ML Engineer", salary: 120000, recruitingCost: 0, startMonth: 10, slipMonths: 1 },
      ],
    });
    expect(r.years.map((y) => y.label)).toEqual(["FY2027", "FY2028"]);
    // October: Oct–Mar at $10,000, then $11,000 from April 2028 (Apr–Dec: $99,000). November: no
    // raise until April 2029, so $10,000 a month. Moving October's curve a month later would raise
    // it in May and make FY2028 $128,000 at least.
    expect($(r.years[1]!.payroll)).toEqual([120000, 124500, 129000]);
    expect($(r.years[0]!.payroll)).toEqual([20000, 25000, 30000]);
    expect($(r.totals.payroll)).toEqual([140000, 149500, 159000]);
    expect($(r.years[1]!.runRate)).toEqual([120000, 126000, 132000]);
    expect($(r.months[15]!.payroll)).toEqual([10000, 10500, 11000]); // April 2028
  });
  it("a wage base resetting each January: a later start uses less of 2027's base, so it is taxed less", () => {
    const r = runPlanRange({
      horizonMonths: 24,
      startDate: "2027-01",
      payrollTax: { rate: 0.1, wageBase: 50000 },
      hires: [
        { role: "ML Engineer", salary: 120000, recruitingCost: 0, startMonth: 8, slipMonths: 2 },
      ],
    });
    // $10,000 a month. From August: 5 months of 2027 taxed ($5,000), then Jan–May 2028 ($5,000).
    // From September $4,000 + $5,000; from October $3,000 + $5,000. Shifting August's curve would
    // tax October's start through February and again from March: $10,000.
    expect($(r.years[0]!.taxes)).toEqual([3000, 4000, 5000]);
    expect($(r.years[1]!.taxes)).toEqual([5000, 5000, 5000]);
    expect($(r.totals.taxes)).toEqual([8000, 9000, 10000]);
  });
});

describe("the existing team, FTE, contractors and fiscal years in a range", () => {
  it("the team is in every start alike; FTE beside headcount; a contractor only on its line", () => {
    const r = runPlanRange({
      horizonMonths: 12,
      startDate: "2027-04",
      fiscalYearStart: 7,
      benefitsRate: 0.25,
      slipMonths: [0, 2],
      hires: [
        { role: "ML Engineer", salary: 120000, recruitingCost: 0, fte: 0.5, startMonth: 1 },
        { role: "Labelling", type: "contractor", monthlyRate: 10000, startMonth: 1, endMonth: 3 },
      ],
      team: [{ role: "Engineering Manager", salary: 240000 }],
    });
    expect(r.years.map((y) => [y.label, y.months])).toEqual([
      ["FY2027", 3],
      ["FY2028", 9],
    ]);
    const april = r.months[0]!;
    // The manager ($20,000 a month) is there in every start; the half-time hire and the contractor
    // in a third of them.
    expect(april.headcount).toEqual({ low: 1, expected: 1.67, high: 3 });
    expect(april.fte).toEqual({ low: 1, expected: 1.5, high: 2.5 });
    expect($(april.payroll)).toEqual([20000, 21666.67, 25000]);
    expect($(april.benefits)).toEqual([5000, 5416.67, 6250]);
    expect($(april.contractors)).toEqual([0, 3333.33, 10000]);
    // The contractor keeps its 3 months whenever it starts: $30,000 in every case.
    expect($(r.totals.contractors)).toEqual([30000, 30000, 30000]);
    expect(r.totals.taxes).toEqual({ low: 0, expected: 0, high: 0 });
    expect(r.costLines).toEqual(["payroll", "benefits", "contractors", "recruiting", "upskilling"]);
    expect(r.team.map((t) => t.role)).toEqual(["Engineering Manager"]);
  });
});
