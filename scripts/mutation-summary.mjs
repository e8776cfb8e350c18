/**
 * Prints the mutation report (reports/mutation/mutation.json, written by `npm run mutation`) as the markdown tables
 * of docs/MUTATION.md: the score per file, then every surviving or uncovered mutant with its line, replacement and
 * the reason it may stay.
 *
 * Reasons live in docs/mutation-reasons.json, one entry per mutant: its file, mutator, replacement, the source line it
 * changes (trimmed) and its column there, so that a reason follows its mutant when lines above it move, and lapses
 * when the line itself changes. A missed mutant without a reason is printed as "No reason recorded" and listed on stderr as a stub entry to
 * fill in; with --check the script then exits 1, and it also names reasons that no longer match any missed mutant.
 *
 *   node scripts/mutation-summary.mjs [report.json] [--reasons file.json] [--check]
 */
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, 2)[1];
};
const reasonsFile = option("--reasons") ?? "docs/mutation-reasons.json";
const check = args.includes("--check");
const reportFile = args.find((a) => !a.startsWith("--")) ?? "reports/mutation/mutation.json";

const report = JSON.parse(readFileSync(reportFile, "utf8"));
const reasons = JSON.parse(readFileSync(reasonsFile, "utf8"));
const DETECTED = new Set(["Killed", "Timeout", "RuntimeError", "CompileError"]);
const MISSED = new Set(["Survived", "NoCoverage"]);
const score = (detected, valid) => (valid ? `${((100 * detected) / valid).toFixed(2)}%` : "n/a");
const keyOf = (r) => JSON.stringify([r.file, r.mutator, r.replacement, r.code, r.column]);
const reasonByKey = new Map(reasons.map((r) => [keyOf(r), r.reason]));
const cell = (text, max) => text.replace(/\s+/g, " ").replace(/\|/g, "\\|").slice(0, max);

const rows = [];
const missed = [];
const unexplained = [];
const used = new Set();
const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
for (const [path, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const file = path.replace(/^src\/data\//, "");
  const lines = source.split("\n");
  const count = (status) => mutants.filter((m) => m.status === status).length;
  const row = { killed: count("Killed"), timeout: count("Timeout"), survived: count("Survived"), noCoverage: count("NoCoverage"), ignored: count("Ignored") };
  for (const key of Object.keys(total)) total[key] += row[key];
  const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
  const valid = detected + mutants.filter((m) => MISSED.has(m.status)).length;
  rows.push(`| ${path} | ${score(detected, valid)} | ${row.killed} | ${row.timeout} | ${row.survived} | ${row.noCoverage} | ${row.ignored} |`);
  for (const m of mutants.filter((x) => MISSED.has(x.status)).sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)) {
    const text = lines[m.location.start.line - 1] ?? "";
    const code = text.trim();
    const column = m.location.start.column - (text.length - text.trimStart().length);
    const entry = { file, mutator: m.mutatorName, replacement: m.replacement ?? "", code, column };
    const reason = reasonByKey.get(keyOf(entry));
    if (reason) used.add(keyOf(entry));
    else unexplained.push({ ...entry, reason: "" });
    missed.push(`| ${file}:${m.location.start.line} | ${m.mutatorName} | \`${cell(m.replacement ?? "", 60)}\` | ${m.status} | ${reason ?? "No reason recorded"} |`);
  }
}
const detected = total.killed + total.timeout;
console.log("| file | score | killed | timeout | survived | no coverage | ignored |\n|---|---|---|---|---|---|---|");
console.log(rows.join("\n"));
console.log(`| **all** | **${score(detected, detected + total.survived + total.noCoverage)}** | ${total.killed} | ${total.timeout} | ${total.survived} | ${total.noCoverage} | ${total.ignored} |`);
console.log("\n| where | mutator | replacement | status | why it may stay |\n|---|---|---|---|---|");
console.log(missed.join("\n"));

const stale = reasons.filter((r) => !used.has(keyOf(r)));
if (unexplained.length) console.error(`\n${unexplained.length} missed mutant(s) without a reason in ${reasonsFile}; entries to fill in:\n${JSON.stringify(unexplained, null, 1)}`);
if (stale.length) console.error(`\n${stale.length} reason(s) in ${reasonsFile} match no missed mutant of this report (killed now, or their line changed):\n${stale.map((r) => `  ${r.file}: ${r.mutator} on ${r.code.slice(0, 80)}`).join("\n")}`);
if (check && (unexplained.length || stale.length)) process.exit(1);
