/**
 * Date cells read as the spreadsheet shows them. Sheets hands a script a date cell as the instant
 * of that date's midnight in the SPREADSHEET's time zone, but a script's Date methods read it in
 * the SCRIPT's time zone: east of the script (Europe/Berlin, Asia/Kolkata against a script on New
 * York or UTC) 1 Jan 2027 reads as 31 Dec 2026, a month early. Each date is rebuilt here as the
 * same wall-clock date and time in the script's own zone, so the core (which reads a date's local
 * fields) sees what the cell shows.
 */

function isDate(v: unknown): v is Date {
  // A date from another realm (the tests' stand-ins) is a Date too.
  return Object.prototype.toString.call(v) === "[object Date]";
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(date: Date, timeZone: string): Date {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  const part: Record<string, number> = {};
  for (const p of f.formatToParts(date)) if (p.type !== "literal") part[p.type] = Number(p.value);
  return new Date(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
}

/** True when any value (or any cell of a range argument) is a date. */
export function hasDates(values: readonly unknown[]): boolean {
  return values.some((v) => (Array.isArray(v) ? hasDates(v) : isDate(v)));
}

/**
 * The values with every date read in `timeZone` (an IANA name such as "Asia/Kolkata", as
 * Spreadsheet.getSpreadsheetTimeZone() gives it); other values as they are. An unknown zone
 * leaves dates as they are rather than failing a sheet.
 */
export function inSpreadsheetZone<T>(values: T, timeZone: string | null | undefined): T {
  if (!timeZone) return values;
  const convert = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(convert) : isDate(v) ? wallClock(v, timeZone) : v;
  try {
    return convert(values) as T;
  } catch {
    return values;
  }
}
