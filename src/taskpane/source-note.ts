/**
 * The provenance under every figure, as a disclosure: each source named by its document's title and line, the table
 * cell or the quoted text, and the seed file and line one click further.
 */
import { seedLine, tableCell, whereIn } from "../data/citation";
import type { Source } from "../data/schema";
import { core } from "./content";
import { h } from "./dom";

/** Where a source is a cell of a table row: the row's column (a period label) and the figure stated in it. */
export type Cell = { readonly column: string; readonly stated: string };

export const where = (s: Source): string => whereIn(core.seeds, s);

/** The seed file and line, with the line's text as the page prints it, behind one click. */
export function seedDisclosure(s: Source): HTMLElement {
  return h("details", { className: "seed" }, h("summary", {}, "Seed file and line"), h("span", { className: "seed-line" }, `${seedLine(s.file, s.line)}: `), h("q", {}, s.text));
}

/** A table cell as "row × column" and its figure; any other line as its quoted text. */
export function quoted(s: Source, cell: Cell | null = null): HTMLElement {
  const named = cell ? tableCell(s, cell.column) : null;
  return named ? h("span", { className: "cell" }, `${named}: `, h("q", {}, cell?.stated)) : h("q", {}, s.text);
}

export function citation(s: Source, cell: Cell | null = null, lead = ""): HTMLElement {
  return h("div", { className: "cite" }, h("span", { className: "where" }, `${lead}${where(s)}`), quoted(s, cell), seedDisclosure(s));
}

export function sourceNote(sources: readonly Source[], label = "Source", cellOf: (s: Source) => Cell | null = () => null): HTMLElement {
  return h("details", { className: "source" }, h("summary", {}, sources.length > 1 ? `${label}s (${sources.length})` : label), sources.map((s) => citation(s, cellOf(s))));
}

/** The cell of a metric's figure for a period, on whichever source line states it. */
export function factCell(metric: string, period: string): (s: Source) => Cell | null {
  const column = core.periods.find((p) => p.id === period)?.label ?? period;
  return (s) => {
    const fact = core.facts.find((f) => f.metric === metric && f.period === period && f.source.file === s.file && f.source.line === s.line);
    return fact ? { column, stated: fact.precision.stated } : null;
  };
}
