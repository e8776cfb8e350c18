/** Size budgets of what ships: deterministic, so they live in npm test (timings live in npm run bench). */
import { readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { DIST } from "./support/load-functions";

const KIB = 1024;
const size = (file: string) => readFileSync(join(DIST, file)).length;
const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;

describe("bundle budgets", () => {
  it("functions.js, which carries the library, the dataset and its stated-ratio checks for both, the failing plausibility checks, and the data-type cards, and the event timeline (which the pane reads from it), stays within its budget (114.0 KiB, 32.2 KiB gzipped measured)", () => {
    expect(size("functions.js")).toBeLessThanOrEqual(114 * KIB);
    expect(gzipped("functions.js")).toBeLessThanOrEqual(32.5 * KIB);
  });

  it("functions.js carries no task-pane code, no zod, no test-only library and no function signatures (only the data types of the spec)", () => {
    const source = readFileSync(join(DIST, "functions.js"), "utf8");
    for (const needle of ["hyperformula", "HyperFormula", "ZodError", "office-js-helpers", "document.createElement", "fiscal_year_or_ttm"]) expect(source).not.toContain(needle);
  });

  it("the task pane's script, which reads the dataset functions.js loaded, stays within its budget (159.3 KiB, 50.8 KiB gzipped measured: restore's checks and preview, every plausibility check, the at-a-glance card and stale notice, the trend charts, the formula evaluator and the year filters, and the KC model's template, Excel writer and preview, 19.2 KiB of it)", () => {
    expect(size("taskpane.js")).toBeLessThanOrEqual(164 * KIB);
    expect(gzipped("taskpane.js")).toBeLessThanOrEqual(52 * KIB);
  });

  it("the pane's page loads at most 278 KiB of script, 84 KiB gzipped, for both bundles (273.3 and 83.1 KiB measured)", () => {
    expect(size("functions.js") + size("taskpane.js")).toBeLessThanOrEqual(278 * KIB);
    expect(gzipped("functions.js") + gzipped("taskpane.js")).toBeLessThanOrEqual(84 * KIB);
  });

  it("no shipped file contains the GPL spreadsheet engine used in tests", () => {
    for (const file of ["functions.js", "taskpane.js", "taskpane.html"]) expect(readFileSync(join(DIST, file), "utf8")).not.toMatch(/hyperformula/i);
  });
});
