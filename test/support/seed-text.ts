/**
 * A small reader of the two seed pages for the browser tests' expectations: a line is found by a phrase on it (never by
 * its number), and its figures are read as the page writes them. A phrase that is not there throws, so an edited seed
 * fails the test that relies on it instead of passing on stale numbers.
 */
import { readFileSync } from "fs";
import { join } from "path";

/** The NASDAQ overview page (NASDAQ: KC, USD). */
export const NASDAQ_PAGE = "000_12d22aa60451a452.txt";
/** The Hong Kong analysis page (HKEX: 3896, with the RMB statement table). */
export const HKEX_PAGE = "002_6d82bc69ff353dc9.txt";

const cache = new Map<string, readonly string[]>();
export function seedLines(file: string): readonly string[] {
  if (!cache.has(file)) cache.set(file, readFileSync(join(__dirname, "..", "..", "seeds", file), "utf8").split("\n").map((l) => l.replace(/\r$/, "")));
  return cache.get(file) ?? [];
}

const matches = (line: string, phrase: string | RegExp) => (typeof phrase === "string" ? line.includes(phrase) : phrase.test(line));

/** The 1-based number of the first line with `phrase` on it. */
export function lineNumber(file: string, phrase: string | RegExp): number {
  const index = seedLines(file).findIndex((line) => matches(line, phrase));
  if (index < 0) throw new Error(`${file} has no line with ${String(phrase)}`);
  return index + 1;
}

/** The first line with `phrase` on it. */
export function lineWith(file: string, phrase: string | RegExp): string {
  return seedLines(file)[lineNumber(file, phrase) - 1] ?? "";
}

/** The first non-empty line after the first line with `phrase` on it. */
export function lineAfter(file: string, phrase: string | RegExp): string {
  const next = seedLines(file).slice(lineNumber(file, phrase)).find((line) => line.trim() !== "");
  if (next === undefined) throw new Error(`${file} has nothing after ${String(phrase)}`);
  return next.trim();
}

/** The capture groups of `pattern` on the first line it matches. */
export function read(file: string, pattern: RegExp): string[] {
  const found = pattern.exec(lineWith(file, pattern));
  return found ? found.slice(1).map((group) => group ?? "") : [];
}

/** The lines after the line that is exactly `heading`, up to (not including) the line that is exactly `end`. */
export function section(file: string, heading: string, end: string): string[] {
  const lines = seedLines(file);
  const start = lines.findIndex((line) => line.trim() === heading);
  const stop = lines.findIndex((line, i) => i > start && line.trim() === end);
  if (start < 0 || stop < 0) throw new Error(`${file} has no section from "${heading}" to "${end}"`);
  return lines.slice(start + 1, stop).map((line) => line.trim()).filter((line) => line !== "");
}

/** "$1.25B", "850.17M", "-1.97B" (as the pages write amounts) in millions. */
export function millions(text: string): number {
  const found = /^(-?)\$?(\d+(?:\.\d+)?)([BM])$/.exec(text.trim());
  if (!found) throw new Error(`"${text}" is not an amount like 1.25B or 850.17M`);
  return Number(`${found[1]}${found[2]}`) * (found[3] === "B" ? 1000 : 1);
}

/** The amounts on a statement-table line such as "Total Revenue9.02B7.79B…", in millions, in the page's column order. */
export function tableRow(file: string, label: string): number[] {
  const line = lineWith(file, new RegExp(`^${label}-?\\d`));
  return (line.slice(label.length).match(/-?\d+(?:\.\d+)?[BM]/g) ?? []).map(millions);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "Mar 18, 2026" → "2026-03-18"; "2020-05-08" stays as it is. */
export function isoDate(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const found = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4})$/.exec(text.trim());
  const month = MONTHS.indexOf(found?.[1] ?? "");
  if (!found || month < 0) throw new Error(`"${text}" is not a date like Mar 18, 2026`);
  return `${found[3]}-${String(month + 1).padStart(2, "0")}-${found[2]?.padStart(2, "0")}`;
}

/** A number with thousands separators, as the pane's tables write it: 6580 → "6,580". */
export function grouped(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** A signed figure as the pane's cards write it, with a true minus sign: "-8.5pp" → "−8.5 pp", "-0.67" → "−0.67". */
export function signed(text: string): string {
  return text.replace(/^-/, "−").replace(/pp$/, " pp");
}
