import { explain } from "../src/data/messages";
import { miss, missCode, type ReasonKind } from "../src/data/reasons";
import type { MissCode } from "../src/data/result";
import { distance, suggester } from "../src/data/suggest";
import { parseCurrency, parseScale } from "../src/data/units";

describe("messages say what was typed, why it failed and what would work", () => {
  it("names the valid choices and the one a typo stands for", () => {
    const near = suggester([["revenue", "revenue"], ["ebitda", "ebitda"]]);
    expect(explain({ kind: "unknownChoice", what: "margin", value: "revnue", choices: ["revenue", "ebitda"], near: near("revnue") })).toBe('Unknown margin "revnue". Did you mean "revenue"? Valid: revenue, ebitda.');
  });

  it("gives as examples the periods the reason carries from the dataset, never years of its own", () => {
    expect(explain({ kind: "cagrNeedsYears", first: 2031, last: 2035 })).toBe("CAGR needs two different fiscal years (e.g. 2031 and 2035), the first earlier than the second.");
    expect(explain({ kind: "noRate", period: "Q1 2036", currency: "USD", available: ["FY2034", "FY2035", "TTM"] })).toBe("No implied RMB per USD rate for Q1 2036 (rates exist for FY2034, FY2035, TTM; USD only).");
    expect(explain({ kind: "cagrOrder", metric: "total_assets", from: "FY2035", to: "FY2031" })).toBe(
      'The from_period (FY2035) must come before the to_period (FY2031): CAGR runs from the earlier fiscal year to the later, e.g. =KC.CAGR("total_assets", "FY2031", "FY2035").',
    );
  });

  it("says a name of a long list is not in the dataset, and where the whole list is", () => {
    expect(explain({ kind: "notInDataset", what: "metric", value: "revnue", count: 44, near: "revenue" })).toBe(
      'No metric "revnue" in the dataset. Did you mean "revenue"? All 44 metrics are listed by =KC.METRICS() and in the formula builder (Home > KC for Excel > Formulas).',
    );
    expect(explain({ kind: "notInDataset", what: "field", value: "x".repeat(100000), count: 46, near: null })).toBe(
      `No field "${"x".repeat(40)}…" in the dataset. All 46 fields are listed by =KC.FIELDS() and in the formula builder (Home > KC for Excel > Formulas).`,
    );
  });

  it("measures edit distance: insertions, deletions, substitutions and swaps of neighbours, each counting one", () => {
    expect(distance("kitten", "sitting")).toBe(3);
    expect(distance("revnue", "revenue")).toBe(1);
    expect(distance("", "abc")).toBe(3);
    expect(distance("abc", "")).toBe(3);
    expect(distance("same", "same")).toBe(0);
    expect(distance("flaw", "lawn")).toBe(2);
    expect(distance("reveune", "revenue")).toBe(1);
    expect(distance("ab", "ba")).toBe(1);
    expect(distance("ca", "abc")).toBe(3);
    // Only the first 64 characters count, so a hostile input costs no more than a long name.
    expect(distance("x".repeat(100_000), "x".repeat(64))).toBe(0);
  });

  it("offers no choice when nothing is close", () => {
    expect(suggester([["revenue", "revenue"], ["ebitda", "ebitda"]])("zzzzzzzz")).toBeNull();
  });

  it("shortens long input and long lists instead of echoing them", () => {
    const text = explain({ kind: "unknownChoice", what: "field", value: "x".repeat(100000), choices: Array.from({ length: 30 }, (_, i) => `f${i}`), near: null });
    expect(text.length).toBeLessThan(250);
    expect(text).toMatch(/… \(30 in all\)/);
  });

  it("describes non-text arguments without printing them", () => {
    expect(explain({ kind: "notText", what: "The metric", value: [[1, 2]] })).toBe("The metric must be text, not a range.");
    expect(explain({ kind: "notText", what: "The metric", value: null })).toBe("The metric must be text, not an empty argument.");
  });
});

describe("a miss is a reason, and its kind decides the Excel error", () => {
  it("answers #N/A only for data the dataset lacks, and #VALUE! for every bad argument", () => {
    // Every kind must be listed here (the type requires it), so a new kind states which error it is.
    const expected: Record<ReasonKind, MissCode> = {
      required: "invalid", notText: "invalid", numericUnits: "invalid", unknownChoice: "invalid", notInDataset: "invalid", badPeriod: "invalid",
      currencyNotMoney: "invalid", perShareUnits: "invalid", baseNotBefore: "invalid", growthLengths: "invalid", cagrNeedsYears: "invalid",
      cagrOrder: "invalid", seriesOrder: "invalid", seriesKinds: "invalid", ratioFormat: "invalid", filingByYear: "invalid", dataTypeArgument: "invalid", fieldNeedsListing: "invalid",
      noPeriod: "unavailable", noFigure: "unavailable", noCurrency: "unavailable", onlyInOtherCurrency: "unavailable", noRate: "unavailable", onlyBound: "unavailable",
      zeroBase: "unavailable", noPriorYear: "unavailable", cagrNeedsPositive: "unavailable", noFiling: "unavailable", noInfo: "unavailable",
    };
    for (const [kind, code] of Object.entries(expected)) expect([kind, missCode(kind as ReasonKind)]).toEqual([kind, code]);
    expect(miss({ kind: "badPeriod", value: "x", year: 2031, quarter: null })).toEqual({ ok: false, code: "invalid", reason: { kind: "badPeriod", value: "x", year: 2031, quarter: null } });
    expect(miss({ kind: "noInfo", field: "Phone" })).toEqual({ ok: false, code: "unavailable", reason: { kind: "noInfo", field: "Phone" } });
  });
});

describe("currency and units arguments", () => {
  it("reads currencies by code, case-insensitively, and leaves an omitted one as reported", () => {
    expect(parseCurrency("cny")).toMatchObject({ ok: true, value: "RMB" });
    expect(parseCurrency(" USD ")).toMatchObject({ ok: true, value: "USD" });
    expect(parseCurrency(null)).toMatchObject({ ok: true, value: null });
    expect(parseCurrency(7)).toMatchObject({ ok: false, code: "invalid", reason: { kind: "notText", what: "The currency", value: 7 } });
  });

  it("reads units as a multiplier from millions", () => {
    expect(parseScale("B")).toMatchObject({ ok: true, value: 1e-3 });
    expect(parseScale("thousands")).toMatchObject({ ok: true, value: 1e3 });
    expect(parseScale("units")).toMatchObject({ ok: true, value: 1e6 });
    expect(parseScale("")).toMatchObject({ ok: true, value: null });
    expect(parseScale("lakh")).toMatchObject({ ok: false, code: "invalid", reason: { kind: "unknownChoice", what: "units", value: "lakh" } });
  });
});
