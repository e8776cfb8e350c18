/** Spilled ranges: a metric over fiscal years (optionally ending at TTM), whole statements, and the implied rates. */
import { explain } from "../src/data/messages";
import { KC } from "../src/data/kc";
import type { Result } from "../src/data/result";
import { FX_PERIODS } from "./support/dataset";

const outcome = (r: Result<unknown>) => (r.ok ? r.value : { code: r.code, message: explain(r.reason) });
const grid = (r: Result<unknown>) => (r.ok ? (r.value as (string | number)[][]) : []);

describe("KC.HISTORY", () => {
  it("spills one fiscal year when both ends are the same year", () => {
    expect(outcome(KC.HISTORY("gross_profit", 2023, "FY2023", null, null))).toEqual([[850.17]]);
  });

  it("spills every fiscal year and then TTM when the end is TTM", () => {
    expect(outcome(KC.HISTORY("total_debt", 2020, "TTM", null, "B"))).toEqual([[0.61227, 1.62, 1.69, 1.72, 5.91, 8.75]]);
  });

  it("converts each year at its own rate", () => {
    const r = KC.HISTORY("gross_profit", 2020, 2021, "USD", null);
    const [row] = grid(r);
    expect(row?.[0]).toBeCloseTo(356.98 / (6580 / 953.34), 6);
    expect(row?.[1]).toBeCloseTo(351.29 / (9060 / 1400), 6);
    expect(r.ok && r.facts.map((f) => f.id)).toEqual(["gross_profit:FY2020:statement", "gross_profit:FY2021:statement"]);
  });

  it("refuses a start after the end, with the call that runs the other way", () => {
    expect(outcome(KC.HISTORY("revenue", 2024, 2020, null, null))).toEqual({
      code: "invalid",
      message: 'The from_period (FY2024) comes after the to_period (FY2020): a history runs oldest to newest, e.g. =KC.HISTORY("revenue", "FY2020", "FY2024").',
    });
    expect(outcome(KC.HISTORY("gross profit", "FY-1", "FY-3", null, null))).toMatchObject({ message: expect.stringMatching(/, e\.g\. =KC\.HISTORY\("gross_profit", "FY\d{4}", "FY\d{4}"\)\.$/) });
  });

  it("refuses quarters and a TTM start", () => {
    const kinds = { code: "invalid", message: 'A series runs over fiscal years, optionally ending at "TTM".' };
    expect(outcome(KC.HISTORY("revenue", "TTM", "TTM", null, null))).toEqual(kinds);
    expect(outcome(KC.HISTORY("revenue", 2020, "Q3 2025", null, null))).toEqual(kinds);
    expect(outcome(KC.HISTORY("revenue", "Q2 2025", 2024, null, null))).toEqual(kinds);
  });

  it("is #N/A, naming the year, when a year in the span has no figure", () => {
    expect(outcome(KC.HISTORY("research_and_development", 2023, 2024, null, null))).toEqual({ code: "unavailable", message: "No R&D expenses for FY2023. Available: FY2024." });
  });

  it("passes on a bad argument", () => {
    expect(KC.HISTORY("revenue", 2020, 2024, "EUR", null)).toMatchObject({ ok: false, code: "invalid", reason: { kind: "unknownChoice", what: "currency", value: "EUR" } });
  });
});

describe("KC.STATEMENT", () => {
  it.each([
    ["balance", "Total assets", [11960, 21080, 17320, 15070, 17590, 25650]],
    ["Balance Sheet", "Total assets", [11960, 21080, 17320, 15070, 17590, 25650]],
    ["bs", "Total assets", [11960, 21080, 17320, 15070, 17590, 25650]],
    ["cash flow", "Free cash flow", [-1880, -1440, -1250, -2130, -3050, 3330]],
    ["CF", "Free cash flow", [-1880, -1440, -1250, -2130, -3050, 3330]],
    ["cash_flow_statement", "Free cash flow", [-1880, -1440, -1250, -2130, -3050, 3330]],
    ["P&L", "Total revenue", [6580, 9060, 8180, 7050, 7790, 9020]],
    ["income statement", "Total revenue", [6580, 9060, 8180, 7050, 7790, 9020]],
  ])("%s has a row %s read from the statement table, oldest to newest then TTM", (name, label, values) => {
    const rows = grid(KC.STATEMENT(name, null, null));
    expect(rows[0]).toEqual(["RMB millions", "FY2020", "FY2021", "FY2022", "FY2023", "FY2024", "TTM"]);
    expect(rows.find((row) => row[0] === label)).toEqual([label, ...values]);
  });

  it("rests on every cell's figure, row by row", () => {
    const r = KC.STATEMENT("income", null, null);
    const ids = r.ok ? r.facts.map((f) => f.id) : [];
    expect(ids).toHaveLength(4 * 6);
    expect(ids.slice(0, 6)).toEqual(["FY2020", "FY2021", "FY2022", "FY2023", "FY2024", "TTM"].map((p) => `revenue:${p}:statement`));
  });

  it("lists each statement's lines in the table's order", () => {
    expect(grid(KC.STATEMENT("income", null, null)).map((row) => row[0])).toEqual(["RMB millions", "Total revenue", "Gross profit", "EBITDA", "Net income"]);
    expect(grid(KC.STATEMENT("balance", null, null)).map((row) => row[0])).toEqual([
      "RMB millions", "Total assets", "Cash, cash equivalents and short-term investments", "Total debt", "Total liabilities", "Stockholders' equity",
    ]);
    expect(grid(KC.STATEMENT("cashflow", null, null)).map((row) => row[0])).toEqual([
      "RMB millions", "Free cash flow", "Operating cash flow", "Investing cash flow", "Financing cash flow",
    ]);
  });

  it.each([[null, "RMB millions"], ["M", "RMB millions"], ["K", "RMB thousands"], ["units", "RMB units"], ["B", "RMB billions"]])("names the units %p in its corner: %s", (units, corner) => {
    expect(grid(KC.STATEMENT("income", null, units))[0]?.[0]).toBe(corner);
  });

  it("scales every cell and names the currency it converted to", () => {
    const rows = grid(KC.STATEMENT("income", "USD", "B"));
    expect(rows[0]?.[0]).toBe("USD billions");
    expect(rows[1]).toEqual(["Total revenue", 0.95334, 1.4, 1.22, 0.99524, 1.08, 1.25]);
  });

  it("refuses an unknown statement, naming the three", () => {
    expect(outcome(KC.STATEMENT("cash", null, null))).toEqual({ code: "invalid", message: 'Unknown statement "cash". Valid: income, balance, cashflow.' });
  });

  it("is #N/A as a whole when a cell cannot be given in the currency asked for", () => {
    expect(KC.STATEMENT("income", "HKD", null)).toMatchObject({ ok: false, code: "unavailable", reason: { kind: "noCurrency", label: "Total revenue", period: "FY2020", currency: "HKD" } });
  });
});

describe("KC.FXRATE", () => {
  it("is revenue in RMB over revenue in USD for each fiscal year and TTM, citing both figures", () => {
    const r = KC.FXRATE("FY2021");
    expect(r.ok && r.value).toBeCloseTo(9060 / 1400, 9);
    expect(r.ok && r.facts.map((f) => f.id)).toEqual(["revenue:FY2021:statement", "revenue:FY2021:filing"]);
    const ttm = KC.FXRATE("TTM");
    expect(ttm.ok && ttm.value).toBeCloseTo(9020 / 1250, 9);
  });

  it("is #N/A for a quarter, naming the periods that have a rate", () => {
    expect(FX_PERIODS).toContain("TTM");
    expect(outcome(KC.FXRATE("Q2 2025"))).toEqual({ code: "unavailable", message: `No implied RMB per USD rate for Q2 2025 (rates exist for ${FX_PERIODS.join(", ")}; USD only).` });
  });

  it("passes on a bad period", () => {
    expect(KC.FXRATE("soon")).toMatchObject({ ok: false, code: "invalid", reason: { kind: "badPeriod", value: "soon" } });
  });
});
