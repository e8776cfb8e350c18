/** How the generator finds a line without its number: by a template of the words around a value, a prefix or a heading. */
import { CuratedError, checked, figuresOf, Seed, SeedCitationError } from "../scripts/data/seed";

const page = new Seed(
  "000_12d22aa60451a452.txt",
  [
    "Key Highlights",
    "",
    "Revenue Rebounds Total revenues reached RMB7.79B in 2024, marking a 10.5% increase from RMB7.05B in 2023.",
    "Cash flow turned positive, reversing RMB169.1M outflow recorded in 2023.",
    "CEO: Mr. Tao Zou",
    "Market Cap",
    "",
    "$2.94B",
    "Weak • 1.9 / 9 points",
    "Date of analysis: Jan 28, 2026",
    "Revenue: $1.08B+10.5%",
    "Revenue: $995.24M-13.8%",
  ].join("\n"),
);

describe("reading a seed line by its words", () => {
  it("reads the figure a template marks, with the year after it, and cites the words it matched", () => {
    const r = page.find("Total revenues reached {#} in {year}", "facts.revenue");
    expect(r).toMatchObject({ figure: "RMB7.79B", year: "2024", source: { line: 3, text: "Total revenues reached RMB7.79B in 2024" } });
    expect(r.whole.text).toBe(page.lines[2]);
  });

  it("skips other figures marked {~}, and cites only the part inside [[…]]", () => {
    expect(page.find("marking a {~} increase [[from {#} in {year}]]", "facts.revenue")).toMatchObject({ figure: "RMB7.05B", year: "2023", source: { text: "from RMB7.05B in 2023" } });
    const outflow = page.find("[[reversing {#} outflow]] recorded in {year}", "facts.operating_cash_flow");
    expect(outflow).toMatchObject({ figure: "RMB169.1M", year: "2023", context: " recorded in 2023", source: { text: "reversing RMB169.1M outflow" } });
  });

  it("reads a label and a date", () => {
    expect(page.find("{word} • {#} / {~} points", "scores.f_score_points")).toMatchObject({ word: "Weak", figure: "1.9" });
    expect(page.find("Date of analysis: {date}", "events").date).toBe("Jan 28, 2026");
  });

  it("refuses a template on no line or on several, naming the field it was for", () => {
    expect(() => page.find("Total revenues fell {#}", "facts.revenue (highlights)")).toThrow(/^facts\.revenue \(highlights\): 000_12d22aa60451a452\.txt: "Total revenues fell \{#\}" reads 0 lines/);
    expect(() => page.find("Revenue: {#}", "filings")).toThrow(/^filings: .* reads 2 lines \(11, 12\)/);
    expect(() => page.find("{#} outflow", "x", page.line(3))).toThrow(SeedCitationError);
  });

  it("finds a value by its prefix or under its heading, and says which field lost its anchor", () => {
    expect(page.startingWith("CEO: ", "profile.ceo")).toMatchObject({ rest: "Mr. Tao Zou", source: { line: 5, text: "CEO: Mr. Tao Zou" } });
    expect(page.below("Market Cap", "listings.market_cap")).toMatchObject({ line: 8, text: "$2.94B" });
    expect(page.before(8).text).toBe("Market Cap");
    expect(page.after(6).text).toBe("$2.94B");
    expect(() => page.startingWith("Chief: ", "profile.ceo")).toThrow(/^profile\.ceo: .*0 lines start with "Chief: "/);
    expect(() => page.below("Market Capitalisation", "listings.market_cap")).toThrow(/^listings\.market_cap: .*no line reads "Market Capitalisation"/);
  });

  it("checks a value against its line, naming the field, the file and the line", () => {
    const source = page.line(5);
    expect(checked("profile.ceo", "Mr. Tao Zou", true, source)).toBe("Mr. Tao Zou");
    expect(() => checked("profile.ceo", "Ms. Ann Lee", false, source)).toThrow(CuratedError);
    expect(() => checked("profile.ceo", "Ms. Ann Lee", false, source)).toThrow('profile.ceo: "Ms. Ann Lee" is not on 000_12d22aa60451a452.txt line 5: "CEO: Mr. Tao Zou"');
  });

  it("lists every figure of a line in order, as the page writes it", () => {
    expect(figuresOf("KC$2.94B-22.6-16.5%34.1%")).toEqual(["$2.94B", "-22.6", "-16.5%", "34.1%"]);
    expect(figuresOf("reached RMB 2.35 billion, up 24%")).toEqual(["RMB 2.35 billion", "24%"]);
  });
});
