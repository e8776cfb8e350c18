/** Where the two pages disagree: each conflict with the primary source, the others, and why the primary was chosen. */
import type { Conflict } from "../data/schema";
import { actionButton, type Actions } from "./actions";
import { core } from "./content";
import { h } from "./dom";
import { searchable } from "./filter";
import { sourceNote } from "./source-note";

function conflict(c: Conflict): HTMLElement {
  const year = /FY(\d{4})/.exec(c.id)?.[1] ?? null;
  return searchable(
    h("div", { className: "row" }, h("dt", {}, c.subject), h("dd", {}, h("p", {}, c.why), sourceNote([c.primary], "Primary source"), sourceNote(c.others, "Other source"))),
    "conflict",
    year,
    `${c.subject} ${c.why}`,
  );
}

export function conflicts(actions: Actions): HTMLElement {
  return h(
    "section",
    { className: "card", "aria-label": "Where the sources disagree" },
    h("h3", {}, "Where the sources disagree", h("span", { className: "subtle" }, ` · ${core.conflicts.length}, also =KC.CONFLICTS()`)),
    h("dl", {}, core.conflicts.map(conflict)),
    actionButton(actions, "Insert =KC.CONFLICTS()", () => actions.insertFormula("=KC.CONFLICTS()"), "Insert =KC.CONFLICTS() into the selected cell: it spills every conflict as a table"),
  );
}
