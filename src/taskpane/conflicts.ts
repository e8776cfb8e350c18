/** Where the two pages disagree: each conflict with the primary source, the others, and why the primary was chosen. */
import type { Conflict } from "../data/schema";
import { actionButton, type Actions } from "./actions";
import { core } from "./content";
import { h } from "./dom";
import { searchable } from "./filter";
import { prose } from "./format";
import { readable } from "./labels";
import { factCell, sourceNote } from "./source-note";

function conflict(c: Conflict): HTMLElement {
  const year = /FY(\d{4})/.exec(c.id)?.[1];
  const [metric = "", period = ""] = c.id.split(":");
  const subject = readable(c.subject);
  const why = prose(c.why);
  return searchable(
    h("div", { className: "row" }, h("dt", {}, subject), h("dd", {}, h("p", {}, why), sourceNote([c.primary], "Primary source", factCell(metric, period)), sourceNote(c.others, "Other source", factCell(metric, period)))),
    "conflict",
    year ? { fiscal: [Number(year)] } : null,
    `${subject} ${why}`,
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
