/** Size budgets of what ships: deterministic, so they live in npm test (timings live in npm run bench). */
import { readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { DIST } from "./support/load-functions";

const KIB = 1024;
const size = (file: string) => readFileSync(join(DIST, file)).length;

describe("bundle budgets", () => {
  it("functions.js stays within 80 KiB minified", () => {
    expect(size("functions.js")).toBeLessThanOrEqual(80 * KIB);
  });

  it("functions.js carries no task-pane code, no zod and no test-only library", () => {
    const source = readFileSync(join(DIST, "functions.js"), "utf8");
    for (const needle of ["hyperformula", "HyperFormula", "ZodError", "office-js-helpers", "document.createElement"]) expect(source).not.toContain(needle);
  });

  it("the task pane's script stays within its budget (226 KiB, 64 KiB gzipped, measured with restore's checks)", () => {
    // Restore's formula parser, record checks and preview added about 15 KiB (8 KiB gzipped) to the 211 KiB before them.
    expect(size("taskpane.js")).toBeLessThanOrEqual(240 * KIB);
    expect(gzipSync(readFileSync(join(DIST, "taskpane.js"))).length).toBeLessThanOrEqual(68 * KIB);
  });

  it("no shipped file contains the GPL spreadsheet engine used in tests", () => {
    for (const file of ["functions.js", "taskpane.js", "taskpane.html"]) expect(readFileSync(join(DIST, file), "utf8")).not.toMatch(/hyperformula/i);
  });
});
