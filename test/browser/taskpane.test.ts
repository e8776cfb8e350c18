/** The built task pane as a page in a browser: sections, search, builder, audit, safety and layout. */
import { join } from "path";
import type { Page } from "playwright-core";
import { chromiumAvailable, startPane, stopPane, type PaneSession } from "../support/browser";

const OFFICE_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/";
const SCREENSHOTS = join(__dirname, "..", "..", "docs", "screenshots");
const run = chromiumAvailable() ? describe : describe.skip;

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
    expect(text).toContain("HK$7.50");
    expect(text).toContain("Neutral 54");
    expect(text).toMatch(/Income statement · RMB millions/);
    expect(text).toMatch(/Total revenue\s+6,580\s+9,060\s+8,180\s+7,050\s+7,790\s+9,020/);
    expect(text).toMatch(/Peers: revenue \(TTM\) · NASDAQ overview page, USD millions/);
    expect(text).toMatch(/Kingsoft Cloud Holdings Limited · KC\s+US\$1,250M\s+\+23\.6%/);
    expect(text).toMatch(/Dave Inc\. · DAVE\s+82\.2%\s+−8\.5 pp/);
    expect(text).toMatch(/Kingsoft Cloud Holdings Ltd · HK:3896\s+HK\$7\.15\s+−0\.67\s+−8\.57%/);
    expect(text).toMatch(/KC\s+US\$2,940M\s+−22\.6\s+−16\.5%\s+34\.1%/);
    expect(text).toContain("Only 3 of the four percentage columns");
    await page.screenshot({ path: join(SCREENSHOTS, "overview.png") });
  });

  it("lists all five Form 20-F filings, sortable", async () => {
    await tab("filings");
    await expect(visible("table.filings tbody tr").count()).resolves.toBe(5);
    const years = () => page.locator("table.filings tbody tr td:first-child").allInnerTexts();
    await expect(years()).resolves.toEqual(["FY2024", "FY2023", "FY2022", "FY2021", "FY2020"]);
    await page.click("table.filings th button:has-text('FY')");
    await expect(years()).resolves.toEqual(["FY2020", "FY2021", "FY2022", "FY2023", "FY2024"]);
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
    expect(text).toContain("Kingsoft Cloud Grants RSUs Equal to 0.10% of Share Capital to 104 Employees");
    expect(text).toMatch(/Mar 25, 2026[\s\S]*Mar 18, 2026/);
    expect(text).toContain("Sources disagree");
    await page.screenshot({ path: join(SCREENSHOTS, "events.png") });
  });

  it("shows the risk factors, negative factors, the 98-factor summary and positives", async () => {
    await tab("risks");
    const text = await page.locator("#panel-risks").innerText();
    for (const title of ["PRC Regulatory Enforcement Risks", "US Auditor Inspection Uncertainty", "High leverage", "Supply Chain Uncertainty", "Improving free cash flow"]) expect(text).toContain(title);
    expect(text).toContain("98 risk factors disclosed");
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

  it("builds KC.MARGIN(\"gross\",\"TTM\") with its live value, about 16.2%, and its sources", async () => {
    await tab("formulas");
    await page.selectOption("#builder-function", "MARGIN");
    await page.selectOption("#builder-kind", "gross");
    await page.selectOption("#builder-period", "TTM");
    await expect(page.locator("#builder-formula").innerText()).resolves.toBe('=KC.MARGIN("gross","TTM")');
    const shown = await page.locator(".result").innerText();
    const percent = Number(/= (-?\d+\.\d+)%/.exec(shown)?.[1]);
    expect(percent).toBeCloseTo(16.2, 1);
    await expect(page.locator("#panel-formulas .audit").first().innerText()).resolves.toContain("002_6d82bc69ff353dc9.txt, line 102");
    await page.screenshot({ path: join(SCREENSHOTS, "formulas.png") });
  });

  it("sets a computed ratio beside the ratio a page states: 16.21% reconciles, the stated OCF/net income 0.32 does not", async () => {
    await expect(page.locator("#panel-formulas .audit").first().innerText()).resolves.toMatch(/Reconciles with what a page states for Gross margin TTM — seeds\/002_6d82bc69ff353dc9\.txt, line 90/);
    await page.fill("#audit-input", '=KC.RATIO("ocf_to_net_income","TTM")');
    const audit = await page.locator("#panel-formulas .audit").last().innerText();
    expect(audit).toMatch(/-3\.42/);
    expect(audit).toMatch(/Disagrees with what a page states for Operating cash flow to net income TTM — seeds\/002_6d82bc69ff353dc9\.txt, line 98/);
    expect(audit).toContain("Stated 0.32; TTM figures give about -3.42.");
    await page.fill("#audit-input", "");
  });

  it("refuses pasted text longer than any Excel formula, saying so, and audits again once it fits", async () => {
    await page.fill("#audit-input", `=${"KC.REVENUE(2024)+".repeat(600)}1`);
    await expect(page.locator("#audit-too-long").innerText()).resolves.toBe("This text is 10,202 characters long; an Excel formula holds at most 8,192. Paste one formula to audit it.");
    await page.fill("#audit-input", "=KC.REVENUE(2024)");
    await expect(page.locator("#audit-too-long").count()).resolves.toBe(0);
    await page.fill("#audit-input", "");
  });

  it("lists the conflicts and every stated ratio with its check on the overview; the Conflicts filter finds them all", async () => {
    await tab("overview");
    const card = page.locator("section[aria-label='Stated ratios, checked']");
    const text = await card.innerText();
    expect(text).toMatch(/26 checked: 15 reconcile, 8 disagree, 3 cannot be recomputed/);
    expect(text).toMatch(/Gross margin 2024\s+Reconciles/);
    expect(text).toMatch(/Non-GAAP EBITDA margin Q2 2025\s+Disagrees\s+Stated 73%/);
    expect(text).toContain('=KC.MARGIN("gross","FY2024")');
    const conflicts = page.locator("section[aria-label='Where the sources disagree']");
    await expect(conflicts.innerText()).resolves.toMatch(/net_income FY2024 \(RMB\)\s+statement table states -1\.97B; 2024 highlights states RMB1\.98B/);
    await page.selectOption("#filter-kind", "conflict");
    await expect(card.locator(".item").filter({ visible: true }).count()).resolves.toBe(8);
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

  it("logs no console errors and asks no host but office.js's own", () => {
    expect(session.problems).toEqual([]);
    // office.js itself, loaded outside Office, frames its telemetry proxy; the pane asks nothing else (refused here).
    expect(session.outside.filter((url) => !url.startsWith(OFFICE_TELEMETRY))).toEqual([]);
  });
});
