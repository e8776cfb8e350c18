/** Reads a metric name: snake_case ids or their aliases, ignoring case, spaces, hyphens and underscores. */
import { messages } from "./messages";
import { isOmitted, Memo, nearest, scalarOf } from "./normalize";
import { invalid, ok, type Result } from "./result";
import type { Metric } from "./schema";
import { store } from "./store";

const memo = new Memo<Result<Metric>>();

function read(value: unknown): Result<Metric> {
  if (isOmitted(value)) return invalid(messages.required("A metric"));
  if (typeof value !== "string") return invalid(messages.notText("The metric", value));
  const metric = value.length <= 64 ? store.metricByName(value) : undefined;
  return metric ? ok(metric) : invalid(messages.unknownChoice("metric", value, store.metricIds, nearest(value, store.metricIds)));
}

export function parseMetric(raw: unknown): Result<Metric> {
  const value = scalarOf(raw);
  return typeof value === "string" ? memo.get(value, () => read(value)) : read(value);
}

/** A name from a fixed list (a margin kind, a ratio, an INFO field), with the same matching and messages. */
export function parseChoice<T extends string>(raw: unknown, what: string, choices: ReadonlyMap<string, T>, shown: readonly string[]): Result<T> {
  const value = scalarOf(raw);
  if (isOmitted(value)) return invalid(messages.required(`A ${what}`));
  if (typeof value !== "string") return invalid(messages.notText(`The ${what}`, value));
  const hit = value.length <= 64 ? choices.get(value.toLowerCase().replace(/[\s_-]+/g, "")) : undefined;
  return hit ? ok(hit) : invalid(messages.unknownChoice(what, value, shown, nearest(value, shown)));
}

/** A lookup table keyed the way parseChoice compares names. */
export function choiceMap<T extends string>(entries: ReadonlyArray<readonly [string, T]>): ReadonlyMap<string, T> {
  return new Map(entries.map(([name, id]) => [name.toLowerCase().replace(/[\s_-]+/g, ""), id]));
}
