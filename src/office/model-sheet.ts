/**
 * The KC model's sheet as Excel commands, queued for one sync: the whole block of cells in one formulas write and one
 * number-format write, fonts by role (sourced inputs blue #0000FF, calculations and checks black #000000, the
 * template's FONTS), title, header and section cells bold, column widths, frozen panes, the named lines and the charts.
 */
import type { CellRole, Model, ModelCell, ModelChart } from "../data/model";
import { a1, asText, columnName, topLeft, type Area } from "./cells";

/** What a cell's role makes its font: the template's colour for inputs and calculations, bold for headings. */
const COLOUR: Partial<Record<CellRole, "input" | "calc">> = { input: "input", calc: "calc", check: "calc" };
const BOLD: ReadonlySet<CellRole> = new Set(["title", "header", "section"]);

/**
 * A column width in points from the template's width in characters of the default font: Excel's rule for Calibri 11
 * (7-pixel digits plus 5 pixels of padding), at 96 pixels per inch.
 */
export const widthInPoints = (characters: number) => ((Math.trunc(characters * 7) + 5) * 72) / 96;

/** A chart's size: from its anchor across 8 columns and down 15 rows, short of the next chart 16 rows below. */
const CHART_SIZE = { columns: 8, rows: 15 };

/** The cell written for a template cell: a formula as it is, text that Excel would read as a formula kept as text. */
const written = (cell: ModelCell | null) => (cell === null ? "" : typeof cell.content === "string" && !cell.content.startsWith("=") ? asText(cell.content) : cell.content);

/**
 * Rectangles of neighbouring cells that share a value of `pick`: runs along each row, a run joined to the one above it
 * where both span the same columns. One command per rectangle instead of one per cell.
 */
export function blocksOf(cells: Model["cells"], pick: (cell: ModelCell | null) => string | null): { area: Area; value: string }[] {
  const blocks: { area: Area; value: string }[] = [];
  cells.forEach((row, r) => {
    for (let c = 0; c < row.length; ) {
      const value = pick(row[c] ?? null);
      let end = c + 1;
      while (end < row.length && pick(row[end] ?? null) === value) end++;
      const above = value === null ? undefined : blocks.find((b) => b.value === value && b.area.column === c && b.area.columns === end - c && b.area.row + b.area.rows === r);
      if (above) above.area = { ...above.area, rows: above.area.rows + 1 };
      else if (value !== null) blocks.push({ area: { row: r, column: c, rows: 1, columns: end - c }, value });
      c = end;
    }
  });
  return blocks;
}

/** The bottom-right cell of a chart anchored at `anchor`. */
function chartEnd(anchor: string): string {
  const { row, column } = topLeft(anchor);
  return a1({ row: row + CHART_SIZE.rows - 1, column: column + CHART_SIZE.columns - 1, rows: 1, columns: 1 });
}

function addChart(sheet: Excel.Worksheet, spec: ModelChart): void {
  const [first, ...more] = spec.series;
  if (!first) return;
  const chart = sheet.charts.add(first.type, sheet.getRange(first.values), "Rows");
  chart.name = spec.title;
  chart.title.text = spec.title;
  const categories = sheet.getRange(spec.categories);
  const opening = chart.series.getItemAt(0);
  opening.name = first.name;
  opening.setXAxisValues(categories);
  for (const line of more) {
    const series = chart.series.add(line.name);
    series.setValues(sheet.getRange(line.values));
    series.setXAxisValues(categories);
    if (line.type !== first.type) series.chartType = line.type;
    if (line.secondaryAxis) series.axisGroup = "Secondary";
  }
  chart.setPosition(spec.anchor, chartEnd(spec.anchor));
}

/**
 * Queues the whole model on `sheet` (new and empty) and activates it; returns how many cells it fills. `comments`:
 * whether the named lines carry their comments (Excel on the web cannot undo a name's comment inside an undo group).
 */
export function queueModel(sheet: Excel.Worksheet, model: Model, comments: boolean): number {
  const columns = Math.max(1, ...model.cells.map((row) => row.length));
  const block = sheet.getRange(a1({ row: 0, column: 0, rows: Math.max(1, model.cells.length), columns }));
  const grid = <T>(map: (cell: ModelCell | null) => T) => (model.cells.length ? model.cells : [[]]).map((row) => Array.from({ length: columns }, (_, c) => map(row[c] ?? null)));
  // Names go first: should Excel refuse one inside an undo group, only the empty sheet has been made (model-writer.ts).
  for (const name of model.names) {
    if (comments) sheet.names.add(name.name, sheet.getRange(name.range), name.comment);
    else sheet.names.add(name.name, sheet.getRange(name.range));
  }
  block.formulas = grid(written);
  block.numberFormat = grid((cell) => cell?.format ?? "General");
  for (const { area, value } of blocksOf(model.cells, (cell) => (cell && COLOUR[cell.role] ? model.fonts[COLOUR[cell.role] as "input" | "calc"] : null))) sheet.getRange(a1(area)).format.font.color = value;
  for (const { area } of blocksOf(model.cells, (cell) => (cell && BOLD.has(cell.role) ? "bold" : null))) sheet.getRange(a1(area)).format.font.bold = true;
  model.columnWidths.forEach((width, c) => {
    sheet.getRange(`${columnName(c)}1`).format.columnWidth = widthInPoints(width);
  });
  model.charts.forEach((chart) => addChart(sheet, chart));
  // Frozen panes belong to the active worksheet view (WorksheetFreezePanes.freezeAt): the new sheet is shown first.
  sheet.activate();
  const { rows, columns: left } = model.freeze;
  if (rows > 0 && left > 0) sheet.freezePanes.freezeAt(a1({ row: 0, column: 0, rows, columns: left }));
  else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  else if (left > 0) sheet.freezePanes.freezeColumns(left);
  return model.cells.reduce((n, row) => n + row.filter((cell) => cell !== null).length, 0);
}
