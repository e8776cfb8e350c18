import { explain } from "../src/data/messages";
import { KC } from "../src/data/kc";
import type { Result } from "../src/data/result";
import { HK_PAGE, US_PAGE, dateAfter, excelSerial, figureAfter, figuresBelow, figuresOnLine, lineOf, textAfter, type SeedFigure } from "./support/seed-reader";
import { filing, statementPeriods, statementRow } from "./support/seed-tables";

const value = (r: Result<unknown>) => (r.ok ? r.value : `${r.code}: ${explain(r.reason)}`);
/** The analyst's words for a miss, with its Excel error kind. */
const messageOf = (r: Result<unknown>) => (r.ok ? { value: r.value } : { code: r.code, message: explain(r.reason) });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Every expected figure below is read from the seed pages, by the label or phrase printed beside it.
const revenue = statementRow("Total Revenue");
const grossProfit = statementRow("Gross Profit");
const netIncome = statementRow("Net Income");
const totalAssets = statementRow("Total Assets");
const totalDebt = statementRow("Total Debt");
const equity = statementRow("Stockholders Equity");
const cash = statementRow("Cash, Cash Equivalents and Short-Term Investments");
const rmb = (row: Record<string, SeedFigure>, period: string) => (row[period] as SeedFigure).value;
const fy2024Usd = filing(2024);
/** RMB per USD that FY2024's revenue implies: the statement table's RMB over the 20-F list's USD. */
const fx2024 = rmb(revenue, "FY2024") / fy2024Usd.revenue.value;
/** KC's own row in the overview page's peer list: TTM revenue in USD, and its growth on the line below. */
const [ttmUsdRevenue] = figuresBelow(US_PAGE, "Peer Comparison", "Revenue (TTM)", "Kingsoft Cloud Holdings LimitedKC") as [SeedFigure];
const [ttmUsdGrowth] = figuresOnLine(US_PAGE, ttmUsdRevenue.line + 1) as [SeedFigure];
const fiscalYears = statementPeriods().filter((p) => p !== "TTM").reverse();
const bound = "a year-over-year increase of over 120%";

describe("figures in the currency and units asked for", () => {
  it("returns the statement figures in RMB millions by default", () => {
    expect(value(KC.REVENUE("2024", null, null))).toBe(rmb(revenue, "FY2024"));
    expect(value(KC.REVENUE("TTM", null, null))).toBe(rmb(revenue, "TTM"));
    expect(value(KC.FIGURE("Gross Profit", 2023, null, null))).toBe(rmb(grossProfit, "FY2023"));
    expect(value(KC.FIGURE("net-income", "FY24", null, null))).toBe(rmb(netIncome, "FY2024"));
    expect(value(KC.FIGURE("R&D", 2024, null, null))).toBe(figureAfter(US_PAGE, "investment in infrastructure and R&D, like ").value);
    expect(value(KC.FIGURE("Cash & short-term investments", "TTM", null, null))).toBe(rmb(cash, "TTM"));
  });

  it("uses the figure the pages state in USD before converting", () => {
    expect(value(KC.REVENUE("2024", "USD", null))).toBe(fy2024Usd.revenue.value);
    expect(ttmUsdRevenue.currency).toBe("USD");
    expect(value(KC.REVENUE("TTM", "usd", "B"))).toBe(ttmUsdRevenue.value / 1000);
    expect(value(KC.FIGURE("eps", "2024", "USD", null))).toBe(fy2024Usd.eps.value);
  });

  it("converts with the implied rate for that fiscal year where no USD figure is stated", () => {
    const r = KC.FIGURE("gross_profit", 2024, "USD", null);
    expect(value(r)).toBeCloseTo(rmb(grossProfit, "FY2024") / fx2024, 6);
    expect(r.ok && r.notes[0]).toContain(`Converted at ${fx2024.toFixed(4)} RMB per USD`);
  });

  it("says #N/A when no rate exists, naming what there is", () => {
    expect(KC.REVENUE("Q2 2025", "USD", null)).toMatchObject({ ok: false, code: "unavailable", reason: { kind: "noCurrency", currency: "USD", have: ["RMB"] } });
    expect(KC.REVENUE("2024", "HKD", null)).toMatchObject({ ok: false, code: "unavailable", reason: { kind: "noCurrency", period: "FY2024", currency: "HKD" } });
  });

  it("scales money to units, thousands, millions or billions", () => {
    const millions = rmb(revenue, "FY2024");
    expect(value(KC.REVENUE(2024, null, "B"))).toBe(millions / 1000);
    expect(value(KC.REVENUE(2024, null, "K"))).toBe(millions * 1000);
    expect(value(KC.REVENUE(2024, "RMB", "units"))).toBe(millions * 1e6);
    expect(value(KC.REVENUE(2024, "CNY", "millions"))).toBe(millions);
  });

  it("treats null, undefined and empty text alike for optional arguments", () => {
    expect(value(KC.REVENUE(2024, undefined, ""))).toBe(rmb(revenue, "FY2024"));
    expect(value(KC.REVENUE(2024, "", null))).toBe(rmb(revenue, "FY2024"));
  });

  it("reaches quarter and segment figures and aliases", () => {
    expect(value(KC.FIGURE("ai gross billings", "Q2 2025", null, null))).toBe(figureAfter(HK_PAGE, "AI gross billings reached ").value);
    expect(value(KC.FIGURE("premium_customers", 2024, null, null))).toBe(figureAfter(US_PAGE, "Total Premium Customers reached ").value);
    expect(value(KC.FIGURE("fcf", "TTM", null, null))).toBe(rmb(statementRow("Free Cash Flow"), "TTM"));
    expect(value(KC.FIGURE("ocf", 2024, null, null))).toBe(rmb(statementRow("Operating Cash Flow"), "FY2024"));
    expect(value(KC.FIGURE("cash", 2024, null, null))).toBe(rmb(cash, "FY2024"));
    expect(value(KC.FIGURE("equity", "TTM", null, null))).toBe(rmb(equity, "TTM"));
  });

  it("names the valid choices and the nearest one for an unknown metric, currency or unit", () => {
    expect(KC.FIGURE("revenu", 2024, null, null)).toMatchObject({ ok: false, code: "invalid", reason: { kind: "notInDataset", what: "metric", value: "revenu", near: "revenue" } });
    expect(KC.REVENUE(2024, "EUR", null)).toMatchObject({ ok: false, code: "invalid", reason: { kind: "unknownChoice", what: "currency", choices: ["RMB", "CNY", "USD", "HKD"] } });
    expect(KC.REVENUE(2024, null, "lakh")).toMatchObject({ ok: false, code: "invalid", reason: { kind: "unknownChoice", what: "units", value: "lakh" } });
  });

  it("is #N/A for a period the dataset lacks", () => {
    expect(KC.REVENUE("2019", null, null)).toMatchObject({ ok: false, code: "unavailable", reason: { kind: "noPeriod", period: "FY2019", available: expect.arrayContaining([fiscalYears[0]]) } });
    expect(KC.FIGURE("gross_profit", "Q3 2025", null, null)).toMatchObject({ ok: false, code: "unavailable", reason: { kind: "noFigure", period: "Q3 2025" } });
  });

  it("does not pass off a bound as a figure: AI billings growth is only \"over 120%\"", () => {
    expect(KC.SOURCE("ai_gross_billings_growth", "Q2 2025", null)).toMatchObject({ ok: true, value: expect.stringMatching(new RegExp(`line ${lineOf(HK_PAGE, bound)}\\b.*Stated only as a lower bound`)) });
    expect(KC.FIGURE("ai_gross_billings_growth", "Q2 2025", null, null)).toMatchObject({ ok: false, code: "unavailable", reason: { kind: "onlyBound", period: "Q2 2025", text: bound } });
  });

  it("refuses currency and units for figures that are not money", () => {
    expect(KC.FIGURE("premium_customers", 2024, "USD", null)).toMatchObject({ ok: false, code: "invalid", reason: { kind: "currencyNotMoney" } });
    expect(KC.FIGURE("eps", 2024, null, "B")).toMatchObject({ ok: false, code: "invalid", reason: { kind: "perShareUnits" } });
  });
});

describe("ratios, margins and growth", () => {
  it("computes margins as fractions of the stated figures", () => {
    expect(value(KC.MARGIN("gross", "2024"))).toBeCloseTo(rmb(grossProfit, "FY2024") / rmb(revenue, "FY2024"), 12);
    expect(value(KC.MARGIN("gross", "TTM"))).toBeCloseTo(rmb(grossProfit, "TTM") / rmb(revenue, "TTM"), 12);
    expect(value(KC.MARGIN("net", "TTM"))).toBeCloseTo(rmb(netIncome, "TTM") / rmb(revenue, "TTM"), 12);
    expect(KC.MARGIN("operating", 2024)).toMatchObject({ ok: false, code: "invalid", reason: { kind: "unknownChoice", what: "margin", value: "operating" } });
  });

  it("computes growth against a year earlier, or a base, and (new − base)/|base| against a loss", () => {
    expect(value(KC.GROWTHRATE("revenue", 2024, null))).toBeCloseTo(rmb(revenue, "FY2024") / rmb(revenue, "FY2023") - 1, 12);
    expect(value(KC.GROWTHRATE("revenue", 2024, 2020))).toBeCloseTo(rmb(revenue, "FY2024") / rmb(revenue, "FY2020") - 1, 9);
    const [loss2024, loss2023] = [rmb(netIncome, "FY2024"), rmb(netIncome, "FY2023")];
    expect(loss2023).toBeLessThan(0);
    expect(value(KC.GROWTHRATE("net_income", 2024, null))).toBeCloseTo((loss2024 - loss2023) / Math.abs(loss2023), 9);
    expect(KC.GROWTHRATE("revenue", 2020, null)).toMatchObject({ ok: false, code: "unavailable", reason: { kind: "noPriorYear", period: "FY2020" } });
    expect(KC.GROWTHRATE("revenue", "TTM", null)).toMatchObject({ ok: false, code: "unavailable", reason: { kind: "noPriorYear" } });
  });

  it("without a year-earlier figure, points to the growth the sources state, its bound or its conflict, never computing one", () => {
    const q3Growth = figuresBelow(US_PAGE, "Financial Dashboard", "Q3 2025 Data", "Revenue")[1] as SeedFigure;
    const ttmGrowth = figureAfter(HK_PAGE, "modest TTM revenue growth (");
    const ttmEnd = new Date(dateAfter(HK_PAGE, "third quarter ending ")).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
    expect(messageOf(KC.GROWTHRATE("revenue", "Q3 2025", null))).toMatchObject({
      code: "unavailable",
      message: expect.stringMatching(new RegExp(`${escape(`state Revenue growth (stated) for Q3 2025 as ${q3Growth.written.replace(/^\+/, "")}: =KC.FIGURE("revenue_growth","Q3-2025").`)}$`)),
    });
    expect(value(KC.FIGURE("revenue_growth", "Q3-2025", null, null))).toBe(q3Growth.value);
    // The primary TTM figure (the analysis page's) is named, and its disagreement with the overview's peer table is flagged.
    expect(messageOf(KC.GROWTHRATE("revenue", "TTM", null))).toMatchObject({
      message: expect.stringMatching(new RegExp(`${escape(`as ${ttmGrowth.written}: =KC.FIGURE("revenue_growth","TTM") (the sources disagree: =KC.SOURCE("revenue_growth","TTM")).`)}$`)),
    });
    expect(value(KC.SOURCE("revenue_growth", "TTM", null))).toContain(`CONFLICT: ${ttmUsdGrowth.written}`);
    expect(messageOf(KC.GROWTHRATE("ai_gross_billings", "Q2 2025", null))).toMatchObject({
      message: expect.stringContaining(`only as a bound ("${bound}"): =KC.SOURCE(`),
    });
    expect(messageOf(KC.GROWTHRATE("total_assets", "TTM", null))).toMatchObject({ message: `No year-earlier period for TTM (to ${ttmEnd}) in the dataset; pass a base period.` });
  });

  it("computes CAGR between fiscal years, and refuses a negative end", () => {
    expect(value(KC.CAGR("revenue", 2020, 2024))).toBeCloseTo(Math.pow(rmb(revenue, "FY2024") / rmb(revenue, "FY2020"), 1 / 4) - 1, 9);
    expect(KC.CAGR("net_income", 2020, 2024)).toMatchObject({ ok: false, code: "unavailable" });
    expect(KC.CAGR("revenue", 2024, 2020)).toMatchObject({ ok: false, code: "invalid" });
  });

  it("computes named and a/b ratios", () => {
    expect(value(KC.RATIO("debt_to_equity", "TTM"))).toBeCloseTo(rmb(totalDebt, "TTM") / rmb(equity, "TTM"), 12);
    expect(value(KC.RATIO("equity ratio", "TTM"))).toBeCloseTo(rmb(equity, "TTM") / rmb(totalAssets, "TTM"), 12);
    expect(value(KC.RATIO("total_debt/total_assets", "TTM"))).toBeCloseTo(rmb(totalDebt, "TTM") / rmb(totalAssets, "TTM"), 12);
    expect(KC.RATIO("a/b/c", "TTM")).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("spills, info, filings, sources", () => {
  it("spills a series oldest to newest, optionally ending at TTM", () => {
    expect(value(KC.HISTORY("revenue", 2020, 2024, null, "B"))).toEqual([fiscalYears.map((p) => rmb(revenue, p) / 1000)]);
    expect(value(KC.HISTORY("revenue", "FY2023", "TTM", null, null))).toEqual([["FY2023", "FY2024", "TTM"].map((p) => rmb(revenue, p))]);
  });

  it("spills a statement with a header row and label column", () => {
    const r = KC.STATEMENT("income", null, null);
    expect(r.ok).toBe(true);
    const grid = (r.ok ? r.value : []) as (string | number)[][];
    expect(grid[0]).toEqual(["RMB millions", ...fiscalYears, "TTM"]);
    expect(grid[1]).toEqual(["Total revenue", ...[...fiscalYears, "TTM"].map((p) => rmb(revenue, p))]);
    expect(grid.every((row) => row.length === fiscalYears.length + 2)).toBe(true);
  });

  it("lists the periods: the statement table's years, the quarters the pages report, and TTM", () => {
    expect(lineOf(HK_PAGE, "(Q2-2025)")).toBeGreaterThan(0);
    expect(lineOf(US_PAGE, "Q3 2025 Data")).toBeGreaterThan(0);
    expect(value(KC.PERIODS())).toEqual([...fiscalYears, "Q2-2025", "Q3-2025", "TTM"].map((p) => [p]));
  });

  it("answers profile and market fields with their currency in the name", () => {
    expect(value(KC.PROFILE("ceo"))).toBe(textAfter(US_PAGE, "CEO: "));
    expect(value(KC.PROFILE("listing_date"))).toBe(excelSerial(dateAfter(US_PAGE, "Listing Date: ")));
    expect(value(KC.PROFILE("market_cap_usd"))).toBe(figuresBelow(US_PAGE, "Market Cap")[0]?.value);
    expect(figuresBelow(HK_PAGE, "Price Target:")[0]?.currency).toBe("HKD");
    expect(value(KC.PROFILE("price_target_hkd"))).toBe(figuresBelow(HK_PAGE, "Price Target:")[0]?.value);
    expect(value(KC.PROFILE("rsi"))).toBe(figuresBelow(HK_PAGE, "Kingsoft Cloud Holdings Ltd Technical Analysis", "RSI")[0]?.value);
    expect(KC.PROFILE("dividend_yield")).toMatchObject({ ok: false, code: "unavailable" });
    expect(KC.PROFILE("beta")).toMatchObject({ ok: false, code: "invalid" });
  });

  it("reads the 20-F list", () => {
    expect(value(KC.FILING(2024, "filed"))).toBe(excelSerial(filing(2024).filed));
    expect(value(KC.FILING("FY2022", "revenue"))).toBe(filing(2022).revenue.value);
    expect(value(KC.FILING(2021, "result"))).toBe(filing(2021).result);
    expect(KC.FILING(2019, "form")).toMatchObject({ ok: false, code: "unavailable" });
  });

  it("cites the source and every conflicting source", () => {
    const r = KC.SOURCE("net_income", 2024, null);
    expect(value(r)).toContain(`${HK_PAGE} line ${netIncome.FY2024?.line}`);
    expect(value(r)).toContain(`CONFLICT: ${figureAfter(US_PAGE, "net loss decreased 9.4% to ").written} (2024 highlights)`);
  });

  it("lists the conflicting statements, one row each, with the value each source states as a value", () => {
    const grid = value(KC.CONFLICTS()) as (string | number | boolean)[][];
    expect(grid[0]).toEqual(["Subject", "Value", "As stated", "Primary", "Source", "Why"]);
    const row = (subject: string, primary: boolean) => grid.find((r) => r[0] === subject && r[3] === primary) as (string | number | boolean)[];
    expect(grid.slice(1).map((r) => [r[0], r[3]])).toEqual([
      ["net_income FY2024 (RMB)", true], ["net_income FY2024 (RMB)", false],
      ["revenue_growth TTM", true], ["revenue_growth TTM", false],
      ["next earnings date", true], ["next earnings date", false],
    ]);
    expect(row("net_income FY2024 (RMB)", true)[1]).toBe(rmb(netIncome, "FY2024"));
    // The highlights state the loss as a decrease "to RMB1.98B": a net loss, so negative.
    expect(row("net_income FY2024 (RMB)", false)[1]).toBe(-figureAfter(US_PAGE, "net loss decreased 9.4% to ").value);
    expect(row("revenue_growth TTM", true)[1]).toBeCloseTo(figureAfter(HK_PAGE, "modest TTM revenue growth (").value, 12);
    expect(row("revenue_growth TTM", false)[1]).toBeCloseTo(ttmUsdGrowth.value, 12);
    expect(row("revenue_growth TTM", false)[2]).toBe(ttmUsdGrowth.written);
    expect(row("next earnings date", true)[1]).toBe(excelSerial(dateAfter(HK_PAGE, "Next Earnings Date:")));
    expect(row("next earnings date", false)[1]).toBe(excelSerial(dateAfter(US_PAGE, "Next earnings:")));
    expect(row("next earnings date", false)[4]).toBe(`Kingsoft Cloud Holdings Limited (NASDAQ: KC) overview, line ${lineOf(US_PAGE, "Next earnings:")}: "Next earnings:${textAfter(US_PAGE, "Next earnings:")}"`);
    for (const r of grid.slice(1)) expect(typeof r[1]).toBe("number");
  });

  it("gives the as-of dates and implied FX", () => {
    expect(value(KC.ASOF(null))).toBe(excelSerial(dateAfter(HK_PAGE, "Date of analysis: ")));
    expect(value(KC.ASOF("financials"))).toBe(excelSerial(dateAfter(HK_PAGE, "third quarter ending ")));
    expect(value(KC.FXRATE(2024))).toBeCloseTo(fx2024, 8);
  });
});
