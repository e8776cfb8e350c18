/**
 * The built task pane when Office is slow or silent: office.js is replaced by a stub whose Office.onReady answers late
 * or never, and the page's clock is Playwright's, so the wait is fast-forwarded instead of waited out.
 */
import type { Page } from "playwright-core";
import { OFFICE_READY_TIMEOUT_MS } from "../../src/office/host";
import { chromiumAvailable, OFFICE_JS_URL, usePane } from "../support/browser";

const run = chromiumAvailable() ? describe : describe.skip;

/** office.js stand-in: Office.onReady answers `{ host: null }` (a browser outside Office) after `after` ms, or never. */
const officeAnswering = (after: number | "never") => async (page: Page) => {
  // The page's time stands still until the test moves it on (paused a minute ahead: pausing must not go back in time).
  const start = Date.now();
  await page.clock.install({ time: start });
  await page.clock.pauseAt(start + 60_000);
  const answer = after === "never" ? "new Promise(() => {})" : `new Promise((resolve) => setTimeout(() => resolve({ host: null }), ${after}))`;
  await page.route(OFFICE_JS_URL, (route) =>
    route.fulfill({
      contentType: "text/javascript",
      // office.js also defines CustomFunctions, which functions.js (on the same page) registers with.
      body: `window.Office = { HostType: { Excel: "Excel" }, onReady: () => ${answer} }; window.CustomFunctions = { associate: () => undefined };`,
    }),
  );
};

run("the task pane when Office does not answer", () => {
  const pane = usePane();

  const status = (page: Page) => page.locator("[role=status]").innerText();
  const usable = async (page: Page) => {
    await page.click("#tab-formulas");
    await page.selectOption("#builder-function", "MARGIN");
    await expect(page.locator(".result").innerText()).resolves.toMatch(/^Value: \u2212?\d+\.\d+%$/);
    await expect(page.locator("button:has-text('Insert into selected cell')").isDisabled()).resolves.toBe(true);
  };

  it("waits OFFICE_READY_TIMEOUT_MS for Office.onReady, then opens as a preview that says Office did not answer", async () => {
    const page = await pane.session.open({ before: officeAnswering("never"), ready: false });
    await page.clock.runFor(OFFICE_READY_TIMEOUT_MS - 1);
    await expect(page.locator("[role=tablist]").count()).resolves.toBe(0);
    await expect(page.locator("#app").innerText()).resolves.toContain("Loading");
    await page.clock.runFor(1);
    await page.waitForSelector("[role=tablist]");
    const said = await status(page);
    expect(said).toContain(`Office did not answer within ${OFFICE_READY_TIMEOUT_MS / 1000} seconds, so this is a preview`);
    expect(said).toContain("browsing, search, the builder and the audit work; writing to a workbook needs Excel.");
    await usable(page);
  });

  it("takes Office's answer when it comes just before the limit", async () => {
    const page = await pane.session.open({ before: officeAnswering(OFFICE_READY_TIMEOUT_MS - 100), ready: false });
    await page.clock.runFor(OFFICE_READY_TIMEOUT_MS - 100);
    await page.waitForSelector("[role=tablist]");
    await expect(status(page)).resolves.toBe("Preview outside Excel: browsing, search, the builder and the audit work; writing to a workbook needs Excel.");
    await usable(page);
  });

  it("opens as the usual preview with the real office.js outside Office, which answers at once", async () => {
    const page = await pane.session.open();
    await expect(status(page)).resolves.toMatch(/^Preview outside Excel: /);
    await usable(page);
  });
});
