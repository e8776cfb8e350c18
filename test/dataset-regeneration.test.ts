import { createHash } from "crypto";
import { readFileSync } from "fs";
import { join } from "path";
import { buildDataset, validate } from "../scripts/data/dataset";
import { DatasetCore, DatasetText } from "../src/data/schema";
import { ROOT } from "./support/dataset";

const json = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;

describe("the committed dataset is what the seeds generate", () => {
  const fresh = validate(buildDataset(ROOT));

  it("core.json matches a fresh regeneration byte for byte", () => {
    expect(readFileSync(join(ROOT, "src/data/core.json"), "utf8")).toBe(json(DatasetCore.parse(fresh)));
  });

  it("text.json matches a fresh regeneration byte for byte", () => {
    expect(readFileSync(join(ROOT, "src/data/text.json"), "utf8")).toBe(json(DatasetText.parse(fresh)));
  });

  it("seeds/ are the shared source documents, byte for byte", () => {
    for (const seed of fresh.seeds) {
      const ours = readFileSync(join(ROOT, "seeds", seed.file));
      const shared = join(ROOT, "..", "shared", "seeds", seed.file);
      let theirs: Uint8Array | null;
      try {
        theirs = readFileSync(shared);
      } catch {
        theirs = null;
      }
      if (theirs) expect(Buffer.compare(ours, theirs)).toBe(0);
      expect(createHash("sha256").update(ours).digest("hex")).toBe(seed.sha256);
    }
  });

  it("a bad dataset fails validation naming the field and the seed line", () => {
    const broken = JSON.parse(JSON.stringify(fresh));
    broken.facts[3].value = "9.02B";
    const { file, line } = fresh.facts[3]!.source;
    expect(() => validate(broken)).toThrow(new RegExp(`facts\\.3\\.value: .*seed ${file.replace(/\./g, "\\.")} line ${line}\\b`));
  });
});
