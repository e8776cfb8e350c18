/**
 * Money in the currency and units asked for: the figure a page states in that currency where there is one, otherwise
 * a conversion at the period's implied RMB-per-USD rate (revenue in RMB over revenue in USD), and #N/A where no rate
 * exists. Rates below are recomputed here from the seed figures, not read back from the dataset.
 */
import { explain } from "../src/data/messages";
import { dataset } from "../src/data/dataset";
import { findKcCalls } from "../src/data/formula";
import { KC } from "../src/data/kc";
import type { Miss, Result } from "../src/data/result";

const outcome = (r: Result<unknown>) => (r.ok ? { value: r.value, notes: r.notes } : { code: r.code, message: explain(r.reason) });
const rate2024 = 7790 / 1080; // revenue FY2024: RMB7.79B (statement table) / $1.08B (Form 20-F FY2024)

describe("converting between RMB and USD", () => {
  it("converts a USD-only figure to RMB at the year's implied rate, and says so", () => {
    const r = KC.FIGURE("eps", 2024, "RMB", null);
    expect(r.ok && r.value).toBeCloseTo(-1.13 * rate2024, 9);
    expect(r.ok && r.notes).toEqual(["Converted at 7.2130 RMB per USD, implied by revenue FY2024: RMB 7.79B (statement table) / USD $1.08B (Form 20-F FY2024)."]);
  });

  it("converts RMB to USD with the same note, and uses a stated figure without a note", () => {
    const r = KC.FIGURE("gross_profit", "TTM", "USD", null);
    expect(r.ok && r.value).toBeCloseTo(1460 / (9020 / 1250), 9);
    expect(r.ok && r.notes[0]).toMatch(/^Converted at 7\.2160 RMB per USD, implied by revenue TTM: RMB 9\.02B/);
    expect(outcome(KC.REVENUE(2023, "USD", null))).toEqual({ value: 995.24, notes: [] });
    expect(outcome(KC.REVENUE(2023, null, null))).toEqual({ value: 7050, notes: [] });
  });

  it("reports a figure the sources state only in USD, such as EPS, in USD for every period when no currency is asked for", () => {
    expect(outcome(KC.FIGURE("eps", 2022, null, null))).toEqual({ value: -1.63, notes: [] });
    expect(outcome(KC.FIGURE("eps", "Q3 2025", null, null))).toEqual(outcome(KC.FIGURE("eps", "Q3 2025", "USD", null)));
  });

  it("answers in RMB, the reporting currency, for every period when no currency is asked for, never in a period's own currency", () => {
    const money = dataset.metrics.filter((m) => m.kind === "money");
    let answered = 0;
    let refused = 0;
    for (const m of money) {
      for (const p of dataset.periods) {
        const plain = KC.FIGURE(m.id, p.id, null, null);
        if (plain.ok) {
          answered++;
          expect([m.id, p.id, plain.value]).toEqual([m.id, p.id, (KC.FIGURE(m.id, p.id, "RMB", null) as { value: number }).value]);
          continue;
        }
        const usd = KC.FIGURE(m.id, p.id, "USD", null);
        if (!usd.ok || plain.code !== "unavailable") continue;
        // Stated only in USD, with no rate: #N/A naming the formula that answers in USD, and that formula answers it.
        refused++;
        const [call] = findKcCalls(explain(plain.reason).slice(explain(plain.reason).indexOf("=KC.")));
        expect([m.id, p.id, explain(plain.reason)]).toEqual([m.id, p.id, expect.stringContaining("is stated only in USD")]);
        const args = (call?.args ?? []).map((a) => (a.kind === "literal" ? a.value : null));
        expect([m.id, p.id, call?.name]).toEqual([m.id, p.id, "FIGURE"]);
        expect(KC.FIGURE(...args)).toEqual(usd);
      }
    }
    expect(answered).toBeGreaterThan(60);
    expect(refused).toBeGreaterThan(0);
  });

  it("never makes a quarter-on-quarter formula divide USD by RMB: Q3 2025 revenue is #N/A without a currency", () => {
    const q3 = KC.REVENUE("Q3 2025", null, null);
    expect(q3.ok).toBe(false);
    expect(!q3.ok && explain(q3.reason)).toBe(
      'Total revenue for Q3 2025 is stated only in USD, and the sources imply no RMB-per-USD rate for Q3 2025 to convert it. Without a currency, KC answers in RMB, the reporting currency, for every period. For the USD figure: =KC.REVENUE("Q3-2025","USD")',
    );
    expect(outcome(KC.REVENUE("Q3-2025", "USD", null))).toEqual({ value: 344.48, notes: [] });
    expect(!KC.REVENUE("Q3 2025", null, "B").ok && explain((KC.REVENUE("Q3 2025", null, "B") as Miss).reason)).toMatch(/=KC\.REVENUE\("Q3-2025","USD","B"\)$/);
    expect(outcome(KC.REVENUE("Q2 2025", null, null))).toEqual(outcome(KC.REVENUE("Q2 2025", "RMB", null)));
  });

  it("is #N/A where the period implies no rate, naming the currencies the sources use", () => {
    expect(outcome(KC.REVENUE("Q3 2025", "RMB", null))).toEqual({
      code: "unavailable",
      message: "No Total revenue for Q3 2025 in RMB: the sources state it in USD only and imply no RMB-per-USD rate for Q3 2025 to convert it.",
    });
    expect(outcome(KC.REVENUE("Q2 2025", "USD", null))).toEqual({
      code: "unavailable",
      message: "No Total revenue for Q2 2025 in USD: the sources state it in RMB only and imply no RMB-per-USD rate for Q2 2025 to convert it.",
    });
  });

  it("is #N/A for HKD, for which the sources imply no rate at all", () => {
    expect(outcome(KC.REVENUE(2024, "HKD", null))).toEqual({
      code: "unavailable",
      message: "No Total revenue for FY2024 in HKD: the sources state it in RMB, USD only and imply no HKD exchange rate to convert it.",
    });
  });

  it("is #N/A for a money figure the period lacks, listing the periods that have it", () => {
    expect(outcome(KC.FIGURE("research_and_development", 2023, null, null))).toEqual({ code: "unavailable", message: "No R&D expenses for FY2023. Available: FY2024." });
    expect(outcome(KC.FIGURE("premium_customers", 2022, null, null))).toEqual({ code: "unavailable", message: "No Premium customers for FY2022. Available: FY2023, FY2024." });
    expect(outcome(KC.FIGURE("gross_margin", 2022, null, null))).toEqual({ code: "unavailable", message: "No Gross margin (stated) for FY2022. Available: FY2023, FY2024, TTM." });
    expect(outcome(KC.FIGURE("eps", "TTM", null, null))).toEqual({ code: "unavailable", message: "No EPS (USD per ADS) for TTM (to Sep 30, 2025). Available: FY2020, FY2021, FY2022, FY2023, FY2024, Q3-2025." });
  });
});

describe("units", () => {
  it("scales converted figures too", () => {
    const millions = KC.FIGURE("gross_profit", 2024, "USD", null);
    const thousands = KC.FIGURE("gross_profit", 2024, "USD", "K");
    expect(millions.ok && thousands.ok && (thousands.value as number) / (millions.value as number)).toBeCloseTo(1000, 6);
  });

  it("refuses units for per-share and non-money figures, saying why", () => {
    expect(outcome(KC.FIGURE("eps", 2024, null, "K"))).toEqual({ code: "invalid", message: "EPS (USD per ADS) is per share; units do not apply." });
    expect(outcome(KC.FIGURE("premium_customers", 2024, null, "M"))).toEqual({ code: "invalid", message: "Premium customers is not a money figure, so it takes no currency or units." });
    expect(outcome(KC.FIGURE("revenue_growth", 2024, "USD", null))).toEqual({ code: "invalid", message: "Revenue growth (stated) is not a money figure, so it takes no currency or units." });
  });

  it("refuses units given as a number, which could mean ones or millions, and text that is no unit", () => {
    const named = "Valid: units, K, thousands, M, millions, B, billions";
    expect(outcome(KC.REVENUE(2024, null, 1))).toEqual({ code: "invalid", message: `Units are named, not numbered: 1 could mean ones or millions. ${named} (millions when omitted).` });
    expect(outcome(KC.FIGURE("revenue", 2024, null, 1000))).toEqual({ code: "invalid", message: `Units are named, not numbered: 1000 could mean ones or millions. ${named} (millions when omitted).` });
    expect(outcome(KC.REVENUE(2024, null, "1"))).toEqual({ code: "invalid", message: `Unknown units "1". ${named}.` });
    expect(outcome(KC.REVENUE(2024, null, true))).toEqual({ code: "invalid", message: "Units must be text, not true." });
    expect(outcome(KC.REVENUE(2024, null, " Thousands "))).toEqual({ value: 7_790_000, notes: [] });
  });

  it("takes a currency for a per-share figure", () => {
    expect(outcome(KC.FIGURE("eps", 2024, "USD", null))).toEqual({ value: -1.13, notes: [] });
  });

  it("reports the first bad argument in argument order", () => {
    expect(outcome(KC.FIGURE("nope", "nope", "EUR", "lakh"))).toMatchObject({ message: expect.stringMatching(/^No metric "nope" in the dataset\./) });
    expect(outcome(KC.FIGURE("revenue", "nope", "EUR", "lakh"))).toMatchObject({ message: expect.stringMatching(/^Cannot read "nope" as a period/) });
    expect(outcome(KC.FIGURE("revenue", 2024, "EUR", "lakh"))).toMatchObject({ message: expect.stringMatching(/^Unknown currency "EUR"/) });
    expect(outcome(KC.FIGURE("revenue", 2024, "USD", "lakh"))).toMatchObject({ message: expect.stringMatching(/^Unknown units "lakh"/) });
  });
});

describe("currency and units arguments as typed", () => {
  it.each([["rmb", 7790], ["CNY", 7790], ["Yuan", 7790], ["usd", 1080], ["US$", 1080], ["$", 1080]])("%s", (typed, expected) => {
    expect(outcome(KC.REVENUE(2024, typed, null))).toEqual({ value: expected, notes: [] });
  });

  it.each([["units", 7.79e9], ["unit", 7.79e9], ["u", 7.79e9], ["ones", 7.79e9],
    ["k", 7.79e6], ["thousands", 7.79e6], ["thousand", 7.79e6], ["000", 7.79e6],
    ["m", 7790], ["MM", 7790], ["mn", 7790], ["millions", 7790], ["Million", 7790],
    ["b", 7.79], ["bn", 7.79], ["billions", 7.79], [" Billion ", 7.79]])("units %p", (typed, expected) => {
    expect(outcome(KC.REVENUE(2024, null, typed))).toEqual({ value: expected, notes: [] });
  });

  it("names the choices, and the one a typo or other case and separators stand for, for an unknown currency or unit", () => {
    expect(outcome(KC.REVENUE(2024, "USDD", null))).toEqual({ code: "invalid", message: 'Unknown currency "USDD". Valid: RMB, CNY, USD, HKD.' });
    expect(outcome(KC.REVENUE(2024, "H-K-D", null))).toEqual({ code: "invalid", message: 'Unknown currency "H-K-D". Did you mean "HKD"? Valid: RMB, CNY, USD, HKD.' });
    expect(outcome(KC.REVENUE(2024, null, "billons"))).toEqual({ code: "invalid", message: 'Unknown units "billons". Did you mean "billions"? Valid: units, K, thousands, M, millions, B, billions.' });
  });

  it("says what a non-text currency or unit is", () => {
    expect(outcome(KC.REVENUE(2024, 7, null))).toEqual({ code: "invalid", message: "The currency must be text, not 7." });
    expect(outcome(KC.REVENUE(2024, null, true))).toEqual({ code: "invalid", message: "Units must be text, not true." });
  });
});
