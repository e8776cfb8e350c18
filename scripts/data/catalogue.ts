/** The periods the dataset's facts cover, and the metrics it knows with the labels and aliases analysts type. */
import type { Fact, Metric, Period } from "../../src/data/schema";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const iso = (d: Date) => d.toISOString().slice(0, 10);
/** The last day of `month` (1–12) of `year`. */
const monthEnd = (year: number, month: number) => iso(new Date(Date.UTC(year, month, 0)));

/**
 * The dataset's periods, made from the period ids its facts use: each fiscal year (a calendar year, as the statement
 * table's "Dec yyyy" columns and the 20-F period ends say), each quarter, and the trailing twelve months ending on
 * `ttmEnd`. Fiscal years come first, then quarters, each oldest first, then TTM; a period's `priorYear` is the same
 * period a year earlier when the dataset has it.
 */
export function periodsFor(ids: Iterable<string>, ttmEnd: string): Period[] {
  const known = new Set(ids);
  const prior = (id: string) => (known.has(id) ? id : null);
  const years = [...known].filter((id) => /^FY\d{4}$/.test(id)).map((id) => Number(id.slice(2))).sort((a, b) => a - b);
  const quarters = [...known].filter((id) => /^Q[1-4]-\d{4}$/.test(id)).map((id) => ({ n: Number(id[1]), year: Number(id.slice(3)) }));
  const fiscal = years.map((year): Period => ({
    id: `FY${year}`,
    kind: "fiscal_year",
    label: `FY${year}`,
    start: `${year}-01-01`,
    end: `${year}-12-31`,
    fiscalYear: year,
    priorYear: prior(`FY${year - 1}`),
  }));
  const quarterly = quarters
    .sort((a, b) => a.year - b.year || a.n - b.n)
    .map(({ n, year }): Period => ({
      id: `Q${n}-${year}`,
      kind: "quarter",
      label: `Q${n} ${year}`,
      start: `${year}-${String(3 * n - 2).padStart(2, "0")}-01`,
      end: monthEnd(year, 3 * n),
      fiscalYear: year,
      priorYear: prior(`Q${n}-${year - 1}`),
    }));
  if (!known.has("TTM")) return [...fiscal, ...quarterly];
  const end = new Date(`${ttmEnd}T00:00:00Z`);
  const start = new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), end.getUTCDate() + 1));
  const ttm: Period = {
    id: "TTM",
    kind: "ttm",
    label: `TTM (to ${MONTHS[end.getUTCMonth()]} ${end.getUTCDate()}, ${end.getUTCFullYear()})`,
    start: iso(start),
    end: ttmEnd,
    fiscalYear: end.getUTCFullYear(),
    priorYear: null,
  };
  return [...fiscal, ...quarterly, ttm];
}

type Row = [id: string, label: string, kind: Metric["kind"], statement: Metric["statement"], aliases: string[], description: string];

const ROWS: Row[] = [
  ["revenue", "Total revenue", "money", "income", ["sales", "total_revenue", "revenues", "turnover"], "Total revenues."],
  ["gross_profit", "Gross profit", "money", "income", ["gp"], "Revenue less cost of revenues."],
  ["ebitda", "EBITDA", "money", "income", [], "Earnings before interest, taxes, depreciation and amortisation (statement table)."],
  ["net_income", "Net income", "money", "income", ["net_loss", "ni", "net_profit", "earnings"], "Net income (negative: a net loss)."],
  ["total_assets", "Total assets", "money", "balance", ["assets"], "Total assets at period end."],
  ["cash_and_short_term_investments", "Cash, cash equivalents and short-term investments", "money", "balance", ["cash", "cash_and_equivalents", "cash_and_sti"], "Cash, cash equivalents and short-term investments at period end."],
  ["total_debt", "Total debt", "money", "balance", ["debt"], "Total debt at period end."],
  ["total_liabilities", "Total liabilities", "money", "balance", ["liabilities"], "Total liabilities at period end."],
  ["total_equity", "Stockholders' equity", "money", "balance", ["equity", "stockholders_equity", "shareholders_equity", "book_value"], "Total stockholders' equity at period end."],
  ["free_cash_flow", "Free cash flow", "money", "cashflow", ["fcf"], "Operating cash flow less capital expenditure."],
  ["operating_cash_flow", "Operating cash flow", "money", "cashflow", ["ocf", "cfo", "cash_from_operations"], "Net cash from operating activities."],
  ["investing_cash_flow", "Investing cash flow", "money", "cashflow", ["cfi", "icf"], "Net cash from investing activities."],
  ["financing_cash_flow", "Financing cash flow", "money", "cashflow", ["cff"], "Net cash from financing activities."],
  ["eps", "EPS (USD per ADS)", "per_share", null, ["earnings_per_share", "eps_diluted"], "Earnings per ADS in USD, as the 20-F list and the dashboard state it."],
  ["revenue_growth", "Revenue growth (stated)", "fraction", null, ["sales_growth"], "Year-over-year revenue growth as a page states it."],
  ["eps_growth", "EPS growth (stated)", "fraction", null, [], "Year-over-year EPS change as the page states it."],
  ["free_cash_flow_growth", "Free cash flow growth (stated)", "fraction", null, ["fcf_growth"], "Free cash flow growth as a page states it."],
  ["gross_margin", "Gross margin (stated)", "fraction", null, [], "Gross margin as a page states it; KC.MARGIN computes it from the figures."],
  ["net_margin", "Net margin (stated)", "fraction", null, [], "Net margin as a page states it."],
  ["ebit_margin", "EBIT margin (stated)", "fraction", null, [], "EBIT margin as a page states it."],
  ["roe", "Return on equity (stated)", "fraction", null, ["return_on_equity"], "Return on equity as a page states it."],
  ["debt_to_equity", "Debt to equity (stated)", "ratio", null, ["de_ratio"], "Debt-to-equity ratio as a page states it."],
  ["debt_to_assets", "Debt to assets (stated)", "fraction", null, [], "Debt to assets as a page states it."],
  ["equity_ratio", "Equity ratio (stated)", "fraction", null, [], "Equity to assets as a page states it."],
  ["ocf_to_net_income", "Operating cash flow to net income (stated)", "ratio", null, [], "As a page states it."],
  ["fcf_to_net_income", "Free cash flow to net income (stated)", "ratio", null, [], "As a page states it."],
  ["net_loss_decrease", "Net loss decrease (stated)", "fraction", null, [], "Year-over-year decrease of the net loss, as the {section} state it."],
  ["premium_customers", "Premium customers", "count", null, ["premium_customer_count"], "Number of Premium Customers."],
  ["research_and_development", "R&D expenses", "money", null, ["r_and_d", "rnd", "rd", "research_development"], "Research and development expenses."],
  ["public_cloud_revenue", "Public cloud revenue", "money", null, ["public_cloud"], "Revenue from public cloud services."],
  ["public_cloud_revenue_growth", "Public cloud revenue growth (stated)", "fraction", null, [], "Year-over-year, as the earnings call states it."],
  ["enterprise_cloud_revenue", "Enterprise cloud revenue", "money", null, ["enterprise_cloud"], "Revenue from enterprise cloud services."],
  ["enterprise_cloud_revenue_growth", "Enterprise cloud revenue growth (stated)", "fraction", null, [], "Year-over-year, as the earnings call states it."],
  ["ai_gross_billings", "AI gross billings", "money", null, ["ai_billings"], "Gross billings from AI customers."],
  ["ai_gross_billings_growth", "AI gross billings growth (stated)", "fraction", null, [], "Year-over-year, as the earnings call states it (\"over 120%\")."],
  ["ai_gross_billings_qoq_growth", "AI gross billings growth, quarter on quarter (stated)", "fraction", null, [], "Quarter-over-quarter, as the earnings call states it."],
  ["ai_share_of_public_cloud", "AI share of public cloud revenue (stated)", "fraction", null, [], "As the earnings call states it."],
  ["ecosystem_revenue", "Xiaomi and Kingsoft ecosystem revenue", "money", null, ["xiaomi_kingsoft_ecosystem_revenue", "ecosystem"], "Revenue from the Xiaomi and Kingsoft ecosystem."],
  ["ecosystem_revenue_growth", "Ecosystem revenue growth (stated)", "fraction", null, [], "Year-over-year, as the earnings call states it."],
  ["ecosystem_share_of_revenue", "Ecosystem share of total revenue (stated)", "fraction", null, [], "As the earnings call states it."],
  ["non_gaap_ebitda", "Non-GAAP EBITDA", "money", null, ["adjusted_ebitda", "adj_ebitda"], "Non-GAAP EBITDA profit."],
  ["non_gaap_ebitda_yoy_multiple", "Non-GAAP EBITDA vs a year earlier (times)", "multiple", null, [], "{note}"],
  ["non_gaap_ebitda_margin", "Non-GAAP EBITDA margin (stated)", "fraction", null, [], "As the earnings call states it (see the reconciliation: it does not follow from the figures)."],
  ["adjusted_gross_margin", "Adjusted gross margin (stated)", "fraction", null, ["adj_gross_margin"], "As the earnings call states it."],
];

/**
 * The metrics, each description completed from the facts that state it: "{section}" is where the pages state the
 * metric ("2024 highlights"), "{note}" the note of its primary fact, which quotes the page. Neither is written here,
 * so a new snapshot's heading or figure shows in the description without an edit.
 */
export function metricsFor(facts: readonly Fact[]): Metric[] {
  return ROWS.map(([id, label, kind, statement, aliases, template]) => {
    const stating = facts.filter((f) => f.metric === id);
    const fill = (what: string, values: (string | undefined)[]) => {
      const found = [...new Set(values.filter((v): v is string => Boolean(v)))];
      if (found.length === 0) throw new Error(`metric ${id}: its description needs {${what}}, but no fact of it has one`);
      return found.join(" and ");
    };
    const description = template
      .replace("{section}", () => fill("section", stating.map((f) => f.section)))
      .replace("{note}", () => fill("note", stating.filter((f) => f.primary).map((f) => f.note)));
    return { id, label, kind, statement, aliases, description };
  });
}
