/**
 * `npm run data` regenerates src/data/core.json and src/data/text.json from seeds/; `npm run data -- --check`
 * (run before every build) regenerates them in memory, validates them against the schema and fails if they differ
 * from the committed files. Both first check seeds/ against seeds/SHA256SUMS and refuse a seed that changed.
 * `npm run data -- --diff <git-ref>` prints what changed between the generated files at that ref and in the working
 * tree (run `npm run data` first); it writes nothing and exits 0 whatever it finds.
 */
import { spawnSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { generate } from "./data/dataset";
import { datasetDiff, type Snapshot } from "./data/diff";

const root = join(__dirname, "..", "..");
const FILES = ["core.json", "text.json"] as const;

/** The generated files at a git ref, or in the working tree when `ref` is null. */
function snapshot(ref: string | null): Snapshot {
  const read = (name: string): string => {
    if (ref === null) return readFileSync(join(root, "src", "data", name), "utf8");
    const git = spawnSync("git", ["show", `${ref}:src/data/${name}`], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (git.status !== 0) throw new Error(`git cannot read src/data/${name} at ${JSON.stringify(ref)}: ${git.error?.message ?? git.stderr.trim()}`);
    return git.stdout;
  };
  return Object.assign({}, ...FILES.map((name) => JSON.parse(read(name)) as Snapshot)) as Snapshot;
}

function diff(ref: string | undefined): number {
  if (!ref || ref.startsWith("-")) {
    console.error("--diff needs a git ref to compare with, e.g. `npm run data -- --diff HEAD`.");
    return 1;
  }
  process.stdout.write(`${datasetDiff(snapshot(ref), snapshot(null)).join("\n")}\n`);
  return 0;
}

function main(): number {
  const diffAt = process.argv.indexOf("--diff");
  if (diffAt >= 0) return diff(process.argv[diffAt + 1]);
  const { dataset, files } = generate(root);
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
