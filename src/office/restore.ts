/**
 * Restoring the KC formulas a freeze recorded on KC_Frozen. The record is workbook content anyone who had the file could
 * have written, so each row is checked before anything is written: the formula must parse and call KC functions only
 * (data/kc-formula.ts), the cell must be one plain cell on an existing sheet, and the cell (with its spilled block) must
 * still show what was frozen there. planRestore reads and checks; applyRestore checks again and writes. A row that
 * fails is skipped with its reason and stays on the record; the rest are restored.
 */
import { checkKcFormula } from "../data/kc-formula";
import type { SkipReason } from "../data/messages";
import { a1, topLeft, type Area, type Cell } from "./cells";
import { Fingerprint, FINGERPRINT } from "./fingerprint";
import { FROZEN_SHEET, RECORD_HEADER, rowRuns, writeRecordRows } from "./freeze";
import { Batches, readAreas, readRows } from "./payload";

/** A row that will be restored: where, the formula as it will be written, and the block it clears first. */
export type RestoreRow = {
  /** Its row on KC_Frozen (1 is the header). */
  readonly row: number;
  readonly sheet: string;
  readonly cell: string;
  readonly formula: string;
  readonly spilled: string;
  /** Old KC names written as their new ones ("KC.VALUE → KC.FIGURE"). */
  readonly renamed: readonly string[];
  /** Recorded before frozen values were fingerprinted: restored only because its cells are empty. */
  readonly unchecked: boolean;
};

/** Why a row is not restored: a code and what it names (data/messages.ts words it). */
export type { SkipReason };

export type Skipped = { readonly row: number; readonly reason: SkipReason };
export type RestorePlan = { readonly rows: readonly RestoreRow[]; readonly skipped: readonly Skipped[] };

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** No KC function spills near this many cells; a larger recorded block is refused rather than cleared. */
const MAX_SPILL_CELLS = 100_000;
/** The cells one restore compares at most; rows past it wait for the next restore. */
export const MAX_RESTORE_CELLS = 1_000_000;
const PLAIN_CELL = /^\$?[A-Za-z]{1,3}\$?\d{1,7}$/;
const PLAIN_BLOCK = /^([A-Za-z]{1,3}\d{1,7}):([A-Za-z]{1,3}\d{1,7})$/;

const onGrid = (at: { row: number; column: number }) => at.row >= 0 && at.row < MAX_ROWS && at.column >= 0 && at.column < MAX_COLUMNS;

/** A plain single-cell address ("C5", "$C$5") on the grid, or null. */
function cellOf(text: string): { row: number; column: number } | null {
  if (!PLAIN_CELL.test(text)) return null;
  const at = topLeft(text);
  return onGrid(at) ? at : null;
}

/** A recorded spilled block: a plain "A1:C3" on the grid whose top-left is the formula's cell; null if it is not. */
function spillOf(text: string, cell: { row: number; column: number }): Area | null {
  const m = PLAIN_BLOCK.exec(text);
  if (!m) return null;
  const from = topLeft(m[1] as string);
  const to = topLeft(m[2] as string);
  const area = { row: from.row, column: from.column, rows: to.row - from.row + 1, columns: to.column - from.column + 1 };
  const fits = onGrid(to) && area.rows >= 1 && area.columns >= 1 && area.rows * area.columns <= MAX_SPILL_CELLS;
  return fits && from.row === cell.row && from.column === cell.column ? area : null;
}

/** A row that passed the checks of its text, waiting for its cells to be compared. */
type Candidate = RestoreRow & { readonly area: Area; readonly fingerprint: string };

/** Reads KC_Frozen's rows (and, for the caller, its used size); null where the workbook has no record. */
async function readRecord(context: Excel.RequestContext) {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  // Excel's sheet names ignore case, as getItem does.
  const names = new Map(worksheets.items.map((s) => [s.name.toLowerCase(), s.name]));
  if (!names.has(FROZEN_SHEET.toLowerCase())) return null;
  const log = worksheets.getItem(FROZEN_SHEET);
  const used = log.getUsedRange(true).load("rowCount,columnCount");
  const records: Cell[][] = [];
  await readRows(context, log, { row: 1, column: 0, columns: RECORD_HEADER.length, rows: () => used.rowCount - 1 }, "values", (rows) => rows.forEach((row) => records.push(row as Cell[])));
  return { names, log, used, records };
}

/** Checks each record row's text, newest first so that of two rows for one cell the later freeze wins. */
function checkRows(records: readonly Cell[][], names: ReadonlyMap<string, string>, limit: number): { candidates: Candidate[]; skipped: Skipped[] } {
  const candidates: Candidate[] = [];
  const skipped: Skipped[] = [];
  const claimed = new Map<string, number>();
  let cells = 0;
  for (let index = records.length - 1; index >= 0; index--) {
    const record = records[index] as Cell[];
    const row = index + 2;
    const [sheetText = "", cellText = "", formulaText = "", , spillText = "", printText = ""] = RECORD_HEADER.map((_, i) => String(record[i] ?? "").trim());
    const skip = (reason: SkipReason) => void skipped.push({ row, reason });
    if (!sheetText && !cellText && !formulaText) continue;
    if (!sheetText || !cellText || !formulaText) {
      skip({ code: "incomplete" });
      continue;
    }
    const checked = checkKcFormula(String(record[2]));
    if (!checked.ok) {
      skip({ code: "refused", formula: String(record[2]), refusal: checked });
      continue;
    }
    const cell = cellOf(cellText);
    if (!cell) {
      skip({ code: "bad_cell", text: cellText });
      continue;
    }
    const area = spillText ? spillOf(spillText, cell) : { ...cell, rows: 1, columns: 1 };
    if (!area) {
      skip({ code: "bad_spill", text: spillText });
      continue;
    }
    if (printText && !FINGERPRINT.test(printText)) {
      skip({ code: "bad_fingerprint" });
      continue;
    }
    const sheet = names.get(sheetText.toLowerCase());
    if (sheet === undefined || sheet === FROZEN_SHEET) {
      skip({ code: sheet === undefined ? "no_sheet" : "record_sheet", sheet: sheetText });
      continue;
    }
    if (cells + area.rows * area.columns > limit) {
      skip({ code: "later", limit });
      continue;
    }
    cells += area.rows * area.columns;
    const keys: string[] = [];
    for (let r = 0; r < area.rows; r++) for (let c = 0; c < area.columns; c++) keys.push(`${sheet}!${area.row + r},${area.column + c}`);
    const taken = keys.find((key) => claimed.has(key));
    if (taken !== undefined) {
      skip({ code: "overlap", address: `${sheet}!${a1({ ...area, rows: 1, columns: 1 })}`, other: claimed.get(taken) as number });
      continue;
    }
    keys.forEach((key) => claimed.set(key, row));
    const unchecked = printText === "";
    candidates.push({ row, sheet, cell: a1({ ...cell, rows: 1, columns: 1 }), formula: checked.formula, spilled: spillText ? a1(area) : "", renamed: checked.renamed, unchecked, area, fingerprint: printText });
  }
  return { candidates: candidates.reverse(), skipped: skipped.reverse() };
}

/**
 * Compares each candidate's cells with what was frozen there: the fingerprint of their values now against the one
 * recorded; for an old record without one, its cells must be empty. Reads each sheet's blocks together (readAreas).
 */
async function compareCells(context: Excel.RequestContext, candidates: readonly Candidate[]): Promise<{ passed: Candidate[]; skipped: Skipped[] }> {
  const passed: Candidate[] = [];
  const skipped: Skipped[] = [];
  const bySheet = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const group = bySheet.get(c.sheet);
    if (group) group.push(c);
    else bySheet.set(c.sheet, [c]);
  }
  for (const [name, group] of bySheet) {
    const sheet = context.workbook.worksheets.getItem(name);
    // Single cells are read in runs along a row; a spilled block is read as itself.
    const runs = rowRuns(group.filter((c) => !c.spilled).map((c) => ({ sheet: name, row: c.area.row, column: c.area.column, data: "", candidate: c })));
    const singles = group.filter((c) => !c.spilled);
    const blocks = group.filter((c) => c.spilled);
    const prints = new Map<Candidate, Fingerprint>(group.map((c) => [c, new Fingerprint(c.area.rows, c.area.columns)]));
    const empty = new Map<Candidate, boolean>(group.map((c) => [c, true]));
    const areas = [...runs.map((r) => r.area), ...blocks.map((c) => c.area)];
    let next = 0;
    const runStarts = runs.map((r) => {
      const start = next;
      next += r.area.columns;
      return start;
    });
    await readAreas(context, sheet, areas, "values", (index, rows) => {
      const feed = (c: Candidate, line: unknown[]) => {
        (prints.get(c) as Fingerprint).row(line);
        if (line.some((v) => v !== "")) empty.set(c, false);
      };
      if (index < runs.length) {
        const line = rows[0] ?? [];
        line.forEach((value, k) => feed(singles[(runStarts[index] as number) + k] as Candidate, [value]));
      } else rows.forEach((line) => feed(blocks[index - runs.length] as Candidate, line));
    });
    for (const c of group) {
      const address = `${c.sheet}!${c.cell}`;
      if (c.unchecked ? empty.get(c) : (prints.get(c) as Fingerprint).digest() === c.fingerprint) passed.push(c);
      else skipped.push({ row: c.row, reason: { code: c.unchecked ? "unchecked_occupied" : "edited", address } });
    }
  }
  return { passed: passed.sort((a, b) => a.row - b.row), skipped };
}

async function check(context: Excel.RequestContext, limit: number) {
  const record = await readRecord(context);
  if (!record) return null;
  const { candidates, skipped } = checkRows(record.records, record.names, limit);
  const compared = await compareCells(context, candidates);
  return { record, passed: compared.passed, skipped: [...skipped, ...compared.skipped].sort((a, b) => a.row - b.row) };
}

const publicRow = ({ area: _area, fingerprint: _fingerprint, ...row }: Candidate): RestoreRow => row;

/**
 * What "Restore formulas" would write, and every row it would skip with the reason; writes nothing. At most `limit`
 * cells are compared; rows past it are kept for a later restore.
 */
export async function planRestore(context: Excel.RequestContext, limit = MAX_RESTORE_CELLS): Promise<RestorePlan> {
  const checked = await check(context, limit);
  return checked ? { rows: checked.passed.map(publicRow), skipped: checked.skipped } : { rows: [], skipped: [] };
}

const sameRow = (a: RestoreRow, b: RestoreRow) => a.row === b.row && a.sheet === b.sheet && a.cell === b.cell && a.formula === b.formula && a.spilled === b.spilled;

/**
 * Checks the record again and writes the rows that pass, limited to those of `preview` where one was shown (a row
 * changed since is skipped); removes the restored rows from the record and keeps every other row.
 */
export async function applyRestore(context: Excel.RequestContext, preview?: RestorePlan, limit = MAX_RESTORE_CELLS): Promise<{ restored: number; skipped: Skipped[] }> {
  const checked = await check(context, limit);
  if (!checked) return { restored: 0, skipped: [] };
  const { record, skipped } = checked;
  const shown = preview ? new Map(preview.rows.map((r) => [r.row, r])) : null;
  const write = checked.passed.filter((c) => !shown || (shown.has(c.row) && sameRow(shown.get(c.row) as RestoreRow, c)));
  if (shown) {
    const writing = new Set(write.map((c) => c.row));
    for (const r of preview?.rows ?? []) if (!writing.has(r.row) && !skipped.some((s) => s.row === r.row)) skipped.push({ row: r.row, reason: { code: "changed_since_preview" } });
  }
  const targets = new Map<string, Excel.Worksheet>();
  const target = (name: string) => targets.get(name) ?? (targets.set(name, context.workbook.worksheets.getItem(name)).get(name) as Excel.Worksheet);
  const batches = new Batches(context);
  // The frozen values of a spilled block would block the formula from spilling again: clear them first.
  for (const c of write.filter((c) => c.spilled)) await batches.add(0, () => target(c.sheet).getRange(c.spilled).clear(Excel.ClearApplyTo.contents));
  for (const run of rowRuns(write.map((c) => ({ sheet: c.sheet, row: c.area.row, column: c.area.column, data: c.formula })))) {
    await batches.add(run.bytes, () => {
      target(run.sheet).getRange(a1(run.area)).formulas = [run.data];
    });
  }
  const written = new Set(write.map((c) => c.row));
  const keep = record.records.filter((_, i) => !written.has(i + 2));
  if (written.size && record.used.rowCount > 1) {
    const { log, used } = record;
    await batches.add(0, () => log.getRange(a1({ row: 1, column: 0, rows: used.rowCount - 1, columns: Math.max(used.columnCount, RECORD_HEADER.length) })).clear());
    // Kept as they were read, with Excel's text prefix so no recorded formula becomes a live one on the record sheet.
    await writeRecordRows(batches, log, 2, keep.map((row) => RECORD_HEADER.map((_, i) => recordText(row[i]))));
  }
  await batches.flush();
  return { restored: write.length, skipped: skipped.sort((a, b) => a.row - b.row) };
}

/** A record cell written back: text with the text prefix, anything else as it is. */
function recordText(value: Cell | undefined): Cell {
  return typeof value === "string" && value !== "" ? `'${value}` : (value ?? "");
}

/** Checks and restores every row that passes, without a preview. */
export async function restoreKcFormulas(context: Excel.RequestContext): Promise<{ restored: number; skipped: Skipped[] }> {
  return applyRestore(context);
}
