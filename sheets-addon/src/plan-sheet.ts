import {
  contentHash,
  isPlannerError,
  normalizePlan,
  planInputFromArgs,
  stableStringify,
  type Cell,
  type PlanInput,
  type WorkspaceBand,
} from "../../shared/index.js";
import type { RangeLike, SheetLike, SpreadsheetLike } from "./apps-script.js";
import { asText } from "./sheet-text.js";

/**
 * A plan sheet: assumption cells, a hires table and an upskilling table, with live AI_PLAN_SUMMARY,
 * AI_PLAN_WARNINGS and AI_PLAN formulas over them. Named ranges mark the parts, so reading the plan
 * back (to publish it) still works after someone inserts rows or moves things around.
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

const PARTS = ["HIRES", "UPSKILLING", "HORIZON", "BENEFITS", "RAISE", "START"] as const;
type Part = (typeof PARTS)[number];

export function rangeName(sheet: SheetLike, part: Part): string {
  return `ATP_${sheet.getSheetId()}_${part}`;
}

const TITLE_ROW = 1;
const ASSUMPTIONS_ROW = 4;
const TABLES_ROW = 10;
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
    .getRange(ASSUMPTIONS_ROW + 1, 1, 4, 1)
    .setValues([
      ["Horizon (months)"],
      ["Benefits rate"],
      ["Annual raise"],
      ["Start month (YYYY-MM, optional)"],
    ]);
  const cells: Record<Exclude<Part, "HIRES" | "UPSKILLING">, RangeLike> = {
    HORIZON: sheet.getRange(ASSUMPTIONS_ROW + 1, 2),
    BENEFITS: sheet.getRange(ASSUMPTIONS_ROW + 2, 2).setNumberFormat("0.00%"),
    RAISE: sheet.getRange(ASSUMPTIONS_ROW + 3, 2).setNumberFormat("0.00%"),
    START: sheet.getRange(ASSUMPTIONS_ROW + 4, 2).setNumberFormat("@"),
  };

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

  const named: Record<Part, RangeLike> = { HIRES: hires, UPSKILLING: upskilling, ...cells };
  for (const part of PARTS) ss.setNamedRange(rangeName(sheet, part), named[part]);
  writePlanInput(ss, sheet, spec.input);

  // Live formulas over the same cells: the sheet recalculates as soon as a hire changes.
  const args = `${hires.getA1Notation()}, ${cells.HORIZON.getA1Notation()}, ${cells.BENEFITS.getA1Notation()}, ${cells.RAISE.getA1Notation()}, ${cells.START.getA1Notation()}, ${upskilling.getA1Notation()}`;
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

const single = (r: RangeLike): Cell => r.getValues()[0]?.[0] as Cell;

/**
 * The plan input the sheet holds, read with the same coercion custom functions use, then checked
 * whole by the core so every problem is reported at once, naming the sheet row.
 */
export function readPlanInput(
  ss: SpreadsheetLike,
  sheet: SheetLike,
  bands?: readonly WorkspaceBand[],
): PlanInput {
  try {
    const value = (part: Part) => partRange(ss, sheet, part).getValues() as Cell[][];
    const input = planInputFromArgs(
      [
        value("HIRES"),
        single(partRange(ss, sheet, "HORIZON")),
        single(partRange(ss, sheet, "BENEFITS")),
        single(partRange(ss, sheet, "RAISE")),
        single(partRange(ss, sheet, "START")),
        value("UPSKILLING"),
      ],
      {
        hires: "Hires",
        horizon: "Horizon (months)",
        benefits: "Benefits rate",
        raise: "Annual raise",
        start: "Start month",
        upskilling: "Upskilling",
      },
    );
    normalizePlan(input, { bands });
    return input;
  } catch (e) {
    if (isPlannerError(e))
      throw new Error(`The plan on "${sheet.getName()}" cannot be used yet: ${e.message}`, {
        cause: e,
      });
    throw e;
  }
}

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
  partRange(ss, sheet, "HORIZON").setValue(input.horizonMonths ?? 24);
  partRange(ss, sheet, "BENEFITS").setValue(input.benefitsRate ?? 0);
  partRange(ss, sheet, "RAISE").setValue(input.annualRaise ?? 0);
  partRange(ss, sheet, "START").setValue(asText(input.startDate ?? ""));

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

/** Rows under the header row, the rest of the table blanked. */
function writeBody(table: RangeLike, rows: unknown[][], width: number): void {
  const room = table.getNumRows() - 1;
  const body = table.getSheet().getRange(table.getRow() + 1, table.getColumn(), room, width);
  const blank = Array.from({ length: room - rows.length }, () => Array<unknown>(width).fill(""));
  body.setValues([...rows, ...blank]);
}

/** A fingerprint of a plan input: tells local edits apart from the version last published or pulled. */
export function inputFingerprint(input: PlanInput): string {
  return contentHash(stableStringify(input));
}
