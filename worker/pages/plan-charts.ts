import {
  COST_LINE_HEADERS,
  shownLines,
  type CostLine,
  type PlanResultUnits,
} from "../../shared/index.js";
import { count, money, moneyShort, monthName, monthTick } from "./format.js";
import { html, type Html } from "./html.js";
import type { ScenarioLine } from "./shared-model-view.js";
import { chartLegend, renderChart, type ChartSeries } from "./svg-chart.js";

// The shared-model page's two charts, built from the plan result. Colours differ in lightness as
// well as hue (they stay apart for colour-blind readers and in greyscale), and every chart has a
// written summary of its numbers beside it.

export const COMPONENT_COLORS: Record<CostLine, string> = {
  payroll: "#1f4e8c",
  benefits: "#4c9bd6",
  taxes: "#4b3b8f",
  bonus: "#d9a400",
  equity: "#9b6fc7",
  contractors: "#5f6b7a",
  recruiting: "#c77800",
  backfill: "#f0a868",
  upskilling: "#1b8a5a",
};
const HEADCOUNT_COLOR = "#1f4e8c";
const CUMULATIVE_COLOR = "#1d2330";
const SCENARIO_COLORS = [
  "#b4357a",
  "#7446b8",
  "#c2410c",
  "#5e6b00",
  "#00798c",
  "#8c3b3b",
  "#4a5568",
  "#a0527a",
  "#2f6f3e",
  "#6b4f1d",
];

function axisLabels(result: PlanResultUnits) {
  return {
    labels: result.months.map((m) => monthName(m.label)),
    tickLabels: result.months.map((m) => monthTick(m.label)),
    xTitle: result.startDate ? "Month" : "Plan month",
  };
}

function figure(id: string, svg: Html, legend: Html | "", caption: string): Html {
  return html`<figure class="chart" id="${id}">
<div class="chart-scroll">${svg}</div>
${legend}
<figcaption>${caption}</figcaption>
</figure>`;
}

export function headcountSummary(result: PlanResultUnits): string {
  const months = result.months;
  if (!months.length) return "The plan has no months.";
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const peak = months.reduce((best, m) => (m.headcount > best.headcount ? m : best), first);
  const span = `from ${monthName(first.label)} to ${monthName(last.label)}`;
  const peakText =
    peak.headcount > last.headcount
      ? `, peaking at ${count(peak.headcount)} in ${monthName(peak.label)}`
      : "";
  return `Headcount by month ${span}: ${count(first.headcount)} in the first month and ${count(last.headcount)} in the last${peakText}.`;
}

export function headcountChart(result: PlanResultUnits): Html {
  const series: ChartSeries[] = [
    {
      key: "headcount",
      name: "Headcount",
      color: HEADCOUNT_COLOR,
      kind: "step-area",
      values: result.months.map((m) => m.headcount),
    },
  ];
  const summary = headcountSummary(result);
  const svg = renderChart({
    id: "headcount-svg",
    title: "Headcount over the months",
    description: summary,
    ...axisLabels(result),
    left: { title: "People", format: count, integer: true },
    series,
    width: 420,
  });
  return figure("chart-headcount", svg, "", summary);
}

export function costSummary(result: PlanResultUnits, scenarios: readonly ScenarioLine[]): string {
  const c = result.currency;
  const months = result.months;
  if (!months.length) return "The plan has no months.";
  const t = result.totals;
  const top = months.reduce((best, m) => (m.total > best.total ? m : best), months[0]!);
  const lines = shownLines(result)
    .map((l) => `${COST_LINE_HEADERS[l].toLowerCase()} ${money(t[l], c)}`)
    .join(", ");
  const parts = [
    `Monthly cost by component over ${months.length} months, ${money(t.total, c)} in all: ${lines}.`,
    `The costliest month is ${monthName(top.label)} at ${money(top.total, c)}; the cumulative cost reaches ${money(months[months.length - 1]!.cumulative, c)} by ${monthName(months[months.length - 1]!.label)}.`,
  ];
  for (const s of scenarios) {
    if (s.isBase || !s.cumulative.length) continue;
    parts.push(
      `Scenario “${s.name}”: cumulative ${money(s.cumulative[s.cumulative.length - 1]!, c)} after ${s.cumulative.length} months.`,
    );
  }
  return parts.join(" ");
}

export function costChart(result: PlanResultUnits, scenarios: readonly ScenarioLine[] = []): Html {
  const c = result.currency;
  const n = result.months.length;
  const series: ChartSeries[] = [
    // One stack per cost line the plan uses, in the tables' order.
    ...shownLines(result).map((l) => ({
      key: l,
      name: COST_LINE_HEADERS[l],
      color: COMPONENT_COLORS[l],
      kind: "bar" as const,
      values: result.months.map((m) => m[l]),
    })),
    {
      key: "cumulative",
      name: "Cumulative cost",
      color: CUMULATIVE_COLOR,
      kind: "line",
      axis: "right",
      values: result.months.map((m) => m.cumulative),
    },
    ...scenarios
      .filter((s) => !s.isBase)
      .map((s, i): ChartSeries => ({
        key: `scenario-${i + 1}`,
        name: `Cumulative: ${s.name}`,
        color: SCENARIO_COLORS[i % SCENARIO_COLORS.length]!,
        kind: "line",
        axis: "right",
        dash: "6 4",
        // Drawn against the model's months; a scenario with another horizon is cut or ends early.
        values: s.cumulative.slice(0, n),
      })),
  ];
  const summary = costSummary(result, scenarios);
  const svg = renderChart({
    id: "cost-svg",
    title: "Monthly cost by component, with the cumulative cost",
    description: summary,
    ...axisLabels(result),
    left: { title: "Cost per month", format: (v) => moneyShort(v, c) },
    right: { title: "Cumulative cost", format: (v) => moneyShort(v, c) },
    series,
  });
  return figure("chart-cost", svg, chartLegend(series), summary);
}
