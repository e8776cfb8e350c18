/**
 * The two tables of the seed pages, read for tests by their headings: the Hong Kong page's statement table
 * ("Breakdown", one row per line, figures run together) and the overview page's Form 20-F list.
 */
import { HK_PAGE, US_PAGE, figuresOnLine, isoDate, lineOf, SeedReaderError, seedLines, type SeedFigure } from "./seed-reader";

/** The statement table's columns as the KC functions name them: "TTM", then "Dec 2024" → "FY2024" and so on. */
export function statementPeriods(): string[] {
  const header = (seedLines(HK_PAGE)[lineOf(HK_PAGE, "Breakdown") - 1] as string).trim();
  const columns = header.slice("Breakdown".length).match(/TTM|Dec \d{4}/g) ?? [];
  if (columns.join("") !== header.slice("Breakdown".length)) throw new SeedReaderError(`statement header not understood: "${header}"`);
  return columns.map((c) => (c === "TTM" ? c : `FY${c.slice(4)}`));
}

/**
 * One row of the statement table by its label ("Total Revenue"), keyed by period. The page prints no currency
 * here; the figures are RMB (its 7.79B revenue for 2024 is the overview page's RMB7.79B).
 */
export function statementRow(label: string): Record<string, SeedFigure> {
  const lines = seedLines(HK_PAGE);
  const periods = statementPeriods();
  for (let n = lineOf(HK_PAGE, "Breakdown") + 1; (lines[n - 1] ?? "").trim() !== ""; n++) {
    const text = (lines[n - 1] as string).trim();
    if (!text.startsWith(label) || !/^-?\d/.test(text.slice(label.length))) continue;
    const figures = figuresOnLine(HK_PAGE, n).map((f) => ({ ...f, currency: "RMB" as const }));
    if (figures.map((f) => f.written).join("") !== text.slice(label.length) || figures.length !== periods.length) {
      throw new SeedReaderError(`${HK_PAGE}:${n}: "${text}" is not ${periods.length} figures after "${label}"`);
    }
    return Object.fromEntries(periods.map((p, i) => [p, figures[i] as SeedFigure]));
  }
  throw new SeedReaderError(`${HK_PAGE}: no statement row "${label}"`);
}

export type SeedFiling = {
  readonly periodEnd: string;
  readonly filed: string;
  readonly revenue: SeedFigure;
  readonly revenueGrowth: SeedFigure;
  readonly eps: SeedFigure;
  readonly epsGrowth: SeedFigure;
  readonly result: string;
  readonly titleLine: number;
};

/** The Form 20-F block for a fiscal year: its dates, USD revenue and EPS with their growth, and Beat/Miss. */
export function filing(year: number): SeedFiling {
  const lines = seedLines(US_PAGE);
  const titleLine = lineOf(US_PAGE, `Form 20-F - FY ${year}`);
  let end = titleLine;
  while (end < lines.length && !(lines[end] as string).trim().startsWith("•")) end++;
  const block = Array.from({ length: end - titleLine }, (_, i) => titleLine + 1 + i);
  const labelled = (label: string) => {
    const n = block.find((k) => (lines[k - 1] as string).trim().startsWith(label));
    if (!n) throw new SeedReaderError(`${US_PAGE}: no "${label}" under line ${titleLine}`);
    return n;
  };
  const dates = (lines[labelled("Period End:") - 1] as string).trim();
  const [revenue, revenueGrowth] = figuresOnLine(US_PAGE, labelled("Revenue:")) as [SeedFigure, SeedFigure];
  const [eps, epsGrowth] = figuresOnLine(US_PAGE, labelled("EPS:")) as [SeedFigure, SeedFigure];
  const result = block.map((k) => (lines[k - 1] as string).trim()).find((t) => /^(Beat|Miss|Meet)$/.test(t));
  if (!result) throw new SeedReaderError(`${US_PAGE}: no Beat/Miss under line ${titleLine}`);
  return {
    periodEnd: isoDate(dates.slice("Period End: ".length)),
    filed: isoDate(dates.slice(dates.indexOf("Filed: ") + "Filed: ".length)),
    revenue,
    revenueGrowth,
    eps,
    epsGrowth,
    result,
    titleLine,
  };
}
