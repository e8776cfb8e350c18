/** A stored figure in the currency and units asked for: stated where the pages state it, else converted. */
import { buildFormula } from "./formula";
import { parseMetric } from "./metrics";
import { parsePeriod } from "./periods";
import { miss } from "./reasons";
import { all, ok, type Result } from "./result";
import type { Currency, Fact, Metric, Period } from "./schema";
import { store } from "./store";
import { clean, parseCurrency, parseScale, UNITS_ARGUMENT } from "./units";

export type Amount = { readonly value: number; readonly currency: Currency | null; readonly facts: readonly Fact[]; readonly notes: readonly string[] };

const isMoney = (m: Metric) => m.kind === "money" || m.kind === "per_share";

/** RMB per unit of `currency` for a period: derived from the two revenue figures (see the dataset's fx). */
function rmbPer(currency: Currency, period: Period): Result<{ rate: number; note: string }> {
  if (currency === "RMB") return ok({ rate: 1, note: "" });
  const fx = currency === "USD" ? store.fx(period.id) : undefined;
  if (!fx) return miss({ kind: "noRate", period: period.label, currency, available: store.fxPeriods });
  return ok({ rate: fx.rate, note: `Converted at ${fx.rate.toFixed(4)} RMB per USD, implied by ${fx.derivation}.` });
}

const noFigure = (metric: Metric, period: Period) => miss({ kind: "noFigure", label: metric.label, period: period.label, available: store.periodsOf(metric.id) });

/** The metric's figure for a period in `currency` (null: as reported), in millions for money. */
export function amount(metric: Metric, period: Period, currency: Currency | null): Result<Amount> {
  const stated = store.currencies(metric.id, period.id);
  if (!isMoney(metric)) {
    if (currency) return miss({ kind: "currencyNotMoney", label: metric.label });
    const f = store.fact(metric.id, period.id, null);
    if (!f) return noFigure(metric, period);
    if (f.bound) return miss({ kind: "onlyBound", label: metric.label, period: period.label, text: f.source.text });
    return ok({ value: f.value, currency: null, facts: [f], notes: [] });
  }
  if (stated.length === 0) return noFigure(metric, period);
  const wanted = currency ?? (stated[0] as Currency);
  const direct = store.fact(metric.id, period.id, wanted);
  if (direct) return ok({ value: direct.value, currency: wanted, facts: [direct], notes: [] });
  for (const from of stated as Currency[]) {
    const f = store.fact(metric.id, period.id, from) as Fact;
    const a = rmbPer(from, period);
    const b = rmbPer(wanted, period);
    if (!a.ok || !b.ok) continue;
    const value = clean((f.value * a.value.rate) / b.value.rate);
    return ok({ value, currency: wanted, facts: [f], notes: [a.value.note || b.value.note] });
  }
  return miss({ kind: "noCurrency", label: metric.label, period: period.label, currency: wanted, have: stated });
}

/** The function a figure was asked of, to name the formula that answers in another currency. */
export type FigureCall = "REVENUE" | "FIGURE" | "CARD";

/** KC.FIGURE's core: metric, period, currency and units as typed. */
export function figure(metricRaw: unknown, periodRaw: unknown, currencyRaw: unknown, unitsRaw: unknown, call: FigureCall = "FIGURE"): Result<number> {
  const args = all(parseMetric(metricRaw), parsePeriod(periodRaw), parseCurrency(currencyRaw), parseScale(unitsRaw));
  return args.ok ? scaled(...args.value, call) : args;
}

/**
 * A figure in `currency` and units. Without a currency, money answers in the metric's reporting currency for every
 * period (RMB), never in whichever currency a period happens to be stated in: where a period states it only in another
 * currency and no rate converts it, the answer is #N/A naming that currency and the formula that returns it.
 */
export function scaled(metric: Metric, period: Period, currency: Currency | null, scale: number | null, call: FigureCall = "FIGURE"): Result<number> {
  if (scale !== null && metric.kind !== "money") {
    return miss({ kind: metric.kind === "per_share" ? "perShareUnits" : "currencyNotMoney", label: metric.label });
  }
  const reporting = currency === null && isMoney(metric) ? store.reportingCurrency(metric.id) : null;
  const a = amount(metric, period, currency ?? reporting);
  if (!a.ok && reporting !== null) {
    const have = store.currencies(metric.id, period.id).find((c) => c !== reporting);
    if (have) {
      const unitsArg = scale === null ? null : (UNITS_ARGUMENT.get(scale) ?? null);
      const args = call === "REVENUE" ? [period.id, have, unitsArg] : [metric.id, period.id, have, unitsArg];
      return miss({ kind: "onlyInOtherCurrency", label: metric.label, period: period.label, reporting, have, formula: buildFormula(call, args) });
    }
  }
  if (!a.ok) return a;
  return ok(scale === null ? a.value.value : clean(a.value.value * scale), a.value.facts, a.value.notes);
}
