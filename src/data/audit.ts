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

/** Values of cells a formula refers to, keyed by reference as written without "$" (e.g. "A1", "SHEET1!B2"). */
export type CellValues = ReadonlyMap<string, string | number | boolean>;

export const referenceKey = (text: string): string => text.replace(/\$/g, "").toUpperCase();
const CELL_REFERENCE = /^(?:(?:'[^']+'|[A-Za-z0-9_.]+)!)?\$?[A-Za-z]{1,3}\$?\d{1,7}$/;

/** The single-cell references among a formula's KC arguments, whose values the workbook can supply. */
export function cellReferences(formula: string): string[] {
  const refs = findKcCalls(formula).flatMap((c) => c.args.filter((a) => a.kind === "expression" && CELL_REFERENCE.test(a.text.trim())).map((a) => a.text.trim()));
  return [...new Set(refs)];
}

export function auditCall(call: KcCall, cells: CellValues = new Map()): AuditEntry {
  if (!(call.name in KC)) return { call, status: "error", error: "#NAME?", message: `KC.${call.name} is not a KC function.` };
  const args: unknown[] = [];
  for (const a of call.args) {
    if (a.kind === "literal") args.push(a.value);
    else if (a.kind === "empty") args.push(null);
    else if (cells.has(referenceKey(a.text.trim()))) args.push(cells.get(referenceKey(a.text.trim())));
    else return { call, status: "depends", message: `Depends on ${a.text}: its value is known only in the workbook.` };
  }
  const result = (KC[call.name as KcName] as (...a: unknown[]) => ReturnType<(typeof KC)[KcName]>)(...args);
  if (!result.ok) return { call, status: "error", error: result.code === "invalid" ? "#VALUE!" : "#N/A", message: result.message };
  return { call, status: "value", value: result.value, ...sourcesOf(result.facts), notes: result.notes.filter(Boolean) };
}

export function auditFormula(formula: string, cells?: CellValues): AuditEntry[] {
  return findKcCalls(formula).map((call) => auditCall(call, cells));
}
