// Parts sum to totals to the cent in every month, year, department and scenario, over generated
// plans that use every issue-14 input at once (team, contractors, FTE, end months, departments,
// payroll tax with a wage base, bonus, equity, a merit month, attrition, fiscal years).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COST_LINES,
  comparePlans,
  curveShifts,
  hireCostCurve,
  normalizePlan,
  runPlan,
  type PlanInput,
  type PlanTotals,
} from "../../shared/index.js";

const KEYS = [...COST_LINES, "total"] as const;
const department = fc.constantFrom(undefined, "AI", "Data", "Platform", "platform");
const share = (max: number) => fc.integer({ min: 0, max: max * 1000 }).map((n) => n / 1000);
const money = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);

const person = {
  count: fc.integer({ min: 1, max: 5 }),
  fte: fc.constantFrom(undefined, 1, 0.5, 0.8, 0.333),
  department,
  bonusRate: fc.option(share(0.3), { nil: undefined }),
  equityRate: fc.option(share(0.5), { nil: undefined }),
};
const employee = fc.record(
  {
    role: fc.constantFrom("ML Engineer", "Data Scientist", "Software Engineer", "Recruiter"),
    level: fc.constantFrom("Entry", "Mid"),
    salary: money(400_000),
    ...person,
  },
  { requiredKeys: ["role", "level", "salary", "count"] },
);
const contractor = fc.record(
  {
    role: fc.constant("Contractor"),
    type: fc.constant("contractor" as const),
    monthlyRate: money(30_000),
    ...person,
  },
  { requiredKeys: ["role", "type", "monthlyRate"] },
);

const plan = fc
  .record({
    horizonMonths: fc.integer({ min: 1, max: 48 }),
    benefitsRate: share(0.4),
    annualRaise: share(0.1),
    startDate: fc.option(
      fc
        .tuple(fc.integer({ min: 2025, max: 2030 }), fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
      { nil: undefined },
    ),
    fiscalYearStart: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    payrollTax: fc.option(
      fc.record(
        { rate: share(0.15), wageBase: fc.option(money(200_000), { nil: undefined }) },
        { requiredKeys: ["rate"] },
      ),
      { nil: undefined },
    ),
    bonusRate: share(0.2),
    equityRate: share(0.3),
    raiseMonth: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    raiseMinTenureMonths: fc.integer({ min: 0, max: 12 }),
    attritionRate: share(0.3),
    hires: fc.array(
      fc.tuple(
        fc.oneof(employee, contractor),
        fc.integer({ min: 1, max: 48 }),
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      ),
      { maxLength: 8 },
    ),
    team: fc.array(fc.oneof(employee, contractor), { maxLength: 4 }),
    upskilling: fc.array(
      fc.record({
        path: fc.constantFrom("Engineer → AI Engineer", "Anyone → Prompt Engineer"),
        people: fc.integer({ min: 1, max: 4 }),
        startMonth: fc.integer({ min: 1, max: 48 }),
        department,
      }),
      { maxLength: 2 },
    ),
  })
  .map((p): PlanInput => {
    const H = p.horizonMonths;
    const within = (m: number) => 1 + ((m - 1) % H);
    return {
      ...p,
      hires: p.hires.map(([h, start, length]) => {
        const startMonth = within(start);
        return {
          ...h,
          startMonth,
          ...(length === undefined ? {} : { endMonth: Math.min(H, startMonth + length) }),
        };
      }),
      upskilling: p.upskilling.map((u) => ({ ...u, startMonth: within(u.startMonth) })),
    };
  });

const sumOf = (rows: readonly PlanTotals[], k: (typeof KEYS)[number]) =>
  rows.reduce((s, r) => s + r[k], 0);

describe("parts sum to totals, to the cent", () => {
  it("in every month, year and department, over plans using every new input", () => {
    fc.assert(
      fc.property(plan, (input) => {
        const r = runPlan(input);
        for (const m of r.months) {
          expect(m.total).toBe(COST_LINES.reduce((s, l) => s + m[l], 0));
          for (const k of KEYS) expect(Number.isInteger(m[k])).toBe(true);
        }
        for (const k of KEYS) {
          expect(sumOf(r.months, k)).toBe(r.totals[k]);
          expect(sumOf(r.years, k)).toBe(r.totals[k]);
          expect(r.departments.reduce((s, d) => s + d.totals[k], 0)).toBe(r.totals[k]);
        }
        expect(r.months.at(-1)!.cumulative).toBe(r.totals.total);
        expect(r.years.reduce((s, y) => s + y.months, 0)).toBe(input.horizonMonths);
        // Departments add up to the plan year by year: every line, headcount, FTE and run-rate.
        r.years.forEach((y, i) => {
          const parts = r.departments.map((d) => d.years[i]!);
          for (const k of KEYS) expect(sumOf(parts, k)).toBe(y[k]);
          expect(parts.reduce((s, p) => s + p.endHeadcount, 0)).toBe(y.endHeadcount);
          expect(parts.reduce((s, p) => s + p.runRate, 0)).toBe(y.runRate);
          expect(parts.reduce((s, p) => s + p.endFte, 0)).toBeCloseTo(y.endFte, 9);
          expect(y.total).toBe(COST_LINES.reduce((s, l) => s + y[l], 0));
        });
        // Headcount counts people; FTE never exceeds it.
        for (const m of r.months) expect(m.fte).toBeLessThanOrEqual(m.headcount + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it("in every scenario and difference, with hires added and removed and upskilling replaced", () => {
    const scenarios = fc.array(
      fc.record(
        {
          removeHires: fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 3 }),
          addHires: fc.array(
            employee.map((h) => ({ ...h, startMonth: 1 })),
            { maxLength: 2 },
          ),
          upskilling: fc.array(
            fc.record({
              path: fc.constant("Engineer → AI Engineer"),
              people: fc.integer({ min: 1, max: 3 }),
              startMonth: fc.constant(1),
            }),
            { maxLength: 1 },
          ),
          salaryChange: share(0.2),
          attritionRate: share(0.2),
        },
        { requiredKeys: [] },
      ),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(plan, scenarios, (input, overrides) => {
        const base = runPlan(input);
        const valid = overrides.map((o, i) => ({
          name: `S${i}`,
          overrides: {
            ...o,
            removeHires: [...new Set(o.removeHires ?? [])].filter((x) => x < input.hires.length),
          },
        }));
        const cmp = comparePlans(input, valid);
        expect(cmp.scenarios[0]!.totals).toEqual(base.totals);
        for (const s of cmp.scenarios) {
          for (const k of KEYS) expect(sumOf(s.years, k)).toBe(s.totals[k]);
          for (const y of s.years) expect(y.total).toBe(COST_LINES.reduce((t, l) => t + y[l], 0));
          if (!s.differences) continue;
          for (const k of KEYS) {
            expect(s.differences.totals[k]).toBe(s.totals[k] - base.totals[k]);
            expect(sumOf(s.differences.years, k)).toBe(s.differences.totals[k]);
          }
          // A scenario is the plan engine's answer for its own input.
          expect(s.totals).toEqual(runPlan(s.input).totals);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("where no calendar rule touches a row, a later start only moves its cost curve", () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: 1, max: 6 }), (input, slip) => {
        const p = normalizePlan(input);
        for (const h of p.hires) {
          if (!curveShifts(p, h)) continue;
          const a = hireCostCurve(p, h, h.startMonth);
          const b = hireCostCurve(p, h, h.startMonth + slip);
          const n = b.payroll.length;
          for (const line of [
            "payroll",
            "taxes",
            "bonus",
            "equity",
            "contractors",
            "recruiting",
            "backfill",
          ] as const)
            expect(b[line]).toEqual(a[line].slice(0, n));
        }
      }),
      { numRuns: 100 },
    );
  });
});
