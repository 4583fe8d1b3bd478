import {
  citation,
  COST_LINE_HEADERS,
  shownLines,
  type CostLine,
  type PlanResultUnits,
  type PlanYear,
} from "../../shared/index.js";
import { count, money, moneyHeadline, monthName, percent, utcTime } from "./format.js";
import { html, type Html } from "./html.js";
import { layout } from "./layout.js";
import { costChart, headcountChart } from "./plan-charts.js";
import type { ScenarioLine, ScenarioView, SharedModelView } from "./shared-model-view.js";

// The page behind a share link, /s/<token>: everything a reader needs to understand the plan at a
// glance, server-rendered from the core's result. The part inside #model-content is also served
// alone (?fragment=1) so the page script can swap in a newer version without a reload.

export const DEFAULT_POLL_SECONDS = 30;
/** Every check counts against the link's read limit: at 5 s an open page uses 12 reads a minute. */
export const MIN_POLL_SECONDS = 5;
export const MAX_POLL_SECONDS = 3600;

/** `?poll=n` (seconds) for tests and demos; anything missing or unreadable means the default, and it is kept within 5 s to 1 h. */
export function pollSeconds(query: string | undefined): number {
  if (query === undefined || !/^\d+(\.\d+)?$/.test(query.trim())) return DEFAULT_POLL_SECONDS;
  return Math.min(MAX_POLL_SECONDS, Math.max(MIN_POLL_SECONDS, Number(query)));
}

/** A scrollable, keyboard-reachable region around a wide table, so a phone scrolls the table, not the page. */
function tableRegion(id: string, caption: string, table: Html): Html {
  return html`<div class="table-scroll" role="region" aria-labelledby="${id}-caption" tabindex="0">
<table id="${id}"><caption id="${id}-caption">${caption}</caption>${table}</table>
</div>`;
}

function moneyCell(units: number, currency: string): Html {
  return html`<td class="num" data-value="${units}">${money(units, currency)}</td>`;
}

/** A headline figure, rounded ($1.67M); its exact amount (to the dollar) is its title. */
function headline(id: string, units: number, currency: string): Html {
  return html`<dd id="${id}" data-value="${units}" title="${money(units, currency)}">${moneyHeadline(units, currency)}</dd>`;
}

function countCell(n: number): Html {
  return html`<td class="num" data-value="${n}">${count(n)}</td>`;
}

/** "FY2027 (Oct 2026 – Jun 2027)": the year's own label (fiscal with a start date) and its months. */
function yearLabel(
  result: PlanResultUnits,
  y: Pick<PlanYear, "year" | "label" | "months">,
): string {
  const label = y.label ?? `Year ${y.year}`;
  if (!result.startDate) return label;
  let first = 0;
  for (const earlier of result.years) {
    if (earlier.year >= y.year) break;
    first += earlier.months;
  }
  const a = result.months[first];
  const b = result.months[first + y.months - 1];
  return a && b ? `${label} (${monthName(a.label)} – ${monthName(b.label)})` : label;
}

/** Someone is part-time: FTE is shown beside headcount (as the sheet's tables do). */
function showsFte(r: PlanResultUnits): boolean {
  return r.months.some((m) => m.fte !== undefined && m.fte !== m.headcount);
}

const lineHeads = (lines: readonly CostLine[]) =>
  lines.map((l) => html`<th scope="col" class="num">${COST_LINE_HEADERS[l]}</th>`);

function startLabel(result: PlanResultUnits, month: number): string {
  const label = result.months[month - 1]?.label;
  return label && result.startDate ? `${monthName(label)} (month ${month})` : `Month ${month}`;
}

function header(view: SharedModelView): Html {
  const { meta } = view;
  return html`<header class="model-head">
<p class="eyebrow">Shared plan model · read-only</p>
<h1 id="model-name">${meta.name}</h1>
<p class="meta">Version <strong id="model-version" data-version="${meta.version}">${meta.version}</strong> · last saved <time datetime="${meta.updatedAt}">${utcTime(meta.updatedAt)}</time></p>
${meta.pricedWith ? html`<p class="meta" id="priced-with">Priced with dataset ${meta.pricedWith.dataset.version} (${meta.pricedWith.dataset.hash}) and ${meta.pricedWith.bandsVersion ? `workspace bands v${meta.pricedWith.bandsVersion}` : "no workspace bands (seed data only)"}; these figures stay as they are until the owner reprices the model.</p>` : ""}
${meta.view === "totals" ? html`<p class="meta" id="share-view" data-view="totals"><strong>Totals view:</strong> months, years, departments and scenarios only; no one's salary is shown on this link.</p>` : html`<p class="visually-hidden" id="share-view" data-view="full">Full view.</p>`}
</header>`;
}

function keyFigures(r: PlanResultUnits, totalsOnly: boolean): Html {
  const last = r.months[r.months.length - 1];
  const lastYear = r.years[r.years.length - 1];
  const people = r.hires.reduce((s, h) => s + h.count, 0);
  const team = (r.team ?? []).reduce((s, t) => s + t.count, 0);
  return html`<section class="key-figures" aria-label="Key figures">
<dl>
<div><dt>Total cost over ${r.horizonMonths} months</dt>${headline("figure-total", r.totals.total, r.currency)}</div>
<div><dt>Headcount at the end</dt><dd id="figure-headcount" data-value="${last?.headcount ?? 0}">${count(last?.headcount ?? 0)}</dd></div>
<div><dt>Annual run-rate at the end</dt>${headline("figure-run-rate", lastYear?.runRate ?? 0, r.currency)}</div>
${totalsOnly ? "" : html`<div><dt>People hired</dt><dd data-value="${people}">${count(people)}</dd></div>`}
${team && !totalsOnly ? html`<div><dt>Already employed</dt><dd id="figure-team" data-value="${team}">${count(team)}</dd></div>` : ""}
</dl>
<p class="muted small" id="rounding-note">Headline figures are rounded; tables are to the dollar. The CSV and the JSON (below) are exact to the cent.</p>
</section>`;
}

const MONTHS =
  "January February March April May June July August September October November December".split(
    " ",
  );

function assumptions(r: PlanResultUnits): Html {
  const a = r.assumptions;
  const start = r.startDate ? monthName(r.startDate) : "not set: months are numbered from 1";
  const raise =
    a.raiseMonth !== null && a.raiseMonth !== undefined
      ? `${percent(a.annualRaise)} each ${r.startDate ? MONTHS[a.raiseMonth - 1] : `month ${a.raiseMonth} of a plan year`} for everyone employed ${a.raiseMinTenureMonths} months or more`
      : `${percent(a.annualRaise)} on each anniversary`;
  const tax = a.payrollTax as { rate: number | null; wageBase: number | null } | null | undefined;
  const rows: Html[] = [];
  // The finance-grade assumptions only where the plan uses them: a plain plan's list stays short.
  if (r.startDate && a.fiscalYearStart && a.fiscalYearStart !== 1)
    rows.push(
      html`<div><dt>Fiscal year</dt><dd id="assumption-fiscal-year">from ${MONTHS[a.fiscalYearStart - 1]}, named by the calendar year it ends in</dd></div>`,
    );
  if (tax?.rate)
    rows.push(
      html`<div><dt>Payroll tax</dt><dd id="assumption-payroll-tax">${percent(tax.rate)} of pay${tax.wageBase !== null ? html`, up to ${money(tax.wageBase, r.currency)} of each person's pay in a calendar year` : ""}</dd></div>`,
    );
  if (a.bonusRate)
    rows.push(
      html`<div><dt>Bonus</dt><dd id="assumption-bonus">${percent(a.bonusRate)} of pay</dd></div>`,
    );
  if (a.equityRate)
    rows.push(
      html`<div><dt>Equity</dt><dd id="assumption-equity">${percent(a.equityRate)} of pay a year</dd></div>`,
    );
  if (a.attritionRate)
    rows.push(
      html`<div><dt>Attrition</dt><dd id="assumption-attrition">${percent(a.attritionRate)} a year, each leaver replaced at once (expected backfill recruiting)</dd></div>`,
    );
  return html`<section aria-labelledby="h-assumptions">
<h2 id="h-assumptions">Assumptions</h2>
<dl class="assumptions">
<div><dt>Horizon</dt><dd id="assumption-horizon">${r.horizonMonths} months</dd></div>
<div><dt>Benefits rate</dt><dd id="assumption-benefits">${percent(a.benefitsRate)} of payroll</dd></div>
<div><dt>Annual raise</dt><dd id="assumption-raise">${raise}</dd></div>
<div><dt>Start date</dt><dd id="assumption-start">${start}</dd></div>
${rows}
</dl>
${a.notes.length ? html`<ul class="notes">${a.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ""}
</section>`;
}

function warnings(r: PlanResultUnits): Html {
  return html`<section aria-labelledby="h-warnings">
<h2 id="h-warnings">Ratio warnings</h2>
${
  r.warnings.length
    ? html`<ul class="warnings" id="warnings">${r.warnings.map((w) => html`<li data-code="${w.code}"><strong>${w.message}</strong>${w.source ? html`<br><span class="source">Seed: ${citation(w.source)}</span>` : ""}</li>`)}</ul>`
    : html`<p id="warnings" class="ok">None: the team keeps the seed's ratios in every month.</p>`
}
</section>`;
}

type Person = PlanResultUnits["hires"][number] | PlanResultUnits["team"][number];

/** People on a row, with their FTE where part-time: "2 × 0.5 FTE". */
function peopleCell(p: Person): Html {
  const fte = p.fte !== undefined && p.fte !== 1 ? ` × ${p.fte} FTE` : "";
  return html`<td class="num" data-value="${p.count}">${count(p.count)}${fte}</td>`;
}

/** Year-one salary, or a contractor's monthly rate (said so). */
function payCell(p: Person, currency: string): Html {
  return p.type === "contractor" && p.monthlyRate !== null
    ? html`<td class="num" data-value="${p.monthlyRate}">${money(p.monthlyRate, currency)} a month</td>`
    : moneyCell(p.annualSalary, currency);
}

function manyDepartments(r: PlanResultUnits): boolean {
  return (r.departments?.length ?? 0) > 1;
}

function hiresTable(r: PlanResultUnits): Html {
  const c = r.currency;
  const depts = manyDepartments(r);
  const deptHead = depts ? html`<th scope="col">Department</th>` : "";
  const deptCell = (p: Person) => (depts ? html`<td>${p.department}</td>` : "");
  const level = (p: Person) => p.level ?? "–";
  const body = r.hires.length
    ? r.hires.map((h, i) => {
        const slip = h.slip.max > 0 ? ` (may start ${h.slip.min}–${h.slip.max} months late)` : "";
        const leaves = h.endMonth ? `; last month ${startLabel(r, h.endMonth)}` : "";
        return html`<tr><th scope="row">${h.role}</th><td>${level(h)}</td><td>${h.location}</td>${deptCell(h)}<td>${startLabel(r, h.startMonth)}${slip}${leaves}</td>${peopleCell(h)}${payCell(h, c)}${moneyCell(h.recruitingPerPerson, c)}<td><a href="#hire-basis-${i + 1}">${i + 1}</a></td></tr>`;
      })
    : html`<tr><td colspan="${depts ? 9 : 8}">No hires yet.</td></tr>`;
  const hires = tableRegion(
    "table-hires",
    "Hires, each costed from the seed data unless the model gives a figure",
    html`<thead><tr><th scope="col">Role</th><th scope="col">Level</th><th scope="col">Location</th>${deptHead}<th scope="col">Starts</th><th scope="col" class="num">People</th><th scope="col" class="num">Salary (each, year 1)</th><th scope="col" class="num">Recruiting (each)</th><th scope="col">Basis</th></tr></thead><tbody>${body}</tbody>`,
  );
  // The methods are sentences; as a list under the table they wrap, and the table stays narrow.
  const basis = r.hires.length
    ? html`<ol class="basis small">${r.hires.map((h, i) => html`<li id="hire-basis-${i + 1}"><strong>${h.role}, ${level(h)}, ${h.location}.</strong> Salary: ${h.salarySource.method}. Recruiting: ${h.recruitingSource.method}.</li>`)}</ol>`
    : "";
  const team = r.team?.length
    ? tableRegion(
        "table-team",
        "Already employed: paid from the first month, never charged recruiting",
        html`<thead><tr><th scope="col">Role</th><th scope="col">Level</th><th scope="col">Location</th>${deptHead}<th scope="col" class="num">People</th><th scope="col" class="num">Salary (each, year 1)</th><th scope="col">Until</th></tr></thead><tbody>${r.team.map(
          (t) =>
            html`<tr><th scope="row">${t.role}</th><td>${level(t)}</td><td>${t.location}</td>${deptCell(t)}${peopleCell(t)}${payCell(t, c)}<td>${t.endMonth ? startLabel(r, t.endMonth) : "the end of the plan"}</td></tr>`,
        )}</tbody>`,
      )
    : "";
  const upskilling = r.upskilling.length
    ? tableRegion(
        "table-upskilling",
        "Upskilling",
        html`<thead><tr><th scope="col">Path</th><th scope="col">Starts</th><th scope="col" class="num">People</th><th scope="col" class="num">Cost (each)</th><th scope="col">Basis</th></tr></thead><tbody>${r.upskilling.map(
          (u) =>
            html`<tr><th scope="row">${u.path}</th><td>${startLabel(r, u.startMonth)}</td>${countCell(u.people)}${moneyCell(u.costPerPerson, c)}<td class="how">${u.costSource.method}</td></tr>`,
        )}</tbody>`,
      )
    : "";
  return html`<section aria-labelledby="h-hires"><h2 id="h-hires">Hires</h2>${hires}${basis}${team ? html`<h3 id="h-team">Already employed</h3>${team}` : ""}${upskilling}</section>`;
}

function yearsTable(r: PlanResultUnits): Html {
  const c = r.currency;
  const t = r.totals;
  const lines = shownLines(r);
  const fte = showsFte(r);
  return html`<section aria-labelledby="h-years"><h2 id="h-years">Year by year</h2>${tableRegion(
    "table-years",
    `Cost by line per ${r.years.some((y) => y.label?.startsWith("FY")) ? "fiscal " : ""}year, with the headcount and the annual run-rate at each year's end`,
    html`<thead><tr><th scope="col">Year</th>${lineHeads(lines)}<th scope="col" class="num">Total</th><th scope="col" class="num">End headcount</th>${fte ? html`<th scope="col" class="num">End FTE</th>` : ""}<th scope="col" class="num">End run-rate</th></tr></thead>
<tbody>${r.years.map(
      (y) =>
        html`<tr data-year="${y.year}" data-label="${y.label ?? `Year ${y.year}`}"><th scope="row">${yearLabel(r, y)}</th>${lines.map((l) => moneyCell(y[l], c))}${moneyCell(y.total, c)}${countCell(y.endHeadcount)}${fte ? countCell(y.endFte) : ""}${moneyCell(y.runRate, c)}</tr>`,
    )}</tbody>
<tfoot><tr><th scope="row">All ${r.horizonMonths} months</th>${lines.map((l) => moneyCell(t[l], c))}${moneyCell(t.total, c)}<td></td>${fte ? html`<td></td>` : ""}<td></td></tr></tfoot>`,
  )}</section>`;
}

/**
 * Each department's cost by line over the whole horizon and each year's total; the last row is
 * the plan's own, which the departments add up to (the core shares benefits and the like out to
 * the cent). Shown where the plan has more than one department.
 */
function departmentsTable(r: PlanResultUnits): Html {
  if (!manyDepartments(r)) return html``;
  const c = r.currency;
  const lines = shownLines(r);
  const row = (
    name: string,
    attr: Html,
    years: readonly { total: number }[],
    totals: PlanResultUnits["totals"],
    end: number,
  ) =>
    html`<tr ${attr}><th scope="row">${name}</th>${lines.map((l) => moneyCell(totals[l], c))}${moneyCell(totals.total, c)}${years.map((y) => moneyCell(y.total, c))}${countCell(end)}</tr>`;
  return html`<section aria-labelledby="h-departments"><h2 id="h-departments">By department</h2>${tableRegion(
    "table-departments",
    "Each department's cost by line over the plan, its total per year and its headcount at the end; they add up to the plan's",
    html`<thead><tr><th scope="col">Department</th>${lineHeads(lines)}<th scope="col" class="num">Total</th>${r.years.map((y) => html`<th scope="col" class="num">${y.label ?? `Year ${y.year}`}</th>`)}<th scope="col" class="num">End headcount</th></tr></thead>
<tbody>${r.departments.map((d) =>
      row(
        d.department,
        html`data-department="${d.department}"`,
        d.years,
        d.totals,
        d.years.at(-1)?.endHeadcount ?? 0,
      ),
    )}</tbody>
<tfoot>${row("All departments", html`data-department-total`, r.years, r.totals, r.months.at(-1)?.headcount ?? 0)}</tfoot>`,
  )}</section>`;
}

function monthsTable(r: PlanResultUnits): Html {
  const c = r.currency;
  const lines = shownLines(r);
  const fte = showsFte(r);
  return html`<section aria-labelledby="h-months"><h2 id="h-months">Month by month</h2>${tableRegion(
    "table-months",
    "Headcount and cost by line in each month, with the cumulative cost",
    html`<thead><tr><th scope="col">Month</th><th scope="col" class="num">Headcount</th>${fte ? html`<th scope="col" class="num">FTE</th>` : ""}${lineHeads(lines)}<th scope="col" class="num">Total</th><th scope="col" class="num">Cumulative</th></tr></thead>
<tbody>${r.months.map(
      (m) =>
        html`<tr data-month="${m.month}"><th scope="row">${monthName(m.label)}</th>${countCell(m.headcount)}${fte ? countCell(m.fte) : ""}${lines.map((l) => moneyCell(m[l], c))}${moneyCell(m.total, c)}${moneyCell(m.cumulative, c)}</tr>`,
    )}</tbody>`,
  )}</section>`;
}

function scenariosSection(view: ScenarioView, currency: string): Html {
  if ("error" in view) {
    return html`<section aria-labelledby="h-scenarios"><h2 id="h-scenarios">Scenarios</h2><p class="problem" id="scenarios-error">The model's scenarios could not be computed: ${view.error}</p></section>`;
  }
  const years = Math.max(...view.lines.map((s) => s.years.length));
  const yearCells = (s: ScenarioLine) => {
    const cells: Html[] = [];
    for (let i = 0; i < years; i++) {
      const y = s.years[i];
      cells.push(y ? moneyCell(y.total, currency) : html`<td class="num">–</td>`);
    }
    return cells;
  };
  const headYears: Html[] = [];
  // The longest scenario names the columns: its years' labels (FY2027 with a start date).
  const longest = view.lines.reduce((a, b) => (b.years.length > a.years.length ? b : a));
  for (let i = 0; i < years; i++)
    headYears.push(
      html`<th scope="col" class="num">${longest.years[i]?.label ?? `Year ${i + 1}`}</th>`,
    );
  const anyDelays = view.lines.some((s) => s.totalWithDelays);
  const delaysCell = (s: ScenarioLine) => {
    if (!anyDelays) return "";
    const d = s.totalWithDelays;
    return d
      ? html`<td class="num delays" data-low="${d.low}" data-expected="${d.expected}" data-high="${d.high}">${money(d.expected, currency)} <span class="small">(${money(d.low, currency)} – ${money(d.high, currency)})</span></td>`
      : html`<td class="num">–</td>`;
  };
  const notes = view.lines.flatMap((s) => s.notes.map((n) => `${s.name}: ${n}`));
  return html`<section aria-labelledby="h-scenarios"><h2 id="h-scenarios">Scenarios</h2>
<p>The model's named scenarios: the plan above with some inputs changed, each costed as scheduled like the plan itself. Each one's cumulative cost is drawn as a dashed line on the cost chart.${anyDelays ? " Where hires may start late, the last column gives the total under those delays: expected (low – high)." : ""}</p>
${tableRegion(
  "table-scenarios",
  "Total cost per year of each scenario, and its difference from the base plan",
  html`<thead><tr><th scope="col">Scenario</th>${headYears}<th scope="col" class="num">Total</th><th scope="col" class="num">Difference from base</th>${anyDelays ? html`<th scope="col" class="num">Total if hires start late: expected (low – high)</th>` : ""}</tr></thead>
<tbody>${view.lines.map(
    (s) =>
      html`<tr data-scenario="${s.name}"><th scope="row">${s.name}${s.isBase ? " (the plan above)" : ""}</th>${yearCells(s)}${moneyCell(s.total, currency)}${s.difference === null ? html`<td class="num">–</td>` : html`<td class="num" data-value="${s.difference}">${s.difference > 0 ? "+" : ""}${money(s.difference, currency)}</td>`}${delaysCell(s)}</tr>`,
  )}</tbody>`,
)}
${notes.length ? html`<ul class="notes">${notes.map((n) => html`<li>${n}</li>`)}</ul>` : ""}
<p class="muted small">${view.method}</p>
</section>`;
}

function useInASheet(view: SharedModelView): Html {
  const { links } = view;
  return html`<section aria-labelledby="h-use" id="use">
<h2 id="h-use">Use this model in a spreadsheet</h2>
<p><a id="download-csv" href="${links.csv}" download>Download CSV</a> (the month-by-month table, exact to the cent) · <a href="${links.json}">The result as JSON</a></p>
<p id="importdata-help">Paste this formula into a cell of any Google Sheet to pull in the months table; the sheet re-reads it, so it follows new versions:</p>
<div class="formula"><code id="importdata" aria-describedby="importdata-help">${links.importData}</code><button type="button" id="copy-formula" data-copy="${links.importData}" hidden>Copy formula</button></div>
</section>`;
}

/** The part of the page that changes with the model: swapped in place when a new version is saved. */
export function sharedModelContent(view: SharedModelView): Html {
  const r = view.result;
  const totalsOnly = view.meta.view === "totals";
  const scenarioLines = view.scenarios && "lines" in view.scenarios ? view.scenarios.lines : [];
  return html`${header(view)}
${keyFigures(r, totalsOnly)}
<section aria-labelledby="h-charts"><h2 id="h-charts" class="visually-hidden">Charts</h2><div class="charts">${headcountChart(r)}${costChart(r, scenarioLines)}</div></section>
${assumptions(r)}
${warnings(r)}
${totalsOnly ? html`<section aria-labelledby="h-hires"><h2 id="h-hires">Hires</h2><p id="hires-hidden">Not shown on this link: it shares totals only.</p></section>` : hiresTable(r)}
${yearsTable(r)}
${departmentsTable(r)}
${view.scenarios ? scenariosSection(view.scenarios, r.currency) : ""}
${monthsTable(r)}
${useInASheet(view)}`;
}

function describeEvery(seconds: number): string {
  if (seconds === 1) return "second";
  if (seconds % 60 === 0) return seconds === 60 ? "minute" : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/**
 * The live frame around a model's content: what the page script reads (the content's ETag, the
 * shown version, the poll interval, where to fetch the content) and the status line it announces
 * updates in.
 */
export function liveModelPage(s: {
  token: string;
  version: number;
  /** ETag of the shown content (version, the owner's bands, the dataset); the script polls with it. */
  etag: string;
  poll: number;
  title: string;
  content: Html;
}): Html {
  const token = encodeURIComponent(s.token);
  const body = html`<div id="model" data-version="${s.version}" data-etag="${s.etag}" data-poll-seconds="${s.poll}" data-fragment-url="/s/${token}?fragment=1">
<p id="live-status" class="live-status" role="status" aria-live="polite"></p>
<div id="model-content">${s.content}</div>
<p class="muted small" id="poll-note">This page checks for a newer version every ${describeEvery(s.poll)} and updates itself.</p>
</div>`;
  return layout({ title: s.title, body, scripts: ["shared-model.js"], noindex: true });
}

export function sharedModelPage(view: SharedModelView, poll: number, etag: string): Html {
  return liveModelPage({
    token: view.token,
    version: view.meta.version,
    etag,
    poll,
    title: `${view.meta.name} · shared plan model`,
    content: sharedModelContent(view),
  });
}
