/**
 * The built task pane in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core): dist/ served over
 * HTTPS, office.js served from @microsoft/office-js, every other outside request refused and recorded.
 */
import { existsSync, readFileSync } from "fs";
import type { Server } from "https";
import type { AddressInfo } from "net";
import { join } from "path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OFFICE_JS = join(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist");
const HOSTED = "/lib/1/hosted/";

/** Whether the browser tests can run; without Chromium they are skipped loudly, except under CI where they fail. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium is required under CI: ${CHROMIUM} is missing (apt-get install -y chromium).`);
  console.warn(`\n*** BROWSER TESTS SKIPPED: ${CHROMIUM} not found. Install it with: sudo apt-get install -y chromium ***\n`);
  return false;
}

export type PaneSession = { browser: Browser; server: Server; url: string; outside: string[]; problems: string[]; open(width?: number): Promise<Page> };

export async function startPane(): Promise<PaneSession> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serve } = require("../../scripts/serve.cjs") as { serve: (o: object) => Promise<Server> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { localhostCertificate } = require("../../scripts/certificate.cjs") as { localhostCertificate: () => Promise<{ cert: Buffer; key: Buffer }> };
  const certificate = await localhostCertificate();
  const server = await serve({ root: join(__dirname, "..", "..", "dist"), port: 0, cert: certificate.cert, key: certificate.key });
  const url = `https://localhost:${(server.address() as AddressInfo).port}/taskpane.html`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const outside: string[] = [];
  const problems: string[] = [];
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  await context.route("**/*", (route) => {
    const target = new URL(route.request().url());
    if (target.hostname === "localhost") return route.continue();
    if (target.hostname === "appsforoffice.microsoft.com" && target.pathname.startsWith(HOSTED)) {
      const file = join(OFFICE_JS, target.pathname.slice(HOSTED.length));
      if (file.startsWith(OFFICE_JS) && existsSync(file)) return route.fulfill({ body: readFileSync(file), contentType: "text/javascript" });
    }
    outside.push(target.href);
    return route.fulfill({ status: 204, body: "" });
  });
  const open = async (width = 360) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 720 });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.goto(url);
    await page.waitForSelector("[role=tablist]");
    return page;
  };
  return { browser, server, url, outside, problems, open };
}

export async function stopPane(session: PaneSession | undefined): Promise<void> {
  if (!session) return;
  await session.browser.close();
  await new Promise((resolve) => session.server.close(resolve));
}
