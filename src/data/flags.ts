/**
 * The checks a figure takes part in: ratios a page states that are computed from it (or that it is), and the
 * plausibility rules applied to it. KC.SOURCE, KC.CARD and the audit say where one of them fails.
 */
import { dataset } from "./dataset";
import type { Fact, Plausibility, Reconciliation } from "./schema";

/** A failed check: a stated ratio the figures do not give, or a plausibility rule the figures break. */
export type Flag = Reconciliation | Plausibility;

export const isPlausibility = (flag: Flag): flag is Plausibility => "rule" in flag;

const statesRatio = (r: Reconciliation, fact: Fact) => r.source.file === fact.source.file && r.source.line === fact.source.line && r.stated === fact.value;

/** The stated-ratio checks a fact takes part in: as one of the figures a ratio is computed from, or as the stated ratio. */
export const checksOf = (fact: Fact): readonly Reconciliation[] => dataset.reconciliations.filter((r) => r.inputs.includes(fact.id) || statesRatio(r, fact));

/** Every failed check any of the facts takes part in, once each: disagreeing stated ratios, then broken rules. */
export function failedChecks(facts: readonly Fact[]): Flag[] {
  const stated = new Set(facts.flatMap(checksOf).filter((r) => r.status === "disagrees"));
  return [...stated, ...dataset.implausible.filter((p) => facts.some((f) => p.inputs.includes(f.id)))];
}
