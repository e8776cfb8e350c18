/** The built task pane as a page in a browser: sections, search, builder, audit, safety and layout. */
import { join } from "path";
import type { Page } from "playwright-core";
import { chromiumAvailable, startPane, stopPane, type PaneSession } from "../support/browser";
import { HK_PAGE, US_PAGE, figureAfter, figuresBelow, figuresOnLine, lineOf, seedLines, textAfter, type SeedFigure } from "../support/seed-reader";
import { statementPeriods, statementRow } from "../support/seed-tables";
import { CHECKS, byId, computed, highlightsLoss, keyMetrics, statement, verdict } from "../support/stated-ratios";

const OFFICE_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/";
const SCREENSHOTS = join(__dirname, "..", "..", "docs", "screenshots");
const run = chromiumAvailable() ? describe : describe.skip;

// Expected figures are read from the seed pages and written the way the pane shows them: a true minus sign, and
// millions grouped in thousands.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const minus = (written: string) => written.replace(/^([+-]?)(.*?)(pp)?$/, (_m, sign: string, rest: string, pp?: string) => `${sign === "-" ? "\u2212" : sign}${rest}${pp ? " pp" : ""}`);
const grouped = (millions: number) => millions.toLocaleString("en-US");
const row = (...cells: string[]) => new RegExp(cells.map(escape).join("\\s+"));
const fiscalYears = statementPeriods().filter((p) => p !== "TTM").reverse();
const filingYears = seedLines(US_PAGE).flatMap((line) => /Form 20-F - FY (\d{4})$/.exec(line.trim())?.slice(1) ?? []).map((y) => `FY${y}`);

run("the task pane in headless Chromium", () => {
  let session: PaneSession;
  let page: Page;

  beforeAll(async () => {
    session = await startPane();
    page = await session.open();
  });
  afterAll(async () => stopPane(session));

  const visible = (selector: string) => page.locator(selector).filter({ visible: true });
  const tab = async (name: string) => {
    await page.click(`#tab-${name}`);
    await page.waitForSelector(`#panel-${name}:not([hidden])`);
  };

  it("opens on the overview with both listings and their currencies", async () => {
    const text = await page.locator("#panel-overview").innerText();
    expect(text).toContain("Kingsoft Cloud Holdings Limited");
    expect(text).toMatch(/NASDAQ: KC · USD, per ADS/);
    expect(text).toMatch(/HKEX: 3896 · HKD, per share/);
    expect(text).toContain(figuresBelow(HK_PAGE, "Price Target:")[0]?.written);
    expect(lineOf(HK_PAGE, "Neutral 54 (")).toBeGreaterThan(0);
    expect(text).toContain("Neutral 54");
    expect(text).toMatch(/Income statement · RMB millions/);
    const revenue = statementRow("Total Revenue");
    expect(text).toMatch(row("Total revenue", ...[...fiscalYears, "TTM"].map((p) => grouped(revenue[p]?.value as number))));
    expect(text).toMatch(/Peers: revenue \(TTM\) · NASDAQ overview page, USD millions/);
    const [kcRevenue] = figuresBelow(US_PAGE, "Peer Comparison", "Revenue (TTM)", "Kingsoft Cloud Holdings LimitedKC") as [SeedFigure];
    const [kcGrowth] = figuresOnLine(US_PAGE, kcRevenue.line + 1) as [SeedFigure];
    expect(text).toMatch(row("Kingsoft Cloud Holdings Limited · KC", `US$${grouped(kcRevenue.value)}M`, minus(kcGrowth.written)));
    const [dave] = figuresBelow(US_PAGE, "Gross Margin (Latest Quarter)", "Dave Inc.DAVE") as [SeedFigure];
    const [daveChange] = figuresOnLine(US_PAGE, dave.line + 1) as [SeedFigure];
    expect(text).toMatch(row("Dave Inc. · DAVE", dave.written, minus(daveChange.written)));
    const [price] = figuresBelow(HK_PAGE, "% Change", "HK:3896", "Kingsoft Cloud Holdings Ltd") as [SeedFigure];
    const [change, changePercent] = [1, 2].map((k) => figuresOnLine(HK_PAGE, price.line + k)[0] as SeedFigure);
    expect(text).toMatch(row("Kingsoft Cloud Holdings Ltd · HK:3896", `HK$${price.written}`, minus(change!.written), minus(changePercent!.written)));
    const [cap, pe, roe, debtToAssets] = keyMetrics as [SeedFigure, SeedFigure, SeedFigure, SeedFigure];
    expect(text).toMatch(row("KC", `US$${grouped(cap.value)}M`, minus(pe.written), minus(roe.written), debtToAssets.written));
    expect(text).toContain("Only 3 of the four percentage columns");
    await page.screenshot({ path: join(SCREENSHOTS, "overview.png") });
  });

  it("lists all five Form 20-F filings, sortable", async () => {
    await tab("filings");
    await expect(visible("table.filings tbody tr").count()).resolves.toBe(5);
    const years = () => page.locator("table.filings tbody tr td:first-child").allInnerTexts();
    expect(filingYears.length).toBe(5);
    await expect(years()).resolves.toEqual([...filingYears].sort().reverse());
    await page.click("table.filings th button:has-text('FY')");
    await expect(years()).resolves.toEqual([...filingYears].sort());
    await expect(page.getAttribute("table.filings th:first-child", "aria-sort")).resolves.toBe("ascending");
    await page.click("table.filings th button:has-text('FY')");
    await page.screenshot({ path: join(SCREENSHOTS, "filings.png") });
  });

  it("shows the events as one timeline, newest first, with the next-earnings conflict", async () => {
    await tab("events");
    const dates = await page.locator(".timeline > li time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
    expect(dates.length).toBe(13);
    expect([...dates].sort().reverse()).toEqual(dates);
    const text = await page.locator("#panel-events").innerText();
    const grant = "Kingsoft Cloud Grants RSUs Equal to 0.10% of Share Capital to 104 Employees";
    expect(lineOf(HK_PAGE, grant)).toBeGreaterThan(0);
    expect(text).toContain(grant);
    expect(text).toMatch(new RegExp(`${escape(textAfter(HK_PAGE, "Next Earnings Date:"))}[\\s\\S]*${escape(textAfter(US_PAGE, "Next earnings:"))}`));
    expect(text).toContain("Sources disagree");
    await page.screenshot({ path: join(SCREENSHOTS, "events.png") });
  });

  it("shows the risk factors, negative factors, the 98-factor summary and positives", async () => {
    await tab("risks");
    const text = await page.locator("#panel-risks").innerText();
    for (const title of ["PRC Regulatory Enforcement Risks", "US Auditor Inspection Uncertainty", "High leverage", "Supply Chain Uncertainty", "Improving free cash flow"]) expect(text).toContain(title);
    expect(text).toContain(`${figureAfter(HK_PAGE, "Kingsoft Cloud Holdings Ltd disclosed ").value} risk factors disclosed`);
    expect(text).toContain("Finance & Corporate");
    await page.screenshot({ path: join(SCREENSHOTS, "risks.png") });
  });

  it("narrows every section as you search, and counts matches per tab", async () => {
    await page.fill("#search", "RSU");
    await expect(page.locator("#tab-events").innerText()).resolves.toBe("Events (1)");
    await expect(page.locator("#tab-filings").innerText()).resolves.toBe("Filings (0)");
    await tab("events");
    await expect(visible(".timeline > li").count()).resolves.toBe(1);
    await page.fill("#search", "");
    await page.selectOption("#filter-year", "2025");
    await tab("filings");
    await expect(visible("table.filings tbody tr").count()).resolves.toBe(0);
    await page.selectOption("#filter-year", "");
    await expect(visible("table.filings tbody tr").count()).resolves.toBe(5);
    // A column's name finds the rows that show it: every filing states revenue.
    await page.fill("#search", "revenue fy2023");
    await expect(page.locator("#tab-filings").innerText()).resolves.toBe("Filings (1)");
    await page.fill("#search", "");
  });

  it("builds KC.MARGIN(\"gross\",\"TTM\") with its live value and its sources", async () => {
    await tab("formulas");
    await page.selectOption("#builder-function", "MARGIN");
    await page.selectOption("#builder-kind", "gross");
    await page.selectOption("#builder-period", "TTM");
    await expect(page.locator("#builder-formula").innerText()).resolves.toBe('=KC.MARGIN("gross","TTM")');
    const shown = await page.locator(".result").innerText();
    const percent = Number(/= (-?\d+\.\d+)%/.exec(shown)?.[1]);
    expect(percent).toBeCloseTo((100 * statement("Gross Profit", "TTM").value) / statement("Total Revenue", "TTM").value, 1);
    await expect(page.locator("#panel-formulas .audit").first().innerText()).resolves.toContain(`${HK_PAGE}, line ${statement("Gross Profit", "TTM").line}`);
    await page.screenshot({ path: join(SCREENSHOTS, "formulas.png") });
  });

  it("sets a computed ratio beside the ratio a page states: the TTM gross margin reconciles, the stated OCF/net income does not", async () => {
    const [grossMargin, ocf] = [byId("gross_margin_TTM"), byId("ocf_to_net_income_TTM")];
    expect([verdict(grossMargin), verdict(ocf)]).toEqual(["reconciles", "disagrees"]);
    await expect(page.locator("#panel-formulas .audit").first().innerText()).resolves.toContain(`Reconciles with what a page states for Gross margin TTM — seeds/${HK_PAGE}, line ${grossMargin.stated.line}`);
    await page.fill("#audit-input", '=KC.RATIO("ocf_to_net_income","TTM")');
    const audit = await page.locator("#panel-formulas .audit").last().innerText();
    const ratio = (ocf.inputs[0]!.value / ocf.inputs[1]!.value).toFixed(2);
    expect(audit).toContain(ratio);
    expect(audit).toContain(`Disagrees with what a page states for Operating cash flow to net income TTM — seeds/${HK_PAGE}, line ${ocf.stated.line}`);
    expect(audit).toContain(`Stated ${ocf.stated.written}; TTM figures give about ${ratio}.`);
    await page.fill("#audit-input", "");
  });

  it("lists the conflicts and every stated ratio with its check on the overview; the Conflicts filter finds them all", async () => {
    await tab("overview");
    const card = page.locator("section[aria-label='Stated ratios, checked']");
    const text = await card.innerText();
    const count = (v: string) => CHECKS.filter((c) => verdict(c) === v).length;
    expect(text).toContain(`${CHECKS.length} checked: ${count("reconciles")} reconcile, ${count("disagrees")} disagree, ${count("not_computable")} cannot be recomputed`);
    expect(verdict(byId("gross_margin_FY2024"))).toBe("reconciles");
    expect(text).toMatch(/Gross margin 2024\s+Reconciles/);
    const ebitda = byId("non_gaap_ebitda_margin_Q2-2025");
    expect(computed(ebitda) && verdict(ebitda)).toBe("disagrees");
    expect(text).toMatch(row("Non-GAAP EBITDA margin Q2 2025", "Disagrees", `Stated ${ebitda.stated.written}`));
    expect(text).toContain('=KC.MARGIN("gross","FY2024")');
    const conflicts = page.locator("section[aria-label='Where the sources disagree']");
    const tableLoss = statement("Net Income", "FY2024").written;
    await expect(conflicts.innerText()).resolves.toMatch(row("net_income FY2024 (RMB)", `statement table states ${tableLoss}; 2024 highlights states ${highlightsLoss.written}`));
    await page.selectOption("#filter-kind", "conflict");
    await expect(card.locator(".item").filter({ visible: true }).count()).resolves.toBe(count("disagrees"));
    await expect(conflicts.locator(".item").filter({ visible: true }).count()).resolves.toBe(3);
    await expect(page.locator("section[aria-label='Income statement']").isVisible()).resolves.toBe(true);
    await expect(page.locator("section[aria-label='Balance sheet']").isVisible()).resolves.toBe(false);
    await expect(page.locator("#tab-events").innerText()).resolves.toBe("Events (2)");
    // Scroll the card's top just below the pane's sticky search bar and tabs.
    await conflicts.evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 200));
    await page.screenshot({ path: join(SCREENSHOTS, "conflicts.png") });
    await page.selectOption("#filter-kind", "");
    await tab("formulas");
  });

  it("says plainly that workbook actions need Excel", async () => {
    const insert = page.locator("button:has-text('Insert into selected cell')");
    await expect(insert.isDisabled()).resolves.toBe(true);
    await expect(insert.getAttribute("title")).resolves.toMatch(/Needs Excel/);
  });

  it("renders markup in data and input as text, never as elements", async () => {
    const markup = "<img src=x onerror=alert(1)>";
    await page.fill("#audit-input", `=KC.FIGURE("${markup}",2024)`);
    await expect(page.locator("#panel-formulas").innerText()).resolves.toContain(`Unknown metric "${markup}"`);
    await page.fill("#search", markup);
    await expect(page.locator("img").count()).resolves.toBe(0);
    await expect(page.locator("#match-summary").innerText()).resolves.toBe("0 matching items");
    await page.fill("#search", "");
  });

  it("moves between tabs with the arrow keys and remembers the tab across openings", async () => {
    await page.focus("#tab-formulas");
    await page.keyboard.press("ArrowLeft");
    await expect(page.getAttribute("#tab-risks", "aria-selected")).resolves.toBe("true");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("tab-risks");
    const again = await session.open();
    await expect(again.getAttribute("#tab-risks", "aria-selected")).resolves.toBe("true");
    await again.close();
  });

  it("fits a 320-pixel pane without horizontal scrolling", async () => {
    const narrow = await session.open(320);
    for (const name of ["overview", "filings", "events", "risks", "formulas"]) {
      await narrow.click(`#tab-${name}`);
      const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
      expect([name, width]).toEqual([name, 320]);
      // The body clips overflow, so also look at every element: none may reach past the pane's right edge, except
      // inside a table's own horizontal scroller.
      const sticking = await narrow.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>(`#panel-${document.querySelector("[aria-selected=true]")?.id.replace("tab-", "")} *, header *`)]
          .filter((e) => !e.closest(".table-wrap") && e.getClientRects().length > 0 && e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${Math.round(e.getBoundingClientRect().right)}px`),
      );
      expect([name, sticking]).toEqual([name, []]);
    }
    await narrow.close();
  });

  it("follows a dark theme, keeping text readable", async () => {
    const dark = await session.open();
    const colours = () => dark.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    const light = await colours();
    expect(light).toEqual(["rgb(255, 255, 255)", "rgb(36, 36, 36)"]);
    await dark.emulateMedia({ colorScheme: "dark" });
    const [background, text] = await colours();
    expect(background).not.toBe(light[0]);
    expect(background).toBe("rgb(41, 41, 41)");
    expect(text).toBe("rgb(255, 255, 255)");
    // Excel's theme wins over the browser's: the pane marks a light Office theme, which keeps it light.
    await dark.evaluate(() => (document.documentElement.dataset.theme = "light"));
    await expect(colours()).resolves.toEqual(light);
    await dark.close();
  });

  describe("copying the built formula where the clipboard is not the page's", () => {
    /** A fresh pane on the Formulas tab that records what the copy command copies, after `block` runs in it. */
    const paneWith = async (block: () => void) => {
      const pane = await session.open();
      await pane.click("#tab-formulas");
      await pane.selectOption("#builder-function", "MARGIN");
      await pane.evaluate(block);
      await pane.evaluate(() =>
        document.addEventListener("copy", () => {
          const field = document.activeElement as HTMLInputElement;
          document.body.dataset.copied = field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0);
        }),
      );
      return pane;
    };
    const copyAndRead = async (pane: Page) => {
      await pane.click("#builder-copy");
      await pane.waitForSelector("#builder-copy-note:not(:empty)");
      return {
        note: await pane.locator("#builder-copy-note").innerText(),
        copied: await pane.evaluate(() => document.body.dataset.copied ?? null),
        formula: await pane.locator("#builder-formula").innerText(),
      };
    };

    it("copies with the copy command where navigator.clipboard is missing", async () => {
      const pane = await paneWith(() => delete (Navigator.prototype as { clipboard?: unknown }).clipboard);
      await expect(pane.evaluate(() => typeof navigator.clipboard)).resolves.toBe("undefined");
      const { note, copied, formula } = await copyAndRead(pane);
      expect([note, copied]).toEqual(["Copied.", formula]);
      await expect(pane.locator("#builder-copy-text").isVisible()).resolves.toBe(false);
      await pane.close();
    });

    it("copies with the copy command where clipboard-write is denied (writeText rejects)", async () => {
      const pane = await paneWith(() =>
        Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) } }),
      );
      const { note, copied, formula } = await copyAndRead(pane);
      expect([note, copied]).toEqual(["Copied.", formula]);
      await pane.close();
    });

    it("says how to copy, with the formula selected, where the copy command fails too", async () => {
      const pane = await paneWith(() => {
        Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) } });
        document.execCommand = () => false;
      });
      const { note, copied, formula } = await copyAndRead(pane);
      expect(note).toBe("Copying is blocked here. The formula is selected above: press Ctrl+C (Cmd+C on a Mac) to copy it.");
      expect(copied).toBeNull();
      await expect(pane.locator("#builder-copy-text").isVisible()).resolves.toBe(true);
      const selected = await pane.evaluate(() => {
        const field = document.activeElement as HTMLInputElement;
        return [field.id, field.readOnly, field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0)];
      });
      expect(selected).toEqual(["builder-copy-text", true, formula]);
      // A new formula takes the stale one and the advice away.
      await pane.selectOption("#builder-function", "REVENUE");
      await expect(pane.locator("#builder-copy-text").isVisible()).resolves.toBe(false);
      await expect(pane.locator("#builder-copy-note").innerText()).resolves.toBe("");
      await pane.close();
    });
  });

  it("says in the pane that functions.js is missing rather than showing an empty one", async () => {
    const context = await session.browser.newContext({ ignoreHTTPSErrors: true });
    // Only the pane's own files load: no functions.js, and nothing from another host.
    await context.route("**/*", (route) => {
      const target = new URL(route.request().url());
      return target.hostname === "localhost" && !target.pathname.endsWith("/functions.js") ? route.continue() : route.fulfill({ status: 404, body: "" });
    });
    const lonely = await context.newPage();
    const errors: string[] = [];
    lonely.on("pageerror", (error) => errors.push(`${error.name}: ${error.message}`));
    await lonely.goto(session.url);
    await expect(lonely.locator("#app [role=alert]").innerText()).resolves.toMatch(/could not start: functions\.js, which holds the KC functions and their data, did not load/);
    expect(errors).toEqual([expect.stringMatching(/^LibraryMissingError: KC for Excel could not start/)]);
    await context.close();
  });

  it("logs no console errors and asks no host but office.js's own", () => {
    expect(session.problems).toEqual([]);
    // office.js itself, loaded outside Office, frames its telemetry proxy; the pane asks nothing else (refused here).
    expect(session.outside.filter((url) => !url.startsWith(OFFICE_TELEMETRY))).toEqual([]);
  });
});
