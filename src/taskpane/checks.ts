/**
 * Stated ratios, checked: each ratio a page states beside what the stored figures give, agreeing or not; and the
 * plausibility rules the figures must satisfy, each with the periods it was applied to and what fails.
 */
import { seedLine } from "../data/citation";
import type { Plausibility, PlausibilityRule, Reconciliation, Source } from "../data/schema";
import { PLAUSIBILITY_VERDICT, VERDICT } from "../data/verdicts";
import { formula, type SheetTable } from "../office/excel";
import { actionButton, type Actions } from "./actions";
import { callQuarter, content, core } from "./content";
import { h } from "./dom";
import { searchable } from "./filter";
import { prose } from "./format";
import { sourceNote } from "./source-note";


function check(r: Reconciliation): HTMLElement {
  const year = /FY(\d{4})/.exec(r.id)?.[1];
  return searchable(
    h(
      "div",
      { className: "row" },
      h("dt", {}, r.label),
      h(
        "dd",
        {},
        h("span", { className: `badge ${r.status}` }, VERDICT[r.status]),
        h("p", {}, prose(r.note)),
        r.kc ? h("p", {}, h("code", {}, `=${r.kc}`)) : h("p", { className: "subtle" }, "No KC formula computes it from the stored figures."),
        sourceNote([r.source]),
      ),
    ),
    r.status === "disagrees" ? "conflict" : "profile",
    year ? { fiscal: [Number(year)] } : null,
    `${r.label} ${r.note} ${VERDICT[r.status]} ${r.kc ?? ""}`,
  );
}

/** The checks as an Excel table whose KC column stays live, so the sheet recomputes what the page states. */
export function checksTable(list: readonly Reconciliation[]): SheetTable {
  return {
    name: "KC_StatedRatios",
    header: ["Check", "Stated", "Stated ±", "Computed low", "Computed high", "Status", "KC formula", "Note", "Source"],
    rows: list.map((r) => [
      r.label,
      r.stated,
      r.statedHalfWidth,
      r.computedLow ?? "",
      r.computedHigh ?? "",
      VERDICT[r.status],
      r.kc ? formula(`=${r.kc}`) : "",
      r.note,
      seedLine(r.source.file, r.source.line),
    ]),
    formats: ["@", "0.0000", "0.0000", "0.0000", "0.0000", "@", "0.0000", "@", "@"],
  };
}

export function checks(actions: Actions): HTMLElement {
  const list = core.reconciliations;
  const count = (status: Reconciliation["status"]) => list.filter((r) => r.status === status).length;
  const summary = ` · ${list.length} checked: ${count("reconciles")} reconcile, ${count("disagrees")} disagree, ${count("not_computable")} cannot be recomputed`;
  return h(
    "section",
    { className: "card", "aria-label": "Stated ratios, checked" },
    h("h3", {}, "Stated ratios, checked", h("span", { className: "subtle" }, summary)),
    h("p", { className: "subtle" }, `The ratios and growth rates the pages state for fiscal years and the TTM period (and the ${callQuarter} call's shares and margin), recomputed from the stored figures with their rounding. Where they disagree, the functions return the computed value; the stated one stays here and in the audit. Growth rates stated for a quarter have no year-earlier quarter to check against; KC.FIGURE returns them as stated.`),
    h("dl", {}, list.map(check)),
    actionButton(actions, "Insert as a table", () => actions.insertTable(checksTable(list)), "Insert the stated ratios and their checks as a table with live KC formulas"),
  );
}

/** The seed lines of the figures checks read, each line once. */
function figureSources(list: readonly Plausibility[]): Source[] {
  const lines = new Map<string, Source>();
  for (const id of list.flatMap((c) => c.inputs)) {
    const s = core.facts.find((f) => f.id === id)?.source;
    if (s) lines.set(`${s.file}:${s.line}`, s);
  }
  return [...lines.values()];
}

function rule(r: PlausibilityRule, list: readonly Plausibility[]): HTMLElement {
  const failing = list.filter((c) => c.status === "fails");
  const status: Plausibility["status"] = failing.length ? "fails" : "passes";
  const periods = list.map((c) => `${c.period} ${PLAUSIBILITY_VERDICT[c.status].toLowerCase()}`).join(", ");
  return searchable(
    h(
      "div",
      { className: "row" },
      h("dt", {}, r.label),
      h(
        "dd",
        {},
        h("span", { className: `badge ${status}` }, `${PLAUSIBILITY_VERDICT[status]} ${failing.length || list.length} of ${list.length}`),
        h("p", {}, r.text),
        failing.map((c) => h("div", { className: "stated disagrees", role: "note" }, h("span", { className: "where" }, c.period), h("p", {}, prose(c.note ?? "")), sourceNote(figureSources([c]), "Figure"))),
        h("p", { className: "subtle" }, periods),
        sourceNote(figureSources(list), "Figure"),
      ),
    ),
    status === "fails" ? "conflict" : "profile",
    null,
    `${r.label} ${r.text} ${periods} ${failing.map((c) => c.note).join(" ")}`,
  );
}

/** The plausibility rules, each with its checks: a card beside the stated ratios'. */
export function plausibility(): HTMLElement {
  const list = content.plausibility;
  const failing = list.filter((c) => c.status === "fails").length;
  return h(
    "section",
    { className: "card", "aria-label": "Plausibility of the figures" },
    h("h3", {}, "Plausibility of the figures", h("span", { className: "subtle" }, ` · ${list.length} checks of ${content.plausibilityRules.length} rules: ${list.length - failing} pass, ${failing} fail`)),
    h("p", { className: "subtle" }, "Identities and orders of magnitude every period's stored figures must satisfy, whatever a page says, with their rounding. A failure is shown wherever the figure is: in KC.SOURCE, the audit and here."),
    h("dl", {}, content.plausibilityRules.map((r) => rule(r, list.filter((c) => c.rule === r.id)))),
  );
}
