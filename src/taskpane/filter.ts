/**
 * Search and filters across every section: each listed item says what it is about and when; non-matching items hide,
 * and so does any card or table they leave empty. A year is either a fiscal year (what a figure or filing covers)
 * or a calendar year (when something happened): one meaning per choice, and each choice says which.
 */
import { core } from "./content";

export type Filters = { readonly query: string; readonly kind: string; readonly year: string };
/** The fiscal years an item covers and the calendar years it is dated in. */
export type When = { readonly fiscal?: readonly number[]; readonly calendar?: readonly number[] };

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

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));
const descending = (years: Iterable<number>) => [...new Set(years)].sort((a, b) => b - a);
const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The statements' periods: the fiscal years they hold and every calendar year their periods run through. */
export const STATEMENT_YEARS: When = {
  fiscal: core.periods.filter((p) => p.kind === "fiscal_year").map((p) => p.fiscalYear),
  calendar: descending(core.periods.filter((p) => p.kind !== "quarter").flatMap((p) => span(yearOf(p.start), yearOf(p.end)))),
};

/** The year filter's choices, from the dataset: value "fy:YYYY" or "cy:YYYY", and a label that says which it is. */
export const YEARS = {
  fiscal: descending([...STATEMENT_YEARS.fiscal ?? [], ...core.filings.map((f) => f.fiscalYear)]).map((y) => [`fy:${y}`, `Fiscal year ${y}`] as const),
  calendar: descending([...core.events.map((e) => yearOf(e.date)), ...core.filings.map((f) => yearOf(f.filed))]).map((y) => [`cy:${y}`, `Calendar year ${y}`] as const),
};
export const yearLabel = (value: string): string => [...YEARS.fiscal, ...YEARS.calendar].find(([v]) => v === value)?.[1] ?? "";

/** Marks `element` as a searchable item of `kind` (one or several), dated by `when`, whose text is `text`. */
export function searchable<T extends HTMLElement>(element: T, kind: string | readonly string[], when: When | null, text: string): T {
  element.classList.add("item");
  element.dataset.kind = typeof kind === "string" ? kind : kind.join(" ");
  element.dataset.fiscal = (when?.fiscal ?? []).join(" ");
  element.dataset.calendar = (when?.calendar ?? []).join(" ");
  element.dataset.search = text.toLowerCase();
  return element;
}

function matches(element: HTMLElement, filters: Filters, words: readonly string[]): boolean {
  if (filters.kind && !(element.dataset.kind ?? "").split(" ").includes(filters.kind)) return false;
  const [scale, year] = filters.year.split(":");
  if (year && !(element.dataset[scale === "fy" ? "fiscal" : "calendar"] ?? "").split(" ").includes(year)) return false;
  const text = element.dataset.search ?? "";
  return words.every((word) => text.includes(word));
}

/** Shows the items that match, hides the rest and any card or table left empty; returns the matches per panel id. */
export function applyFilters(root: ParentNode, filters: Filters): Map<string, number> {
  const words = filters.query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 20);
  const counts = new Map<string, number>();
  for (const element of root.querySelectorAll<HTMLElement>(".item")) {
    const shown = matches(element, filters, words);
    element.hidden = !shown;
    const panel = element.closest<HTMLElement>("[role=tabpanel]")?.id ?? "";
    counts.set(panel, (counts.get(panel) ?? 0) + (shown ? 1 : 0));
  }
  for (const shell of root.querySelectorAll<HTMLElement>("section:not([role=tabpanel]), table")) {
    if (shell.querySelector(".item")) shell.toggleAttribute("data-emptied", !shell.querySelector(".item:not([hidden])"));
  }
  return counts;
}

export const isFiltering = (filters: Filters) => Boolean(filters.query.trim() || filters.kind || filters.year);
