/**
 * Every ratio the seed pages state, with the figures the pages state that recompute it, read by the tests' own seed
 * reader: the independent answer the dataset's reconciliations and the pane's checks are held to.
 */
import { HK_PAGE, US_PAGE, figureAfter, figuresBelow, type SeedFigure } from "./seed-reader";
import { filing, statementRow } from "./seed-tables";

export type Range = readonly [number, number];
export const span = (f: SeedFigure): Range => [f.low, f.high];
export const quotient = ([a, b]: Range, [c, d]: Range): Range | null => {
  if (c <= 0 && d >= 0) return null;
  const q = [a / c, a / d, b / c, b / d];
  return [Math.min(...q), Math.max(...q)];
};
export const overlaps = ([a, b]: Range, [c, d]: Range) => a <= d && c <= b;
/** Two statements of one figure agree when both round to the same figure at the coarser of their precisions. */
export const sameWhenRounded = (a: SeedFigure, b: SeedFigure) => {
  const step = Math.max(a.high - a.low, b.high - b.low);
  return Math.round(a.value / step) === Math.round(b.value / step);
};
/** A loss stated as a positive amount ("net loss … to RMB1.98B"), as a negative figure. */
export const asLoss = (f: SeedFigure): SeedFigure => ({ ...f, value: -f.value, low: -f.high, high: -f.low });

export const statement = (label: string, period: string) => statementRow(label)[period] as SeedFigure;
export const revenue = (period: string) => statement("Total Revenue", period);
/** The first row of the overview page's key-metrics table: market cap, P/E, ROE and debt to assets. */
export const keyMetrics = figuresBelow(US_PAGE, "Key Metrics", "Debt to Assets");
export const highlightsLoss = asLoss(figureAfter(US_PAGE, "net loss decreased 9.4% to "));
const q2Revenue = figureAfter(HK_PAGE, "Q2 revenue reached ");

type How = "ratio" | "growth" | "loss growth";
/** A ratio a page states, with the figures the pages state that recompute it, read independently of the dataset. */
export type Check = { id: string; stated: SeedFigure; how: How; inputs: SeedFigure[]; kc: string | null };
const check = (id: string, stated: SeedFigure, how: How, inputs: SeedFigure[], kc: string | null = null): Check => ({ id, stated, how, inputs, kc });
const priorYears = [2024, 2023, 2022, 2021];

export const CHECKS: Check[] = [
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
export function computed({ how, inputs }: Check): Range | null {
  if (inputs.length !== 2) return null;
  const q = quotient(span(inputs[0] as SeedFigure), span(inputs[1] as SeedFigure));
  if (!q || how === "ratio") return q;
  return how === "growth" ? [q[0] - 1, q[1] - 1] : [1 - q[1], 1 - q[0]];
}
export const verdict = (c: Check) => {
  const range = computed(c);
  return range === null ? "not_computable" : overlaps(range, span(c.stated)) ? "reconciles" : "disagrees";
};
export const byId = (id: string) => CHECKS.find((c) => c.id === id) as Check;
