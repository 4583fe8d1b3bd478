// One plan, one answer: for generated plans with assumptions, every surface that shows a plan's
// yearly figures gives the same totals to the cent — POST /v1/plan, the base of
// POST /v1/plan/compare, POST /v1/plan/range with no slip, AI_PLAN_SUMMARY and AI_PLAN_COMPARE's
// Base column through /v1/batch (hires range + assumptions block, as a sheet passes them), the
// shared-model page (/s/<token>, its data-value attributes: the year table and the scenarios'
// Base row) and the shared model's CSV (its months summed per year). All inside workerd with
// the real D1 and migrations; nothing is mocked.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { api, jsonOf, workspaceWithKeys } from "./support/workspace.js";

const cents = (units: number) => Math.round(units * 100);

interface Hire {
  role: string;
  level: string;
  location: string;
  startMonth: number;
  count: number;
  salary?: number;
  channel?: string;
}
interface Body {
  horizonMonths: number;
  benefitsRate: number;
  annualRaise: number;
  startDate?: string;
  slipMonths?: [number, number];
  hires: Hire[];
}

const hire = fc.record(
  {
    role: fc.constantFrom("ML Engineer", "Data Scientist", "AI Product Manager"),
    level: fc.constantFrom("Mid", "Senior"),
    location: fc.constantFrom("US", "Austin", "NYC", "Remote"),
    startMonth: fc.integer({ min: 1, max: 12 }),
    count: fc.integer({ min: 1, max: 3 }),
    salary: fc.integer({ min: 9_000_000, max: 30_000_000 }).map((c) => c / 100),
    channel: fc.constantFrom("referral", "recruiter"),
  },
  { requiredKeys: ["role", "level", "location", "startMonth", "count"] },
);

const plan = fc.record(
  {
    horizonMonths: fc.integer({ min: 12, max: 36 }),
    benefitsRate: fc.integer({ min: 0, max: 40 }).map((n) => n / 100),
    annualRaise: fc.integer({ min: 0, max: 10 }).map((n) => n / 100),
    startDate: fc
      .tuple(fc.integer({ min: 2026, max: 2030 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
    // Sometimes hires may start late: the plan is still costed as scheduled everywhere but the range.
    slipMonths: fc
      .tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 3 }))
      .map(([a, b]) => [a, b] as [number, number]),
    hires: fc.array(hire, { minLength: 1, maxLength: 5 }),
  },
  { requiredKeys: ["horizonMonths", "benefitsRate", "annualRaise", "hires"] },
) as fc.Arbitrary<Body>;

/** The hires as a sheet range and the assumptions as a sheet's block, written as a person would. */
function sheetArgs(body: Body) {
  const hires = [
    ["Role", "Level", "Location", "Start month", "Count", "Salary", "Channel"],
    ...body.hires.map((h) => [
      h.role,
      h.level,
      h.location,
      h.startMonth,
      h.count,
      h.salary ?? "",
      h.channel ?? "",
    ]),
  ];
  const block: (string | number)[][] = [
    ["Horizon months", body.horizonMonths],
    ["Benefits rate", `${Math.round(body.benefitsRate * 100)}%`],
    ["annual raise", body.annualRaise],
  ];
  if (body.startDate) block.push(["Start date", body.startDate]);
  if (body.slipMonths) block.push(["Slip months", `${body.slipMonths[0]}-${body.slipMonths[1]}`]);
  return { hires, block };
}

const SCENARIOS = [{ name: "Later", overrides: { startMonthShift: 2 } }];

/** Every money cell's data-value in one table row of the page, in order. */
function rowValues(html: string, rowAttribute: string): number[] {
  const row = new RegExp(`<tr ${rowAttribute}>([\\s\\S]*?)</tr>`).exec(html);
  expect(row, rowAttribute).not.toBeNull();
  return [...row![1]!.matchAll(/data-value="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
}

describe("one plan, one answer", () => {
  it("every surface gives the same year totals to the cent", async () => {
    const ws = await workspaceWithKeys("one-answer");
    await fc.assert(
      fc.asyncProperty(plan, async (body) => {
        const expected = (await jsonOf(await api("/v1/plan", { body }), 200)) as {
          years: { total: number; months: number }[];
          totals: { total: number };
        };
        // With a start date the years are calendar (fiscal) years, the first and last partial.
        const years = expected.years.length;
        const truth = expected.years.map((y) => cents(y.total));
        expect(expected.years.reduce((s, y) => s + y.months, 0)).toBe(body.horizonMonths);

        // The base of a comparison is the plan as given, slip or not.
        const compare = await jsonOf(
          await api("/v1/plan/compare", { body: { base: body, scenarios: SCENARIOS } }),
          200,
        );
        expect(compare.scenarios[0].name).toBe("Base");
        expect(compare.scenarios[0].years.map((y: { total: number }) => cents(y.total))).toEqual(
          truth,
        );

        // The range with no slip: low, expected and high all equal the plan.
        const { slipMonths: _slip, ...unslipped } = body;
        const range = await jsonOf(await api("/v1/plan/range", { body: unslipped }), 200);
        for (const k of ["low", "expected", "high"] as const)
          expect(
            range.years.map((y: { total: Record<string, number> }) => cents(y.total[k]!)),
          ).toEqual(truth);

        // The sheet functions, as a sheet passes them (a hires range and an assumptions block).
        const { hires, block } = sheetArgs(body);
        const scenarioRange = [
          ["Scenario", "Start shift"],
          ["Later", 2],
        ];
        const batch = await jsonOf(
          await api("/v1/batch", {
            body: {
              calls: [
                { fn: "AI_PLAN_SUMMARY", args: [hires, block] },
                { fn: "AI_PLAN_COMPARE", args: [hires, block, scenarioRange] },
                { fn: "AI_PLAN_COST", args: [hires, block, "total"] },
              ],
            },
          }),
          200,
        );
        const [summary, comparison, cost] = batch.results as { value: (string | number)[][] }[];
        expect(summary!.value.slice(1, -1).map((r) => cents(r[6] as number))).toEqual(truth);
        expect(comparison!.value[0]!.slice(0, 2)).toEqual(["Year", "Base"]);
        expect(comparison!.value.slice(1, -1).map((r) => cents(r[1] as number))).toEqual(truth);
        expect(cents(cost!.value as unknown as number)).toBe(cents(expected.totals.total));

        // A shared model of the same plan: its page and its CSV.
        const model = await jsonOf(
          await api("/v1/models", {
            key: ws.write,
            body: { name: "One answer", input: { ...body, scenarios: SCENARIOS } },
          }),
          201,
        );
        const share = await jsonOf(
          await api(`/v1/models/${model.id}/shares`, { method: "POST", key: ws.write }),
          201,
        );
        const page = await api(`/s/${share.token}`);
        expect(page.status).toBe(200);
        const html = await page.text();
        // Year table: payroll, benefits, recruiting, upskilling, total, end headcount, run-rate.
        const pageYears = expected.years.map((_, i) => rowValues(html, `data-year="${i + 1}"`)[4]!);
        expect(pageYears.map(cents)).toEqual(truth);
        expect(cents(Number(/id="figure-total" data-value="([\d.]+)"/.exec(html)![1]))).toBe(
          cents(expected.totals.total),
        );
        // The scenarios table's Base row: each year's total, then the horizon's.
        const baseRow = rowValues(html, 'data-scenario="Base"');
        expect(baseRow.slice(0, years).map(cents)).toEqual(truth);
        expect(cents(baseRow[years]!)).toBe(cents(expected.totals.total));

        const csv = (await (await api(`/v1/shared/${share.token}/result.csv`)).text())
          .trim()
          .split(/\r?\n/);
        expect(csv[0]).toBe(
          "Month,Label,Headcount,Payroll,Benefits,Recruiting,Upskilling,Total,Cumulative",
        );
        const yearOfMonth = expected.years.flatMap((y, i) => Array<number>(y.months).fill(i));
        const byYear = Array<number>(years).fill(0);
        csv.slice(1).forEach((line, i) => {
          byYear[yearOfMonth[i]!]! += cents(Number(line.split(",")[7]));
        });
        expect(byYear).toEqual(truth);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
