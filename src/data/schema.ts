/**
 * The dataset's schema. Every type the add-in uses for data is inferred from here; the dataset is checked against
 * it when it is generated and when the bundle is built, never per call (the bundles import types only).
 */
import { z } from "zod";

/** A seed document's file name in seeds/, as seeds/SHA256SUMS records it. */
export const SeedFile = z.string().regex(/^[\w.-]+\.txt$/, "a seed file name: letters, digits, _ . - and .txt");
export type SeedFile = z.infer<typeof SeedFile>;

/** Where a statement comes from: a line of a seed document and the exact text quoted from it. */
export const Source = z.object({
  file: SeedFile,
  line: z.number().int().positive(),
  text: z.string().min(1),
});
export type Source = z.infer<typeof Source>;

export const Currency = z.enum(["RMB", "USD", "HKD"]);
export type Currency = z.infer<typeof Currency>;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

/** A period by its form: a fiscal year (FYyyyy), a quarter (Qn-yyyy) or the trailing twelve months (TTM). */
export const PeriodId = z.string().regex(/^(?:FY\d{4}|Q[1-4]-\d{4}|TTM)$/, "a period id: FYyyyy, Qn-yyyy or TTM");
export type PeriodId = z.infer<typeof PeriodId>;

export const Period = z.object({
  id: PeriodId,
  kind: z.enum(["fiscal_year", "ttm", "quarter"]),
  label: z.string(),
  start: IsoDate,
  end: IsoDate,
  fiscalYear: z.number().int(),
  /** The same period one year earlier, where the dataset has it. */
  priorYear: PeriodId.nullable(),
});
export type Period = z.infer<typeof Period>;

/** What a fact's number means: money (millions of its currency), per-share money, a fraction, a count or a ratio. */
export const FactKind = z.enum(["money", "per_share", "fraction", "count", "ratio", "multiple"]);
export type FactKind = z.infer<typeof FactKind>;

/**
 * How exact a figure is, as the source gave it: "9.02B" is 9,020 million known to ±5 million.
 * `halfWidth` is half the last stated digit, in the unit of `value`; the true figure lies in value ± halfWidth
 * (for "-$0.00" the interval is [-0.005, 0]).
 */
export const Precision = z.object({
  stated: z.string().min(1),
  significantDigits: z.number().int().positive(),
  halfWidth: z.number().nonnegative(),
});
export type Precision = z.infer<typeof Precision>;

export const Fact = z.object({
  id: z.string().regex(/^[a-z0-9_]+:[A-Z0-9-]+:[a-z0-9_]+$/),
  metric: z.string().regex(/^[a-z0-9_]+$/),
  period: PeriodId,
  kind: FactKind,
  /** Money in millions of `currency`; per-share money in units of `currency`; fractions as fractions (0.172). */
  value: z.number().finite(),
  currency: Currency.nullable(),
  precision: Precision,
  /** The figure other code uses when several sources state the same metric, period and currency. */
  primary: z.boolean(),
  /** Short name of where on the page the figure sits ("statement table", "peer comparison", "Qn YYYY earnings call", …). */
  section: z.string(),
  source: Source,
  /** The page states a loss or outflow as a positive amount ("net loss … RMB1.98B"); `value` is its negative. */
  negated: z.literal(true).optional(),
  /** The page gives only a bound ("over 120%"): the figure is kept and cited, but no function returns it as a value. */
  bound: z.enum(["lower", "upper"]).optional(),
  note: z.string().optional(),
});
export type Fact = z.infer<typeof Fact>;

export const Metric = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  label: z.string(),
  kind: FactKind,
  statement: z.enum(["income", "balance", "cashflow"]).nullable(),
  aliases: z.array(z.string()),
  description: z.string(),
});
export type Metric = z.infer<typeof Metric>;

/** A number on a page that is not a company fact over a period: a price, a score, a ratio of the listing. */
export const Quote = z.object({
  field: z.string().regex(/^[a-z0-9_]+$/),
  label: z.string(),
  value: z.union([z.number().finite(), z.string()]),
  unit: z.string(),
  currency: Currency.nullable(),
  precision: Precision.nullable(),
  source: Source,
  note: z.string().optional(),
});
export type Quote = z.infer<typeof Quote>;

export const Listing = z.object({
  exchange: z.enum(["NASDAQ", "HKEX"]),
  ticker: z.string(),
  currency: Currency,
  priceUnit: z.string(),
  fields: z.array(Quote),
});
export type Listing = z.infer<typeof Listing>;

export const Statement = z.object({ text: z.string(), source: Source, figures: z.array(z.string()) });
export type Statement = z.infer<typeof Statement>;

export const Profile = z.object({
  name: z.string(),
  ceo: z.string(),
  sector: z.string(),
  industry: z.string(),
  listingDate: IsoDate,
  address: z.string(),
  phone: z.string(),
  website: z.string(),
  sources: z.record(z.string(), Source),
});
export type Profile = z.infer<typeof Profile>;

/** The two pages' descriptions of the business, as written. */
export const About = z.object({ description: Statement, descriptionHk: Statement, howItMakesMoney: Statement });
export type About = z.infer<typeof About>;

export const Filing = z.object({
  fiscalYear: z.number().int(),
  form: z.literal("20-F"),
  periodEnd: IsoDate,
  filed: IsoDate,
  revenueUsdM: z.number(),
  revenueText: z.string(),
  revenueGrowth: z.number(),
  eps: z.number(),
  epsText: z.string(),
  epsGrowth: z.number(),
  result: z.enum(["Beat", "Miss", "Meet"]),
  sources: z.object({ title: Source, dates: Source, revenue: Source, eps: Source, result: Source }),
});
export type Filing = z.infer<typeof Filing>;

export const Event = z.object({
  id: z.string(),
  date: IsoDate,
  kind: z.enum(["corporate", "earnings_call", "earnings_release", "filing", "listing", "next_earnings", "analysis"]),
  title: z.string(),
  text: z.string(),
  source: Source,
  related: z.array(Source),
});
export type Event = z.infer<typeof Event>;


export const Titled = z.object({ title: z.string(), text: z.string(), source: Source, figures: z.array(z.string()) });
export type Titled = z.infer<typeof Titled>;

export const Risk = z.object({
  id: z.string(),
  kind: z.enum(["risk_factor", "negative_factor", "earnings_call_negative"]),
  title: z.string(),
  text: z.string(),
  source: Source,
  figures: z.array(z.string()),
});
export type Risk = z.infer<typeof Risk>;

export const Peer = z.object({
  list: z.enum(["revenue_ttm", "gross_margin_latest_quarter", "key_metrics", "hk_financial_indicators", "hk_performance"]),
  name: z.string().nullable(),
  ticker: z.string().nullable(),
  values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  source: Source,
  /** The other lines the row spans on the page (figure, change, rating label, …). */
  related: z.array(Source),
  note: z.string().optional(),
});
export type Peer = z.infer<typeof Peer>;

export const NextEarnings = z.object({
  date: IsoDate,
  primary: z.boolean(),
  source: Source,
  epsEstimate: z.number().nullable(),
  revenueEstimate: z.string().nullable(),
  related: z.array(Source),
});
export type NextEarnings = z.infer<typeof NextEarnings>;

/** Two sources that state different figures for the same thing, kept side by side. */
export const Conflict = z.object({
  id: z.string(),
  subject: z.string(),
  primary: Source,
  others: z.array(Source),
  why: z.string(),
});
export type Conflict = z.infer<typeof Conflict>;

/** A ratio a page states, recomputed from stored figures with interval arithmetic on their rounding. */
export const Reconciliation = z.object({
  id: z.string(),
  label: z.string(),
  stated: z.number(),
  statedHalfWidth: z.number(),
  source: Source,
  formula: z.string(),
  inputs: z.array(z.string()),
  computedLow: z.number().nullable(),
  computedHigh: z.number().nullable(),
  status: z.enum(["reconciles", "disagrees", "not_computable"]),
  note: z.string(),
  /** The KC formula that computes the same quantity from the same stored figures, where one does. */
  kc: z.string().nullable(),
});
export type Reconciliation = z.infer<typeof Reconciliation>;

/** The rules the stored figures must satisfy whatever a page says, named once; DatasetText explains each. */
export const PlausibilityRuleId = z.enum([
  "fcf_below_ocf",
  "gross_profit_within_revenue",
  "margins_within_revenue",
  "debt_within_liabilities",
  "cash_within_assets",
  "balance_sheet_sum",
  "segments_within_revenue",
  "quarter_within_period",
]);
export type PlausibilityRuleId = z.infer<typeof PlausibilityRuleId>;

/** A rule as the pane explains it: an accounting identity (the figures cannot all be true) or an order of magnitude. */
export const PlausibilityRule = z.object({ id: PlausibilityRuleId, label: z.string(), kind: z.enum(["identity", "magnitude"]), text: z.string() });
export type PlausibilityRule = z.infer<typeof PlausibilityRule>;

/**
 * One rule applied to one period's stored figures (the facts `inputs` names), with interval arithmetic on their
 * rounding: it fails only where no figures within the rounding satisfy it, and then `note` says what is wrong.
 */
export const Plausibility = z
  .object({
    rule: PlausibilityRuleId,
    period: PeriodId,
    inputs: z.array(z.string()).min(1),
    status: z.enum(["passes", "fails"]),
    note: z.string().min(1).optional(),
  })
  .refine((p) => (p.status === "fails") === (p.note !== undefined), "a failing check, and only a failing one, says why in a note");
export type Plausibility = z.infer<typeof Plausibility>;

export const FxRate = z.object({
  period: PeriodId,
  base: z.literal("USD"),
  quote: z.literal("RMB"),
  rate: z.number().positive(),
  low: z.number().positive(),
  high: z.number().positive(),
  derivation: z.string(),
  inputs: z.array(z.string()),
});
export type FxRate = z.infer<typeof FxRate>;

export const EarningsCall = z.object({
  date: IsoDate,
  quarter: PeriodId,
  sentiment: z.string(),
  summary: Statement,
  positives: z.array(Titled),
  negatives: z.array(Titled),
  guidance: Statement,
  source: Source,
});
export type EarningsCall = z.infer<typeof EarningsCall>;

/** What the custom functions need: figures, quotes, filings, rates, stated-ratio checks, events. Bundled into functions.js. */
export const DatasetCore = z.object({
  company: z.string(),
  asOf: z.object({ analysis: IsoDate, financials: IsoDate, source: Source }),
  /** Names this dataset's content: the first 12 hex digits of the SHA-256 over every other field of both files. */
  contentHash: z.string().regex(/^[0-9a-f]{12}$/, "12 lowercase hex digits"),
  seeds: z.array(z.object({ file: SeedFile, title: z.string(), listing: z.string(), sha256: z.string() })),
  periods: z.array(Period),
  profile: Profile,
  metrics: z.array(Metric),
  facts: z.array(Fact),
  listings: z.array(Listing),
  rating: z.array(Quote),
  technicals: z.array(Quote),
  scores: z.array(Quote),
  trends: z.array(Quote),
  filings: z.array(Filing),
  nextEarnings: z.array(NextEarnings),
  conflicts: z.array(Conflict),
  fx: z.array(FxRate),
  /** Each ratio the pages state, against the same ratio computed from the stored figures: read by KC.CARD's card and the pane. */
  reconciliations: z.array(Reconciliation),
  /** One timeline, newest first: corporate events, the earnings call, filings, the listing, next earnings (KC.EVENTS). */
  events: z.array(Event),
  /** The count and top category of the risk factors the analysis page reports (KC.PROFILE). */
  riskSummary: z.object({ count: z.number().int(), topCategory: z.string(), categoryDescription: z.string(), newRisks: z.number().int(), sources: z.array(Source) }),
  /** Capital actions the pages state without a period: the share placing and the latest share grant (KC.PROFILE). */
  capital: z.array(Quote),
  /** The plausibility checks that fail (DatasetText has every check): read by KC.SOURCE, KC.CARD and the audit. */
  implausible: z.array(Plausibility),
});
export type DatasetCore = z.infer<typeof DatasetCore>;

/** What a reader browses: prose, risks, peers. Bundled into the task pane only. */
export const DatasetText = z.object({
  about: About,
  earningsCall: EarningsCall,
  highlights: z.array(Titled),
  outlook: z.array(Titled),
  risks: z.array(Risk),
  positiveFactors: z.array(Titled),
  ratingSummary: Statement,
  statementSummaries: z.array(Titled),
  peers: z.array(Peer),
  /** Every plausibility rule, and each applied to every period with the figures it needs, passing or failing. */
  plausibilityRules: z.array(PlausibilityRule),
  plausibility: z.array(Plausibility),
});
export type DatasetText = z.infer<typeof DatasetText>;

export const Dataset = DatasetCore.extend(DatasetText.shape);
export type Dataset = z.infer<typeof Dataset>;
