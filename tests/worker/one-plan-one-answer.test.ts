// One plan, one answer: for generated finance-grade plans (the existing team, any role at a
// salary, contractors, FTE, leavers, departments, payroll tax with a wage base, bonus, equity, a
// merit month, attrition, fiscal years), every surface that shows a plan's yearly figures gives
// the same figures to the cent, cost line by cost line — POST /v1/plan, the base of
// POST /v1/plan/compare, POST /v1/plan/range with no slip, AI_PLAN_SUMMARY, AI_PLAN_COMPARE's
// Base column, AI_PLAN_COST and AI_PLAN_DEPARTMENTS through /v1/batch (hires and team ranges +
// an assumptions block, as a sheet passes them), the shared-model page (/s/<token>, its
// data-value attributes: the year table, the department table and the scenarios' Base row) and
// the shared model's CSV (its months summed per year); departments add up to the plan. All
// inside workerd with the real D1 and migrations; nothing is mocked.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { api, jsonOf, workspaceWithKeys } from "./support/workspace.js";

const cents = (units: number) => Math.round(units * 100);

interface Hire {
  role: string;
  level?: string;
  location?: string;
  startMonth: number;
  count: number;
  salary?: number;
  channel?: string;
  endMonth?: number;
  fte?: number;
  type?: "contractor";
  monthlyRate?: number;
  department?: string;
  bonusRate?: number;
  equityRate?: number;
}
interface TeamRow {
  role: string;
  salary: number;
  count: number;
  fte?: number;
  department?: string;
}
interface Body {
  horizonMonths: number;
  benefitsRate: number;
  annualRaise: number;
  startDate?: string;
  slipMonths?: [number, number];
  fiscalYearStart?: number;
  payrollTax?: { rate: number; wageBase?: number };
  bonusRate?: number;
  equityRate?: number;
  raiseMonth?: number;
  raiseMinTenureMonths?: number;
  attritionRate?: number;
  hires: Hire[];
  team?: TeamRow[];
}

const share = (max: number) => fc.integer({ min: 0, max }).map((n) => n / 1000);
const department = fc.constantFrom("AI", "Data", "Platform");

/** An AI role priced from the seeds, any role at a salary, or a contractor at a monthly rate. */
const hire = fc.oneof(
  fc.record(
    {
      role: fc.constantFrom("ML Engineer", "Data Scientist", "AI Product Manager"),
      level: fc.constantFrom("Mid", "Senior"),
      location: fc.constantFrom("US", "Austin", "NYC", "Remote"),
      startMonth: fc.integer({ min: 1, max: 12 }),
      count: fc.integer({ min: 1, max: 3 }),
      salary: fc.integer({ min: 9_000_000, max: 30_000_000 }).map((c) => c / 100),
      channel: fc.constantFrom("referral", "recruiter"),
      endMonth: fc.integer({ min: 0, max: 20 }), // months after the start; placed in the horizon below
      fte: fc.constantFrom(0.5, 0.8, 1),
      department,
      bonusRate: share(300),
      equityRate: share(500),
    },
    { requiredKeys: ["role", "level", "location", "startMonth", "count"] },
  ),
  fc.record(
    {
      role: fc.constantFrom("Software Engineer", "Engineering Manager", "Finance analyst"),
      startMonth: fc.integer({ min: 1, max: 12 }),
      count: fc.integer({ min: 1, max: 2 }),
      salary: fc.integer({ min: 6_000_000, max: 25_000_000 }).map((c) => c / 100),
      fte: fc.constantFrom(0.5, 1),
      department,
    },
    { requiredKeys: ["role", "startMonth", "count", "salary"] },
  ),
  fc.record(
    {
      role: fc.constantFrom("Data labelling", "Contract MLOps"),
      startMonth: fc.integer({ min: 1, max: 12 }),
      count: fc.constant(1),
      type: fc.constant("contractor" as const),
      monthlyRate: fc.integer({ min: 500_000, max: 2_000_000 }).map((c) => c / 100),
      endMonth: fc.integer({ min: 0, max: 12 }),
      department,
    },
    { requiredKeys: ["role", "startMonth", "count", "type", "monthlyRate"] },
  ),
);

const teamRow = fc.record(
  {
    role: fc.constantFrom("Software Engineer", "Engineering Manager", "Data analyst"),
    salary: fc.integer({ min: 8_000_000, max: 25_000_000 }).map((c) => c / 100),
    count: fc.integer({ min: 1, max: 3 }),
    fte: fc.constantFrom(0.6, 1),
    department,
  },
  { requiredKeys: ["role", "salary", "count"] },
);

const plan = fc
  .record(
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
      fiscalYearStart: fc.integer({ min: 1, max: 12 }),
      payrollTax: fc.record(
        {
          rate: share(100),
          wageBase: fc.integer({ min: 5_000_000, max: 20_000_000 }).map((c) => c / 100),
        },
        { requiredKeys: ["rate"] },
      ),
      bonusRate: share(300),
      equityRate: share(500),
      raiseMonth: fc.integer({ min: 1, max: 12 }),
      raiseMinTenureMonths: fc.integer({ min: 0, max: 12 }),
      attritionRate: share(300),
      hires: fc.array(hire, { minLength: 1, maxLength: 5 }),
      team: fc.array(teamRow, { minLength: 0, maxLength: 3 }),
    },
    { requiredKeys: ["horizonMonths", "benefitsRate", "annualRaise", "hires"] },
  )
  .map((b) => ({
    ...b,
    // An end month on or after the start, within the horizon.
    hires: b.hires.map((h) =>
      "endMonth" in h && h.endMonth !== undefined
        ? { ...h, endMonth: Math.min(h.startMonth + h.endMonth, b.horizonMonths) }
        : h,
    ),
  })) as fc.Arbitrary<Body>;

const MONTHS =
  "January February March April May June July August September October November December".split(
    " ",
  );
const cell = (v: string | number | undefined) => v ?? "";

/** The hires and team as sheet ranges and the assumptions as a sheet's block, written as a person would. */
function sheetArgs(body: Body) {
  const hires = [
    [
      "Role",
      "Level",
      "Location",
      "Start month",
      "Count",
      "Salary",
      "Channel",
      "End month",
      "FTE",
      "Type",
      "Monthly rate",
      "Department",
      "Bonus rate",
      "Equity rate",
    ],
    ...body.hires.map((h) => [
      h.role,
      cell(h.level),
      cell(h.location),
      h.startMonth,
      h.count,
      cell(h.salary),
      cell(h.channel),
      cell(h.endMonth),
      cell(h.fte),
      h.type === "contractor" ? "Contractor" : "",
      cell(h.monthlyRate),
      cell(h.department),
      cell(h.bonusRate),
      cell(h.equityRate),
    ]),
  ];
  const team = body.team?.length
    ? [
        ["Role", "Salary", "Count", "FTE", "Department"],
        ...body.team.map((t) => [t.role, t.salary, t.count, cell(t.fte), cell(t.department)]),
      ]
    : "";
  const block: (string | number)[][] = [
    ["Horizon months", body.horizonMonths],
    ["Benefits rate", `${Math.round(body.benefitsRate * 100)}%`],
    ["annual raise", body.annualRaise],
  ];
  if (body.startDate) block.push(["Start date", body.startDate]);
  if (body.slipMonths) block.push(["Slip months", `${body.slipMonths[0]}-${body.slipMonths[1]}`]);
  if (body.fiscalYearStart) block.push(["Fiscal year start", MONTHS[body.fiscalYearStart - 1]!]);
  if (body.payrollTax) {
    block.push(["Payroll tax rate", body.payrollTax.rate]);
    if (body.payrollTax.wageBase !== undefined)
      block.push(["Payroll tax wage base", body.payrollTax.wageBase]);
  }
  if (body.bonusRate !== undefined) block.push(["Bonus rate", body.bonusRate]);
  if (body.equityRate !== undefined) block.push(["Equity", body.equityRate]);
  if (body.raiseMonth) block.push(["Merit month", body.raiseMonth]);
  if (body.raiseMinTenureMonths !== undefined)
    block.push(["Raise min tenure months", body.raiseMinTenureMonths]);
  if (body.attritionRate !== undefined) block.push(["Attrition rate", body.attritionRate]);
  return { hires, block, team };
}

const SCENARIOS = [{ name: "Later", overrides: { startMonthShift: 2 } }];

/** Every money cell's data-value in one table row of the page, in order. */
function rowValues(html: string, rowAttribute: string): number[] {
  const row = new RegExp(`<tr ${rowAttribute}>([\\s\\S]*?)</tr>`).exec(html);
  expect(row, rowAttribute).not.toBeNull();
  return [...row![1]!.matchAll(/data-value="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
}

const HEADERS: Record<string, string> = {
  payroll: "Payroll",
  benefits: "Benefits",
  taxes: "Taxes",
  bonus: "Bonus",
  equity: "Equity",
  contractors: "Contractors",
  recruiting: "Recruiting",
  backfill: "Backfill",
  upskilling: "Upskilling",
  total: "Total",
};

type Figures = Record<string, number>;
interface PlanAnswer {
  costLines: string[];
  years: (Figures & { months: number; label: string; endHeadcount: number })[];
  months: (Figures & { headcount: number; fte: number })[];
  totals: Figures;
  departments: { department: string; years: Figures[]; totals: Figures }[];
}

/** A row's cents for each of these figures. */
const pick = (row: Figures, keys: readonly string[]) => keys.map((k) => cents(row[k]!));

/** Each row of a sheet table (header first) as cents of the named columns. */
function tableCents(table: (string | number)[][], keys: readonly string[], rows = table.slice(1)) {
  const at = keys.map((k) => table[0]!.indexOf(HEADERS[k]!));
  expect(at).not.toContain(-1);
  return rows.map((r) => at.map((i) => cents(r[i] as number)));
}

describe("one plan, one answer", () => {
  it("every surface gives the same figures to the cent: every cost line, year and department", async () => {
    const ws = await workspaceWithKeys("one-answer");
    await fc.assert(
      fc.asyncProperty(plan, async (body) => {
        const expected = (await jsonOf(await api("/v1/plan", { body }), 200)) as PlanAnswer;
        // With a start date the years are calendar (fiscal) years, the first and last partial.
        const years = expected.years.length;
        const keys = [...expected.costLines, "total"];
        const truth = expected.years.map((y) => pick(y, keys));
        const totals = pick(expected.totals, keys);
        expect(expected.years.reduce((s, y) => s + y.months, 0)).toBe(body.horizonMonths);
        // Parts sum to totals: each year's lines to its total, departments to the plan.
        for (const y of truth) expect(y.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(y.at(-1));
        const departmentSums = expected.departments
          .map((d) => pick(d.totals, keys))
          .reduce((a, b) => a.map((v, i) => v + b[i]!));
        expect(departmentSums).toEqual(totals);

        // The base of a comparison is the plan as given, slip or not.
        const compare = await jsonOf(
          await api("/v1/plan/compare", { body: { base: body, scenarios: SCENARIOS } }),
          200,
        );
        expect(compare.scenarios[0].name).toBe("Base");
        expect(compare.scenarios[0].years.map((y: Figures) => pick(y, keys))).toEqual(truth);
        expect(compare.scenarios[0].years.map((y: { label: string }) => y.label)).toEqual(
          expected.years.map((y) => y.label),
        );

        // The range with no slip: low, expected and high all equal the plan, line by line.
        const { slipMonths: _slip, ...unslipped } = body;
        const range = await jsonOf(await api("/v1/plan/range", { body: unslipped }), 200);
        for (const k of ["low", "expected", "high"] as const)
          expect(
            range.years.map((y: Record<string, Figures>) => keys.map((l) => cents(y[l]![k]!))),
          ).toEqual(truth);

        // The sheet functions, as a sheet passes them (hires and team ranges, an assumptions block).
        const { hires, block, team } = sheetArgs(body);
        const scenarioRange = [
          ["Scenario", "Start shift"],
          ["Later", 2],
        ];
        const batch = await jsonOf(
          await api("/v1/batch", {
            body: {
              calls: [
                { fn: "AI_PLAN_SUMMARY", args: [hires, block, "", team] },
                { fn: "AI_PLAN_COMPARE", args: [hires, block, scenarioRange, "", team] },
                { fn: "AI_PLAN_COST", args: [hires, block, "total", "", "", team] },
                { fn: "AI_PLAN_DEPARTMENTS", args: [hires, block, "totals", "", team] },
              ],
            },
          }),
          200,
        );
        const [summary, comparison, cost, departments] = batch.results as {
          value: (string | number)[][];
          error?: unknown;
        }[];
        for (const r of batch.results) expect(r.error).toBeUndefined();
        expect(tableCents(summary!.value, keys, summary!.value.slice(1, -1))).toEqual(truth);
        expect(summary!.value.slice(1, -1).map((r) => r[0])).toEqual(
          expected.years.map((y) =>
            y.label.startsWith("FY") ? y.label : Number(y.label.slice(5)),
          ),
        );
        expect(comparison!.value[0]!.slice(0, 2)).toEqual(["Year", "Base"]);
        expect(comparison!.value.slice(1, -1).map((r) => cents(r[1] as number))).toEqual(
          truth.map((y) => y.at(-1)),
        );
        expect(cents(cost!.value as unknown as number)).toBe(totals.at(-1));
        // AI_PLAN_DEPARTMENTS: one row per department, then the plan's own.
        const deptRows = departments!.value.slice(1);
        expect(deptRows.map((r) => r[0])).toEqual([
          ...expected.departments.map((d) => d.department),
          "All departments",
        ]);
        expect(tableCents(departments!.value, keys)).toEqual([
          ...expected.departments.map((d) => pick(d.totals, keys)),
          totals,
        ]);

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
        // Year table: each cost line the plan uses, the total, end headcount (FTE), run-rate.
        const pageYears = expected.years.map((_, i) =>
          rowValues(html, `data-year="${i + 1}" data-label="${expected.years[i]!.label}"`)
            .slice(0, keys.length)
            .map(cents),
        );
        expect(pageYears).toEqual(truth);
        expect(cents(Number(/id="figure-total" data-value="([\d.]+)"/.exec(html)![1]))).toBe(
          totals.at(-1),
        );
        // The department table, where the plan has more than one: each department's lines and total.
        if (expected.departments.length > 1)
          for (const d of expected.departments)
            expect(
              rowValues(html, `data-department="${d.department}"`).slice(0, keys.length).map(cents),
            ).toEqual(pick(d.totals, keys));
        // The scenarios table's Base row: each year's total, then the horizon's.
        const baseRow = rowValues(html, 'data-scenario="Base"');
        expect(baseRow.slice(0, years).map(cents)).toEqual(truth.map((y) => y.at(-1)));
        expect(cents(baseRow[years]!)).toBe(totals.at(-1));

        const csv = (await (await api(`/v1/shared/${share.token}/result.csv`)).text())
          .trim()
          .split(/\r?\n/);
        const partTime = expected.months.some((m) => m.fte !== m.headcount);
        const header = csv[0]!.split(",");
        expect(header).toEqual([
          "Month",
          "Label",
          "Headcount",
          ...(partTime ? ["FTE"] : []),
          ...keys.map((k) => HEADERS[k]),
          "Cumulative",
        ]);
        const yearOfMonth = expected.years.flatMap((y, i) => Array<number>(y.months).fill(i));
        const byYear = truth.map((y) => y.map(() => 0));
        const at = keys.map((k) => header.indexOf(HEADERS[k]!));
        csv.slice(1).forEach((line, i) => {
          const cells = line.split(",");
          at.forEach((c, j) => (byYear[yearOfMonth[i]!]![j]! += cents(Number(cells[c]))));
        });
        expect(byYear).toEqual(truth);
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});
