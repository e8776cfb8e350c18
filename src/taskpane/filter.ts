/** Search and filters across every section: each listed item says what it is about; non-matching items hide. */
export type Filters = { readonly query: string; readonly kind: string; readonly year: string };

export const KINDS: ReadonlyArray<readonly [string, string]> = [
  ["", "All kinds"],
  ["profile", "Profile and market"],
  ["filing", "Filings"],
  ["corporate", "Corporate events"],
  ["earnings", "Earnings"],
  ["risk", "Risks"],
  ["positive", "Positive factors"],
  ["conflict", "Conflicts"],
];

/** Marks `element` as a searchable item of `kind` (one or several) in `year` whose text is `text`. */
export function searchable<T extends HTMLElement>(element: T, kind: string | readonly string[], year: string | number | null, text: string): T {
  element.classList.add("item");
  element.dataset.kind = typeof kind === "string" ? kind : kind.join(" ");
  element.dataset.year = year === null ? "" : String(year);
  element.dataset.search = text.toLowerCase();
  return element;
}

function matches(element: HTMLElement, filters: Filters, words: readonly string[]): boolean {
  if (filters.kind && !(element.dataset.kind ?? "").split(" ").includes(filters.kind)) return false;
  if (filters.year && element.dataset.year !== filters.year) return false;
  const text = element.dataset.search ?? "";
  return words.every((word) => text.includes(word));
}

/** Shows the items that match, hides the rest; returns how many match in each panel (by panel id). */
export function applyFilters(root: ParentNode, filters: Filters): Map<string, number> {
  const words = filters.query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 20);
  const counts = new Map<string, number>();
  for (const element of root.querySelectorAll<HTMLElement>(".item")) {
    const shown = matches(element, filters, words);
    element.hidden = !shown;
    const panel = element.closest<HTMLElement>("[role=tabpanel]")?.id ?? "";
    counts.set(panel, (counts.get(panel) ?? 0) + (shown ? 1 : 0));
  }
  return counts;
}

export const isFiltering = (filters: Filters) => Boolean(filters.query.trim() || filters.kind || filters.year);
