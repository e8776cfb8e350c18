/** Shows an audit: each KC call, its value or error, the seed lines behind it and any source that disagrees. */
import type { AuditEntry } from "../data/audit";
import type { Flag } from "../data/flags";
import type { Reconciliation } from "../data/schema";
import type { CellValue } from "../data/result";
import { content, core } from "./content";
import { h } from "./dom";
import { plain } from "./format";
import { sourceNote } from "./source-note";

export function valueView(value: CellValue): HTMLElement {
  if (!Array.isArray(value)) return h("output", { className: "value" }, typeof value === "number" ? plain(value) : String(value));
  return h(
    "div",
    { className: "table-wrap" },
    h("table", { className: "spill" }, h("tbody", {}, value.slice(0, 20).map((row) => h("tr", {}, row.map((cell) => h("td", {}, typeof cell === "number" ? plain(cell) : String(cell))))))),
  );
}

/** A figure a page states for the quantity the call computes, and whether the stored figures reproduce it. */
export function statedView(r: Reconciliation, lead?: string): HTMLElement {
  const verdict = lead ?? (r.status === "reconciles" ? "Reconciles with" : r.status === "disagrees" ? "Disagrees with" : "Cannot be checked against");
  return h(
    "div",
    { className: `stated ${r.status}`, role: "note" },
    h("span", { className: "where" }, `${verdict} what a page states for ${r.label} — seeds/${r.source.file}, line ${r.source.line}`),
    h("q", {}, r.source.text),
    h("p", {}, r.note),
  );
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
    h("p", {}, flag.note ?? ""),
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
    valueView(entry.value),
    entry.sources.length
      ? h(
          "ul",
          { className: "sources" },
          entry.sources.map((s) =>
            h(
              "li",
              { className: s.disagrees ? "conflict" : s.fact.primary ? "primary" : "" },
              h("span", { className: "where" }, `${s.disagrees ? "Disagrees: " : s.fact.primary ? "Primary: " : "Also: "}${s.fact.precision.stated} (${s.fact.section}) — seeds/${s.fact.source.file}, line ${s.fact.source.line}`),
              h("q", {}, s.fact.source.text),
            ),
          ),
        )
      : h("p", { className: "subtle" }, "From the dataset's catalogue (no single figure)."),
    entry.conflicts.map((c) => h("p", { className: "conflict", role: "note" }, c.why)),
    entry.stated.map((r) => statedView(r)),
    entry.flags.map(flagView),
    entry.notes.map((n) => h("p", { className: "subtle" }, n)),
  );
}

export function auditView(entries: readonly AuditEntry[], empty: string): HTMLElement {
  return entries.length ? h("ol", { className: "audit" }, entries.map(entryView)) : h("p", { className: "subtle" }, empty);
}
