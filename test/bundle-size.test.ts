/** Size budgets of what ships: deterministic, so they live in npm test (timings live in npm run bench). */
import { readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { DIST } from "./support/load-functions";

const KIB = 1024;
const size = (file: string) => readFileSync(join(DIST, file)).length;
const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;

describe("bundle budgets", () => {
  it("functions.js, which carries the library, the dataset and its stated-ratio checks for both, the failing plausibility checks, and the data-type cards, and the event timeline (which the pane reads from it), stays within its budget (112.0 KiB, 31.6 KiB gzipped measured)", () => {
    expect(size("functions.js")).toBeLessThanOrEqual(114 * KIB);
    expect(gzipped("functions.js")).toBeLessThanOrEqual(32 * KIB);
  });

  it("functions.js carries no task-pane code, no zod and no test-only library", () => {
    const source = readFileSync(join(DIST, "functions.js"), "utf8");
    for (const needle of ["hyperformula", "HyperFormula", "ZodError", "office-js-helpers", "document.createElement"]) expect(source).not.toContain(needle);
  });

  it("the task pane's script, which reads the dataset functions.js loaded, stays within its budget (131.8 KiB, 41.9 KiB gzipped measured, restore's checks and preview, the formula evaluator and the year filters included)", () => {
    expect(size("taskpane.js")).toBeLessThanOrEqual(134 * KIB);
    expect(gzipped("taskpane.js")).toBeLessThanOrEqual(43 * KIB);
  });

  it("the pane's page loads at most 236 KiB of script, 71.5 KiB gzipped, for both bundles (233.3 and 70.1 KiB measured)", () => {
    expect(size("functions.js") + size("taskpane.js")).toBeLessThanOrEqual(236 * KIB);
    expect(gzipped("functions.js") + gzipped("taskpane.js")).toBeLessThanOrEqual(71.5 * KIB);
  });

  it("no shipped file contains the GPL spreadsheet engine used in tests", () => {
    for (const file of ["functions.js", "taskpane.js", "taskpane.html"]) expect(readFileSync(join(DIST, file), "utf8")).not.toMatch(/hyperformula/i);
  });
});
