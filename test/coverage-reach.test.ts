/**
 * The numbers and dates a reader sees in the pages outside the statement tables, each answered by a formula with its
 * source, through the shipped dist/functions.js: the risk-factor count, the share placing, the share grant, the
 * next-earnings date the other page states, the TTM revenue growth the peer list states, and every dated event.
 * Each expected value is read from the seed text here, by the phrase printed beside it (docs/COVERAGE.md lists the
 * few numbers no formula answers, and why).
 */
import { loadFunctions } from "./support/load-functions";
import { filing, statementPeriods } from "./support/seed-tables";
import { HK_PAGE, US_PAGE, dateAfter, excelSerial, figureAfter, figuresOnLine, isoDate, lineOf, seedLines, textAfter } from "./support/seed-reader";

type Fn = (...args: unknown[]) => unknown;
const { registered, faults } = loadFunctions();
const kc = (name: string, ...args: unknown[]) => (registered.get(name) as Fn)(...args);
const profile = (field: string) => kc("PROFILE", field);

afterAll(() => expect(faults()).toEqual([]));

describe("numbers stated outside the tables, as values", () => {
  it("answers the count of risk factors and the category with the most", () => {
    expect(profile("risk_factor_count")).toBe(Number(/disclosed (\d+) risk factors/.exec(seedLines(HK_PAGE)[lineOf(HK_PAGE, "risk factors in its most recent") - 1] as string)?.[1]));
    expect(profile("risk_top_category")).toBe(/most risks in the "([^"]+)" category/.exec(seedLines(HK_PAGE)[lineOf(HK_PAGE, "reported the most risks") - 1] as string)?.[1]);
  });

  it("answers the share placing in HKD millions and the share earmarked for AI", () => {
    const placing = figureAfter(HK_PAGE, "earmarked 80% of an ");
    expect(placing.currency).toBe("HKD");
    expect(profile("placing_hkd")).toBe(placing.value);
    expect(profile("placing_ai_share")).toBeCloseTo(figureAfter(HK_PAGE, "Management earmarked ").value, 12);
  });

  it("answers the share grant's units, ADSs, share of capital, employees and price", () => {
    expect(profile("rsu_grant_units")).toBe(figureAfter(HK_PAGE, "has granted ").value);
    expect(profile("rsu_grant_share_capital")).toBeCloseTo(figureAfter(HK_PAGE, "equivalent to about ").value, 12);
    expect(profile("rsu_grant_ads")).toBe(figureAfter(HK_PAGE, "issued share capital or roughly ").value);
    expect(profile("rsu_grant_employees")).toBe(figureAfter(HK_PAGE, "ADSs, to ").value);
    expect(profile("rsu_grant_price_usd")).toBe(figureAfter(HK_PAGE, "priced at ").value);
  });

  it("answers the shares per ADS the grant implies: the one ratio that turns its shares into its \"roughly\" ADSs", () => {
    const shares = figureAfter(HK_PAGE, "has granted ").value;
    const ads = figureAfter(HK_PAGE, "issued share capital or roughly ").value;
    const fits = Array.from({ length: 100 }, (_, i) => i + 1).filter((n) => Math.floor(shares / n) === ads);
    expect(fits).toHaveLength(1);
    expect(profile("shares_per_ads")).toBe(fits[0]);
  });

  it("answers both stated next-earnings dates and the earnings call's date as Excel dates", () => {
    expect(profile("next_earnings")).toBe(excelSerial(dateAfter(HK_PAGE, "Next Earnings Date:")));
    expect(profile("next_earnings_other")).toBe(excelSerial(dateAfter(US_PAGE, "Next earnings:")));
    expect(profile("earnings_call_date")).toBe(excelSerial(dateAfter(HK_PAGE, "Earnings Call Date:")));
  });

  it("answers the peer list's TTM revenue growth as a value in KC.CONFLICTS, beside the overview's", () => {
    const kcRow = lineOf(US_PAGE, "Kingsoft Cloud Holdings LimitedKC");
    const [growth] = figuresOnLine(US_PAGE, kcRow + 2);
    const grid = kc("CONFLICTS") as unknown[][];
    const row = grid.find((r) => r[0] === "revenue_growth TTM" && r[3] === false) as unknown[];
    expect(row[1]).toBeCloseTo(growth?.value as number, 12);
    expect(row[4]).toContain(`line ${kcRow + 2}: "${growth?.written}"`);
  });
});

describe("KC.EVENTS", () => {
  const grid = kc("EVENTS") as unknown[][];
  const rows = grid.slice(1);
  const dates = rows.map((r) => r[0] as number);

  it("spills a header and one row per event, newest first, dates as Excel dates", () => {
    expect(grid[0]).toEqual(["Date", "Kind", "Event", "Details", "Source"]);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const r of rows) expect(r.every((cell) => typeof cell === "number" || (typeof cell === "string" && cell.length > 0))).toBe(true);
  });

  it("has every corporate event the analysis page lists, by its title and date", () => {
    const lines = seedLines(HK_PAGE);
    const start = lineOf(HK_PAGE, "Corporate Events");
    const end = lines.findIndex((l, i) => i >= start && l.trim() === "Glossary");
    const listed: [number, string][] = [];
    for (let i = start; i < end; i++) {
      const text = (lines[i] as string).trim();
      if (/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/.test(text)) listed.push([excelSerial(isoDate(text)), (lines[i - 1] as string).trim()]);
    }
    expect(listed.length).toBeGreaterThan(0);
    for (const [date, title] of listed) expect(rows.filter((r) => r[0] === date && r[2] === title).map((r) => r[4])).toEqual([expect.stringContaining(`line ${lineOf(HK_PAGE, title)}:`)]);
  });

  it("has the earnings call, both next-earnings dates and each Form 20-F's filing date, each with its source line", () => {
    const on = (date: number, kind: string) => rows.filter((r) => r[0] === date && r[1] === kind);
    expect(on(excelSerial(dateAfter(HK_PAGE, "Earnings Call Date:")), "Earnings call")).toHaveLength(1);
    expect(on(excelSerial(dateAfter(HK_PAGE, "Next Earnings Date:")), "Next earnings")).toHaveLength(1);
    const other = on(excelSerial(dateAfter(US_PAGE, "Next earnings:")), "Next earnings");
    expect(other).toHaveLength(1);
    expect(other[0]?.[4]).toBe(`Kingsoft Cloud Holdings Limited (NASDAQ: KC) overview, line ${lineOf(US_PAGE, "Next earnings:")}: "Next earnings:${textAfter(US_PAGE, "Next earnings:")}"`);
    const years = statementPeriods().filter((p) => p !== "TTM").map((p) => Number(p.slice(2)));
    for (const year of years) expect(on(excelSerial(filing(year).filed), "Filing")).toHaveLength(1);
    expect(rows.filter((r) => r[1] === "Filing")).toHaveLength(years.length);
  });
});
