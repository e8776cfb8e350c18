/** KC.METRICS and KC.FIELDS: every metric and every profile field the dataset has, spilled with a header row. */
import { unitsOf } from "./data-types";
import { dataset } from "./dataset";
import { INFO_FIELDS } from "./info";
import { ok, type Result, type Scalar } from "./result";
import { store } from "./store";

/** One row per metric: the name to type, its label, unit, the currency it is reported in, its periods and other names. */
export function metricList(): Result<Scalar[][]> {
  return ok([
    ["Metric", "Label", "Unit", "Currency", "Periods", "Also accepted"],
    ...dataset.metrics.map((m) => [m.id, m.label, unitsOf(m, null, null), store.reportingCurrency(m.id) ?? "", store.periodsOf(m.id).join(", "), m.aliases.join(", ")]),
  ]);
}

/** One row per KC.PROFILE field: the name to type, its label, the listing and currency of a market figure, its unit. */
export function fieldList(): Result<Scalar[][]> {
  return ok([["Field", "Label", "Listing", "Currency", "Unit"], ...INFO_FIELDS.map((f) => [f.id, f.label, f.listing ?? "", f.currency ?? "", f.unit])]);
}
