/** How the library reads what an analyst typed: periods, metric and choice names, ranges, omitted arguments. */
import { KC } from "../src/data/kc";
import { explain } from "../src/data/messages";
import { choiceMap, parseChoice } from "../src/data/choices";
import { parseMetric } from "../src/data/metrics";
import fc from "fast-check";
import { ArgumentMemo } from "../src/data/argument-memo";
import { isOmitted, scalarOf } from "../src/data/normalize";
import { distance, suggester } from "../src/data/suggest";
import { parsePeriod } from "../src/data/periods";
import type { Result } from "../src/data/result";
import { LATEST_QUARTER, LATEST_YEAR } from "./support/dataset";

const outcome = (r: Result<unknown>) => (r.ok ? { value: r.value } : { code: r.code, message: explain(r.reason) });
const periodId = (typed: unknown) => {
  const r = parsePeriod(typed);
  return r.ok ? r.value.id : r.code;
};

describe("periods", () => {
  it.each([
    ["CY2023", "FY2023"], ["fy 22", "FY2022"], ["FY  2021", "FY2021"], ["\tfy2020\n", "FY2020"], ["FY+0", "FY2024"], ["FY-2", "FY2022"],
    ["Q2-FY2025", "Q2-2025"], ["q32025", "Q3-2025"], ["Q3 FY25", "Q3-2025"], ["Q2  25", "Q2-2025"], ["3Q 2025", "Q3-2025"], ["2Q-25", "Q2-2025"], ["2025-Q2", "Q2-2025"], ["2025 q3", "Q3-2025"],
  ])("reads %p as %s", (typed, id) => {
    expect(periodId(typed)).toBe(id);
  });

  it.each(["FY+1", "FY2025", "2025", "FY-5", "FY-10", "Q4 2025", "Q1-2025", "Q3 2024"])("knows %p as a period the dataset lacks (#N/A)", (typed) => {
    expect(parsePeriod(typed)).toEqual({ ok: false, code: "unavailable", reason: { kind: "noPeriod", value: typed, period: expect.any(String), available: ["FY2020", "FY2021", "FY2022", "FY2023", "FY2024", "Q2-2025", "Q3-2025", "TTM"] } });
  });

  it.each(["Q5 2025", "Q0 2025", "FY1", "FY 123", "FY20245", "2025Q", "Q3 202", "TTM1", "FY-", "CY24", "FY2024 Q3", "20 24", "FY-1x", "Q3 FY-1",
    "Q3 2025x", "xQ3 2025", "3Q25x", "x3Q25", "2025Q3x", "x2025Q3"])("refuses %p as not a period (#VALUE!)", (typed) => {
    expect(parsePeriod(typed)).toEqual({ ok: false, code: "invalid", reason: { kind: "badPeriod", value: typed, year: LATEST_YEAR, quarter: LATEST_QUARTER } });
  });

  it("says what a period looks like when one cannot be read, with the dataset's latest fiscal year and quarter as examples", () => {
    expect(outcome(parsePeriod("Q5 2025"))).toEqual({
      code: "invalid",
      message: `Cannot read "Q5 2025" as a period. Use a fiscal year (${LATEST_YEAR}, "FY${LATEST_YEAR}", "FY${String(LATEST_YEAR).slice(2)}", "FY0", "FY-1"), "TTM", or a quarter ("${LATEST_QUARTER}").`,
    });
    expect(explain({ kind: "badPeriod", value: "x", year: 2031, quarter: "Q1 2032" })).toBe('Cannot read "x" as a period. Use a fiscal year (2031, "FY2031", "FY31", "FY0", "FY-1"), "TTM", or a quarter ("Q1 2032").');
    expect(explain({ kind: "badPeriod", value: "x", year: 2031, quarter: null })).toBe('Cannot read "x" as a period. Use a fiscal year (2031, "FY2031", "FY31", "FY0", "FY-1"), "TTM", or a quarter ("Qn YYYY").');
  });

  it("reads a number as its digits, so a number and its text are the same period", () => {
    for (const year of [1899, 1900, 2999, 3000]) {
      expect(parsePeriod(year)).toMatchObject({ ok: false, code: "unavailable", reason: { kind: "noPeriod", value: year, period: `FY${year}` } });
      expect(parsePeriod(String(year))).toMatchObject({ ok: false, code: "unavailable", reason: { kind: "noPeriod", value: String(year), period: `FY${year}` } });
    }
    expect(outcome(parsePeriod(3000))).toMatchObject({ code: "unavailable", message: expect.stringMatching(/^The dataset has no period 3000\. Available: FY2020/) });
    for (const bad of [2024.5, 20240, -2024, 1e21, NaN, Infinity]) expect(parsePeriod(bad)).toMatchObject({ ok: false, code: "invalid", reason: { kind: "badPeriod", value: bad } });
  });

  it("requires a period and says what a boolean or a range is", () => {
    expect(outcome(parsePeriod(null))).toEqual({ code: "invalid", message: "A period is required." });
    expect(outcome(parsePeriod("  "))).toEqual({ code: "invalid", message: "A period is required." });
    expect(outcome(parsePeriod(true))).toMatchObject({ code: "invalid", message: expect.stringMatching(/^Cannot read true as a period/) });
    expect(outcome(parsePeriod([[2024, 2023]]))).toMatchObject({ code: "invalid", message: expect.stringMatching(/^Cannot read a range as a period/) });
  });

  it("reads a long text no further than 64 characters", () => {
    expect(outcome(parsePeriod(`2024${" ".repeat(60)}`))).toMatchObject({ value: expect.objectContaining({ id: "FY2024" }) });
    expect(outcome(parsePeriod(`2024${" ".repeat(61)}`))).toMatchObject({ code: "invalid", message: expect.stringMatching(/^Cannot read "2024 {36}…" as a period/) });
  });
});

describe("metric names", () => {
  it("ignores case, spaces, hyphens and underscores, and reads & as and", () => {
    for (const typed of ["gross_profit", "Gross Profit", "GROSS-PROFIT", " gross__profit ", "grossprofit"]) expect(outcome(parseMetric(typed))).toMatchObject({ value: { id: "gross_profit" } });
    expect(outcome(parseMetric("cash and short-term investments"))).toMatchObject({ value: { id: "cash_and_short_term_investments" } });
    expect(outcome(parseMetric("Cash & short term investments"))).toMatchObject({ value: { id: "cash_and_short_term_investments" } });
  });

  it("requires a metric, and says what a number is", () => {
    expect(outcome(parseMetric(null))).toEqual({ code: "invalid", message: "A metric is required." });
    expect(outcome(parseMetric(""))).toEqual({ code: "invalid", message: "A metric is required." });
    expect(outcome(parseMetric(2024))).toEqual({ code: "invalid", message: "The metric must be text, not 2024." });
  });

  it("reads the one cell of a 1×1 range, and refuses a larger range", () => {
    expect(outcome(parseMetric([["revenue"]]))).toMatchObject({ value: { id: "revenue" } });
    expect(outcome(parseMetric([["revenue", "eps"]]))).toEqual({ code: "invalid", message: "The metric must be text, not a range." });
    expect(outcome(parseMetric([["revenue"], ["eps"]]))).toEqual({ code: "invalid", message: "The metric must be text, not a range." });
  });

  it("names no metric for overlong text, and shortens it in the message", () => {
    const r = parseMetric("revenue".padEnd(65, "_"));
    expect(outcome(r)).toEqual({ code: "invalid", message: 'No metric "revenue_________________________________…" in the dataset. All 44 metrics are listed by =KC.METRICS() and in the formula builder (Home > KC for Excel > Formulas).' });
  });

  it("says how many metrics there are and where all of them are listed, instead of a dozen of them", () => {
    expect(outcome(parseMetric("xyzzy"))).toEqual({
      code: "invalid",
      message: 'No metric "xyzzy" in the dataset. All 44 metrics are listed by =KC.METRICS() and in the formula builder (Home > KC for Excel > Formulas).',
    });
  });
});

describe("names from a fixed list", () => {
  const sizes = choiceMap<"small" | "large">([["small", "small"], ["S", "small"], ["extra large", "large"]]);

  it("match ignoring case, spaces, hyphens and underscores", () => {
    expect(outcome(parseChoice("Extra-Large", "size", sizes, ["small", "large"]))).toEqual({ value: "large" });
    expect(outcome(parseChoice(" S ", "size", sizes, ["small", "large"]))).toEqual({ value: "small" });
    expect(outcome(parseChoice("smal", "size", sizes, ["small", "large"]))).toEqual({ code: "invalid", message: 'Unknown size "smal". Did you mean "small"? Valid: small, large.' });
    expect(outcome(parseChoice([["s"]], "size", sizes, ["small", "large"]))).toEqual({ value: "small" });
  });

  it("say what is missing or not text", () => {
    expect(outcome(parseChoice(undefined, "size", sizes, ["small"]))).toEqual({ code: "invalid", message: "A size is required." });
    expect(outcome(parseChoice(false, "size", sizes, ["small"]))).toEqual({ code: "invalid", message: "The size must be text, not false." });
  });

  it("reach every margin kind and its aliases", () => {
    const revenue2024 = 7790;
    expect(outcome(KC.MARGIN("gross_margin", 2024))).toEqual({ value: expect.closeTo(1340 / revenue2024, 12) });
    expect(outcome(KC.MARGIN("EBITDA margin", 2024))).toEqual({ value: expect.closeTo(443.8 / revenue2024, 12) });
    expect(outcome(KC.MARGIN("net margin", 2024))).toEqual({ value: expect.closeTo(-1970 / revenue2024, 12) });
    expect(outcome(KC.MARGIN("free cash flow", 2024))).toEqual({ value: expect.closeTo(-3050 / revenue2024, 12) });
    expect(outcome(KC.MARGIN("operating_cash_flow", 2024))).toEqual({ value: expect.closeTo(628.42 / revenue2024, 12) });
    expect(outcome(KC.MARGIN("adjusted ebitda", "Q2 2025"))).toEqual({ value: expect.closeTo(406 / 2350, 12) });
    expect(outcome(KC.MARGIN("fcf", "TTM"))).toEqual({ value: expect.closeTo(3330 / 9020, 12) });
  });

  it("reach every named ratio", () => {
    const ttm = { debt: 8750, equity: 6740, assets: 25650, liabilities: 18580, cash: 3950, net: -972.95, ocf: 3330, fcf: 3330, revenue: 9020 };
    const cases: [string, number][] = [
      ["debt_to_equity", ttm.debt / ttm.equity], ["debt_to_assets", ttm.debt / ttm.assets], ["liabilities_to_assets", ttm.liabilities / ttm.assets],
      ["liabilities_to_equity", ttm.liabilities / ttm.equity], ["equity_ratio", ttm.equity / ttm.assets], ["roe", ttm.net / ttm.equity],
      ["roa", ttm.net / ttm.assets], ["cash_to_debt", ttm.cash / ttm.debt], ["ocf_to_net_income", ttm.ocf / ttm.net],
      ["fcf_to_net_income", ttm.fcf / ttm.net], ["asset_turnover", ttm.revenue / ttm.assets],
    ];
    for (const [name, expected] of cases) expect([name, outcome(KC.RATIO(name, "TTM"))]).toEqual([name, { value: expect.closeTo(expected, 10) }]);
  });

  it("names the ratios and the a/b form for an unknown ratio, and suggests no ratio that only shares a word with it", () => {
    expect(outcome(KC.RATIO("quick_ratio", "TTM"))).toEqual({
      code: "invalid",
      message:
        'Unknown ratio "quick_ratio". Valid: debt_to_equity, debt_to_assets, liabilities_to_assets, liabilities_to_equity, equity_ratio, roe, roa, ' +
        "cash_to_debt, ocf_to_net_income, fcf_to_net_income, asset_turnover, metric_a/metric_b.",
    });
  });
});

describe("omitted arguments, ranges and near misses", () => {
  it("treats null, undefined, empty and blank text as omitted, and nothing else", () => {
    for (const value of [null, undefined, "", "  \t"]) expect(isOmitted(value)).toBe(true);
    for (const value of [0, false, "0", [[""]], "x"]) expect(isOmitted(value)).toBe(false);
  });

  it("takes the value of a 1×1 range and leaves anything else as it is", () => {
    expect(scalarOf([["TTM"]])).toBe("TTM");
    const wide = [["a", "b"]];
    expect(scalarOf(wide)).toBe(wide);
    const empty: unknown[] = [];
    expect(scalarOf(empty)).toBe(empty);
    expect(scalarOf(["TTM"])).toEqual(["TTM"]);
  });

  it("suggests a choice one edit away in a name of 5 to 11 characters, two from 12, and none below 5", () => {
    const near = (typed: string, names: string[]) => suggester(names.map((n) => [n, n]))(typed);
    expect(near("roa", ["roe", "ebitda"])).toBeNull();
    expect(near("ab", ["roe"])).toBeNull();
    expect(near("ebitdaa", ["ebitda", "net"])).toBe("ebitda");
    expect(near("net_incme", ["net_income", "net"])).toBe("net_income");
    expect(near("totl", ["total_debt"])).toBeNull();
    expect(near("reveune", ["revenue"])).toBe("revenue");
    expect(near("abxde", ["abcde"])).toBe("abcde");
    expect(near("abxye", ["abcde"])).toBeNull();
    expect(near("tota_revnue", ["total_revenue"])).toBe("total_revenue");
    expect(near("tta_revnue", ["total_revenue"])).toBeNull();
  });

  it("suggests the one choice a name cut short starts, and none for a word of its own", () => {
    const near = (typed: string, names: string[], vocabulary: string[] = []) => suggester(names.map((n) => [n, n]), vocabulary)(typed);
    expect(near("rev", ["revenue"])).toBe("revenue");
    expect(near("re", ["revenue"])).toBeNull();
    expect(near("gross_pro", ["gross_profit", "gross_margin"])).toBe("gross_profit");
    expect(near("gross", ["gross_profit", "gross_margin"])).toBeNull();
    expect(near("gro", ["gross_profit", "gross_margin"])).toBeNull();
    expect(near("operating", ["operating_cash_flow", "net"])).toBeNull();
    expect(near("operating_cash", ["operating_cash_flow", "net"])).toBe("operating_cash_flow");
    // Cut short of one choice and a typo of another: the one it starts.
    expect(near("revenue_g", ["revenue", "revenue_growth"])).toBe("revenue_growth");
    // Of the names of one choice that it starts, the first listed.
    expect(suggester([["period_end", "period_end"], ["period", "period_end"]])("peri")).toBe("period_end");
    expect(near("ebit", ["ebitda", "net"], ["ebit_margin"])).toBeNull();
    expect(near("ebit", ["ebitda", "net"])).toBe("ebitda");
  });

  it("suggests nothing for text longer than any name", () => {
    const near = suggester([["revenue", "revenue"]]);
    expect(near("revenu".padEnd(64, "_"))).toBe("revenue");
    expect(near("revenu".padEnd(65, "_"))).toBeNull();
  });

  it("suggests nothing when two different choices are as near, and the nearer spelling of one choice", () => {
    expect(suggester([["ma20_hkd", "ma20"], ["ma50_hkd", "ma50"]])("ma0_hkd")).toBeNull();
    expect(suggester([["revenue", "revenue"], ["revenues", "revenue"]])("revenuez")).toBe("revenues");
    // Two choices two edits away, then one a single edit away: the nearer one is meant.
    expect(suggester([["abcdefghijklxx", "x"], ["abcdefghijklyy", "y"], ["abcdefghijklmz", "z"]])("abcdefghijklmn")).toBe("abcdefghijklmz");
    expect(suggester([["debt_to_equity", "de"], ["total_debt", "debt"]])("Debt To-Equity")).toBe("debt_to_equity");
  });
});

describe("edit distance", () => {
  /** Edit distance by the textbook recurrence over the whole matrix, a swap of neighbours counting one edit. */
  const edits = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const row = d[i] as number[];
        const above = d[i - 1] as number[];
        row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
    return (d[a.length] as number[])[b.length] as number;
  };

  it("is the edit distance with swaps of neighbours for short names", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 7 }), fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 7 }), (a, b) => distance(a, b) === edits(a, b)),
      { seed: 20261126, numRuns: 2000 },
    );
  });

  it("counts only the first 64 characters of either name", () => {
    expect(distance("x".repeat(64), "x".repeat(100_000))).toBe(0);
  });
});

describe("the argument memo", () => {
  it("computes once per key and starts afresh when full", () => {
    const memo = new ArgumentMemo<string>(2);
    let computed = 0;
    const get = (key: string) => memo.get(key, () => `${key}${++computed}`);
    expect([get("a"), get("a"), get("b"), get("b")]).toEqual(["a1", "a1", "b2", "b2"]);
    expect(get("c")).toBe("c3");
    expect(get("a")).toBe("a4");
    expect(get("c")).toBe("c3");
  });

  it("keeps keys of up to 64 characters, the longest name, and computes longer text afresh every time", () => {
    const memo = new ArgumentMemo<string>();
    let computed = 0;
    const get = (key: unknown) => memo.get(key, () => `${++computed}`);
    const longest = "x".repeat(64);
    expect([get(longest), get(longest)]).toEqual(["1", "1"]);
    const longer = "x".repeat(65);
    expect([get(longer), get(longer)]).toEqual(["2", "3"]);
    expect([get(65), get(65)]).toEqual(["4", "4"]);
  });
});

describe("message wording", () => {
  it("shows text up to 40 characters in quotes, then cuts it", () => {
    expect(explain({ kind: "notText", what: "X", value: "a".repeat(40) })).toBe(`X must be text, not "${"a".repeat(40)}".`);
    expect(explain({ kind: "notText", what: "X", value: "a".repeat(41) })).toBe(`X must be text, not "${"a".repeat(40)}…".`);
  });

  it("lists up to twelve choices in full", () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `c${i}`);
    expect(explain({ kind: "unknownChoice", what: "thing", value: "z", choices: twelve, near: null })).toBe(`Unknown thing "z". Valid: ${twelve.join(", ")}.`);
  });

  it("says when no periods have a figure at all", () => {
    expect(explain({ kind: "noFigure", label: "Revenue", period: "FY2019", available: [] })).toBe("No Revenue for FY2019.");
  });
});
