/** Spilled ranges: a metric over a run of periods, a whole statement, the list of periods. */
import { dataset } from "./dataset";
import { scaled } from "./figures";
import { choiceMap, parseChoice } from "./choices";
import { parseMetric } from "./metrics";
import { parsePeriod } from "./periods";
import { miss } from "./reasons";
import { all, ok, type Result, type Scalar } from "./result";
import type { Fact, Metric, Period } from "./schema";
import { fiscalYears, periods, store } from "./store";
import { parseCurrency, parseScale, scaleWords } from "./units";

/** Fiscal years from `from` to `to`, oldest first; `to` may be TTM, which follows the last fiscal year. */
function run(metric: Metric, from: Period, to: Period): Result<Period[]> {
  if (from.kind !== "fiscal_year" || (to.kind !== "fiscal_year" && to.kind !== "ttm")) return miss({ kind: "seriesKinds" });
  const last = to.kind === "ttm" ? Infinity : to.fiscalYear;
  if (from.fiscalYear > last) return miss({ kind: "seriesOrder", metric: metric.id, from: from.label, to: to.label });
  const years = fiscalYears.filter((p) => p.fiscalYear >= from.fiscalYear && p.fiscalYear <= last);
  return ok(to.kind === "ttm" ? [...years, to] : years);
}

export function series(metricRaw: unknown, fromRaw: unknown, toRaw: unknown, currencyRaw: unknown, unitsRaw: unknown): Result<Scalar[][]> {
  const args = all(parseMetric(metricRaw), parsePeriod(fromRaw), parsePeriod(toRaw), parseCurrency(currencyRaw), parseScale(unitsRaw));
  if (!args.ok) return args;
  const [metric, from, to, currency, scale] = args.value;
  const span = run(metric, from, to);
  if (!span.ok) return span;
  const row: number[] = [];
  const facts: Fact[] = [];
  for (const period of span.value) {
    const value = scaled(metric, period, currency, scale);
    if (!value.ok) return value;
    row.push(value.value);
    facts.push(...value.facts);
  }
  return ok([row], facts);
}

export const STATEMENTS = choiceMap<"income" | "balance" | "cashflow">([
  ["income", "income"], ["income_statement", "income"], ["pl", "income"], ["p&l", "income"],
  ["balance", "balance"], ["balance_sheet", "balance"], ["bs", "balance"],
  ["cashflow", "cashflow"], ["cash_flow", "cashflow"], ["cash_flow_statement", "cashflow"], ["cf", "cashflow"],
]);

/** A statement as a grid: a header row of periods (oldest → newest, then TTM) and one row per line item. */
export function statement(nameRaw: unknown, currencyRaw: unknown, unitsRaw: unknown): Result<Scalar[][]> {
  const args = all(parseChoice(nameRaw, "statement", STATEMENTS, ["income", "balance", "cashflow"]), parseCurrency(currencyRaw), parseScale(unitsRaw));
  if (!args.ok) return args;
  const [name, currency, scale] = args.value;
  const columns = [...fiscalYears, store.period("TTM") as Period];
  const grid: Scalar[][] = [[`${currency ?? "RMB"} ${scaleWords(scale)}`, ...columns.map((p) => p.id)]];
  const facts: Fact[] = [];
  for (const metric of dataset.metrics.filter((m) => m.statement === name)) {
    const row: Scalar[] = [metric.label];
    for (const period of columns) {
      const value = scaled(metric, period, currency, scale);
      if (!value.ok) return value;
      row.push(value.value);
      facts.push(...value.facts);
    }
    grid.push(row);
  }
  return ok(grid, facts);
}

export function periodList(): Result<Scalar[][]> {
  return ok(periods.map((p) => [p.id]));
}
