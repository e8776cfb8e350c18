import { KC } from "../src/data/kc";
import type { Result } from "../src/data/result";

const value = (r: Result<unknown>) => (r.ok ? r.value : `${r.code}: ${r.message}`);

describe("figures in the currency and units asked for", () => {
  it("returns the statement figures in RMB millions by default", () => {
    expect(value(KC.REVENUE("2024", null, null))).toBe(7790);
    expect(value(KC.REVENUE("TTM", null, null))).toBe(9020);
    expect(value(KC.FIGURE("Gross Profit", 2023, null, null))).toBe(850.17);
    expect(value(KC.FIGURE("net-income", "FY24", null, null))).toBe(-1970);
    expect(value(KC.FIGURE("R&D", 2024, null, null))).toBe(846);
    expect(value(KC.FIGURE("Cash & short-term investments", "TTM", null, null))).toBe(3950);
  });

  it("uses the figure the pages state in USD before converting", () => {
    expect(value(KC.REVENUE("2024", "USD", null))).toBe(1080);
    expect(value(KC.REVENUE("TTM", "usd", "B"))).toBe(1.25);
    expect(value(KC.FIGURE("eps", "2024", "USD", null))).toBe(-1.13);
  });

  it("converts with the implied rate for that fiscal year where no USD figure is stated", () => {
    const r = KC.FIGURE("gross_profit", 2024, "USD", null);
    expect(value(r)).toBeCloseTo(1340 / (7790 / 1080), 6);
    expect(r.ok && r.notes[0]).toMatch(/Converted at 7\.2130 RMB per USD/);
  });

  it("says #N/A when no rate exists, naming what there is", () => {
    expect(KC.REVENUE("Q2 2025", "USD", null)).toMatchObject({ ok: false, code: "unavailable" });
    expect(KC.REVENUE("2024", "HKD", null)).toMatchObject({ ok: false, code: "unavailable", message: expect.stringMatching(/HKD/) });
  });

  it("scales money to units, thousands, millions or billions", () => {
    expect(value(KC.REVENUE(2024, null, "B"))).toBe(7.79);
    expect(value(KC.REVENUE(2024, null, "K"))).toBe(7790000);
    expect(value(KC.REVENUE(2024, "RMB", "units"))).toBe(7790000000);
    expect(value(KC.REVENUE(2024, "CNY", "millions"))).toBe(7790);
  });

  it("treats null, undefined and empty text alike for optional arguments", () => {
    expect(value(KC.REVENUE(2024, undefined, ""))).toBe(7790);
    expect(value(KC.REVENUE(2024, "", null))).toBe(7790);
  });

  it("reaches quarter and segment figures and aliases", () => {
    expect(value(KC.FIGURE("ai gross billings", "Q2 2025", null, null))).toBe(728);
    expect(value(KC.FIGURE("premium_customers", 2024, null, null))).toBe(492);
    expect(value(KC.FIGURE("fcf", "TTM", null, null))).toBe(3330);
    expect(value(KC.FIGURE("ocf", 2024, null, null))).toBe(628.42);
    expect(value(KC.FIGURE("cash", 2024, null, null))).toBe(2740);
    expect(value(KC.FIGURE("equity", "TTM", null, null))).toBe(6740);
  });

  it("names the valid choices and the nearest one for an unknown metric, currency or unit", () => {
    expect(KC.FIGURE("revenu", 2024, null, null)).toMatchObject({ ok: false, code: "invalid", message: expect.stringMatching(/Did you mean "revenue"\?/) });
    expect(KC.REVENUE(2024, "EUR", null)).toMatchObject({ ok: false, code: "invalid", message: expect.stringMatching(/Valid: RMB, CNY, USD, HKD/) });
    expect(KC.REVENUE(2024, null, "lakh")).toMatchObject({ ok: false, code: "invalid" });
  });

  it("is #N/A for a period the dataset lacks", () => {
    expect(KC.REVENUE("2019", null, null)).toMatchObject({ ok: false, code: "unavailable", message: expect.stringMatching(/Available: FY2020/) });
    expect(KC.FIGURE("gross_profit", "Q3 2025", null, null)).toMatchObject({ ok: false, code: "unavailable" });
  });

  it("does not pass off a bound as a figure: AI billings growth is only \"over 120%\"", () => {
    expect(KC.SOURCE("ai_gross_billings_growth", "Q2 2025", null)).toMatchObject({ ok: true, value: expect.stringMatching(/line 66.*Stated only as a lower bound/) });
    expect(KC.FIGURE("ai_gross_billings_growth", "Q2 2025", null, null)).toMatchObject({ ok: false, code: "unavailable", message: expect.stringMatching(/stated only as a bound \("a year-over-year increase of over 120%"\)/) });
  });

  it("refuses currency and units for figures that are not money", () => {
    expect(KC.FIGURE("premium_customers", 2024, "USD", null)).toMatchObject({ ok: false, code: "invalid" });
    expect(KC.FIGURE("eps", 2024, null, "B")).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("ratios, margins and growth", () => {
  it("computes margins as fractions", () => {
    expect(value(KC.MARGIN("gross", "2024"))).toBeCloseTo(0.172, 3);
    expect(value(KC.MARGIN("gross", "TTM"))).toBeCloseTo(0.162, 3);
    expect(value(KC.MARGIN("net", "TTM"))).toBeCloseTo(-0.1079, 4);
    expect(KC.MARGIN("operating", 2024)).toMatchObject({ ok: false, code: "invalid" });
  });

  it("computes growth against a year earlier, or a base, and (new − base)/|base| against a loss", () => {
    expect(value(KC.GROWTHRATE("revenue", 2024, null))).toBeCloseTo(0.105, 3);
    expect(value(KC.GROWTHRATE("revenue", 2024, 2020))).toBeCloseTo(7790 / 6580 - 1, 9);
    expect(value(KC.GROWTHRATE("net_income", 2024, null))).toBeCloseTo((-1970 + 2180) / 2180, 9);
    expect(KC.GROWTHRATE("revenue", 2020, null)).toMatchObject({ ok: false, code: "unavailable" });
    expect(KC.GROWTHRATE("revenue", "TTM", null)).toMatchObject({ ok: false, code: "unavailable", message: expect.stringMatching(/base period/) });
  });

  it("without a year-earlier figure, points to the growth the sources state, its bound or its conflict, never computing one", () => {
    expect(KC.GROWTHRATE("revenue", "Q3 2025", null)).toMatchObject({
      ok: false, code: "unavailable",
      message: expect.stringMatching(/state Revenue growth \(stated\) for Q3 2025 as 30\.73%: =KC\.FIGURE\("revenue_growth","Q3-2025"\)\.$/),
    });
    expect(value(KC.FIGURE("revenue_growth", "Q3-2025", null, null))).toBe(0.3073);
    // The primary TTM figure (6.87%) is named, and the disagreement with the peer table (+23.6%) is flagged.
    expect(KC.GROWTHRATE("revenue", "TTM", null)).toMatchObject({
      message: expect.stringMatching(/as 6\.87%: =KC\.FIGURE\("revenue_growth","TTM"\) \(the sources disagree: =KC\.SOURCE\("revenue_growth","TTM"\)\)\.$/),
    });
    expect(KC.GROWTHRATE("ai_gross_billings", "Q2 2025", null)).toMatchObject({
      message: expect.stringMatching(/only as a bound \("a year-over-year increase of over 120%"\): =KC\.SOURCE\(/),
    });
    expect(KC.GROWTHRATE("total_assets", "TTM", null)).toMatchObject({ message: "No year-earlier period for TTM (to Sep 30, 2025) in the dataset; pass a base period." });
  });

  it("computes CAGR between fiscal years, and refuses a negative end", () => {
    expect(value(KC.CAGR("revenue", 2020, 2024))).toBeCloseTo(Math.pow(7790 / 6580, 1 / 4) - 1, 9);
    expect(KC.CAGR("net_income", 2020, 2024)).toMatchObject({ ok: false, code: "unavailable" });
    expect(KC.CAGR("revenue", 2024, 2020)).toMatchObject({ ok: false, code: "invalid" });
  });

  it("computes named and a/b ratios", () => {
    expect(value(KC.RATIO("debt_to_equity", "TTM"))).toBeCloseTo(1.298, 3);
    expect(value(KC.RATIO("equity ratio", "TTM"))).toBeCloseTo(0.2628, 4);
    expect(value(KC.RATIO("total_debt/total_assets", "TTM"))).toBeCloseTo(0.3411, 4);
    expect(KC.RATIO("a/b/c", "TTM")).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("spills, info, filings, sources", () => {
  it("spills a series oldest to newest, optionally ending at TTM", () => {
    expect(value(KC.HISTORY("revenue", 2020, 2024, null, "B"))).toEqual([[6.58, 9.06, 8.18, 7.05, 7.79]]);
    expect(value(KC.HISTORY("revenue", "FY2023", "TTM", null, null))).toEqual([[7050, 7790, 9020]]);
  });

  it("spills a statement with a header row and label column", () => {
    const r = KC.STATEMENT("income", null, null);
    expect(r.ok).toBe(true);
    const grid = (r.ok ? r.value : []) as (string | number)[][];
    expect(grid[0]).toEqual(["RMB millions", "FY2020", "FY2021", "FY2022", "FY2023", "FY2024", "TTM"]);
    expect(grid[1]).toEqual(["Total revenue", 6580, 9060, 8180, 7050, 7790, 9020]);
    expect(grid.every((row) => row.length === 7)).toBe(true);
  });

  it("lists the periods", () => {
    expect(value(KC.PERIODS())).toEqual([["FY2020"], ["FY2021"], ["FY2022"], ["FY2023"], ["FY2024"], ["Q2-2025"], ["Q3-2025"], ["TTM"]]);
  });

  it("answers profile and market fields with their currency in the name", () => {
    expect(value(KC.PROFILE("ceo"))).toBe("Mr. Tao Zou");
    expect(value(KC.PROFILE("listing_date"))).toBe(43959);
    expect(value(KC.PROFILE("market_cap"))).toBe(2940);
    expect(value(KC.PROFILE("price_target_hkd"))).toBe(7.5);
    expect(value(KC.PROFILE("rsi"))).toBe(60.21);
    expect(KC.PROFILE("dividend_yield")).toMatchObject({ ok: false, code: "unavailable" });
    expect(KC.PROFILE("beta")).toMatchObject({ ok: false, code: "invalid" });
  });

  it("reads the 20-F list", () => {
    expect(value(KC.FILING(2024, "filed"))).toBe(45762);
    expect(value(KC.FILING("FY2022", "revenue"))).toBe(1220);
    expect(value(KC.FILING(2021, "result"))).toBe("Miss");
    expect(KC.FILING(2019, "form")).toMatchObject({ ok: false, code: "unavailable" });
  });

  it("cites the source and every conflicting source", () => {
    const r = KC.SOURCE("net_income", 2024, null);
    expect(value(r)).toMatch(/002_6d82bc69ff353dc9\.txt line 104/);
    expect(value(r)).toMatch(/CONFLICT: RMB1\.98B \(2024 highlights\)/);
  });

  it("lists the conflicts between the sources with a header row", () => {
    const grid = value(KC.CONFLICTS()) as string[][];
    expect(grid[0]).toEqual(["Subject", "Primary source", "Other sources", "Why"]);
    expect(grid.map((row) => row[0])).toEqual(["Subject", "net_income FY2024 (RMB)", "revenue_growth TTM", "next earnings date"]);
    expect(grid[3]?.[2]).toContain("Mar 18, 2026");
  });

  it("gives the as-of dates and implied FX", () => {
    expect(value(KC.ASOF(null))).toBe(46050);
    expect(value(KC.ASOF("financials"))).toBe(45930);
    expect(value(KC.FXRATE(2024))).toBeCloseTo(7.213, 3);
  });
});
