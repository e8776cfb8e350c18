/**
 * How a source is named to a reader, in KC.SOURCE, the cards, the inserted tables and the task pane alike: by its seed
 * file, for a reader who opens the text itself, or by the title the dataset gives the document; then the line, and for
 * a table row the page prints run together ("Total Revenue9.02B7.79B…"), the one cell meant.
 */
import type { Source } from "./schema";

export type SeedTitle = { readonly file: string; readonly title: string };

/** The one way a citation is written: the document, "line N" ("lines N, M" of one document), and any text read there. */
function cite(document: string, lines: number | readonly number[], text?: string): string {
  const all = [lines].flat();
  return `${document} line${all.length > 1 ? "s" : ""} ${all.join(", ")}${text ? `: "${text}"` : ""}`;
}

/** "seeds/<file> line N", or "lines N, M" of one file, then `: "<text>"` when given: the seed a reader can open. */
export const seedLine = (file: string, lines: number | readonly number[], text?: string): string => cite(`seeds/${file}`, lines, text);

/** The document by its title (the Hong Kong page's title carries its date), before the line. */
const titled = (seeds: readonly SeedTitle[], file: string) => `${seeds.find((seed) => seed.file === file)?.title ?? file},`;

/** "<document title>, line N": the document by its title and the line of its text the value is read from. */
export const whereIn = (seeds: readonly SeedTitle[], s: Source): string => cite(titled(seeds, s.file), s.line);

const FIGURE = /[-+]?(?:HK\$|US\$|\$|RMB ?)?[-+]?\d[\d,]*(?:\.\d+)?[KMB%]?/g;

/** "Total Revenue × <column>" for a table row: a label, then nothing but several figures; null for any other line. */
export function tableCell(s: Source, column: string): string | null {
  const row = /^(.*?[A-Za-z)])(?=[-+]?(?:HK\$|US\$|\$)?\d)/.exec(s.text)?.[1];
  if (!row) return null;
  const rest = s.text.slice(row.length);
  return (rest.match(FIGURE) ?? []).length > 1 && rest.replace(FIGURE, "") === "" ? `${row.trim()} × ${column}` : null;
}

/** "<document title>, line N: "<quoted text>"": where, and the text read there. */
export const quotedIn = (seeds: readonly SeedTitle[], s: Source): string => cite(titled(seeds, s.file), s.line, s.text);
