/**
 * The KC function library as pure functions: each takes the arguments as Excel passes them and returns a Result.
 * The custom functions, the task pane's builder and audit, and the tests all call these.
 */
import { figure } from "./figures";
import { asOf, filingValue, info } from "./info";
import type { CellValue, Result } from "./result";
import { cagr, growth, margin, ratio } from "./ratios";
import { source } from "./source";
import { conflictList, fxRate, periodList, series, statement } from "./tables";

export type KcFunction = (...args: unknown[]) => Result<CellValue>;

export const KC = {
  REVENUE: (period, currency, units) => figure("revenue", period, currency, units),
  VALUE: (metric, period, currency, units) => figure(metric, period, currency, units),
  MARGIN: (kind, period) => margin(kind, period),
  GROWTH: (metric, period, base) => growth(metric, period, base),
  CAGR: (metric, from, to) => cagr(metric, from, to),
  RATIO: (name, period) => ratio(name, period),
  SERIES: (metric, from, to, currency, units) => series(metric, from, to, currency, units),
  STATEMENT: (name, currency, units) => statement(name, currency, units),
  PERIODS: () => periodList(),
  INFO: (field) => info(field),
  FILING: (year, field) => filingValue(year, field),
  SOURCE: (metric, period, currency) => source(metric, period, currency),
  FX: (period) => fxRate(period),
  CONFLICTS: () => conflictList(),
  ASOF: (which) => asOf(which),
} satisfies Record<string, KcFunction>;

export type KcName = keyof typeof KC;
export const KC_NAMES = Object.keys(KC) as KcName[];
