/** How a value's source reads to an analyst: the document by its title, the line, and the text quoted from it. */
import { dataset } from "./dataset";
import type { Source } from "./schema";

const titleOf = (file: string): string => dataset.seeds.find((s) => s.file === file)?.title ?? file;

/** "<document title>, line N": the document by its title and the line of its text the value is read from. */
export const where = (s: Source): string => `${titleOf(s.file)}, line ${s.line}`;

/** "<document title>, line N: "<quoted text>"". */
export const quoted = (s: Source): string => `${where(s)}: "${s.text}"`;
