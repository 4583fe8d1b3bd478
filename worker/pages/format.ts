// How the pages write numbers, money and months. Everything here is presentation: the figures
// themselves come from the core (runPlan + planToUnits) and are never recomputed.

const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

const formatters = new Map<string, Intl.NumberFormat>();

/** How much of an amount a reader sees; the exact cents stay in the API, the CSV and data-value. */
type MoneyForm = "dollars" | "headline" | "short";

const MONEY_FORMS: Record<MoneyForm, Intl.NumberFormatOptions> = {
  // To the dollar: a table reads evenly and its figures stay recognisable to the last dollar.
  dollars: { minimumFractionDigits: 0, maximumFractionDigits: 0 },
  // Three significant figures: $1.67M, $350K, $72.5K, $950.
  headline: { notation: "compact", maximumSignificantDigits: 3 },
  // A chart's axis: as few digits as tell the ticks apart.
  short: { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 2 },
};

function currencyFormat(currency: string, form: MoneyForm): Intl.NumberFormat {
  const key = `${currency} ${form}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { style: "currency", currency, ...MONEY_FORMS[form] });
    formatters.set(key, f);
  }
  return f;
}

/**
 * $1,666,089 — to the dollar, for tables and sentences. The page is read, not added up: the CSV
 * and the API carry the same figures exact to the cent (and each cell's data-value).
 */
export function money(units: number, currency = "USD"): string {
  return currencyFormat(currency, "dollars").format(units);
}

/** $1.67M, $350K — a headline figure, rounded to three significant figures. */
export function moneyHeadline(units: number, currency = "USD"): string {
  return currencyFormat(currency, "headline").format(units);
}

/** $1.2M, $350K, $12.5K — for chart axes. */
export function moneyShort(units: number, currency = "USD"): string {
  return currencyFormat(currency, "short").format(units);
}

export function count(n: number): string {
  return new Intl.NumberFormat("en-US").format(n);
}

/** 0.25 → "25%"; 0.035 → "3.5%". */
export function percent(rate: number): string {
  return `${Math.round(rate * 10000) / 100}%`;
}

/** The core's month label ("2027-01" with a start date, "Month 3" without) as people read it: "Jan 2027" / "Month 3". */
export function monthName(label: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  return m ? `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}` : label;
}

/** A shorter form for a crowded axis: "Jan 2027" stays, "Month 3" becomes "M3". */
export function monthTick(label: string): string {
  const m = /^Month (\d+)$/.exec(label);
  return m ? `M${m[1]}` : monthName(label);
}

/** "2026-05-01T09:30:00.000Z" → "1 May 2026, 09:30 UTC": the same for every reader, whatever their clock. */
export function utcTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}
