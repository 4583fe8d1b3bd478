// shared/plan-range.ts computes hiring-delay bounds in O(hires × slips × months) with prefix sums;
// this checks it answers exactly what the brute-force version (tests/unit/support) does, figure
// for figure, on generated plans — slips on the plan and per hire, raises, benefits rates that do
// not divide evenly, upskilling, and salaries small enough that several slips cost the same.
// tests/unit/plan-range-finance.test.ts does the same over the finance-grade rules.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizePlan, runPlanRange, type PlanInput } from "../../shared/index.js";
import { referencePlanRange } from "./support/plan-range-reference.js";

const slip = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }))
  .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);

const plan = fc.integer({ min: 1, max: 40 }).chain((horizonMonths) =>
  fc.record({
    horizonMonths: fc.constant(horizonMonths),
    benefitsRate: fc.constantFrom(0, 0.2, 0.25, 1 / 3, 0.07),
    annualRaise: fc.constantFrom(0, 0.03, 0.1),
    slipMonths: fc.option(slip, { nil: undefined }),
    hires: fc.array(
      fc.record({
        role: fc.constantFrom("ML Engineer", "Data Scientist"),
        level: fc.constantFrom("Entry", "Mid", "Senior"),
        startMonth: fc.integer({ min: 1, max: horizonMonths }),
        count: fc.integer({ min: 1, max: 5 }),
        // Tiny and zero salaries make months that pay nothing, so slips tie on cost.
        salary: fc.option(fc.constantFrom(0, 0.05, 0.11, 1, 123_456.78, 150_000), {
          nil: undefined,
        }),
        recruitingCost: fc.option(fc.constantFrom(0, 5000, 12_345.67), { nil: undefined }),
        slipMonths: fc.option(slip, { nil: undefined }),
      }),
      { maxLength: 7 },
    ),
    upskilling: fc.array(
      fc.record({
        path: fc.constant("Engineers → AI Engineers"),
        people: fc.integer({ min: 1, max: 3 }),
        startMonth: fc.integer({ min: 1, max: horizonMonths }),
      }),
      { maxLength: 2 },
    ),
  }),
);

describe("plan range with prefix sums equals the brute-force reference", () => {
  it("every month, year and total, low / expected / high, on generated plans", () => {
    fc.assert(
      fc.property(plan, (input) => {
        const p = input as PlanInput;
        // Plans where no hire's start can vary take runPlanRange's exact path, not the bounds.
        fc.pre(normalizePlan(p).hires.some((h) => h.slip.min !== h.slip.max));
        expect(runPlanRange(p)).toEqual(referencePlanRange(p));
      }),
      { numRuns: 400, seed: 20260511 },
    );
  }, 60_000); // hundreds of generated plans against a slow reference: seconds on a loaded machine

  it("the year-1 build-out with every hire 0-2 months late", () => {
    const input: PlanInput = {
      horizonMonths: 24,
      benefitsRate: 0.25,
      annualRaise: 0.03,
      slipMonths: [0, 2],
      hires: [
        { role: "ML Engineer", level: "Mid", startMonth: 1 },
        { role: "Data Scientist", level: "Mid", startMonth: 3 },
        { role: "ML Engineer", level: "Senior", startMonth: 5, slipMonths: [1, 4] },
      ],
    };
    const fast = runPlanRange(input);
    expect(fast).toEqual(referencePlanRange(input));
    expect(fast.years[0]!.total.low).toBeLessThan(fast.years[0]!.total.high);
  });
});
