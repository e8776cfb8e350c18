/** Size budgets of what ships: deterministic, so they live in npm test (timings live in npm run bench). */
import { readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { DIST } from "./support/load-functions";

const KIB = 1024;
const size = (file: string) => readFileSync(join(DIST, file)).length;
const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;

describe("bundle budgets", () => {
  it("functions.js, which carries the library and the dataset for both, stays within its budget (77.5 KiB, 20.3 KiB gzipped measured)", () => {
    expect(size("functions.js")).toBeLessThanOrEqual(82 * KIB);
    expect(gzipped("functions.js")).toBeLessThanOrEqual(21.5 * KIB);
  });

  it("functions.js carries no task-pane code, no zod and no test-only library", () => {
    const source = readFileSync(join(DIST, "functions.js"), "utf8");
    for (const needle of ["hyperformula", "HyperFormula", "ZodError", "office-js-helpers", "document.createElement"]) expect(source).not.toContain(needle);
  });

  it("the task pane's script, which reads the dataset functions.js loaded, stays within its budget (113 KiB, 34.4 KiB gzipped measured)", () => {
    expect(size("taskpane.js")).toBeLessThanOrEqual(119 * KIB);
    expect(gzipped("taskpane.js")).toBeLessThanOrEqual(36 * KIB);
  });

  it("the pane's page loads at most 200 KiB of script, 57 KiB gzipped, for both bundles (190.5 and 54.7 KiB measured)", () => {
    expect(size("functions.js") + size("taskpane.js")).toBeLessThanOrEqual(200 * KIB);
    expect(gzipped("functions.js") + gzipped("taskpane.js")).toBeLessThanOrEqual(57 * KIB);
  });

  it("no shipped file contains the GPL spreadsheet engine used in tests", () => {
    for (const file of ["functions.js", "taskpane.js", "taskpane.html"]) expect(readFileSync(join(DIST, file), "utf8")).not.toMatch(/hyperformula/i);
  });
});
