/** Size budgets of what ships: deterministic, so they live in npm test (timings live in npm run bench). */
import { readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { DIST } from "./support/load-functions";

const KIB = 1024;
const size = (file: string) => readFileSync(join(DIST, file)).length;
const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;

describe("bundle budgets", () => {
  it("functions.js, which carries the library, the dataset and its stated-ratio checks for both, and the data-type cards, stays within its budget (102.7 KiB, 28.5 KiB gzipped measured)", () => {
    expect(size("functions.js")).toBeLessThanOrEqual(104 * KIB);
    expect(gzipped("functions.js")).toBeLessThanOrEqual(28.5 * KIB);
  });

  it("functions.js carries no task-pane code, no zod, no test-only library and no function signatures (only the data types of the spec)", () => {
    const source = readFileSync(join(DIST, "functions.js"), "utf8");
    for (const needle of ["hyperformula", "HyperFormula", "ZodError", "office-js-helpers", "document.createElement", "fiscal_year_or_ttm"]) expect(source).not.toContain(needle);
  });

  it("the task pane's script, which reads the dataset functions.js loaded, stays within its budget (122.9 KiB, 38.7 KiB gzipped measured, restore's checks and preview included)", () => {
    expect(size("taskpane.js")).toBeLessThanOrEqual(128 * KIB);
    expect(gzipped("taskpane.js")).toBeLessThanOrEqual(40.5 * KIB);
  });

  it("the pane's page loads at most 230 KiB of script, 69 KiB gzipped, for both bundles (225.6 and 67.2 KiB measured)", () => {
    expect(size("functions.js") + size("taskpane.js")).toBeLessThanOrEqual(230 * KIB);
    expect(gzipped("functions.js") + gzipped("taskpane.js")).toBeLessThanOrEqual(69 * KIB);
  });

  it("no shipped file contains the GPL spreadsheet engine used in tests", () => {
    for (const file of ["functions.js", "taskpane.js", "taskpane.html"]) expect(readFileSync(join(DIST, file), "utf8")).not.toMatch(/hyperformula/i);
  });
});
