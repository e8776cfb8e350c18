/** The outcome of every lookup: a value with the facts it rests on, or a miss with a code and a message. */
import type { Fact } from "./schema";

/** `invalid` is a bad argument (#VALUE! in Excel); `unavailable` is data the dataset lacks (#N/A). */
export type MissCode = "invalid" | "unavailable";

export type Ok<T> = { readonly ok: true; readonly value: T; readonly facts: readonly Fact[]; readonly notes: readonly string[] };
export type Miss = { readonly ok: false; readonly code: MissCode; readonly message: string };
export type Result<T> = Ok<T> | Miss;

export const ok = <T>(value: T, facts: readonly Fact[] = [], notes: readonly string[] = []): Ok<T> => ({ ok: true, value, facts, notes });
export const invalid = (message: string): Miss => ({ ok: false, code: "invalid", message });
export const unavailable = (message: string): Miss => ({ ok: false, code: "unavailable", message });

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
