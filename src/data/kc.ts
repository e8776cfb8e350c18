/**
 * The KC function library as pure functions: each takes the arguments as Excel passes them and returns a Result.
 * The custom functions, the task pane's builder and audit, and the tests all call these. The names and parameters
 * are those of spec.ts: the type below refuses a function the spec lacks or a spec entry without a function.
 */
import { figure } from "./figures";
import { fieldList, metricList } from "./lists";
import { asOf, filingValue, info } from "./info";
import { ok, type CellValue, type Result } from "./result";
import { dataset } from "./dataset";
import { cagr, growth, margin, ratio } from "./ratios";
import { source } from "./source";
import type { KcName } from "./spec";
import { conflictList } from "./conflicts";
import { eventList } from "./events";
import { fxRate } from "./fx";
import { periodList, series, statement } from "./tables";

export { KC_NAMES, SPEC, type KcName } from "./spec";

export type KcFunction = (...args: unknown[]) => Result<CellValue>;

export const KC: Readonly<Record<KcName, KcFunction>> = {
  REVENUE: (period, currency, units) => figure("revenue", period, currency, units, "REVENUE"),
  FIGURE: (metric, period, currency, units) => figure(metric, period, currency, units),
  MARGIN: (kind, period) => margin(kind, period),
  GROWTHRATE: (metric, period, base) => growth(metric, period, base),
  CAGR: (metric, from, to) => cagr(metric, from, to),
  RATIO: (name, period) => ratio(name, period),
  HISTORY: (metric, from, to, currency, units) => series(metric, from, to, currency, units),
  STATEMENT: (name, currency, units) => statement(name, currency, units),
  PERIODS: () => periodList(),
  PROFILE: (field) => info(field),
  FILING: (year, field) => filingValue(year, field),
  SOURCE: (metric, period, currency) => source(metric, period, currency),
  FXRATE: (period) => fxRate(period),
  CONFLICTS: () => conflictList(),
  EVENTS: () => eventList(),
  METRICS: () => metricList(),
  FIELDS: () => fieldList(),
  ASOF: (which) => asOf(which),
  // As plain values, for hosts without data types (src/functions answers data types where the host has them).
  COMPANY: () => ok(dataset.profile.name),
  CARD: (metric, period, currency, units) => figure(metric, period, currency, units, "CARD"),
};
