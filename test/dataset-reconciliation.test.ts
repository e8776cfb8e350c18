import { findKcCalls } from "../src/data/formula";
import { KC, type KcName } from "../src/data/kc";
import type { Fact } from "../src/data/schema";
import { dataset } from "./support/dataset";
import { HK_PAGE, US_PAGE, dateAfter, figureAfter, figuresBelow, seedLines, type SeedFigure } from "./support/seed-reader";
import { filing, statementPeriods, statementRow } from "./support/seed-tables";

// Every expectation here is read from the seed pages or computed from what they state; the dataset is only checked.
type Range = readonly [number, number];
const span = (f: SeedFigure): Range => [f.low, f.high];
const quotient = ([a, b]: Range, [c, d]: Range): Range | null => {
  if (c <= 0 && d >= 0) return null;
  const q = [a / c, a / d, b / c, b / d];
  return [Math.min(...q), Math.max(...q)];
};
const overlaps = ([a, b]: Range, [c, d]: Range) => a <= d && c <= b;
/** Two statements of one figure agree when both round to the same figure at the coarser of their precisions. */
const sameWhenRounded = (a: SeedFigure, b: SeedFigure) => {
  const step = Math.max(a.high - a.low, b.high - b.low);
  return Math.round(a.value / step) === Math.round(b.value / step);
};
/** A loss stated as a positive amount ("net loss … to RMB1.98B"), as a negative figure. */
const asLoss = (f: SeedFigure): SeedFigure => ({ ...f, value: -f.value, low: -f.high, high: -f.low });

const statement = (label: string, period: string) => statementRow(label)[period] as SeedFigure;
const revenue = (period: string) => statement("Total Revenue", period);
/** The first row of the overview page's key-metrics table: market cap, P/E, ROE and debt to assets. */
const keyMetrics = figuresBelow(US_PAGE, "Key Metrics", "Debt to Assets");
const highlightsLoss = asLoss(figureAfter(US_PAGE, "net loss decreased 9.4% to "));
const q2Revenue = figureAfter(HK_PAGE, "Q2 revenue reached ");

type How = "ratio" | "growth" | "loss growth";
/** A ratio a page states, with the figures the pages state that recompute it, read independently of the dataset. */
type Check = { id: string; stated: SeedFigure; how: How; inputs: SeedFigure[]; kc: string | null };
const check = (id: string, stated: SeedFigure, how: How, inputs: SeedFigure[], kc: string | null = null): Check => ({ id, stated, how, inputs, kc });
const priorYears = [2024, 2023, 2022, 2021];

const CHECKS: Check[] = [
  check("gross_margin_FY2024", figureAfter(US_PAGE, "Gross margin expanded significantly to "), "ratio", [statement("Gross Profit", "FY2024"), revenue("FY2024")], `KC.MARGIN("gross","FY2024")`),
  check("gross_margin_FY2023", figureAfter(US_PAGE, "in 2024 from "), "ratio", [statement("Gross Profit", "FY2023"), revenue("FY2023")], `KC.MARGIN("gross","FY2023")`),
  check("gross_margin_TTM", figureAfter(HK_PAGE, "The gross profit margin is relatively low at "), "ratio", [statement("Gross Profit", "TTM"), revenue("TTM")], `KC.MARGIN("gross","TTM")`),
  check("revenue_growth_FY2024", figureAfter(US_PAGE, "marking a "), "growth", [revenue("FY2024"), revenue("FY2023")], `KC.GROWTHRATE("revenue","FY2024")`),
  ...priorYears.map((y) => check(`revenue_growth_FY${y}_filing`, filing(y).revenueGrowth, "growth", [revenue(`FY${y}`), revenue(`FY${y - 1}`)], `KC.GROWTHRATE("revenue","FY${y}")`)),
  check("net_margin_TTM", figureAfter(HK_PAGE, "negative net margin ("), "ratio", [statement("Net Income", "TTM"), revenue("TTM")], `KC.MARGIN("net","TTM")`),
  check("debt_to_equity_TTM", figureAfter(HK_PAGE, "(debt-to-equity "), "ratio", [statement("Total Debt", "TTM"), statement("Stockholders Equity", "TTM")], `KC.RATIO("debt_to_equity","TTM")`),
  check("equity_ratio_TTM", figureAfter(HK_PAGE, "reasonable equity ratio ("), "ratio", [statement("Stockholders Equity", "TTM"), statement("Total Assets", "TTM")], `KC.RATIO("equity_ratio","TTM")`),
  check("debt_to_assets_TTM", keyMetrics[3] as SeedFigure, "ratio", [statement("Total Debt", "TTM"), statement("Total Assets", "TTM")], `KC.RATIO("debt_to_assets","TTM")`),
  check("net_loss_decrease_FY2024", figureAfter(US_PAGE, "net loss decreased "), "loss growth", [highlightsLoss, statement("Net Income", "FY2023")]),
  check("ai_share_of_public_cloud_Q2-2025", figureAfter(HK_PAGE, "growth of 39%, accounting for "), "ratio",
    [figureAfter(HK_PAGE, "AI gross billings reached "), figureAfter(HK_PAGE, "public cloud revenue increasing by 32% to ")], `KC.RATIO("ai_gross_billings/public_cloud_revenue","Q2-2025")`),
  check("ecosystem_share_Q2-2025", figureAfter(HK_PAGE, "up 70% year-over-year, contributing "), "ratio",
    [figureAfter(HK_PAGE, "Revenue from Xiaomi and Kingsoft ecosystem reached "), q2Revenue], `KC.RATIO("ecosystem_revenue/revenue","Q2-2025")`),
  check("roe_TTM", figureAfter(HK_PAGE, "and negative ROE ("), "ratio", [statement("Net Income", "TTM"), statement("Stockholders Equity", "TTM")], `KC.RATIO("roe","TTM")`),
  check("ocf_to_net_income_TTM", figureAfter(HK_PAGE, "operating cash flow to net income ratio is "), "ratio", [statement("Operating Cash Flow", "TTM"), statement("Net Income", "TTM")], `KC.RATIO("ocf_to_net_income","TTM")`),
  check("fcf_to_net_income_TTM", figureAfter(HK_PAGE, "free cash flow to net income ratio is negative ("), "ratio", [statement("Free Cash Flow", "TTM"), statement("Net Income", "TTM")], `KC.RATIO("fcf_to_net_income","TTM")`),
  ...priorYears.map((y) => check(`eps_growth_FY${y}`, filing(y).epsGrowth, "loss growth", [filing(y).eps, filing(y - 1).eps], `KC.GROWTHRATE("eps","FY${y}")`)),
  check("non_gaap_ebitda_margin_Q2-2025", figureAfter(HK_PAGE, "with a margin of "), "ratio", [figureAfter(HK_PAGE, "Non-GAAP EBITDA profit was "), q2Revenue], `KC.MARGIN("non_gaap_ebitda","Q2-2025")`),
  // Stated, but the pages give neither a year-earlier TTM figure nor an EBIT figure to recompute them from.
  check("revenue_growth_TTM", figureAfter(HK_PAGE, "modest TTM revenue growth ("), "ratio", []),
  check("free_cash_flow_growth_TTM", figureAfter(HK_PAGE, "strong free cash flow growth ("), "ratio", []),
  check("ebit_margin_TTM", figureAfter(HK_PAGE, "negative EBIT margin ("), "ratio", []),
];

/** The range the inputs' rounding allows: a/b, a/b − 1, or against a loss (new − base)/|base| = 1 − new/base. */
function computed({ how, inputs }: Check): Range | null {
  if (inputs.length !== 2) return null;
  const q = quotient(span(inputs[0] as SeedFigure), span(inputs[1] as SeedFigure));
  if (!q || how === "ratio") return q;
  return how === "growth" ? [q[0] - 1, q[1] - 1] : [1 - q[1], 1 - q[0]];
}
const verdict = (c: Check) => {
  const range = computed(c);
  return range === null ? "not_computable" : overlaps(range, span(c.stated)) ? "reconciles" : "disagrees";
};
const byId = (id: string) => CHECKS.find((c) => c.id === id) as Check;
const factById = new Map<string, Fact>(dataset.facts.map((f) => [f.id, f]));

describe("ratios the pages state follow from the stated figures within the sources' rounding", () => {
  const named = ["gross_margin_FY2024", "gross_margin_FY2023", "revenue_growth_FY2024", "net_margin_TTM", "debt_to_equity_TTM", "equity_ratio_TTM", "gross_margin_TTM"];
  it.each(named.map((id) => [`${id} (${byId(id).stated.written})`, byId(id)] as const))("%s", (_label, c) => {
    expect(overlaps(computed(c) as Range, span(c.stated))).toBe(true);
  });

  it("a check that should fail does: the 2024 net loss over 2024 revenue is not the stated 2024 gross margin", () => {
    const wrong = quotient(span(statement("Net Income", "FY2024")), span(revenue("FY2024"))) as Range;
    expect(overlaps(wrong, span(byId("gross_margin_FY2024").stated))).toBe(false);
  });

  it("the dataset checks exactly the ratios the pages state, and records the ones it cannot reproduce as known disagreements, not bent figures", () => {
    expect(dataset.reconciliations.map((r) => r.id).sort()).toEqual(CHECKS.map((c) => c.id).sort());
    expect(seedLines(US_PAGE)[(keyMetrics[0]?.line ?? 0) - 1]?.trim().startsWith("KC$")).toBe(true);
    const byStatus = (status: string) => dataset.reconciliations.filter((r) => r.status === status).map((r) => r.id).sort();
    for (const status of ["reconciles", "disagrees", "not_computable"]) {
      expect(byStatus(status)).toEqual(CHECKS.filter((c) => verdict(c) === status).map((c) => c.id).sort());
    }
    expect(byStatus("disagrees").length).toBeGreaterThan(0);
  });

  it.each(CHECKS.map((c) => [c.id, c] as const))("%s: the dataset states the page's figure, stores its inputs as the pages state them and recomputes the same range", (id, c) => {
    const r = dataset.reconciliations.find((x) => x.id === id);
    expect(r?.stated).toBe(c.stated.value);
    expect(r?.statedHalfWidth).toBeCloseTo((c.stated.high - c.stated.low) / 2, 12);
    expect(seedLines(r?.source.file ?? "")[(r?.source.line ?? 0) - 1]).toContain(c.stated.written);
    expect(r?.inputs.map((input) => factById.get(input)?.value)).toEqual(c.inputs.map((f) => f.value));
    const range = computed(c);
    expect(r?.computedLow === null ? null : [r?.computedLow, r?.computedHigh]).toEqual(range === null ? null : [expect.closeTo(range[0], 12), expect.closeTo(range[1], 12)]);
  });
});

describe("conflicts between the pages are kept, with a primary", () => {
  it("keeps both 2024 net loss figures: the statement table's (primary) and the highlights'", () => {
    const both = dataset.facts.filter((f) => f.metric === "net_income" && f.period === "FY2024");
    expect(both.map((f) => [f.value, f.primary, f.section])).toEqual([
      [statement("Net Income", "FY2024").value, true, "statement table"],
      [highlightsLoss.value, false, "2024 highlights"],
    ]);
    expect(dataset.conflicts.find((c) => c.id === "net_income:FY2024")?.others[0]?.line).toBe(highlightsLoss.line);
  });

  it("keeps both next earnings dates, the dated analysis page's (primary) and the overview's", () => {
    expect(dataset.nextEarnings.map((n) => [n.date, n.primary])).toEqual([[dateAfter(HK_PAGE, "Next Earnings Date:"), true], [dateAfter(US_PAGE, "Next earnings:"), false]]);
    expect(dataset.conflicts.map((c) => c.id)).toContain("next_earnings_date");
  });

  it("does not call rounding a conflict: the 2024 operating cash flow of the table and of the highlights agree", () => {
    const table = statement("Operating Cash Flow", "FY2024");
    const highlights = figureAfter(US_PAGE, "Operating cash flow turned positive, generating ");
    expect(sameWhenRounded(table, highlights)).toBe(true);
    expect(sameWhenRounded(statement("Net Income", "FY2024"), highlightsLoss)).toBe(false);
    expect(dataset.conflicts.map((c) => c.id)).not.toContain("operating_cash_flow:FY2024");
  });
});

describe("implied RMB per USD", () => {
  const fiscalYears = statementPeriods().filter((p) => p !== "TTM").reverse();
  const ttmUsd = figuresBelow(US_PAGE, "Peer Comparison", "Revenue (TTM)", "Kingsoft Cloud Holdings LimitedKC")[0] as SeedFigure;
  const usd = (period: string) => (period === "TTM" ? ttmUsd : filing(Number(period.slice(2))).revenue);

  it("derives a rate for each fiscal year and TTM from revenue stated in both currencies", () => {
    expect(dataset.fx.map((r) => r.period)).toEqual([...fiscalYears, "TTM"]);
    for (const period of [...fiscalYears, "TTM"]) {
      const rate = dataset.fx.find((r) => r.period === period);
      const [low, high] = quotient(span(revenue(period)), span(usd(period))) as Range;
      expect(usd(period).currency).toBe("USD");
      expect(rate?.rate).toBeCloseTo(revenue(period).value / usd(period).value, 8);
      expect([rate?.low, rate?.high]).toEqual([expect.closeTo(low, 8), expect.closeTo(high, 8)]);
      expect(rate?.derivation).toContain(revenue(period).written);
      expect(rate?.derivation).toContain(usd(period).written);
    }
  });
});

describe("each stated ratio names the KC formula that recomputes it", () => {
  const withFormula = CHECKS.filter((c) => c.kc !== null);

  it("names one for every check whose inputs are the figures the functions use, and no other", () => {
    expect(dataset.reconciliations.filter((r) => r.kc !== null).map((r) => [r.id, r.kc]).sort()).toEqual(withFormula.map((c) => [c.id, c.kc]).sort());
    const primaryIds = new Set(dataset.facts.filter((f) => f.primary).map((f) => f.id));
    const computable = dataset.reconciliations.filter((r) => r.inputs.length > 0 && r.inputs.every((id) => primaryIds.has(id)));
    expect(computable.map((r) => r.id).sort()).toEqual(withFormula.map((c) => c.id).sort());
  });

  it.each(withFormula.map((c) => [c.kc as string, c] as const))("%s uses exactly the check's inputs and lands in the range the pages' figures allow", (kc, c) => {
    const [call] = findKcCalls(kc);
    expect(call?.args.every((a) => a.kind === "literal")).toBe(true);
    const result = (KC[call?.name as KcName] as (...a: unknown[]) => ReturnType<(typeof KC)[KcName]>)(...(call?.args ?? []).map((a) => (a.kind === "literal" ? a.value : null)));
    if (!result.ok) throw new Error(`${kc}: ${result.message}`);
    expect(result.facts.map((f) => f.value)).toEqual(c.inputs.map((f) => f.value));
    expect(result.facts.map((f) => f.id)).toEqual(dataset.reconciliations.find((r) => r.id === c.id)?.inputs);
    const [low, high] = computed(c) as Range;
    expect(result.value as number).toBeGreaterThanOrEqual(low);
    expect(result.value as number).toBeLessThanOrEqual(high);
  });
});
