/**
 * Everything the task pane does to a workbook: insert tables and formulas at the selection, read the selected
 * formula, and freeze KC formulas to values (recorded on a hidden sheet so they can be restored).
 */
export type Cell = string | number | boolean;
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

export const FROZEN_SHEET = "KC_Frozen";
const KC_CALL = /(^|[^A-Za-z0-9_.])KC\.[A-Za-z]+\s*\(/i;

export function isKcFormula(formula: unknown): formula is string {
  return typeof formula === "string" && formula.startsWith("=") && KC_CALL.test(formula);
}

/** Column letters for a zero-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** "Sheet1!B3" or "B3:D9" → the top-left cell's zero-based row and column. */
export function topLeft(address: string): { row: number; column: number } {
  const cell = (address.split("!").pop() ?? "").split(":")[0]?.replace(/\$/g, "") ?? "";
  const match = /^([A-Z]+)(\d+)$/i.exec(cell);
  if (!match) throw new Error(`not a cell address: ${address}`);
  const column = [...(match[1] as string).toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, column };
}

/** Writes `table` as a formatted Excel table whose top-left is the selected cell; returns its address. */
/** Text Excel would read as a formula ("+24%", "-0.1 pp", "@x") is written with the apostrophe that keeps it text. */
function asText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** A value as Excel showed it, written back as the same constant (text stays text, even "-1.97B …"). */
function asConstant(value: Cell): Cell {
  return typeof value === "string" ? asText(value) : value;
}

/** A table cell as written: a formula as a formula, every other value as the constant it is. */
function asWritten(cell: Cell | Formula): Cell {
  return typeof cell === "object" ? cell.formula : asConstant(cell);
}

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
 * The values of the given single-cell references ("A1", "Sheet2!$B$3"), read from the active sheet or the one named.
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
  await context.sync();
  const ranges = parsed.flatMap(({ ref, name, address }) => {
    const sheet = name === null ? active : sheets.get(name);
    if (!sheet || sheet.isNullObject) return [];
    const range = sheet.getRange(address);
    range.load("values");
    return [[ref, range] as const];
  });
  await context.sync();
  return new Map(ranges.map(([ref, range]) => [ref.replace(/\$/g, "").toUpperCase(), range.values[0]?.[0] as Cell]));
}

/** The selected cell's address, formula and value. */
export async function selectedFormula(context: Excel.RequestContext): Promise<{ address: string; formula: string; value: Cell }> {
  const cell = context.workbook.getSelectedRange().getCell(0, 0);
  cell.load(["address", "formulas", "values"]);
  await context.sync();
  return { address: cell.address, formula: String(cell.formulas[0]?.[0] ?? ""), value: cell.values[0]?.[0] as Cell };
}

async function recordSheet(context: Excel.RequestContext): Promise<Excel.Worksheet> {
  const existing = context.workbook.worksheets.getItemOrNullObject(FROZEN_SHEET);
  await context.sync();
  if (!existing.isNullObject) return existing;
  const sheet = context.workbook.worksheets.add(FROZEN_SHEET);
  sheet.getRange("A1:E1").values = [["Sheet", "Cell", "Formula", "Frozen at", "Spilled range"]];
  sheet.visibility = Excel.SheetVisibility.veryHidden;
  return sheet;
}

/**
 * Replaces the KC formulas in the selection (or the active sheet's used range) by their values; returns how many.
 * A formula that spills (KC.HISTORY, KC.STATEMENT, …) is replaced by its whole spilled block of values, so nothing
 * it showed is lost; restoring the formula in its anchor cell spills it again.
 */
export async function freezeKcFormulas(context: Excel.RequestContext, scope: "selection" | "sheet"): Promise<number> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  const range = scope === "sheet" ? sheet.getUsedRange(true) : context.workbook.getSelectedRange();
  range.load(["address", "formulas", "values"]);
  sheet.load("name");
  await context.sync();
  const origin = topLeft(range.address);
  const found: { address: string; formula: string; value: Cell; cell: Excel.Range; spill: Excel.Range }[] = [];
  range.formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      if (!isKcFormula(formula)) return;
      const cell = range.getCell(r, c);
      const spill = cell.getSpillingToRangeOrNullObject();
      spill.load(["values", "address"]);
      found.push({ address: `${columnName(origin.column + c)}${origin.row + r + 1}`, formula, value: range.values[r]?.[c] as Cell, cell, spill });
    }),
  );
  if (found.length === 0) return 0;
  await context.sync();
  const frozenAt = new Date().toISOString();
  for (const item of found) {
    // Writing a block's own values over it replaces the anchor's formula with the value it showed.
    const block = item.spill.isNullObject ? null : item.spill.values;
    if (block) item.spill.values = block.map((row) => row.map(asConstant));
    else item.cell.values = [[asConstant(item.value)]];
  }
  const log = await recordSheet(context);
  const used = log.getUsedRange(true);
  used.load("rowCount");
  await context.sync();
  // The formulas are recorded as text: written plainly, "=KC…" would be a live formula on the record sheet.
  log.getRange(`A${used.rowCount + 1}:E${used.rowCount + found.length}`).values = found.map((f) =>
    [sheet.name, f.address, f.formula, frozenAt, f.spill.isNullObject ? "" : (f.spill.address.split("!").pop() ?? "")].map(asText),
  );
  await context.sync();
  return found.length;
}

/**
 * Writes back every formula the freeze recorded and clears the record. A formula whose sheet no longer exists (renamed
 * or deleted) is not lost: its record stays for a later restore, and its sheet is named in `missing`.
 */
export async function restoreKcFormulas(context: Excel.RequestContext): Promise<{ restored: number; missing: string[] }> {
  const log = context.workbook.worksheets.getItemOrNullObject(FROZEN_SHEET);
  await context.sync();
  if (log.isNullObject) return { restored: 0, missing: [] };
  const used = log.getUsedRange(true);
  used.load("values");
  await context.sync();
  const records = used.values.slice(1).filter((row) => row[0] && row[1] && isKcFormula(row[2]));
  const sheets = new Map([...new Set(records.map((row) => String(row[0])))].map((name) => [name, context.workbook.worksheets.getItemOrNullObject(name)]));
  await context.sync();
  const present = (row: Cell[]) => !(sheets.get(String(row[0]))?.isNullObject ?? true);
  const restore = records.filter(present);
  const keep = records.filter((row) => !present(row));
  for (const [sheet, address, formula, , spilled] of restore) {
    const target = sheets.get(String(sheet)) as Excel.Worksheet;
    // The frozen values of a spilled block would block the formula from spilling again: clear them first.
    if (spilled) target.getRange(String(spilled)).clear(Excel.ClearApplyTo.contents);
    target.getRange(String(address)).formulas = [[String(formula)]];
  }
  used.getOffsetRange(1, 0).clear();
  if (keep.length) log.getRange(`A2:E${keep.length + 1}`).values = keep.map((row) => row.slice(0, 5).map((v) => asConstant(v as Cell)));
  await context.sync();
  return { restored: restore.length, missing: [...new Set(keep.map((row) => String(row[0])))] };
}

/** Calls `handler` whenever the selection moves; returns a function that stops listening. */
export async function watchSelection(context: Excel.RequestContext, handler: () => void): Promise<() => Promise<void>> {
  const subscription = context.workbook.onSelectionChanged.add(async () => handler());
  await context.sync();
  return async () => {
    subscription.remove();
    await context.sync();
  };
}
