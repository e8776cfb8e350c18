/**
 * Prints the mutation report (reports/mutation/mutation.json, written by `npm run mutation`) as the markdown tables
 * of docs/MUTATION.md: the score per file and every surviving or uncovered mutant with its line and replacement.
 */
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync(process.argv[2] ?? "reports/mutation/mutation.json", "utf8"));
const DETECTED = new Set(["Killed", "Timeout", "RuntimeError", "CompileError"]);
const MISSED = new Set(["Survived", "NoCoverage"]);
const score = (detected, valid) => (valid ? `${((100 * detected) / valid).toFixed(2)}%` : "n/a");

const rows = [];
const missed = [];
const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const count = (status) => mutants.filter((m) => m.status === status).length;
  const row = { killed: count("Killed"), timeout: count("Timeout"), survived: count("Survived"), noCoverage: count("NoCoverage"), ignored: count("Ignored") };
  for (const key of Object.keys(total)) total[key] += row[key];
  const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
  const valid = detected + mutants.filter((m) => MISSED.has(m.status)).length;
  rows.push(`| ${file} | ${score(detected, valid)} | ${row.killed} | ${row.timeout} | ${row.survived} | ${row.noCoverage} | ${row.ignored} |`);
  for (const m of mutants.filter((x) => MISSED.has(x.status)).sort((a, b) => a.location.start.line - b.location.start.line)) {
    const replacement = (m.replacement ?? "").replace(/\s+/g, " ").replace(/\|/g, "\\|").slice(0, 60);
    missed.push(`| ${file}:${m.location.start.line} | ${m.mutatorName} | \`${replacement}\` | ${m.status} |`);
  }
}
const detected = total.killed + total.timeout;
console.log("| file | score | killed | timeout | survived | no coverage | ignored |\n|---|---|---|---|---|---|---|");
console.log(rows.join("\n"));
console.log(`| **all** | **${score(detected, detected + total.survived + total.noCoverage)}** | ${total.killed} | ${total.timeout} | ${total.survived} | ${total.noCoverage} | ${total.ignored} |`);
console.log("\n| where | mutator | replacement | status |\n|---|---|---|---|");
console.log(missed.join("\n"));
