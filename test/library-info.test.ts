/** KC.PROFILE, KC.FILING and KC.ASOF: the values the two pages state, as Excel values (dates as serials). */
import { explain } from "../src/data/messages";
import { contentHash } from "../scripts/data/content-hash";
import { INFO_FIELDS, infoChoices } from "../src/data/info";
import { KC } from "../src/data/kc";
import type { Result } from "../src/data/result";
import { dataset } from "./support/dataset";

const outcome = (r: Result<unknown>) => (r.ok ? r.value : { code: r.code, message: explain(r.reason) });
/** Excel's serial for an ISO date, counted from 1 Jan 2025, which Excel numbers 45658. */
const serial = (iso: string) => 45658 + (Date.parse(`${iso}T00:00:00Z`) - Date.parse("2025-01-01T00:00:00Z")) / 86400000;

describe("KC.PROFILE", () => {
  it.each([
    // field, value as the seed line states it
    ["name", "Kingsoft Cloud Holdings Limited"],
    ["company", "Kingsoft Cloud Holdings Limited"],
    ["sector", "Technology"],
    ["industry", "Software - Application"],
    ["listing_date", serial("2020-05-08")],
    ["website", "www.ksyun.com"],
    ["phone", "86-10-6292-7777"],
    ["ticker_us", "KC"],
    ["ticker_hk", "3896"],
    ["market_cap_usd", 2940],
    ["P/E", -22.6],
    ["52w high usd", 22.26],
    ["52w_low_usd", 8.84],
    ["52w_range_position", 0.18],
    ["rank", 66],
    ["rank_top_percent", 0.896],
    ["last_price_hkd", 7.15],
    ["change_hkd", -0.67],
    ["change_percent", -0.0857],
    ["price_target_hkd", 7.5],
    ["upside", 0.049],
    ["rating", "Neutral"],
    ["score", 54],
    ["rating_model", "OpenAI - 5.2"],
    ["analyst_rating", "Hold"],
    ["followers", 18],
    ["sentiment", "Positive"],
    ["ma20_hkd", 6.48],
    ["MA50_HKD", 6.2],
    ["ma100_hkd", 6.76],
    ["ma200_hkd", 6.92],
    ["macd", 0.36],
    ["stoch", 73.36],
    ["piotroski", 1.9],
    ["f_score_label", "Weak"],
    ["income_statement_score", 45],
    ["balance_sheet_score", 50],
    ["cash_flow_score", 60],
    ["sector_rating", 61],
    ["revenue_cagr_4q", 0.035],
    ["cash_flow_stability", 0.75],
    ["next_earnings_date", serial("2026-03-25")],
    ["eps_estimate_usd", -0.05],
  ])("%s is %p", (field, expected) => {
    expect(outcome(KC.PROFILE(field))).toBe(expected);
  });

  it.each([
    ["price", "last_price_hkd", "HKD per share (HKEX)"],
    ["Last Price", "last_price_hkd", "HKD per share (HKEX)"],
    ["market_cap", "market_cap_usd", "USD millions (NASDAQ)"],
    ["52w_high", "52w_high_usd", "USD per ADS (NASDAQ)"],
    ["target", "price_target_hkd", "HKD per share (HKEX)"],
    ["ma200", "ma200_hkd", "HKD per share"],
    ["change", "change_hkd", "HKD per share (HKEX)"],
  ])("refuses %p, which names no listing or currency, with the field that does (%s)", (typed, field, unit) => {
    const r = KC.PROFILE(typed);
    expect(r).toMatchObject({ ok: false, code: "invalid", reason: { kind: "fieldNeedsListing", fields: [{ id: field, unit }] } });
    expect(r.ok ? "" : explain(r.reason)).toBe(`"${typed}" does not say which listing or currency: KC is listed on NASDAQ (USD, per ADS) and HKEX (HKD, per share). Use "${field}" (${unit}).`);
  });

  it("accepts no name for a figure in USD or HKD unless the name says the currency", () => {
    const unsaid = infoChoices.names.filter(([name, id]) => {
      const unit = INFO_FIELDS.find((f) => f.id === id)?.unit ?? "";
      const currency = /\b(USD|HKD)\b/.exec(unit)?.[1];
      return currency !== undefined && !name.toLowerCase().includes(currency.toLowerCase()) && KC.PROFILE(name).ok;
    });
    expect(unsaid).toEqual([]);
    expect(infoChoices.names.length).toBeGreaterThan(INFO_FIELDS.length);
  });

  it("reads the address as one line", () => {
    expect(outcome(KC.PROFILE("address"))).toBe("Building D, Xiaomi Science and Technology Park No. 33 Xierqi Middle Road Haidian District, Beijing, 100085, China");
  });

  it("is #N/A, naming the field, where the page shows no value", () => {
    expect(outcome(KC.PROFILE("dividend_yield"))).toEqual({ code: "unavailable", message: "The pages give no value for Dividend yield." });
  });

  it("names the field a misspelt one stands for and where all fields are listed, and requires one", () => {
    expect(outcome(KC.PROFILE("sectr"))).toEqual({
      code: "invalid",
      message: 'No field "sectr" in the dataset. Did you mean "sector"? All 58 fields are listed by =KC.FIELDS() and in the formula builder (Home > KC for Excel > Formulas).',
    });
    expect(outcome(KC.PROFILE(null))).toEqual({ code: "invalid", message: "A field is required." });
    expect(outcome(KC.PROFILE(3))).toEqual({ code: "invalid", message: "The field must be text, not 3." });
  });
});

describe("KC.FILING", () => {
  it.each([
    ["form", "20-F"],
    ["fiscal_year", 2024],
    ["period_end", serial("2024-12-31")],
    ["period", serial("2024-12-31")],
    ["filed", serial("2025-04-15")],
    ["filing date", serial("2025-04-15")],
    ["revenue", 1080],
    ["revenue_growth", 0.105],
    ["eps", -1.13],
    ["eps_growth", 0.115],
    ["result", "Miss"],
    ["beat_miss", "Miss"],
  ])("FY2024 %s is %p", (field, expected) => {
    expect(outcome(KC.FILING(2024, field))).toBe(expected);
  });

  it("reads the year as a number, text or fiscal-year label", () => {
    expect(outcome(KC.FILING("2023", "filed"))).toBe(serial("2024-04-30"));
    expect(outcome(KC.FILING("FY23", "revenue"))).toBe(995.24);
  });

  it("is #N/A, listing the filings, for a year without a 20-F", () => {
    expect(outcome(KC.FILING(2019, "form"))).toEqual({ code: "unavailable", message: "No Form 20-F for FY2019. Filings: FY2020, FY2021, FY2022, FY2023, FY2024." });
    expect(outcome(KC.FILING(2025, "form"))).toEqual({ code: "unavailable", message: "No Form 20-F for FY2025. Filings: FY2020, FY2021, FY2022, FY2023, FY2024." });
  });

  it("refuses a period that is not a fiscal year", () => {
    expect(KC.FILING("TTM", "form")).toEqual({ ok: false, code: "invalid", reason: { kind: "filingByYear", period: "TTM", years: [2020, 2021, 2022, 2023, 2024] } });
    expect(outcome(KC.FILING("TTM", "form"))).toEqual({ code: "invalid", message: "Form 20-F filings are by fiscal year, and TTM is not one. Filings: FY2020, FY2021, FY2022, FY2023, FY2024." });
    expect(KC.FILING("Q3 2025", "form")).toMatchObject({ ok: false, code: "invalid", reason: { kind: "filingByYear", period: "Q3-2025" } });
    expect(outcome(KC.FILING(2024.5, "form"))).toMatchObject({ code: "invalid", message: expect.stringMatching(/^Cannot read 2024\.5 as a period/) });
  });

  it("is #N/A for a well-formed year without a filing, however it is typed", () => {
    for (const typed of [1899, "1899", "FY1899", [[1899]]]) expect(KC.FILING(typed, "form")).toEqual({ ok: false, code: "unavailable", reason: { kind: "noFiling", year: 1899, years: [2020, 2021, 2022, 2023, 2024] } });
    expect(KC.FILING("FY2019", "form")).toMatchObject({ ok: false, code: "unavailable", reason: { kind: "noFiling", year: 2019 } });
  });

  it("refuses an unknown field, naming the fields", () => {
    expect(outcome(KC.FILING(2024, "auditor"))).toMatchObject({ code: "invalid", message: expect.stringMatching(/^Unknown filing field "auditor"\. Valid: form, fiscal_year, period_end, filed, revenue, revenue_growth, eps, eps_growth, result\.$/) });
  });
});

describe("KC.ASOF", () => {
  it("is the date of the analysis by default, and of the financials when asked", () => {
    expect(outcome(KC.ASOF(null))).toBe(serial("2026-01-28"));
    expect(outcome(KC.ASOF("analysis"))).toBe(serial("2026-01-28"));
    expect(outcome(KC.ASOF("data"))).toBe(serial("2026-01-28"));
    expect(outcome(KC.ASOF("financials"))).toBe(serial("2025-09-30"));
    expect(outcome(KC.ASOF("TTM"))).toBe(serial("2025-09-30"));
    expect(outcome(KC.ASOF("period end"))).toBe(serial("2025-09-30"));
  });

  it("is the dataset's version as text when asked: the analysis date and the hash of the dataset's content", () => {
    const version = `2026-01-28 · ${contentHash(dataset)}`;
    expect(outcome(KC.ASOF("version"))).toBe(version);
    expect(outcome(KC.ASOF(" Version "))).toBe(version);
    expect(version).toMatch(/^2026-01-28 · [0-9a-f]{12}$/);
  });

  it("refuses anything else, naming the three", () => {
    expect(outcome(KC.ASOF("today"))).toEqual({ code: "invalid", message: 'Unknown as-of kind "today". Valid: analysis, financials, version.' });
  });
});
