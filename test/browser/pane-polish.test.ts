/**
 * How the built task pane reads, in headless Chromium at 320 and 800 pixels: one way of writing numbers and dates,
 * search and filters that never leave empty shells, sources named by their document, a copy note that follows the
 * formula, an audit that evaluates the whole formula, and disabled buttons that look disabled in both themes.
 * Expected figures come from the seed pages (test/support/seed-reader.ts); document titles from the dataset.
 */
import type { Page } from "playwright-core";
import { dataset } from "../support/dataset";
import { chromiumAvailable, usePane } from "../support/browser";
import { HK_PAGE, US_PAGE, figuresBelow, isoDate, seedLines, textAfter, type SeedFigure } from "../support/seed-reader";
import { filing } from "../support/seed-tables";
import { statement } from "../support/stated-ratios";

const run = chromiumAvailable() ? describe : describe.skip;
const WIDTHS = [320, 800] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** An ISO date as a reader expects it: "2026-03-25" → "Mar 25, 2026". */
const longDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${d}, ${y}`;
};
const titleOf = (file: string) => dataset.seeds.find((s) => s.file === file)?.title ?? `no seed ${file}`;
const filingYears = seedLines(US_PAGE).flatMap((line) => /Form 20-F - FY (\d{4})$/.exec(line.trim())?.slice(1) ?? []).map(Number);

/** WCAG relative luminance contrast of two computed colours ("rgb(r, g, b)"). */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

run("the task pane's reading polish in headless Chromium", () => {
  const pane = usePane();

  const tab = async (page: Page, name: string) => {
    await page.click(`#tab-${name}`);
    await page.waitForSelector(`#panel-${name}:not([hidden])`);
  };
  const paneOn = async (name: string, width = 360) => {
    const page = await pane.session.open({ width });
    await tab(page, name);
    return page;
  };
  const build = async (page: Page, fn: string, args: Record<string, string>) => {
    await page.selectOption("#builder-function", fn);
    for (const [name, value] of Object.entries(args)) await page.selectOption(`#builder-${name}`, value);
    return page.locator("#panel-formulas .result").innerText();
  };
  /** The text a reader sees in `selector`, leaving out quotations of the pages and formulas (shown verbatim). */
  const readerText = (page: Page, selector: string) =>
    page.locator(selector).evaluate((root) => {
      const copy = root.cloneNode(true) as HTMLElement;
      for (const verbatim of copy.querySelectorAll("q, code, output.formula, option, .seed-line")) verbatim.remove();
      document.body.append(copy);
      const text = copy.innerText;
      copy.remove();
      return text;
    });

  describe("one way of writing numbers", () => {
    it("writes a money value with its currency and scale, in the currency asked or the reporting one", async () => {
      const page = await paneOn("formulas");
      const [q3] = figuresBelow(US_PAGE, "Financial Dashboard", "Revenue") as [SeedFigure];
      await expect(build(page, "REVENUE", { period: "Q3-2025", currency: "USD" })).resolves.toMatch(new RegExp(`^Value:\\s*US\\$${q3.value.toFixed(2)}M$`));
      const revenue = statement("Total Revenue", "FY2024").value;
      await expect(build(page, "REVENUE", { period: "FY2024", currency: "", units: "B" })).resolves.toMatch(new RegExp(`^Value:\\s*RMB ${(revenue / 1000).toFixed(2)}B$`));
    });

    it("writes dates as dates, never as Excel serial numbers", async () => {
      const page = await paneOn("formulas");
      const next = isoDate(textAfter(HK_PAGE, "Next Earnings Date:"));
      await expect(build(page, "PROFILE", { field: "next_earnings" })).resolves.toMatch(new RegExp(`Value:\\s*${longDate(next)}`));
      const filed = filing(Math.max(...filingYears)).filed;
      await expect(build(page, "FILING", { fiscal_year: String(Math.max(...filingYears)), field: "filed" })).resolves.toMatch(new RegExp(`Value:\\s*${longDate(filed)}`));
    });

    it("writes every negative with one minus sign (U+2212), in values, tables and the audit", async () => {
      const page = await paneOn("formulas");
      const loss = statement("Net Income", "FY2024");
      const shown = await build(page, "FIGURE", { metric: "net_income", period: "FY2024", currency: "" });
      expect(shown).toContain(`\u2212RMB ${Math.abs(loss.value).toLocaleString("en-US", { minimumFractionDigits: 2 })}M`);
      await page.fill("#audit-input", "=KC.FIGURE(\"net_income\",2024)");
      for (const name of ["formulas", "overview", "filings", "events"]) {
        await tab(page, name);
        const text = await readerText(page, `#panel-${name}`);
        expect([name, text.match(/(^|[^\w$])-\d[\d,.]*/gm)]).toEqual([name, null]);
      }
    });

    it("writes each audited call's value in its unit, currency and scale", async () => {
      const page = await paneOn("formulas");
      const revenue = statement("Total Revenue", "FY2024").value;
      await page.fill("#audit-input", "=KC.REVENUE(2024)");
      await expect(page.locator("#panel-formulas .audit output.value").last().innerText()).resolves.toBe(`RMB ${revenue.toLocaleString("en-US", { minimumFractionDigits: 2 })}M`);
      // A formula that is one call has that call's value, text included.
      await expect(page.locator("#audit-formula-value").innerText()).resolves.toBe(`Formula value: RMB ${revenue.toLocaleString("en-US", { minimumFractionDigits: 2 })}M`);
      await page.fill("#audit-input", '=KC.PROFILE("ceo")');
      await expect(page.locator("#audit-formula-value").innerText()).resolves.toBe(`Formula value: ${textAfter(US_PAGE, "CEO:")}`);
      await page.fill("#audit-input", '=KC.MARGIN("gross",2024)');
      const margin = (100 * statement("Gross Profit", "FY2024").value) / revenue;
      await expect(page.locator("#panel-formulas .audit output.value").last().innerText()).resolves.toBe(`${margin.toFixed(2)}%`);
    });

    it("gives every number of a spilled row in the builder one count of decimals", async () => {
      const page = await paneOn("formulas");
      await build(page, "STATEMENT", { name: "income" });
      const rows = await page.locator("#panel-formulas .result table.spill tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "").filter((c) => /^\u2212?[\d,]+(\.\d+)?$/.test(c))));
      expect(rows.filter((r) => r.length > 3).length).toBeGreaterThan(2);
      for (const row of rows) expect([row, new Set(row.map((c) => /\.(\d+)/.exec(c)?.[1]?.length ?? 0)).size <= 1]).toEqual([row, true]);
    });

    it("gives every cell of a statement row as many decimals as the others", async () => {
      const page = await pane.session.open();
      const rows = await page.locator("table.statement tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
      expect(rows.length).toBeGreaterThan(10);
      for (const row of rows) {
        const decimals = new Set(row.map((cell) => /\.(\d+)/.exec(cell)?.[1]?.length ?? 0));
        expect([row, decimals.size]).toEqual([row, 1]);
      }
    });

    it("gives every column of a peer table one count of decimals, and each market cap its currency", async () => {
      const page = await pane.session.open();
      const tables = await page.locator("table.peers").evaluateAll((list) =>
        list.map((table) => {
          const rows = [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""));
          const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent ?? "");
          return { heads, rows };
        }),
      );
      expect(tables.length).toBeGreaterThan(3);
      for (const { heads, rows } of tables) {
        (rows[0] ?? []).forEach((_cell, i) => {
          const decimals = new Set(rows.map((r) => r[i] ?? "").filter((c) => /\d/.test(c)).map((c) => /\d[\d,]*(?:\.(\d+))?/.exec(c)?.[1]?.length ?? 0));
          expect([heads[i + 1], [...decimals]]).toEqual([heads[i + 1], [...decimals].slice(0, 1)]);
        });
        const cap = heads.indexOf("Market cap (M)") - 1;
        if (cap >= 0) for (const r of rows) expect(r[cap]).toMatch(/^\u2212?(HK\$|US\$|RMB )[\d,.]+M$/);
      }
    });

    it("signs a change but not a share: a position in a range reads as a plain percentage", async () => {
      const page = await pane.session.open();
      const range = figuresBelow(US_PAGE, "52W Range")[0] as SeedFigure;
      await expect(page.locator("section[aria-label='NASDAQ: KC'] .row", { hasText: "52-week range" }).locator("dd").innerText()).resolves.toMatch(new RegExp(`^${(range.value * 100).toFixed(2)}%`));
    });

    it("writes a positive growth with its sign, never in parentheses", async () => {
      const page = await paneOn("filings");
      const latest = filing(Math.max(...filingYears));
      const text = await page.locator("table.filings tbody").innerText();
      expect(text).not.toMatch(/\([+\u2212-]?\d[\d.]*%\)/);
      expect(text).toContain(`+${(latest.revenueGrowth.value * 100).toFixed(1)}%`);
      expect(text).toContain(`US$${latest.revenue.value.toLocaleString("en-US", { minimumFractionDigits: 2 })}M`);
    });

    it("writes the filings on the timeline as the Filings tab does: dates as dates, signed growth without parentheses", async () => {
      const page = await paneOn("events");
      const text = await readerText(page, "#panel-events");
      expect(text.match(/\d{4}-\d{2}-\d{2}|\([+\u2212-]?\d[\d.]*%\)/g)).toBeNull();
      const latest = filing(Math.max(...filingYears));
      expect(text).toContain(`Period end ${longDate(latest.periodEnd)}`);
      expect(text).toContain(`+${(latest.revenueGrowth.value * 100).toFixed(1)}% y/y`);
    });

    it("names each metric by its label wherever a reader sees it, never by its id", async () => {
      const page = await pane.session.open();
      const ids = dataset.metrics.map((m) => m.id).filter((id) => id.includes("_"));
      const text = await readerText(page, "#panel-overview");
      expect(ids.filter((id) => text.includes(id))).toEqual([]);
      const netIncome = dataset.metrics.find((m) => m.id === "net_income")?.label ?? "";
      await expect(page.locator("section[aria-label='Where the sources disagree']").innerText()).resolves.toContain(`${netIncome} FY2024`);
    });
  });

  describe("search and filters", () => {
    for (const width of WIDTHS) {
      it(`hides every card left empty by a search and says what was searched and how to clear it (${width} px)`, async () => {
        const page = await pane.session.open({ width });
        const query = "zzqx nothing like this";
        await page.fill("#search", query);
        for (const name of ["overview", "filings", "events", "risks"]) {
          await tab(page, name);
          const shells = await page.locator(`#panel-${name} section, #panel-${name} table`).evaluateAll((list) =>
            list.filter((e) => (e as HTMLElement).offsetParent !== null && e.querySelector(".item") && !e.querySelector(".item:not([hidden])")).map((e) => e.getAttribute("aria-label") ?? e.tagName),
          );
          expect([name, shells]).toEqual([name, []]);
          const empty = page.locator(`#panel-${name} .empty-state`);
          await expect(empty.isVisible()).resolves.toBe(true);
          await expect(empty.innerText()).resolves.toContain(`“${query}”`);
        }
        const width320 = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width320).toBe(width);
        await page.click("#panel-risks .empty-state button");
        await expect(page.inputValue("#search")).resolves.toBe("");
        await expect(page.locator("#panel-risks .empty-state").isVisible()).resolves.toBe(false);
        await expect(page.locator("#panel-risks .item").filter({ visible: true }).count()).resolves.toBeGreaterThan(10);
      });
    }

    it("clears the search from a labelled button the keyboard reaches, which shows only while there is a search", async () => {
      const page = await pane.session.open();
      const clear = page.getByRole("button", { name: "Clear search", exact: true });
      await expect(clear.isVisible()).resolves.toBe(false);
      await page.fill("#search", "RSU");
      await expect(clear.isVisible()).resolves.toBe(true);
      await page.focus("#search");
      await page.keyboard.press("Tab");
      await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).resolves.toBe("Clear search");
      await page.keyboard.press("Enter");
      await expect(page.inputValue("#search")).resolves.toBe("");
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("search");
      await expect(page.locator("#tab-events").innerText()).resolves.toBe("Events");
    });

    for (const width of WIDTHS) {
      it(`says whether a year is fiscal or calendar, and keeps the statements when one is chosen (${width} px)`, async () => {
        const page = await pane.session.open({ width });
        const year = Math.max(...filingYears);
        const options = await page.locator("#filter-year option").allInnerTexts();
        expect(options).toContain(`Fiscal year ${year}`);
        await expect(page.locator("label[for=filter-year]").innerText()).resolves.toMatch(/year/i);
        await page.selectOption("#filter-year", { label: `Fiscal year ${year}` });
        await expect(page.locator("section[aria-label='Income statement']").isVisible()).resolves.toBe(true);
        await tab(page, "filings");
        await expect(page.locator("table.filings tbody tr").filter({ visible: true }).locator("td:first-child").allInnerTexts()).resolves.toEqual([`FY${year}`]);
        // A calendar year keeps what happened in it: the filing filed that year, the events dated that year.
        const filed = filing(year).filed.slice(0, 4);
        await page.selectOption("#filter-year", { label: `Calendar year ${filed}` });
        await expect(page.locator("table.filings tbody tr").filter({ visible: true }).locator("td:first-child").allInnerTexts()).resolves.toEqual([`FY${year}`]);
        await tab(page, "events");
        const dates = await page.locator(".timeline > li").filter({ visible: true }).locator("time").evaluateAll((list) => list.map((t) => t.getAttribute("datetime") ?? ""));
        expect(dates.length).toBeGreaterThan(0);
        expect(dates.filter((d) => !d.startsWith(filed))).toEqual([]);
        await tab(page, "overview");
        await expect(page.locator("section[aria-label='Income statement']").isVisible()).resolves.toBe(true);
      });
    }
  });

  describe("sources named by their document", () => {
    for (const width of WIDTHS) {
      it(`cites a statement cell as row × column in the titled page, with the seed file and line one click away (${width} px)`, async () => {
        const page = await pane.session.open({ width });
        const conflict = page.locator("section[aria-label='Where the sources disagree'] .row").first();
        await conflict.locator("details.source > summary").first().click();
        const note = conflict.locator("details.source").first();
        const text = await note.innerText();
        const loss = statement("Net Income", "FY2024");
        expect(text).toContain(titleOf(HK_PAGE));
        expect(text).toContain("Net Income × FY2024");
        expect(text).toContain(loss.written);
        expect(text).not.toContain(HK_PAGE);
        await note.locator("details.seed > summary").first().click();
        await expect(note.innerText()).resolves.toContain(`seeds/${HK_PAGE} line ${loss.line}`);
        const sticking = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(sticking).toBe(width);
      });
    }

    it("names the document in the builder's audit, the cell it reads, and no seed file until asked", async () => {
      const page = await paneOn("formulas");
      await build(page, "MARGIN", { kind: "gross", period: "TTM" });
      const audit = page.locator("#panel-formulas .audit").first();
      const text = await audit.innerText();
      expect(text).toContain(`${titleOf(HK_PAGE)}`);
      expect(text).toContain("Gross Profit × TTM");
      expect(text).not.toContain(`seeds/${HK_PAGE}`);
      await audit.locator("details.seed > summary").first().click();
      await expect(audit.innerText()).resolves.toContain(`seeds/${HK_PAGE} line ${statement("Gross Profit", "TTM").line}`);
    });
  });

  describe("copying, auditing and disabled buttons", () => {
    it("takes back \"Copied.\" when the formula changes, even while the copy is still under way", async () => {
      const page = await paneOn("formulas");
      await page.evaluate(() => {
        const pending: (() => void)[] = [];
        Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: () => new Promise<void>((resolve) => pending.push(resolve)) } });
        (window as unknown as { finishCopy: () => void }).finishCopy = () => pending.splice(0).forEach((resolve) => resolve());
      });
      await page.click("#builder-copy");
      await page.selectOption("#builder-function", "REVENUE");
      await page.evaluate(() => (window as unknown as { finishCopy: () => void }).finishCopy());
      await page.waitForTimeout(50);
      await expect(page.locator("#builder-copy-note").innerText()).resolves.toBe("");
      await page.click("#builder-copy");
      await page.evaluate(() => (window as unknown as { finishCopy: () => void }).finishCopy());
      await expect(page.locator("#builder-copy-note").innerText()).resolves.toBe("Copied.");
      await page.selectOption("#builder-function", "MARGIN");
      await expect(page.locator("#builder-copy-note").innerText()).resolves.toBe("");
    });

    it("evaluates a pasted formula as a whole, or says why it cannot", async () => {
      const page = await paneOn("formulas");
      await page.fill("#audit-input", "=KC.REVENUE(2024)/KC.REVENUE(2023)-1");
      const value = page.locator("#audit-formula-value");
      const growth = statement("Total Revenue", "FY2024").value / statement("Total Revenue", "FY2023").value - 1;
      const shown = await value.innerText();
      expect(shown).toMatch(/^Formula value: /);
      expect(Number(/: ([\d.]+)/.exec(shown)?.[1])).toBeCloseTo(growth, 6);
      await page.fill("#audit-input", "=KC.REVENUE(2024)-KC.REVENUE(2023)*2");
      const difference = statement("Total Revenue", "FY2024").value - 2 * statement("Total Revenue", "FY2023").value;
      expect(await value.innerText()).toContain(`\u2212${Math.abs(difference).toLocaleString("en-US")}`);
      await page.fill("#audit-input", "=KC.REVENUE(2024)/A1");
      await expect(value.innerText()).resolves.toBe("Formula value: not computed here: it refers to A1, whose value only the workbook knows.");
      await page.fill("#audit-input", "=NPV(0.1,KC.REVENUE(2024))");
      await expect(value.innerText()).resolves.toBe("Formula value: not computed here: it calls NPV, which only Excel computes.");
      await page.fill("#audit-input", "=KC.REVENUE(2024)/(KC.REVENUE(2023)-KC.REVENUE(2023))");
      await expect(value.innerText()).resolves.toBe("Formula value: #DIV/0! (a division by zero).");
      await page.fill("#audit-input", "=KC.REVENUE(2019)*2");
      await expect(value.innerText()).resolves.toMatch(/^Formula value: #N\/A, from KC\.REVENUE\(2019\)/);
    });

    for (const scheme of ["light", "dark"] as const) {
      it(`makes disabled buttons look disabled in the ${scheme} theme`, async () => {
        const page = await paneOn("formulas");
        await page.emulateMedia({ colorScheme: scheme });
        const look = (selector: string) =>
          page.locator(selector).first().evaluate((b) => {
            const s = getComputedStyle(b);
            // A transparent button shows what lies behind it.
            let behind: Element | null = b;
            while (behind && /rgba\(.*, 0\)$|transparent/.test(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement;
            return { color: s.color, background: getComputedStyle(behind ?? document.body).backgroundColor, opacity: Number(s.opacity) };
          });
        const disabled = await look("#panel-formulas button:disabled");
        const enabled = [await look("#builder-copy"), await look("#tab-overview")];
        const disabledContrast = contrast(disabled.color, disabled.background) * disabled.opacity;
        for (const button of enabled) expect(disabledContrast).toBeLessThan(contrast(button.color, button.background) * button.opacity * 0.6);
        // Still legible enough to read what it would do.
        expect(disabledContrast).toBeGreaterThan(1.5);
      });
    }
  });
});
