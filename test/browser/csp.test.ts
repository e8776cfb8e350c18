/**
 * The task pane under its Content-Security-Policy: the policy admits no inline style, and nothing the pane or office.js
 * does needs one. office.js is the npm copy of the CDN files, served at its CDN address by the browser support.
 */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import { join } from "path";
import { chromiumAvailable, startPane, stopPane, type PaneSession } from "../support/browser";

const run = chromiumAvailable() ? describe : describe.skip;

/** The policy's directives from the built page's meta tag, each as its list of sources. */
function builtPolicy(): Map<string, string[]> {
  const html = readFileSync(join(__dirname, "..", "..", "dist", "taskpane.html"), "utf8");
  const content = /http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/i.exec(html)?.[1];
  if (!content) throw new Error("dist/taskpane.html has no Content-Security-Policy meta tag");
  return new Map(content.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name ?? "", sources]));
}

describe("the task pane's Content-Security-Policy", () => {
  it("takes styles only from the add-in's own stylesheet, and admits one style attribute: office.js's hidden telemetry frame", () => {
    const policy = builtPolicy();
    expect(policy.get("style-src")).toEqual(["'self'"]);
    // office.js hides the telemetry proxy frame it opens with setAttribute("style", "display:none"): only that value passes.
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-hashes'", `'sha256-${createHash("sha256").update("display:none").digest("base64")}'`]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  });
});

run("the task pane in headless Chromium under its Content-Security-Policy", () => {
  let session: PaneSession;

  beforeAll(async () => {
    session = await startPane();
  });
  afterEach(async () => session.reset());
  afterAll(async () => stopPane(session));

  it("opens every tab, searches, filters, builds and audits a formula with no policy violation and no console error", async () => {
    const page = await session.open();
    for (const name of ["overview", "filings", "events", "risks", "formulas"]) {
      await page.click(`#tab-${name}`);
      await page.waitForSelector(`#panel-${name}:not([hidden])`);
      // Open every source disclosure on the tab: the quoted seed text is shown only then.
      for (const summary of await page.locator(`#panel-${name} details > summary`).filter({ visible: true }).all()) await summary.click();
      if (name === "filings") await page.click("table.filings th button:has-text('FY')");
    }
    await page.selectOption("#builder-function", "MARGIN");
    await page.selectOption("#builder-kind", "gross");
    await page.fill("#audit-input", '=KC.RATIO("ocf_to_net_income","TTM")');
    await page.click("#builder-copy");
    await page.fill("#search", "revenue");
    await page.selectOption("#filter-kind", "conflict");
    await page.selectOption("#filter-year", "fy:2024");
    await page.emulateMedia({ colorScheme: "dark" });
    await page.click("#tab-overview");
    // Let office.js finish what it does after loading (its telemetry frame) before counting.
    await page.waitForLoadState("networkidle");
    expect(session.violations).toEqual([]);
    expect(session.problems).toEqual([]);
  });

  it("records a violation when a page breaks the policy, so an empty record means none happened", async () => {
    const page = await session.open();
    await page.evaluate(() => {
      const probe = document.createElement("p");
      probe.setAttribute("style", "color: red");
      document.body.append(probe);
    });
    await page.waitForFunction(() => document.querySelector("p[style]"));
    for (let wait = 0; wait < 50 && session.violations.length === 0; wait++) await page.waitForTimeout(20);
    expect(session.violations.join("\n")).toMatch(/style-src-attr blocked inline/);
  });
});
