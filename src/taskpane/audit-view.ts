/** Shows an audit: each KC call, its value or error, the seed lines behind it and any source that disagrees. */
import type { AuditEntry } from "../data/audit";
import { formulaValue, type CallAnswer } from "../data/formula-value";
import type { Flag } from "../data/flags";
import type { Reconciliation } from "../data/schema";
import type { CellValue, Scalar } from "../data/result";
import { SPEC, type KcName } from "../data/spec";
import { content, core } from "./content";
import { h } from "./dom";
import { amounts, plain, prose } from "./format";
import { readable } from "./labels";
import { citation, factCell, sourceNote } from "./source-note";
import { answerText } from "./value-text";

/** A spilled row's cells: its numbers with one count of decimals for the row, anything else as it is. */
function rowCells(row: readonly Scalar[]): HTMLElement[] {
  // Up to six decimals: a row of fractions (a growth history) keeps its precision.
  const numbers = amounts(row.filter((c): c is number => typeof c === "number"), 6);
  return row.map((cell) => h("td", {}, typeof cell === "number" ? numbers.shift() : String(cell)));
}

export function valueView(value: CellValue): HTMLElement {
  if (!Array.isArray(value)) return h("output", { className: "value" }, typeof value === "number" ? plain(value) : String(value));
  return h("div", { className: "table-wrap" }, h("table", { className: "spill" }, h("tbody", {}, value.slice(0, 20).map((row) => h("tr", {}, rowCells(row))))));
}

/** A figure a page states for the quantity the call computes, and whether the stored figures reproduce it. */
export function statedView(r: Reconciliation, lead?: string): HTMLElement {
  const verdict = lead ?? (r.status === "reconciles" ? "Reconciles with" : r.status === "disagrees" ? "Disagrees with" : "Cannot be checked against");
  return h("div", { className: `stated ${r.status}`, role: "note" }, citation(r.source, null, `${verdict} what a page states for ${r.label} — `), h("p", {}, prose(r.note)));
}

/** A call's value in its unit where the call names a KC function and its arguments are literals. */
function valueText(entry: Extract<AuditEntry, { status: "value" }>): string | null {
  const name = entry.call.name as KcName;
  const args = entry.call.args.map((a) => (a.kind === "literal" && typeof a.value !== "boolean" ? a.value : null));
  const facts = entry.sources.filter((s) => !s.disagrees).map((s) => s.fact);
  return name in SPEC ? answerText(name, args, { ok: true, value: entry.value, facts, notes: [] }) : null;
}

function auditedValue(entry: Extract<AuditEntry, { status: "value" }>): HTMLElement {
  const text = valueText(entry);
  return text === null ? valueView(entry.value) : h("output", { className: "value" }, text);
}

/** A failed check the call's figures take part in: a ratio a page states from them that they do not give, or a rule they break. */
export function flagView(flag: Flag): HTMLElement {
  if (!("rule" in flag)) return statedView(flag, "Its figures disagree with");
  const rule = content.plausibilityRules.find((r) => r.id === flag.rule);
  const sources = flag.inputs.flatMap((id) => core.facts.find((f) => f.id === id)?.source ?? []);
  return h(
    "div",
    { className: "stated disagrees implausible", role: "note" },
    h("span", { className: "where" }, `Implausible, ${flag.period}: ${rule?.label ?? flag.rule}`),
    h("p", {}, prose(flag.note ?? "")),
    sourceNote(sources, "Figure"),
  );
}

function entryView(entry: AuditEntry): HTMLElement {
  const head = h("p", {}, h("code", {}, entry.call.text));
  if (entry.status === "depends") return h("li", {}, head, h("p", { className: "subtle" }, entry.message));
  if (entry.status === "error") return h("li", {}, head, h("p", { className: "error" }, `${entry.error} ${entry.message}`));
  return h(
    "li",
    {},
    head,
    auditedValue(entry),
    entry.sources.length
      ? h(
          "ul",
          { className: "sources" },
          entry.sources.map(({ fact, disagrees }) =>
            h(
              "li",
              { className: disagrees ? "conflict" : fact.primary ? "primary" : "" },
              citation(fact.source, factCell(fact.metric, fact.period)(fact.source), prose(`${disagrees ? "Disagrees: " : fact.primary ? "Primary: " : "Also: "}${fact.precision.stated} (${fact.section}) — `)),
            ),
          ),
        )
      : h("p", { className: "subtle" }, "From the dataset's catalogue (no single figure)."),
    entry.conflicts.map((c) => h("p", { className: "conflict", role: "note" }, readable(prose(c.why)))),
    entry.stated.map((r) => statedView(r)),
    entry.flags.map(flagView),
    entry.notes.map((n) => h("p", { className: "subtle" }, readable(prose(n)))),
  );
}

export function auditView(entries: readonly AuditEntry[], empty: string): HTMLElement {
  return entries.length ? h("ol", { className: "audit" }, entries.map(entryView)) : h("p", { className: "subtle" }, empty);
}

const BECAUSE = {
  reference: (part: string) => `it refers to ${part}, whose value only the workbook knows.`,
  function: (part: string) => `it calls ${part}, which only Excel computes.`,
  text: (part: string) => `${part} is no single number.`,
  operator: (part: string) => `the pane does not compute "${part}".`,
  syntax: () => "the formula is incomplete.",
} as const;

/** The whole formula's value where the pane can compute it from its KC calls, or why it cannot. */
export function formulaValueView(formula: string, entries: readonly AuditEntry[], cells?: ReadonlyMap<string, unknown>): HTMLElement | null {
  if (!entries.length) return null;
  const byText = new Map(entries.map((e) => [e.call.text, e]));
  const answer = (text: string): CallAnswer => {
    const entry = byText.get(text);
    if (entry?.status === "error") return { kind: "error", error: entry.error };
    if (entry?.status === "value" && typeof entry.value === "number") return { kind: "number", value: entry.value };
    if (entry?.status === "depends") return { kind: "depends", on: entry.call.args.find((a) => a.kind === "expression")?.text ?? text };
    return { kind: "other" };
  };
  const outcome = formulaValue(formula, answer, cells);
  // A formula that is one KC call has that call's value, in its unit, whatever it is.
  const only = entries.length === 1 && entries[0]?.status === "value" && formula.trim().replace(/^=/, "").trim() === entries[0].call.text ? entries[0] : null;
  const message = (from: string) => {
    const entry = byText.get(from);
    return entry?.status === "error" ? `: ${entry.message}` : ".";
  };
  const said = only
    ? (valueText(only) ?? (Array.isArray(only.value) ? "the grid its KC call spills, below." : typeof only.value === "number" ? plain(only.value) : String(only.value)))
    : outcome.kind === "value"
      ? typeof outcome.value === "number"
        ? plain(outcome.value)
        : typeof outcome.value === "boolean"
          ? String(outcome.value).toUpperCase()
          : outcome.value
      : outcome.kind === "error"
        ? `${outcome.error}${outcome.from ? `, from ${outcome.from}${message(outcome.from)}` : outcome.error === "#DIV/0!" ? " (a division by zero)." : "."}`
        : `not computed here: ${BECAUSE[outcome.because](outcome.part)}`;
  return h("p", { className: "formula-value" }, h("strong", {}, "Formula value: "), said);
}
