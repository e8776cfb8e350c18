import { interval } from "../scripts/data/parse";
import { allSources, dataset, seedLine } from "./support/dataset";
import { US_PAGE, figuresBelow, readFigure } from "./support/seed-reader";
import { statementRow } from "./support/seed-tables";

describe("every figure is traceable to a seed line", () => {
  it("cites only lines that contain the quoted text", () => {
    const sources = allSources();
    expect(sources.length).toBeGreaterThan(300);
    const broken = sources.filter(({ source }) => !(seedLine(source.file, source.line) ?? "").includes(source.text));
    expect(broken).toEqual([]);
  });

  it("holds in each fact the value and the rounding interval of the figure its source quotes, read independently of the generator", () => {
    for (const fact of dataset.facts) {
      expect(fact.source.text).toContain(fact.precision.stated);
      const read = readFigure(fact.precision.stated);
      // Money written without a scale ("$0.00") is in units; the dataset keeps money in millions.
      const toStored = fact.kind === "money" && !/[KMB]$|million|billion/.test(read.written) ? 1e-6 : 1;
      const sign = fact.negated ? -1 : 1;
      expect([fact.id, fact.value]).toEqual([fact.id, expect.closeTo(sign * read.value * toStored, 12)]);
      const [low, high] = fact.negated ? [-read.high, -read.low] : [read.low, read.high];
      expect([fact.id, ...interval(fact.value, fact.precision)]).toEqual([fact.id, expect.closeTo(low * toStored, 12), expect.closeTo(high * toStored, 12)]);
    }
  });

  it("stores a statement figure, TTM revenue, in RMB millions known to the significant figures the page gave", () => {
    const seed = statementRow("Total Revenue").TTM!;
    const revenue = dataset.facts.find((f) => f.id === "revenue:TTM:statement");
    const significant = seed.written.replace(/\D/g, "").replace(/^0+/, "").length;
    expect(revenue).toMatchObject({ value: seed.value, currency: "RMB", precision: { stated: seed.written, significantDigits: significant, halfWidth: (seed.high - seed.low) / 2 } });
  });

  it("keeps an EPS the page rounds to -$0.00 as a signed zero interval, not as a different figure", () => {
    const seed = figuresBelow(US_PAGE, "Financial Dashboard", "Q3 2025 Data", "EPS")[0]!;
    expect(seed.written).toMatch(/^-\$0\.0+$/);
    const eps = dataset.facts.find((f) => f.id === "eps:Q3-2025:dashboard");
    expect(eps).toMatchObject({ value: 0, currency: "USD", precision: { stated: seed.written, halfWidth: seed.high - seed.low } });
    expect(interval(eps!.value, eps!.precision)).toEqual([seed.low, seed.high]);
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
