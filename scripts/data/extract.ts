/**
 * The tables of the two pages, read by code: the statement table, the 20-F list, the corporate events and the peer
 * lists. Each reader finds its table by its heading and fails loudly if the layout is not what it expects.
 */
import { parseDate, parseMoney, parseNumber, parsePercent, parseUnits, UnparsableFigure } from "./parse";
import type { Currency, Event, Fact, Filing, PeriodId, Peer } from "../../src/data/schema";
import { fact } from "./facts";
import type { Seed } from "./seed";

const STATEMENT_ROWS: Record<string, { metric: string; statement: "income" | "balance" | "cashflow" }> = {
  "Total Revenue": { metric: "revenue", statement: "income" },
  "Gross Profit": { metric: "gross_profit", statement: "income" },
  EBITDA: { metric: "ebitda", statement: "income" },
  "Net Income": { metric: "net_income", statement: "income" },
  "Total Assets": { metric: "total_assets", statement: "balance" },
  "Cash, Cash Equivalents and Short-Term Investments": { metric: "cash_and_short_term_investments", statement: "balance" },
  "Total Debt": { metric: "total_debt", statement: "balance" },
  "Total Liabilities": { metric: "total_liabilities", statement: "balance" },
  "Stockholders Equity": { metric: "total_equity", statement: "balance" },
  "Free Cash Flow": { metric: "free_cash_flow", statement: "cashflow" },
  "Operating Cash Flow": { metric: "operating_cash_flow", statement: "cashflow" },
  "Investing Cash Flow": { metric: "investing_cash_flow", statement: "cashflow" },
  "Financing Cash Flow": { metric: "financing_cash_flow", statement: "cashflow" },
};

/** The one line that reads "<company> <suffix>", a section heading of the analysis page. */
function heading(seed: Seed, suffix: string): number {
  const lines = seed.lines.flatMap((line, i) => (line.trim().endsWith(` ${suffix}`) && line.trim().length > suffix.length + 1 ? [i + 1] : []));
  if (lines.length !== 1) throw new Error(`${seed.file}: the heading "<company> ${suffix}" is on ${lines.length} lines (${lines.join(", ")})`);
  return lines[0] as number;
}

const AMOUNT = /-?\d+(?:\.\d+)?[KMB]/g;

/** Seed 002's "Breakdown" table: 13 lines × (TTM, then one "Dec yyyy" column per fiscal year, newest first), in RMB. */
export function statementTable(seed: Seed): Fact[] {
  const header = seed.cite("Breakdown");
  const columns = /^Breakdown(TTM)((?:Dec \d{4})+)$/.exec(seed.lines[header.line - 1]?.trim() ?? "");
  if (!columns) throw new Error(`${seed.file} line ${header.line}: statement table header is not "Breakdown", "TTM" and "Dec yyyy" columns`);
  const periods: PeriodId[] = ["TTM", ...((columns[2] as string).match(/\d{4}/g) ?? []).map((year) => `FY${year}`)];
  if (new Set(periods).size !== periods.length) throw new Error(`${seed.file} line ${header.line}: statement table names a column twice`);
  const facts: Fact[] = [];
  for (let n = header.line + 1; n <= seed.lines.length; n++) {
    const line = seed.lines[n - 1]?.trim() ?? "";
    if (line === "") break;
    if (["Income Statement", "Balance Sheet", "Cash Flow"].includes(line)) continue;
    const split = /^(.*?)((?:-?\d+(?:\.\d+)?[KMB])+)$/.exec(line);
    const label = split?.[1] ?? "";
    const row = STATEMENT_ROWS[label];
    if (!split || !row) throw new Error(`${seed.file} line ${n}: statement table row not recognised: "${line}"`);
    const amounts = (split[2] as string).match(AMOUNT) ?? [];
    if (amounts.length !== periods.length) throw new Error(`${seed.file} line ${n}: statement table row has ${amounts.length} figures for ${periods.length} columns: "${line}"`);
    amounts.forEach((figure, i) => {
      facts.push(
        fact({
          metric: row.metric,
          period: periods[i] as PeriodId,
          kind: "money",
          figure,
          currency: "RMB",
          source: { file: seed.file, line: n, text: line },
          section: "statement table",
          tag: "statement",
        }),
      );
    });
  }
  const rows = new Set(facts.map((f) => f.metric));
  const missing = Object.keys(STATEMENT_ROWS).filter((label) => !rows.has(STATEMENT_ROWS[label]?.metric as string));
  if (missing.length > 0) throw new Error(`${seed.file} line ${header.line}: statement table has no row ${missing.map((m) => `"${m}"`).join(", ")}`);
  if (facts.length !== rows.size * periods.length) throw new Error(`${seed.file} line ${header.line}: statement table repeats a row`);
  return facts;
}

/**
 * Seed 000's "Reports" list: one Form 20-F block per fiscal year, in any order and as many as the page has. Each block
 * is a title, the period end and filing date, USD revenue with its growth, EPS with its growth, and Beat/Miss/Meet;
 * a block that does not read so stops generation, naming its line. Filings and their facts come out newest first.
 */
export function filings(seed: Seed): { filings: Filing[]; facts: Fact[] } {
  const out: Filing[] = [];
  seed.lines.forEach((raw, index) => {
    const title = /^\s*•\s*Form (20-F) - FY (\d{4})$/.exec(raw);
    if (!title) return;
    const at = index + 1;
    const year = Number(title[2]);
    const block = (offset: number) => ({ n: at + offset, text: seed.lines[at + offset - 1]?.trim() ?? "" });
    const dates = block(2);
    const revenue = block(3);
    const eps = block(5);
    const result = block(6);
    const unreadable = (b: { n: number; text: string }, what: string) => new Error(`${seed.file} line ${b.n}: Form 20-F FY${year} block (line ${at}): not ${what}: "${b.text}"`);
    const d = /^Period End: ([A-Za-z]{3} \d{1,2}, \d{4})\|Filed: ([A-Za-z]{3} \d{1,2}, \d{4})\|$/.exec(dates.text);
    if (!d) throw unreadable(dates, '"Period End: <Mon d, yyyy>|Filed: <Mon d, yyyy>|"');
    const r = /^Revenue: (\$\d+(?:\.\d+)?[KMB])([+-]\d+(?:\.\d+)?%)$/.exec(revenue.text);
    if (!r) throw unreadable(revenue, '"Revenue: $<amount><growth %>"');
    const e = /^EPS: (\$-?\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?%)$/.exec(eps.text);
    if (!e) throw unreadable(eps, '"EPS: $<amount><growth %>"');
    if (!/^(Beat|Miss|Meet)$/.test(result.text)) throw unreadable(result, "Beat, Miss or Meet");
    const periodEnd = parseDate(d[1] as string);
    if (periodEnd !== `${year}-12-31`) throw unreadable(dates, `a period end of Dec 31, ${year} (fiscal years end in December, as the statement table's columns say)`);
    if (out.some((f) => f.fiscalYear === year)) throw new Error(`${seed.file} line ${at}: a second Form 20-F block for FY${year}`);
    const cite = (b: { n: number; text: string }) => ({ file: seed.file, line: b.n, text: b.text });
    out.push({
      fiscalYear: year,
      form: "20-F",
      periodEnd,
      filed: parseDate(d[2] as string),
      revenueUsdM: parseMoney(r[1] as string).value,
      revenueText: r[1] as string,
      revenueGrowth: parsePercent(r[2] as string).value,
      eps: parseUnits(e[1] as string).value,
      epsText: e[1] as string,
      epsGrowth: parsePercent(e[2] as string).value,
      result: result.text as Filing["result"],
      sources: { title: { file: seed.file, line: at, text: raw.trim() }, dates: cite(dates), revenue: cite(revenue), eps: cite(eps), result: cite(result) },
    });
  });
  if (out.length === 0) throw new Error(`${seed.file}: no "• Form 20-F - FY yyyy" block`);
  out.sort((a, b) => b.fiscalYear - a.fiscalYear);
  const facts = out.flatMap((filing): Fact[] => {
    const period: PeriodId = `FY${filing.fiscalYear}`;
    const section = `Form 20-F FY${filing.fiscalYear}`;
    const { revenue, eps } = filing.sources;
    const growth = (text: string) => /[+-]\d+(?:\.\d+)?%$/.exec(text)?.[0] as string;
    return [
      fact({ metric: "revenue", period, kind: "money", figure: filing.revenueText, source: revenue, section, tag: "filing" }),
      fact({ metric: "revenue_growth", period, kind: "fraction", figure: growth(revenue.text), source: revenue, section, tag: "filing",
        note: "Growth as the 20-F list states it; it follows the RMB figures, not the USD amounts beside it." }),
      fact({ metric: "eps", period, kind: "per_share", figure: filing.epsText, source: eps, section, tag: "filing",
        note: "Earnings per share in USD as the 20-F list states it (NASDAQ listing)." }),
      fact({ metric: "eps_growth", period, kind: "fraction", figure: growth(eps.text), source: eps, section, tag: "filing" }),
    ];
  });
  return { filings: out, facts };
}

/**
 * Seed 002's "Corporate Events": as many as the page lists, each a title, a date, a paragraph, and the analyst-rating
 * line that follows it. A date line without a title above or a paragraph below stops generation, naming the line.
 */
export function corporateEvents(seed: Seed): Event[] {
  const start = heading(seed, "Corporate Events");
  const end = seed.indexOf("Glossary", start);
  const events: Event[] = [];
  for (let n = start + 1; n < end; n++) {
    const dateLine = seed.lines[n]?.trim() ?? "";
    if (!/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/.test(dateLine)) continue;
    const title = seed.line(n);
    const date = seed.line(n + 1);
    const text = seed.line(n + 3);
    const rating = seed.line(n + 5);
    if (/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/.test(title.text) || !rating.text.startsWith("The most recent analyst rating")) {
      throw new Error(`${seed.file} line ${n + 1}: corporate event not laid out as title, date, paragraph, analyst rating`);
    }
    events.push({
      id: "",
      date: parseDate(date.text),
      kind: /financial results/i.test(title.text) ? "earnings_release" : "corporate",
      title: title.text,
      text: text.text,
      source: title,
      related: [date, text, rating],
    });
  }
  if (events.length === 0) throw new Error(`${seed.file} line ${start}: no dated corporate event before "Glossary"`);
  // Newest first, and same-day events by title (Z to A), so the ids do not depend on the order the page lists them in.
  events.sort((a, b) => b.date.localeCompare(a.date) || b.title.localeCompare(a.title));
  return events.map((event, i) => ({ ...event, id: `event-${event.date}-${i + 1}` }));
}

const PERCENT = /-?\d+\.\d{2}%/g;

/** Line `n` of `seed` read with `parse`; a line that does not read stops generation naming the file and line. */
function readLine(seed: Seed, n: number, parse: (text: string) => { value: number }, what: string): number {
  const { text } = seed.line(n);
  try {
    return parse(text).value;
  } catch (error) {
    if (error instanceof UnparsableFigure) error.message = `${seed.file} line ${n}: ${what}: ${error.message}`;
    throw error;
  }
}

/** Seed 002's "Financial Indicators" rows: rating, label, then market cap, P/E and percentages run together. */
export function hkPeers(seed: Seed): Peer[] {
  const start = seed.indexOf("EPS Growth", heading(seed, "Peers Comparison"));
  const peers: Peer[] = [];
  for (let n = start + 1; ; n += 3) {
    const rating = seed.lines[n - 1]?.trim() ?? "";
    if (!/^\d+$/.test(rating)) break;
    const label = seed.lines[n]?.trim() ?? "";
    const row = seed.line(n + 2);
    const m = /^((?:HK)?\$\d+(?:\.\d+)?[KMB])(-?\d+\.\d{2})?((?:-?\d+\.\d{2}%)*)$/.exec(row.text);
    if (!m) throw new Error(`peer row not recognised at line ${n + 2}: "${row.text}"`);
    const percents = (m[3] as string).match(PERCENT) ?? [];
    const complete = percents.length === 4;
    const values: Record<string, number | string | null> = {
      overall_rating: Number(rating),
      rating_label: label,
      market_cap: parseMoney(m[1] as string).value,
      market_cap_currency: parseMoney(m[1] as string).currency,
      pe: m[2] ? parseNumber(m[2]).value : null,
    };
    if (complete) {
      ["roe", "dividend_yield", "revenue_growth", "eps_growth"].forEach((key, i) => (values[key] = parsePercent(percents[i] as string).value));
    } else {
      percents.forEach((p, i) => (values[`percent_${i + 1}`] = parsePercent(p).value));
    }
    peers.push({
      list: "hk_financial_indicators",
      name: null,
      ticker: null,
      values,
      source: row,
      related: [seed.line(n), seed.line(n + 1)],
      note: [
        "The page does not name the company on this row.",
        complete ? "" : `Only ${percents.length} of the four percentage columns (ROE, dividend yield, revenue growth, EPS growth) are shown, so they are kept unassigned.`,
        !m[1]?.startsWith("HK$") ? "Market cap in USD, unlike the other rows; this row is likely the Technology Sector Average the page footnotes." : "",
      ].filter(Boolean).join(" "),
    });
  }
  return peers;
}

/**
 * Seed 002's "Performance Comparison": ticker, name, price, change, % change, as many rows as the page has, priced in
 * `currency`, the Hong Kong listing's (read from its price target).
 */
export function hkPerformance(seed: Seed, currency: Currency): Peer[] {
  const start = seed.indexOf("% Change", seed.indexOf("Performance Comparison"));
  const peers: Peer[] = [];
  for (let n = start + 1; /^HK:\d{4}$/.test(seed.lines[n - 1]?.trim() ?? ""); n += 5) {
    const ticker = seed.line(n);
    const name = seed.line(n + 1);
    peers.push({
      list: "hk_performance",
      name: name.text,
      ticker: ticker.text,
      values: {
        price: readLine(seed, n + 2, parseNumber, "performance comparison price"),
        change: readLine(seed, n + 3, parseNumber, "performance comparison change"),
        change_percent: readLine(seed, n + 4, parsePercent, "performance comparison % change"),
        currency,
      },
      source: ticker,
      related: [name, seed.line(n + 2), seed.line(n + 3), seed.line(n + 4)],
      note: `Lines ${n}–${n + 4}: ticker, name, price, change, % change.`,
    });
  }
  const after = start + 1 + 5 * peers.length;
  if (peers.length === 0 || /^[A-Z]+:\S+$/.test(seed.lines[after - 1]?.trim() ?? "")) {
    throw new Error(`${seed.file} line ${after}: performance comparison row not recognised (a ticker such as HK:3896, then name, price, change, % change): "${seed.lines[after - 1]?.trim() ?? ""}"`);
  }
  return peers;
}

/** Seed 000's "Peer Comparison": two ranked lists (name+ticker, figure, change) and the key-metrics table. */
export function usPeers(seed: Seed): Peer[] {
  const peers: Peer[] = [];
  const list = (heading: string, kind: Peer["list"], valueKey: string, changeKey: string, parse: (s: string) => number) => {
    let n = seed.indexOf(heading) + 2;
    while (/[A-Z]+$/.test(seed.lines[n - 1]?.trim() ?? "") && seed.lines[n - 1]?.trim() !== "") {
      const nameLine = seed.line(n);
      const split = /^(.*?[a-z.)])([A-Z]{2,5})$/.exec(nameLine.text);
      if (!split) break;
      peers.push({
        list: kind,
        name: split[1] as string,
        ticker: split[2] as string,
        values: { [valueKey]: readLine(seed, n + 1, (s) => ({ value: parse(s) }), `${heading} figure`), [changeKey]: readLine(seed, n + 2, parsePercent, `${heading} change`) },
        source: nameLine,
        related: [seed.line(n + 1), seed.line(n + 2)],
      });
      n += 3;
    }
  };
  list("Revenue (TTM)", "revenue_ttm", "revenue_usd_m", "growth", (s) => parseMoney(s).value);
  list("Gross Margin (Latest Quarter)", "gross_margin_latest_quarter", "gross_margin", "change_pp", (s) => parsePercent(s).value);
  const header = seed.indexOf("Debt to Assets");
  for (let n = header + 1; ; n++) {
    const row = seed.lines[n - 1]?.trim() ?? "";
    const m = /^([A-Z]+)(\$\d+(?:\.\d+)?[KMB])(-?\d+\.\d)(-?\d+\.\d%)(-?\d+\.\d%)$/.exec(row);
    // The rows end at the first line that is not one; a line that starts like one but does not read stops generation.
    if (!m && /^[A-Z]+\$/.test(row)) throw new Error(`${seed.file} line ${n}: key-metrics row not recognised (ticker, market cap, P/E, ROE, debt to assets): "${row}"`);
    if (!m) break;
    peers.push({
      list: "key_metrics",
      name: null,
      ticker: m[1] as string,
      values: {
        market_cap_usd_m: parseMoney(m[2] as string).value,
        pe_ttm: parseNumber(m[3] as string).value,
        roe_ttm: parsePercent(m[4] as string).value,
        debt_to_assets: parsePercent(m[5] as string).value,
      },
      source: seed.line(n),
      related: [],
    });
  }
  if (!peers.some((p) => p.list === "key_metrics")) throw new Error(`${seed.file} line ${header + 1}: no key-metrics row under "Debt to Assets"`);
  return peers;
}
