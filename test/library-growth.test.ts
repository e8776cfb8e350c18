/** KC.GROWTHRATE against an explicit earlier base: currency, sign against a loss, sources, and what it passes on. */
import { explain } from "../src/data/messages";
import { KC } from "../src/data/kc";
import type { Result } from "../src/data/result";

const outcome = (r: Result<unknown>) => (r.ok ? { value: r.value } : { code: r.code, message: explain(r.reason) });

describe("growth against a base period", () => {
  it("compares in the currency of the later figure, and is #N/A where the base exists only in another", () => {
    // Q3 2025 revenue is stated in USD only ($344.48M); Q2 2025's in RMB only, with no quarterly rate to convert it.
    expect(outcome(KC.GROWTHRATE("revenue", "Q3 2025", "Q2 2025"))).toEqual({
      code: "unavailable",
      message: "No Total revenue for Q2 2025 in USD: the sources state it in RMB only and imply no RMB-per-USD rate for Q2 2025 to convert it.",
    });
  });

  it("is (new − base) / |base| against a loss, and negative when a loss deepens", () => {
    // Net income: -RMB2.66B in 2022, -RMB1.59B in 2021.
    expect(outcome(KC.GROWTHRATE("net_income", 2022, 2021))).toEqual({ value: expect.closeTo((-2660 + 1590) / 1590, 10) });
    expect(outcome(KC.GROWTHRATE("net_income", 2023, "FY2022"))).toEqual({ value: expect.closeTo((-2180 + 2660) / 2660, 10) });
  });

  it("rests on both figures, the later first", () => {
    const r = KC.GROWTHRATE("eps", 2024, 2023);
    expect(r.ok && r.facts.map((f) => f.id)).toEqual(["eps:FY2024:filing", "eps:FY2023:filing"]);
    expect(r.ok && r.value).toBeCloseTo((-1.13 + 1.29) / 1.29, 10);
  });

  it("never sets a quarter against twelve months, which would need a base converted from another currency", () => {
    // Q3 2025 free cash flow is stated as $0.00 (USD); FY2024's as -RMB3.05B.
    expect(outcome(KC.GROWTHRATE("free_cash_flow", "Q3 2025", 2024))).toEqual({
      code: "invalid",
      message: "Growth compares periods of the same length: Q3 2025 is a quarter, the base period FY2024 twelve months. Compare a quarter with a quarter, a year or TTM with a year or TTM.",
    });
    expect(outcome(KC.GROWTHRATE("revenue", "TTM", "Q2 2025"))).toEqual({
      code: "invalid",
      message: "Growth compares periods of the same length: TTM (to Sep 30, 2025) is twelve months, the base period Q2 2025 a quarter. Compare a quarter with a quarter, a year or TTM with a year or TTM.",
    });
  });

  it("needs a base period before the period, and says how to write growth the other way", () => {
    expect(outcome(KC.GROWTHRATE("revenue", 2020, 2024))).toEqual({
      code: "invalid",
      message: 'The base period (FY2024) must come before the period (FY2020): growth runs from base_period to period, so for growth from FY2020 to FY2024 write =KC.GROWTHRATE("revenue", "FY2024", "FY2020").',
    });
    expect(outcome(KC.GROWTHRATE("revenue", "FY2024", "2024"))).toEqual({
      code: "invalid",
      message: "The period and the base period are both FY2024: growth needs a base period before the period (or none, for the year before).",
    });
    // TTM ends after FY2024 and is twelve months long: a valid base for it.
    expect(outcome(KC.GROWTHRATE("revenue", "TTM", 2024))).toEqual({ value: expect.closeTo((9020 - 7790) / 7790, 10) });
  });

  it("is #N/A when the later period lacks the figure", () => {
    expect(outcome(KC.GROWTHRATE("premium_customers", 2022, 2021))).toEqual({ code: "unavailable", message: "No Premium customers for FY2022. Available: FY2023, FY2024." });
  });

  it("without a year-earlier figure or a stated growth for the period, asks for a base", () => {
    expect(outcome(KC.GROWTHRATE("eps", "TTM", null))).toEqual({ code: "unavailable", message: "No year-earlier period for TTM (to Sep 30, 2025) in the dataset; pass a base period." });
  });

  it("is #N/A when the base period lacks the figure", () => {
    expect(outcome(KC.GROWTHRATE("premium_customers", 2024, 2022))).toEqual({ code: "unavailable", message: "No Premium customers for FY2022. Available: FY2023, FY2024." });
  });

  it("passes on a bad metric, period or base, in that order", () => {
    expect(KC.GROWTHRATE("nope", "soon", "later")).toMatchObject({ ok: false, code: "invalid", reason: { kind: "notInDataset", what: "metric", value: "nope" } });
    expect(KC.GROWTHRATE("revenue", "soon", "later")).toMatchObject({ ok: false, code: "invalid", reason: { kind: "badPeriod", value: "soon" } });
    expect(KC.GROWTHRATE("revenue", 2024, "later")).toMatchObject({ ok: false, code: "invalid", reason: { kind: "badPeriod", value: "later" } });
    expect(KC.GROWTHRATE("revenue", 2019, 2018)).toMatchObject({ ok: false, code: "unavailable", reason: { kind: "noPeriod", value: 2019, period: "FY2019" } });
  });

  it("takes the year before when the base is omitted, blank or an empty cell", () => {
    const expected = { value: expect.closeTo(7790 / 7050 - 1, 10) };
    for (const base of [null, undefined, "", " ", [[""]]]) expect(outcome(KC.GROWTHRATE("revenue", 2024, base))).toEqual(expected);
  });

  it("without a year-earlier figure, names a stated growth that the sources agree on without flagging a dispute", () => {
    expect(outcome(KC.GROWTHRATE("public_cloud_revenue", "Q2 2025", null))).toEqual({
      code: "unavailable",
      message:
        "No year-earlier period for Q2 2025 in the dataset; pass a base period. The sources state Public cloud revenue growth (stated) for Q2 2025 as 32%: " +
        '=KC.FIGURE("public_cloud_revenue_growth","Q2-2025").',
    });
    expect(outcome(KC.GROWTHRATE("ai_gross_billings", "Q2 2025", null))).toEqual({
      code: "unavailable",
      message:
        "No year-earlier period for Q2 2025 in the dataset; pass a base period. The sources give AI gross billings growth (stated) for Q2 2025 only as a bound " +
        '("a year-over-year increase of over 120%"): =KC.SOURCE("ai_gross_billings_growth","Q2-2025").',
    });
  });
});
