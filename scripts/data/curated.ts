/**
 * The prose of the two pages, read by anchors: every value is read from the line its anchor finds (a heading, a
 * prefix, or the words around a figure, never a line number), or checked against that line, so a page whose figure
 * changes gives the new figure and a page whose words change fails generation naming the field.
 */
import { parseDate, parseMoney, parseNumber, parsePercent, parseUnits } from "./parse";
import type { Currency, Dataset, Event, Fact, NextEarnings, Quote, Risk, Source, Titled } from "../../src/data/schema";
import { factReader } from "./facts";
import { CuratedError, checked, figuresOf, type Reading, type Seed } from "./seed";

type Pages = { us: Seed; hk: Seed };

const figuresIn = (text: string): string[] =>
  text.match(/(?:RMB ?|HK\$|US\$|\$)?-?\d[\d,]*(?:\.\d+)?(?:%| ?(?:billion|million|times|pp)|[KMB]\b)?/g)?.filter((f) => /\d/.test(f) && !/^\d{1,2}$/.test(f)) ?? [];

/**
 * The add-in's own words — the names, labels, units (less their currency), sections, ids, titles and notes it gives
 * what it reads — which no page states. Marked so, they are the one class of literal the mutation test leaves alone.
 */
export const ours = <T,>(words: T): T => words;

const lowerFirst = (text: string) => text.replace(/^./, (c) => c.toLowerCase());

/** A date as the pages print it ("Mar 18, 2026"), checked to be on the line that states it. */
function pageDate(iso: string, on: Source, what: string): string {
  const text = new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  return checked(what, text, on.text.includes(text), on);
}

/** "Title Text…" lines: the title is the leading words the page sets in bold; we are told where it ends. */
function titled(seed: Seed, field: string, title: string): Titled {
  const { source, rest } = seed.startingWith(title, `${field} "${title}"`);
  const text = rest.trim();
  return { title, text, source, figures: figuresIn(text) };
}

/** A heading line followed by its paragraph on the next line. */
function headed(seed: Seed, heading: Source): Titled {
  const body = seed.after(heading.line, `paragraph under "${heading.text}"`);
  return { title: heading.text, text: body.text, source: body, figures: figuresIn(body.text) };
}

type Name = { field: string; label: string; unit: string };

function quote(name: Name, value: number | string, source: Source, extra: Partial<Quote> = {}): Quote {
  return { field: name.field, label: name.label, value, unit: name.unit, currency: null, precision: null, source, ...extra };
}

/**
 * A figure read from its line: the template's `{#}`, or the whole line when given a line. A unit's "{cur}" is the
 * figure's currency: the one it is written with ("HK$7.50"), or else `pricedIn`, the currency its page prices the
 * listing in (a bare "7.15" under "Last Price"). A unit that names a currency in words must name that one.
 */
function numberQuote(name: Name, read: Reading | Source, extra: Partial<Quote> = {}, pricedIn: Currency | null = null): Quote {
  const { source, figure } = "figure" in read ? read : { source: read, figure: read.text };
  const parsed =
    name.unit === "fraction" ? parsePercent(figure) : name.unit.startsWith("millions") ? parseMoney(figure) : /^[-+]?[A-Z]*\$/.test(figure) || /^-?\$/.test(figure) ? parseUnits(figure) : parseNumber(figure);
  const currency = parsed.currency ?? pricedIn;
  const unit = name.unit.replace("{cur}", () => currency ?? "");
  const said = CURRENCY_WORD.exec(unit)?.[0] ?? null;
  if ((said ?? currency) !== currency || unit.includes("{cur}") || (name.unit.includes("{cur}") && !currency)) {
    throw new CuratedError(`${name.field} unit`, `"${name.unit}" is not in the currency of ${figure} (${currency ?? "none"})`, source);
  }
  return { ...quote({ ...name, unit }, parsed.value, source), currency, precision: parsed.precision, ...extra };
}

const CURRENCY_WORD = /\b(?:USD|HKD|RMB)\b/;

/** The currency a page prices its listing in: that of a price it writes with its currency ("$22.26", "HK$7.50"). */
function priceCurrency(price: Source, what: string): Currency {
  const { currency } = parseUnits(price.text);
  if (!currency) throw new CuratedError(what, "no currency on the price", price);
  return currency;
}

/** How far the dashboard's figure fell, as the page prints the change after it ("-100.00%" → "100.00%"). */
function downBy(r: Reading): string {
  const down = /^-(?<by>\d[\d.]*%)$/.exec(r.whole.text.slice(r.figure.length))?.groups?.by;
  if (!down) throw new CuratedError("facts.free_cash_flow note", "no fall after the figure", r.whole);
  return down;
}

/** The statement table's figure for `row` in the fiscal year `period`, as the page writes it. */
function tableFigure(hk: Seed, row: string, period: string, what: string): string {
  const columns = hk.startingWith("Breakdown", what).rest.match(/TTM|[A-Z][a-z]{2} \d{4}/g) ?? [];
  const column = columns.findIndex((c) => `FY${c.slice(-4)}` === period);
  const figure = figuresOf(hk.startingWith(row, what).rest)[column];
  if (column < 0 || !figure) throw new Error(`${what}: the statement table has no ${row} for ${period}`);
  return figure;
}

const digits = (figure: string) => figure.match(/\d/g)?.length ?? Number.NaN;

export function curatedFacts({ us, hk }: Pages): Fact[] {
  const dash = factReader(us, ours({ tag: "dashboard", name: (h) => `${h} dashboard` }));
  const hl = factReader(us, ours({ tag: "highlights", name: (h) => `${h} highlights` }));
  const risk = factReader(us, ours({ tag: "risk_factors", name: () => "risk factors" }));
  const peers = factReader(us, ours({ tag: "peers", name: () => "peer comparison" }));
  const keyMetrics = factReader(us, ours({ tag: "peers", name: () => "peer key metrics" }));
  const overview = factReader(hk, ours({ tag: "overview", name: () => "financial statement overview" }));
  const call = factReader(hk, ours({ tag: "call", name: (h) => `${h} earnings call` }));
  const dashboard = us.at("Financial Dashboard", "facts (dashboard)");
  const [revenue, eps, fcf] = ["Revenue", "EPS", "FCF"].map((h) => us.below(h, `facts (dashboard ${h})`, 1, dashboard)) as [Source, Source, Source];
  const peerRevenue = us.below("Kingsoft Cloud Holdings LimitedKC", "facts (peer comparison)");
  const peerGrowth = us.after(peerRevenue.line, "facts (peer comparison)");
  const ttmGrowth = hk.find("modest TTM revenue growth ({#})", "facts.revenue_growth (overview)");
  const callRevenue = hk.find("Q2 revenue reached {#}", "facts.revenue (call)");
  return [
    // Overview page: the financial dashboard (USD, NASDAQ listing).
    dash("revenue", { kind: "money", read: "{#}{~}", at: revenue }),
    dash("revenue_growth", { kind: "fraction", read: "{~}{#}", at: revenue }),
    dash("eps", { kind: "per_share", read: "{#}{~}", at: eps,
      note: (r, f) => checked("facts.eps note", ours(`The page rounds the quarter's EPS to ${r.figure}: a loss of less than half a cent per ADS.`), f.value === 0 && r.figure.startsWith("-"), r.source) }),
    dash("eps_growth", { kind: "fraction", read: "{~}{#}", at: eps }),
    dash("free_cash_flow", { kind: "money", read: "{#}{~}", at: fcf, note: (r) => ours(`As the page shows it: ${r.figure}, down ${downBy(r)}.`) }),
    dash("free_cash_flow_growth", { kind: "fraction", read: "{~}{#}", at: fcf }),
    // Overview page: annual highlights (RMB).
    hl("revenue", { kind: "money", read: "Total revenues reached {#} in {year}", primary: false }),
    hl("revenue", { kind: "money", read: "increase [[from {#} in {year}]]", primary: false }),
    hl("revenue_growth", { kind: "fraction", read: "marking a {#} increase", primary: false }),
    hl("gross_margin", { kind: "fraction", read: "expanded significantly to {#} in {year}" }),
    hl("gross_margin", { kind: "fraction", read: "significantly to {~} in {~} [[from {#} in {year}]]" }),
    hl("net_income", { kind: "money", read: "net loss decreased {~} to {#}", primary: false,
      note: (r, f) => ours(`Stated as a net loss of ${r.figure}; stored as net income of ${f.value.toLocaleString("en-US")}. The statement table says ${tableFigure(hk, "Net Income", f.period, "facts.net_income note")}.`) }),
    hl("net_loss_decrease", { kind: "fraction", read: "net loss decreased {#}" }),
    hl("operating_cash_flow", { kind: "money", read: "generating {#} in {year}", primary: false }),
    hl("operating_cash_flow", { kind: "money", read: "[[reversing {#} outflow]] recorded in {year}", primary: false, note: (r, f) => ours(`Stated as an outflow of ${r.figure}; stored as ${f.value}.`) }),
    hl("premium_customers", { kind: "count", read: "Total Premium Customers reached {#} in {year}" }),
    hl("premium_customers", { kind: "count", read: "from {#} customers in {year}" }),
    risk("research_and_development", { kind: "money", read: "{#} R&D in {year}" }),
    // Overview page: peer comparison, KC's own row (USD).
    peers("revenue", { kind: "money", read: "{#}", at: peerRevenue, note: (r) => {
      const { metric, period } = us.above(r.source.line, /^(?<metric>\w+) \((?<period>TTM)\)$/, "facts.revenue note").match.groups ?? {};
      return ours(`KC's row in the overview page's peer comparison (${metric}, ${period}).`);
    } }),
    peers("revenue_growth", { kind: "fraction", read: "{#}", at: peerGrowth, primary: false,
      note: () => ours(`USD basis on the overview page; the analysis page states ${ttmGrowth.figure} for TTM revenue growth.`) }),
    keyMetrics("roe", { kind: "fraction", read: "KC{~}{~}{#}{~}", primary: false }),
    keyMetrics("debt_to_assets", { kind: "fraction", read: "KC{~}{~}{~}{#}" }),
    // Analysis page: financial statement overview (TTM ratios as stated).
    overview("revenue_growth", { kind: "fraction", read: "modest TTM revenue growth ({#})" }),
    overview("free_cash_flow_growth", { kind: "fraction", read: "strong free cash flow growth ({#})" }),
    overview("net_margin", { kind: "fraction", read: "negative net margin ({#})" }),
    overview("ebit_margin", { kind: "fraction", read: "negative EBIT margin ({#})" }),
    overview("roe", { kind: "fraction", read: "and negative ROE ({#})" }),
    overview("debt_to_equity", { kind: "ratio", read: "(debt-to-equity {#})" }),
    overview("equity_ratio", { kind: "fraction", read: "reasonable equity ratio ({#})" }),
    overview("gross_margin", { kind: "fraction", read: "The gross profit margin is relatively low at {#}" }),
    overview("ocf_to_net_income", { kind: "ratio", read: "operating cash flow to net income ratio is {#}" }),
    overview("fcf_to_net_income", { kind: "ratio", read: "free cash flow to net income ratio is negative ({#})" }),
    // Analysis page: the earnings call (RMB).
    call("revenue", { kind: "money", read: "Q2 revenue reached {#}" }),
    call("revenue_growth", { kind: "fraction", read: "representing a year-over-year growth of {#}" }),
    call("public_cloud_revenue", { kind: "money", read: "public cloud revenue increasing by {~} to {#}" }),
    call("public_cloud_revenue_growth", { kind: "fraction", read: "public cloud revenue increasing by {#}" }),
    call("ai_gross_billings", { kind: "money", read: "AI gross billings reached {#}, a year-over-year" }),
    call("ai_gross_billings_growth", { kind: "fraction", read: "a year-over-year increase of over {#}", note: (r) => ours(`Stated as "over ${r.figure}": a lower bound.`) }),
    call("ai_gross_billings_qoq_growth", { kind: "fraction", read: "quarter-over-quarter growth of {#}" }),
    call("ai_share_of_public_cloud", { kind: "fraction", read: "growth of {~}, accounting for {#} of public cloud revenue." }),
    call("ecosystem_revenue", { kind: "money", read: "Revenue from Xiaomi and Kingsoft ecosystem reached {#}", note: () => ours("Revenue from the Xiaomi and Kingsoft ecosystem.") }),
    call("ecosystem_revenue_growth", { kind: "fraction", read: "{~}, up {#} year-over-year" }),
    call("ecosystem_share_of_revenue", { kind: "fraction", read: "up {~} year-over-year, contributing {#} to total revenue." }),
    call("enterprise_cloud_revenue", { kind: "money", read: "Enterprise cloud revenue reached {#}" }),
    call("enterprise_cloud_revenue_growth", { kind: "fraction", read: "a year-over-year increase of {#}, driven by demand for IT delivery" }),
    call("non_gaap_ebitda", { kind: "money", read: "Non-GAAP EBITDA profit was {#}" }),
    call("non_gaap_ebitda_yoy_multiple", { kind: "multiple", read: "[[increased by {#} times]] compared to the same quarter last year", note: (r) => ours(`"${r.source.text}${r.context}".`) }),
    call("non_gaap_ebitda_margin", { kind: "fraction", read: "with a margin of {#}", note: () => {
      const ebitda = hk.find("Non-GAAP EBITDA profit was {#}", "facts.non_gaap_ebitda_margin note").figure;
      const share = (parseMoney(ebitda).value / parseMoney(callRevenue.figure).value).toLocaleString("en-US", { style: "percent", maximumSignificantDigits: Math.min(digits(ebitda), digits(callRevenue.figure)) });
      return ours(`As stated; ${ebitda} of ${callRevenue.figure} revenue is about ${share} (see reconciliations).`);
    } }),
    call("adjusted_gross_margin", { kind: "fraction", read: "Adjusted gross margin was {#} this quarter" }),
  ];
}

const name = (field: string, label: string, unit: string): Name => ({ field, label, unit });

/** The NASDAQ listing as the overview page heads it ("NASDAQ•KC"). */
const listing = (us: Seed) => {
  const line = us.find("{word}•{text}", "listings.NASDAQ");
  const date = us.startingWith("Listing Date: ", "profile.listingDate");
  const listed = checked("profile.listingDate", date.rest, /^\d{4}-\d{2}-\d{2}$/.test(date.rest), date.source);
  return { exchange: line.word ?? "", symbol: line.text ?? "", source: line.source, date: listed, dateSource: date.source };
};
/** The HKEX ticker as the analysis page heads it ("… (HK:3896)"). */
const hkTicker = (hk: Seed) => {
  const heading = hk.find("Kingsoft Cloud Holdings Ltd ({word}:{#})", "listings.HKEX");
  return { ticker: heading.figure, symbol: `${heading.word ?? ""}:${heading.figure}` };
};
const SIGNAL = /^(?:Positive|Negative|Neutral)$/;

export function profile({ us }: Pages): Dataset["profile"] {
  const { source: exchange, date, dateSource } = listing(us);
  const company = us.before(exchange.line, "profile.name");
  // Each value follows its prefix on a line of its own ("CEO: Mr. Tao Zou"), cited whole.
  const prefixed = (field: string, prefix: string) => us.startingWith(prefix, `profile.${field}`);
  const [ceo, sector, industry] = [prefixed("ceo", "CEO: "), prefixed("sector", "Sector: "), prefixed("industry", "Industry: ")];
  const address = us.below("Contact Information", "profile.address");
  const phone = us.after(address.line, "profile.phone");
  const website = us.after(phone.line, "profile.website");
  return {
    name: company.text,
    ceo: ceo.rest,
    sector: sector.rest,
    industry: industry.rest,
    listingDate: date,
    address: address.text,
    phone: checked("profile.phone", phone.text, /^[\d-]+$/.test(phone.text), phone),
    website: checked("profile.website", website.text, /^www\./.test(website.text), website),
    sources: {
      name: company,
      ceo: ceo.source,
      sector: sector.source,
      industry: industry.source,
      listingDate: dateSource,
      address,
      phone,
      website,
      exchange,
    },
  };
}

export function about({ us, hk }: Pages): Dataset["about"] {
  const prefixed = (prefix: string) => {
    const { source, rest } = hk.startingWith(prefix, `about (${prefix})`);
    return { text: rest, source, figures: [] };
  };
  const description = us.startingWith("Kingsoft Cloud Holdings Limited provides", "about.description").source;
  return {
    description: { text: description.text, source: description, figures: [] },
    descriptionHk: prefixed("Company Description"),
    howItMakesMoney: prefixed("How the Company Makes Money"),
  };
}

export function listings({ us, hk }: Pages): Dataset["listings"] {
  const below = (heading: string) => us.below(heading, `listings.NASDAQ (${heading})`);
  const yieldLine = below("Dividend Yield");
  const peHeading = "P/E (TTM)";
  const pe = below(peHeading);
  const unlabeled = us.after(pe.line, "listings.NASDAQ (unlabelled)");
  const { exchange, symbol } = listing(us);
  const performance = hk.at("Performance Comparison", "listings.HKEX");
  const columns = hk.run(performance, /^(?:Ticker|Company Name|Price|Change|% Change)$/).map((s) => s.text);
  const ticker = hk.line(hk.at(hkTicker(hk).symbol, "listings.HKEX", performance));
  const row = [ticker, ...hk.next(ticker.line, columns.length - 1, "listings.HKEX")];
  const cell = (column: string) => {
    const found = row[columns.indexOf(column)];
    if (!found) throw new Error(`listings.HKEX: no "${column}" column in the performance comparison`);
    return found;
  };
  const rowNote = { note: ours(`Performance comparison row for ${ticker.text}.`) };
  const high = numberQuote(name("high_52w", "52-week high", "{cur} per ADS"), below("52W High"));
  const last = numberQuote(name("last_price", "Last price", "{cur} per share"), hk.find("Last Price{#}", "listings.last_price"), {}, hkPriceCurrency(hk));
  return [
    {
      exchange: exchange as Dataset["listings"][number]["exchange"],
      ticker: symbol,
      currency: priceCurrency(high.source, "listings.NASDAQ (52W High)"),
      priceUnit: high.unit,
      fields: [
        numberQuote(name("market_cap", "Market cap", "millions {cur}"), below("Market Cap")),
        numberQuote(name("pe_ttm", "P/E (TTM)", "multiple"), pe),
        numberQuote(name(`unlabeled_${unlabeled.text.replace(".", "_")}`, `Unlabelled figure after ${peHeading}`, "number"), unlabeled, {
          note: ours(`The page prints ${unlabeled.text} under ${peHeading} with no label of its own; kept as shown, not interpreted.`),
        }),
        quote(name("dividend_yield", "Dividend yield", "fraction"), checked("listings.dividend_yield", yieldLine.text, !/\d/.test(yieldLine.text), yieldLine), yieldLine, {
          note: ours(`The page shows no dividend yield ("${yieldLine.text}").`),
        }),
        high,
        numberQuote(name("low_52w", "52-week low", "{cur} per ADS"), below("52W Low")),
        numberQuote(name("range_52w", "Position in 52-week range", "fraction"), below("52W Range")),
        numberQuote(name("rank", "Rank", "rank"), us.find("Rank{#}Top {~}", "listings.rank")),
        numberQuote(name("rank_top_percent", "Rank percentile (top)", "fraction"), us.find("Rank{~}Top {#}", "listings.rank_top_percent")),
      ],
    },
    {
      exchange: "HKEX",
      ticker: hkTicker(hk).ticker,
      currency: last.currency as Currency,
      priceUnit: last.unit,
      fields: [
        last,
        numberQuote(name("change", "Change", "{cur} per share"), cell("Change"), rowNote, last.currency),
        numberQuote(name("change_percent", "% change", "fraction"), cell("% Change"), rowNote),
        numberQuote(name("followers", "Followers", "count"), hk.find("{#} Followers", "listings.followers")),
      ],
    },
  ];
}

const ANALYST = /is (?<phrase>an? (?<rating>\w+) with an? \S+ price target)/;

/** The Hong Kong listing's price currency, that of its price target ("HK$7.50"). */
export const hkPriceCurrency = (hk: Seed): Currency => priceCurrency(hk.below("Price Target:", "rating.price_target"), "rating.price_target");

export function rating({ hk }: Pages): Quote[] {
  const score = hk.find("Rating:{#}{word}", "rating.ai_score");
  const label = score.word ?? "";
  const model = hk.find(`${label} ${score.figure} ({text})`, "rating.rating_model");
  // The rating is repeated under each corporate event: read the first, check the others say the same.
  const analyst = hk.allStartingWith("The most recent analyst rating on ").map((r) => ({ source: r.source, said: ANALYST.exec(r.rest)?.groups }));
  const [first] = analyst;
  if (!first?.said) throw new Error(`rating.analyst_rating: no "The most recent analyst rating on … is a … with a … price target" line in ${hk.file}`);
  const { phrase, rating: said = "" } = first.said;
  for (const other of analyst) checked("rating.analyst_rating", said, other.said?.phrase === phrase, other.source);
  return [
    numberQuote(name("ai_score", "AI analyst score", "score (0-100)"), score),
    quote(name("rating", "AI analyst rating", "label"), label, score.source),
    quote(name("rating_model", "Rating model", "label"), model.text ?? "", model.source),
    numberQuote(name("price_target", "Price target", "{cur} per share"), hk.below("Price Target:", "rating.price_target")),
    numberQuote(name("price_target_upside", "Upside to price target", "fraction"), hk.find("▲({#} Upside)", "rating.price_target_upside")),
    quote(name("analyst_rating", "Most recent analyst rating", "label"), said, first.source, {
      note: ours(`Repeated under each corporate event: "${phrase}".`),
    }),
  ];
}

/** A heading's value and its assessment, the two lines below it. */
function valueAndLabel(seed: Seed, heading: string, after: string, what: string, label = /./): [Source, Source] {
  const value = seed.below(heading, what, undefined, seed.at(after, what));
  const assessment = seed.after(value.line, what);
  checked(what, assessment.text, label.test(assessment.text) && !/\d/.test(assessment.text), assessment);
  return [value, assessment];
}

export function technicals({ hk }: Pages): Quote[] {
  const section = hk.at("Kingsoft Cloud Holdings Ltd Technical Analysis", "technicals");
  const labels: Record<string, string> = ours({ STOCH: "Stochastic" });
  const hkd = hkPriceCurrency(hk);
  // Under "Price Trends" and "Market Momentum", each indicator is a heading ("50DMA", "MACD"), its value and its
  // signal; "50DMA" is the 50-day moving average, a price in the listing's currency, and the others are indicators.
  const group = (title: string): Quote[] => {
    const out: Quote[] = [];
    for (let heading = hk.below(title, "technicals", undefined, section); /^[A-Z\d]+$/.test(heading.text); ) {
      const [value, signal] = valueAndLabel(hk, heading.text, title, `technicals (${heading.text})`, SIGNAL);
      const days = /^(?<days>\d+)DMA$/.exec(heading.text)?.groups?.days;
      const [field, label] = days ? ours([`ma${days}`, `${days}-day moving average`]) : [heading.text.toLowerCase(), labels[heading.text] ?? heading.text];
      out.push(
        numberQuote(name(field, label, days ? "{cur} per share" : "indicator"), value, {}, days ? hkd : null),
        quote(name(`${field}_signal`, `${label} signal`, "label"), signal.text, signal),
      );
      heading = hk.after(signal.line, "technicals");
    }
    return out;
  };
  const ma20 = "20";
  const sentiment = hk.below("Technical Analysis Sentiment", "technicals.sentiment");
  return [
    quote(name("sentiment", "Technical analysis sentiment", "label"), checked("technicals.sentiment", sentiment.text, SIGNAL.test(sentiment.text), sentiment), sentiment),
    numberQuote(name(`ma${ma20}`, `${ma20}-day moving average`, "{cur} per share"), hk.find(`${ma20}-day moving average (MA) of {#}`, "technicals.ma20"), {}, hkd),
    ...group("Price Trends"),
    ...group("Market Momentum"),
  ];
}

export function scores({ us, hk }: Pages): Quote[] {
  // "Income Statement" → income_statement_score, "Income statement score".
  const score = (heading: string) => {
    const [field, label] = ours([`${heading.toLowerCase().replace(/ /g, "_")}_score`, `${heading.replace(/ (\w)/g, (c) => c.toLowerCase())} score`]);
    const [value, assessment] = valueAndLabel(hk, heading, "Kingsoft Cloud Holdings Ltd Financial Statement Overview", `scores.${field}`);
    return [numberQuote(name(field, label, "score (0-100)"), value), quote(name(`${field}_label`, `${label} assessment`, "label"), assessment.text, assessment)];
  };
  const heading = us.at("F-Score", "scores.f_score");
  const value = us.before(heading, "scores.f_score");
  const points = us.find("{word} • {#} / {~} points", "scores.f_score_points");
  checked("scores.f_score", value.text, value.text === points.figure, value);
  const model = us.after(heading, "scores.f_score_model");
  const basis = us.after(model.line, "scores.f_score_model");
  const period = us.startingWith("Data Period: ", "scores.f_score_basis").source;
  const bands = us.run(us.at("Scoring Range (0-9)", "scores.f_score_band", heading), /^\d+-\d+: /);
  return [
    numberQuote(name("f_score", "F-score (modified Piotroski)", "points (0-9)"), value),
    numberQuote(name("f_score_points", "F-score points (of 9)", "points (0-9)"), points),
    quote(name("f_score_model", "F-score model", "label"), [model.text, lowerFirst(basis.text)].join(ours("; ")), basis),
    ...bands.map((band) => {
      const [range, label] = band.text.split(": ") as [string, string];
      return quote(name(`f_score_band_${range.replace("-", "_")}`, `F-score band ${range}`, "label"), label, band);
    }),
    quote(name("f_score_label", "F-score assessment", "label"), points.word ?? "", points.source),
    quote(name("f_score_basis", "F-score basis", "label"), ours(`${basis.text}; ${period.text.replace(/:/, "").toLowerCase()}`), period),
    ...score("Income Statement"),
    ...score("Balance Sheet"),
    ...score("Cash Flow"),
    numberQuote(name("sector_rating", "Sector average overall rating", "score (0-100)"), hk.find("Sector ({#})", "scores.sector_rating")),
  ];
}

export function trends({ us }: Pages): Quote[] {
  const trend = (heading: string, { field, label, unit, assessment }: Name & { assessment: string }): Quote[] => {
    const [value, text] = valueAndLabel(us, heading, "Long-Term Trends", `trends.${field}`);
    return [
      /\d/.test(value.text) ? numberQuote(name(field, label, unit), value) : quote(name(field, label, "label"), checked(`trends.${field}`, value.text, value.text === "N/M", value), value, { note: ours("Not meaningful, as the page says.") }),
      quote(name(`${field}_label`, assessment, "label"), text.text, text),
    ];
  };
  return [
    ...trend("4Q Revenue CAGR", ours({ field: "revenue_cagr_4q", label: "4-quarter revenue CAGR", unit: "fraction", assessment: "4-quarter revenue trend" })),
    ...trend("4Q Net Income CAGR", ours({ field: "net_income_cagr_4q", label: "4-quarter net income CAGR", unit: "fraction", assessment: "4-quarter net income trend" })),
    ...trend("Cash Flow Stability", ours({ field: "cash_flow_stability", label: "Cash flow stability", unit: "fraction", assessment: "Cash flow stability assessment" })),
  ];
}

const CALL_DATE = "Earnings Call Date:";
const CALL_SENTIMENT = "Earnings Call Sentiment ";

/** The call's date line, the "(Q2-2025)" line below it, and the sentiment line. */
function callLines(hk: Seed) {
  const date = hk.startingWith(CALL_DATE, "earningsCall.date");
  const quarterLine = hk.after(date.source.line, "earningsCall.quarter");
  const quarter = /^\((?<quarter>Q[1-4]-\d{4})\)$/.exec(quarterLine.text)?.groups?.quarter;
  if (!quarter) throw new CuratedError("earningsCall.quarter", "no quarter", quarterLine);
  return { date, quarter, quarterLine, sentiment: hk.startingWith(CALL_SENTIMENT, "earningsCall.sentiment") };
}

export function earningsCall({ hk }: Pages): Dataset["earningsCall"] {
  const start = hk.at("Positive Updates", "earningsCall.positives");
  const middle = hk.at("Negative Updates", "earningsCall.negatives", start);
  const end = hk.at("Company Guidance", "earningsCall.guidance", middle);
  // Title, paragraph, title, paragraph…: a title is a short line that does not end a sentence.
  const pairs = (from: number, to: number) =>
    hk.between(from, to).flatMap((line, i, all) => (i % 2 === 0 ? [headed(hk, { ...line, text: checked("earningsCall updates", line.text, !line.text.endsWith(".") && !!all[i + 1]?.text.endsWith("."), line, "a title followed by its paragraph") })] : []));
  const { date, quarter, sentiment } = callLines(hk);
  checked("earningsCall.quarter", quarter, hk.at(`${quarter} Updates`, "earningsCall.quarter") < start, date.source);
  const summary = hk.whole(hk.cite("The earnings call highlighted significant revenue growth", "earningsCall.summary"));
  const guidance = hk.after(end, "earningsCall.guidance");
  return {
    date: parseDate(date.rest),
    quarter: quarter as Dataset["earningsCall"]["quarter"],
    sentiment: checked("earningsCall.sentiment", sentiment.rest, SIGNAL.test(sentiment.rest), sentiment.source),
    summary: { text: summary.text, source: summary, figures: [] },
    positives: pairs(start, middle),
    negatives: pairs(middle, end),
    guidance: { text: guidance.text, source: guidance, figures: figuresIn(guidance.text) },
    source: date.source,
  };
}

export function highlights({ us }: Pages): Titled[] {
  return ["Revenue Rebounds Strongly", "Gross Margin Expansion Noted", "Operating Cash Flow Positive", "Premium Customer Base Grows"].map((t) => titled(us, "highlights", t));
}

export function outlook({ us }: Pages): Titled[] {
  return ["Focus on AI Growth Areas", "Continued Infrastructure Expansion", "Improving Operating Efficiency"].map((t) => titled(us, "outlook", t));
}

const headedBy = (seed: Seed, field: string, title: string) => headed(seed, seed.line(seed.at(title, `${field} "${title}"`)));

export function positiveFactors({ hk }: Pages): Titled[] {
  return ["Improving free cash flow", "AI business contribution", "Directed capital to AI"].map((t) => headedBy(hk, "positiveFactors", t));
}

export function risks(pages: Pages, call: Dataset["earningsCall"]): Risk[] {
  const { us, hk } = pages;
  const numbered = <T,>(prefix: string, kind: Risk["kind"], items: T[]) => items.map((item, i) => ({ id: ours(`${prefix}-${i + 1}`), kind, ...item }));
  return [
    ...numbered(ours("risk"), "risk_factor", ["PRC Regulatory Enforcement Risks", "High Technology Investment Strain", "Key Customer Concentration Risk", "US Auditor Inspection Uncertainty"].map((t) => titled(us, "risks", t))),
    ...numbered(ours("negative"), "negative_factor", ["Persistent negative profitability", "High leverage", "Low gross margin"].map((t) => headedBy(hk, "risks", t))),
    ...numbered(ours("call-negative"), "earnings_call_negative", call.negatives),
  ];
}

export function riskSummary({ hk }: Pages): Dataset["riskSummary"] {
  const count = hk.find("disclosed {#} risk factors in its most recent earnings report", "riskSummary.count");
  const top = hk.find('reported the most risks in the "{word}" category', "riskSummary.topCategory");
  const topCategory = top.word ?? "";
  const category = hk.find(`${topCategory} - {word}.`, "riskSummary.categoryDescription");
  const latest = hk.find("Latest Risks Added {#} New Risks", "riskSummary.newRisks");
  return {
    count: parseNumber(count.figure).value,
    topCategory,
    categoryDescription: category.whole.text.slice(category.whole.text.indexOf(category.word ?? "")),
    newRisks: parseNumber(latest.figure).value,
    sources: [count.source, top.source, category.source, latest.source],
  };
}

/** Capital actions stated without a period: the share placing (a positive factor) and the latest share grant (a corporate event). */
export function capital({ hk }: Pages): Quote[] {
  const read = (template: string, field: string) => hk.find(template, `capital.${field}`);
  const granted = "equivalent to about {#} of its issued share capital or roughly {~} ADSs, to {~} employees";
  const grant = read("has granted {#} restricted share units (RSUs)", "rsu_grant_units");
  const grantDate = hk.above(grant.source.line, /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/, "capital.rsu_grant_units").source.text;
  const units = numberQuote(name("rsu_grant_units", `RSUs granted (${grantDate} grant)`, "units"), grant);
  const ads = numberQuote(name("rsu_grant_ads", "RSU grant in ADSs (about)", "ADSs"), read("equivalent to about {~} of its issued share capital or roughly {#} ADSs, to {~} employees", "rsu_grant_ads"));
  // The pages state no ADS ratio; the grant implies it: shares over ADSs, which the page rounds down to whole ADSs.
  const perAds = Math.round((units.value as number) / (ads.value as number));
  if (Math.floor((units.value as number) / perAds) !== ads.value) throw new Error(`shares_per_ads: ${String(units.value)} / ${perAds} is not "roughly ${String(ads.value)}"`);
  return [
    numberQuote(name("placing", "Share placing (gross, date not stated)", "millions {cur}"), read("earmarked {~} of an {#} placing", "placing")),
    numberQuote(name("placing_ai_share", "Share of the placing earmarked for AI", "fraction"), read("earmarked {#} of an {~} placing", "placing_ai_share")),
    units,
    numberQuote(name("rsu_grant_share_capital", "RSU grant as a share of issued share capital", "fraction"), read(granted, "rsu_grant_share_capital")),
    ads,
    numberQuote(name("rsu_grant_employees", "Employees granted RSUs", "employees"), read("equivalent to about {~} of its issued share capital or roughly {~} ADSs, to {#} employees", "rsu_grant_employees")),
    numberQuote(name("rsu_grant_price", "RSU grant price", "{cur} per share"), read("priced at {#} per share", "rsu_grant_price")),
    quote(name("shares_per_ads", "Ordinary shares per NASDAQ ADS (implied by the share grant)", "shares per ADS"), perAds, ads.source, {
      note: ours(`Not stated on either page: the grant's ${String(units.value)} shares are "roughly ${String(ads.value)} ADSs", which only ${perAds} shares per ADS gives.`),
    }),
  ];
}

export function ratingSummary({ hk }: Pages): Dataset["ratingSummary"] {
  const source = hk.whole(hk.cite("Overall score reflects improving cash flow", "ratingSummary"));
  return { text: source.text, source, figures: [] };
}

export function statementSummaries({ hk }: Pages): Titled[] {
  // Each paragraph sits under its heading ("Income Statement", or "… Technical Analysis" for the last).
  const paragraph = (title: string, start: string) => {
    const s = hk.whole(hk.cite(start, `statementSummaries.${title}`));
    hk.above(s.line, new RegExp(`(?:^| )${title}$`), `statementSummaries.${title}`);
    return { title, text: s.text, source: s, figures: figuresIn(s.text) };
  };
  return [
    paragraph("Summary", "Mixed fundamentals: modest TTM revenue growth"),
    paragraph("Income Statement", "has shown a modest revenue growth rate of"),
    paragraph("Balance Sheet", "The balance sheet shows a high debt-to-equity ratio"),
    paragraph("Cash Flow", "The cash flow statement reveals a strong free cash flow growth"),
    paragraph("Technical Analysis", "Evaluating momentum and price trends is crucial"),
  ];
}

const REVENUE_ESTIMATE = "Revenue:";

export function nextEarnings({ us, hk }: Pages): NextEarnings[] {
  const primary = hk.startingWith("Next Earnings Date:", "nextEarnings (analysis page)");
  const other = us.startingWith("Next earnings:", "nextEarnings (overview page)");
  const eps = us.find("EPS:{#}", "nextEarnings.epsEstimate");
  const revenue = us.find(`${REVENUE_ESTIMATE}-`, "nextEarnings.revenueEstimate");
  return [
    { date: parseDate(primary.rest), primary: true, source: primary.source, epsEstimate: null, revenueEstimate: null, related: [] },
    {
      date: parseDate(other.rest),
      primary: false,
      source: other.source,
      epsEstimate: parseUnits(eps.figure).value,
      revenueEstimate: revenue.source.text.slice(REVENUE_ESTIMATE.length),
      related: [eps.source, revenue.source],
    },
  ];
}

/** A filing's revenue growth as its line prints it, without a plus sign ("Revenue: $1.08B+10.5%" → "10.5%"). */
function growthOf(f: Dataset["filings"][number]): string {
  const growth = /^\+?(?<growth>-?\d[\d.]*%)$/.exec(f.sources.revenue.text.slice(f.sources.revenue.text.indexOf(f.revenueText) + f.revenueText.length))?.groups?.growth;
  if (!growth) throw new CuratedError(`events (filing ${f.fiscalYear})`, "no growth after the revenue", f.sources.revenue);
  return growth;
}

/** Dated things that are not corporate events, for one timeline: filings, the call, the listing, next earnings. */
export function timeline(pages: Pages, filings: Dataset["filings"], next: NextEarnings[], call: Dataset["earningsCall"]): Event[] {
  const { us, hk } = pages;
  const lines = callLines(hk);
  const { exchange, symbol, date: listingDate, dateSource: listedOn } = listing(us);
  const analysis = hk.find("Date of analysis: {date}", "events (analysis)");
  const analysisDate = parseDate(analysis.date ?? "");
  const quoted = (field: string) => {
    const found = rating(pages).find((q) => q.field === field);
    if (!found) throw new Error(`events (analysis): no rating.${field}`);
    return found;
  };
  const epsOf = (n: NextEarnings) => n.related.map((s) => /^EPS:(?<eps>.+)$/.exec(s.text)?.groups?.eps).find(Boolean);
  return [
    ...filings.map((f): Event => ({
      id: ours(`filing-${f.fiscalYear}`),
      date: f.filed,
      kind: "filing",
      title: ours(`Form ${f.form} for FY${f.fiscalYear} filed`),
      text: ours(`Period end ${f.periodEnd}; revenue ${f.revenueText} (${growthOf(f)}); EPS ${f.epsText}; ${f.result}.`),
      source: f.sources.dates,
      related: [f.sources.title, f.sources.revenue, f.sources.eps, f.sources.result],
    })),
    {
      id: ours(`earnings-call-${call.quarter.toLowerCase()}`),
      date: call.date,
      kind: "earnings_call",
      title: ours(`${call.quarter.replace("-", " ")} earnings call`),
      text: call.summary.text,
      source: call.source,
      related: [lines.quarterLine, lines.sentiment.source],
    },
    ...next.map((n): Event => {
      const [otherDate] = next.filter((o) => o !== n).map((o) => pageDate(o.date, o.source, "events (next earnings)"));
      return {
        id: ours(`next-earnings-${n.date}`),
        date: n.date,
        kind: "next_earnings",
        title: ours(`Next earnings date${n.primary ? "" : " (other source)"}`),
        text: n.primary
          ? ours(`Next earnings date on the Hong Kong analysis page; the NASDAQ overview page says ${otherDate}.`)
          : ours(`Next earnings date on the NASDAQ overview page (EPS estimate ${epsOf(n)}); the Hong Kong analysis page says ${otherDate}.`),
        source: n.source,
        related: [],
      };
    }),
    {
      id: ours(`listing-${listingDate}`),
      date: listingDate,
      kind: "listing",
      title: ours(`Listed on ${exchange} (${symbol})`),
      text: ours(`Listing date of the ${exchange} ADSs.`),
      source: listedOn,
      related: [],
    },
    {
      id: ours(`analysis-${analysisDate}`),
      date: analysisDate,
      kind: "analysis",
      title: ours(`AI stock analysis of ${hkTicker(hk).symbol} dated`),
      text: ours(`Date of the Hong Kong analysis page: rating ${quoted("rating").value} ${quoted("ai_score").value}, price target ${quoted("price_target").source.text}.`),
      source: analysis.source,
      related: [],
    },
  ];
}
