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
 * Edit distance, bounded so that hostile 100,000-character inputs stay cheap. The inner loop names no global (no
 * Math.min, no destructuring swap): where globals are slow to reach, as in a sandboxed context, it stays fast.
 */
export function distance(a: string, b: string): number {
  const x = a.slice(0, MAX_NAME_LENGTH);
  const y = b.slice(0, MAX_NAME_LENGTH);
  const m = y.length;
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    const c = x.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const substitute = (previous[j - 1] as number) + (c === y.charCodeAt(j - 1) ? 0 : 1);
      const remove = (previous[j] as number) + 1;
      const insert = (current[j - 1] as number) + 1;
      current[j] = substitute < remove ? (substitute < insert ? substitute : insert) : remove < insert ? remove : insert;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[m] as number;
}

/** The choice nearest to what was typed, for "did you mean" messages; none if nothing is close. */
export function nearest(typed: string, choices: readonly string[]): string | null {
  const key = normalizeName(typed.slice(0, MAX_NAME_LENGTH));
  const threshold = Math.max(2, Math.ceil(key.length / 2));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const choice of choices) {
    const name = normalizeName(choice);
    // The distance is at least the difference in length: skip choices that cannot be close enough.
    if (Math.abs(name.length - key.length) > threshold) continue;
    const d = distance(key, name);
    if (d < bestDistance) {
      best = choice;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= threshold ? best : null;
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
