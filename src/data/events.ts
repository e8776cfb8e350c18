/** KC.EVENTS: every dated event of both pages, newest first, with the text and the line each is read from. */
import { quoted } from "./citation";
import { dataset } from "./dataset";
import { excelSerial } from "./dates";
import { EVENT_KIND_LABEL } from "./event-kinds";
import { ok, type Result, type Scalar } from "./result";

export function eventList(): Result<Scalar[][]> {
  return ok(
    [
      ["Date", "Kind", "Event", "Details", "Source"],
      ...dataset.events.map((e) => [excelSerial(e.date), EVENT_KIND_LABEL[e.kind], e.title, e.text, quoted(e.source)]),
    ],
    [],
  );
}
