/**
 * The dataset's content hash: the first 12 hex digits of the SHA-256 of everything core.json and text.json hold but
 * the hash itself, written as JSON with every object's keys sorted. It changes with any figure, quote, citation or
 * text, and with nothing else: not with the order fields are written in, nor with when the dataset was generated.
 */
import { createHash } from "crypto";

/** JSON with every object's keys in sorted order, so equal data is always the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The hash of a dataset (both files' fields together); a `contentHash` field already in it is left out. */
export function contentHash(dataset: object): string {
  const content = { ...dataset, contentHash: undefined };
  return createHash("sha256").update(canonicalJson(content)).digest("hex").slice(0, 12);
}
