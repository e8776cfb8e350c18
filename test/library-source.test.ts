/** KC.SOURCE: one line of text that cites the seed line behind a figure, every other statement of it, and any conversion. */
import { explain } from "../src/data/messages";
import { KC } from "../src/data/kc";
import type { Result } from "../src/data/result";
import { HK_PAGE, US_PAGE, lineOf, seedLines } from "./support/seed-reader";
import { statement } from "./support/stated-ratios";

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

describe("KC.SOURCE names every check its figure fails", () => {
  const parts = (metric: string, period: string | number) => text(KC.SOURCE(metric, period, null)).split(" | ");
  /** The statement table's line for a row, read from the seed page. */
  const row = (label: string) => statement(label, "TTM").line;
  const stated = (file: string, phrase: string) => `stated at seeds/${file} line ${lineOf(file, phrase)}: "${phrase}"`;

  it("cites a table figure as before, then each stated ratio it disagrees with: what the page states, with its line, and the lines of the figures", () => {
    const [first, ...rest] = parts("operating_cash_flow", "TTM");
    expect(first).toBe(`${statement("Operating Cash Flow", "TTM").written} (statement table) — ${HK} line ${row("Operating Cash Flow")}: "${seedLines(HK_PAGE)[row("Operating Cash Flow") - 1]?.trim()}"`);
    const disagreement = rest.find((p) => p.startsWith("DISAGREES: Operating cash flow to net income TTM: "));
    expect(disagreement).toContain(stated(HK_PAGE, "operating cash flow to net income ratio is 0.32"));
    expect(disagreement).toMatch(/Stated 0\.32; TTM figures give about -3\.42\./);
    expect(disagreement).toMatch(new RegExp(`; figures from seeds/${HK_PAGE.replace(/\./g, "\\.")} lines ${row("Operating Cash Flow")}, ${row("Net Income")}$`));
  });

  it("names the plausibility rule a figure breaks, with the lines of every figure the rule read", () => {
    const implausible = parts("free_cash_flow", "TTM").filter((p) => p.startsWith("IMPLAUSIBLE"));
    expect(implausible).toEqual([
      `IMPLAUSIBLE TTM: Free cash flow ${statement("Free Cash Flow", "TTM").written} is not below operating cash flow ${statement("Operating Cash Flow", "TTM").written} within their rounding, which leaves no capital expenditure, while investing cash flow is ${statement("Investing Cash Flow", "TTM").written} (60.3% of revenue).` +
        ` — figures from seeds/${HK_PAGE} lines ${["Free Cash Flow", "Operating Cash Flow", "Investing Cash Flow", "Total Revenue"].map(row).join(", ")}`,
    ]);
    expect(parts("operating_cash_flow", "TTM").filter((p) => p.startsWith("IMPLAUSIBLE"))).toEqual(implausible);
  });

  it("lists every stated ratio computed from TTM net income that the figures do not give, each once", () => {
    const names = parts("net_income", "TTM").filter((p) => p.startsWith("DISAGREES")).map((p) => p.split(":")[1]?.trim());
    expect(names).toEqual(["Return on equity TTM", "Operating cash flow to net income TTM", "Free cash flow to net income TTM"]);
  });

  it("shows a stated ratio that disagrees on the stated figure itself: the ratio, the EBITDA margin and the EPS growth", () => {
    expect(parts("ocf_to_net_income", "TTM").slice(1)).toEqual([expect.stringMatching(/^DISAGREES: Operating cash flow to net income TTM: Stated 0\.32;/)]);
    expect(parts("non_gaap_ebitda_margin", "Q2 2025")[1]).toContain(`Stated 73%; the stored inputs give 17.22% to 17.33%. — ${stated(HK_PAGE, "with a margin of 73%")}`);
    expect(parts("eps_growth", 2024)[1]).toMatch(new RegExp(`^DISAGREES: EPS growth 2024 \\(20-F list\\): Stated \\+11\\.5%; .* — stated at seeds/${US_PAGE.replace(/\./g, "\\.")} line ${lineOf(US_PAGE, "EPS: $-1.13+11.5%")}:`));
    expect(parts("eps", 2024).filter((p) => p.startsWith("DISAGREES")).map((p) => p.split(":")[1]?.trim())).toEqual(["EPS growth 2024 (20-F list)"]);
  });

  it("adds nothing for a figure whose checks all pass, and leaves a stated ratio that reconciles as it was", () => {
    expect(parts("gross_profit", 2024).some((p) => /^(DISAGREES|IMPLAUSIBLE)/.test(p))).toBe(false);
    expect(parts("gross_margin", 2024)).toHaveLength(1);
  });
});
