/**
 * Where arithmetic on the stored figures would give a number that means nothing (a division by zero, a root of a
 * negative, a period that is not a fiscal year), the library answers with an error that says why, never a value.
 */
import { explain } from "../src/data/messages";
import { KC } from "../src/data/kc";
import type { Result } from "../src/data/result";
import { FIRST_YEAR, LATEST_YEAR } from "./support/dataset";

const miss = (r: Result<unknown>) => (r.ok ? { ok: true, value: r.value } : { code: r.code, message: explain(r.reason) });

describe("ratios refuse a zero denominator", () => {
  it("is #N/A for revenue per EPS in Q3 2025, whose EPS the dashboard states as -$0.00", () => {
    expect(miss(KC.RATIO("revenue/eps", "Q3 2025"))).toEqual({
      code: "unavailable",
      message: "EPS (USD per ADS) for Q3 2025 is zero, so the ratio is not meaningful.",
    });
  });

  it("still divides zero by a number: Q3 2025 free cash flow ($0.00) over revenue ($344.48M) is 0", () => {
    expect(miss(KC.RATIO("free_cash_flow/revenue", "Q3 2025"))).toEqual({ ok: true, value: 0 });
  });
});

describe("a ratio passes on a figure it lacks", () => {
  it("is #N/A when the numerator or the denominator is missing, naming which", () => {
    expect(miss(KC.MARGIN("gross", "Q3 2025"))).toEqual({ code: "unavailable", message: "No Gross profit for Q3 2025. Available: FY2020, FY2021, FY2022, FY2023, FY2024, TTM." });
    expect(miss(KC.RATIO("revenue/research_and_development", 2023))).toEqual({ code: "unavailable", message: "No R&D expenses for FY2023. Available: FY2024." });
  });

  it("passes on a bad period for a named ratio", () => {
    expect(KC.RATIO("roe", "soon")).toMatchObject({ ok: false, code: "invalid", reason: { kind: "badPeriod", value: "soon" } });
  });

  it("carries the note of a figure it had to convert", () => {
    // EPS is stated in USD only; revenue per EPS in RMB converts EPS at FY2024's implied rate.
    const r = KC.RATIO("revenue/eps", 2024);
    expect(r.ok && r.value).toBeCloseTo(7790 / (-1.13 * (7790 / 1080)), 6);
    expect(r.ok && r.notes).toEqual([expect.stringMatching(/^Converted at 7\.2130 RMB per USD/)]);
  });
});

describe("a ratio name is one named ratio or exactly two metrics", () => {
  it("names the margins, and says what a number is as a ratio name", () => {
    expect(miss(KC.MARGIN("operating", 2024))).toEqual({ code: "invalid", message: 'Unknown margin "operating". Valid: gross, ebitda, net, fcf, ocf, non_gaap_ebitda.' });
    expect(miss(KC.RATIO(5, "TTM"))).toEqual({ code: "invalid", message: "The ratio must be text, not 5." });
  });

  it("refuses three metrics even when the first two would make a ratio", () => {
    expect(miss(KC.RATIO("total_debt/total_equity/total_assets", "TTM"))).toEqual({
      code: "invalid",
      message: 'Cannot read "total_debt/total_equity/total_assets" as a ratio: use a name (e.g. "debt_to_equity") or "metric_a/metric_b".',
    });
  });

  it("names the metric it cannot read on either side of the slash", () => {
    const ALL_METRICS = "All 44 metrics are listed by =KC.METRICS() and in the formula builder (Home > KC for Excel > Formulas).";
    expect(miss(KC.RATIO("profit/total_equity", "TTM"))).toMatchObject({ code: "invalid", message: `No metric "profit" in the dataset. ${ALL_METRICS}` });
    expect(miss(KC.RATIO("total_debt/total_equty", "TTM"))).toMatchObject({ code: "invalid", message: `No metric "total_equty" in the dataset. Did you mean "total_equity"? ${ALL_METRICS}` });
  });
});

describe("CAGR runs between two fiscal years, earliest first, over positive values", () => {
  it("refuses TTM as an end, which is not a fiscal year, with the dataset's first and latest fiscal years as the example", () => {
    expect(miss(KC.CAGR("revenue", 2020, "TTM"))).toEqual({
      code: "invalid",
      message: `CAGR needs two different fiscal years (e.g. ${FIRST_YEAR} and ${LATEST_YEAR}), the first earlier than the second.`,
    });
  });

  it("refuses a quarter at either end", () => {
    expect(KC.CAGR("revenue", "Q2 2025", 2024)).toMatchObject({ ok: false, code: "invalid", reason: { kind: "cagrNeedsYears" } });
    expect(KC.CAGR("revenue", 2020, "Q2 2025")).toMatchObject({ ok: false, code: "invalid", reason: { kind: "cagrNeedsYears" } });
  });

  it("refuses the same year twice and a reversed pair", () => {
    expect(KC.CAGR("revenue", 2024, 2024)).toMatchObject({ ok: false, code: "invalid", reason: { kind: "cagrOrder", from: "FY2024", to: "FY2024" } });
    expect(KC.CAGR("revenue", 2024, 2023)).toMatchObject({ ok: false, code: "invalid", reason: { kind: "cagrOrder", from: "FY2024", to: "FY2023" } });
  });

  it("passes on a bad argument and a missing start", () => {
    expect(KC.CAGR("revenue", "soon", 2024)).toMatchObject({ ok: false, code: "invalid", reason: { kind: "badPeriod", value: "soon" } });
    expect(miss(KC.CAGR("research_and_development", 2020, 2024))).toEqual({ code: "unavailable", message: "No R&D expenses for FY2020. Available: FY2024." });
  });

  it("computes over a single year as that year's growth", () => {
    // Revenue RMB7.05B in 2023 and RMB7.79B in 2024 (statement table): one year of CAGR is the plain growth.
    const r = KC.CAGR("revenue", 2023, 2024);
    expect(r.ok && r.value).toBeCloseTo(7790 / 7050 - 1, 12);
  });

  it("is #N/A when the end is negative: operating cash flow went from RMB188.97M in 2022 to -RMB169.07M in 2023", () => {
    expect(miss(KC.CAGR("operating_cash_flow", 2022, 2023))).toEqual({
      code: "unavailable",
      message: "CAGR of Operating cash flow is not meaningful: it needs positive values at both ends.",
    });
  });

  it("is #N/A when the start is negative: EBITDA went from -RMB449.21M in 2020 to RMB443.80M in 2024", () => {
    expect(KC.CAGR("ebitda", 2020, 2024)).toMatchObject({ ok: false, code: "unavailable", reason: { kind: "cagrNeedsPositive", label: "EBITDA" } });
  });
});

describe("growth refuses a period as its own base", () => {
  it("is #VALUE! for Q3 2025 free cash flow (stated as $0.00) against itself, before any division by its zero", () => {
    expect(miss(KC.GROWTHRATE("free_cash_flow", "Q3 2025", "Q3 2025"))).toEqual({
      code: "invalid",
      message: "The period and the base period are both Q3 2025: growth needs a base period before the period (or none, for the year before).",
    });
  });
});

describe("a quarter is never read as its fiscal year", () => {
  it.each(["Q3 FY24", "Q3 FY2024", "3Q24", "2024Q3", "Q3-2024"])("%s is #N/A naming the periods there are, not FY2024's 7,790", (typed) => {
    const r = KC.REVENUE(typed, null, null);
    expect(miss(r)).toMatchObject({ code: "unavailable", message: expect.stringMatching(/^The dataset has no period ".*"\. Available: FY2020, .*Q3-2025, TTM\.$/) });
  });
});
