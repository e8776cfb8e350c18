/**
 * The tests that mutation testing runs (`npm run mutation`): the suites that import src/ directly. Suites that load
 * the built dist/ bundle, start a server or drive a browser cannot see a mutant in src/ and are left out, as are
 * those that read source files as text or touch nothing in src/data.
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  // Credits code run at module load to no skipped test (see the file).
  testEnvironment: require("path").join(__dirname, "test/setup/mutation-environment.js"),
  testPathIgnorePatterns: [
    "/node_modules/",
    // Load dist/ or .build/ (built before the mutants exist, and not copied into Stryker's sandbox).
    "/test/argument-guards\\.test\\.ts$",
    "/test/bundle-size\\.test\\.ts$",
    "/test/checks-dist\\.test\\.ts$",
    "/test/coverage-reach\\.test\\.ts$",
    "/test/data-type-arguments\\.test\\.ts$",
    "/test/data-types\\.test\\.ts$",
    "/test/dataset-diff\\.test\\.ts$",
    "/test/did-you-mean-dist\\.test\\.ts$",
    "/test/function-names\\.test\\.ts$",
    "/test/function-reference\\.test\\.ts$",
    "/test/functions-dist\\.test\\.ts$",
    "/test/hostile-inputs\\.test\\.ts$",
    "/test/kc-model\\.test\\.ts$",
    "/test/lists-dist\\.test\\.ts$",
    "/test/manifest\\.test\\.ts$",
    "/test/office-helpers\\.test\\.ts$",
    "/test/period-errors-dist\\.test\\.ts$",
    "/test/shared-library\\.test\\.ts$",
    "/test/third-party-notices\\.test\\.ts$",
    "/test/unified-manifest\\.test\\.ts$",
    "/test/workbook\\.test\\.ts$",
    // Start servers or a browser.
    "/test/browser/",
    "/test/check-host\\.test\\.ts$",
    "/test/serve\\.test\\.ts$",
    "/test/start\\.test\\.ts$",
    // Read src/ as text (src/office, or every file for a year or date), or reach no module of src/data.
    "/test/api-sets\\.test\\.ts$",
    "/test/dataset-coverage\\.test\\.ts$",
    "/test/memo\\.test\\.ts$",
    "/test/no-dated-source\\.test\\.ts$",
    "/test/runtime-modules\\.test\\.ts$",
    // Drives src/office against the Excel double with sheets of up to 40,000 cells: it reaches src/data only through
    // the formula checks, which restore, formula-audit and formula-calls test directly, and it made each of those
    // mutants cost seconds.
    "/test/office-excel\\.test\\.ts$",
    // Mutates the curated layer of the generator itself (hundreds of generations per run); it reaches src/data only
    // through the schema, which the dataset suites cover.
    "/test/curated-mutation\\.test\\.ts$",
    // Bundles the functions entry with webpack over edited seeds (seconds per run); the parser and the generator it
    // runs are reached by parse, dataset-regeneration and the dataset suites directly.
    "/test/seed-variants\\.test\\.ts$",
  ],
};
