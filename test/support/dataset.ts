/** The committed dataset as the tests see it, with helpers to walk every citation in it. */
import { readFileSync } from "fs";
import { join } from "path";
import core from "../../src/data/core.json";
import text from "../../src/data/text.json";
import type { Dataset, Source } from "../../src/data/schema";

export const ROOT = join(__dirname, "..", "..");
export const dataset = { ...core, ...text } as unknown as Dataset;

const seedLines = new Map<string, string[]>();
export function seedLine(file: string, line: number): string | undefined {
  if (!seedLines.has(file)) seedLines.set(file, readFileSync(join(ROOT, "seeds", file), "utf8").split("\n"));
  return seedLines.get(file)?.[line - 1];
}

/** Every { file, line, text } anywhere in the dataset, with the path that leads to it. */
export function allSources(): { path: string; source: Source }[] {
  const out: { path: string; source: Source }[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${path}[${i}]`));
    if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (typeof record.file === "string" && typeof record.line === "number" && typeof record.text === "string") out.push({ path, source: record as Source });
      for (const [key, child] of Object.entries(record)) walk(child, `${path}.${key}`);
    }
  };
  walk(dataset, "dataset");
  return out;
}
