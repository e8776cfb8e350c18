import { parseFigure } from "../scripts/data/facts";
import { interval } from "../src/data/parse";
import { allSources, dataset, seedLine } from "./support/dataset";

describe("every figure is traceable to a seed line", () => {
  it("cites only lines that contain the quoted text", () => {
    const sources = allSources();
    expect(sources.length).toBeGreaterThan(300);
    const broken = sources.filter(({ source }) => !(seedLine(source.file, source.line) ?? "").includes(source.text));
    expect(broken).toEqual([]);
  });

  it("reads each fact's value from the figure its source quotes", () => {
    for (const fact of dataset.facts) {
      expect(fact.source.text).toContain(fact.precision.stated);
      const parsed = parseFigure(fact.kind, fact.precision.stated);
      expect(fact.negated ? -parsed.value : parsed.value).toBe(fact.value);
      expect(parsed.precision).toEqual(fact.precision);
    }
  });

  it("stores 9.02B as 9,020 RMB millions known to three significant figures", () => {
    const revenue = dataset.facts.find((f) => f.id === "revenue:TTM:statement");
    expect(revenue).toMatchObject({ value: 9020, currency: "RMB", precision: { stated: "9.02B", significantDigits: 3, halfWidth: 5 } });
  });

  it('keeps "-$0.00" as a signed zero interval, not as a different figure', () => {
    const eps = dataset.facts.find((f) => f.id === "eps:Q3-2025:dashboard");
    expect(eps).toMatchObject({ value: 0, currency: "USD", precision: { stated: "-$0.00", halfWidth: 0.005 } });
    expect(interval(eps!.value, eps!.precision)).toEqual([-0.005, 0]);
  });

  it("gives each metric, period and currency exactly one primary fact", () => {
    const primaries = new Map<string, number>();
    for (const f of dataset.facts) {
      const key = `${f.metric}|${f.period}|${f.currency}`;
      primaries.set(key, (primaries.get(key) ?? 0) + (f.primary ? 1 : 0));
    }
    expect([...primaries.entries()].filter(([, n]) => n !== 1)).toEqual([]);
  });

  it("quotes with a precision hold the number their text shows", () => {
    const quotes = [...dataset.listings.flatMap((l) => l.fields), ...dataset.rating, ...dataset.technicals, ...dataset.scores, ...dataset.trends];
    for (const q of quotes.filter((x) => x.precision)) {
      expect(q.source.text).toContain(q.precision!.stated);
    }
    expect(quotes.length).toBeGreaterThan(40);
  });
});
