import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BASES,
  LEVELS,
  LOCATIONS,
  PlannerError,
  recommendTeam,
  ROLES,
  runPlan,
  salaryRange,
  splitEvenly,
} from "../../shared/index.js";

const role = fc.constantFrom(...ROLES.map((r) => r.name));
const level = fc.constantFrom(...LEVELS.map((l) => l.name));
const location = fc.constantFrom(...LOCATIONS.map((l) => l.name));
const basis = fc.constantFrom(...BASES);

describe("invariants over generated inputs", () => {
  it("every salary the core answers has integer cents and low ≤ mid ≤ high; otherwise NO_DATA", () => {
    fc.assert(
      fc.property(
        role,
        level,
        location,
        basis,
        fc.constantFrom("USD", "GBP", undefined),
        (r, l, loc, b, cur) => {
          try {
            const s = salaryRange({ role: r, level: l, location: loc, basis: b, currency: cur });
            expect(
              Number.isInteger(s.low) && Number.isInteger(s.mid) && Number.isInteger(s.high),
            ).toBe(true);
            expect(s.low).toBeLessThanOrEqual(s.mid);
            expect(s.mid).toBeLessThanOrEqual(s.high);
            expect(s.low).toBeGreaterThan(0);
            expect(s.sources.length).toBeGreaterThan(0);
          } catch (e) {
            expect(e).toBeInstanceOf(PlannerError);
            expect((e as PlannerError).code).toBe("NO_DATA");
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("splitting any amount into 12 months sums exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000_00 }),
        (cents) => splitEvenly(cents, 12).reduce((a, b) => a + b, 0) === cents,
      ),
    );
  });

  it("each kind of team member is monotone in the number of projects", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.constantFrom(3, 4), (p, ppe) => {
        const a = recommendTeam(p, ppe);
        const b = recommendTeam(p + 1, ppe);
        return (
          b.engineers >= a.engineers &&
          b.dataPeople >= a.dataPeople &&
          b.productManagers >= a.productManagers &&
          b.managers >= a.managers &&
          b.total >= a.total
        );
      }),
    );
  });

  const hire = fc.record({
    role: fc.constantFrom("ML Engineer", "Data Scientist", "AI Product Manager", "Prompt Engineer"),
    level: fc.constantFrom("Entry", "Mid"),
    location: fc.constantFrom("US", "SF", "Austin", "London", "Remote"),
    startMonth: fc.integer({ min: 1, max: 36 }),
    count: fc.integer({ min: 1, max: 20 }),
    channel: fc.constantFrom(undefined, "referral", "recruiter", "job board"),
    salary: fc.option(
      fc.integer({ min: 1, max: 500_000_00 }).map((c) => c / 100),
      { nil: undefined },
    ),
  });
  const plan = fc.record({
    horizonMonths: fc.integer({ min: 36, max: 120 }),
    benefitsRate: fc.double({ min: 0, max: 0.6, noNaN: true }),
    annualRaise: fc.double({ min: 0, max: 0.1, noNaN: true }),
    hires: fc.array(hire, { maxLength: 15 }),
    upskilling: fc.array(
      fc.record({
        path: fc.constantFrom("Engineer → AI Engineer", "Anyone → Prompt Engineer"),
        people: fc.integer({ min: 1, max: 5 }),
        startMonth: fc.integer({ min: 1, max: 36 }),
      }),
      { maxLength: 3 },
    ),
  });

  it("plan totals equal the sum of months and years; cumulative ends at the total; all cents integral", () => {
    fc.assert(
      fc.property(plan, (input) => {
        const r = runPlan(input);
        expect(r.months).toHaveLength(input.horizonMonths);
        for (const k of ["payroll", "benefits", "recruiting", "upskilling", "total"] as const) {
          expect(r.months.reduce((s, m) => s + m[k], 0)).toBe(r.totals[k]);
          expect(r.years.reduce((s, y) => s + y[k], 0)).toBe(r.totals[k]);
        }
        for (const m of r.months) {
          expect(m.total).toBe(m.payroll + m.benefits + m.recruiting + m.upskilling);
          for (const v of [m.payroll, m.benefits, m.recruiting, m.upskilling])
            expect(Number.isInteger(v)).toBe(true);
        }
        expect(r.months.at(-1)!.cumulative).toBe(r.totals.total);
        expect(r.months.at(-1)!.headcount).toBe(input.hires.reduce((s, h) => s + h.count, 0));
      }),
      { numRuns: 150 },
    );
  });

  it("with no raise, a hire present for whole years is paid exactly its salary per year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000_00 }),
        fc.integer({ min: 1, max: 4 }),
        (cents, years) => {
          const r = runPlan({
            horizonMonths: years * 12,
            hires: [{ role: "ML Engineer", level: "Mid", startMonth: 1, salary: cents / 100 }],
          });
          return r.years.every((y) => y.payroll === cents);
        },
      ),
    );
  });
});
