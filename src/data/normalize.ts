/** How names typed in a cell are compared: case, spaces, hyphens and underscores ignored, "&" read as "and". */
export const MAX_NAME_LENGTH = 64;

export function normalizeName(text: string): string {
  return text.toLowerCase().replace(/&/g, "and").replace(/[\s_-]+/g, "");
}

/** Omitted optional arguments arrive as null; an empty cell or "" means the same. */
export function isOmitted(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** The one text an argument stands for: a string as typed, or the first cell of a 1×1 range. */
export function scalarOf(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
  return value;
}

/**
 * A small memo for parsed arguments, cleared when full so hostile inputs cannot grow it without bound. Text longer
 * than any name is not kept: no name or period reads from it, and 4,096 keys of 32,767 characters would hold 256 MiB.
 */
export class Memo<V> {
  private readonly map = new Map<unknown, V>();
  constructor(private readonly limit = 4096) {}
  get(key: unknown, compute: () => V): V {
    if (typeof key === "string" && key.length > MAX_NAME_LENGTH) return compute();
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}
