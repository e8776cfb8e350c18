/**
 * A seed document as numbered lines, and the ways the generator cites it: by a unique piece of a line, by a line's
 * prefix, or by its place under a heading — never by a line number, so a page that gains a line still cites right.
 * `what` names the dataset field a citation is for, so a missing anchor says which field lost its text.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { SeedFile, Source } from "../../src/data/schema";

export class SeedCitationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedCitationError";
  }
}

/** A value read from a line that fails the check it must pass there. */
export class CuratedError extends Error {
  constructor(field: string, message: string, source: Source) {
    super(`${field}: ${message} on ${source.file} line ${source.line}: "${source.text}"`);
    this.name = "CuratedError";
  }
}

/**
 * `value` as read, once `ok` (its check against the line `source`) holds; else a CuratedError naming `field`:
 * `rating.analyst_rating: "Buy" is not on 002_….txt line 230: "…"`, or "is not <expected> on …".
 */
export function checked<T>(field: string, value: T, ok: boolean, source: Source, expected = ""): T {
  if (!ok) throw new CuratedError(field, `${JSON.stringify(value)} is not${expected ? ` ${expected}` : ""}`, source);
  return value;
}

/** A figure as the pages write it: "$344.48M", "-99.62%", "RMB 2.35 billion", "HK$7.50", "4,402,557", "-22.6". */
const FIGURE = String.raw`[-+]?(?:RMB ?|HK\$|US\$|\$)?-?\d[\d,]*(?:\.\d+)?(?:%| (?:billion|million)|[KMB](?![A-Za-z]))?`;
const PLACEHOLDERS: Record<string, string> = {
  "{#}": `(?<figure>${FIGURE})`,
  "{~}": `(?:${FIGURE})`,
  "{year}": String.raw`(?<year>\d{4})`,
  "{date}": String.raw`(?<date>[A-Z][a-z]{2} \d{1,2}, \d{4})`,
  "{text}": String.raw`(?<text>[^()]+)`,
  "{word}": String.raw`(?<word>[A-Za-z][A-Za-z/&' -]*[A-Za-z])`,
};

/** Every figure written in `text`, in order. */
export const figuresOf = (text: string): string[] => text.match(new RegExp(FIGURE, "g")) ?? [];

/**
 * What a template read on its line. A template is the words of a line with placeholders: `{#}` the figure to read,
 * `{~}` another figure, `{year}` a year, `{date}` a date ("Jan 28, 2026"), `{word}` a label, `{text}` any words outside parentheses; only the part inside `[[…]]`, when there is one, is cited.
 */
export type Reading = { source: Source; whole: Source; figure: string; year: string | null; date: string | null; text: string | null; word: string | null; context: string };

function compile(template: string): RegExp {
  const [lead, rest] = template.includes("[[") ? (template.split("[[") as [string, string]) : ["", template];
  const [cited = "", context = ""] = rest.split("]]");
  const part = (text: string) => text.split(/(\{#\}|\{~\}|\{year\}|\{date\}|\{text\}|\{word\})/).map((piece) => PLACEHOLDERS[piece] ?? piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("");
  return new RegExp(`${part(lead)}(?<cite>${part(cited)})(?<context>${part(context)})`);
}

export class Seed {
  readonly lines: readonly string[];

  constructor(readonly file: SeedFile, readonly text: string) {
    this.lines = text.split("\n");
  }

  static load(root: string, file: SeedFile): Seed {
    return new Seed(file, readFileSync(join(root, "seeds", file), "utf8"));
  }

  private fail(what: string | undefined, message: string): never {
    throw new SeedCitationError(`${what ? `${what}: ` : ""}${this.file}: ${message}`);
  }

  /** The line (1-based) holding `text`; the text must occur on exactly one line. */
  cite(text: string, what?: string): Source {
    const hits: number[] = [];
    this.lines.forEach((line, index) => {
      if (line.includes(text)) hits.push(index + 1);
    });
    if (hits.length !== 1) this.fail(what, `"${text}" is on ${hits.length} lines (${hits.join(", ")})`);
    return { file: this.file, line: hits[0] as number, text };
  }

  /** Cite the whole of line `n`. */
  line(n: number, what?: string): Source {
    const text = this.lines[n - 1]?.trim();
    if (!text) this.fail(what, `line ${n} is empty or missing`);
    return { file: this.file, line: n, text };
  }

  /** The whole line a citation sits on. */
  whole(source: Source): Source {
    return this.line(source.line);
  }

  /** The first line number (1-based) after line `after` whose trimmed text equals `text`. */
  indexOf(text: string, after = 0, what?: string): number {
    const index = this.lines.findIndex((line, i) => i + 1 > after && line.trim() === text);
    if (index < 0) this.fail(what, `no line${after ? ` after line ${after}` : ""} reads "${text}"`);
    return index + 1;
  }

  /** The first line number after line `after` that reads `heading` exactly, for the field `what`. */
  at(heading: string, what: string, after = 0): number {
    return this.indexOf(heading, after, what);
  }

  /** The `nth` non-empty line below the first line reading `heading` (after line `after`). */
  below(heading: string, what: string, nth = 1, after = 0): Source {
    return this.nonEmpty(this.indexOf(heading, after, what), nth, what);
  }

  /** The `nth` non-empty line from line `from`, counting down (positive) or up (negative). */
  nonEmpty(from: number, nth: number, what?: string): Source {
    const step = Math.sign(nth);
    let n = from;
    for (let left = Math.abs(nth); left > 0; ) {
      n += step;
      if (n < 1 || n > this.lines.length) this.fail(what, `no line ${Math.abs(nth)} ${step > 0 ? "below" : "above"} line ${from}`);
      if (this.lines[n - 1]?.trim()) left -= 1;
    }
    return this.line(n, what);
  }

  /** The first non-empty line below line `from`. */
  after(from: number, what?: string): Source {
    return this.nonEmpty(from, 1, what);
  }

  /** The first non-empty line above line `from`. */
  before(from: number, what?: string): Source {
    return this.nonEmpty(from, -1, what);
  }

  /** The `count` non-empty lines below line `from`. */
  next(from: number, count: number, what?: string): Source[] {
    return Array.from({ length: count }, (_, i) => this.nonEmpty(from, i + 1, what));
  }

  /** The non-empty lines below line `from` up to the first that does not match `pattern`. */
  run(from: number, pattern: RegExp): Source[] {
    const out: Source[] = [];
    for (let n = from + 1; n <= this.lines.length && pattern.test(this.lines[n - 1]?.trim() ?? ""); n += 1) out.push(this.line(n));
    return out;
  }

  /** The non-empty lines strictly between lines `from` and `to`. */
  between(from: number, to: number): Source[] {
    return this.lines.flatMap((line, i) => (i + 1 > from && i + 1 < to && line.trim() ? [this.line(i + 1)] : []));
  }

  /** Every line whose trimmed text starts with `prefix`, with what follows the prefix. */
  allStartingWith(prefix: string): { source: Source; rest: string }[] {
    return this.lines.flatMap((line, i) => (line.trim().startsWith(prefix) ? [{ source: this.line(i + 1), rest: line.trim().slice(prefix.length) }] : []));
  }

  /** The one line that starts with `prefix`, cited whole, and what follows the prefix. */
  startingWith(prefix: string, what: string): { source: Source; rest: string } {
    const hits = this.allStartingWith(prefix);
    if (hits.length !== 1) this.fail(what, `${hits.length} lines start with "${prefix}" (${hits.map((h) => h.source.line).join(", ")})`);
    return hits[0] as { source: Source; rest: string };
  }

  /** The one line `template` matches (or line `at` alone, when given), and what its placeholders read. */
  find(template: string, what: string, at?: Source): Reading {
    const pattern = compile(template);
    const candidates = at ? [at.line] : this.lines.map((_, i) => i + 1);
    const hits = candidates.flatMap((n) => {
      const match = pattern.exec(this.lines[n - 1] ?? "");
      return match?.groups ? [{ n, groups: match.groups }] : [];
    });
    if (hits.length !== 1) {
      this.fail(what, at ? `"${template}" does not read line ${at.line}: "${at.text}"` : `"${template}" reads ${hits.length} lines (${hits.map((h) => h.n).join(", ")})`);
    }
    const { n, groups } = hits[0] as { n: number; groups: Record<string, string | undefined> };
    return {
      source: { file: this.file, line: n, text: groups.cite ?? "" },
      whole: this.line(n),
      figure: groups.figure ?? "",
      year: groups.year ?? null,
      date: groups.date ?? null,
      text: groups.text ?? null,
      word: groups.word ?? null,
      context: groups.context ?? "",
    };
  }

  /** The nearest line above line `from` whose trimmed text matches `pattern`. */
  above(from: number, pattern: RegExp, what: string): { source: Source; match: RegExpExecArray } {
    for (let n = from - 1; n >= 1; n -= 1) {
      const match = pattern.exec(this.lines[n - 1]?.trim() ?? "");
      if (match) return { source: this.line(n), match };
    }
    return this.fail(what, `no line above line ${from} reads ${String(pattern)}`);
  }
}
