/**
 * The KC model's cells computed outside Excel, from the same template Excel is given (model.ts): each formula through
 * the formula evaluator, its KC calls answered by the library, its references by the cells they name. What the pane
 * previews in a browser, so what Excel would show can be seen and tested without Excel.
 */
import { columnName } from "./a1";
import type { Model } from "./model";
import { formulaValue, type CallAnswer, type FormulaValue, type Value } from "./formula-value";
import { EXCEL_ERROR, type CellValue, type Result } from "./result";

/** A KC function by name, called with argument values: the library's KC table, or the custom functions. */
export type KcCall = (name: string, args: readonly Value[]) => Result<CellValue> | null;

export type ModelValue = FormulaValue | { readonly kind: "empty" };

function answer(kc: KcCall, callText: string, args: () => Value[]): CallAnswer {
  const name = /^KC\.([A-Z]+)\(/i.exec(callText)?.[1]?.toUpperCase();
  const result = name ? kc(name, args()) : null;
  if (!result) return { kind: "other" };
  if (!result.ok) return { kind: "error", error: EXCEL_ERROR[result.code] };
  const value = result.value;
  if (typeof value === "number") return { kind: "number", value };
  return Array.isArray(value) ? { kind: "other" } : { kind: "text", value };
}

/** Every cell of the model, row by row, as the spreadsheet would compute it. */
export function modelValues(model: Model, kc: KcCall): ModelValue[][] {
  const address = new Map<string, [number, number]>();
  model.cells.forEach((row, r) => row.forEach((_, c) => address.set(`${columnName(c)}${r + 1}`, [r, c])));
  const done = new Map<string, ModelValue>();
  const busy = new Set<string>();

  function valueAt(r: number, c: number): ModelValue {
    const key = `${r}:${c}`;
    const known = done.get(key);
    if (known) return known;
    const cell = model.cells[r]?.[c];
    if (!cell) return { kind: "empty" };
    // A cell that reaches itself again is a circular reference: Excel shows 0 and warns; say so instead.
    if (busy.has(key)) return { kind: "unknown", because: "reference", part: `${columnName(c)}${r + 1}` };
    busy.add(key);
    const value: ModelValue =
      typeof cell.content === "number" || !cell.content.startsWith("=")
        ? { kind: "value", value: cell.content }
        : formulaValue(cell.content, (text, args) => answer(kc, text, args), (ref) => {
            const at = address.get(ref.replace(/\$/g, "").toUpperCase());
            if (!at) return null;
            const v = valueAt(at[0], at[1]);
            return v.kind === "value" ? v.value : v.kind === "empty" ? null : v.kind === "error" ? { error: v.error } : undefined;
          });
    busy.delete(key);
    done.set(key, value);
    return value;
  }

  return model.cells.map((row, r) => row.map((_, c) => valueAt(r, c)));
}
