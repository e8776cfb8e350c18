/**
 * The built task pane as a page in a browser: sections, search, builder, audit, safety and layout. Every test opens
 * its own pane with nothing stored, so each runs alone or in any order. Expected figures are read from the seed pages
 * with the tests' own reader (test/support/seed-reader.ts) or computed from them, never taken from the dataset, and
 * written the way the pane shows them.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { contentHash } from "../../scripts/data/content-hash";
import { dataset } from "../support/dataset";
import { chromiumAvailable, usePane, OFFICE_TELEMETRY } from "../support/browser";
import { HK_PAGE, US_PAGE, dateAfter, figureAfter, figuresBelow, figuresOnLine, isoDate, lineOf, seedLines, textAfter, type SeedFigure } from "../support/seed-reader";
import { statementPeriods, statementRow } from "../support/seed-tables";
import { CHECKS, byId, computed, highlightsLoss, keyMetrics, statement, verdict } from "../support/stated-ratios";

const run = chromiumAvailable() ? describe : describe.skip;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The pane's way of writing a signed figure: a true minus sign, and " pp" apart. */
const minus = (written: string) => written.replace(/^([+-]?)(.*?)(pp)?$/, (_m, sign: string, rest: string, pp?: string) => `${sign === "-" ? "\u2212" : sign}${rest}${pp ? " pp" : ""}`);
/** Millions grouped in thousands, as the pane's tables write them. */
const grouped = (millions: number) => millions.toLocaleString("en-US");
/** Cells (or words) in order, with any whitespace between them. */
const row = (...cells: string[]) => new RegExp(cells.map((c) => escape(c).replace(/\s+/g, "\\s+")).join("\\s+"));
const oneLine = (text: string) => text.replace(/\s+/g, " ");
const filingYears = seedLines(US_PAGE).flatMap((line) => /Form 20-F - FY (\d{4})$/.exec(line.trim())?.slice(1) ?? []);
const DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/;

/** The trimmed, non-empty lines after the line that reads `heading`, up to the line that reads `end`. */
function between(file: string, heading: string, end: string): string[] {
  const lines = seedLines(file).map((line) => line.trim());
  const from = lines.indexOf(heading);
  const to = lines.indexOf(end, from + 1);
  if (from < 0 || to < 0) throw new Error(`${file}: no lines from "${heading}" to "${end}"`);
  return lines.slice(from + 1, to).filter((line) => line !== "");
}

/** The Hong Kong page's corporate events: a title, a date line under it, then the text up to the next title. */
function corporateEvents(): { title: string; date: string; text: string }[] {
  const lines = between(HK_PAGE, "Kingsoft Cloud Holdings Ltd Corporate Events", "Glossary");
  const starts = lines.flatMap((line, i) => (DATE.test(line) ? [i - 1] : []));
  return starts.map((start, n) => ({ title: lines[start] ?? "", date: lines[start + 1] ?? "", text: lines.slice(start, starts[n + 1]).join(" ") }));
}

/** Sources are named by the title the dataset gives their page. */
const HK_TITLE = dataset.seeds.find((s) => s.file === HK_PAGE)?.title ?? HK_PAGE;

const nextEarnings = () => [textAfter(HK_PAGE, "Next Earnings Date:"), textAfter(US_PAGE, "Next earnings:")];

run("the task pane in headless Chromium", () => {
  const pane = usePane();

  const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true });
  const tab = async (page: Page, name: string) => {
    await page.click(`#tab-${name}`);
    await page.waitForSelector(`#panel-${name}:not([hidden])`);
  };
  /** A fresh pane (nothing stored) showing `name`. */
  const paneOn = async (name: string) => {
    const page = await pane.session.open();
    await tab(page, name);
    return page;
  };
  const screenshot = async (page: Page, name: string) => {
    const file = join(pane.shots.folder, `${name}.png`);
    await page.screenshot({ path: file });
    const png = readFileSync(file);
    expect([png.subarray(1, 4).toString("ascii"), png.readUInt32BE(16)]).toEqual(["PNG", page.viewportSize()?.width]);
  };

  it("opens on the overview with both listings and their currencies", async () => {
    // A fixed day, so that the screenshot's "N days old" is the same on every run.
    const page = await pane.session.open({ before: (p) => p.clock.setFixedTime(new Date("2026-11-26T12:00:00")) });
    await expect(page.getAttribute("#tab-overview", "aria-selected")).resolves.toBe("true");
    const text = await page.locator("#panel-overview").innerText();
    // The company's name heads the NASDAQ page, the last line above its ticker line.
    const name = seedLines(US_PAGE).slice(0, lineOf(US_PAGE, "NASDAQ•KC") - 1).filter((line) => line.trim() !== "").pop() ?? "";
    expect(text).toContain(name);
    expect(lineOf(HK_PAGE, "Kingsoft Cloud Holdings Ltd (HK:3896)")).toBeGreaterThan(0);
    expect(text).toMatch(/NASDAQ: KC · USD, per ADS/);
    expect(text).toMatch(/HKEX: 3896 · HKD, per share/);
    expect(text).toContain(figuresBelow(HK_PAGE, "Price Target:")[0]?.written);
    const [score, rating] = textAfter(HK_PAGE, "Rating:").match(/^(\d+)(\w+)$/)?.slice(1) ?? [];
    expect(text).toContain(`${rating} ${score}`);

    // The income statement, RMB millions, newest first (TTM, then the latest year back), as the page's statement table
    // orders and states it.
    const newestFirst = statementPeriods();
    expect(newestFirst[0]).toBe("TTM");
    expect(text).toMatch(/Income statement · RMB millions/);
    expect(text).toMatch(row(...newestFirst));
    const revenue = statementRow("Total Revenue");
    expect(text).toMatch(row("Total revenue", ...newestFirst.map((p) => grouped(revenue[p]?.value as number))));

    // Peers: each page's rows, as the page writes them, in the pane's units.
    expect(text).toMatch(/Peers: revenue \(TTM\) · NASDAQ overview page, USD millions/);
    const [kcRevenue] = figuresBelow(US_PAGE, "Peer Comparison", "Revenue (TTM)", "Kingsoft Cloud Holdings LimitedKC") as [SeedFigure];
    const [kcGrowth] = figuresOnLine(US_PAGE, kcRevenue.line + 1) as [SeedFigure];
    expect(text).toMatch(row("Kingsoft Cloud Holdings Limited · KC", `US$${grouped(kcRevenue.value)}M`, minus(kcGrowth.written)));
    const [dave] = figuresBelow(US_PAGE, "Gross Margin (Latest Quarter)", "Dave Inc.DAVE") as [SeedFigure];
    const [daveChange] = figuresOnLine(US_PAGE, dave.line + 1) as [SeedFigure];
    expect(text).toMatch(row("Dave Inc. · DAVE", dave.written, minus(daveChange.written)));
    const [price] = figuresBelow(HK_PAGE, "% Change", "HK:3896", "Kingsoft Cloud Holdings Ltd") as [SeedFigure];
    const [change, changePercent] = [1, 2].map((k) => figuresOnLine(HK_PAGE, price.line + k)[0] as SeedFigure);
    expect(text).toMatch(row("Kingsoft Cloud Holdings Ltd · HK:3896", `HK$${price.written}`, minus(change?.written ?? ""), minus(changePercent?.written ?? "")));
    const [cap, pe, roe, debtToAssets] = keyMetrics as [SeedFigure, SeedFigure, SeedFigure, SeedFigure];
    expect(text).toMatch(row("KC", `US$${grouped(cap.value)}M`, minus(pe.written), minus(roe.written), debtToAssets.written));

    // The unnamed financial-indicator rows that show fewer percentages than the four columns say so.
    const indicators = between(HK_PAGE, "EPS Growth", "* Technology Sector Average").filter((line) => /^(HK)?\$/.test(line));
    const short = indicators.map((line) => line.match(/%/g)?.length ?? 0).filter((count) => count < 4);
    expect(short.length).toBeGreaterThan(0);
    for (const count of short) expect(text).toContain(`Only ${count} of the four percentage columns`);

    // The dataset's version, as =KC.ASOF("version") gives it: the page's analysis date and the hash of the dataset.
    expect(text).toMatch(row("Dataset version", `${dateAfter(HK_PAGE, "Date of analysis: ")} · ${contentHash(dataset)}`));
    await screenshot(page, "overview");
    // The income statement just below the pane's sticky search bar and tabs: newest period first, labels held at the left.
    await page.locator("section[aria-label='Income statement']").evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 200));
    await screenshot(page, "statements");
  });

  it("lists every Form 20-F filing, newest first, sortable by fiscal year", async () => {
    const page = await paneOn("filings");
    const years = filingYears.map((year) => `FY${year}`);
    const descending = [...years].sort().reverse();
    await expect(visible(page, "table.filings tbody tr").count()).resolves.toBe(years.length);
    const shown = () => page.locator("table.filings tbody tr td:first-child").allInnerTexts();
    await expect(shown()).resolves.toEqual(descending);
    await page.click("table.filings th button:has-text('FY')");
    await expect(shown()).resolves.toEqual([...descending].reverse());
    await expect(page.getAttribute("table.filings th:first-child", "aria-sort")).resolves.toBe("ascending");
    await page.click("table.filings th button:has-text('FY')");
    await screenshot(page, "filings");
  });

  it("shows every dated event of both pages as one timeline, newest first, with the next-earnings conflict", async () => {
    const page = await paneOn("events");
    const [nextHere = "", nextThere = ""] = nextEarnings();
    const titled = corporateEvents();
    const seedDates = [
      ...[nextHere, nextThere].map(isoDate),
      dateAfter(HK_PAGE, "Date of analysis: "),
      dateAfter(HK_PAGE, "Earnings Call Date:"),
      dateAfter(US_PAGE, "Listing Date: "),
      ...titled.map((event) => isoDate(event.date)),
      ...seedLines(US_PAGE).flatMap((line) => (/Filed: ([A-Z][a-z]{2} \d{1,2}, \d{4})/.exec(line)?.[1] ?? []) as string[]).map(isoDate),
    ];
    const dates = await page.locator(".timeline > li time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
    expect(dates).toEqual([...seedDates].sort().reverse());
    const text = await page.locator("#panel-events").innerText();
    for (const event of titled) expect(text).toContain(event.title);
    expect(text).toMatch(new RegExp(`${escape(nextHere)}[\\s\\S]*${escape(nextThere)}`));
    expect(text).toContain("Sources disagree");
    await screenshot(page, "events");
  });

  it("shows the risk factors, negative factors, the call's negatives, the risk summary and positives", async () => {
    const page = await paneOn("risks");
    const text = oneLine(await page.locator("#panel-risks").innerText());
    // Each factor is a title and its text: on one line on the NASDAQ page, on two lines on the Hong Kong page.
    for (const line of between(US_PAGE, "Risk Factors", "Outlook")) expect(text).toContain(line);
    const pairs = (lines: string[]) => lines.flatMap((line, i) => (i % 2 === 0 ? [`${line} ${lines[i + 1] ?? ""}`] : []));
    for (const factor of [
      ...pairs(between(HK_PAGE, "Positive Factors", "Negative Factors")),
      ...pairs(between(HK_PAGE, "Negative Factors", "Kingsoft Cloud Holdings Ltd (3896) vs. iShares MSCI Hong Kong ETF (EWH)")),
      ...pairs(between(HK_PAGE, "Negative Updates", "Company Guidance")),
    ])
      expect(text).toContain(factor);
    expect(text).toContain(`${figureAfter(HK_PAGE, "Kingsoft Cloud Holdings Ltd disclosed ").value} risk factors disclosed`);
    expect(text).toContain(textAfter(HK_PAGE, "reported the most risks in the").match(/^"([^"]+)"/)?.[1]);
    // The call's negatives are headed by the quarter the page gives on the line after the call's date: "(Qn-YYYY)".
    const [, quarter, year] = /^\((Q[1-4])-(\d{4})\)$/.exec(seedLines(HK_PAGE)[lineOf(HK_PAGE, "Earnings Call Date:")]?.trim() ?? "") ?? [];
    expect(quarter).toBeDefined();
    expect(text).toContain(`Negatives from the ${quarter} ${year} earnings call`);
    await screenshot(page, "risks");
  });

  it("narrows every section as you search, and counts matches per tab", async () => {
    const page = await pane.session.open();
    const years = filingYears;
    const withRsu = corporateEvents().filter((event) => event.text.includes("RSU"));
    expect(withRsu.length).toBeGreaterThan(0);
    await page.fill("#search", "RSU");
    await expect(page.locator("#tab-events").innerText()).resolves.toBe(`Events (${withRsu.length})`);
    await expect(page.locator("#tab-filings").innerText()).resolves.toBe("Filings (0)");
    await tab(page, "events");
    await expect(visible(page, ".timeline > li").count()).resolves.toBe(withRsu.length);
    await page.fill("#search", "");
    // A calendar year keeps the filings filed in it: none in the year of the first fiscal year, whose report came later.
    await page.selectOption("#filter-year", { label: `Calendar year ${Math.min(...years.map(Number))}` });
    await tab(page, "filings");
    await expect(visible(page, "table.filings tbody tr").count()).resolves.toBe(0);
    await page.selectOption("#filter-year", "");
    await expect(visible(page, "table.filings tbody tr").count()).resolves.toBe(years.length);
    // A column's name finds the rows that show it: every filing states revenue.
    await page.fill("#search", `revenue fy${years[1]}`);
    await expect(page.locator("#tab-filings").innerText()).resolves.toBe("Filings (1)");
  });

  it("builds KC.MARGIN(\"gross\",\"TTM\") with its live value, gross profit over revenue, and its sources", async () => {
    const page = await paneOn("formulas");
    await page.selectOption("#builder-function", "MARGIN");
    await page.selectOption("#builder-kind", "gross");
    await page.selectOption("#builder-period", "TTM");
    await expect(page.locator("#builder-formula").innerText()).resolves.toBe('=KC.MARGIN("gross","TTM")');
    const shown = await page.locator(".result").innerText();
    const percent = Number(/Value:\s*(\d+\.\d+)%/.exec(shown)?.[1]);
    expect(percent).toBeCloseTo((100 * statement("Gross Profit", "TTM").value) / statement("Total Revenue", "TTM").value, 2);
    const audit = await page.locator("#panel-formulas .audit").first().innerText();
    expect(audit).toContain(`${HK_TITLE}, line ${statement("Gross Profit", "TTM").line}`);
    const grossMargin = byId("gross_margin_TTM");
    expect(verdict(grossMargin)).toBe("reconciles");
    expect(audit).toContain(`Reconciles with what a page states for Gross margin TTM — ${HK_TITLE}, line ${grossMargin.stated.line}`);
    await screenshot(page, "formulas");
  });

  it("sets a computed ratio beside the ratio a page states: the stated OCF/net income does not follow from the TTM figures", async () => {
    const page = await paneOn("formulas");
    const ocf = byId("ocf_to_net_income_TTM");
    expect(verdict(ocf)).toBe("disagrees");
    const ratio = ((ocf.inputs[0]?.value ?? NaN) / (ocf.inputs[1]?.value ?? NaN)).toFixed(2);
    await page.fill("#audit-input", '=KC.RATIO("ocf_to_net_income","TTM")');
    const audit = await page.locator("#panel-formulas .audit").last().innerText();
    expect(audit).toContain(minus(ratio));
    expect(audit).toContain(`Disagrees with what a page states for Operating cash flow to net income TTM — ${HK_TITLE}, line ${ocf.stated.line}`);
    expect(audit).toContain(`Stated ${ocf.stated.written}; TTM figures give about ${minus(ratio)}.`);
  });

  it("offers KC.CARD and KC.COMPANY, saying what each needs of Excel and showing the card Excel would show", async () => {
    const page = await pane.session.open({ width: 320 });
    await page.click("#tab-formulas");
    await page.selectOption("#builder-function", "CARD");
    await page.selectOption("#builder-metric", "net_income");
    await page.selectOption("#builder-period", "FY2024");
    await expect(page.locator("#builder-formula").innerText()).resolves.toBe('=KC.CARD("net_income","FY2024")');
    const note = await page.locator("#builder-data-type").innerText();
    expect(note).toContain("CustomFunctionsRuntime 1.4 and ExcelApi 1.19");
    expect(note).toContain("Elsewhere it answers the plain number, as KC.FIGURE.");
    expect(note).toContain("Outside Excel");
    const card = await page.locator("#builder-card-preview").innerText();
    const netIncome = statement("Net Income", "FY2024");
    expect(card).toContain(`line ${netIncome.line}`);
    expect(card).toMatch(row("Conflict", `statement table states ${netIncome.written}; 2024 highlights states ${highlightsLoss.written}`));
    await page.selectOption("#builder-function", "COMPANY");
    await expect(page.locator("#builder-formula").innerText()).resolves.toBe("=KC.COMPANY()");
    expect(await page.locator("#builder-data-type").innerText()).toContain("CustomFunctionsRuntime 1.4 and ExcelApi 1.16");
    const company = await page.locator("#builder-card-preview").innerText();
    expect(company).toMatch(row("Revenue", grouped(statement("Total Revenue", "FY2024").value)));
    const [price] = figuresBelow(HK_PAGE, "% Change", "HK:3896", "Kingsoft Cloud Holdings Ltd") as [SeedFigure];
    expect(company).toMatch(row("Last price HKD", price.written));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBe(320);
    await page.selectOption("#builder-function", "FIGURE");
    await expect(page.locator("#builder-data-type").count()).resolves.toBe(0);
  });

  it("refuses pasted text longer than any Excel formula, saying so, and audits again once it fits", async () => {
    const page = await paneOn("formulas");
    await page.fill("#audit-input", `=${"KC.REVENUE(2024)+".repeat(600)}1`);
    await expect(page.locator("#audit-too-long").innerText()).resolves.toBe("This text is 10,202 characters long; an Excel formula holds at most 8,192. Paste one formula to audit it.");
    await page.fill("#audit-input", "=KC.REVENUE(2024)");
    await expect(page.locator("#audit-too-long").count()).resolves.toBe(0);
    await page.fill("#audit-input", "");
  });

  it("lists the conflicts and every stated ratio with its check on the overview; the Conflicts filter finds them all", async () => {
    const page = await pane.session.open();
    const card = page.locator("section[aria-label='Stated ratios, checked']");
    const text = await card.innerText();
    // The verdicts worked out from the seed pages (test/support/stated-ratios.ts), and the items the card lists.
    const count = (v: string) => CHECKS.filter((c) => verdict(c) === v).length;
    expect(text).toContain(`${CHECKS.length} checked: ${count("reconciles")} reconcile, ${count("disagrees")} disagree, ${count("not_computable")} cannot be recomputed`);
    const items = await card.locator(".item").evaluateAll((list) => list.map((item) => (item as HTMLElement).innerText));
    const listed = (status: string) => items.filter((item) => item.includes(`\n${status}`)).length;
    expect([items.length, listed("Reconciles"), listed("Disagrees"), listed("Not computable")]).toEqual([CHECKS.length, count("reconciles"), count("disagrees"), count("not_computable")]);
    expect(verdict(byId("gross_margin_FY2024"))).toBe("reconciles");
    expect(text).toMatch(/Gross margin 2024\s+Reconciles/);
    const ebitda = byId("non_gaap_ebitda_margin_Q2-2025");
    expect(computed(ebitda) && verdict(ebitda)).toBe("disagrees");
    expect(text).toMatch(row("Non-GAAP EBITDA margin Q2 2025", "Disagrees", `Stated ${ebitda.stated.written}`));
    expect(text).toContain('=KC.MARGIN("gross","FY2024")');

    const conflicts = page.locator("section[aria-label='Where the sources disagree']");
    const tableLoss = statement("Net Income", "FY2024").written;
    await expect(conflicts.innerText()).resolves.toMatch(row(`Net income FY2024 (RMB) statement table states ${minus(tableLoss)}; 2024 highlights states ${highlightsLoss.written}`));
    const conflicting = Number(/Where the sources disagree · (\d+)/.exec(await conflicts.innerText())?.[1]);
    await expect(conflicts.locator(".item").count()).resolves.toBe(conflicting);
    await page.selectOption("#filter-kind", "conflict");
    await expect(card.locator(".item").filter({ visible: true }).count()).resolves.toBe(count("disagrees"));
    await expect(conflicts.locator(".item").filter({ visible: true }).count()).resolves.toBe(conflicting);
    await expect(page.locator("section[aria-label='Income statement']").isVisible()).resolves.toBe(true);
    await expect(page.locator("section[aria-label='Balance sheet']").isVisible()).resolves.toBe(false);
    // The next-earnings date the pages disagree on: one event per page's date.
    await expect(page.locator("#tab-events").innerText()).resolves.toBe(`Events (${new Set(nextEarnings()).size})`);
    // Scroll the card's top just below the pane's sticky search bar and tabs.
    await conflicts.evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 200));
    await screenshot(page, "conflicts");
  });

  it("says plainly that workbook actions need Excel", async () => {
    const page = await paneOn("formulas");
    const insert = page.locator("button:has-text('Insert into selected cell')");
    await expect(insert.isDisabled()).resolves.toBe(true);
    await expect(insert.getAttribute("title")).resolves.toMatch(/Needs Excel/);
  });

  it("renders markup in data and input as text, never as elements", async () => {
    const page = await paneOn("formulas");
    const markup = "<img src=x onerror=alert(1)>";
    await page.fill("#audit-input", `=KC.FIGURE("${markup}",2024)`);
    await expect(page.locator("#panel-formulas").innerText()).resolves.toContain(`No metric "${markup}" in the dataset.`);
    await page.fill("#search", markup);
    await expect(page.locator("img").count()).resolves.toBe(0);
    await expect(page.locator("#match-summary").innerText()).resolves.toBe("0 matching items");
  });

  it("moves between tabs with the arrow keys and remembers the tab across openings", async () => {
    const context = await pane.session.context();
    const page = await pane.session.open({ context });
    await tab(page, "formulas");
    await page.focus("#tab-formulas");
    await page.keyboard.press("ArrowLeft");
    await expect(page.getAttribute("#tab-risks", "aria-selected")).resolves.toBe("true");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("tab-risks");
    const again = await pane.session.open({ context });
    await expect(again.getAttribute("#tab-risks", "aria-selected")).resolves.toBe("true");
    // A pane with nothing stored opens on the overview.
    const fresh = await pane.session.open();
    await expect(fresh.getAttribute("#tab-overview", "aria-selected")).resolves.toBe("true");
  });

  it("fits a 320-pixel pane without horizontal scrolling", async () => {
    const narrow = await pane.session.open({ width: 320 });
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
  });

  it("follows a dark theme, keeping text readable", async () => {
    const dark = await pane.session.open();
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
  });

  describe("copying the built formula where the clipboard is not the page's", () => {
    /** A fresh pane on the Formulas tab that records what the copy command copies, after `block` runs in it. */
    const paneWith = async (block: () => void) => {
      const pane = await paneOn("formulas");
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
    });

    it("copies with the copy command where clipboard-write is denied (writeText rejects)", async () => {
      const pane = await paneWith(() =>
        Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) } }),
      );
      const { note, copied, formula } = await copyAndRead(pane);
      expect([note, copied]).toEqual(["Copied.", formula]);
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
    });
  });

  it("says in the pane that functions.js is missing rather than showing an empty one", async () => {
    const context = await pane.session.browser.newContext({ ignoreHTTPSErrors: true });
    // Only the pane's own files load: no functions.js, and nothing from another host.
    await context.route("**/*", (route) => {
      const target = new URL(route.request().url());
      return target.hostname === "localhost" && !target.pathname.endsWith("/functions.js") ? route.continue() : route.fulfill({ status: 404, body: "" });
    });
    const lonely = await context.newPage();
    const errors: string[] = [];
    lonely.on("pageerror", (error) => errors.push(`${error.name}: ${error.message}`));
    await lonely.goto(pane.session.url);
    await expect(lonely.locator("#app [role=alert]").innerText()).resolves.toMatch(/could not start: functions\.js, which holds the KC functions and their data, did not load/);
    expect(errors).toEqual([expect.stringMatching(/^LibraryMissingError: KC for Excel could not start/)]);
    await context.close();
  });

  it("logs no console errors and asks no host but office.js's own, on any tab", async () => {
    const page = await pane.session.open();
    for (const name of ["overview", "filings", "events", "risks", "formulas"]) await tab(page, name);
    await page.waitForLoadState("networkidle");
    // The same check runs after every test; here it is the whole point, so it is stated, not only inherited.
    expect(pane.session.problems).toEqual([]);
    expect(pane.session.outside.filter((url) => !url.startsWith(OFFICE_TELEMETRY))).toEqual([]);
  });
});
