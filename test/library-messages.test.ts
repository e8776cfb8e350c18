import { messages } from "../src/data/messages";
import { distance, suggester } from "../src/data/suggest";
import { parseCurrency, parseScale } from "../src/data/units";

describe("messages say what was typed, why it failed and what would work", () => {
  it("names the valid choices and the one a typo stands for", () => {
    const near = suggester([["revenue", "revenue"], ["ebitda", "ebitda"]]);
    expect(messages.unknownChoice("margin", "revnue", ["revenue", "ebitda"], near("revnue"))).toBe('Unknown margin "revnue". Did you mean "revenue"? Valid: revenue, ebitda.');
  });

  it("says a name of a long list is not in the dataset, and where the whole list is", () => {
    expect(messages.notInDataset("metric", "revnue", 44, "metrics", "revenue")).toBe(
      'No metric "revnue" in the dataset. Did you mean "revenue"? All 44 metrics are listed in the formula builder (Home > KC for Excel > Formulas).',
    );
    expect(messages.notInDataset("field", "x".repeat(100000), 46, "fields", null)).toBe(
      `No field "${"x".repeat(40)}…" in the dataset. All 46 fields are listed in the formula builder (Home > KC for Excel > Formulas).`,
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
    const text = messages.unknownChoice("field", "x".repeat(100000), Array.from({ length: 30 }, (_, i) => `f${i}`), null);
    expect(text.length).toBeLessThan(250);
    expect(text).toMatch(/… \(30 in all\)/);
  });

  it("describes non-text arguments without printing them", () => {
    expect(messages.notText("The metric", [[1, 2]])).toBe("The metric must be text, not a range.");
    expect(messages.notText("The metric", null)).toBe("The metric must be text, not an empty argument.");
  });
});

describe("currency and units arguments", () => {
  it("reads currencies by code, case-insensitively, and leaves an omitted one as reported", () => {
    expect(parseCurrency("cny")).toMatchObject({ ok: true, value: "RMB" });
    expect(parseCurrency(" USD ")).toMatchObject({ ok: true, value: "USD" });
    expect(parseCurrency(null)).toMatchObject({ ok: true, value: null });
    expect(parseCurrency(7)).toMatchObject({ ok: false, code: "invalid" });
  });

  it("reads units as a multiplier from millions", () => {
    expect(parseScale("B")).toMatchObject({ ok: true, value: 1e-3 });
    expect(parseScale("thousands")).toMatchObject({ ok: true, value: 1e3 });
    expect(parseScale("units")).toMatchObject({ ok: true, value: 1e6 });
    expect(parseScale("")).toMatchObject({ ok: true, value: null });
    expect(parseScale("lakh")).toMatchObject({ ok: false, code: "invalid" });
  });
});
