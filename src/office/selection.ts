/**
 * The selection: its areas, the cells the audit reads, and its changes. A multi-area selection (Ctrl+click) is read area
 * by area through getSelectedRanges (ExcelApi 1.9): getSelectedRange refuses it with InvalidSelection. Where
 * getSelectedRanges is missing, the single-range calls stand in.
 */
import type { Area, Cell } from "./cells";

export type SelectedCell = { readonly address: string; readonly formula: string; readonly value: Cell };
/** The audit reads at most this many areas of a multi-area selection. */
export const AUDITED_AREAS = 10;

/** What to load of a range to know its area. */
export const GEOMETRY = "rowIndex,columnIndex,rowCount,columnCount";
export const areaOf = (range: Excel.Range): Area => ({ row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount });

/** Whether getSelectedRanges can be tried here; an older Excel answers it with ApiNotFound. */
function hasAreas(workbook: Excel.Workbook): boolean {
  return typeof (workbook as Partial<Excel.Workbook>).getSelectedRanges === "function";
}
const apiNotFound = (error: unknown) => (error as { code?: unknown } | null)?.code === "ApiNotFound";

/**
 * The selected areas, read in one sync together with whatever `alongside` queues (queued again if that sync has to be
 * redone without getSelectedRanges).
 */
export async function selectedAreas<T>(context: Excel.RequestContext, alongside: () => T): Promise<{ areas: Area[]; alongside: T }> {
  const workbook = context.workbook;
  if (hasAreas(workbook)) {
    try {
      const queued = alongside();
      const areas = workbook.getSelectedRanges().areas;
      areas.load(GEOMETRY);
      await context.sync();
      return { areas: areas.items.map(areaOf), alongside: queued };
    } catch (error) {
      if (!apiNotFound(error)) throw error;
    }
  }
  const queued = alongside();
  const range = workbook.getSelectedRange();
  range.load(GEOMETRY);
  await context.sync();
  return { areas: [areaOf(range)], alongside: queued };
}

function readCell(range: Excel.Range): () => SelectedCell {
  range.load(["address", "formulas", "values"]);
  return () => ({ address: range.address, formula: String(range.formulas[0]?.[0] ?? ""), value: range.values[0]?.[0] as Cell });
}

/**
 * The cells the audit reads: the top-left cell of each selected area (one sync for an ordinary selection, two for a
 * multi-area one, of which the first AUDITED_AREAS areas are read), or the active cell where getSelectedRanges is
 * missing. `areas` is how many areas the selection has.
 */
export async function selectedCells(context: Excel.RequestContext): Promise<{ cells: SelectedCell[]; areas: number }> {
  const workbook = context.workbook;
  if (hasAreas(workbook)) {
    try {
      const selected = workbook.getSelectedRanges();
      selected.load("areaCount");
      const first = readCell(selected.areas.getItemAt(0).getCell(0, 0));
      await context.sync();
      const count = Math.min(selected.areaCount, AUDITED_AREAS);
      const rest = Array.from({ length: count - 1 }, (_, i) => readCell(selected.areas.getItemAt(i + 1).getCell(0, 0)));
      if (rest.length) await context.sync();
      return { cells: [first, ...rest].map((read) => read()), areas: selected.areaCount };
    } catch (error) {
      if (!apiNotFound(error)) throw error;
    }
  }
  const active = typeof workbook.getActiveCell === "function" ? workbook.getActiveCell() : workbook.getSelectedRange().getCell(0, 0);
  const read = readCell(active);
  await context.sync();
  return { cells: [read()], areas: 1 };
}

/**
 * Calls `handler` whenever the selection moves; returns a function that stops listening, removing the handler in the
 * context it was added in, as Excel asks (Excel.run(result.context, …)).
 */
export async function watchSelection(context: Excel.RequestContext, handler: () => void): Promise<() => Promise<void>> {
  const subscription = context.workbook.onSelectionChanged.add(async () => handler());
  await context.sync();
  return () =>
    Excel.run(subscription.context, async (c) => {
      subscription.remove();
      await c.sync();
    });
}
