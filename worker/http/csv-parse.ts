import { PlannerError } from "../../shared/index.js";

/** One parsed CSV record and the physical line it starts on (1-based), for error messages. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A CSV that cannot be read: a core input error (INVALID_ARGUMENT) that also names its line. */
export class CsvSyntaxError extends PlannerError {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super("INVALID_ARGUMENT", message, { field: "body" });
    this.name = "CsvSyntaxError";
  }
}

/**
 * RFC 4180 CSV as spreadsheets export it: comma separated, fields optionally in double quotes
 * (a quote inside doubled), quoted fields may span lines, CRLF or LF line ends, an optional
 * UTF-8 BOM. Wholly empty lines are skipped. Throws CsvSyntaxError naming the line of an
 * unterminated quote or text after a closing quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === "")) records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '"' && cell.trim() === "") {
      // A quoted field: read to the closing quote.
      cell = "";
      const quotedStart = line;
      i++;
      for (;;) {
        if (i >= src.length)
          throw new CsvSyntaxError(
            quotedStart,
            `line ${quotedStart}: a quoted field is never closed; end it with a double quote (write "" for a quote inside a field)`,
          );
        const q = src[i]!;
        if (q === '"') {
          if (src[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === "\n") line++;
        cell += q;
        i++;
      }
      while (src[i] === " " || src[i] === "\t") i++;
      if (i < src.length && src[i] !== "," && src[i] !== "\n" && src[i] !== "\r") {
        throw new CsvSyntaxError(
          line,
          `line ${line}: text after a closing quote; quote the whole field, e.g. "Austin, TX"`,
        );
      }
      continue;
    }
    if (ch === ",") {
      cells.push(cell);
      cell = "";
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== "" || cells.length) endRecord();
  return records;
}
