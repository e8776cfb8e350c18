/** Events: one timeline, newest first — corporate events, the earnings call, filings, the listing, next earnings. */
import { seedLine } from "../data/citation";
import { excelSerial } from "../data/dates";
import { EVENT_KIND_LABEL } from "../data/event-kinds";
import type { Event, Titled } from "../data/schema";
import { actionButton, type Actions } from "./actions";
import { core, content } from "./content";
import { h } from "./dom";
import { searchable, type When } from "./filter";
import { filingSummary } from "./filings";
import { date, prose } from "./format";
import { sourceNote } from "./source-note";

const LABEL = EVENT_KIND_LABEL;
const KIND: Record<Event["kind"], string> = {
  corporate: "corporate", earnings_call: "earnings", earnings_release: "earnings", filing: "filing", listing: "profile", next_earnings: "earnings", analysis: "profile",
};

function updates(title: string, items: readonly Titled[]): HTMLElement {
  return h("div", { className: "updates" }, h("h4", {}, title), h("ul", {}, items.map((u) => h("li", {}, h("strong", {}, u.title), " — ", u.text, sourceNote([u.source])))));
}

function details(event: Event): HTMLElement | null {
  if (event.kind === "earnings_call") {
    const call = content.earningsCall;
    return h(
      "div",
      {},
      h("p", {}, `Sentiment: ${call.sentiment}.`),
      updates("Positive updates", call.positives),
      updates("Negative updates", call.negatives),
      h("h4", {}, "Guidance"),
      h("p", {}, call.guidance.text),
      sourceNote([call.guidance.source]),
    );
  }
  if (event.kind === "next_earnings") {
    const conflict = core.conflicts.find((c) => c.id === "next_earnings_date");
    return conflict ? h("p", { className: "conflict", role: "note" }, `Sources disagree: ${prose(conflict.why)}`) : null;
  }
  return null;
}

/** The report a filing event files. */
const filed = (event: Event) => (event.kind === "filing" ? core.filings.find((f) => f.filed === event.date) : undefined);

/** The calendar year an event happened in; a filing also covers the fiscal year of the report it files. */
function when(event: Event): When {
  const report = filed(event);
  return { calendar: [Number(event.date.slice(0, 4))], fiscal: report ? [report.fiscalYear] : [] };
}

/** What the event says; a filing's figures as the Filings tab writes them. */
function said(event: Event): string {
  const report = filed(event);
  return report ? filingSummary(report) : prose(event.text);
}

function eventTable(events: readonly Event[]) {
  return {
    name: "KC_Events",
    header: ["Date", "Kind", "Title", "Text", "Source"],
    rows: events.map((e) => [excelSerial(e.date), LABEL[e.kind], e.title, e.text, seedLine(e.source.file, e.source.line)]),
    formats: ["yyyy-mm-dd", "@", "@", "@", "@"],
  };
}

export function events(actions: Actions): HTMLElement {
  const items = core.events.map((event) => {
    const text = [event.title, said(event), LABEL[event.kind]].join(" ");
    return searchable(
      h(
        "li",
        { className: `event ${event.kind}` },
        h("time", { datetime: event.date }, date(event.date)),
        h("span", { className: "badge" }, LABEL[event.kind]),
        h("h3", {}, event.title),
        h("p", {}, said(event)),
        details(event),
        sourceNote([event.source, ...event.related]),
      ),
      event.kind === "next_earnings" ? [KIND[event.kind], "conflict"] : KIND[event.kind],
      when(event),
      event.kind === "earnings_call" ? `${text} ${content.earningsCall.positives.map((p) => `${p.title} ${p.text}`).join(" ")} ${content.earningsCall.negatives.map((p) => `${p.title} ${p.text}`).join(" ")}` : text,
    );
  });
  return h(
    "div",
    {},
    h("ol", { className: "timeline", "aria-label": "Timeline, newest first" }, items),
    actionButton(actions, "Insert the timeline as a table", () => actions.insertTable(eventTable(core.events))),
  );
}
