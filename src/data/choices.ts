/** Names from a fixed list (a margin kind, a ratio, a statement, a profile field): how each is read and suggested. */
import { METRIC_NAMES } from "./metrics";
import { isOmitted, scalarOf } from "./normalize";
import { miss, type DatasetList } from "./reasons";
import { ok, type Result } from "./result";
import { suggester } from "./suggest";

/** Metric names are terms of their own in every list: "ebit" (of "ebit_margin") is not "ebitda" cut short. */
const METRIC_WORDS = METRIC_NAMES.map(([name]) => name);

/** A fixed list of names: how each is looked up, and the one a mistyped name plausibly stands for. */
export type Choices<T extends string> = {
  readonly names: ReadonlyArray<readonly [string, T]>;
  readonly get: (name: string) => T | undefined;
  readonly near: (typed: string) => string | null;
};

/**
 * How a list of choices is shown when a name is not on it: in full (a short list the library defines), or as a count
 * with the formula builder, which offers each (a long list the dataset defines).
 */
export type Shown = readonly string[] | { readonly list: DatasetList; readonly all: number };

const key = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, "");

/** A name from a fixed list (a margin kind, a ratio, a profile field), with the same matching and messages. */
export function parseChoice<T extends string>(raw: unknown, what: string, choices: Choices<T>, shown: Shown): Result<T> {
  const value = scalarOf(raw);
  if (isOmitted(value)) return miss({ kind: "required", what: `A ${what}` });
  if (typeof value !== "string") return miss({ kind: "notText", what: `The ${what}`, value });
  const hit = value.length <= 64 ? choices.get(value) : undefined;
  if (hit) return ok(hit);
  const near = choices.near(value);
  return miss("list" in shown ? { kind: "notInDataset", what: shown.list, value, count: shown.all, near } : { kind: "unknownChoice", what, value, choices: shown, near });
}

/** A lookup table keyed the way parseChoice compares names, whose every name may be suggested. */
export function choiceMap<T extends string>(entries: ReadonlyArray<readonly [string, T]>): Choices<T> {
  const byKey = new Map(entries.map(([name, id]) => [key(name), id]));
  return { names: entries, get: (name) => byKey.get(key(name)), near: suggester(entries, METRIC_WORDS) };
}
