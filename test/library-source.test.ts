/** KC.SOURCE: one line of text that cites the seed line behind a figure, every other statement of it, and any conversion. */
import { explain } from "../src/data/messages";
import { KC } from "../src/data/kc";
import type { Result } from "../src/data/result";

const text = (r: Result<unknown>) => (r.ok ? (r.value as string) : `${r.code}: ${explain(r.reason)}`);
const US = "seeds/000_12d22aa60451a452.txt";
const HK = "seeds/002_6d82bc69ff353dc9.txt";

describe("KC.SOURCE", () => {
  it("cites the statement table's line, then the page that agrees with it", () => {
    expect(text(KC.SOURCE("revenue", 2024, null))).toBe(
      `7.79B (statement table) — ${HK} line 101: "Total Revenue9.02B7.79B7.05B8.18B9.06B6.58B"` +
        ` | also: RMB7.79B (2024 highlights) — ${US} line 69: "Total revenues reached RMB7.79B in 2024"`,
    );
  });

  it("marks the statement that disagrees and says which source is primary and why", () => {
    expect(text(KC.SOURCE("revenue_growth", "TTM", null))).toBe(
      `6.87% (financial statement overview) — ${HK} line 86: "modest TTM revenue growth (6.87%)"` +
        ` | CONFLICT: +23.6% (peer comparison) — ${US} line 99: "+23.6%"` +
        " | financial statement overview states 6.87%; peer comparison states +23.6%. The financial statement overview figure is primary.",
    );
  });

  it("cites the figure in the currency asked for: the 20-F's USD revenue", () => {
    expect(text(KC.SOURCE("revenue", 2024, "USD"))).toBe(`$1.08B (Form 20-F FY2024) — ${US} line 152: "Revenue: $1.08B+10.5%"`);
  });

  it("adds the conversion where the figure had to be converted", () => {
    expect(text(KC.SOURCE("gross_profit", 2024, "USD"))).toBe(
      `1.34B (statement table) — ${HK} line 102: "Gross Profit1.46B1.34B850.17M429.54M351.29M356.98M"` +
        " | Converted at 7.2130 RMB per USD, implied by revenue FY2024: RMB 7.79B (statement table) / USD $1.08B (Form 20-F FY2024).",
    );
  });

  it("cites a figure stated only as a bound, resting on that statement", () => {
    const r = KC.SOURCE("ai_gross_billings_growth", "Q2 2025", null);
    expect(r.ok && r.facts.map((f) => f.id)).toEqual(["ai_gross_billings_growth:Q2-2025:call"]);
    expect(text(r)).toMatch(/ \| Stated only as a lower bound\.$/);
  });

  it("passes on a miss that is not a bound", () => {
    expect(text(KC.SOURCE("revenue", 2019, null))).toMatch(/^unavailable: The dataset has no period 2019\./);
    expect(text(KC.SOURCE("revenue", "Q3 2025", "RMB"))).toMatch(/^unavailable: No Total revenue for Q3 2025 in RMB/);
    expect(text(KC.SOURCE("revenue", 2024, "EUR"))).toMatch(/^invalid: Unknown currency "EUR"/);
  });
});
