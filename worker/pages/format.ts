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

function currencyFormat(currency: string, kind: "cents" | "short"): Intl.NumberFormat {
  const key = `${currency} ${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.NumberFormatOptions =
      kind === "short"
        ? { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 2 }
        : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
    f = new Intl.NumberFormat("en-US", { style: "currency", currency, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** $1,234,567.89 — exact to the cent, for tables (a column reads evenly when every row has cents). */
export function money(units: number, currency = "USD"): string {
  return currencyFormat(currency, "cents").format(units);
}

/** $1.2M, $350K, $12.5K — for chart axes and summaries. */
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
