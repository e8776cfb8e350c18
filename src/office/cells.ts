/** Cells and areas as the seam handles them: values, KC formulas, A1 addresses and the text Excel must keep as text. */
import { columnIndex, columnName } from "../data/a1";
import { findKcCalls } from "../data/formula";

export { columnName };

export type Cell = string | number | boolean;

/** A block of cells by zero-based position: `rows` × `columns` from (`row`, `column`). */
export type Area = { readonly row: number; readonly column: number; readonly rows: number; readonly columns: number };

/** A formula with a KC call in it (outside its strings): what "Convert to values" converts. */
export function isKcFormula(formula: unknown): formula is string {
  return typeof formula === "string" && formula.startsWith("=") && findKcCalls(formula).length > 0;
}

/** "Sheet1!B3" or "B3:D9" → the top-left cell's zero-based row and column. */
export function topLeft(address: string): { row: number; column: number } {
  const cell = (address.split("!").pop() ?? "").split(":")[0]?.replace(/\$/g, "") ?? "";
  const match = /^([A-Z]+)(\d+)$/i.exec(cell);
  if (!match) throw new Error(`not a cell address: ${address}`);
  return { row: Number(match[2]) - 1, column: columnIndex(match[1] as string) };
}

/** An area's A1 address on its sheet: "C5" for one cell, "A1:CV500" for a block. */
export function a1(area: Area): string {
  const cell = (row: number, column: number) => `${columnName(column)}${row + 1}`;
  const first = cell(area.row, area.column);
  return area.rows === 1 && area.columns === 1 ? first : `${first}:${cell(area.row + area.rows - 1, area.column + area.columns - 1)}`;
}

/** The part of `area` inside `within`, or null where they do not meet. */
export function clip(area: Area, within: Area): Area | null {
  const row = Math.max(area.row, within.row);
  const column = Math.max(area.column, within.column);
  const rows = Math.min(area.row + area.rows, within.row + within.rows) - row;
  const columns = Math.min(area.column + area.columns, within.column + within.columns) - column;
  return rows > 0 && columns > 0 ? { row, column, rows, columns } : null;
}

/** Text Excel would read as a formula ("+24%", "-0.1 pp", "@x") is written with the apostrophe that keeps it text. */
export function asText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** A value as Excel showed it, written back as the same constant (text stays text, even "-1.97B …"). */
export function asConstant(value: Cell): Cell {
  return typeof value === "string" ? asText(value) : value;
}

/** Excel's error values as Range.values spells them: a formula that showed one is frozen as that error, not as text. */
const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!", "#EXTERNAL!"]);

/**
 * A value a KC formula showed, written so the cell keeps it: text always with Excel's text prefix, since Excel reads
 * text written to a cell as it reads typing ("3896" would become the number 3896, "YYYY-MM-DD" a date, "TRUE" a
 * boolean); numbers, booleans, errors and empty cells as they are.
 */
export function asFrozen(value: Cell): Cell {
  return typeof value === "string" && value !== "" && !ERROR_VALUES.has(value) ? `'${value}` : value;
}
