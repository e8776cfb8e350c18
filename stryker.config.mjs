/**
 * Mutation testing of the library in src/data and of the generator's figure parser, scripts/data/parse.ts
 * (`npm run mutation`; not part of `npm test`): Stryker changes the code one small edit at a time and checks that some
 * unit test fails. The summary and every survivor are in docs/MUTATION.md. `npm run mutation` skips static mutants (code run at module load; see docs/MUTATION.md);
 * `npm run mutation -- --incremental` reruns only what changed.
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export default {
  mutate: ["src/data/**/*.ts", "scripts/data/parse.ts"],
  testRunner: "jest",
  jest: { configFile: "jest.mutation.config.js", enableFindRelatedTests: false },
  coverageAnalysis: "perTest",
  concurrency: 2,
  // A mutant that loops forever (the formula tokenizer has several) is detected after 2 s past its tests' usual time.
  timeoutMS: 2000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  incrementalFile: "reports/stryker-incremental.json",
  tempDirName: ".stryker-tmp",
  ignorePatterns: ["dist", "coverage", ".build", "reports", "docs/screenshots"],
  thresholds: { high: 90, low: 85, break: 85 },
};
