/** A seed document as numbered lines, and the one way the generator cites it: by a unique piece of a line. */
import { readFileSync } from "fs";
import { join } from "path";
import type { SeedFile, Source } from "../../src/data/schema";

export class SeedCitationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedCitationError";
  }
}

export class Seed {
  readonly lines: readonly string[];

  constructor(readonly file: SeedFile, readonly text: string) {
    this.lines = text.split("\n");
  }

  static load(root: string, file: SeedFile): Seed {
    return new Seed(file, readFileSync(join(root, "seeds", file), "utf8"));
  }

  /** The line (1-based) holding `text`; the text must occur on exactly one line. */
  cite(text: string): Source {
    const hits: number[] = [];
    this.lines.forEach((line, index) => {
      if (line.includes(text)) hits.push(index + 1);
    });
    if (hits.length !== 1) throw new SeedCitationError(`${this.file}: "${text}" is on ${hits.length} lines (${hits.join(", ")})`);
    return { file: this.file, line: hits[0] as number, text };
  }


  /** Cite the whole of line `n`. */
  line(n: number): Source {
    const text = this.lines[n - 1]?.trim();
    if (!text) throw new SeedCitationError(`${this.file}: line ${n} is empty or missing`);
    return { file: this.file, line: n, text };
  }

  /** The first line number (1-based) whose trimmed text equals `text`. */
  indexOf(text: string, after = 0): number {
    const index = this.lines.findIndex((line, i) => i + 1 > after && line.trim() === text);
    if (index < 0) throw new SeedCitationError(`${this.file}: no line reads "${text}"`);
    return index + 1;
  }
}
