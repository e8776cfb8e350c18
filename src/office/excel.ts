/**
 * Everything the task pane does to a workbook: insert tables and formulas at the selection, read the selected cells and
 * the cells their formulas refer to, and freeze KC formulas to values (freeze.ts) and back. The pane reaches the
 * workbook through this module only.
 */
import { asConstant, asText, type Cell } from "./cells";

export { a1, columnName, isKcFormula, topLeft, type Area, type Cell } from "./cells";
export { freezeKcFormulas, FROZEN_SHEET } from "./freeze";
export { applyRestore, planRestore, restoreKcFormulas, type RestorePlan, type RestoreRow, type Skipped, type SkipReason } from "./restore";
export { AUDITED_AREAS, selectedCells, watchSelection, type SelectedCell } from "./selection";

/** A formula the add-in wrote itself. Any other text is written as text, whatever it starts with. */
export type Formula = { readonly formula: string };
export const formula = (text: string): Formula => ({ formula: text });

export type SheetTable = {
  readonly name: string;
  readonly header: readonly string[];
  /** Rows of values and formulas. Text from the dataset never becomes a formula, even "=HYPERLINK(…)". */
  readonly rows: readonly (readonly (Cell | Formula)[])[];
  /** An Excel number format per column ("General", "#,##0.00", "0.0%", "yyyy-mm-dd"). */
  readonly formats: readonly string[];
};

/** A table cell as written: a formula as a formula, every other value as the constant it is. */
function asWritten(cell: Cell | Formula): Cell {
  return typeof cell === "object" ? cell.formula : asConstant(cell);
}

/** Writes `table` as a formatted Excel table whose top-left is the selected cell; returns its address. */
export async function insertTable(context: Excel.RequestContext, table: SheetTable): Promise<string> {
  const anchor = context.workbook.getSelectedRange().getCell(0, 0);
  const range = anchor.getResizedRange(table.rows.length, table.header.length - 1);
  range.formulas = [table.header.map(asText), ...table.rows.map((row) => row.map(asWritten))] as unknown as Cell[][];
  range.load("address");
  await context.sync();
  const created = range.worksheet.tables.add(range.address, true);
  created.name = `${table.name}_${Date.now().toString(36)}`;
  // A column's body is rows × 1: Excel takes an array of exactly that shape.
  table.formats.forEach((format, i) => {
    created.columns.getItemAt(i).getDataBodyRange().numberFormat = table.rows.map(() => [format]);
  });
  range.format.autofitColumns();
  await context.sync();
  return range.address;
}

/** Puts `formula` into the selected cell (the top-left one if a range is selected). */
export async function insertFormula(context: Excel.RequestContext, formula: string): Promise<string> {
  const cell = context.workbook.getSelectedRange().getCell(0, 0);
  cell.formulas = [[formula]];
  cell.load("address");
  await context.sync();
  return cell.address;
}

/** Whether an A1 address ("B7", "$XFD$1048576") lies on an Excel sheet. */
function onSheet(address: string): boolean {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address);
  if (!m) return false;
  const column = [...(m[1] as string).toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  return column <= 16_384 && row >= 1 && row <= 1_048_576;
}

/**
 * The values of the given single-cell references ("A1", "Sheet2!$B$3"), read from the active sheet or the one named, in
 * one sync (two where a sheet is named).
 * A reference to a sheet that does not exist, or past the sheet's edge, is left out: the audit then says the value is
 * known only in the workbook.
 */
export async function readCells(context: Excel.RequestContext, references: readonly string[]): Promise<Map<string, Cell>> {
  const active = context.workbook.worksheets.getActiveWorksheet();
  const parsed = references
    .map((ref) => {
      const bang = ref.lastIndexOf("!");
      const name = bang >= 0 ? ref.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : null;
      return { ref, name, address: (bang >= 0 ? ref.slice(bang + 1) : ref).replace(/\$/g, "") };
    })
    .filter((r) => onSheet(r.address));
  const sheets = new Map([...new Set(parsed.map((r) => r.name).filter((n): n is string => n !== null))].map((n) => [n, context.workbook.worksheets.getItemOrNullObject(n)]));
  // Only references to named sheets need a round trip to learn which sheets exist.
  if (sheets.size) await context.sync();
  const ranges = parsed.flatMap(({ ref, name, address }) => {
    // Only a sheet got by name can be missing; isNullObject is known only after a sync that included the object.
    const sheet = name === null ? active : sheets.get(name);
    if (!sheet || (name !== null && sheet.isNullObject)) return [];
    const range = sheet.getRange(address);
    range.load("values");
    return [[ref, range] as const];
  });
  if (ranges.length) await context.sync();
  return new Map(ranges.map(([ref, range]) => [ref.replace(/\$/g, "").toUpperCase(), range.values[0]?.[0] as Cell]));
}

