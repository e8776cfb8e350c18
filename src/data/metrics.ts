/** Reads a metric name: snake_case ids or their aliases, ignoring case, spaces, hyphens and underscores. */
import { dataset } from "./dataset";
import { ArgumentMemo } from "./argument-memo";
import { isOmitted, scalarOf } from "./normalize";
import { miss } from "./reasons";
import { ok, type Result } from "./result";
import type { Metric } from "./schema";
import { store } from "./store";
import { suggester, type Candidate } from "./suggest";

const memo = new ArgumentMemo<Result<Metric>>();
/** Every name a metric argument accepts, each with the metric it stands for. */
export const METRIC_NAMES: readonly Candidate[] = dataset.metrics.flatMap((m) => [m.id, ...m.aliases].map((name) => [name, m.id] as const));
const nearMetric = suggester(METRIC_NAMES);

function read(value: unknown): Result<Metric> {
  if (isOmitted(value)) return miss({ kind: "required", what: "A metric" });
  if (typeof value !== "string") return miss({ kind: "notText", what: "The metric", value });
  const metric = value.length <= 64 ? store.metricByName(value) : undefined;
  return metric ? ok(metric) : miss({ kind: "notInDataset", what: "metric", value, count: store.metricIds.length, near: nearMetric(value) });
}

export function parseMetric(raw: unknown): Result<Metric> {
  const value = scalarOf(raw);
  return typeof value === "string" ? memo.get(value, () => read(value)) : read(value);
}
