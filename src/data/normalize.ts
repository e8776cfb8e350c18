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
