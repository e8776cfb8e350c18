import { messages } from "../src/data/messages";
import { distance, nearest } from "../src/data/normalize";
import { parseCurrency, parseScale } from "../src/data/units";

describe("messages say what was typed, why it failed and what would work", () => {
  it("names the valid choices and the nearest one", () => {
    expect(messages.unknownChoice("metric", "revnue", ["revenue", "ebitda"], nearest("revnue", ["revenue", "ebitda"]))).toBe(
      'Unknown metric "revnue". Did you mean "revenue"? Valid: revenue, ebitda.',
    );
  });

  it("measures edit distance: insertions, deletions and substitutions, each counting one", () => {
    expect(distance("kitten", "sitting")).toBe(3);
    expect(distance("revnue", "revenue")).toBe(1);
    expect(distance("", "abc")).toBe(3);
    expect(distance("abc", "")).toBe(3);
    expect(distance("same", "same")).toBe(0);
    expect(distance("flaw", "lawn")).toBe(2);
    // Only the first 64 characters count, so a hostile input costs no more than a long name.
    expect(distance("x".repeat(100_000), "x".repeat(64))).toBe(0);
  });

  it("offers no nearest choice when nothing is close", () => {
    expect(nearest("zzzzzzzz", ["revenue", "ebitda"])).toBeNull();
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
