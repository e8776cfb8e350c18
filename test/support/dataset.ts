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

const fiscalYears = dataset.periods.filter((p) => p.kind === "fiscal_year").map((p) => p.fiscalYear);
/** The committed dataset's first and latest fiscal years, which messages give as examples. */
export const FIRST_YEAR = Math.min(...fiscalYears);
export const LATEST_YEAR = Math.max(...fiscalYears);
/** The label of its latest quarter ("Qn YYYY"), which a message gives as the example of a quarter. */
export const LATEST_QUARTER = dataset.periods.filter((p) => p.kind === "quarter").sort((a, b) => a.end.localeCompare(b.end)).pop()?.label ?? null;
/** The periods with an implied exchange rate, in time order. */
export const FX_PERIODS = [...dataset.periods].sort((a, b) => a.end.localeCompare(b.end) || (a.kind === "ttm" ? 1 : -1)).map((p) => p.id).filter((id) => dataset.fx.some((r) => r.period === id));
