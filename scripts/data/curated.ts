/**
 * The prose of the two pages, curated by hand: every figure is cited by a fragment of its line, and the figure is
 * read from that fragment by the same parser the tables use, so a typo here fails generation.
 */
import { parseDate, parseMoney, parseNumber, parsePercent, parseUnits } from "../../src/data/parse";
import type { Dataset, Event, Fact, NextEarnings, Quote, Risk, Source, Titled } from "../../src/data/schema";
import { fact } from "./facts";
import type { Seed } from "./seed";

type Pages = { us: Seed; hk: Seed };

const figuresIn = (text: string): string[] =>
  text.match(/(?:RMB ?|HK\$|US\$|\$)?-?\d[\d,]*(?:\.\d+)?(?:%| ?(?:billion|million|times|pp)|[KMB]\b)?/g)?.filter((f) => /\d/.test(f) && !/^\d{1,2}$/.test(f)) ?? [];

/** "Title Text…" lines: the title is the leading words the page sets in bold; we are told where it ends. */
function titled(seed: Seed, title: string): Titled {
  const source = seed.cite(title);
  const whole = seed.lines[source.line - 1]?.trim() ?? "";
  const text = whole.startsWith(title) ? whole.slice(title.length).trim() : whole;
  return { title, text, source: { ...source, text: whole }, figures: figuresIn(text) };
}

/** A heading line followed by its paragraph on the next line. */
function headed(seed: Seed, title: string, after = 0): Titled {
  const at = seed.indexOf(title, after);
  const body = seed.line(at + 1);
  return { title, text: body.text, source: body, figures: figuresIn(body.text) };
}

function quote(field: string, label: string, value: number | string, unit: string, source: Source, extra: Partial<Quote> = {}): Quote {
  return { field, label, value, unit, currency: null, precision: null, source, ...extra };
}

function numberQuote(field: string, label: string, figure: string, unit: string, source: Source, extra: Partial<Quote> = {}): Quote {
  if (!source.text.includes(figure)) throw new Error(`${field}: "${figure}" not in "${source.text}"`);
  const parsed =
    unit === "fraction" ? parsePercent(figure) : unit.startsWith("millions") ? parseMoney(figure) : /^[-+]?[A-Z]*\$/.test(figure) || /^-?\$/.test(figure) ? parseUnits(figure) : parseNumber(figure);
  return { field, label, value: parsed.value, unit, currency: parsed.currency, precision: parsed.precision, source, ...extra };
}

export function curatedFacts({ us, hk }: Pages): Fact[] {
  const hl = "2024 highlights";
  const dash = "Q3 2025 dashboard";
  const call = "Q2 2025 earnings call";
  const overview = "financial statement overview";
  const f = fact;
  return [
    // Overview page: Q3 2025 dashboard (USD, NASDAQ listing).
    f({ metric: "revenue", period: "Q3-2025", kind: "money", figure: "$344.48M", source: us.cite("$344.48M+30.73%"), section: dash, tag: "dashboard" }),
    f({ metric: "revenue_growth", period: "Q3-2025", kind: "fraction", figure: "+30.73%", source: us.cite("$344.48M+30.73%"), section: dash, tag: "dashboard" }),
    f({ metric: "eps", period: "Q3-2025", kind: "per_share", figure: "-$0.00", source: us.cite("-$0.00-99.62%"), section: dash, tag: "dashboard",
      note: "The page rounds the quarter's EPS to -$0.00: a loss of less than half a cent per ADS." }),
    f({ metric: "eps_growth", period: "Q3-2025", kind: "fraction", figure: "-99.62%", source: us.cite("-$0.00-99.62%"), section: dash, tag: "dashboard" }),
    f({ metric: "free_cash_flow", period: "Q3-2025", kind: "money", figure: "$0.00", source: us.cite("$0.00-100.00%"), section: dash, tag: "dashboard",
      note: "As the page shows it: $0.00, down 100.00%." }),
    f({ metric: "free_cash_flow_growth", period: "Q3-2025", kind: "fraction", figure: "-100.00%", source: us.cite("$0.00-100.00%"), section: dash, tag: "dashboard" }),
    // Overview page: 2024 annual highlights (RMB).
    f({ metric: "revenue", period: "FY2024", kind: "money", figure: "RMB7.79B", source: us.cite("Total revenues reached RMB7.79B in 2024"), section: hl, tag: "highlights", primary: false }),
    f({ metric: "revenue", period: "FY2023", kind: "money", figure: "RMB7.05B", source: us.cite("from RMB7.05B in 2023"), section: hl, tag: "highlights", primary: false }),
    f({ metric: "revenue_growth", period: "FY2024", kind: "fraction", figure: "10.5%", source: us.cite("marking a 10.5% increase"), section: hl, tag: "highlights", primary: false }),
    f({ metric: "gross_margin", period: "FY2024", kind: "fraction", figure: "17.2%", source: us.cite("expanded significantly to 17.2% in 2024"), section: hl, tag: "highlights" }),
    f({ metric: "gross_margin", period: "FY2023", kind: "fraction", figure: "12.1%", source: us.cite("from 12.1% in 2023"), section: hl, tag: "highlights" }),
    f({ metric: "net_income", period: "FY2024", kind: "money", figure: "RMB1.98B", source: us.cite("net loss decreased 9.4% to RMB1.98B"), section: hl, tag: "highlights",
      primary: false, negated: true, note: "Stated as a net loss of RMB1.98B; stored as net income of -1,980. The statement table says -1.97B." }),
    f({ metric: "net_loss_decrease", period: "FY2024", kind: "fraction", figure: "9.4%", source: us.cite("net loss decreased 9.4%"), section: hl, tag: "highlights" }),
    f({ metric: "operating_cash_flow", period: "FY2024", kind: "money", figure: "RMB628.4M", source: us.cite("generating RMB628.4M in 2024"), section: hl, tag: "highlights", primary: false }),
    f({ metric: "operating_cash_flow", period: "FY2023", kind: "money", figure: "RMB169.1M", source: us.cite("reversing RMB169.1M outflow"), section: hl, tag: "highlights", primary: false,
      negated: true, note: "Stated as an outflow of RMB169.1M; stored as -169.1." }),
    f({ metric: "premium_customers", period: "FY2024", kind: "count", figure: "492", source: us.cite("Total Premium Customers reached 492 in 2024"), section: hl, tag: "highlights" }),
    f({ metric: "premium_customers", period: "FY2023", kind: "count", figure: "486", source: us.cite("from 486 customers in 2023"), section: hl, tag: "highlights" }),
    f({ metric: "research_and_development", period: "FY2024", kind: "money", figure: "RMB846.0M", source: us.cite("RMB846.0M R&D in 2024"), section: "risk factors", tag: "risk_factors" }),
    // Overview page: peer comparison, KC's own row (USD).
    f({ metric: "revenue", period: "TTM", kind: "money", figure: "$1.25B", source: us.cite("$1.25B"), section: "peer comparison", tag: "peers",
      note: "KC's row in the overview page's peer comparison (Revenue, TTM)." }),
    f({ metric: "revenue_growth", period: "TTM", kind: "fraction", figure: "+23.6%", source: us.cite("+23.6%"), section: "peer comparison", tag: "peers", primary: false,
      note: "USD basis on the overview page; the analysis page states 6.87% for TTM revenue growth." }),
    f({ metric: "roe", period: "TTM", kind: "fraction", figure: "-16.5%", source: us.cite("KC$2.94B-22.6-16.5%34.1%"), section: "peer key metrics", tag: "peers", primary: false }),
    f({ metric: "debt_to_assets", period: "TTM", kind: "fraction", figure: "34.1%", source: us.cite("KC$2.94B-22.6-16.5%34.1%"), section: "peer key metrics", tag: "peers" }),
    // Analysis page: financial statement overview (TTM ratios as stated).
    f({ metric: "revenue_growth", period: "TTM", kind: "fraction", figure: "6.87%", source: hk.cite("modest TTM revenue growth (6.87%)"), section: overview, tag: "overview" }),
    f({ metric: "free_cash_flow_growth", period: "TTM", kind: "fraction", figure: "80.87%", source: hk.cite("strong free cash flow growth (80.87%)"), section: overview, tag: "overview" }),
    f({ metric: "net_margin", period: "TTM", kind: "fraction", figure: "-10.78%", source: hk.cite("negative net margin (-10.78%)"), section: overview, tag: "overview" }),
    f({ metric: "ebit_margin", period: "TTM", kind: "fraction", figure: "-8.34%", source: hk.cite("negative EBIT margin (-8.34%)"), section: overview, tag: "overview" }),
    f({ metric: "roe", period: "TTM", kind: "fraction", figure: "-16.46%", source: hk.cite("and negative ROE (-16.46%)"), section: overview, tag: "overview" }),
    f({ metric: "debt_to_equity", period: "TTM", kind: "ratio", figure: "1.30", source: hk.cite("(debt-to-equity 1.30)"), section: overview, tag: "overview" }),
    f({ metric: "equity_ratio", period: "TTM", kind: "fraction", figure: "26.28%", source: hk.cite("reasonable equity ratio (26.28%)"), section: overview, tag: "overview" }),
    f({ metric: "gross_margin", period: "TTM", kind: "fraction", figure: "16.21%", source: hk.cite("The gross profit margin is relatively low at 16.21%"), section: overview, tag: "overview" }),
    f({ metric: "ocf_to_net_income", period: "TTM", kind: "ratio", figure: "0.32", source: hk.cite("operating cash flow to net income ratio is 0.32"), section: overview, tag: "overview" }),
    f({ metric: "fcf_to_net_income", period: "TTM", kind: "ratio", figure: "-0.10", source: hk.cite("free cash flow to net income ratio is negative (-0.10)"), section: overview, tag: "overview" }),
    // Analysis page: Q2 2025 earnings call (RMB).
    f({ metric: "revenue", period: "Q2-2025", kind: "money", figure: "RMB 2.35 billion", source: hk.cite("Q2 revenue reached RMB 2.35 billion"), section: call, tag: "call" }),
    f({ metric: "revenue_growth", period: "Q2-2025", kind: "fraction", figure: "24%", source: hk.cite("representing a year-over-year growth of 24%"), section: call, tag: "call" }),
    f({ metric: "public_cloud_revenue", period: "Q2-2025", kind: "money", figure: "RMB 1.63 billion", source: hk.cite("public cloud revenue increasing by 32% to RMB 1.63 billion"), section: call, tag: "call" }),
    f({ metric: "public_cloud_revenue_growth", period: "Q2-2025", kind: "fraction", figure: "32%", source: hk.cite("public cloud revenue increasing by 32%"), section: call, tag: "call" }),
    f({ metric: "ai_gross_billings", period: "Q2-2025", kind: "money", figure: "RMB 728 million", source: hk.cite("AI gross billings reached RMB 728 million, a year-over-year"), section: call, tag: "call" }),
    f({ metric: "ai_gross_billings_growth", period: "Q2-2025", kind: "fraction", figure: "120%", source: hk.cite("a year-over-year increase of over 120%"), section: call, tag: "call", bound: "lower",
      note: "Stated as \"over 120%\": a lower bound." }),
    f({ metric: "ai_gross_billings_qoq_growth", period: "Q2-2025", kind: "fraction", figure: "39%", source: hk.cite("quarter-over-quarter growth of 39%"), section: call, tag: "call" }),
    f({ metric: "ai_share_of_public_cloud", period: "Q2-2025", kind: "fraction", figure: "45%", source: hk.cite("growth of 39%, accounting for 45% of public cloud revenue."), section: call, tag: "call" }),
    f({ metric: "ecosystem_revenue", period: "Q2-2025", kind: "money", figure: "RMB 629 million", source: hk.cite("Revenue from Xiaomi and Kingsoft ecosystem reached RMB 629 million"), section: call, tag: "call",
      note: "Revenue from the Xiaomi and Kingsoft ecosystem." }),
    f({ metric: "ecosystem_revenue_growth", period: "Q2-2025", kind: "fraction", figure: "70%", source: hk.cite("RMB 629 million, up 70% year-over-year"), section: call, tag: "call" }),
    f({ metric: "ecosystem_share_of_revenue", period: "Q2-2025", kind: "fraction", figure: "27%", source: hk.cite("up 70% year-over-year, contributing 27% to total revenue."), section: call, tag: "call" }),
    f({ metric: "enterprise_cloud_revenue", period: "Q2-2025", kind: "money", figure: "RMB 724 million", source: hk.cite("Enterprise cloud revenue reached RMB 724 million"), section: call, tag: "call" }),
    f({ metric: "enterprise_cloud_revenue_growth", period: "Q2-2025", kind: "fraction", figure: "10%", source: hk.cite("a year-over-year increase of 10%, driven by demand for IT delivery"), section: call, tag: "call" }),
    f({ metric: "non_gaap_ebitda", period: "Q2-2025", kind: "money", figure: "RMB 406 million", source: hk.cite("Non-GAAP EBITDA profit was RMB 406 million"), section: call, tag: "call" }),
    f({ metric: "non_gaap_ebitda_yoy_multiple", period: "Q2-2025", kind: "multiple", figure: "5.7", source: hk.cite("increased by 5.7 times"), section: call, tag: "call",
      note: "\"increased by 5.7 times compared to the same quarter last year\"." }),
    f({ metric: "non_gaap_ebitda_margin", period: "Q2-2025", kind: "fraction", figure: "73%", source: hk.cite("with a margin of 73%"), section: call, tag: "call",
      note: "As stated; RMB 406 million of RMB 2.35 billion revenue is about 17.3% (see reconciliations)." }),
    f({ metric: "adjusted_gross_margin", period: "Q2-2025", kind: "fraction", figure: "17%", source: hk.cite("Adjusted gross margin was 17% this quarter"), section: call, tag: "call" }),
  ];
}

export function profile({ us }: Pages): Dataset["profile"] {
  return {
    name: "Kingsoft Cloud Holdings Limited",
    ceo: "Mr. Tao Zou",
    sector: "Technology",
    industry: "Software - Application",
    listingDate: "2020-05-08",
    address: us.line(17).text,
    phone: us.line(18).text,
    website: us.line(19).text,
    sources: {
      name: us.line(8),
      ceo: us.cite("CEO: Mr. Tao Zou"),
      sector: us.cite("Sector: Technology"),
      industry: us.cite("Industry: Software - Application"),
      listingDate: us.cite("Listing Date: 2020-05-08"),
      address: us.line(17),
      phone: us.line(18),
      website: us.line(19),
      exchange: us.cite("NASDAQ•KC"),
    },
  };
}

export function about({ us, hk }: Pages): Dataset["about"] {
  const prefixed = (fragment: string, prefix: string) => {
    const s = hk.cite(fragment);
    const whole = hk.lines[s.line - 1]?.trim() ?? "";
    return { text: whole.slice(prefix.length), source: { ...s, text: whole }, figures: [] };
  };
  const description = us.line(15);
  return {
    description: { text: description.text, source: description, figures: [] },
    descriptionHk: prefixed("Company DescriptionKingsoft Cloud Holdings Limited provides", "Company Description"),
    howItMakesMoney: prefixed("How the Company Makes MoneyKingsoft Cloud generates revenue", "How the Company Makes Money"),
  };
}

export function listings({ us, hk }: Pages): Dataset["listings"] {
  const after = (label: string, seed: Seed) => seed.line(seed.indexOf(label) + 1);
  return [
    {
      exchange: "NASDAQ",
      ticker: "KC",
      currency: "USD",
      priceUnit: "USD per ADS",
      fields: [
        numberQuote("market_cap", "Market cap", "$2.94B", "millions USD", after("Market Cap", us)),
        numberQuote("pe_ttm", "P/E (TTM)", "-22.6", "multiple", after("P/E (TTM)", us)),
        numberQuote("unlabeled_77_1", "Unlabelled figure after P/E (TTM)", "77.1", "number", us.line(24), {
          note: "The page prints 77.1 under P/E (TTM) with no label of its own; kept as shown, not interpreted.",
        }),
        quote("dividend_yield", "Dividend yield", "--", "fraction", after("Dividend Yield", us), { note: "The page shows no dividend yield (\"--\")." }),
        numberQuote("high_52w", "52-week high", "$22.26", "USD per ADS", after("52W High", us)),
        numberQuote("low_52w", "52-week low", "$8.84", "USD per ADS", after("52W Low", us)),
        numberQuote("range_52w", "Position in 52-week range", "18%", "fraction", after("52W Range", us)),
        numberQuote("rank", "Rank", "66", "rank", us.cite("Rank66Top 89.6%")),
        numberQuote("rank_top_percent", "Rank percentile (top)", "89.6%", "fraction", us.cite("Rank66Top 89.6%")),
      ],
    },
    {
      exchange: "HKEX",
      ticker: "3896",
      currency: "HKD",
      priceUnit: "HKD per share",
      fields: [
        numberQuote("last_price", "Last price", "7.15", "HKD per share", hk.cite("Last Price7.15"), { currency: "HKD" }),
        numberQuote("change", "Change", "-0.67", "HKD per share", hk.line(195), { currency: "HKD", note: "Performance comparison row for HK:3896." }),
        numberQuote("change_percent", "% change", "-8.57%", "fraction", hk.line(196), { note: "Performance comparison row for HK:3896." }),
        numberQuote("followers", "Followers", "18", "count", hk.cite("18 Followers")),
      ],
    },
  ];
}

export function rating({ hk }: Pages): Quote[] {
  return [
    numberQuote("ai_score", "AI analyst score", "54", "score (0-100)", hk.cite("Rating:54Neutral")),
    quote("rating", "AI analyst rating", "Neutral", "label", hk.cite("Rating:54Neutral")),
    quote("rating_model", "Rating model", "OpenAI - 5.2", "label", hk.cite("Neutral 54 (OpenAI - 5.2)")),
    numberQuote("price_target", "Price target", "HK$7.50", "HKD per share", hk.line(27)),
    numberQuote("price_target_upside", "Upside to price target", "4.90%", "fraction", hk.cite("▲(4.90% Upside)")),
    quote("analyst_rating", "Most recent analyst rating", "Hold", "label", hk.line(230), {
      note: "Repeated under each corporate event: \"a Hold with a HK$7.50 price target\".",
    }),
  ];
}

/** The moving averages (ma20 … ma200) are prices in HKD; MACD, RSI and STOCH are indicators. */
const MOVING_AVERAGE = /^ma\d+$/;

export function technicals({ hk }: Pages): Quote[] {
  const pair = (field: string, label: string, heading: string): Quote[] => {
    const at = hk.indexOf(heading, hk.indexOf("Kingsoft Cloud Holdings Ltd Technical Analysis"));
    const value = hk.line(at + 1);
    const signal = hk.line(at + 2);
    return [
      numberQuote(field, label, value.text, MOVING_AVERAGE.test(field) ? "HKD per share" : "indicator", value, MOVING_AVERAGE.test(field) ? { currency: "HKD" } : {}),
      quote(`${field}_signal`, `${label} signal`, signal.text, "label", signal),
    ];
  };
  return [
    quote("sentiment", "Technical analysis sentiment", "Positive", "label", hk.line(hk.indexOf("Technical Analysis Sentiment") + 1)),
    numberQuote("ma20", "20-day moving average", "6.48", "HKD per share", hk.cite("20-day moving average (MA) of 6.48"), { currency: "HKD" }),
    ...pair("ma50", "50-day moving average", "50DMA"),
    ...pair("ma100", "100-day moving average", "100DMA"),
    ...pair("ma200", "200-day moving average", "200DMA"),
    ...pair("macd", "MACD", "MACD"),
    ...pair("rsi", "RSI", "RSI"),
    ...pair("stoch", "Stochastic", "STOCH"),
  ];
}

export function scores({ us, hk }: Pages): Quote[] {
  const score = (field: string, label: string, heading: string) => {
    const at = hk.indexOf(heading, hk.indexOf("Kingsoft Cloud Holdings Ltd Financial Statement Overview"));
    return [
      numberQuote(field, label, hk.line(at + 1).text, "score (0-100)", hk.line(at + 1)),
      quote(`${field}_label`, `${label} assessment`, hk.line(at + 2).text, "label", hk.line(at + 2)),
    ];
  };
  return [
    numberQuote("f_score", "F-score (modified Piotroski)", "1.9", "points (0-9)", us.line(34)),
    numberQuote("f_score_points", "F-score points (of 9)", "1.9", "points (0-9)", us.cite("Weak • 1.9 / 9 points")),
    quote("f_score_model", "F-score model", "Modified Piotroski Analysis; based on 8-year fundamentals", "label", us.cite("Based on 8-year fundamentals")),
    ...[40, 41, 42, 43].map((n) => {
      const [range, label] = us.line(n).text.split(": ") as [string, string];
      return quote(`f_score_band_${range.replace("-", "_")}`, `F-score band ${range}`, label, "label", us.line(n));
    }),
    quote("f_score_label", "F-score assessment", "Weak", "label", us.cite("Weak • 1.9 / 9 points")),
    quote("f_score_basis", "F-score basis", "Based on 8-year fundamentals; data period 2017-2024", "label", us.cite("Data Period: 2017-2024")),
    ...score("income_statement_score", "Income statement score", "Income Statement"),
    ...score("balance_sheet_score", "Balance sheet score", "Balance Sheet"),
    ...score("cash_flow_score", "Cash flow score", "Cash Flow"),
    numberQuote("sector_rating", "Sector average overall rating", "61", "score (0-100)", hk.cite("Sector (61)")),
  ];
}

export function trends({ us }: Pages): Quote[] {
  const after = (label: string) => us.indexOf(label);
  return [
    numberQuote("revenue_cagr_4q", "4-quarter revenue CAGR", "3.5%", "fraction", us.line(after("4Q Revenue CAGR") + 1)),
    quote("revenue_cagr_4q_label", "4-quarter revenue trend", "Moderate Growth", "label", us.line(after("4Q Revenue CAGR") + 2)),
    quote("net_income_cagr_4q", "4-quarter net income CAGR", "N/M", "label", us.line(after("4Q Net Income CAGR") + 1), { note: "Not meaningful, as the page says." }),
    quote("net_income_cagr_4q_label", "4-quarter net income trend", "Profitability Shift", "label", us.line(after("4Q Net Income CAGR") + 2)),
    numberQuote("cash_flow_stability", "Cash flow stability", "75%", "fraction", us.line(after("Cash Flow Stability") + 1)),
    quote("cash_flow_stability_label", "Cash flow stability assessment", "Volatile Cash Flow", "label", us.line(after("Cash Flow Stability") + 2)),
  ];
}

export function earningsCall({ hk }: Pages): Dataset["earningsCall"] {
  const start = hk.indexOf("Positive Updates");
  const middle = hk.indexOf("Negative Updates");
  const end = hk.indexOf("Company Guidance");
  const pairs = (from: number, to: number) => {
    const out: Titled[] = [];
    for (let n = from + 1; n < to; n += 2) out.push(headed(hk, hk.line(n).text, n - 1));
    return out;
  };
  const summary = hk.cite("The earnings call highlighted significant revenue growth");
  const guidance = hk.cite("During the Kingsoft Cloud Second Quarter 2025 Earnings Conference Call");
  const full = (s: Source) => ({ ...s, text: hk.lines[s.line - 1]?.trim() ?? s.text });
  return {
    date: parseDate("Aug 20, 2025"),
    quarter: "Q2-2025",
    sentiment: "Neutral",
    summary: { text: full(summary).text, source: full(summary), figures: [] },
    positives: pairs(start, middle),
    negatives: pairs(middle, end),
    guidance: { text: full(guidance).text, source: full(guidance), figures: figuresIn(full(guidance).text) },
    source: hk.cite("Earnings Call Date:Aug 20, 2025"),
  };
}

export function highlights({ us }: Pages): Titled[] {
  return ["Revenue Rebounds Strongly", "Gross Margin Expansion Noted", "Operating Cash Flow Positive", "Premium Customer Base Grows"].map((t) => titled(us, t));
}

export function outlook({ us }: Pages): Titled[] {
  return ["Focus on AI Growth Areas", "Continued Infrastructure Expansion", "Improving Operating Efficiency"].map((t) => titled(us, t));
}

export function positiveFactors({ hk }: Pages): Titled[] {
  return ["Improving free cash flow", "AI business contribution", "Directed capital to AI"].map((t) => headed(hk, t));
}

export function risks(pages: Pages, call: Dataset["earningsCall"]): Risk[] {
  const { us, hk } = pages;
  const overview = ["PRC Regulatory Enforcement Risks", "High Technology Investment Strain", "Key Customer Concentration Risk", "US Auditor Inspection Uncertainty"].map((t, i) => {
    const item = titled(us, t);
    return { id: `risk-${i + 1}`, kind: "risk_factor" as const, ...item };
  });
  const negatives = ["Persistent negative profitability", "High leverage", "Low gross margin"].map((t, i) => {
    const item = headed(hk, t);
    return { id: `negative-${i + 1}`, kind: "negative_factor" as const, ...item };
  });
  const callNegatives = call.negatives.map((item, i) => ({ id: `call-negative-${i + 1}`, kind: "earnings_call_negative" as const, ...item }));
  return [...overview, ...negatives, ...callNegatives];
}

export function riskSummary({ hk }: Pages): Dataset["riskSummary"] {
  const count = hk.cite("disclosed 98 risk factors in its most recent earnings report");
  const category = hk.cite("Finance & Corporate - Financial and accounting risks.");
  const latest = hk.cite("Latest Risks Added 0 New Risks");
  return {
    count: parseNumber(/disclosed (\d+) risk factors/.exec(count.text)?.[1] ?? "").value,
    topCategory: "Finance & Corporate",
    categoryDescription: "Financial and accounting risks. Risks related to the execution of corporate activity and strategy",
    newRisks: 0,
    sources: [count, hk.cite('reported the most risks in the "Finance & Corporate" category'), category, latest],
  };
}

/** Capital actions stated without a period: the share placing (a positive factor) and the latest share grant (a corporate event). */
export function capital({ hk }: Pages): Quote[] {
  const placing = hk.cite("earmarked 80% of an HK$2.802B placing");
  const grant = hk.cite("has granted 4,402,557 restricted share units (RSUs)");
  const granted = hk.cite("equivalent to about 0.10% of its issued share capital or roughly 293,503 ADSs, to 104 employees");
  const priced = hk.cite("priced at US$0.01 per share");
  const units = numberQuote("rsu_grant_units", "RSUs granted (Dec 18, 2025 grant)", "4,402,557", "units", grant);
  const ads = numberQuote("rsu_grant_ads", "RSU grant in ADSs (about)", "293,503", "ADSs", granted);
  // The pages state no ADS ratio; the grant implies it: shares over ADSs, which the page rounds down to whole ADSs.
  const perAds = Math.round((units.value as number) / (ads.value as number));
  if (Math.floor((units.value as number) / perAds) !== ads.value) throw new Error(`shares_per_ads: ${String(units.value)} / ${perAds} is not "roughly ${String(ads.value)}"`);
  return [
    numberQuote("placing", "Share placing (gross, date not stated)", "HK$2.802B", "millions HKD", placing),
    numberQuote("placing_ai_share", "Share of the placing earmarked for AI", "80%", "fraction", placing),
    units,
    numberQuote("rsu_grant_share_capital", "RSU grant as a share of issued share capital", "0.10%", "fraction", granted),
    ads,
    numberQuote("rsu_grant_employees", "Employees granted RSUs", "104", "employees", granted),
    numberQuote("rsu_grant_price", "RSU grant price", "US$0.01", "USD per share", priced),
    quote("shares_per_ads", "Ordinary shares per NASDAQ ADS (implied by the share grant)", perAds, "shares per ADS", granted, {
      note: `Not stated on either page: the grant's ${String(units.value)} shares are "roughly ${String(ads.value)} ADSs", which only ${perAds} shares per ADS gives.`,
    }),
  ];
}

export function ratingSummary({ hk }: Pages): Dataset["ratingSummary"] {
  const source = hk.cite("Overall score reflects improving cash flow");
  const text = hk.lines[source.line - 1]?.trim() ?? "";
  return { text, source: { ...source, text }, figures: [] };
}

export function statementSummaries({ hk }: Pages): Titled[] {
  const summary = hk.cite("Mixed fundamentals: modest TTM revenue growth");
  const full = (s: Source) => ({ ...s, text: hk.lines[s.line - 1]?.trim() ?? "" });
  const paragraph = (title: string, start: string) => {
    const s = full(hk.cite(start));
    return { title, text: s.text, source: s, figures: figuresIn(s.text) };
  };
  return [
    { title: "Summary", text: full(summary).text, source: full(summary), figures: figuresIn(full(summary).text) },
    paragraph("Income Statement", "has shown a modest revenue growth rate of 6.87%"),
    paragraph("Balance Sheet", "The balance sheet shows a high debt-to-equity ratio"),
    paragraph("Cash Flow", "The cash flow statement reveals a strong free cash flow growth"),
    paragraph("Technical Analysis", "Evaluating momentum and price trends is crucial"),
  ];
}

export function nextEarnings({ us, hk }: Pages): NextEarnings[] {
  return [
    { date: parseDate("Mar 25, 2026"), primary: true, source: hk.cite("Next Earnings Date:Mar 25, 2026"), epsEstimate: null, revenueEstimate: null, related: [] },
    {
      date: parseDate("Mar 18, 2026"),
      primary: false,
      source: us.cite("Next earnings:Mar 18, 2026"),
      epsEstimate: parseUnits(us.cite("EPS:-$0.05").text.slice("EPS:".length)).value,
      revenueEstimate: "-",
      related: [us.cite("EPS:-$0.05"), us.cite("Revenue:-")],
    },
  ];
}

/** Dated things that are not corporate events, for one timeline: filings, the call, the listing, next earnings. */
export function timeline(pages: Pages, filings: Dataset["filings"], next: NextEarnings[], call: Dataset["earningsCall"]): Event[] {
  const { us, hk } = pages;
  return [
    ...filings.map((f): Event => ({
      id: `filing-${f.fiscalYear}`,
      date: f.filed,
      kind: "filing",
      title: `Form 20-F for FY${f.fiscalYear} filed`,
      text: `Period end ${f.periodEnd}; revenue ${f.revenueText} (${(f.revenueGrowth * 100).toFixed(1)}%); EPS ${f.epsText}; ${f.result}.`,
      source: f.sources.dates,
      related: [f.sources.title, f.sources.revenue, f.sources.eps, f.sources.result],
    })),
    {
      id: "earnings-call-q2-2025",
      date: call.date,
      kind: "earnings_call",
      title: "Q2 2025 earnings call",
      text: call.summary.text,
      source: call.source,
      related: [hk.cite("(Q2-2025)"), hk.cite("Earnings Call Sentiment Neutral")],
    },
    ...next.map((n): Event => ({
      id: `next-earnings-${n.date}`,
      date: n.date,
      kind: "next_earnings",
      title: `Next earnings date${n.primary ? "" : " (other source)"}`,
      text: n.primary
        ? "Next earnings date on the Hong Kong analysis page; the NASDAQ overview page says Mar 18, 2026."
        : "Next earnings date on the NASDAQ overview page (EPS estimate -$0.05); the Hong Kong analysis page says Mar 25, 2026.",
      source: n.source,
      related: [],
    })),
    {
      id: "listing-2020-05-08",
      date: "2020-05-08",
      kind: "listing",
      title: "Listed on NASDAQ (KC)",
      text: "Listing date of the NASDAQ ADSs.",
      source: us.cite("Listing Date: 2020-05-08"),
      related: [],
    },
    {
      id: "analysis-2026-01-28",
      date: "2026-01-28",
      kind: "analysis",
      title: "AI stock analysis of HK:3896 dated",
      text: "Date of the Hong Kong analysis page: rating Neutral 54, price target HK$7.50.",
      source: hk.cite("Date of analysis: Jan 28, 2026"),
      related: [],
    },
  ];
}

