/**
 * Reads figures straight from the seed pages, found by the words printed around them (a phrase, a label, a heading),
 * so tests expect what the sources say rather than what the dataset generator made of them. It shares no code with
 * the generator or its parser on purpose: a scale, sign or rounding slip there cannot repeat itself here.
 */
import { readFileSync } from "fs";
import { join } from "path";

/** The NASDAQ overview page (USD figures for the ADS; RMB in its highlights). */
export const US_PAGE = "000_12d22aa60451a452.txt";
/** The Hong Kong analysis page (RMB statement table, HKD market data). */
export const HK_PAGE = "002_6d82bc69ff353dc9.txt";

export type SeedFigure = {
  /** Money with a scale (K, M, B, million, billion) in millions; a percentage as a fraction; anything else as written. */
  readonly value: number;
  /** The interval the page's rounding allows. */
  readonly low: number;
  readonly high: number;
  /** The figure as the page writes it. */
  readonly written: string;
  readonly currency: "RMB" | "USD" | "HKD" | null;
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
};

export class SeedReaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedReaderError";
  }
}

const ROOT = join(__dirname, "..", "..");
const cache = new Map<string, readonly string[]>();
let seedsDir = join(ROOT, "seeds");

/** Reads the pages from `dir` (edited copies of seeds/ under the same names) from now on; null: seeds/ again. */
export function readSeedsFrom(dir: string | null): void {
  seedsDir = dir ?? join(ROOT, "seeds");
  cache.clear();
}

export function seedLines(file: string): readonly string[] {
  if (!cache.has(file)) cache.set(file, readFileSync(join(seedsDir, file), "utf8").split("\n"));
  return cache.get(file) as readonly string[];
}

/** The one line (1-based) that contains `phrase`; a phrase found on no line or on several is an error. */
export function lineOf(file: string, phrase: string): number {
  const hits = seedLines(file).flatMap((text, i) => (text.includes(phrase) ? [i + 1] : []));
  if (hits.length !== 1) throw new SeedReaderError(`${file}: "${phrase}" is on ${hits.length} lines (${hits.join(", ")})`);
  return hits[0] as number;
}

/** The text that follows `phrase` on its line, trimmed. */
export function textAfter(file: string, phrase: string): string {
  const text = seedLines(file)[lineOf(file, phrase) - 1] as string;
  return text.slice(text.indexOf(phrase) + phrase.length).trim();
}

// One figure: an optional sign, currency, sign again ("$-1.13"), digits, and a unit or scale.
const FIGURE = /[+-]?(?:RMB ?|HK\$|US\$|\$)?[+-]?\d[\d,]*(?:\.\d+)?(?:%|pp|\s?(?:billion|million|thousand)\b|[KMB](?![a-z]))?/g;

const SCALES: Record<string, number> = { K: 1e-3, thousand: 1e-3, M: 1, million: 1, B: 1e3, billion: 1e3 };
const CURRENCIES: Record<string, SeedFigure["currency"]> = { RMB: "RMB", "HK$": "HKD", "US$": "USD", $: "USD" };

/** Reads one figure as written: "RMB7.79B" → 7790 (RMB millions, ±5), "-16.5%" → -0.165, "$-1.13" → -1.13. */
export function readFigure(written: string, file = "", line = 0): SeedFigure {
  const m = /^([+-]?)(RMB ?|HK\$|US\$|\$)?([+-]?)(\d[\d,]*)(?:\.(\d+))?(%|pp|\s?billion|\s?million|\s?thousand|[KMB])?$/.exec(written.trim());
  if (!m) throw new SeedReaderError(`${file}:${line}: "${written}" is not a figure`);
  const [, sign1, currency, sign2, whole, decimals = "", rawUnit = ""] = m;
  const unit = rawUnit.trim();
  const negative = (sign1 === "-") !== (sign2 === "-");
  const factor = unit === "%" || unit === "pp" ? 0.01 : (SCALES[unit] ?? 1);
  // Round to the digits the page gave after scaling, so 9.02B reads as exactly 9020.
  const places = Math.max(0, decimals.length - Math.round(Math.log10(factor)));
  const digits = Number(`${(whole as string).replace(/,/g, "")}.${decimals || "0"}`);
  const magnitude = Number((digits * factor).toFixed(places));
  const half = Number((0.5 * 10 ** -decimals.length * factor).toFixed(places + 1));
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  // A zero written with a minus sign ("-$0.00") stands only for the small losses that round to it.
  const exact = (x: number) => Number(x.toFixed(places + 1));
  const [low, high] = magnitude === 0 && negative ? [-half, 0] : [exact(value - half), exact(value + half)];
  return { value, low, high, written: written.trim(), currency: currency ? (CURRENCIES[currency.trim()] ?? null) : null, file, line };
}

/** Every figure on a line, left to right. */
export function figuresOnLine(file: string, line: number): SeedFigure[] {
  const text = seedLines(file)[line - 1] ?? "";
  return (text.match(FIGURE) ?? []).map((written) => readFigure(written, file, line));
}

/** The figure written right after `phrase` ("Total revenues reached " → RMB7.79B). */
export function figureAfter(file: string, phrase: string): SeedFigure {
  const line = lineOf(file, phrase);
  const rest = textAfter(file, phrase);
  const written = new RegExp(`^(?:${FIGURE.source})`).exec(rest)?.[0];
  if (!written) throw new SeedReaderError(`${file}:${line}: no figure right after "${phrase}"`);
  return readFigure(written, file, line);
}

/**
 * The figures on the first non-empty line below a run of headings: each heading is a whole line, looked for after
 * the one before it (["Financial Dashboard", "Revenue"] → "$344.48M+30.73%").
 */
export function figuresBelow(file: string, ...headings: string[]): SeedFigure[] {
  const lines = seedLines(file);
  let at = 0;
  for (const heading of headings) {
    const next = lines.findIndex((text, i) => i >= at && text.trim() === heading);
    if (next < 0) throw new SeedReaderError(`${file}: no line reads "${heading}" after line ${at}`);
    at = next + 1;
  }
  while (at < lines.length && (lines[at] as string).trim() === "") at++;
  const figures = figuresOnLine(file, at + 1);
  if (figures.length === 0) throw new SeedReaderError(`${file}:${at + 1}: no figure below "${headings.join(" / ")}"`);
  return figures;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date as the pages write it ("Apr 15, 2025", "September 30, 2025", "2020-05-08") as ISO yyyy-mm-dd. */
export function isoDate(written: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(written);
  if (iso) return iso[0];
  const m = /^([A-Z][a-z]+) (\d{1,2}), (\d{4})/.exec(written.trim());
  const month = m ? MONTHS.indexOf((m[1] as string).slice(0, 3)) + 1 : 0;
  if (!m || month === 0) throw new SeedReaderError(`"${written}" is not a date`);
  return `${m[3]}-${String(month).padStart(2, "0")}-${(m[2] as string).padStart(2, "0")}`;
}

/** The date written right after `phrase`, as ISO yyyy-mm-dd. */
export function dateAfter(file: string, phrase: string): string {
  return isoDate(textAfter(file, phrase));
}

/** The Excel serial of an ISO date: days since 1899-12-30 (Excel's 1900 date system). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}
