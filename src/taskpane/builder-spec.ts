/** What each KC function asks for, as the builder offers it: the spec's parameters, each with its list of choices. */
import { KC_NAMES, SPEC, type Choices, type KcName } from "../data/spec";
import { core } from "./content";
import { library } from "./library";

const { FILING_FIELDS, INFO_FIELDS, MARGINS, RATIOS } = library;

export type Choice = readonly [value: string | number, label: string];
export type Param = { readonly name: string; readonly optional: boolean; readonly choices: readonly Choice[] };

const periods: Choice[] = core.periods.map((p) => [p.id, p.label]);
const years: Choice[] = core.periods.filter((p) => p.kind === "fiscal_year").map((p) => [p.fiscalYear, String(p.fiscalYear)]);
const names = (list: readonly string[]): Choice[] => list.map((n) => [n, n.replace(/_/g, " ")]);

/** The choices behind each kind of argument the spec names. */
const CHOICES: Record<Choices, readonly Choice[]> = {
  period: periods,
  base_period: [["", "One year earlier"], ...periods],
  fiscal_year: years,
  fiscal_year_or_ttm: [...years, ["TTM", "TTM"]],
  fx_period: periods.filter(([v]) => v === "TTM" || String(v).startsWith("FY")),
  metric: core.metrics.map((m) => [m.id, `${m.label} (${m.id})`]),
  currency: [["", "Reporting currency"], ["RMB", "RMB"], ["USD", "USD"], ["HKD", "HKD"]],
  units: [["", "Millions"], ["B", "Billions"], ["K", "Thousands"], ["units", "Units"]],
  margin_kind: names(Object.keys(MARGINS)),
  ratio_name: names(Object.keys(RATIOS)),
  statement: names(["income", "balance", "cashflow"]),
  profile_field: INFO_FIELDS.map((f) => [f.id, `${f.label} (${f.id})`]),
  filing_field: FILING_FIELDS.map((f) => [f.id, f.label]),
  asof: [["", "Analysis date"], ["financials", "Financials (TTM end)"], ["version", "Dataset version (text)"]],
};

/** A required argument offers no empty choice; an optional one offers its default as "". */
export const BUILDER: Readonly<Record<KcName, readonly Param[]>> = Object.fromEntries(
  KC_NAMES.map((name) => [
    name,
    SPEC[name].params.map((p): Param => ({ name: p.name, optional: p.optional, choices: p.optional ? CHOICES[p.choices] : CHOICES[p.choices].filter(([v]) => v !== "") })),
  ]),
) as unknown as Record<KcName, readonly Param[]>;
