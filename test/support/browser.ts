/**
 * The built task pane in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core): dist/ served over
 * HTTPS, office.js served from @microsoft/office-js, every other outside request refused and recorded. Each pane opens
 * in a browser context of its own (its own localStorage), so no test sees what another left behind.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import type { Server } from "https";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { join } from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ROOT = join(__dirname, "..", "..");
const OFFICE_JS = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const HOSTED = "/lib/1/hosted/";
export const OFFICE_JS_URL = `https://appsforoffice.microsoft.com${HOSTED}office.js`;
/** Set (to anything) by `npm run screenshots`: screenshots then replace docs/screenshots/, otherwise a temporary folder. */
export const UPDATE_SCREENSHOTS = "KC_UPDATE_SCREENSHOTS";

/** Whether the browser tests can run; without Chromium they are skipped loudly, except under CI where they fail. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium is required under CI: ${CHROMIUM} is missing (apt-get install -y chromium).`);
  if (process.env[UPDATE_SCREENSHOTS]) throw new Error(`Chromium is required to update the screenshots: ${CHROMIUM} is missing (apt-get install -y chromium).`);
  console.warn(`\n*** BROWSER TESTS SKIPPED: ${CHROMIUM} not found. Install it with: sudo apt-get install -y chromium ***\n`);
  return false;
}

export type PaneOptions = {
  /** The pane's width in CSS pixels (Excel's task pane is 320–360 wide). */
  readonly width?: number;
  /** Open in this context (sharing its localStorage) instead of a fresh one. */
  readonly context?: BrowserContext;
  /** Runs on the page before it navigates: routes, init scripts, a fake clock. */
  readonly before?: (page: Page) => Promise<void>;
  /** Wait for the pane's tabs (the default); false returns as soon as the page has loaded. */
  readonly ready?: boolean;
};

export type PaneSession = {
  readonly url: string;
  /** Outside requests the panes made (all refused), CSP violations, console errors and page errors since the last reset. */
  readonly outside: string[];
  readonly violations: string[];
  readonly problems: string[];
  /** A new browser context with the routes and recorders every pane gets, and nothing stored. */
  context(): Promise<BrowserContext>;
  open(options?: PaneOptions): Promise<Page>;
  /** Closes every context opened since the last reset and empties the records. */
  reset(): Promise<void>;
  readonly browser: Browser;
  readonly server: Server;
};

export async function startPane(): Promise<PaneSession> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serve } = require("../../scripts/serve.cjs") as { serve: (o: object) => Promise<Server> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { localhostCertificate } = require("../../scripts/certificate.cjs") as { localhostCertificate: () => Promise<{ cert: Buffer; key: Buffer }> };
  const certificate = await localhostCertificate();
  const server = await serve({ root: join(ROOT, "dist"), port: 0, cert: certificate.cert, key: certificate.key });
  const url = `https://localhost:${(server.address() as AddressInfo).port}/taskpane.html`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const outside: string[] = [];
  const violations: string[] = [];
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];

  const context = async () => {
    const created = await browser.newContext({ ignoreHTTPSErrors: true });
    contexts.push(created);
    await created.route("**/*", (route) => {
      const target = new URL(route.request().url());
      if (target.hostname === "localhost") return route.continue();
      if (target.hostname === "appsforoffice.microsoft.com" && target.pathname.startsWith(HOSTED)) {
        const file = join(OFFICE_JS, target.pathname.slice(HOSTED.length));
        if (file.startsWith(OFFICE_JS) && existsSync(file)) return route.fulfill({ body: readFileSync(file), contentType: "text/javascript" });
      }
      outside.push(target.href);
      return route.fulfill({ status: 204, body: "" });
    });
    // Every frame reports each Content-Security-Policy violation it sees, with what was blocked and where.
    await created.exposeBinding("kcReportViolation", ({ frame }, violation: string) => violations.push(`${frame.url()}: ${violation}`));
    await created.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (event) => {
        const report = (window as unknown as { kcReportViolation: (violation: string) => void }).kcReportViolation;
        void report(`${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
      }),
    );
    return created;
  };

  const open = async ({ width = 360, context: shared, before, ready = true }: PaneOptions = {}) => {
    const page = await (shared ?? (await context())).newPage();
    await page.setViewportSize({ width, height: 720 });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await before?.(page);
    await page.goto(url);
    if (ready) await page.waitForSelector("[role=tablist]");
    return page;
  };

  const reset = async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    for (const list of [outside, violations, problems]) list.length = 0;
  };

  return { browser, server, url, outside, violations, problems, context, open, reset };
}

export async function stopPane(session: PaneSession | undefined): Promise<void> {
  if (!session) return;
  await session.browser.close();
  await new Promise((resolve) => session.server.close(resolve));
}

/**
 * Where the screenshots of a run go: docs/screenshots/ when `KC_UPDATE_SCREENSHOTS` is set (`npm run screenshots`),
 * otherwise a new temporary folder that `done()` removes, so a test run never rewrites a tracked file.
 */
export function screenshotFolder(): { readonly folder: string; readonly updating: boolean; done(): void } {
  if (process.env[UPDATE_SCREENSHOTS]) return { folder: join(ROOT, "docs", "screenshots"), updating: true, done: () => undefined };
  const folder = mkdtempSync(join(tmpdir(), "kc-screenshots-"));
  return { folder, updating: false, done: () => rmSync(folder, { recursive: true, force: true }) };
}

/** office.js itself, loaded outside Office, frames its telemetry proxy: the one request the pane makes elsewhere. */
export const OFFICE_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/";

/**
 * The pane for one describe block: started before its tests and stopped after them, each test then checked for
 * problems (console and page errors, CSP violations) and for requests outside the pane (all refused; office.js's
 * telemetry frame aside), with a folder for its screenshots (screenshotFolder). Read `pane.session` inside a test.
 */
export function usePane(): { readonly session: PaneSession; readonly shots: ReturnType<typeof screenshotFolder> } {
  let started: PaneSession | undefined;
  const shots = screenshotFolder();
  beforeAll(async () => {
    started = await startPane();
  });
  afterEach(async () => {
    if (!started) return;
    const problems = [...started.problems];
    const outside = started.outside.filter((url) => !url.startsWith(OFFICE_TELEMETRY));
    await started.reset();
    expect({ problems, outside }).toEqual({ problems: [], outside: [] });
  });
  afterAll(async () => {
    await stopPane(started);
    shots.done();
  });
  return {
    get session(): PaneSession {
      if (!started) throw new Error("The pane starts in beforeAll: read pane.session inside a test.");
      return started;
    },
    shots,
  };
}
