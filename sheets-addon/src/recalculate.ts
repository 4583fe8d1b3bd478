import { CATALOGUE } from "../../shared/index.js";
import type { SheetLike, SpreadsheetAppLike, SpreadsheetLike } from "./apps-script.js";

/** Any call of a function of ours: =AI_SALARY(…), =ROUND(AI_PLAN_COST(…), 0), … */
const OUR_CALL = new RegExp(`\\b(?:${CATALOGUE.map((e) => e.name).join("|")})\\s*\\(`, "i");

export interface Recalculated {
  /** Formulas of ours re-entered. */
  formulas: number;
  /** Cells whose value differs afterwards (spilled table cells included). */
  changedCells: number;
}

/**
 * Makes every formula of ours recalculate: Sheets recalculates a custom function only when its
 * formula or an argument changes, so data refreshed behind it (workspace bands, a pulled model)
 * would leave old values in place. Each such formula is cleared and entered again, then the
 * values of the sheets holding them are compared with before, so the sidebar can say how many
 * cells changed. `before` runs once the formulas are found (e.g. to drop cached results).
 */
export function recalculateOurFormulas(
  spreadsheetApp: SpreadsheetAppLike,
  ss: SpreadsheetLike,
  matches: (formula: string) => boolean = (f) => OUR_CALL.test(f),
  before?: (formulas: string[]) => void,
): Recalculated {
  const sheets: { sheet: SheetLike; values: unknown[][] }[] = [];
  const cells: { sheet: SheetLike; row: number; col: number; formula: string }[] = [];
  for (const sheet of ss.getSheets()) {
    const range = sheet.getDataRange();
    let found = false;
    range.getFormulas().forEach((line, r) =>
      line.forEach((formula, c) => {
        if (!formula || !matches(formula)) return;
        found = true;
        cells.push({ sheet, row: range.getRow() + r, col: range.getColumn() + c, formula });
      }),
    );
    if (found) sheets.push({ sheet, values: range.getValues() });
  }
  if (!cells.length) return { formulas: 0, changedCells: 0 };
  before?.(cells.map((c) => c.formula));
  for (const cell of cells) cell.sheet.getRange(cell.row, cell.col).setFormula("");
  spreadsheetApp.flush();
  for (const cell of cells) cell.sheet.getRange(cell.row, cell.col).setFormula(cell.formula);
  spreadsheetApp.flush();
  let changedCells = 0;
  for (const { sheet, values } of sheets) {
    const after = sheet.getDataRange().getValues();
    const rows = Math.max(values.length, after.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(values[r]?.length ?? 0, after[r]?.length ?? 0);
      for (let c = 0; c < cols; c++)
        if (!sameValue(values[r]?.[c] ?? "", after[r]?.[c] ?? "")) changedCells++;
    }
  }
  return { formulas: cells.length, changedCells };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
