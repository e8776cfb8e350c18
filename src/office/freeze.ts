/**
 * Freezing KC formulas to values, for a workbook going to someone without the add-in, and restoring them. Each frozen
 * formula is recorded on a very hidden sheet (KC_Frozen) before its cell changes, so an interrupted freeze loses
 * nothing. Reads and writes go in syncs of bounded size (payload.ts): a large sheet stays under Excel on the web's 5 MB
 * per request and response, and a small selection still takes four round trips.
 */
import { a1, asFrozen, clip, isKcFormula, type Area, type Cell } from "./cells";
import { checkKcFormula } from "../data/kc-formula";
import { fingerprintOf } from "./fingerprint";
import { Batches, OPERATION_BYTES, payloadBytes, readAreas, readRows, runsOfRows, SYNC_BUDGET, tooLarge } from "./payload";
import { areaOf, GEOMETRY, selectedAreas } from "./selection";

export const FROZEN_SHEET = "KC_Frozen";
/** The record's columns. "Frozen value" is the fingerprint of what the cell (or its spilled block) showed. */
export const RECORD_HEADER = ["Sheet", "Cell", "Formula", "Frozen at", "Spilled range", "Frozen value"];
/** What reading one KC cell is first assumed to weigh: its value, or the block it spills (a KC.STATEMENT is a few KB). */
const KC_CELL_BYTES = 2_000;
/** Reading one KC cell asks for its range, its values, its spilled range and that range's values. */
const READ_OPERATIONS = 4;

type Found = { readonly row: number; readonly column: number; readonly formula: string };
/** A KC formula and what it showed: its value, or the values of the block it spilled into. */
type Frozen = Found & { readonly values: Cell[][]; readonly spill: Area | null };

/**
 * Cells in the given order as runs of neighbours in one row of one sheet, each run weighing at most half the budget:
 * one write per run instead of one per cell (a table of KC formulas is frozen and restored a row at a time).
 */
export function rowRuns<T extends { readonly sheet: string; readonly row: number; readonly column: number; readonly data: Cell }>(cells: readonly T[]): { area: Area; sheet: string; data: Cell[]; bytes: number }[] {
  const runs: { area: Area; sheet: string; data: Cell[]; bytes: number }[] = [];
  for (const cell of cells) {
    const run = runs[runs.length - 1];
    const bytes = payloadBytes(cell.data) + 1;
    const next = run && run.sheet === cell.sheet && run.area.row === cell.row && run.area.column + run.area.columns === cell.column && run.bytes + bytes <= SYNC_BUDGET / 2;
    if (run && next) {
      run.area = { ...run.area, columns: run.area.columns + 1 };
      run.data.push(cell.data);
      run.bytes += bytes;
    } else runs.push({ area: { row: cell.row, column: cell.column, rows: 1, columns: 1 }, sheet: cell.sheet, data: [cell.data], bytes });
  }
  return runs;
}

/** The KC formulas in `areas`, each once even where areas overlap (a Ctrl+click selection may select a cell twice). */
async function findKcFormulas(context: Excel.RequestContext, sheet: Excel.Worksheet, areas: readonly Area[]): Promise<Found[]> {
  const found = new Map<string, Found>();
  await readAreas(context, sheet, areas, "formulas", (index, rows, offset) => {
    const area = areas[index] as Area;
    rows.forEach((line, r) =>
      line.forEach((formula, c) => {
        const at = { row: area.row + offset + r, column: area.column + c };
        if (isKcFormula(formula)) found.set(`${at.row},${at.column}`, { ...at, formula });
      }),
    );
  });
  return [...found.values()];
}

/** A formula whose spilled block alone is too large for one response: its area first, then its values in blocks. */
async function readLargeSpill(context: Excel.RequestContext, sheet: Excel.Worksheet, found: Found): Promise<Frozen> {
  const spill = sheet.getRange(a1({ ...found, rows: 1, columns: 1 })).getSpillingToRangeOrNullObject();
  spill.load(GEOMETRY);
  await context.sync();
  const area = areaOf(spill);
  const values: Cell[][] = [];
  // Excel refused the block whole, so it weighs more than 5 MB: its cells are assumed to share that much.
  await readRows(context, sheet, area, "values", (rows) => rows.forEach((row) => values.push(row as Cell[])), (5 * SYNC_BUDGET) / (area.rows * area.columns));
  return { ...found, values, spill: area };
}

/**
 * What each KC formula shows, read in groups sized from what the previous group weighed (a group Excel refuses is read
 * again in quarters), and how many rows the record sheet already has.
 */
async function readResults(context: Excel.RequestContext, sheet: Excel.Worksheet, found: readonly Found[], log: Excel.Worksheet): Promise<{ frozen: Frozen[]; recorded: number }> {
  const frozen: Frozen[] = [];
  let recorded = log.isNullObject ? 1 : null;
  let perCell = KC_CELL_BYTES;
  for (let i = 0; i < found.length; ) {
    const group = found.slice(i, i + Math.max(1, Math.floor(SYNC_BUDGET / Math.max(perCell, READ_OPERATIONS * OPERATION_BYTES))));
    const used = recorded === null ? log.getUsedRange(true).load("rowCount") : null;
    const reads = group.map((f) => {
      const cell = sheet.getRange(a1({ ...f, rows: 1, columns: 1 })).load("values");
      const spill = cell.getSpillingToRangeOrNullObject();
      spill.load(`${GEOMETRY},values`);
      return { f, cell, spill };
    });
    try {
      await context.sync();
    } catch (error) {
      if (!tooLarge(error)) throw error;
      if (group.length === 1) frozen.push(await readLargeSpill(context, sheet, group[0] as Found));
      else perCell = (4 * SYNC_BUDGET) / group.length;
      i += group.length === 1 ? 1 : 0;
      continue;
    }
    if (used) recorded = used.rowCount;
    const results: Frozen[] = reads.map(({ f, cell, spill }) => (spill.isNullObject ? { ...f, values: cell.values as Cell[][], spill: null } : { ...f, values: spill.values as Cell[][], spill: areaOf(spill) }));
    perCell = Math.max(1, payloadBytes(results.map((r) => r.values)) / group.length);
    frozen.push(...results);
    i += group.length;
  }
  if (recorded === null) {
    const used = log.getUsedRange(true).load("rowCount");
    await context.sync();
    recorded = used.rowCount;
  }
  return { frozen, recorded };
}

/** Writes `rows` from row `first` (1-based) of the record's columns, in runs of rows that fit the batches. */
export async function writeRecordRows(batches: Batches, log: Excel.Worksheet, first: number, rows: readonly Cell[][]): Promise<void> {
  for (const run of runsOfRows(rows)) {
    await batches.add(run.bytes, () => {
      log.getRange(a1({ row: first - 1 + run.start, column: 0, rows: run.rows.length, columns: RECORD_HEADER.length })).values = run.rows;
    });
  }
}

/**
 * Replaces the KC formulas in the selection (each area of a multi-area selection) or in the active sheet's used range
 * by their values; returns how many, and the cells whose formula restore will refuse because it calls other functions
 * too (=ROUND(KC.MARGIN(…),1)): their formula stays on the record, but "Restore formulas" does not write it. A formula
 * that spills (KC.HISTORY, KC.STATEMENT, …) is replaced by its whole spilled block of values, so nothing it showed is
 * lost; restoring the formula in its anchor cell spills it again.
 */
export async function freezeKcFormulas(context: Excel.RequestContext, scope: "selection" | "sheet"): Promise<{ converted: number; unrestorable: string[] }> {
  const worksheets = context.workbook.worksheets;
  const start = () => {
    const sheet = worksheets.getActiveWorksheet().load("name");
    return { sheet, used: sheet.getUsedRange(true).load(GEOMETRY), log: worksheets.getItemOrNullObject(FROZEN_SHEET) };
  };
  let opened: ReturnType<typeof start>;
  let areas: Area[];
  if (scope === "sheet") {
    opened = start();
    await context.sync();
    areas = [areaOf(opened.used)];
  } else {
    const selected = await selectedAreas(context, start);
    opened = selected.alongside;
    // Only the used part of each area is read: a selected column is a million rows, nearly all empty.
    areas = selected.areas.map((area) => clip(area, areaOf(opened.used))).filter((area): area is Area => area !== null);
  }
  const { sheet, log } = opened;
  const found = await findKcFormulas(context, sheet, areas);
  if (found.length === 0) return { converted: 0, unrestorable: [] };
  const { frozen, recorded } = await readResults(context, sheet, found, log);

  const batches = new Batches(context);
  let record = log;
  if (log.isNullObject) {
    await batches.add(payloadBytes(RECORD_HEADER), () => {
      record = worksheets.add(FROZEN_SHEET);
      record.getRange(a1({ row: 0, column: 0, rows: 1, columns: RECORD_HEADER.length })).values = [RECORD_HEADER];
      record.visibility = Excel.SheetVisibility.veryHidden;
    });
  }
  // Every field is recorded as text: written plainly, "=KC…" would be a live formula on the record sheet, and a sheet
  // named with digits alone a number.
  const frozenAt = new Date().toISOString();
  const rows = frozen.map((f) => [sheet.name, a1({ ...f, rows: 1, columns: 1 }), f.formula, frozenAt, f.spill ? a1(f.spill) : "", fingerprintOf(f.values)].map(asFrozen));
  await writeRecordRows(batches, record, recorded + 1, rows);
  // Writing a block's own values over it replaces the anchor's formula with the value it showed.
  for (const f of frozen.filter((f) => f.spill)) {
    const area = f.spill as Area;
    for (const run of runsOfRows(f.values.map((row) => row.map(asFrozen)))) {
      await batches.add(run.bytes, () => {
        sheet.getRange(a1({ ...area, row: area.row + run.start, rows: run.rows.length })).values = run.rows;
      });
    }
  }
  const single = frozen.filter((f) => !f.spill).map((f) => ({ sheet: "", row: f.row, column: f.column, data: asFrozen(f.values[0]?.[0] ?? "") }));
  for (const run of rowRuns(single)) {
    await batches.add(run.bytes, () => {
      sheet.getRange(a1(run.area)).values = [run.data];
    });
  }
  await batches.flush();
  const unrestorable = frozen.filter((f) => !checkKcFormula(f.formula).ok).map((f) => a1({ ...f, rows: 1, columns: 1 }));
  return { converted: frozen.length, unrestorable };
}
