/** KC.SOURCE: where a figure comes from, as one line of text an analyst can paste into a note. */
import { amount } from "./figures";
import { parseMetric } from "./metrics";
import { parsePeriod } from "./periods";
import { all, ok, type Result } from "./result";
import type { Fact, Source } from "./schema";
import { store } from "./store";
import { parseCurrency } from "./units";

export const cite = (s: Source): string => `${s.file} line ${s.line}: "${s.text}"`;

/** The primary fact's citation, the other statements of the same figure, and any conversion applied. */
export function describeFact(fact: Fact, notes: readonly string[] = []): string {
  const others = store.facts(fact.metric, fact.period, fact.currency).filter((f) => f !== fact);
  const conflict = store.conflict(`${fact.metric}:${fact.period}`);
  const parts = [`${fact.precision.stated} (${fact.section}) — seeds/${cite(fact.source)}`];
  for (const other of others) {
    const disagrees = conflict?.others.some((s) => s.file === other.source.file && s.line === other.source.line);
    parts.push(`${disagrees ? "CONFLICT" : "also"}: ${other.precision.stated} (${other.section}) — seeds/${cite(other.source)}`);
  }
  if (conflict) parts.push(conflict.why);
  parts.push(...notes.filter(Boolean));
  return parts.join(" | ");
}

export function source(metricRaw: unknown, periodRaw: unknown, currencyRaw: unknown): Result<string> {
  const args = all(parseMetric(metricRaw), parsePeriod(periodRaw), parseCurrency(currencyRaw));
  if (!args.ok) return args;
  const a = amount(...args.value);
  if (!a.ok) {
    // A figure stated only as a bound has no value, but it still has a source.
    const bound = store.fact(args.value[0].id, args.value[1].id, null);
    return bound?.bound ? ok(describeFact(bound, [`Stated only as a ${bound.bound} bound.`]), [bound]) : a;
  }
  const fact = a.value.facts[0] as Fact;
  return ok(describeFact(fact, a.value.notes), a.value.facts);
}
