import {
  PLAN_ASSUMPTIONS,
  assumptionsBlockRows,
  contentHash,
  isPlannerError,
  normalizePlan,
  parseSlip,
  planInputFromRanges,
  stableStringify,
  type AssumptionKind,
  type Cell,
  type PlanInput,
  type SalaryOptions,
  type TeamInput,
} from "../../shared/index.js";
import type { RangeLike, SheetLike, SpreadsheetLike } from "./apps-script.js";
import { asText } from "./sheet-text.js";
import { inSpreadsheetZone } from "./sheet-dates.js";

/**
 * A plan sheet: an assumptions block (label | value rows, the API's plan-body names), the team
 * already employed beside it, a hires table and an upskilling table, with live AI_PLAN_SUMMARY,
 * AI_PLAN_WARNINGS, AI_PLAN_DEPARTMENTS and AI_PLAN formulas over them. Named ranges mark the parts, so reading the plan back (to publish it) still works
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
  "End month",
  "FTE",
  "Type",
  "Monthly rate",
  "Department",
  "Bonus rate",
  "Equity rate",
  "Slip min",
  "Slip max",
];
/** Only a hire starts (and may start late): the team is paid from month 1. */
const HIRE_ONLY = ["Start month", "Slip min", "Slip max"];
/** The people already employed: a hire's columns without a start month or slip. */
export const TEAM_HEADER = HIRE_HEADER.filter((h) => !HIRE_ONLY.includes(h));
export const UPSKILLING_HEADER = ["Path", "People", "Start month", "Cost per person", "Department"];

/** Every plan sheet has these; TEAM only those inserted since the team table came (older ones read as no team). */
const PARTS = ["HIRES", "UPSKILLING", "ASSUMPTIONS"] as const;
type Part = (typeof PARTS)[number] | "TEAM";

export function rangeName(sheet: SheetLike, part: Part): string {
  return `ATP_${sheet.getSheetId()}_${part}`;
}

const TITLE_ROW = 1;
const ASSUMPTIONS_ROW = 4;
/** Room for every assumption, a slip given as Slip min and Slip max, and one spare row. */
const ASSUMPTION_ROWS = PLAN_ASSUMPTIONS.length + 2;
const TABLES_ROW = ASSUMPTIONS_ROW + ASSUMPTION_ROWS + 2;
const HEADER_ROW = TABLES_ROW + 1;
const TEAM_COL = 4; // D: beside the assumptions block (A:B), one column apart
const UPSKILLING_COL = HIRE_HEADER.length + 2; // beside the hires table, one column apart
/** The yearly summary holds at most 11 plan years (fiscal years may be partial) + header + Total. */
const SUMMARY_ROWS = 13;
/** The summary's widest table: Year, Months, 9 cost lines, Total, End headcount, End FTE, Run-rate. */
const SUMMARY_COLS = 15;

/** Column (1-based) of a header in a table starting at `first`. */
const col = (header: readonly string[], name: string, first = 1) => first + header.indexOf(name);

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
  teamRange: string;
  formulas: { summary: string; warnings: string; departments: string; months: string };
}

/** A new sheet laid out for `spec.input`, with room to add hires; returns where everything is. */
export function insertPlanSheet(
  ss: SpreadsheetLike,
  spec: PlanSheetSpec,
): { sheet: SheetLike; info: PlanSheetInfo } {
  const sheet = ss.insertSheet(uniqueSheetName(ss, spec.title));
  const hireRows = Math.max(30, spec.input.hires.length + 10);
  const upskillingRows = Math.max(10, (spec.input.upskilling?.length ?? 0) + 5);
  // The team table sits beside the assumptions block and has its height.
  const teamRows = ASSUMPTION_ROWS - 1;

  sheet.getRange(TITLE_ROW, 1).setValue(asText(spec.title)).setFontWeight("bold");
  sheet.getRange(TITLE_ROW + 1, 1).setValue(asText(spec.subtitle));
  sheet.getRange(ASSUMPTIONS_ROW, 1).setValue("Assumptions").setFontWeight("bold");
  sheet
    .getRange(ASSUMPTIONS_ROW + ASSUMPTION_ROWS + 1, 1)
    .setValue(
      `Assumptions: label | value rows; add any of: ${PLAN_ASSUMPTIONS.map((a) => a.label).join(", ")} (payroll tax as the rows Payroll tax rate and Payroll tax wage base). A blank row is ignored; a label left out takes its default.`,
    );
  const assumptions = sheet.getRange(ASSUMPTIONS_ROW + 1, 1, ASSUMPTION_ROWS, 2);
  sheet
    .getRange(ASSUMPTIONS_ROW, TEAM_COL)
    .setValue("Team already employed (paid from month 1, no recruiting; Salary required)")
    .setFontWeight("bold");
  const team = sheet.getRange(ASSUMPTIONS_ROW + 1, TEAM_COL, teamRows + 1, TEAM_HEADER.length);
  sheet
    .getRange(ASSUMPTIONS_ROW + 1, TEAM_COL, 1, TEAM_HEADER.length)
    .setValues([TEAM_HEADER])
    .setFontWeight("bold");

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
  // Money as money, shares as percentages, in both people tables.
  const formats: [RangeLike, readonly string[], number, number][] = [
    [hires, HIRE_HEADER, 1, hireRows],
    [team, TEAM_HEADER, TEAM_COL, teamRows],
  ];
  for (const [table, header, first, rows] of formats) {
    const row = table.getRow() + 1;
    for (const name of ["Salary", "Recruiting cost", "Monthly rate"])
      sheet.getRange(row, col(header, name, first), rows, 1).setNumberFormat("$#,##0.00");
    sheet.getRange(row, col(header, "Bonus rate", first), rows, 2).setNumberFormat("0.00%");
  }
  sheet
    .getRange(
      HEADER_ROW + 1,
      col(UPSKILLING_HEADER, "Cost per person", UPSKILLING_COL),
      upskillingRows,
      1,
    )
    .setNumberFormat("$#,##0.00");
  sheet.setFrozenRows(0);

  const named: Record<Part, RangeLike> = {
    HIRES: hires,
    UPSKILLING: upskilling,
    ASSUMPTIONS: assumptions,
    TEAM: team,
  };
  for (const part of [...PARTS, "TEAM"] as const)
    ss.setNamedRange(rangeName(sheet, part), named[part]);
  writePlanInput(ss, sheet, spec.input);

  // Live formulas over the same cells: the sheet recalculates as soon as a hire changes.
  const args = `${hires.getA1Notation()}, ${assumptions.getA1Notation()}`;
  const rest = `${upskilling.getA1Notation()}, ${team.getA1Notation()}`;
  const summaryRow = HEADER_ROW + hireRows + 3;
  const monthsRow = summaryRow + SUMMARY_ROWS + 3;
  const formulas = {
    summary: `=AI_PLAN_SUMMARY(${args}, ${rest})`,
    warnings: `=AI_PLAN_WARNINGS(${args}, ${rest})`,
    departments: `=AI_PLAN_DEPARTMENTS(${args}, "totals", ${rest})`,
    months: `=AI_PLAN(${args}, ${rest})`,
  };
  sheet
    .getRange(summaryRow - 1, 1)
    .setValue("Yearly summary")
    .setFontWeight("bold");
  sheet.getRange(summaryRow, 1).setFormula(formulas.summary);
  // Beside the widest summary: warnings, then the department breakdown under them.
  const sideCol = SUMMARY_COLS + 2;
  sheet
    .getRange(summaryRow - 1, sideCol)
    .setValue("Ratio warnings")
    .setFontWeight("bold");
  sheet.getRange(summaryRow, sideCol).setFormula(formulas.warnings);
  sheet
    .getRange(summaryRow + 4, sideCol)
    .setValue("By department")
    .setFontWeight("bold");
  sheet.getRange(summaryRow + 5, sideCol).setFormula(formulas.departments);
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
      teamRange: team.getA1Notation(),
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
    const team = ss.getRangeByName(rangeName(sheet, "TEAM"));
    const input = planInputFromRanges(
      {
        hires: value("HIRES"),
        assumptions: value("ASSUMPTIONS"),
        upskilling: value("UPSKILLING"),
        team: team
          ? (inSpreadsheetZone(team.getValues(), ss.getSpreadsheetTimeZone()) as Cell[][])
          : "",
      },
      { hires: "Hires", assumptions: "Assumptions", upskilling: "Upskilling", team: "Team" },
    );
    // A sheet without a team leaves the input as it was before the team came (same fingerprint).
    if (!input.team?.length) delete input.team;
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

  const teamList = input.team ?? [];
  const team = ss.getRangeByName(rangeName(sheet, "TEAM"));
  if (teamList.length && (!team || teamList.length > team.getNumRows() - 1)) {
    throw new Error(
      team
        ? `The plan has ${teamList.length} team rows but the team table on "${sheet.getName()}" holds ${team.getNumRows() - 1}; insert rows inside it (above its last row) and try again.`
        : `The plan has a team already employed, and "${sheet.getName()}" has no team table (it was inserted before there was one); open the model again to get a sheet with one.`,
    );
  }

  writeBody(hires, input.hires.map(hireRow), HIRE_HEADER.length);
  if (team) writeBody(team, teamList.map(teamRow), TEAM_HEADER.length);
  const upskillingRows = upskillingList.map((u) => [
    asText(u.path),
    u.people,
    u.startMonth,
    u.costPerPerson ?? "",
    asText(u.department ?? ""),
  ]);
  writeBody(upskilling, upskillingRows, UPSKILLING_HEADER.length);
}

/** A person's cells in the people tables' order; names are the author's text, written as text (sheet-text.ts). */
function personCells(p: TeamInput): Record<string, unknown> {
  const blank = (v: unknown) => (v === undefined || v === null ? "" : v);
  return {
    Role: asText(p.role),
    Level: asText(blank(p.level)),
    Location: asText(blank(p.location)),
    Count: p.count ?? 1,
    Salary: blank(p.salary),
    "Recruiting cost": blank(p.recruitingCost),
    Channel: asText(blank(p.channel)),
    "End month": blank(p.endMonth),
    FTE: blank(p.fte),
    Type: blank(p.type),
    "Monthly rate": blank(p.monthlyRate),
    Department: asText(blank(p.department)),
    "Bonus rate": blank(p.bonusRate),
    "Equity rate": blank(p.equityRate),
  };
}

function hireRow(h: PlanInput["hires"][number]): unknown[] {
  const slip =
    h.slipMonths === undefined || h.slipMonths === null
      ? null
      : parseSlip(h.slipMonths, "slipMonths");
  const cells = {
    ...personCells(h),
    "Start month": h.startMonth,
    "Slip min": slip ? slip.min : "",
    "Slip max": slip ? slip.max : "",
  };
  return HIRE_HEADER.map((name) => cells[name as keyof typeof cells]);
}

function teamRow(t: TeamInput): unknown[] {
  const cells = personCells(t);
  return TEAM_HEADER.map((name) => cells[name]);
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
