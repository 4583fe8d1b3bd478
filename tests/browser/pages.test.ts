// The pages people look at, in a real browser against the real local worker (scripts/start.mjs,
// fresh D1): the shared-model page shows the numbers the API computes, in its tables and in both
// charts; it updates in place when the model is saved again and says so; it says the link was
// revoked when the share is deleted; the home page's calculator shows the API's answers. No
// console errors, and no request leaves 127.0.0.1. Screenshots land in test-results/
// (UPDATE_DOCS_SCREENSHOT=1 also copies the desktop one to docs/images/ for the README).
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparePlans, toUnits } from "../../shared/index.js";
import {
  DESKTOP,
  PHONE,
  launchChromium,
  openWatchedPage,
  type WatchedPage,
} from "./support/browser.js";
import { api, root, startLocalWorker, type LocalWorker } from "../support/local-worker.js";

// Callbacks given to page.evaluate / waitForFunction run in the browser. The tests program has no
// DOM library, so the few page globals they use are declared here, for this file only.
interface PageBox {
  closest(selector: string): PageBox | null;
  scrollWidth: number;
  clientWidth: number;
}
declare const document: {
  getElementById(id: string): { textContent: string | null; tagName: string } | null;
  querySelector(selector: string): PageBox | null;
  documentElement: { scrollWidth: number };
};
declare const window: { innerWidth: number; sameDocument?: boolean };
declare const navigator: { clipboard: { readText(): Promise<string> } };
declare function getComputedStyle(element: PageBox): { overflowX: string };

const resultsDir = path.join(root, "test-results");
const TEST_TIMEOUT_MS = 120_000;
const WAIT_MS = 30_000;

const SCENARIOS = [
  { name: "Hire 3 months later", overrides: { startMonthShift: 3 } },
  { name: "Salaries +10%", overrides: { salaryChange: 0.1 } },
];

const PLAN = {
  horizonMonths: 24,
  benefitsRate: 0.25,
  annualRaise: 0.03,
  startDate: "2027-01",
  hires: [
    { role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1, count: 2 },
    { role: "Data Scientist", level: "Senior", location: "SF", startMonth: 3 },
    {
      role: "AI Product Manager",
      level: "Mid",
      location: "NYC",
      startMonth: 6,
      channel: "recruiter",
    },
  ],
  upskilling: [{ path: "Engineers → AI Engineers", people: 2, startMonth: 2 }],
};

const REVISED = {
  ...PLAN,
  hires: [
    ...PLAN.hires,
    { role: "ML Engineer", level: "Senior", location: "Seattle", startMonth: 9, count: 2 },
  ],
};

interface Month {
  label: string;
  headcount: number;
  payroll: number;
  benefits: number;
  recruiting: number;
  upskilling: number;
  total: number;
  cumulative: number;
}
interface Year {
  year: number;
  payroll: number;
  benefits: number;
  recruiting: number;
  upskilling: number;
  total: number;
  endHeadcount: number;
  runRate: number;
}

/** Tables and sentences on the shared page: to the dollar. */
const dollars = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
/** Headline figures: three significant figures ($1.67M). */
const headline = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumSignificantDigits: 3,
});
/** The home page's calculator shows the API's figure with its cents. */
const usd = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const calendar = (label: string) => `${MONTHS[Number(label.slice(5, 7)) - 1]} ${label.slice(0, 4)}`;

let worker: LocalWorker;
let browser: Browser;
let auth: Record<string, string>;
let modelId: string;
let token: string;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  worker = await startLocalWorker();
  browser = await launchChromium();
  mkdirSync(resultsDir, { recursive: true });
  auth = { Authorization: `Bearer ${worker.devKey}` };
  const created = await api(
    worker,
    "POST",
    "/v1/models",
    { name: "2027 AI team", input: { ...PLAN, scenarios: SCENARIOS } },
    auth,
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  modelId = created.body.id;
  const share = await api(worker, "POST", `/v1/models/${modelId}/shares`, undefined, auth);
  expect(share.status, JSON.stringify(share.body)).toBe(201);
  token = share.body.token;
}, 180_000);

afterAll(async () => {
  for (const w of opened) await w.context.close().catch(() => undefined);
  await browser?.close();
  await worker?.stop();
}, 60_000);

async function open(
  viewport: { width: number; height: number },
  options: { isMobile?: boolean } = {},
): Promise<WatchedPage> {
  const w = await openWatchedPage(browser, viewport, options);
  opened.push(w);
  return w;
}

async function sharedResult() {
  const res = await api(worker, "GET", `/v1/shared/${token}/result`);
  expect(res.status).toBe(200);
  return res.body as {
    name: string;
    version: number;
    result: {
      months: Month[];
      years: Year[];
      totals: Record<string, number>;
      hires: { role: string; count: number; annualSalary: number; recruitingPerPerson: number }[];
      warnings: { code: string }[];
    };
  };
}

/** The data-value of every td of every body row, as numbers. */
function tableValues(page: Page, selector: string): Promise<number[][]> {
  return page.$$eval(selector, (rows) =>
    rows.map((r) =>
      [...r.querySelectorAll("td[data-value]")].map((td) => Number(td.getAttribute("data-value"))),
    ),
  );
}

function tableTexts(page: Page, selector: string): Promise<string[][]> {
  return page.$$eval(selector, (rows) =>
    rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())),
  );
}

/** Every chart series: "<svg id>:<series key>" → its values. */
function chartSeries(page: Page): Promise<Record<string, number[]>> {
  return page.$$eval("svg g[data-series]", (groups) =>
    Object.fromEntries(
      groups.map((g) => [
        `${g.closest("svg")!.id}:${g.getAttribute("data-series")}`,
        g.getAttribute("data-values")!.split(",").map(Number),
      ]),
    ),
  );
}

const monthRow = (m: Month) => [
  m.headcount,
  m.payroll,
  m.benefits,
  m.recruiting,
  m.upskilling,
  m.total,
  m.cumulative,
];

function expectClean(w: WatchedPage) {
  expect(w.errors).toEqual([]);
  expect(w.offHost).toEqual([]);
  expect(w.requests.every((u) => u.startsWith(`${worker.url}/`))).toBe(true);
}

describe("shared-model page /s/<token>", () => {
  it(
    "shows the model's real numbers in its tables and both charts, with the CSV link and the IMPORTDATA formula (desktop)",
    async () => {
      const { result: r } = await sharedResult();
      const w = await open(DESKTOP);
      await w.context.grantPermissions(["clipboard-read", "clipboard-write"], {
        origin: worker.url,
      });
      const { page } = w;
      const res = await page.goto(`${worker.url}/s/${token}`, { waitUntil: "networkidle" });
      expect(res?.status()).toBe(200);
      const csp = res!.headers()["content-security-policy"] ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(await page.getAttribute("html", "lang")).toBe("en");
      // As it first appears (the README shows this one).
      const shot = path.join(resultsDir, "shared-model-desktop.png");
      await page.screenshot({ path: shot });
      await page.screenshot({
        path: path.join(resultsDir, "shared-model-desktop-full.png"),
        fullPage: true,
      });
      if (process.env.UPDATE_DOCS_SCREENSHOT === "1")
        copyFileSync(shot, path.join(root, "docs/images/shared-model.png"));

      expect(await page.textContent("h1")).toBe("2027 AI team");
      expect(await page.textContent("#model-version")).toBe("1");
      expect(await page.getAttribute("time", "datetime")).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(await page.textContent("#assumption-horizon")).toBe("24 months");
      expect(await page.textContent("#assumption-benefits")).toBe("25% of payroll");
      expect(await page.textContent("#assumption-raise")).toBe("3% on each anniversary");
      expect(await page.textContent("#assumption-start")).toBe("Jan 2027");
      expect(Number(await page.getAttribute("#figure-total", "data-value"))).toBe(r.totals.total);
      // Headlines rounded ($1.67M), the exact amount to the dollar in the title.
      expect(await page.textContent("#figure-total")).toBe(headline.format(r.totals.total!));
      expect(await page.getAttribute("#figure-total", "title")).toBe(
        dollars.format(r.totals.total!),
      );
      expect(await page.textContent("#figure-total")).toMatch(/^\$\d+(\.\d+)?[KM]$/);

      // Month by month: every figure of every month, as the API computes it, and as currency.
      expect(await tableValues(page, "#table-months tbody tr")).toEqual(r.months.map(monthRow));
      const monthTexts = await tableTexts(page, "#table-months tbody tr");
      expect(monthTexts).toEqual(
        r.months.map((m) => [
          calendar(m.label),
          String(m.headcount),
          ...monthRow(m)
            .slice(1)
            .map((v) => dollars.format(v)),
        ]),
      );

      // Year by year, with the totals row.
      expect(await tableValues(page, "#table-years tbody tr")).toEqual(
        r.years.map((y) => [
          y.payroll,
          y.benefits,
          y.recruiting,
          y.upskilling,
          y.total,
          y.endHeadcount,
          y.runRate,
        ]),
      );
      const t = r.totals;
      expect(await tableValues(page, "#table-years tfoot tr")).toEqual([
        [t.payroll!, t.benefits!, t.recruiting!, t.upskilling!, t.total!],
      ]);

      // Hires and warnings.
      expect(
        await page.$$eval("#table-hires tbody th", (ths) => ths.map((th) => th.textContent)),
      ).toEqual(r.hires.map((h) => h.role));
      expect(await tableValues(page, "#table-hires tbody tr")).toEqual(
        r.hires.map((h) => [h.count, h.annualSalary, h.recruitingPerPerson]),
      );
      expect(r.warnings.length).toBeGreaterThan(0);
      expect(
        await page.$$eval("#warnings li", (lis) => lis.map((li) => li.getAttribute("data-code"))),
      ).toEqual(r.warnings.map((x) => x.code));

      // Both charts carry the model's numbers; the stacked bars' heights are proportional to each month's total.
      const series = await chartSeries(page);
      expect(series["headcount-svg:headcount"]).toEqual(r.months.map((m) => m.headcount));
      for (const k of ["payroll", "benefits", "recruiting", "upskilling", "cumulative"] as const)
        expect(series[`cost-svg:${k}`]).toEqual(r.months.map((m) => m[k]));
      const stackHeights = await page.$$eval("#cost-svg g[data-series] rect", (rects) => {
        const sums: number[] = [];
        rects.forEach((rect) => {
          const i = [...rect.parentElement!.children].indexOf(rect);
          sums[i] = (sums[i] ?? 0) + Number(rect.getAttribute("height"));
        });
        return sums;
      });
      expect(stackHeights).toHaveLength(r.months.length);
      const pxPerDollar = stackHeights[0]! / r.months[0]!.total;
      stackHeights.forEach((h, i) =>
        expect(Math.abs(h - r.months[i]!.total * pxPerDollar)).toBeLessThan(0.5),
      );
      expect(await page.$$eval("#cost-svg .x-axis text", (ts) => ts[0]!.textContent)).toBe(
        "Jan 2027",
      );
      const moneyTicks = await page.$$eval(
        "#cost-svg .grid text, #cost-svg .right-axis text",
        (ts) => ts.map((x) => x.textContent ?? ""),
      );
      expect(moneyTicks).toContain("$0");
      for (const tick of moneyTicks) expect(tick).toMatch(/^\$\d+(\.\d+)?[KMB]?$/);

      // Text alternatives: title and desc name the chart; the caption repeats the numbers in words.
      for (const id of ["headcount-svg", "cost-svg"]) {
        const a11y = await page.$eval(`#${id}`, (svg) => ({
          role: svg.getAttribute("role"),
          labelledBy: (svg.getAttribute("aria-labelledby") ?? "")
            .split(" ")
            .map((ref: string) => document.getElementById(ref)?.tagName ?? "missing"),
          caption: svg.closest("figure")!.querySelector("figcaption")!.textContent,
          desc: svg.querySelector("desc")!.textContent,
        }));
        expect(a11y.role).toBe("img");
        expect(a11y.labelledBy).toEqual(["title", "desc"]);
        expect(a11y.caption).toBe(a11y.desc);
      }
      expect(await page.textContent("#chart-cost figcaption")).toContain(
        dollars.format(r.totals.total!),
      );

      // Scenarios: the table's totals are the core's comparison; each is drawn as a cumulative line ending at its total.
      const comparison = comparePlans(PLAN, SCENARIOS);
      const scenarioRows = await page.$$eval("#table-scenarios tbody tr", (rows) =>
        rows.map((row) => ({
          name: row.getAttribute("data-scenario"),
          values: [...row.querySelectorAll("td[data-value]")].map((td) =>
            Number(td.getAttribute("data-value")),
          ),
        })),
      );
      expect(scenarioRows.map((s) => s.name)).toEqual(["Base", ...SCENARIOS.map((s) => s.name)]);
      comparison.scenarios.forEach((s, i) => {
        const expected = [
          ...s.years.map((y) => toUnits(y.total)),
          toUnits(s.totals.total),
          ...(s.differences ? [toUnits(s.differences.totals.total)] : []),
        ];
        expect(scenarioRows[i]!.values).toEqual(expected);
        if (i > 0) expect(series[`cost-svg:scenario-${i}`]!.at(-1)).toBe(toUnits(s.totals.total));
      });
      expect(toUnits(comparison.scenarios[0]!.totals.total)).toBe(r.totals.total);

      // The sheet links: the CSV the link downloads is the API's, and the formula is exact.
      const csvHref = await page.getAttribute("#download-csv", "href");
      expect(csvHref).toBe(`/v1/shared/${token}/result.csv`);
      const csv = await fetch(`${worker.url}${csvHref}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
      expect((await csv.text()).split("\r\n")).toHaveLength(r.months.length + 2); // header, months, final CRLF
      const formula = `=IMPORTDATA("${worker.url}/v1/shared/${token}/result.csv", ",", "en_US")`;
      expect(await page.textContent("#importdata")).toBe(formula);
      await page.click("#copy-formula");
      await page.waitForFunction(
        () => document.getElementById("live-status")!.textContent === "Formula copied",
        undefined,
        { timeout: WAIT_MS },
      );
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(formula);

      // Table headers are marked up as headers.
      const scopes = await page.$$eval("table", (tables) =>
        tables.flatMap((tb) =>
          [...tb.querySelectorAll("thead th")]
            .map((th) => th.getAttribute("scope"))
            .concat(
              [...tb.querySelectorAll("tbody th, tfoot th")].map((th) =>
                th.getAttribute("scope") === "row" ? "row" : "missing",
              ),
            ),
        ),
      );
      expect(scopes.filter((s) => s !== "col" && s !== "row")).toEqual([]);

      expectClean(w);
      await w.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a finance-grade model: every cost line in the tables and the cost chart's stacks, fiscal years, FTE, the team and departments, as the API computes them",
    async () => {
      const input = {
        horizonMonths: 24,
        startDate: "2026-10",
        fiscalYearStart: 7,
        benefitsRate: 0.25,
        payrollTax: { rate: 0.062, wageBase: 168600 },
        bonusRate: 0.1,
        attritionRate: 0.1,
        hires: [
          { role: "ML Engineer", level: "Mid", location: "Austin", startMonth: 1, count: 2 },
          { role: "Technical writer", salary: 90000, startMonth: 3, fte: 0.5, department: "Docs" },
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
      const created = await api(worker, "POST", "/v1/models", { name: "FY budget", input }, auth);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const share = await api(
        worker,
        "POST",
        `/v1/models/${created.body.id}/shares`,
        undefined,
        auth,
      );
      const res = await api(worker, "GET", `/v1/shared/${share.body.token}/result`);
      const r = res.body.result as {
        costLines: string[];
        months: (Record<string, number> & { label: string })[];
        years: (Record<string, number> & { label: string })[];
        totals: Record<string, number>;
        departments: { department: string; totals: Record<string, number> }[];
      };
      const lines = r.costLines;
      expect(lines).toEqual([
        "payroll",
        "benefits",
        "taxes",
        "bonus",
        "contractors",
        "recruiting",
        "backfill",
        "upskilling",
      ]);

      const w = await open(DESKTOP);
      const { page } = w;
      const loaded = await page.goto(`${worker.url}/s/${share.body.token}`, {
        waitUntil: "networkidle",
      });
      expect(loaded?.status()).toBe(200);
      await page.screenshot({
        path: path.join(resultsDir, "shared-model-finance-desktop-full.png"),
        fullPage: true,
      });
      // Months: headcount, FTE (someone is part-time), each line, total, cumulative.
      expect(await tableValues(page, "#table-months tbody tr")).toEqual(
        r.months.map((m) => [
          m.headcount!,
          m.fte!,
          ...lines.map((l) => m[l]!),
          m.total!,
          m.cumulative!,
        ]),
      );
      // Years by their fiscal label and months; each line, total, end headcount and FTE, run-rate.
      expect(
        await page.$$eval("#table-years tbody th", (ths) => ths.map((t) => t.textContent)),
      ).toEqual([
        "FY2027 (Oct 2026 – Jun 2027)",
        "FY2028 (Jul 2027 – Jun 2028)",
        "FY2029 (Jul 2028 – Sep 2028)",
      ]);
      expect(await tableValues(page, "#table-years tbody tr")).toEqual(
        r.years.map((y) => [
          ...lines.map((l) => y[l]!),
          y.total!,
          y.endHeadcount!,
          y.endFte!,
          y.runRate!,
        ]),
      );
      // Departments: each one's lines and total (then its years' totals), and the plan's row.
      const departments = await page.$$eval("#table-departments tbody tr", (rows) =>
        rows.map((row) => row.getAttribute("data-department")),
      );
      expect(departments).toEqual(r.departments.map((d) => d.department));
      const deptValues = await tableValues(page, "#table-departments tbody tr");
      r.departments.forEach((d, i) =>
        expect(deptValues[i]!.slice(0, lines.length + 1)).toEqual([
          ...lines.map((l) => d.totals[l]!),
          d.totals.total!,
        ]),
      );
      expect(
        (await tableValues(page, "#table-departments tfoot tr"))[0]!.slice(0, lines.length + 1),
      ).toEqual([...lines.map((l) => r.totals[l]!), r.totals.total!]);
      expect(await page.isVisible("#table-team")).toBe(true);
      // The cost chart stacks every line the plan uses; the stacks' heights follow each month's total.
      const series = await chartSeries(page);
      for (const l of lines) expect(series[`cost-svg:${l}`]).toEqual(r.months.map((m) => m[l]));
      expect(series["cost-svg:equity"]).toBeUndefined();
      const legend = await page.$$eval("#chart-cost li", (lis) => lis.map((li) => li.textContent));
      expect(legend.join(" ")).toContain("Taxes");
      const stackHeights = await page.$$eval("#cost-svg g[data-series] rect", (rects) => {
        const sums: number[] = [];
        rects.forEach((rect) => {
          const i = [...rect.parentElement!.children].indexOf(rect);
          sums[i] = (sums[i] ?? 0) + Number(rect.getAttribute("height"));
        });
        return sums;
      });
      const pxPerDollar = stackHeights[0]! / r.months[0]!.total!;
      stackHeights.forEach((h, i) =>
        expect(Math.abs(h - r.months[i]!.total! * pxPerDollar)).toBeLessThan(0.5),
      );
      expectClean(w);
      await w.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "shows every column at 1280 px: no table is clipped or scrolls, every header cell is inside its box",
    async () => {
      // This page's model, and a large one: eight-figure years, a slipping hire (the delays
      // column), three calendar years and three scenarios.
      const large = await api(
        worker,
        "POST",
        "/v1/models",
        {
          name: "Scale-out 2027–2029",
          input: {
            ...PLAN,
            horizonMonths: 36,
            hires: [
              ...PLAN.hires,
              {
                role: "ML Engineer",
                level: "Senior",
                location: "San Francisco",
                startMonth: 2,
                count: 60,
                slipMonths: [0, 3],
              },
            ],
            scenarios: [
              ...SCENARIOS,
              { name: "Start a quarter later", overrides: { startMonthShift: 3 } },
            ],
          },
        },
        auth,
      );
      expect(large.status, JSON.stringify(large.body)).toBe(201);
      const largeShare = await api(
        worker,
        "POST",
        `/v1/models/${large.body.id}/shares`,
        undefined,
        auth,
      );
      expect(largeShare.status).toBe(201);
      for (const link of [token, largeShare.body.token as string]) {
        const w = await open(DESKTOP);
        const { page } = w;
        expect(
          (await page.goto(`${worker.url}/s/${link}`, { waitUntil: "networkidle" }))?.status(),
        ).toBe(200);
        const boxes = await page.$$eval(".table-scroll", (els) =>
          els.map((box) => {
            const edge = box.getBoundingClientRect();
            const table = box.querySelector("table")!;
            const cells = [...table.querySelectorAll("thead th")].map((th) => {
              const r = th.getBoundingClientRect();
              return { text: (th.textContent ?? "").trim(), left: r.left, right: r.right };
            });
            return {
              id: table.id,
              scrollWidth: box.scrollWidth,
              clientWidth: box.clientWidth,
              left: edge.left,
              right: edge.right,
              cells,
            };
          }),
        );
        expect(boxes.map((b) => b.id)).toEqual(
          expect.arrayContaining(["table-hires", "table-years", "table-scenarios", "table-months"]),
        );
        for (const b of boxes) {
          expect(b.scrollWidth, `${b.id} scrolls sideways`).toBeLessThanOrEqual(b.clientWidth);
          for (const c of b.cells) {
            expect(c.right, `${b.id}: "${c.text}" is clipped`).toBeLessThanOrEqual(b.right + 0.5);
            expect(c.left).toBeGreaterThanOrEqual(b.left - 0.5);
          }
        }
        // The columns the finding named are there and visible.
        const years = boxes.find((b) => b.id === "table-years")!;
        expect(years.cells.map((c) => c.text)).toEqual(
          expect.arrayContaining(["Recruiting", "End run-rate"]),
        );
        // And the page itself does not scroll sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          DESKTOP.width,
        );
        expectClean(w);
        await w.context.close();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "fits a phone-width screen: no sideways page scroll, wide tables scroll in their own box",
    async () => {
      const w = await open(PHONE, { isMobile: true });
      const { page } = w;
      expect(
        (await page.goto(`${worker.url}/s/${token}`, { waitUntil: "networkidle" }))?.status(),
      ).toBe(200);
      const layout = await page.evaluate(() => {
        const box = document.querySelector("#table-months")!.closest(".table-scroll")!;
        return {
          pageWidth: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
          boxScrolls: box.scrollWidth > box.clientWidth,
          overflow: getComputedStyle(box).overflowX,
        };
      });
      expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewport);
      expect(layout.boxScrolls).toBe(true);
      expect(layout.overflow).toBe("auto");
      expect(await page.isVisible("#chart-headcount")).toBe(true);
      expect(await page.isVisible("#chart-cost")).toBe(true);
      await page.screenshot({ path: path.join(resultsDir, "shared-model-phone.png") });
      await page.screenshot({
        path: path.join(resultsDir, "shared-model-phone-full.png"),
        fullPage: true,
      });
      expectClean(w);
      await w.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "updates itself in place when the model is saved again (ETag polling), and says so",
    async () => {
      const w = await open(DESKTOP);
      const { page } = w;
      const checks: { status: number; ifNoneMatch: string | undefined }[] = [];
      const isCheck = (url: string) => {
        const u = new URL(url);
        return u.pathname === `/s/${token}` && u.searchParams.get("fragment") === "1";
      };
      page.on("response", (res) => {
        if (isCheck(res.url()))
          checks.push({
            status: res.status(),
            ifNoneMatch: res.request().headers()["if-none-match"],
          });
      });
      const opened = await page.goto(`${worker.url}/s/${token}?poll=5`, {
        waitUntil: "networkidle",
      });
      expect(opened?.status()).toBe(200);
      // The content's ETag: the version and what it is priced with (bands, dataset), the API
      // revision, and the running dataset its scenarios are run with.
      const shownEtag = opened!.headers()["etag"]!;
      expect(shownEtag).toMatch(/^"v1-b0-[0-9a-f]+-r[0-9a-f]+-d[0-9a-f]+-page"$/);
      expect(await page.textContent("#poll-note")).toContain("every 5 seconds");
      await page.evaluate(() => (window.sameDocument = true));
      await page.waitForResponse((res) => isCheck(res.url()) && res.status() === 304, {
        timeout: WAIT_MS,
      });

      const saved = await api(
        worker,
        "PUT",
        `/v1/models/${modelId}`,
        { name: "2027 AI team (revised)", input: { ...REVISED, scenarios: SCENARIOS } },
        { ...auth, "If-Match": '"v1"' },
      );
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      await page.waitForFunction(
        () => document.getElementById("live-status")!.textContent === "Updated to version 2",
        undefined,
        { timeout: WAIT_MS },
      );

      const { result: r } = await sharedResult();
      expect(await page.textContent("h1")).toBe("2027 AI team (revised)");
      expect(await page.textContent("#model-version")).toBe("2");
      expect(await page.getAttribute("#live-status", "aria-live")).toBe("polite");
      expect(await tableValues(page, "#table-months tbody tr")).toEqual(r.months.map(monthRow));
      expect(r.hires).toHaveLength(4);
      expect(await page.$$eval("#table-hires tbody tr", (rows) => rows.length)).toBe(4);
      expect((await chartSeries(page))["headcount-svg:headcount"]).toEqual(
        r.months.map((m) => m.headcount),
      );
      // In place: the same document, not a reload.
      expect(await page.evaluate(() => window.sameDocument)).toBe(true);
      expect(checks.some((c) => c.status === 304 && c.ifNoneMatch === shownEtag)).toBe(true);
      expect(checks.some((c) => c.status === 200 && c.ifNoneMatch === shownEtag)).toBe(true);
      expectClean(w);
      await w.context.close();
    },
    TEST_TIMEOUT_MS,
  );
});

describe("home page /", () => {
  it(
    "explains the product, links the docs, and its calculator shows the API's salary (with sources) and team",
    async () => {
      const w = await open(DESKTOP);
      const { page } = w;
      const res = await page.goto(`${worker.url}/`, { waitUntil: "networkidle" });
      expect(res?.status()).toBe(200);
      expect(await page.getAttribute("html", "lang")).toBe("en");
      expect(await page.textContent("#product")).toContain("AI Team Planner");
      const hrefs = await page.$$eval("a", (as) => as.map((a) => a.getAttribute("href")));
      expect(hrefs).toEqual(expect.arrayContaining(["/docs", "/openapi.json", "/addon"]));
      expect(await page.textContent("#sheets")).toContain("Extensions › Apps Script");
      for (const href of ["/docs", "/openapi.json", "/addon", "/favicon.ico"])
        expect((await fetch(`${worker.url}${href}`)).status).toBe(200);

      // The choices come from the reference routes.
      await page.waitForSelector("#salary-submit:not([disabled])", { timeout: WAIT_MS });
      const locations = (await api(worker, "GET", "/v1/locations")).body.locations.map(
        (l: { name: string }) => l.name,
      );
      expect(
        await page.$$eval("#salary-location option", (os) =>
          os.map((o) => o.getAttribute("value")),
        ),
      ).toEqual(locations);
      expect(
        await page.$$eval("#salary-level option", (os) => os.map((o) => o.getAttribute("value"))),
      ).toEqual(["Entry", "Mid", "Senior"]);

      await page.selectOption("#salary-role", "Data Scientist");
      await page.selectOption("#salary-level", "Senior");
      await page.selectOption("#salary-location", "New York, NY");
      await page.click("#salary-submit");
      await page.waitForSelector("#salary-mid", { timeout: WAIT_MS });
      const salary = await api(
        worker,
        "GET",
        "/v1/salary?role=Data+Scientist&level=Senior&location=New+York%2C+NY&basis=base",
      );
      expect(salary.status).toBe(200);
      for (const k of ["low", "mid", "high"] as const) {
        expect(Number(await page.getAttribute(`#salary-${k}`, "data-value"))).toBe(salary.body[k]);
      }
      const mid: number = salary.body.mid;
      expect(mid).not.toBe(Math.round(mid)); // a derived figure with cents: shown with both digits
      expect(await page.textContent("#salary-mid")).toBe(usd.format(mid));
      expect(await page.textContent("#salary-heading")).toBe(
        "Data Scientist · Senior · New York, NY",
      );
      const shownSources = await page.$$eval("#salary-result ul.sources li", (lis) =>
        lis.map((li) => li.textContent),
      );
      // Read by title and number, never by the hash file name (the JSON keeps the file).
      expect(shownSources).toEqual(
        salary.body.sources.map(
          (s: { file: string; title: string; section: string; quote: string }) =>
            `${s.title} (${s.file.slice(0, 3)}) › ${s.section}: “${s.quote}”`,
        ),
      );
      for (const text of shownSources) expect(text).not.toMatch(/\.txt/);
      expect(shownSources.length).toBeGreaterThan(0);

      await page.fill("#team-projects", "20");
      await page.click("#team-submit");
      await page.waitForSelector("#team-total", { timeout: WAIT_MS });
      const team = await api(worker, "GET", "/v1/team?projects=20&projectsPerEngineer=3");
      expect(team.status).toBe(200);
      for (const k of [
        "engineers",
        "dataPeople",
        "productManagers",
        "managers",
        "total",
      ] as const) {
        expect(Number(await page.getAttribute(`#team-${k}`, "data-value"))).toBe(team.body[k]);
      }

      await page.screenshot({ path: path.join(resultsDir, "home-desktop.png"), fullPage: true });

      // A mistake shows the API's own explanation.
      await page.fill("#team-projects", "-3");
      await page.click("#team-submit");
      await page.waitForSelector("#team-result .problem", { timeout: WAIT_MS });
      expect(await page.textContent("#team-result .problem")).toMatch(/projects/);

      // The API's 422 for the bad number is the one console line Chromium writes for it.
      expect(
        w.errors.filter((e) => !/status of 4\d\d .* @ .*\/v1\/team\?projects=-3/.test(e)),
      ).toEqual([]);
      expect(w.offHost).toEqual([]);
      await w.context.close();
    },
    TEST_TIMEOUT_MS,
  );
});

// Last: revoking the share ends the link for every other test.
describe("a totals link", () => {
  it(
    "shows which view it is and what it was priced with, the years and scenarios, and no one's salary",
    async () => {
      const share = await api(
        worker,
        "POST",
        `/v1/models/${modelId}/shares`,
        { view: "totals" },
        auth,
      );
      expect(share.status, JSON.stringify(share.body)).toBe(201);
      const full = await api(worker, "GET", `/v1/models/${modelId}/result`, undefined, auth);
      expect(full.status).toBe(200);
      const { pricedWith, result } = full.body;
      const w = await open(DESKTOP);
      const { page } = w;
      const res = await page.goto(`${worker.url}/s/${share.body.token}`, {
        waitUntil: "networkidle",
      });
      expect(res?.status()).toBe(200);
      expect(await page.textContent("#share-view")).toBe(
        "Totals view: months, years, departments and scenarios only; no one's salary is shown on this link.",
      );
      expect(await page.textContent("#priced-with")).toBe(
        `Priced with dataset ${pricedWith.dataset.version} (${pricedWith.dataset.hash}) and ${pricedWith.bandsVersion ? `workspace bands v${pricedWith.bandsVersion}` : "no workspace bands (seed data only)"}; these figures stay as they are until the owner reprices the model.`,
      );
      expect(await page.$("#table-hires")).toBeNull();
      expect(await page.textContent("#hires-hidden")).toContain("totals only");
      expect(await page.isVisible("#table-years")).toBe(true);
      expect(await page.isVisible("#table-months")).toBe(true);
      expect(await page.textContent("#model-content")).toContain("Hire 3 months later");
      expect(await page.textContent("#figure-total")).toBe(headline.format(result.totals.total));
      expect(await page.getAttribute("#figure-total", "data-value")).toBe(
        String(result.totals.total),
      );
      // No salary in any way the page writes money: to the dollar, or with cents.
      const text = (await page.content())!;
      for (const h of result.hires as { annualSalary: number }[]) {
        expect(text).not.toContain(dollars.format(h.annualSalary));
        expect(text).not.toContain(usd.format(h.annualSalary));
        expect(text).not.toContain(`"${h.annualSalary}"`);
      }
      expect(w.errors).toEqual([]);
      expect(w.offHost).toEqual([]);
      await page.screenshot({
        path: path.join(resultsDir, "shared-model-totals.png"),
        fullPage: true,
      });
      await w.context.close();
    },
    TEST_TIMEOUT_MS,
  );
});

describe("a revoked link", () => {
  it(
    "turns an open page into the revoked message, and answers 404 with a clear page afterwards",
    async () => {
      const w = await open(DESKTOP);
      const { page } = w;
      expect(
        (
          await page.goto(`${worker.url}/s/${token}?poll=5`, { waitUntil: "networkidle" })
        )?.status(),
      ).toBe(200);
      const revoked = await api(
        worker,
        "DELETE",
        `/v1/models/${modelId}/shares/${token}`,
        undefined,
        auth,
      );
      expect(revoked.status).toBe(204);
      await page.waitForFunction(
        () =>
          document.getElementById("live-status")!.textContent ===
          "This link was revoked or does not exist",
        undefined,
        { timeout: WAIT_MS },
      );
      expect(await page.textContent("#model-content h1")).toBe(
        "This link was revoked or does not exist",
      );
      expect(await page.$("#table-months")).toBeNull();
      expect(await page.isHidden("#poll-note")).toBe(true);

      const fresh = await page.goto(`${worker.url}/s/${token}`, { waitUntil: "networkidle" });
      expect(fresh?.status()).toBe(404);
      expect(fresh?.headers()["content-type"]).toMatch(/^text\/html/);
      expect(await page.textContent("h1")).toBe("This link was revoked or does not exist");
      const unknown = await page.goto(`${worker.url}/s/shr_not-a-real-token`, {
        waitUntil: "networkidle",
      });
      expect(unknown?.status()).toBe(404);
      expect(await page.textContent("h1")).toBe("This link was revoked or does not exist");

      // Chromium logs each 404 it was given; those for this link are the expected ones, nothing else.
      expect(
        w.errors.filter((e) => !/status of 404/.test(e) || !/\/(v1\/shared|s)\/shr_/.test(e)),
      ).toEqual([]);
      expect(w.offHost).toEqual([]);
      await page.screenshot({ path: path.join(resultsDir, "shared-model-revoked.png") });
      await w.context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
