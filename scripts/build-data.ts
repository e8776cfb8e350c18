/**
 * `npm run data` regenerates src/data/core.json and src/data/text.json from seeds/; `npm run data -- --check`
 * (run before every build) regenerates them in memory, validates them against the schema and fails if they differ
 * from the committed files. Both first check seeds/ against seeds/SHA256SUMS and refuse a seed that changed.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { DatasetCore, DatasetText } from "../src/data/schema";
import { buildDataset, validate } from "./data/dataset";
import { seedSumProblems } from "./data/seed-sums";

const root = join(__dirname, "..", "..");
const json = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;

function main(): number {
  const problems = seedSumProblems(root);
  if (problems.length > 0) {
    console.error(`${problems.join("\n")}\nThe seeds are the source documents byte for byte; if one was replaced on purpose, record it with \`cd seeds && sha256sum *.txt > SHA256SUMS\`.`);
    return 1;
  }
  const dataset = validate(buildDataset(root));
  const files = {
    "core.json": json(DatasetCore.parse(dataset)),
    "text.json": json(DatasetText.parse(dataset)),
  };
  const check = process.argv.includes("--check");
  for (const [name, text] of Object.entries(files)) {
    const target = join(root, "src", "data", name);
    if (!check) {
      writeFileSync(target, text);
      continue;
    }
    let committed: string;
    try {
      committed = readFileSync(target, "utf8");
    } catch {
      committed = "";
    }
    if (committed !== text) {
      console.error(`src/data/${name} differs from what seeds/ generate: run \`npm run data\` and commit the result.`);
      return 1;
    }
  }
  console.warn(`dataset ${check ? "checked" : "written"}: ${dataset.facts.length} facts, ${dataset.filings.length} filings, ${dataset.events.length} events, ${dataset.conflicts.length} conflicts`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
