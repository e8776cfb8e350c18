/** What each KC function asks for, as the builder offers it: a list of choices per argument. */
import { FILING_FIELDS, INFO_FIELDS } from "../data/info";
import type { KcName } from "../data/kc";
import { MARGINS, RATIOS } from "../data/ratios";
import { core } from "./content";

export type Choice = readonly [value: string | number, label: string];
export type Param = { readonly name: string; readonly optional: boolean; readonly choices: readonly Choice[] };

const periods: Choice[] = core.periods.map((p) => [p.id, p.label]);
const years: Choice[] = core.periods.filter((p) => p.kind === "fiscal_year").map((p) => [p.fiscalYear, String(p.fiscalYear)]);
const metrics: Choice[] = core.metrics.map((m) => [m.id, `${m.label} (${m.id})`]);
const currencies: Choice[] = [["", "As reported"], ["RMB", "RMB"], ["USD", "USD"], ["HKD", "HKD"]];
const units: Choice[] = [["", "Millions"], ["B", "Billions"], ["K", "Thousands"], ["units", "Units"]];
const names = (list: readonly string[]): Choice[] => list.map((n) => [n, n.replace(/_/g, " ")]);

const p = (name: string, choices: readonly Choice[], optional = false): Param => ({ name, optional, choices: optional ? choices : choices.filter(([v]) => v !== "") });

export const BUILDER: Record<KcName, readonly Param[]> = {
  REVENUE: [p("period", periods), p("currency", currencies, true), p("units", units, true)],
  VALUE: [p("metric", metrics), p("period", periods), p("currency", currencies, true), p("units", units, true)],
  MARGIN: [p("kind", names(Object.keys(MARGINS))), p("period", periods)],
  GROWTH: [p("metric", metrics), p("period", periods), p("base_period", [["", "One year earlier"], ...periods], true)],
  CAGR: [p("metric", metrics), p("from_period", years), p("to_period", years)],
  RATIO: [p("name", names(Object.keys(RATIOS))), p("period", periods)],
  SERIES: [p("metric", metrics), p("from_period", years), p("to_period", [...years, ["TTM", "TTM"]]), p("currency", currencies, true), p("units", units, true)],
  STATEMENT: [p("name", names(["income", "balance", "cashflow"])), p("currency", currencies, true), p("units", units, true)],
  PERIODS: [],
  INFO: [p("field", INFO_FIELDS.map((f) => [f.id, `${f.label} (${f.id})`]))],
  FILING: [p("fiscal_year", years), p("field", FILING_FIELDS.map((f) => [f.id, f.label]))],
  SOURCE: [p("metric", metrics), p("period", periods), p("currency", currencies, true)],
  FX: [p("period", periods.filter(([v]) => v === "TTM" || String(v).startsWith("FY")))],
  CONFLICTS: [],
  ASOF: [p("which", [["", "Analysis date"], ["financials", "Financials (TTM end)"]], true)],
};
