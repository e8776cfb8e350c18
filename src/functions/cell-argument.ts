/**
 * What a custom function receives from a cell that holds a data type. With allowCustomDataForDataTypeAny (set by the
 * metadata generator), Excel passes an `any` parameter the cell's value as a CellValue object (CustomFunctionsRuntime
 * 1.4 hosts) instead of its basic value. A formatted number, a number with properties, a string or a boolean stands
 * for its basic value; an entity, an image or another rich value is refused by name, so the analyst sees what to
 * reference instead of "cannot read an empty argument".
 */
import { miss } from "../data/reasons";
import { ok, type Result } from "../data/result";

/** The shapes Excel documents for a cell's value (Excel.CellValue in @types/office-js), by their `type`. */
type Basic = Excel.DoubleCellValue | Excel.FormattedNumberCellValue | Excel.StringCellValue | Excel.BooleanCellValue;
const BASIC: ReadonlySet<string> = new Set<Basic["type"]>(["Double", "FormattedNumber", "String", "Boolean"]);

function isCellValueObject(value: unknown): value is { type: string; basicValue?: unknown; text?: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === "string";
}

/** One argument as the library reads it: a plain value as passed, a data type's basic value, or a refusal. */
export function readCellArgument(value: unknown): Result<unknown> {
  if (Array.isArray(value)) {
    const rows: unknown[][] = [];
    for (const row of value as unknown[]) {
      const cells: unknown[] = [];
      for (const cell of Array.isArray(row) ? row : [row]) {
        const read = readCellArgument(cell);
        if (!read.ok) return read;
        cells.push(read.value);
      }
      rows.push(cells);
    }
    return ok(rows);
  }
  if (!isCellValueObject(value)) return ok(value);
  if (BASIC.has(value.type)) return ok(value.basicValue);
  if (value.type === "Empty") return ok(null);
  const text = typeof value.text === "string" ? value.text : typeof value.basicValue === "string" ? value.basicValue : null;
  return miss({ kind: "dataTypeArgument", type: value.type, text });
}

/** Every argument read, or the first refusal in argument order. */
export function readCellArguments(args: readonly unknown[]): Result<unknown[]> {
  const values: unknown[] = [];
  for (const arg of args) {
    const read = readCellArgument(arg);
    if (!read.ok) return read;
    values.push(read.value);
  }
  return ok(values);
}
