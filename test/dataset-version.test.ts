/** The dataset's version: its content hash names everything core.json and text.json hold, and nothing else. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { contentHash } from "../scripts/data/content-hash";
import { buildDataset } from "../scripts/data/dataset";
import { datasetDiff } from "../scripts/data/diff";
import type { Dataset } from "../src/data/schema";
import { dataset, ROOT } from "./support/dataset";

const copy = (): Dataset => JSON.parse(JSON.stringify(dataset)) as Dataset;

/** The same data with every object's keys written in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, child]) => [key, reversedKeys(child)]));
}

describe("the dataset's content hash", () => {
  it("is recorded in core.json as the hash of everything else the two files hold", () => {
    expect(dataset.contentHash).toMatch(/^[0-9a-f]{12}$/);
    expect(contentHash(dataset)).toBe(dataset.contentHash);
  });

  it.each<[string, (d: Dataset) => void]>([
    ["a figure's value changes", (d) => (d.facts[0]!.value += 1)],
    ["a figure's stated precision changes", (d) => (d.facts[0]!.precision.stated = `${d.facts[0]!.precision.stated} `)],
    ["a citation moves to another line", (d) => (d.facts[0]!.source.line += 1)],
    ["a quote's value changes", (d) => (d.listings[1]!.fields[0]!.value = 0)],
    ["a period's end changes", (d) => (d.periods[0]!.end = "2020-12-30")],
    ["a risk's text in text.json changes", (d) => (d.risks[0]!.text += ".")],
    ["a conflict's reason changes", (d) => (d.conflicts[0]!.why += ".")],
    ["the analysis date changes", (d) => (d.asOf.analysis = "2026-01-29")],
    ["a figure is removed", (d) => d.facts.pop()],
  ])("changes when %s", (_what, alter) => {
    const changed = copy();
    alter(changed);
    expect(contentHash(changed)).not.toBe(contentHash(copy()));
  });

  it("does not change with the order fields are written in, nor with the hash recorded beside them", () => {
    expect(contentHash(reversedKeys(dataset) as object)).toBe(dataset.contentHash);
    expect(contentHash({ ...dataset, contentHash: "000000000000" })).toBe(dataset.contentHash);
  });

  it("is generated: a seed with one figure changed regenerates a dataset with another hash, and the diff names the figure", () => {
    const root = mkdtempSync(join(tmpdir(), "kc-version-"));
    try {
      cpSync(join(ROOT, "seeds"), join(root, "seeds"), { recursive: true });
      const file = join(root, "seeds", "002_6d82bc69ff353dc9.txt");
      const text = readFileSync(file, "utf8");
      expect(text.split("Total Revenue9.02B").length).toBe(2);
      writeFileSync(file, text.replace("Total Revenue9.02B", "Total Revenue9.03B"));
      const changed = buildDataset(root);
      expect(changed.contentHash).toMatch(/^[0-9a-f]{12}$/);
      expect(changed.contentHash).not.toBe(dataset.contentHash);
      expect(changed.contentHash).toBe(contentHash(changed));
      expect(datasetDiff(dataset, changed)).toContain(
        '~ figure revenue TTM (RMB millions, statement table): 9020 → 9030, stated "9.02B" → "9.03B" — 002_6d82bc69ff353dc9.txt line 101 "Total Revenue9.02B7.79B7.05B8.18B9.06B6.58B" → "Total Revenue9.03B7.79B7.05B8.18B9.06B6.58B"',
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
