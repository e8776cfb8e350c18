/** The tests' own reader of the seed pages, which the figure tests take their expected values from. */
import { HK_PAGE, US_PAGE, figureAfter, figuresBelow, lineOf, readFigure, SeedReaderError, seedLines } from "./support/seed-reader";
import { filing, statementPeriods, statementRow } from "./support/seed-tables";

describe("the seed reader used for expected values", () => {
  it("reads a figure with its scale into millions, a percentage as a fraction, and keeps the rounding", () => {
    expect(readFigure("9.02B")).toMatchObject({ value: 9020, low: 9015, high: 9025, currency: null });
    expect(readFigure("-972.95M")).toMatchObject({ value: -972.95, low: -972.955, high: -972.945 });
    expect(readFigure("RMB 2.35 billion")).toMatchObject({ value: 2350, currency: "RMB" });
    expect(readFigure("RMB628.4M")).toMatchObject({ value: 628.4, currency: "RMB" });
    expect(readFigure("$-1.13")).toMatchObject({ value: -1.13, currency: "USD" });
    expect(readFigure("HK$7.50")).toMatchObject({ value: 7.5, low: 7.495, high: 7.505, currency: "HKD" });
    expect(readFigure("-16.21%")).toMatchObject({ value: -0.1621, low: -0.16215, high: -0.16205 });
    expect(readFigure("+10.5%").value).toBe(0.105);
    expect(readFigure("1.30")).toMatchObject({ value: 1.3, low: 1.295, high: 1.305 });
  });

  it("reads a zero written with a minus sign as the losses that round to it", () => {
    expect(readFigure("-$0.00")).toMatchObject({ value: 0, low: -0.005, high: 0 });
  });

  it("refuses a phrase that is on no line or on several, and text that is not a figure", () => {
    expect(() => lineOf(HK_PAGE, "no such words anywhere")).toThrow(SeedReaderError);
    expect(() => lineOf(US_PAGE, "Revenue")).toThrow(/is on \d+ lines/);
    expect(() => readFigure("7.79 lakh")).toThrow(SeedReaderError);
    expect(() => figureAfter(US_PAGE, "CEO: ")).toThrow(/no figure right after/);
  });

  it("finds a figure by the phrase before it and a value by the headings above it", () => {
    const loss = figureAfter(US_PAGE, "net loss decreased 9.4% to ");
    expect(seedLines(US_PAGE)[loss.line - 1]).toContain(`to ${loss.written}.`);
    expect(loss.currency).toBe("RMB");
    const [cap] = figuresBelow(US_PAGE, "Market Cap");
    expect(seedLines(US_PAGE)[(cap?.line ?? 0) - 2]?.trim()).toBe("Market Cap");
  });

  it("reads the statement table row by row, every figure of a row, one per column", () => {
    const periods = statementPeriods();
    expect(periods[0]).toBe("TTM");
    expect(periods.slice(1).every((p) => /^FY\d{4}$/.test(p))).toBe(true);
    const row = statementRow("Operating Cash Flow");
    const line = seedLines(HK_PAGE)[(row.TTM?.line ?? 0) - 1]?.trim();
    expect(line).toBe(`Operating Cash Flow${periods.map((p) => row[p]?.written).join("")}`);
    expect(() => statementRow("Cash Flow")).toThrow(/no statement row/);
  });

  it("reads a Form 20-F block by its title", () => {
    const fy2022 = filing(2022);
    const block = seedLines(US_PAGE).slice(fy2022.titleLine, fy2022.titleLine + 6).join("\n");
    expect(block).toContain(`Revenue: ${fy2022.revenue.written}${fy2022.revenueGrowth.written}`);
    expect(block).toContain(`EPS: ${fy2022.eps.written}${fy2022.epsGrowth.written}`);
    expect(fy2022.periodEnd).toBe("2022-12-31");
    expect(fy2022.revenue.currency).toBe("USD");
  });
});
