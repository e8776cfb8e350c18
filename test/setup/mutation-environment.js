/**
 * The test environment of mutation runs (jest.mutation.config.js): Node's, plus one fix to Stryker's per-test coverage.
 * Stryker's environment notes the running test on jest's "test_start" and forgets it on "test_done", but a skipped test
 * starts and never finishes: every module loaded afterwards in the same worker was credited to that skipped test, so
 * code run at load (module-level tables and helpers) counted as covered by it alone and its mutants "survived" a run of
 * a test that never ran. A skipped test here forgets itself, so that code counts as static, as it is.
 */
const { TestEnvironment } = require("jest-environment-node");

class MutationEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name !== "test_skip" && event.name !== "test_todo") return;
    const context = this.global[this.global.__strykerGlobalNamespace__ ?? "__stryker__"];
    if (context) context.currentTestId = undefined;
  }
}

module.exports = MutationEnvironment;
