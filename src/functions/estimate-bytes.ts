/**
 * A rough size in bytes of an argument or an answer on a 64-bit JavaScript heap: text at two bytes a character (V8
 * stores most text at one, so this errs high), a number or a reference at eight, an array or object at its header,
 * slots and contents. Grids and error objects are two levels deep and a data type's card (value, properties, their
 * metadata, attributions, each attribution's text) six; anything deeper counts as its header.
 */
const SLOT = 8;
const STRING_HEADER = 16;
const OBJECT_HEADER = 32;
const DEPTH = 7;

export function estimateBytes(value: unknown, depth = 0): number {
  if (typeof value === "string") return STRING_HEADER + 2 * value.length;
  if (typeof value !== "object" || value === null) return SLOT;
  if (depth >= DEPTH) return OBJECT_HEADER;
  let bytes = OBJECT_HEADER;
  for (const item of Array.isArray(value) ? (value as unknown[]) : Object.values(value)) bytes += SLOT + estimateBytes(item, depth + 1);
  return bytes;
}
