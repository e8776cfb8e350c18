/** Margins, growth, CAGR and balance-sheet ratios, computed from the stored figures in one currency. */
import { amount } from "./figures";
import { choiceMap, parseChoice } from "./choices";
import { parseMetric } from "./metrics";
import { isOmitted, scalarOf } from "./normalize";
import { parsePeriod } from "./periods";
import { miss, type StatedGrowth } from "./reasons";
import { all, ok, type Result } from "./result";
import type { Metric, Period } from "./schema";
import { fiscalYears, latestFiscalYear, store } from "./store";
import { clean } from "./units";

/** numerator / denominator for one period, both in the numerator's reported currency. */
export function quotient(top: Metric, bottom: Metric, period: Period): Result<number> {
  const a = amount(top, period, null);
  if (!a.ok) return a;
  const b = amount(bottom, period, a.value.currency);
  if (!b.ok) return b;
  if (b.value.value === 0) return miss({ kind: "zeroBase", label: bottom.label, period: period.label });
  return ok(clean(a.value.value / b.value.value), [...a.value.facts, ...b.value.facts], [...a.value.notes, ...b.value.notes]);
}

const metric = (id: string) => store.metric(id) as Metric;

export const MARGINS = {
  gross: "gross_profit",
  ebitda: "ebitda",
  net: "net_income",
  fcf: "free_cash_flow",
  ocf: "operating_cash_flow",
  non_gaap_ebitda: "non_gaap_ebitda",
} as const;
export const marginChoices = choiceMap<keyof typeof MARGINS>([
  ...Object.keys(MARGINS).map((k) => [k, k as keyof typeof MARGINS] as const),
  ["gross_margin", "gross"], ["net_margin", "net"], ["ebitda_margin", "ebitda"], ["free_cash_flow", "fcf"], ["operating_cash_flow", "ocf"],
  ["adjusted_ebitda", "non_gaap_ebitda"],
]);

export function margin(kindRaw: unknown, periodRaw: unknown): Result<number> {
  const args = all(parseChoice(kindRaw, "margin", marginChoices, Object.keys(MARGINS)), parsePeriod(periodRaw));
  return args.ok ? quotient(metric(MARGINS[args.value[0]]), metric("revenue"), args.value[1]) : args;
}

export const RATIOS = {
  debt_to_equity: ["total_debt", "total_equity"],
  debt_to_assets: ["total_debt", "total_assets"],
  liabilities_to_assets: ["total_liabilities", "total_assets"],
  liabilities_to_equity: ["total_liabilities", "total_equity"],
  equity_ratio: ["total_equity", "total_assets"],
  roe: ["net_income", "total_equity"],
  roa: ["net_income", "total_assets"],
  cash_to_debt: ["cash_and_short_term_investments", "total_debt"],
  ocf_to_net_income: ["operating_cash_flow", "net_income"],
  fcf_to_net_income: ["free_cash_flow", "net_income"],
  asset_turnover: ["revenue", "total_assets"],
} as const;
export const ratioChoices = choiceMap<keyof typeof RATIOS>(Object.keys(RATIOS).map((k) => [k, k as keyof typeof RATIOS] as const));

export function ratio(nameRaw: unknown, periodRaw: unknown): Result<number> {
  const name = scalarOf(nameRaw);
  if (typeof name === "string" && name.includes("/")) {
    const parts = name.split("/");
    if (parts.length !== 2) return miss({ kind: "ratioFormat", value: name });
    const args = all(parseMetric(parts[0]), parseMetric(parts[1]), parsePeriod(periodRaw));
    return args.ok ? quotient(...args.value) : args;
  }
  const args = all(parseChoice(name, "ratio", ratioChoices, [...Object.keys(RATIOS), "metric_a/metric_b"]), parsePeriod(periodRaw));
  if (!args.ok) return args;
  const [top, bottom] = RATIOS[args.value[0]];
  return quotient(metric(top), metric(bottom), args.value[1]);
}

/** The growth a page states for a metric and period, when the dataset cannot compute it (no year-earlier figure). */
function statedGrowth(m: Metric, period: Period): StatedGrowth | undefined {
  const id = `${m.id}_growth`;
  const stated = store.metric(id);
  const fact = stated ? store.fact(id, period.id, null) : undefined;
  if (!stated || !fact) return undefined;
  return {
    metric: id,
    label: stated.label,
    periodId: period.id,
    percent: `${clean(fact.value * 100)}%`,
    bound: fact.bound ? fact.source.text : null,
    disputed: store.facts(id, period.id, null).some((f) => f.value !== fact.value),
  };
}

/**
 * A base period given explicitly must be of the same length and end before the period: KC.GROWTHRATE("revenue","FY-4",
 * "FY0") read as "from FY-4 to FY0" would otherwise answer a plausible number for the wrong question.
 */
function baseBefore(m: Metric, period: Period, base: Period): Result<true> {
  if ((period.kind === "quarter") !== (base.kind === "quarter")) return miss({ kind: "growthLengths", period: period.label, periodIsQuarter: period.kind === "quarter", base: base.label });
  if (base.end < period.end) return ok(true);
  return miss({ kind: "baseNotBefore", period: period.label, base: base.label, swapped: `=KC.GROWTHRATE("${m.id}", "${base.id}", "${period.id}")` });
}

/** Change against a base; against a negative base it is (new − base) / |base|, so a smaller loss is growth. */
export function growth(metricRaw: unknown, periodRaw: unknown, baseRaw: unknown): Result<number> {
  const m = parseMetric(metricRaw);
  if (!m.ok) return m;
  const period = parsePeriod(periodRaw);
  if (!period.ok) return period;
  let base: Period;
  if (isOmitted(scalarOf(baseRaw))) {
    const prior = period.value.priorYear ? store.period(period.value.priorYear) : undefined;
    if (!prior) return miss({ kind: "noPriorYear", period: period.value.label, stated: statedGrowth(m.value, period.value) });
    base = prior;
  } else {
    const b = parsePeriod(baseRaw);
    if (!b.ok) return b;
    base = b.value;
    const order = baseBefore(m.value, period.value, base);
    if (!order.ok) return order;
  }
  const now = amount(m.value, period.value, null);
  if (!now.ok) return now;
  const then = amount(m.value, base, now.value.currency);
  if (!then.ok) return then;
  if (then.value.value === 0) return miss({ kind: "zeroBase", label: m.value.label, period: base.label });
  const change = (now.value.value - then.value.value) / Math.abs(then.value.value);
  return ok(clean(change), [...now.value.facts, ...then.value.facts], [...now.value.notes, ...then.value.notes]);
}

export function cagr(metricRaw: unknown, fromRaw: unknown, toRaw: unknown): Result<number> {
  const args = all(parseMetric(metricRaw), parsePeriod(fromRaw), parsePeriod(toRaw));
  if (!args.ok) return args;
  const [m, from, to] = args.value;
  const years = to.fiscalYear - from.fiscalYear;
  if (from.kind !== "fiscal_year" || to.kind !== "fiscal_year") return miss({ kind: "cagrNeedsYears", first: (fiscalYears[0] as Period).fiscalYear, last: latestFiscalYear.fiscalYear });
  if (years <= 0) return miss({ kind: "cagrOrder", metric: m.id, from: from.label, to: to.label });
  const a = amount(m, from, null);
  if (!a.ok) return a;
  const b = amount(m, to, a.value.currency);
  if (!b.ok) return b;
  if (a.value.value <= 0 || b.value.value <= 0) return miss({ kind: "cagrNeedsPositive", label: m.label });
  return ok(clean(Math.pow(b.value.value / a.value.value, 1 / years) - 1), [...a.value.facts, ...b.value.facts]);
}
