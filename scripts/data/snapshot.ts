/**
 * What a snapshot of the two pages says about itself: which seed is which page, the company and listings they are
 * about, the date of the analysis and the end of the latest quarter they report. All of it is read from the pages'
 * own lines, so a new snapshot brings its own; anything missing or ambiguous stops generation with the seed line.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseDate } from "./parse";
import type { Source } from "../../src/data/schema";
import { Seed } from "./seed";
import { parseSums, SUMS_FILE } from "./seed-sums";

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SnapshotError";
  }
}

export type Pages = { us: Seed; hk: Seed };

type Hit = { source: Source; match: RegExpExecArray };

/** Every line of `seed` that `pattern` matches (on its trimmed text), cited whole or, with `quote`, by the match. */
function hits(seed: Seed, pattern: RegExp, quote: "line" | "match" = "line"): Hit[] {
  return seed.lines.flatMap((raw, i) => {
    const match = pattern.exec(raw.trim());
    return match ? [{ source: { file: seed.file, line: i + 1, text: quote === "line" ? raw.trim() : match[0] }, match }] : [];
  });
}

const where = (found: readonly Hit[]) => found.map((h) => `${h.source.file}:${h.source.line}`).join(", ");

/** The one line matching `pattern`, described as `what` when there is none or more than one. */
function one(seed: Seed, pattern: RegExp, what: string, quote: "line" | "match" = "line"): Hit {
  const found = hits(seed, pattern, quote);
  if (found.length !== 1) throw new SnapshotError(`${seed.file}: ${what} is on ${found.length} lines${found.length ? ` (${where(found)})` : ""}`);
  return found[0] as Hit;
}

const FORM_20F = /^•\s*Form 20-F - FY \d{4}$/;
const US_LISTING = /^(NASDAQ|NYSE)•([A-Z]+)$/;

/**
 * The seeds seeds/SHA256SUMS records, told apart by what they contain, not by their names: the NASDAQ overview page
 * has a "Financial Dashboard" and a Form 20-F list, the Hong Kong analysis page a "Date of analysis" and a statement
 * table headed "Breakdown". Each must be exactly one seed, and every recorded seed must be one of them.
 */
export function loadPages(root: string): Pages {
  const files = [...parseSums(readFileSync(join(root, "seeds", SUMS_FILE), "utf8")).keys()].sort();
  const seeds = files.map((file) => Seed.load(root, file));
  const isUs = (s: Seed) => s.lines.some((l) => l.trim() === "Financial Dashboard") && s.lines.some((l) => FORM_20F.test(l.trim()));
  const isHk = (s: Seed) => s.lines.some((l) => l.includes("Date of analysis:")) && s.lines.some((l) => l.trim().startsWith("Breakdown"));
  const pick = (what: string, test: (s: Seed) => boolean): Seed => {
    const found = seeds.filter(test);
    if (found.length !== 1) throw new SnapshotError(`seeds/${SUMS_FILE}: ${found.length} recorded seeds read as ${what}${found.length ? ` (${found.map((s) => s.file).join(", ")})` : ""}; generation needs exactly one`);
    return found[0] as Seed;
  };
  const us = pick('the NASDAQ overview page (a "Financial Dashboard" line and "• Form 20-F - FY yyyy" blocks)', isUs);
  const hk = pick('the Hong Kong analysis page (a "Date of analysis:" line and a "Breakdown" table)', isHk);
  const other = seeds.find((s) => s !== us && s !== hk);
  if (other) throw new SnapshotError(`seeds/${other.file} is recorded in seeds/${SUMS_FILE} but is neither the NASDAQ overview page nor the Hong Kong analysis page`);
  return { us, hk };
}

/** "Date of analysis: Jan 28, 2026" on the analysis page: the date, the date as written, and its citation. */
export function analysisDate(hk: Seed): { date: string; written: string; source: Source } {
  const hit = one(hk, /Date of analysis: ([A-Z][a-z]{2} \d{1,2}, \d{4})/, '"Date of analysis: <Mon d, yyyy>"', "match");
  const written = hit.match[1] as string;
  return { date: parseDate(written), written, source: hit.source };
}

/** The last day of quarter `n` of `year`. */
const quarterEnd = (n: number, year: number) => new Date(Date.UTC(year, 3 * n, 0)).toISOString().slice(0, 10);

/**
 * The end of the latest quarter the pages report, which is where the TTM period ends. The overview page's dashboard
 * names its quarter ("Q3 2025 Data"); the analysis page's results announcements name the end of theirs ("… for the
 * third quarter ending September 30, 2025"). The dashboard's quarter is taken; where announcements exist, the latest
 * must end on the same day. Without either, or when they disagree, generation stops.
 */
export function latestQuarterEnd({ us, hk }: Pages): { end: string; sources: Source[] } {
  const dashboard = hits(us, /^Q([1-4]) (\d{4}) Data$/);
  if (dashboard.length > 1) throw new SnapshotError(`${us.file}: the dashboard's "Qn yyyy Data" is on ${dashboard.length} lines (${where(dashboard)})`);
  const announced = hits(hk, /quarter ending ([A-Z][a-z]+) (\d{1,2}), (\d{4})/)
    .map((h) => ({ ...h, end: parseDate(`${(h.match[1] as string).slice(0, 3)} ${h.match[2]}, ${h.match[3]}`) }))
    .sort((a, b) => b.end.localeCompare(a.end));
  const board = dashboard[0];
  const latest = announced[0];
  if (!board && !latest) {
    throw new SnapshotError(`${us.file}, ${hk.file}: no page names the latest quarter (a dashboard line "Qn yyyy Data" or a results announcement "… quarter ending <Month d, yyyy>")`);
  }
  if (!board) return { end: (latest as (typeof announced)[number]).end, sources: [(latest as Hit).source] };
  const end = quarterEnd(Number(board.match[1]), Number(board.match[2]));
  if (latest && latest.end !== end) {
    throw new SnapshotError(`the pages disagree on the latest quarter: ${where([board])} "${board.source.text}" ends ${end}, but ${where([latest])} announces results for a quarter ending ${latest.end}`);
  }
  return { end, sources: [board.source, ...(latest ? [latest.source] : [])] };
}

/** The company, each page's title and its listing, from the pages' own headings. */
export function pageTitles({ us, hk }: Pages, analysis: { written: string }) {
  const listing = one(us, US_LISTING, 'the listing line "<exchange>•<ticker>"');
  const nameLine = us.lines.slice(0, listing.source.line - 1).map((l) => l.trim()).filter(Boolean).pop();
  if (!nameLine) throw new SnapshotError(`${us.file}: no company name above line ${listing.source.line}`);
  const [exchange, ticker] = [listing.match[1] as string, listing.match[2] as string];
  const hkTitle = one(hk, /^(.+) \(HK:(\d{4,5})\)$/, 'the title "<company> (HK:<code>)"');
  const [hkName, code] = [hkTitle.match[1] as string, hkTitle.match[2] as string];
  return {
    company: nameLine,
    us: { title: `${nameLine} (${exchange}: ${ticker}) overview`, listing: `${exchange}:${ticker}` },
    hk: { title: `${hkName} (HK:${code}) AI stock analysis, ${analysis.written}`, listing: `HKEX:${code}` },
  };
}
