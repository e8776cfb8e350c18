/** KC.PROFILE, KC.FILING and KC.ASOF: company profile, both listings' market data, rating, technicals, scores, filings. */
import { dataset } from "./dataset";
import { excelSerial } from "./dates";
import { choiceMap, parseChoice } from "./choices";
import { isOmitted, scalarOf } from "./normalize";
import { parsePeriod } from "./periods";
import { miss } from "./reasons";
import { all, ok, type Miss, type Result, type Scalar } from "./result";
import type { Currency, Filing, Listing, Quote, Source } from "./schema";
import { store } from "./store";

/** A profile field; a market figure names the listing it belongs to or is priced on, and its currency. */
export type InfoField = {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly value: Scalar | null;
  readonly sources: readonly Source[];
  readonly listing?: Listing["exchange"];
  readonly currency?: Currency | null;
};

const quotes = new Map<string, Quote>(store.quotes().map((q) => [q.field, q]));
/** A listing's own fields, then figures priced in a listing's currency (an HKD price target is the HKEX share's). */
const listingOf = (q: Quote) => (dataset.listings.find((l) => l.fields.includes(q)) ?? dataset.listings.find((l) => l.currency === q.currency))?.exchange;

/** Field ids carry the currency of market figures: the NASDAQ ADS trades in USD, the HKEX share in HKD. */
function fromQuote(id: string, field: string, unit?: string): InfoField {
  const q = quotes.get(field);
  if (!q) throw new Error(`dataset has no quote ${field}`);
  const value = typeof q.value === "number" || q.value !== "--" ? q.value : null;
  return { id, label: q.label, unit: unit ?? q.unit, value, sources: [q.source], listing: listingOf(q), currency: q.currency };
}

const profile = dataset.profile;
const src = (name: string): Source[] => (profile.sources[name] ? [profile.sources[name] as Source] : []);
const next = dataset.nextEarnings.find((n) => n.primary);
const others = dataset.nextEarnings.filter((n) => !n.primary);
const [otherNext] = others.length === 1 ? others : [];
const call = dataset.events.find((e) => e.kind === "earnings_call");
const risks = dataset.riskSummary;

export const INFO_FIELDS: readonly InfoField[] = [
  { id: "name", label: "Company name", unit: "text", value: profile.name, sources: src("name") },
  { id: "ceo", label: "Chief executive", unit: "text", value: profile.ceo, sources: src("ceo") },
  { id: "sector", label: "Sector", unit: "text", value: profile.sector, sources: src("sector") },
  { id: "industry", label: "Industry", unit: "text", value: profile.industry, sources: src("industry") },
  { id: "listing_date", label: "NASDAQ listing date", unit: "date", value: excelSerial(profile.listingDate), sources: src("listingDate"), listing: "NASDAQ" },
  { id: "website", label: "Website", unit: "text", value: profile.website, sources: src("website") },
  { id: "phone", label: "Phone", unit: "text", value: profile.phone, sources: src("phone") },
  { id: "address", label: "Address", unit: "text", value: profile.address, sources: src("address") },
  { id: "ticker_us", label: "NASDAQ ticker", unit: "text", value: "KC", sources: src("exchange"), listing: "NASDAQ" },
  { id: "ticker_hk", label: "HKEX stock code", unit: "text", value: "3896", sources: [], listing: "HKEX" },
  fromQuote("market_cap_usd", "market_cap", "USD millions (NASDAQ)"),
  fromQuote("pe_ttm", "pe_ttm"),
  fromQuote("dividend_yield", "dividend_yield"),
  fromQuote("52w_high_usd", "high_52w", "USD per ADS (NASDAQ)"),
  fromQuote("52w_low_usd", "low_52w", "USD per ADS (NASDAQ)"),
  fromQuote("52w_range_position", "range_52w"),
  fromQuote("rank", "rank"),
  fromQuote("rank_top_percent", "rank_top_percent"),
  fromQuote("last_price_hkd", "last_price", "HKD per share (HKEX)"),
  fromQuote("change_hkd", "change", "HKD per share (HKEX)"),
  fromQuote("change_percent", "change_percent"),
  fromQuote("price_target_hkd", "price_target", "HKD per share (HKEX)"),
  fromQuote("price_target_upside", "price_target_upside"),
  fromQuote("rating", "rating"),
  fromQuote("ai_score", "ai_score"),
  fromQuote("rating_model", "rating_model"),
  fromQuote("analyst_rating", "analyst_rating"),
  fromQuote("followers", "followers"),
  fromQuote("technical_sentiment", "sentiment"),
  fromQuote("ma20_hkd", "ma20"),
  fromQuote("ma50_hkd", "ma50"),
  fromQuote("ma100_hkd", "ma100"),
  fromQuote("ma200_hkd", "ma200"),
  fromQuote("macd", "macd"),
  fromQuote("rsi", "rsi"),
  fromQuote("stoch", "stoch"),
  fromQuote("f_score", "f_score"),
  fromQuote("f_score_label", "f_score_label"),
  fromQuote("income_statement_score", "income_statement_score"),
  fromQuote("balance_sheet_score", "balance_sheet_score"),
  fromQuote("cash_flow_score", "cash_flow_score"),
  fromQuote("sector_rating", "sector_rating"),
  fromQuote("revenue_cagr_4q", "revenue_cagr_4q"),
  fromQuote("cash_flow_stability", "cash_flow_stability"),
  { id: "next_earnings", label: "Next earnings date (primary source)", unit: "date", value: next ? excelSerial(next.date) : null, sources: dataset.nextEarnings.map((n) => n.source) },
  { id: "eps_estimate_usd", label: "EPS estimate for the next report", unit: "USD per ADS (NASDAQ)", value: dataset.nextEarnings.find((n) => n.epsEstimate !== null)?.epsEstimate ?? null, sources: dataset.nextEarnings.filter((n) => n.epsEstimate !== null).map((n) => n.source), listing: "NASDAQ", currency: "USD" },
  {
    id: "next_earnings_other",
    label: "Next earnings date the other source states (the sources disagree: KC.CONFLICTS)",
    unit: "date",
    value: otherNext ? excelSerial(otherNext.date) : null,
    sources: others.map((n) => n.source),
  },
  { id: "earnings_call_date", label: `Date of the latest earnings call (${call?.title ?? "none"})`, unit: "date", value: call ? excelSerial(call.date) : null, sources: call ? [call.source] : [] },
  { id: "risk_factor_count", label: "Risk factors disclosed in the latest earnings report", unit: "count", value: risks.count, sources: risks.sources.slice(0, 1) },
  { id: "risk_top_category", label: "Risk category with the most risk factors", unit: "text", value: risks.topCategory, sources: risks.sources.slice(1, 2) },
  fromQuote("placing_hkd", "placing", "HKD millions"),
  fromQuote("placing_ai_share", "placing_ai_share"),
  fromQuote("rsu_grant_units", "rsu_grant_units"),
  fromQuote("rsu_grant_ads", "rsu_grant_ads"),
  fromQuote("rsu_grant_share_capital", "rsu_grant_share_capital"),
  fromQuote("rsu_grant_employees", "rsu_grant_employees"),
  fromQuote("rsu_grant_price_usd", "rsu_grant_price", "USD per share (RSU grant)"),
  fromQuote("shares_per_ads", "shares_per_ads"),
];

const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ["company", "name"], ["company_name", "name"], ["pe", "pe_ttm"], ["p/e", "pe_ttm"],
  ["upside", "price_target_upside"], ["score", "ai_score"],
  ["next_earnings_date", "next_earnings"], ["sentiment", "technical_sentiment"], ["piotroski", "f_score"], ["fscore", "f_score"],
];

/**
 * Market figures by a name that leaves out the listing and currency: a price, a market cap or a moving average is
 * per ADS in USD on NASDAQ or per share in HKD on HKEX, so these are refused with the names that say which.
 */
const NEEDS_LISTING = choiceMap<string>([
  ["market_cap", "market_cap_usd"], ["marketcap", "market_cap_usd"], ["52w_high", "52w_high_usd"], ["52w_low", "52w_low_usd"],
  ["high_52w", "52w_high_usd"], ["low_52w", "52w_low_usd"], ["last_price", "last_price_hkd"], ["price", "last_price_hkd"],
  ["price_target", "price_target_hkd"], ["target", "price_target_hkd"], ["change", "change_hkd"],
  ["ma20", "ma20_hkd"], ["ma50", "ma50_hkd"], ["ma100", "ma100_hkd"], ["ma200", "ma200_hkd"],
]);

const byId = new Map(INFO_FIELDS.map((f) => [f.id, f]));
export const infoChoices = choiceMap<string>([...INFO_FIELDS.map((f) => [f.id, f.id] as const), ...ALIASES]);

export function infoField(fieldRaw: unknown): Result<InfoField> {
  const raw = scalarOf(fieldRaw);
  const named = typeof raw === "string" && raw.length <= 64 ? NEEDS_LISTING.get(raw) : undefined;
  const field = named ? byId.get(named) : undefined;
  if (field) return miss({ kind: "fieldNeedsListing", value: raw, fields: [{ id: field.id, unit: field.unit }] });
  const id = parseChoice(fieldRaw, "field", infoChoices, { list: "field", all: INFO_FIELDS.length });
  if (!id.ok) return id;
  return ok(byId.get(id.value) as InfoField);
}

export function info(fieldRaw: unknown): Result<Scalar> {
  const field = infoField(fieldRaw);
  if (!field.ok) return field;
  return field.value.value === null ? miss({ kind: "noInfo", field: field.value.label }) : ok(field.value.value);
}

type FilingField = { readonly id: string; readonly label: string; readonly unit: string; readonly get: (f: Filing) => Scalar; readonly source: (f: Filing) => Source };

export const FILING_FIELDS: readonly FilingField[] = [
  { id: "form", label: "Form", unit: "text", get: (f) => f.form, source: (f) => f.sources.title },
  { id: "fiscal_year", label: "Fiscal year", unit: "year", get: (f) => f.fiscalYear, source: (f) => f.sources.title },
  { id: "period_end", label: "Period end", unit: "date", get: (f) => excelSerial(f.periodEnd), source: (f) => f.sources.dates },
  { id: "filed", label: "Filed", unit: "date", get: (f) => excelSerial(f.filed), source: (f) => f.sources.dates },
  { id: "revenue", label: "Revenue (USD millions)", unit: "USD millions", get: (f) => f.revenueUsdM, source: (f) => f.sources.revenue },
  { id: "revenue_growth", label: "Revenue growth", unit: "fraction", get: (f) => f.revenueGrowth, source: (f) => f.sources.revenue },
  { id: "eps", label: "EPS (USD per ADS)", unit: "USD per ADS", get: (f) => f.eps, source: (f) => f.sources.eps },
  { id: "eps_growth", label: "EPS growth", unit: "fraction", get: (f) => f.epsGrowth, source: (f) => f.sources.eps },
  { id: "result", label: "Beat or miss", unit: "text", get: (f) => f.result, source: (f) => f.sources.result },
];
const filingById = new Map(FILING_FIELDS.map((f) => [f.id, f]));
export const filingChoices = choiceMap<string>([
  ...FILING_FIELDS.map((f) => [f.id, f.id] as const),
  ["filed_date", "filed"], ["filing_date", "filed"], ["date", "filed"], ["beat_miss", "result"], ["beat", "result"], ["period", "period_end"],
]);

/** A filing's fiscal year: a well-formed year the dataset lacks is still a year (#N/A, no filing); TTM or a quarter is none. */
function filingYear(yearRaw: unknown): Result<number> {
  const period = parsePeriod(yearRaw);
  const id = period.ok ? period.value.id : period.reason.kind === "noPeriod" ? period.reason.period : null;
  if (id === null) return period as Miss;
  return id.startsWith("FY") ? ok(Number(id.slice(2))) : miss({ kind: "filingByYear", period: id, years: store.filingYears });
}

export function filingValue(yearRaw: unknown, fieldRaw: unknown): Result<Scalar> {
  const args = all(filingYear(yearRaw), parseChoice(fieldRaw, "filing field", filingChoices, FILING_FIELDS.map((f) => f.id)));
  if (!args.ok) return args;
  const [year, field] = args.value;
  const filing = store.filing(year);
  if (!filing) return miss({ kind: "noFiling", year, years: store.filingYears });
  return ok((filingById.get(field) as FilingField).get(filing));
}

type AsOfKind = "analysis" | "financials" | "version";
const ASOF = choiceMap<AsOfKind>([
  ["analysis", "analysis"], ["data", "analysis"], ["financials", "financials"], ["ttm", "financials"], ["period_end", "financials"],
  ["version", "version"],
]);

/** The dataset's version as text: its analysis as-of date and its content hash, "YYYY-MM-DD · 0123456789ab". */
export const datasetVersion = `${dataset.asOf.analysis} · ${dataset.contentHash}`;

export function asOf(whichRaw: unknown): Result<Scalar> {
  if (isOmitted(scalarOf(whichRaw))) return ok(excelSerial(dataset.asOf.analysis));
  const which = parseChoice(whichRaw, "as-of kind", ASOF, ["analysis", "financials", "version"]);
  if (!which.ok) return which;
  return which.value === "version" ? ok(datasetVersion) : ok(excelSerial(dataset.asOf[which.value]));
}
