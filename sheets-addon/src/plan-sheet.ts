import {
  PLAN_ASSUMPTIONS,
  assumptionsBlockRows,
  contentHash,
  isPlannerError,
  normalizePlan,
  planInputFromRanges,
  stableStringify,
  type AssumptionKind,
  type Cell,
  type PlanInput,
  type SalaryOptions,
} from "../../shared/index.js";
import type { RangeLike, SheetLike, SpreadsheetLike } from "./apps-script.js";
import { asText } from "./sheet-text.js";
import { inSpreadsheetZone } from "./sheet-dates.js";

/**
 * A plan sheet: an assumptions block (label | value rows, the API's plan-body names), a hires
 * table and an upskilling table, with live AI_PLAN_SUMMARY, AI_PLAN_WARNINGS and AI_PLAN formulas
 * over them. Named ranges mark the parts, so reading the plan back (to publish it) still works
 * after someone inserts rows or moves things around; it is read with the very parsers the
 * formulas use, so the sheet's figures and the published model's are the same plan.
 */
export const HIRE_HEADER = [
  "Role",
  "Level",
  "Location",
  "Start month",
  "Count",
  "Salary",
  "Recruiting cost",
  "Channel",
];
export const UPSKILLING_HEADER = ["Path", "People", "Start month", "Cost per person"];

const PARTS = ["HIRES", "UPSKILLING", "ASSUMPTIONS"] as const;
type Part = (typeof PARTS)[number];

export function rangeName(sheet: SheetLike, part: Part): string {
  return `ATP_${sheet.getSheetId()}_${part}`;
}

const TITLE_ROW = 1;
const ASSUMPTIONS_ROW = 4;
/** Room for every assumption, a slip given as Slip min and Slip max, and one spare row. */
const ASSUMPTION_ROWS = PLAN_ASSUMPTIONS.length + 2;
const TABLES_ROW = ASSUMPTIONS_ROW + ASSUMPTION_ROWS + 2;
const HEADER_ROW = TABLES_ROW + 1;
const UPSKILLING_COL = 10; // J: beside the hires table (A:H), one column apart
/** The yearly summary holds at most 10 plan years + header + Total (horizon ≤ 120 months). */
const SUMMARY_ROWS = 12;

export interface PlanSheetSpec {
  title: string;
  subtitle: string;
  input: PlanInput;
}

export interface PlanSheetInfo {
  sheetName: string;
  hiresRange: string;
  assumptionsRange: string;
  upskillingRange: string;
  formulas: { summary: string; warnings: string; months: string };
}

/** A new sheet laid out for `spec.input`, with room to add hires; returns where everything is. */
export function insertPlanSheet(
  ss: SpreadsheetLike,
  spec: PlanSheetSpec,
): { sheet: SheetLike; info: PlanSheetInfo } {
  const sheet = ss.insertSheet(uniqueSheetName(ss, spec.title));
  const hireRows = Math.max(30, spec.input.hires.length + 10);
  const upskillingRows = Math.max(10, (spec.input.upskilling?.length ?? 0) + 5);

  sheet.getRange(TITLE_ROW, 1).setValue(asText(spec.title)).setFontWeight("bold");
  sheet.getRange(TITLE_ROW + 1, 1).setValue(asText(spec.subtitle));
  sheet.getRange(ASSUMPTIONS_ROW, 1).setValue("Assumptions").setFontWeight("bold");
  sheet
    .getRange(ASSUMPTIONS_ROW, 3)
    .setValue(
      `Label | value rows; add any of: ${PLAN_ASSUMPTIONS.map((a) => a.label).join(", ")}. A blank row is ignored; a label left out takes its default.`,
    );
  const assumptions = sheet.getRange(ASSUMPTIONS_ROW + 1, 1, ASSUMPTION_ROWS, 2);

  sheet.getRange(TABLES_ROW, 1).setValue("Hires").setFontWeight("bold");
  sheet.getRange(TABLES_ROW, UPSKILLING_COL).setValue("Upskilling").setFontWeight("bold");
  const hires = sheet.getRange(HEADER_ROW, 1, hireRows + 1, HIRE_HEADER.length);
  const upskilling = sheet.getRange(
    HEADER_ROW,
    UPSKILLING_COL,
    upskillingRows + 1,
    UPSKILLING_HEADER.length,
  );
  sheet
    .getRange(HEADER_ROW, 1, 1, HIRE_HEADER.length)
    .setValues([HIRE_HEADER])
    .setFontWeight("bold");
  sheet
    .getRange(HEADER_ROW, UPSKILLING_COL, 1, UPSKILLING_HEADER.length)
    .setValues([UPSKILLING_HEADER])
    .setFontWeight("bold");
  sheet.getRange(HEADER_ROW + 1, 6, hireRows, 2).setNumberFormat("$#,##0.00");
  sheet
    .getRange(HEADER_ROW + 1, UPSKILLING_COL + 3, upskillingRows, 1)
    .setNumberFormat("$#,##0.00");
  sheet.setFrozenRows(0);

  const named: Record<Part, RangeLike> = {
    HIRES: hires,
    UPSKILLING: upskilling,
    ASSUMPTIONS: assumptions,
  };
  for (const part of PARTS) ss.setNamedRange(rangeName(sheet, part), named[part]);
  writePlanInput(ss, sheet, spec.input);

  // Live formulas over the same cells: the sheet recalculates as soon as a hire changes.
  const args = `${hires.getA1Notation()}, ${assumptions.getA1Notation()}, ${upskilling.getA1Notation()}`;
  const summaryRow = HEADER_ROW + hireRows + 3;
  const monthsRow = summaryRow + SUMMARY_ROWS + 3;
  const formulas = {
    summary: `=AI_PLAN_SUMMARY(${args})`,
    warnings: `=AI_PLAN_WARNINGS(${args})`,
    months: `=AI_PLAN(${args})`,
  };
  sheet
    .getRange(summaryRow - 1, 1)
    .setValue("Yearly summary")
    .setFontWeight("bold");
  sheet.getRange(summaryRow, 1).setFormula(formulas.summary);
  sheet
    .getRange(summaryRow - 1, 11)
    .setValue("Ratio warnings")
    .setFontWeight("bold");
  sheet.getRange(summaryRow, 11).setFormula(formulas.warnings);
  sheet
    .getRange(monthsRow - 1, 1)
    .setValue("Month by month")
    .setFontWeight("bold");
  sheet.getRange(monthsRow, 1).setFormula(formulas.months);
  sheet.activate();
  return {
    sheet,
    info: {
      sheetName: sheet.getName(),
      hiresRange: hires.getA1Notation(),
      assumptionsRange: assumptions.getA1Notation(),
      upskillingRange: upskilling.getA1Notation(),
      formulas,
    },
  };
}

function uniqueSheetName(ss: SpreadsheetLike, title: string): string {
  const base =
    title
      .replace(/[[\]*?:/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 90) || "Plan";
  let name = base;
  for (let n = 2; ss.getSheetByName(name); n++) name = `${base} (${n})`;
  return name;
}

function partRange(ss: SpreadsheetLike, sheet: SheetLike, part: Part): RangeLike {
  const range = ss.getRangeByName(rangeName(sheet, part));
  if (!range) {
    throw new Error(
      `"${sheet.getName()}" is not a plan sheet (its ${part.toLowerCase()} range is missing). Select a sheet made by AI Team Planner › Insert plan template, or insert one.`,
    );
  }
  return range;
}

export function isPlanSheet(ss: SpreadsheetLike, sheet: SheetLike): boolean {
  return PARTS.every((p) => ss.getRangeByName(rangeName(sheet, p)) !== null);
}

/**
 * The plan input the sheet holds, read with the same parsers the plan functions use (the hires
 * table, the assumptions block, the upskilling table), then checked whole by the core so every
 * problem is reported at once, naming the sheet row.
 */
export function readPlanInput(
  ss: SpreadsheetLike,
  sheet: SheetLike,
  options: SalaryOptions = {},
): PlanInput {
  try {
    // Date cells (the start date) as the spreadsheet shows them, in its own time zone.
    const value = (part: Part) =>
      inSpreadsheetZone(
        partRange(ss, sheet, part).getValues(),
        ss.getSpreadsheetTimeZone(),
      ) as Cell[][];
    const input = planInputFromRanges(
      { hires: value("HIRES"), assumptions: value("ASSUMPTIONS"), upskilling: value("UPSKILLING") },
      { hires: "Hires", assumptions: "Assumptions", upskilling: "Upskilling" },
    );
    normalizePlan(input, options);
    return input;
  } catch (e) {
    if (isPlannerError(e))
      throw new Error(`The plan on "${sheet.getName()}" cannot be used yet: ${e.message}`, {
        cause: e,
      });
    throw e;
  }
}

/** How each kind of assumption is shown: shares as percentages, months and slips as text. */
const VALUE_FORMATS: Record<AssumptionKind, string> = {
  months: "0",
  percent: "0.00%",
  month: "@",
  calendarMonth: "0",
  slip: "@",
  // A group's rows hold a share and an amount: a plain number reads back as written.
  group: "0.######",
};

/** Replaces the sheet's assumptions and tables with `input` (pulling a model writes it here). */
export function writePlanInput(ss: SpreadsheetLike, sheet: SheetLike, input: PlanInput): void {
  const hires = partRange(ss, sheet, "HIRES");
  const upskilling = partRange(ss, sheet, "UPSKILLING");
  const hireRoom = hires.getNumRows() - 1;
  const upskillingRoom = upskilling.getNumRows() - 1;
  const upskillingList = input.upskilling ?? [];
  if (input.hires.length > hireRoom) {
    throw new Error(
      `The plan has ${input.hires.length} hires but the hires table on "${sheet.getName()}" holds ${hireRoom}; insert rows inside the table (above its last row) and try again.`,
    );
  }
  if (upskillingList.length > upskillingRoom) {
    throw new Error(
      `The plan has ${upskillingList.length} upskilling entries but the table on "${sheet.getName()}" holds ${upskillingRoom}; insert rows inside it and try again.`,
    );
  }
  const block = partRange(ss, sheet, "ASSUMPTIONS");
  const rows = assumptionsBlockRows(input as unknown as Record<string, unknown>, {
    withDefaults: true,
  });
  if (rows.length > block.getNumRows()) {
    throw new Error(
      `The plan sets ${rows.length} assumptions but the block on "${sheet.getName()}" holds ${block.getNumRows()} rows; insert rows inside it and try again.`,
    );
  }
  // Formats first: "2027-01" written into a plain cell would become a date.
  rows.forEach((r, i) =>
    sheet
      .getRange(block.getRow() + i, block.getColumn() + 1)
      .setNumberFormat(VALUE_FORMATS[r.spec.kind]),
  );
  writeBody(
    block,
    rows.map((r) => r.row.map((cell) => (typeof cell === "string" ? asText(cell) : cell))),
    2,
    0,
  );

  // Names are the plan's author's text: written as text, never as a formula (sheet-text.ts).
  const hireRows = input.hires.map((h) => [
    asText(h.role),
    asText(h.level),
    asText(h.location ?? ""),
    h.startMonth,
    h.count ?? 1,
    h.salary ?? "",
    h.recruitingCost ?? "",
    asText(h.channel ?? ""),
  ]);
  writeBody(hires, hireRows, HIRE_HEADER.length);
  const upskillingRows = upskillingList.map((u) => [
    asText(u.path),
    u.people,
    u.startMonth,
    u.costPerPerson ?? "",
  ]);
  writeBody(upskilling, upskillingRows, UPSKILLING_HEADER.length);
}

/** Rows under the header row (or from the top, `header` 0), the rest of the table blanked. */
function writeBody(table: RangeLike, rows: unknown[][], width: number, header = 1): void {
  const room = table.getNumRows() - header;
  const body = table.getSheet().getRange(table.getRow() + header, table.getColumn(), room, width);
  const blank = Array.from({ length: room - rows.length }, () => Array<unknown>(width).fill(""));
  body.setValues([...rows, ...blank]);
}

/** A fingerprint of a plan input: tells local edits apart from the version last published or pulled. */
export function inputFingerprint(input: PlanInput): string {
  return contentHash(stableStringify(input));
}
