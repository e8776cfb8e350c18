/** What a KC formula rests on: each call's value, the seed lines behind it, and every source that disagrees. */
import { findKcCalls, type KcCall } from "./formula";
import { KC, type KcName } from "./kc";
import type { CellValue } from "./result";
import type { Conflict, Fact, Source } from "./schema";
import { store } from "./store";

export type AuditedSource = { readonly fact: Fact; readonly disagrees: boolean };

export type AuditEntry =
  | { readonly call: KcCall; readonly status: "value"; readonly value: CellValue; readonly sources: readonly AuditedSource[]; readonly conflicts: readonly Conflict[]; readonly notes: readonly string[] }
  | { readonly call: KcCall; readonly status: "error"; readonly error: "#VALUE!" | "#N/A" | "#NAME?"; readonly message: string }
  | { readonly call: KcCall; readonly status: "depends"; readonly message: string };

const sameLine = (a: Source, b: Source) => a.file === b.file && a.line === b.line;

/** The facts a result used, each with the other statements of the same figure; disagreeing ones are marked. */
function sourcesOf(facts: readonly Fact[]): { sources: AuditedSource[]; conflicts: Conflict[] } {
  const sources: AuditedSource[] = [];
  const conflicts: Conflict[] = [];
  const seen = new Set<string>();
  for (const fact of facts) {
    const conflict = store.conflict(`${fact.metric}:${fact.period}`);
    if (conflict && !conflicts.includes(conflict)) conflicts.push(conflict);
    for (const f of [fact, ...store.facts(fact.metric, fact.period, fact.currency).filter((x) => x !== fact)]) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      sources.push({ fact: f, disagrees: Boolean(conflict?.others.some((s) => sameLine(s, f.source))) });
    }
  }
  return { sources, conflicts };
}

export function auditCall(call: KcCall): AuditEntry {
  if (!(call.name in KC)) return { call, status: "error", error: "#NAME?", message: `KC.${call.name} is not a KC function.` };
  const expression = call.args.find((a) => a.kind === "expression");
  if (expression) return { call, status: "depends", message: `Depends on ${expression.text}: its value is known only in the workbook.` };
  const args = call.args.map((a) => (a.kind === "literal" ? a.value : null));
  const result = (KC[call.name as KcName] as (...a: unknown[]) => ReturnType<(typeof KC)[KcName]>)(...args);
  if (!result.ok) return { call, status: "error", error: result.code === "invalid" ? "#VALUE!" : "#N/A", message: result.message };
  return { call, status: "value", value: result.value, ...sourcesOf(result.facts), notes: result.notes.filter(Boolean) };
}

export function auditFormula(formula: string): AuditEntry[] {
  return findKcCalls(formula).map(auditCall);
}
