/** What a KC formula rests on: each call's value, the seed lines behind it, every source that disagrees and every failed check. */
import { failedChecks, type Flag } from "./flags";
import { findKcCalls, type KcCall } from "./formula";
import { FORMULA_LIMIT } from "./formula-scan";
import { KC, type KcName } from "./kc";
import { explain, formulaTooLong, notKcFunction } from "./messages";
import type { Reason } from "./reasons";
import { EXCEL_ERROR, type CellValue } from "./result";
import type { Conflict, Fact, Reconciliation, Source } from "./schema";
import { RENAMED } from "./spec";
import { store } from "./store";

export type AuditedSource = { readonly fact: Fact; readonly disagrees: boolean };

export type AuditEntry =
  | {
      readonly call: KcCall;
      readonly status: "value";
      readonly value: CellValue;
      readonly sources: readonly AuditedSource[];
      readonly conflicts: readonly Conflict[];
      readonly notes: readonly string[];
      /** Where a page states the same quantity this call computes: the stated figure and whether it reconciles. */
      readonly stated: readonly Reconciliation[];
      /** Every other failed check the call's figures take part in: a stated ratio they do not give, a rule they break. */
      readonly flags: readonly Flag[];
    }
  /** A miss carries its reason (#VALUE!, #N/A); a call of no KC function (#NAME?) has none. */
  | { readonly call: KcCall; readonly status: "error"; readonly error: "#VALUE!" | "#N/A" | "#NAME?"; readonly message: string; readonly reason?: Reason }
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

/**
 * Computed quantities (margins, ratios, growth) that a page also states, keyed by what the computation is made of: the
 * kind of arithmetic and the facts it used, in order. KC.MARGIN("gross","FY0") and KC.RATIO("gross_profit/revenue",
 * "FY0") are then the same key, and so is the reconciliation that checks a gross margin a page states for that year.
 */
export type StatedIndex = ReadonlyMap<string, readonly Reconciliation[]>;

const ARITHMETIC: Partial<Record<KcName, string>> = { MARGIN: "quotient", RATIO: "quotient", GROWTHRATE: "growth", CAGR: "cagr" };

function computationKey(name: string, facts: readonly Fact[]): string | null {
  const kind = ARITHMETIC[name as KcName];
  return kind && facts.length ? `${kind}|${facts.map((f) => f.id).join("|")}` : null;
}

function run(call: KcCall, args: readonly unknown[]) {
  return KC[call.name as KcName](...args);
}

/**
 * Indexes the reconciliations by the computation of their KC formula: its kind of arithmetic and the check's inputs,
 * which are the facts that formula uses (a dataset test holds them equal). Those without a formula are not indexed.
 */
export function statedIndex(reconciliations: readonly Reconciliation[]): StatedIndex {
  const index = new Map<string, Reconciliation[]>();
  for (const r of reconciliations) {
    const kind = r.kc ? ARITHMETIC[findKcCalls(r.kc)[0]?.name as KcName] : undefined;
    if (!kind || !r.inputs.length) continue;
    const key = `${kind}|${r.inputs.join("|")}`;
    index.set(key, [...(index.get(key) ?? []), r]);
  }
  return index;
}

export function auditCall(call: KcCall, cells: CellValues = new Map(), stated: StatedIndex = new Map()): AuditEntry {
  if (!(call.name in KC)) return { call, status: "error", error: "#NAME?", message: notKcFunction(call.name, RENAMED[call.name] ?? null) };
  const args: unknown[] = [];
  for (const a of call.args) {
    if (a.kind === "literal") args.push(a.value);
    else if (a.kind === "empty") args.push(null);
    else if (cells.has(referenceKey(a.text.trim()))) args.push(cells.get(referenceKey(a.text.trim())));
    else return { call, status: "depends", message: `Depends on ${a.text}: its value is known only in the workbook.` };
  }
  const result = run(call, args);
  if (!result.ok) return { call, status: "error", error: EXCEL_ERROR[result.code], message: explain(result.reason), reason: result.reason };
  const key = computationKey(call.name, result.facts);
  const same = (key && stated.get(key)) || [];
  const flags = failedChecks(result.facts).filter((f) => !same.includes(f as Reconciliation));
  return { call, status: "value", value: result.value, ...sourcesOf(result.facts), notes: result.notes.filter(Boolean), stated: same, flags };
}

export function auditFormula(formula: string, cells?: CellValues, stated?: StatedIndex): AuditEntry[] {
  return findKcCalls(formula).map((call) => auditCall(call, cells, stated));
}

/** The audit of pasted text, or why it is not audited: longer than any Excel formula can be. */
export function auditText(text: string, cells?: CellValues, stated?: StatedIndex): { ok: true; entries: AuditEntry[] } | { ok: false; message: string } {
  if (text.length > FORMULA_LIMIT) return { ok: false, message: formulaTooLong(text.length, FORMULA_LIMIT) };
  return { ok: true, entries: auditFormula(text, cells, stated) };
}
