/** Risks: the overview's risk factors, the analysis's negative factors, the call's negatives, the 98-factor summary; positives alongside. */
import { seedLine } from "../data/citation";
import type { Risk, Titled } from "../data/schema";
import { actionButton, type Actions } from "./actions";
import { callQuarter, content, core } from "./content";
import { h } from "./dom";
import { searchable } from "./filter";
import { prose } from "./format";
import { sourceNote } from "./source-note";

const GROUPS: ReadonlyArray<readonly [Risk["kind"], string]> = [
  ["risk_factor", "Risk factors (NASDAQ overview)"],
  ["negative_factor", "Negative factors (HKEX analysis)"],
  ["earnings_call_negative", `Negatives from the ${callQuarter} earnings call`],
];

function entry(item: Titled, kind: string): HTMLElement {
  return searchable(h("li", {}, h("strong", {}, item.title), h("p", {}, prose(item.text)), sourceNote([item.source])), kind, null, `${item.title} ${item.text}`);
}

export function risks(actions: Actions): HTMLElement {
  const summary = core.riskSummary;
  return h(
    "div",
    {},
    searchable(
      h(
        "section",
        { className: "card", "aria-label": "Risk summary" },
        h("h3", {}, `${summary.count} risk factors disclosed`),
        h("p", {}, `Most in the "${summary.topCategory}" category: ${summary.categoryDescription}. New risks added: ${summary.newRisks}.`),
        sourceNote(summary.sources),
      ),
      "risk",
      null,
      `${summary.count} risk factors ${summary.topCategory} ${summary.categoryDescription}`,
    ),
    GROUPS.map(([kind, title]) => h("section", { "aria-label": title }, h("h3", {}, title), h("ul", { className: "list" }, content.risks.filter((r) => r.kind === kind).map((r) => entry(r, "risk"))))),
    h("section", { "aria-label": "Positive factors" }, h("h3", {}, "Positive factors (HKEX analysis)"), h("ul", { className: "list positive" }, content.positiveFactors.map((p) => entry(p, "positive")))),
    actionButton(actions, "Insert risks as a table", () =>
      actions.insertTable({
        name: "KC_Risks",
        header: ["Kind", "Title", "Text", "Source"],
        rows: [
          ...content.risks.map((r) => [r.kind.replace(/_/g, " "), r.title, r.text, seedLine(r.source.file, r.source.line)]),
          ...content.positiveFactors.map((p) => ["positive factor", p.title, p.text, seedLine(p.source.file, p.source.line)]),
        ],
        formats: ["@", "@", "@", "@"],
      }),
    ),
  );
}
