import { html, raw, type Html } from "./html.js";

// A small SVG chart renderer for the server-rendered pages: monthly categories on the x axis,
// stacked bars and lines (or a stepped area) against a left and an optional right axis. No chart
// library, nothing fetched: the page arrives with its charts drawn, and works without script.

export type SeriesKind = "bar" | "line" | "step-area";

export interface ChartSeries {
  /** Stable id, written as data-series (tests and styles find a series by it). */
  key: string;
  /** Legend and tooltip text. */
  name: string;
  color: string;
  /** One value per x category. */
  values: readonly number[];
  /** Bars on the same axis stack in the order given, first at the bottom. */
  kind: SeriesKind;
  axis?: "left" | "right";
  /** stroke-dasharray for a line, e.g. "6 4". */
  dash?: string;
}

export interface ChartAxis {
  title: string;
  format: (value: number) => string;
  /** Ticks at whole numbers only (people, not money). */
  integer?: boolean;
}

export interface ChartSpec {
  /** Unique on the page; the title and desc ids derive from it. */
  id: string;
  title: string;
  description: string;
  /** Full name of each category, for tooltips ("Jan 2027"). */
  labels: readonly string[];
  /** Short name of each category, for the axis ("Jan 2027", "M3"). */
  tickLabels: readonly string[];
  xTitle: string;
  left: ChartAxis;
  right?: ChartAxis;
  series: readonly ChartSeries[];
  /** viewBox width (default 640); the SVG scales to its box, this sets its proportions and text size. */
  width?: number;
}

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 300;
const FONT_PX = 13;
/** Rough width of one character of the axis font, to decide how many month labels fit. */
const CHAR_PX = 7.4;
const TEXT = "#3b4250";
const GRID = "#e3e6eb";
const AXIS = "#8a93a3";

/** Round to 12 significant digits so 0.1·3 prints as 0.3, not 0.30000000000000004. */
function tidy(n: number): number {
  return Number(n.toPrecision(12));
}

/** "Nice" ticks from 0 to at least `max`: steps of 1, 2, 2.5 or 5 times a power of ten (whole steps for counts). */
export function niceTicks(max: number, { integer = false, target = 5 } = {}): number[] {
  // Nothing to show (a plan with no hires yet): one step, not fractions of a dollar or a person.
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const top = max;
  const rough = top / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  let step =
    (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) *
    power;
  if (integer) step = Math.max(1, Math.ceil(step));
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const t = tidy(i * step);
    ticks.push(t);
    if (t >= top) break;
  }
  return ticks;
}

/** Every k-th category gets a label, k from 1, 2, 3, 4, 6, 12, 24… so labels fall on quarters and years. */
export function tickEvery(categories: number, labelChars: number, plotWidth: number): number {
  const fits = Math.max(1, Math.floor(plotWidth / (labelChars * CHAR_PX + 14)));
  for (const k of [1, 2, 3, 4, 6, 12, 24]) if (Math.ceil(categories / k) <= fits) return k;
  return Math.ceil(categories / fits / 12) * 12;
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export function renderChart(spec: ChartSpec): Html {
  const n = spec.labels.length;
  const width = spec.width ?? CHART_WIDTH;
  const margin = { top: 16, right: spec.right ? 72 : 40, bottom: 52, left: 72 };
  const plotW = width - margin.left - margin.right;
  const plotH = CHART_HEIGHT - margin.top - margin.bottom;
  const bottom = margin.top + plotH;
  const band = plotW / Math.max(1, n);
  const center = (i: number) => margin.left + band * (i + 0.5);

  const onAxis = (axis: "left" | "right") => spec.series.filter((s) => (s.axis ?? "left") === axis);
  const axisMax = (axis: "left" | "right") => {
    const series = onAxis(axis);
    const bars = series.filter((s) => s.kind === "bar");
    let max = 0;
    for (let i = 0; i < n; i++) {
      max = Math.max(
        max,
        bars.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0),
      );
      for (const s of series) if (s.kind !== "bar") max = Math.max(max, s.values[i] ?? 0);
    }
    return max;
  };
  const leftTicks = niceTicks(axisMax("left"), { integer: spec.left.integer });
  const rightTicks = spec.right ? niceTicks(axisMax("right"), { integer: spec.right.integer }) : [];
  const scale = (ticks: number[]) => {
    const top = ticks[ticks.length - 1]!;
    return (v: number) => bottom - (Math.max(0, v) / top) * plotH;
  };
  const yLeft = scale(leftTicks);
  const yRight = spec.right ? scale(rightTicks) : yLeft;
  const yOf = (s: ChartSeries) => ((s.axis ?? "left") === "right" ? yRight : yLeft);
  const formatOf = (s: ChartSeries) =>
    (s.axis ?? "left") === "right" && spec.right ? spec.right.format : spec.left.format;

  const grid = leftTicks.map(
    (t) =>
      html`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${fmt(yLeft(t))}" y2="${fmt(yLeft(t))}" stroke="${GRID}"/><text x="${margin.left - 8}" y="${fmt(yLeft(t) + 4)}" text-anchor="end">${spec.left.format(t)}</text>`,
  );
  const rightLabels = spec.right
    ? rightTicks.map(
        (t) =>
          html`<text x="${margin.left + plotW + 8}" y="${fmt(yRight(t) + 4)}">${spec.right!.format(t)}</text>`,
      )
    : [];

  const longest = Math.max(1, ...spec.tickLabels.map((l) => l.length));
  const every = tickEvery(n, longest, plotW);
  const xTicks: Html[] = [];
  for (let i = 0; i < n; i += every) {
    const x = fmt(center(i));
    xTicks.push(
      html`<line x1="${x}" x2="${x}" y1="${bottom}" y2="${bottom + 5}" stroke="${AXIS}"/><text x="${x}" y="${bottom + 19}" text-anchor="middle">${spec.tickLabels[i]}</text>`,
    );
  }

  // Bars: each bar series stacked on the ones before it on the same axis.
  const stackBase = { left: new Array<number>(n).fill(0), right: new Array<number>(n).fill(0) };
  const barWidth = Math.max(1, band * 0.72);
  const seriesMarkup = spec.series.map((s) => {
    const y = yOf(s);
    const values = s.values.join(",");
    if (s.kind === "bar") {
      const base = stackBase[s.axis ?? "left"];
      const rects = s.values.map((v, i) => {
        const from = base[i]!;
        const to = from + Math.max(0, v);
        base[i] = to;
        return html`<rect x="${fmt(center(i) - barWidth / 2)}" y="${fmt(y(to))}" width="${fmt(barWidth)}" height="${fmt(y(from) - y(to))}" data-value="${v}"><title>${spec.labels[i]}: ${s.name} ${formatOf(s)(v)}</title></rect>`;
      });
      return html`<g data-series="${s.key}" data-values="${values}" fill="${s.color}">${rects}</g>`;
    }
    if (s.kind === "step-area") {
      let d = `M${fmt(margin.left)},${fmt(bottom)}`;
      s.values.forEach((v, i) => {
        d += ` V${fmt(y(v))} H${fmt(margin.left + band * (i + 1))}`;
      });
      d += ` V${fmt(bottom)} Z`;
      const line = s.values
        .map(
          (v, i) =>
            `${i === 0 ? `M${fmt(margin.left)},${fmt(y(v))}` : `V${fmt(y(v))}`} H${fmt(margin.left + band * (i + 1))}`,
        )
        .join(" ");
      return html`<g data-series="${s.key}" data-values="${values}"><path d="${d}" fill="${s.color}" fill-opacity="0.18"/><path d="${line}" fill="none" stroke="${s.color}" stroke-width="2.5"/></g>`;
    }
    const points = s.values.map((v, i) => `${fmt(center(i))},${fmt(y(v))}`).join(" ");
    const dots =
      n <= 36
        ? s.values.map(
            (v, i) =>
              html`<circle cx="${fmt(center(i))}" cy="${fmt(y(v))}" r="2.5"><title>${spec.labels[i]}: ${s.name} ${formatOf(s)(v)}</title></circle>`,
          )
        : [];
    return html`<g data-series="${s.key}" data-values="${values}" fill="${s.color}"><polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2.5" stroke-linejoin="round"${s.dash ? html` stroke-dasharray="${s.dash}"` : ""}/>${dots}</g>`;
  });

  const leftTitleY = margin.top + plotH / 2;
  return html`<svg class="chart-svg" id="${spec.id}" viewBox="0 0 ${width} ${CHART_HEIGHT}" role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc" font-size="${FONT_PX}" fill="${TEXT}" xmlns="http://www.w3.org/2000/svg">
<title id="${spec.id}-title">${spec.title}</title>
<desc id="${spec.id}-desc">${spec.description}</desc>
<g class="grid">${grid}</g>
${rightLabels.length ? html`<g class="right-axis">${rightLabels}</g>` : ""}
<g class="series">${seriesMarkup}</g>
<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${bottom}" y2="${bottom}" stroke="${AXIS}"/>
<g class="x-axis">${xTicks}</g>
<text x="${margin.left + plotW / 2}" y="${CHART_HEIGHT - 8}" text-anchor="middle" font-weight="600">${spec.xTitle}</text>
<text transform="translate(16 ${fmt(leftTitleY)}) rotate(-90)" text-anchor="middle" font-weight="600">${spec.left.title}</text>
${spec.right ? html`<text transform="translate(${width - 12} ${fmt(leftTitleY)}) rotate(90)" text-anchor="middle" font-weight="600">${spec.right.title}</text>` : ""}
</svg>`;
}

/** The legend as HTML (it wraps on a narrow screen, unlike SVG text), each entry with its mark. */
export function chartLegend(series: readonly ChartSeries[]): Html {
  const mark = (s: ChartSeries) =>
    s.kind === "bar"
      ? html`<svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" rx="2" fill="${s.color}"/></svg>`
      : html`<svg width="22" height="14" aria-hidden="true"><line x1="1" x2="21" y1="7" y2="7" stroke="${s.color}" stroke-width="3"${s.dash ? html` stroke-dasharray="${s.dash}"` : ""}/></svg>`;
  return html`<ul class="legend">${series.map((s) => html`<li>${mark(s)} ${s.name}${s.axis === "right" ? raw(' <span class="muted">(right axis)</span>') : ""}</li>`)}</ul>`;
}
