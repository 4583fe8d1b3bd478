// The page renderers as pure functions (the browser tests drive the served pages end to end):
// formatting, chart scales, escaping of model text, empty plans, scenarios and their problems.
import { describe, expect, it } from "vitest";
import { planToUnits, runPlan, type PlanInput } from "../../shared/index.js";
import {
  money,
  moneyHeadline,
  moneyShort,
  monthName,
  monthTick,
  percent,
  utcTime,
} from "../../worker/pages/format.js";
import { gonePage } from "../../worker/pages/gone-page.js";
import { homePage } from "../../worker/pages/home-page.js";
import { pollSeconds, sharedModelPage } from "../../worker/pages/shared-model-page.js";
import {
  modelScenarios,
  sharedModelLinks,
  type SharedModelView,
} from "../../worker/pages/shared-model-view.js";
import { niceTicks, tickEvery } from "../../worker/pages/svg-chart.js";

const PLAN: PlanInput = {
  horizonMonths: 12,
  startDate: "2027-01",
  benefitsRate: 0.2,
  hires: [{ role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 2, count: 2 }],
};

function view(input: PlanInput & { scenarios?: unknown }, name = "2027 plan"): SharedModelView {
  return {
    token: "shr_test",
    meta: { name, version: 3, updatedAt: "2026-05-01T09:30:00.000Z" },
    result: planToUnits(runPlan(input)),
    scenarios: modelScenarios(input, {}),
    links: sharedModelLinks("https://planner.example", "shr_test"),
  };
}

const render = (input: PlanInput & { scenarios?: unknown }, name?: string) =>
  String(sharedModelPage(view(input, name), 30, '"v1-b0-test-page"'));

describe("formatting", () => {
  it("writes money for a reader: headlines rounded, tables to the dollar, axes briefly", () => {
    // Headline figures: three significant figures.
    expect(moneyHeadline(1666089.23)).toBe("$1.67M");
    expect(moneyHeadline(350000)).toBe("$350K");
    expect(moneyHeadline(72499.98)).toBe("$72.5K");
    expect(moneyHeadline(950)).toBe("$950");
    expect(moneyHeadline(0)).toBe("$0");
    expect(moneyHeadline(1666089.23, "GBP")).toBe("£1.67M");
    // Tables and sentences: to the dollar.
    expect(money(1666089.23)).toBe("$1,666,089");
    expect(money(1234567.8)).toBe("$1,234,568");
    expect(money(42499.98)).toBe("$42,500");
    expect(money(0)).toBe("$0");
    expect(money(120000, "GBP")).toBe("£120,000");
    // Axes.
    expect(moneyShort(0)).toBe("$0");
    expect(moneyShort(350000)).toBe("$350K");
    expect(moneyShort(1250000)).toBe("$1.25M");
    expect(moneyShort(1200000)).toBe("$1.2M");
  });

  it("writes months as calendar months when there is a start date, numbered ones otherwise", () => {
    expect(monthName("2027-01")).toBe("Jan 2027");
    expect(monthName("2028-12")).toBe("Dec 2028");
    expect(monthName("Month 3")).toBe("Month 3");
    expect(monthTick("Month 3")).toBe("M3");
    expect(monthTick("2027-07")).toBe("Jul 2027");
    expect(percent(0.25)).toBe("25%");
    expect(percent(0.035)).toBe("3.5%");
    expect(utcTime("2026-05-01T09:30:00.000Z")).toBe("1 May 2026, 09:30 UTC");
  });
});

describe("chart scales", () => {
  it("puts ticks on round steps that reach the largest value", () => {
    expect(niceTicks(126823.51)).toEqual([0, 50000, 100000, 150000]);
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(4, { integer: true })).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(7, { integer: true })).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN, { integer: true })).toEqual([0, 1]);
  });

  it("labels every month when they fit, else every quarter, half-year or year", () => {
    expect(tickEvery(12, 2, 1000)).toBe(1);
    expect(tickEvery(24, 8, 500)).toBe(4);
    expect(tickEvery(120, 8, 500)).toBe(24);
  });
});

describe("shared-model page", () => {
  it("escapes the model's own text", () => {
    const page = render(PLAN, '<img src=x onerror="alert(1)">');
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("gives the exact IMPORTDATA formula and the CSV link", () => {
    const page = render(PLAN);
    expect(page).toContain('href="/v1/shared/shr_test/result.csv"');
    expect(page).toContain(
      "=IMPORTDATA(&quot;https://planner.example/v1/shared/shr_test/result.csv&quot;, &quot;,&quot;, &quot;en_US&quot;)",
    );
  });

  it("rounds on the page only: every cell and headline keeps the exact figure in data-value", () => {
    const v = view(PLAN);
    const page = String(sharedModelPage(v, 30, '"v1-b0-test-page"'));
    const total = v.result.totals.total;
    expect(total % 1).not.toBe(0); // the plan has cents, so rounding shows
    expect(page).toContain(
      `<dd id="figure-total" data-value="${total}" title="${money(total)}">${moneyHeadline(total)}</dd>`,
    );
    const month = v.result.months[1]!;
    expect(month.payroll % 1).not.toBe(0);
    expect(page).toContain(
      `<td class="num" data-value="${month.payroll}">${money(month.payroll)}</td>`,
    );
    expect(money(month.payroll)).toMatch(/^\$[\d,]+$/);
    expect(page).toContain("exact to the cent");
  });

  it("draws an empty plan without broken numbers", () => {
    const page = render({ horizonMonths: 6, hires: [] });
    expect(page).not.toMatch(/NaN|Infinity|undefined/);
    expect(page).toContain('id="headcount-svg"');
    expect(page).toContain("No hires yet.");
    expect(page).toContain(">M1</text>"); // numbered months without a start date
  });

  it("shows scenarios as a table and dashed cumulative lines, and a scenario problem as a message", () => {
    const withScenarios = render({
      ...PLAN,
      scenarios: [{ name: "Later", overrides: { startMonthShift: 2 } }],
    });
    expect(withScenarios).toContain('data-scenario="Base"');
    expect(withScenarios).toContain('data-scenario="Later"');
    expect(withScenarios).toContain('data-series="scenario-1"');
    expect(withScenarios).toContain('stroke-dasharray="6 4"');

    const broken = render({ ...PLAN, scenarios: [{ overrides: {} }] });
    expect(broken).toContain('id="scenarios-error"');
    expect(broken).toContain("scenarios[0].name");

    // A shape the core's comparison trips over costs only the scenarios section, not the page.
    const odd = render({ ...PLAN, scenarios: [{ name: "Odd", overrides: { hires: [null] } }] });
    expect(odd).toContain('id="scenarios-error"');
    expect(odd).toContain('id="table-months"');

    expect(render(PLAN)).not.toContain('id="h-scenarios"');
  });

  it("a scenario table's Base is the plan above, even when a hire may slip; the delays are labelled beside it", () => {
    // The finding: one hire with a 0–3 month slip made "Base (the plan above)" show the slip's
    // expected figure while the headline showed the plan as scheduled.
    const slipping: PlanInput = {
      ...PLAN,
      hires: [{ ...PLAN.hires[0]!, slipMonths: [0, 3] }],
    };
    const v = view({
      ...slipping,
      scenarios: [{ name: "Later", overrides: { startMonthShift: 1 } }],
    });
    const page = String(sharedModelPage(v, 30, '"v1-b0-test-page"'));
    const headline = Number(/id="figure-total" data-value="([\d.]+)"/.exec(page)![1]);
    const base = /<tr data-scenario="Base">([\s\S]*?)<\/tr>/.exec(page)![1]!;
    const values = [...base.matchAll(/data-value="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(values.at(-1)).toBe(headline);
    expect(values.at(-1)).toBe(v.result.totals.total);
    const delays =
      /class="num delays" data-low="([\d.]+)" data-expected="([\d.]+)" data-high="([\d.]+)"/.exec(
        base,
      )!;
    const [low, expected, high] = delays.slice(1).map(Number);
    expect(low).toBeLessThanOrEqual(expected!);
    expect(expected).toBeLessThan(headline);
    expect(high).toBe(headline);
    expect(page).toContain("Total if hires start late: expected (low – high)");
    // Without any slip there is no such column.
    expect(
      render({ ...PLAN, scenarios: [{ name: "Later", overrides: { startMonthShift: 1 } }] }),
    ).not.toContain("Total if hires start late");
  });

  it("a finance plan: every cost line it uses, fiscal-year labels, FTE, the team and departments adding up", () => {
    const input: PlanInput = {
      horizonMonths: 24,
      startDate: "2026-10",
      fiscalYearStart: 7,
      benefitsRate: 0.25,
      payrollTax: { rate: 0.062, wageBase: 168600 },
      bonusRate: 0.1,
      attritionRate: 0.1,
      raiseMonth: 4,
      annualRaise: 0.04,
      hires: [
        { role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1, count: 2 },
        { role: "Writer", salary: 90000, startMonth: 3, fte: 0.5, department: "Docs" },
        {
          role: "Data labelling",
          type: "contractor",
          monthlyRate: 12000,
          startMonth: 1,
          endMonth: 9,
          department: "Data",
        },
      ],
      team: [{ role: "Software Engineer", salary: 150000, count: 3, department: "Platform" }],
    };
    const r = planToUnits(runPlan(input));
    const page = render(input);
    const heads = (id: string) => {
      const table = new RegExp(`<table id="${id}">[\\s\\S]*?<thead>([\\s\\S]*?)</thead>`).exec(
        page,
      );
      return [...table![1]!.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    };
    const lines = [
      "Payroll",
      "Benefits",
      "Taxes",
      "Bonus",
      "Contractors",
      "Recruiting",
      "Backfill",
      "Upskilling",
    ];
    expect(heads("table-months")).toEqual([
      "Month",
      "Headcount",
      "FTE",
      ...lines,
      "Total",
      "Cumulative",
    ]);
    expect(heads("table-years")).toEqual([
      "Year",
      ...lines,
      "Total",
      "End headcount",
      "End FTE",
      "End run-rate",
    ]);
    // Fiscal years from July, named by the year they end in; the first and last partial.
    expect(page).toContain("FY2027 (Oct 2026 – Jun 2027)");
    expect(page).toContain("FY2029 (Jul 2028 – Sep 2028)");
    expect(page).toContain('id="assumption-fiscal-year">from July');
    expect(page).toContain("4% each April for everyone employed 6 months or more");
    expect(page).toContain('id="assumption-payroll-tax">6.2% of pay, up to $168,600');
    // The cost chart stacks every line the plan uses.
    for (const l of ["taxes", "bonus", "contractors", "backfill"])
      expect(page).toContain(`data-series="${l}"`);
    expect(page).not.toContain('data-series="equity"');
    // The team, the part-timer and the contractor as such.
    expect(page).toContain('id="table-team"');
    expect(page).toContain("1 × 0.5 FTE");
    expect(page).toContain("$12,000 a month");
    // Departments: each row's figures, and the plan's own row they add up to.
    const values = (attr: string) =>
      [
        ...new RegExp(`<tr ${attr}>([\\s\\S]*?)</tr>`)
          .exec(page)![1]!
          .matchAll(/data-value="(-?[\d.]+)"/g),
      ].map((m) => Math.round(Number(m[1]) * 100));
    const sums = r.departments
      .map((d) => values(`data-department="${d.department}"`))
      .reduce((a, b) => a.map((v, i) => v + b[i]!));
    const all = values("data-department-total");
    expect(all).toEqual(sums); // every line, year and the end headcount
    expect(all.at(-1)).toBe(r.months.at(-1)!.headcount * 100);
    expect(all[lines.length]).toBe(Math.round(r.totals.total * 100));
  });

  it("takes the poll interval from ?poll within 5 s and 1 h (each check counts against the link's limit)", () => {
    expect(pollSeconds(undefined)).toBe(30);
    expect(pollSeconds("1")).toBe(5);
    expect(pollSeconds("0")).toBe(5);
    expect(pollSeconds("7.5")).toBe(7.5);
    expect(pollSeconds("99999")).toBe(3600);
    expect(pollSeconds("soon")).toBe(30);
  });
});

describe("other pages", () => {
  it("the revoked page and the home page load nothing from another host", () => {
    for (const page of [String(gonePage()), String(homePage())]) {
      expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
    expect(String(gonePage())).toContain("This link was revoked or does not exist");
  });
});
