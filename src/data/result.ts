/** The outcome of every lookup: a value with the facts it rests on, or a miss with its reason (reasons.ts). */
import type { Reason } from "./reasons";
import type { Fact } from "./schema";

/** `invalid` is a bad argument (#VALUE! in Excel); `unavailable` is data the dataset lacks (#N/A). reasons.ts decides which. */
export type MissCode = "invalid" | "unavailable";

/** How Excel shows each kind of miss. */
export const EXCEL_ERROR: Readonly<Record<MissCode, "#VALUE!" | "#N/A">> = { invalid: "#VALUE!", unavailable: "#N/A" };

export type Ok<T> = { readonly ok: true; readonly value: T; readonly facts: readonly Fact[]; readonly notes: readonly string[] };
export type Miss = { readonly ok: false; readonly code: MissCode; readonly reason: Reason };
export type Result<T> = Ok<T> | Miss;

export const ok = <T>(value: T, facts: readonly Fact[] = [], notes: readonly string[] = []): Ok<T> => ({ ok: true, value, facts, notes });

/** A cell value Excel can show: a finite number, text, a boolean, or a rectangular grid of those. */
export type Scalar = number | string | boolean;
export type CellValue = Scalar | Scalar[][];

type Values<T extends readonly Result<unknown>[]> = { -readonly [K in keyof T]: T[K] extends Result<infer V> ? V : never };

/** The values of several argument readings, or the first miss among them in argument order. */
export function all<const T extends readonly Result<unknown>[]>(...results: T): Result<Values<T>> {
  const values: unknown[] = [];
  for (const result of results) {
    if (!result.ok) return result;
    values.push(result.value);
  }
  return ok(values as Values<T>);
}
