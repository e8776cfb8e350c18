/** Indexes over the bundled dataset, built once when the bundle loads; every lookup after that is a Map get. */
import { dataset } from "./dataset";
import { normalizeName } from "./normalize";
import type { Conflict, Currency, Fact, Filing, FxRate, Metric, Period, PeriodId, Quote } from "./schema";

const key = (metric: string, period: string, currency: string | null) => `${metric}|${period}|${currency ?? ""}`;

const primary = new Map<string, Fact>();
const all = new Map<string, Fact[]>();
const currencies = new Map<string, string[]>();
const periodsWith = new Map<string, PeriodId[]>();
for (const f of dataset.facts) {
  const k = key(f.metric, f.period, f.currency);
  const statements = all.get(k) ?? [];
  if (f.primary) statements.unshift(f);
  else statements.push(f);
  all.set(k, statements);
  if (!f.primary) continue;
  primary.set(k, f);
  const mp = `${f.metric}|${f.period}`;
  if (f.currency) currencies.set(mp, [...(currencies.get(mp) ?? []), f.currency]);
  const ps = periodsWith.get(f.metric) ?? [];
  if (!ps.includes(f.period)) periodsWith.set(f.metric, [...ps, f.period]);
}

/**
 * The currency a metric answers in when no currency is asked for, the same for every period: RMB, the reporting
 * currency, for any metric the sources state in RMB at all; otherwise the one currency they state it in (EPS: USD).
 */
const reporting = new Map<string, Currency>();
for (const f of dataset.facts) {
  if (!f.primary || !f.currency) continue;
  if (f.currency === "RMB" || !reporting.has(f.metric)) reporting.set(f.metric, f.currency);
}

const order = new Map(dataset.periods.map((p, i) => [p.id, i]));
const byPeriod = new Map<string, Period>(dataset.periods.map((p) => [p.id, p]));
const metricById = new Map<string, Metric>(dataset.metrics.map((m) => [m.id, m]));
const metricByName = new Map<string, Metric>();
for (const m of dataset.metrics) for (const name of [m.id, ...m.aliases]) metricByName.set(normalizeName(name), m);
const fx = new Map<string, FxRate>(dataset.fx.map((r) => [r.period, r]));
const filings = new Map<number, Filing>(dataset.filings.map((f) => [f.fiscalYear, f]));
const conflicts = new Map<string, Conflict>(dataset.conflicts.map((c) => [c.id, c]));

/** Periods in time order; TTM, which ends with the latest quarter, sorts last. */
export const periods: readonly Period[] = [...dataset.periods].sort((a, b) => a.end.localeCompare(b.end) || (a.kind === "ttm" ? 1 : -1));
export const fiscalYears: readonly Period[] = periods.filter((p) => p.kind === "fiscal_year");
export const latestFiscalYear = fiscalYears[fiscalYears.length - 1] as Period;
export const periodIds: readonly string[] = periods.map((p) => p.id);

export const store = {
  period: (id: string): Period | undefined => byPeriod.get(id),
  metric: (id: string): Metric | undefined => metricById.get(id),
  metricByName: (name: string): Metric | undefined => metricByName.get(normalizeName(name)),
  metricIds: dataset.metrics.map((m) => m.id),
  /** The figure other code uses for a metric, period and currency. */
  fact: (metric: string, period: string, currency: string | null): Fact | undefined => primary.get(key(metric, period, currency)),
  /** Every statement of a metric for a period in a currency, primary first. */
  facts: (metric: string, period: string, currency: string | null): readonly Fact[] => all.get(key(metric, period, currency)) ?? [],
  /** Currencies a money figure is stated in for a period, in dataset order (RMB first where the statements give it). */
  currencies: (metric: string, period: string): readonly string[] => currencies.get(`${metric}|${period}`) ?? [],
  periodsOf: (metric: string): readonly string[] => [...(periodsWith.get(metric) ?? [])].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
  reportingCurrency: (metric: string): Currency | null => reporting.get(metric) ?? null,
  fx: (period: string): FxRate | undefined => fx.get(period),
  /** The periods with an implied exchange rate, in time order. */
  fxPeriods: periodIds.filter((id) => fx.has(id)),
  filing: (year: number): Filing | undefined => filings.get(year),
  filingYears: dataset.filings.map((f) => f.fiscalYear).sort(),
  conflict: (id: string): Conflict | undefined => conflicts.get(id),
  quotes: (): readonly Quote[] => [...dataset.listings.flatMap((l) => l.fields), ...dataset.rating, ...dataset.technicals, ...dataset.scores, ...dataset.trends, ...dataset.capital],
};
