/* eslint-disable @typescript-eslint/no-explicit-any -- any[][] is how custom-functions metadata spells a spilled range */
/**
 * The KC custom functions. Each is a one-line shell over the pure library (src/data/kc.ts, whose names and parameters
 * are src/data/spec.ts): `excel()` reads Excel's arguments (including cells that hold data types), remembers answers
 * and turns a miss into #VALUE! (bad argument) or #N/A (data the dataset lacks) with a message; an exception is a
 * fault, reported on the console (faults.ts) and shown as #VALUE!. The JSDoc below is what analysts read in Excel's
 * autocomplete; functions.json is generated from it at build time, and a test holds it to the spec.
 */
import { companyEntity, figureCard } from "../data/data-types";
import { ok } from "../data/result";
import { supports } from "../office/requirements";
import { excel } from "./excel-function";
import "./share-library";

const REVENUE = excel("REVENUE");
const FIGURE = excel("FIGURE");
const MARGIN = excel("MARGIN");
const GROWTHRATE = excel("GROWTHRATE");
const CAGR = excel("CAGR");
const RATIO = excel("RATIO");
const HISTORY = excel("HISTORY");
const STATEMENT = excel("STATEMENT");
const PERIODS = excel("PERIODS");
const PROFILE = excel("PROFILE");
const FILING = excel("FILING");
const SOURCE = excel("SOURCE");
const FXRATE = excel("FXRATE");
const CONFLICTS = excel("CONFLICTS");
const EVENTS = excel("EVENTS");
const METRICS = excel("METRICS");
const FIELDS = excel("FIELDS");
const ASOF = excel("ASOF");
const COMPANY = excel("COMPANY", () => ok(companyEntity(supports("ExcelApi", "1.19") ? "1.19" : "1.16")));
const CARD = excel("CARD", figureCard);

/**
 * Total revenue for a period in RMB millions (the reporting currency, for every period) unless a currency is asked for. Example: =KC.REVENUE("FY0"), the latest fiscal year.
 * @customfunction REVENUE
 * @helpurl https://localhost:3000/help.html#kc-revenue
 * @param period Fiscal year (YYYY, "FY YYYY", "FY yy", "FY0" the latest, "FY-1" the one before), "TTM", or a quarter ("Qn YYYY").
 * @param [currency] "RMB" (default), "USD" or "HKD". Uses the figure the sources state in that currency, else the implied RMB-per-USD rate; #N/A naming the formula for the stated currency where none exists.
 * @param [units] "M" millions (default), "B" billions, "K" thousands or "units", as text (a number such as 1 is refused).
 * @returns Revenue in the requested currency and units.
 */
export function revenue(period: string | number, currency?: string, units?: string): number {
  return REVENUE(period, currency, units) as number;
}

/**
 * Any stored figure; money in millions of its reporting currency for every period (RMB; EPS in USD per ADS), margins and shares as fractions. Example: =KC.FIGURE("gross_profit", "FY-1"), the fiscal year before the latest.
 * @customfunction FIGURE
 * @helpurl https://localhost:3000/help.html#kc-figure
 * @param metric Metric id or alias, e.g. "revenue", "gross_profit", "net_income", "total_debt", "fcf", "eps", "ai_gross_billings", "premium_customers".
 * @param period Fiscal year (YYYY, "FY YYYY", "FY yy", "FY0" the latest, "FY-1" the one before), "TTM", or a quarter ("Qn YYYY").
 * @param [currency] "RMB", "USD" or "HKD" for money figures; leave empty for the reporting currency.
 * @param [units] "M" millions (default), "B", "K" or "units" for money figures, as text (a number such as 1 is refused).
 * @returns The figure.
 */
export function figure(metric: string, period: string | number, currency?: string, units?: string): number {
  return FIGURE(metric, period, currency, units) as number;
}

/**
 * A margin as a fraction of revenue for a period, computed from the stored figures. Example: =KC.MARGIN("gross", "TTM").
 * @customfunction MARGIN
 * @helpurl https://localhost:3000/help.html#kc-margin
 * @param kind "gross", "ebitda", "net", "fcf", "ocf" or "non_gaap_ebitda".
 * @param period Fiscal year, "TTM" or a quarter.
 * @returns The margin as a fraction (format the cell as a percentage).
 */
export function margin(kind: string, period: string | number): number {
  return MARGIN(kind, period) as number;
}

/**
 * Growth of a metric against one year earlier (or a base period), as a fraction. Against a negative base: (new − base) / |base|. Example: =KC.GROWTHRATE("revenue", "FY0"), the latest fiscal year against the one before.
 * @customfunction GROWTHRATE
 * @helpurl https://localhost:3000/help.html#kc-growthrate
 * @param metric Metric id or alias, e.g. "revenue", "gross_profit", "net_income".
 * @param period The later period: a fiscal year, "TTM" or a quarter.
 * @param [base_period] An earlier period as long as period (a quarter for a quarter); default: the fiscal year before (TTM and quarters have none in the dataset: #N/A names the growth the sources state).
 * @returns The change as a fraction.
 */
export function growthRate(metric: string, period: string | number, base_period?: string | number): number {
  return GROWTHRATE(metric, period, base_period) as number;
}

/**
 * Compound annual growth rate between two fiscal years, as a fraction. Example: =KC.CAGR("revenue", "FY-4", "FY0"), over the four years to the latest.
 * @customfunction CAGR
 * @helpurl https://localhost:3000/help.html#kc-cagr
 * @param metric Metric id or alias with positive values at both ends, e.g. "revenue", "total_assets".
 * @param from_period The first fiscal year, e.g. "FY-4" (four years before the latest) or YYYY.
 * @param to_period The last fiscal year, after from_period, e.g. "FY0" (the latest) or YYYY.
 * @returns The CAGR as a fraction.
 */
export function cagr(metric: string, from_period: string | number, to_period: string | number): number {
  return CAGR(metric, from_period, to_period) as number;
}

/**
 * A financial ratio for a period, computed from the stored figures. Example: =KC.RATIO("debt_to_equity", "TTM").
 * @customfunction RATIO
 * @helpurl https://localhost:3000/help.html#kc-ratio
 * @param name "debt_to_equity", "debt_to_assets", "liabilities_to_assets", "liabilities_to_equity", "equity_ratio", "roe", "roa", "cash_to_debt", "ocf_to_net_income", "fcf_to_net_income", "asset_turnover", or "metric_a/metric_b".
 * @param period Fiscal year, "TTM" or a quarter.
 * @returns The ratio (a fraction for shares of a whole).
 */
export function ratio(name: string, period: string | number): number {
  return RATIO(name, period) as number;
}

/**
 * A metric over a run of fiscal years, oldest to newest, spilled across a row (optionally ending with "TTM"). Example: =KC.HISTORY("revenue", "FY-4", "TTM").
 * @customfunction HISTORY
 * @helpurl https://localhost:3000/help.html#kc-history
 * @param metric Metric id or alias, e.g. "revenue", "net_income", "free_cash_flow".
 * @param from_period First fiscal year, e.g. "FY-4" (four years before the latest) or YYYY.
 * @param to_period Last fiscal year, or "TTM" to end with the trailing twelve months.
 * @param [currency] "RMB", "USD" or "HKD"; default: the reporting currency.
 * @param [units] "M" millions (default), "B", "K" or "units", as text (a number such as 1 is refused).
 * @returns One row of figures.
 */
export function history(metric: string, from_period: string | number, to_period: string | number, currency?: string, units?: string): any[][] {
  return HISTORY(metric, from_period, to_period, currency, units) as any[][];
}

/**
 * A whole statement spilled as a table: a header row of periods (the fiscal years, oldest to newest, then TTM) and a label column. Example: =KC.STATEMENT("income").
 * @customfunction STATEMENT
 * @helpurl https://localhost:3000/help.html#kc-statement
 * @param name "income", "balance" or "cashflow".
 * @param [currency] "RMB" (default), "USD" or "HKD".
 * @param [units] "M" millions (default), "B", "K" or "units", as text (a number such as 1 is refused).
 * @returns The statement with headers.
 */
export function statement(name: string, currency?: string, units?: string): any[][] {
  return STATEMENT(name, currency, units) as any[][];
}

/**
 * The periods the dataset has, oldest to newest, spilled down a column: the fiscal years ("FY" and the year), the quarters ("Qn-YYYY"), then "TTM".
 * @customfunction PERIODS
 * @helpurl https://localhost:3000/help.html#kc-periods
 * @returns One column of period ids.
 */
export function periods(): any[][] {
  return PERIODS() as any[][];
}

/**
 * Company profile, market data of both listings, rating, technicals and scores. Market fields name their currency: "market_cap_usd" (NASDAQ, USD millions), "last_price_hkd" (HKEX, HKD per share). Dates are Excel dates.
 * @customfunction PROFILE
 * @helpurl https://localhost:3000/help.html#kc-profile
 * @param field e.g. "name", "ceo", "sector", "industry", "listing_date", "market_cap_usd", "pe_ttm", "52w_high_usd", "52w_low_usd", "last_price_hkd", "price_target_hkd", "rating", "ai_score", "rsi", "f_score", "next_earnings".
 * @returns The value: text, a number or an Excel date.
 */
export function profile(field: string): any {
  return PROFILE(field);
}

/**
 * A field of the Form 20-F annual report for a fiscal year. Example: =KC.FILING("FY0", "filed"), the day the latest fiscal year's report was filed (an Excel date).
 * @customfunction FILING
 * @helpurl https://localhost:3000/help.html#kc-filing
 * @param fiscal_year A fiscal year with a Form 20-F: YYYY, "FY YYYY", "FY0" the latest or "FY-1" the one before.
 * @param field "form", "fiscal_year", "period_end", "filed", "revenue" (USD millions), "revenue_growth", "eps" (USD per ADS), "eps_growth" or "result" (Beat/Miss).
 * @returns The value: text, a number or an Excel date.
 */
export function filing(fiscal_year: string | number, field: string): any {
  return FILING(fiscal_year, field);
}

/**
 * Where a figure comes from: the seed file, line and quoted text, every other source for it, any conflict or conversion, and each check it fails (a stated ratio the figures do not give, a plausibility rule they break).
 * @customfunction SOURCE
 * @helpurl https://localhost:3000/help.html#kc-source
 * @param metric Metric id or alias, e.g. "net_income".
 * @param period Fiscal year, "TTM" or a quarter.
 * @param [currency] The currency asked of KC.FIGURE, if any.
 * @returns A citation as text.
 */
export function source(metric: string, period: string | number, currency?: string): string {
  return SOURCE(metric, period, currency) as string;
}

/**
 * RMB per USD implied for a period by the revenue the pages state in both currencies (fiscal years and TTM). Example: =KC.FXRATE("FY0").
 * @customfunction FXRATE
 * @helpurl https://localhost:3000/help.html#kc-fxrate
 * @param period Fiscal year or "TTM".
 * @returns RMB per USD.
 */
export function fxRate(period: string | number): number {
  return FXRATE(period) as number;
}

/**
 * Every disagreement between the two source documents, one row per statement with a header row: subject, the value stated (a number or an Excel date), as stated, whether it is the primary source, the source line, and why the primary was chosen.
 * @customfunction CONFLICTS
 * @helpurl https://localhost:3000/help.html#kc-conflicts
 * @returns A table of conflicting statements.
 */
export function conflicts(): any[][] {
  return CONFLICTS() as any[][];
}

/**
 * Every dated event of both pages, newest first, with a header row: date (an Excel date), kind, event, details and the source line. Corporate events, the latest earnings call, Form 20-F filings, the listing and both stated next-earnings dates.
 * @customfunction EVENTS
 * @helpurl https://localhost:3000/help.html#kc-events
 * @returns A table of events.
 */
export function events(): any[][] {
  return EVENTS() as any[][];
}

/**
 * Every metric KC.FIGURE takes, spilled with a header row: the name to type, its label, unit (money in millions), the currency it is reported in, the periods it has and the other names it accepts. Example: =KC.METRICS().
 * @customfunction METRICS
 * @helpurl https://localhost:3000/help.html#kc-metrics
 * @returns A table of metrics.
 */
export function metrics(): any[][] {
  return METRICS() as any[][];
}

/**
 * Every field KC.PROFILE takes, spilled with a header row: the name to type, its label, the listing (NASDAQ or HKEX) and currency of a market figure, and its unit. Example: =KC.FIELDS().
 * @customfunction FIELDS
 * @helpurl https://localhost:3000/help.html#kc-fields
 * @returns A table of profile fields.
 */
export function fields(): any[][] {
  return FIELDS() as any[][];
}

/**
 * The dataset's as-of date as an Excel date: the analysis date by default, or "financials" for the end of the TTM period; "version" gives the dataset's version as text, its analysis date and content hash ("YYYY-MM-DD · " and 12 hex digits), which changes whenever any figure or text does.
 * @customfunction ASOF
 * @helpurl https://localhost:3000/help.html#kc-asof
 * @param [which] "analysis" (default), "financials" or "version".
 * @returns An Excel date, or text for "version".
 */
export function asof(which?: string): any {
  return ASOF(which);
}

/**
 * Kingsoft Cloud as a data type: a card with its profile, both listings, rating and target, next earnings, the latest FY and TTM figures and the as-of date, each with its source line. =A1.Revenue reads a field. Needs Excel with CustomFunctionsRuntime 1.4 and ExcelApi 1.16; elsewhere the company's name as text.
 * @customfunction COMPANY
 * @helpurl https://localhost:3000/help.html#kc-company
 * @returns {any} An entity (a card), or the company's name as text.
 */
export function company(): any {
  return COMPANY();
}

/**
 * The number KC.FIGURE answers, carrying a card: metric, period, currency, units, source quote and line, any conflict and checks. It computes like a number. Needs CustomFunctionsRuntime 1.4 and ExcelApi 1.19; elsewhere the plain number.
 * @customfunction CARD
 * @helpurl https://localhost:3000/help.html#kc-card
 * @param metric Metric id or alias, as KC.FIGURE takes it, e.g. "revenue", "net_income".
 * @param period Fiscal year (YYYY, "FY YYYY", "FY0" the latest), "TTM", or a quarter ("Qn YYYY").
 * @param [currency] "RMB", "USD" or "HKD" for money figures, as KC.FIGURE takes it.
 * @param [units] "M" millions (default), "B", "K" or "units", as text.
 * @returns {any} The figure as a number with a card, or the plain number.
 */
export function card(metric: string, period: string | number, currency?: string, units?: string): any {
  return CARD(metric, period, currency, units);
}
