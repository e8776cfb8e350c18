/** KC.SOURCE: where a figure comes from, as one line of text an analyst can paste into a note. */
import { dataset } from "./dataset";
import { seedLine } from "./citation";
import { amount } from "./figures";
import { failedChecks, isPlausibility, type Flag } from "./flags";
import { parseMetric } from "./metrics";
import { parsePeriod } from "./periods";
import { all, ok, type Result } from "./result";
import type { Fact, Source } from "./schema";
import { store } from "./store";
import { parseCurrency } from "./units";

const quote = (s: Source) => seedLine(s.file, s.line, s.text);

/** The seed lines of the figures a check is computed from, file by file: `seeds/x.txt lines 113, 104`. */
function linesOf(ids: readonly string[]): string {
  const byFile = new Map<string, number[]>();
  for (const id of ids) {
    const s = dataset.facts.find((f) => f.id === id)?.source;
    if (s) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s.line]);
  }
  return [...byFile].map(([file, lines]) => seedLine(file, lines)).join("; ");
}

/** A failed check: what the page states and what the figures give (a stated ratio), or the rule they break. */
const flagText = (flag: Flag): string =>
  isPlausibility(flag)
    ? `IMPLAUSIBLE ${flag.period}: ${flag.note} — figures from ${linesOf(flag.inputs)}`
    : `DISAGREES: ${flag.label}: ${flag.note} — stated at ${quote(flag.source)}; figures from ${linesOf(flag.inputs)}`;

/** The primary fact's citation, the other statements of the same figure, any conversion applied, and every failed check. */
export function describeFact(fact: Fact, notes: readonly string[] = []): string {
  const others = store.facts(fact.metric, fact.period, fact.currency).filter((f) => f !== fact);
  const conflict = store.conflict(`${fact.metric}:${fact.period}`);
  const parts = [`${fact.precision.stated} (${fact.section}) — ${quote(fact.source)}`];
  for (const other of others) {
    const disagrees = conflict?.others.some((s) => s.file === other.source.file && s.line === other.source.line);
    parts.push(`${disagrees ? "CONFLICT" : "also"}: ${other.precision.stated} (${other.section}) — ${quote(other.source)}`);
  }
  if (conflict) parts.push(conflict.why);
  parts.push(...notes.filter(Boolean), ...failedChecks([fact, ...others]).map(flagText));
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
