/**
 * `npm run screenshots` (after the build): rewrites docs/screenshots/ from the built task pane. It runs the browser
 * tests that take pictures (the pane's tabs, its trend charts, the model's preview) with KC_UPDATE_SCREENSHOTS set, so the pictures are the ones the test's checks passed on; any other run of the
 * test writes its screenshots to a temporary folder and leaves the checkout as it was.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const jest = createRequire(import.meta.url).resolve("jest/bin/jest");
const run = spawnSync(process.execPath, [jest, "test/browser/taskpane.test.ts", "test/browser/trends.test.ts", "test/browser/model.test.ts", "--runInBand"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, KC_UPDATE_SCREENSHOTS: "1" },
});
if (run.status === 0) console.log("Updated docs/screenshots/: review them with git diff before committing.");
process.exit(run.status ?? 1);
