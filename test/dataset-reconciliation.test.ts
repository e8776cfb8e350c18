import { findKcCalls } from "../src/data/formula";
import { KC, type KcName } from "../src/data/kc";
import { interval } from "../src/data/parse";
import type { Fact } from "../src/data/schema";
import { dataset } from "./support/dataset";

type Range = [number, number];
const fact = (metric: string, period: string, currency: string | null = "RMB"): Fact => {
  const f = dataset.facts.find((x) => x.metric === metric && x.period === period && x.currency === currency && x.primary);
  if (!f) throw new Error(`no ${metric} ${period}`);
  return f;
};
const range = (f: Fact): Range => interval(f.value, f.precision) as Range;
const divide = ([a, b]: Range, [c, d]: Range): Range => {
  const q = [a / c, a / d, b / c, b / d];
  return [Math.min(...q), Math.max(...q)];
};
const statedRange = (value: number, halfWidth: number): Range => [value - halfWidth, value + halfWidth];
const overlaps = ([a, b]: Range, [c, d]: Range) => a <= d && c <= b;

describe("ratios the pages state follow from the stored figures within the sources' rounding", () => {
  const cases: [string, Range, Range][] = [
    ["gross margin 2024 (17.2%)", divide(range(fact("gross_profit", "FY2024")), range(fact("revenue", "FY2024"))), statedRange(0.172, 0.0005)],
    ["gross margin 2023 (12.1%)", divide(range(fact("gross_profit", "FY2023")), range(fact("revenue", "FY2023"))), statedRange(0.121, 0.0005)],
    ["revenue growth 2024 (10.5%)", divide(range(fact("revenue", "FY2024")), range(fact("revenue", "FY2023"))).map((x) => x - 1) as Range, statedRange(0.105, 0.0005)],
    ["TTM net margin (-10.78%)", divide(range(fact("net_income", "TTM")), range(fact("revenue", "TTM"))), statedRange(-0.1078, 0.00005)],
    ["debt to equity (1.30)", divide(range(fact("total_debt", "TTM")), range(fact("total_equity", "TTM"))), statedRange(1.3, 0.005)],
    ["equity ratio (26.28%)", divide(range(fact("total_equity", "TTM")), range(fact("total_assets", "TTM"))), statedRange(0.2628, 0.00005)],
    ["TTM gross margin (16.21%)", divide(range(fact("gross_profit", "TTM")), range(fact("revenue", "TTM"))), statedRange(0.1621, 0.00005)],
  ];
  it.each(cases)("%s", (_label, computed, stated) => {
    expect(overlaps(computed, stated)).toBe(true);
  });

  it("a check that should fail does: 1.97B/7.79B is not a 17.2% gross margin", () => {
    const wrong = divide(range(fact("net_income", "FY2024")), range(fact("revenue", "FY2024")));
    expect(overlaps(wrong, statedRange(0.172, 0.0005))).toBe(false);
  });

  it("records the stated ratios it cannot reproduce as known disagreements, not bent figures", () => {
    const byStatus = (status: string) => dataset.reconciliations.filter((r) => r.status === status).map((r) => r.id).sort();
    expect(byStatus("disagrees")).toEqual(["eps_growth_FY2021", "eps_growth_FY2022", "eps_growth_FY2023", "eps_growth_FY2024", "fcf_to_net_income_TTM", "non_gaap_ebitda_margin_Q2-2025", "ocf_to_net_income_TTM", "roe_TTM"]);
    expect(byStatus("not_computable")).toEqual(["ebit_margin_TTM", "free_cash_flow_growth_TTM", "revenue_growth_TTM"]);
    for (const r of dataset.reconciliations.filter((x) => x.status === "reconciles")) {
      expect(overlaps([r.computedLow!, r.computedHigh!], statedRange(r.stated, r.statedHalfWidth))).toBe(true);
    }
  });
});

describe("conflicts between the pages are kept, with a primary", () => {
  it("keeps both 2024 net loss figures: -1.97B (table, primary) and -1.98B (highlights)", () => {
    const both = dataset.facts.filter((f) => f.metric === "net_income" && f.period === "FY2024");
    expect(both.map((f) => [f.value, f.primary, f.section])).toEqual([
      [-1970, true, "statement table"],
      [-1980, false, "2024 highlights"],
    ]);
    expect(dataset.conflicts.find((c) => c.id === "net_income:FY2024")?.others[0]?.line).toBe(70);
  });

  it("keeps both next earnings dates, Mar 25 (primary) and Mar 18, 2026", () => {
    expect(dataset.nextEarnings.map((n) => [n.date, n.primary])).toEqual([["2026-03-25", true], ["2026-03-18", false]]);
    expect(dataset.conflicts.map((c) => c.id)).toContain("next_earnings_date");
  });

  it("does not call rounding a conflict: 628.42M and RMB628.4M agree", () => {
    expect(dataset.conflicts.map((c) => c.id)).not.toContain("operating_cash_flow:FY2024");
  });
});

describe("implied RMB per USD", () => {
  it("derives a rate for FY2020–FY2024 and TTM from revenue stated in both currencies", () => {
    expect(dataset.fx.map((r) => r.period)).toEqual(["FY2020", "FY2021", "FY2022", "FY2023", "FY2024", "TTM"]);
    const fy2024 = dataset.fx.find((r) => r.period === "FY2024")!;
    expect(fy2024.rate).toBeCloseTo(7790 / 1080, 9);
    expect(fy2024.low).toBeLessThan(fy2024.rate);
    expect(fy2024.high).toBeGreaterThan(fy2024.rate);
    expect(fy2024.derivation).toContain("7.79B");
  });
});

describe("each stated ratio names the KC formula that recomputes it", () => {
  const withFormula = dataset.reconciliations.filter((r) => r.kc !== null);

  it("covers every check whose inputs are the figures the functions use", () => {
    const primaryIds = new Set(dataset.facts.filter((f) => f.primary).map((f) => f.id));
    const computable = dataset.reconciliations.filter((r) => r.inputs.length > 0 && r.inputs.every((id) => primaryIds.has(id)));
    expect(withFormula.map((r) => r.id).sort()).toEqual(computable.map((r) => r.id).sort());
    expect(withFormula.length).toBe(22);
  });

  it.each(withFormula.map((r) => [r.id, r] as const))("%s: the formula uses exactly the check's inputs and lands in its computed range", (_id, r) => {
    const [call] = findKcCalls(r.kc as string);
    expect(call?.args.every((a) => a.kind === "literal")).toBe(true);
    const result = (KC[call?.name as KcName] as (...a: unknown[]) => ReturnType<(typeof KC)[KcName]>)(...(call?.args ?? []).map((a) => (a.kind === "literal" ? a.value : null)));
    if (!result.ok) throw new Error(`${r.kc}: ${result.message}`);
    expect(result.facts.map((f) => f.id)).toEqual(r.inputs);
    expect(result.value as number).toBeGreaterThanOrEqual(r.computedLow as number);
    expect(result.value as number).toBeLessThanOrEqual(r.computedHigh as number);
  });
});
