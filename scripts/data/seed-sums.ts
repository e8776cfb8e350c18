/**
 * seeds/SHA256SUMS records the SHA-256 of each seed document as it was received, in `sha256sum` format, so
 * `cd seeds && sha256sum -c SHA256SUMS` checks them too. The generator and the tests compare the seeds with this
 * record, which is kept apart from the files it describes: an edit to a seed is caught instead of regenerated from.
 */
import { createHash } from "crypto";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";

export const SUMS_FILE = "SHA256SUMS";

/** The recorded digest of each file; a line that is not `<64 hex digits>  <file>` is an error. */
export function parseSums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  text.split("\n").forEach((line, index) => {
    if (line === "") return;
    const m = /^([0-9a-f]{64}) [ *]([^/\\]+)$/.exec(line);
    if (!m) throw new Error(`seeds/${SUMS_FILE} line ${index + 1} is not "<sha256>  <file>": ${JSON.stringify(line.slice(0, 80))}`);
    sums.set(m[2] as string, m[1] as string);
  });
  return sums;
}

/** Every way seeds/ under `root` differs from its record: a changed, missing or unrecorded file. Empty when they agree. */
export function seedSumProblems(root: string): string[] {
  const dir = join(root, "seeds");
  const sums = parseSums(readFileSync(join(dir, SUMS_FILE), "utf8"));
  const present = readdirSync(dir).filter((file) => file !== SUMS_FILE);
  const problems: string[] = [];
  for (const [file, recorded] of sums) {
    if (!present.includes(file)) {
      problems.push(`seeds/${file} is recorded in seeds/${SUMS_FILE} but missing`);
      continue;
    }
    const actual = createHash("sha256").update(readFileSync(join(dir, file))).digest("hex");
    if (actual !== recorded) problems.push(`seeds/${file} has SHA-256 ${actual}, but seeds/${SUMS_FILE} records ${recorded}`);
  }
  for (const file of present) if (!sums.has(file)) problems.push(`seeds/${file} is not recorded in seeds/${SUMS_FILE}`);
  return problems;
}
