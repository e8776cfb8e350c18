/**
 * How a source is named to a reader, in the cards and the task pane alike: the document by the title the dataset
 * gives it (the Hong Kong page's title carries its date), the line, and for a table row the page prints run
 * together ("Total Revenue9.02B7.79B…"), the one cell meant.
 */
import type { Source } from "./schema";

export type SeedTitle = { readonly file: string; readonly title: string };

/** "<document title>, line N": the document by its title and the line of its text the value is read from. */
export function whereIn(seeds: readonly SeedTitle[], s: Source): string {
  return `${seeds.find((seed) => seed.file === s.file)?.title ?? s.file}, line ${s.line}`;
}

/** The seed file and line, for a reader who wants to open the text itself. */
export const seedLine = (s: Source): string => `seeds/${s.file}, line ${s.line}`;

const FIGURE = /[-+]?(?:HK\$|US\$|\$|RMB ?)?[-+]?\d[\d,]*(?:\.\d+)?[KMB%]?/g;

/** "Total Revenue × <column>" for a table row: a label, then nothing but several figures; null for any other line. */
export function tableCell(s: Source, column: string): string | null {
  const row = /^(.*?[A-Za-z)])(?=[-+]?(?:HK\$|US\$|\$)?\d)/.exec(s.text)?.[1];
  if (!row) return null;
  const rest = s.text.slice(row.length);
  return (rest.match(FIGURE) ?? []).length > 1 && rest.replace(FIGURE, "") === "" ? `${row.trim()} × ${column}` : null;
}

/** "<document title>, line N: "<quoted text>"": where, and the text read there. */
export const quotedIn = (seeds: readonly SeedTitle[], s: Source): string => `${whereIn(seeds, s)}: "${s.text}"`;
