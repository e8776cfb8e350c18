/**
 * The overview's first screen, its stale-data notice and its statement tables, in the built pane in headless Chromium.
 * Expected figures and dates are read from the seed pages with the tests' own reader; "today" is set with Playwright's
 * clock before the pane loads, so each rule is tried on either side of its threshold.
 */
import type { Page } from "playwright-core";
import { chromiumAvailable, usePane } from "../support/browser";
import { HK_PAGE, US_PAGE, dateAfter, figureAfter, figuresBelow, lineOf, seedLines, textAfter, type SeedFigure } from "../support/seed-reader";
import { statementPeriods, statementRow } from "../support/seed-tables";
import { dataset } from "../support/dataset";
import { STALE_AFTER_DAYS as STALE_DAYS } from "../../src/taskpane/stale";

/** A seed page as the pane names it: by the title the dataset gives it. */
const titleOf = (file: string) => dataset.seeds.find((seed) => seed.file === file)?.title ?? file;

const run = chromiumAvailable() ? describe : describe.skip;

const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const plusDays = (iso: string, days: number) => new Date(utc(iso) + days * DAY).toISOString().slice(0, 10);
const daysFrom = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY);
/** A date the way the pages (and the pane) write it: "Jan 28, 2026". */
const written = (iso: string) => new Date(utc(iso)).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
/** Millions the way the pane writes money: a true minus sign, the currency's symbol, grouped, and "M". */
const money = (f: SeedFigure, symbol: string) => `${f.value < 0 ? "\u2212" : ""}${symbol}${Math.abs(f.value).toLocaleString("en-US")}M`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const ANALYSIS = dateAfter(HK_PAGE, "Date of analysis: ");
const EARNINGS_HK = dateAfter(HK_PAGE, "Next Earnings Date:");
const EARNINGS_US = dateAfter(US_PAGE, "Next earnings:");
const COMPANY = "Kingsoft Cloud Holdings Limited";
const TODAY = "2026-11-26";

run("the overview in headless Chromium", () => {
  const pane = usePane();

  /** A fresh pane whose clock reads noon UTC of `today` (the same calendar day in any time zone within ±11 hours). */
  const paneOn = (today: string, width = 360) => pane.session.open({ width, before: (page) => page.clock.setFixedTime(new Date(`${today}T12:00:00Z`)) });
  const notice = async (page: Page) => ((await page.locator("#stale-notice").count()) ? page.locator("#stale-notice").innerText() : null);

  describe("at a glance", () => {
    it("opens on the at-a-glance card, in the first screen at 360 px, with the profile and address further down", async () => {
      const page = await paneOn(TODAY);
      const cards = await page.locator("#panel-overview section.card").evaluateAll((list) => list.map((s) => s.getAttribute("aria-label")));
      expect(cards[0]).toBe("At a glance");
      // The company's profile (CEO, address) comes after the figures: after the statements and the checks.
      expect(cards.indexOf(COMPANY)).toBeGreaterThan(cards.indexOf("Stated ratios, checked"));
      // Even under the stale notice and the outside-Excel note, the data's age and both listings show without scrolling.
      const bottoms = await page.locator("section[aria-label='At a glance'] .row").evaluateAll((rows) => rows.slice(0, 3).map((r) => [r.querySelector("dt")?.textContent, r.getBoundingClientRect().bottom]));
      const height = await page.evaluate(() => window.innerHeight);
      expect(bottoms.map(([label]) => label)).toEqual(["Data", "NASDAQ: KC · USD per ADS", "HKEX: 3896 · HKD per share"]);
      for (const [label, bottom] of bottoms) expect([label, Number(bottom) <= height]).toEqual([label, true]);
      const text = await page.locator("#panel-overview").innerText();
      expect(text.indexOf("At a glance")).toBeLessThan(text.indexOf(`CEO`));
    });

    it("states each listing's price and market cap with its currency, unit and date, saying where a page has none", async () => {
      const page = await paneOn(TODAY);
      const card = page.locator("section[aria-label='At a glance']");
      const us = await card.locator(".row", { has: page.locator("dt", { hasText: /^NASDAQ: KC/ }) }).innerText();
      const [cap] = figuresBelow(US_PAGE, "Market Cap") as [SeedFigure];
      const [low, high] = [figuresBelow(US_PAGE, "52W Low")[0], figuresBelow(US_PAGE, "52W High")[0]] as [SeedFigure, SeedFigure];
      expect(us).toContain("NASDAQ: KC · USD per ADS");
      expect(us).toContain(`No price on the page (52-week range US$${low.written.slice(1)}–US$${high.written.slice(1)})`);
      expect(us).toContain(`market cap ${money(cap, "US$")}`);
      expect(us).toContain("the NASDAQ page gives no date");

      const hk = await card.locator(".row", { has: page.locator("dt", { hasText: /^HKEX: 3896/ }) }).innerText();
      expect(hk).toContain("HKEX: 3896 · HKD per share");
      // The grant of shares that the page also counts in ADSs gives the shares per ADS.
      const grant = seedLines(HK_PAGE)[lineOf(HK_PAGE, "restricted share units (RSUs)") - 1] ?? "";
      const [shares, ads] = [/granted ([\d,]+) restricted/, /roughly ([\d,]+) ADSs/].map((re) => Number(re.exec(grant)?.[1]?.replace(/,/g, "")));
      const perAds = Math.round((shares as number) / (ads as number));
      const last = Number(textAfter(HK_PAGE, "Last Price"));
      expect(hk).toContain(`HK$${last.toFixed(2)} per share (HK$${(last * perAds).toFixed(2)} per ADS of ${perAds} shares)`);
      expect(hk).toContain("no market cap on the page");
      expect(hk).toContain(`the HKEX page is dated ${written(ANALYSIS)}`);
    });

    it("gives the rating, the target with its upside, both next-earnings dates and the data's age", async () => {
      const page = await paneOn(TODAY);
      const text = await page.locator("section[aria-label='At a glance']").innerText();
      const [score, rating] = textAfter(HK_PAGE, "Rating:").match(/^(\d+)(\w+)$/)?.slice(1) ?? [];
      expect(text).toContain(`${rating} ${score}`);
      const [target] = figuresBelow(HK_PAGE, "Price Target:") as [SeedFigure];
      const upside = /\(([\d.]+)% Upside\)/.exec(textAfter(HK_PAGE, "▲"))?.[1];
      const last = Number(textAfter(HK_PAGE, "Last Price"));
      expect(text).toContain(`target ${target.written} (+${upside}% upside stated; +${((100 * target.value) / last - 100).toFixed(2)}% from HK$${last.toFixed(2)})`);
      expect(text).toContain(`${written(EARNINGS_HK)} (the HKEX page) · ${written(EARNINGS_US)} (the NASDAQ page) — the pages disagree`);
      expect(text).toContain(`Data as of ${written(ANALYSIS)} — ${daysFrom(ANALYSIS, TODAY)} days old`);
    });

    it("gives revenue, net income, free cash flow and gross margin for the latest fiscal year and TTM, each with its source lines", async () => {
      const page = await paneOn(TODAY);
      const card = page.locator("section[aria-label='At a glance']");
      const [latest] = statementPeriods().filter((p) => p !== "TTM").sort().reverse() as [string];
      for (const [label, line] of [
        ["Revenue", "Total Revenue"],
        ["Net income", "Net Income"],
        ["Free cash flow", "Free Cash Flow"],
      ] as const) {
        const figures = statementRow(line);
        const row = card.locator(".row", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) });
        const text = await row.innerText();
        expect(text).toContain(`${latest} ${money(figures[latest] as SeedFigure, "RMB ")} · TTM ${money(figures.TTM as SeedFigure, "RMB ")}`);
        // One click opens the sources: the statement table's line, quoted.
        await row.locator("summary").first().click();
        await expect(row.locator(".where").first().innerText()).resolves.toBe(`${titleOf(HK_PAGE)}, line ${figures.TTM?.line}`);
      }
      const [gross, revenue] = [statementRow("Gross Profit"), statementRow("Total Revenue")];
      const margin = (p: string) => `${((100 * (gross[p]?.value ?? NaN)) / (revenue[p]?.value ?? NaN)).toFixed(1)}%`;
      await expect(card.innerText()).resolves.toMatch(new RegExp(`Gross margin\\s+${latest} ${escape(margin(latest))} · TTM ${escape(margin("TTM"))}`));
      // The pages disagree on the latest year's net income: the card says so, and its sources include the other page.
      const netIncome = card.locator(".row", { hasText: "Net income" });
      await expect(netIncome.innerText()).resolves.toContain(`sources disagree on ${latest}`);
      await expect(netIncome.locator(".where").allInnerTexts()).resolves.toContain(`${titleOf(US_PAGE)}, line ${figureAfter(US_PAGE, "net loss decreased 9.4% to ").line}`);
    });

    it("fits 320 and 800 px without horizontal scrolling, in light and dark themes", async () => {
      for (const width of [320, 800]) {
        const page = await paneOn(TODAY, width);
        for (const scheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(width);
          const sticking = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>("#panel-overview *")]
              .filter((e) => !e.closest(".table-wrap") && e.getClientRects().length > 0 && e.getBoundingClientRect().right > window.innerWidth + 0.5)
              .map((e) => e.tagName),
          );
          expect([width, scheme, sticking]).toEqual([width, scheme, []]);
        }
      }
    });
  });

  describe("stale data, said plainly", () => {
    const stale = `${STALE_DAYS} days`;
    it(`says nothing while the data is at most ${stale} old and no next-earnings date has passed`, async () => {
      const page = await paneOn(plusDays(ANALYSIS, STALE_DAYS));
      await expect(notice(page)).resolves.toBeNull();
      await expect(page.locator("section[aria-label='At a glance']").innerText()).resolves.toContain(`${STALE_DAYS} days old`);
    });

    it(`says how old the figures are from the day they are more than ${stale} old`, async () => {
      const page = await paneOn(plusDays(ANALYSIS, STALE_DAYS + 1));
      await expect(notice(page)).resolves.toBe(`These figures are from ${written(ANALYSIS)}, ${STALE_DAYS + 1} days ago.`);
    });

    it("counts days to the reader's own calendar date: in Hong Kong, 04:00 is already the next day", async () => {
      const lastQuiet = plusDays(ANALYSIS, STALE_DAYS);
      // 20:00 UTC on the last quiet day is 04:00 the next day in Hong Kong (UTC+8, no daylight saving).
      const page = await pane.session.open({
        before: async (p) => {
          const cdp = await p.context().newCDPSession(p);
          await cdp.send("Emulation.setTimezoneOverride", { timezoneId: "Asia/Hong_Kong" });
          await p.clock.setFixedTime(new Date(`${lastQuiet}T20:00:00Z`));
        },
      });
      await expect(notice(page)).resolves.toBe(`These figures are from ${written(ANALYSIS)}, ${STALE_DAYS + 1} days ago.`);
    });

    it("adds that the earlier next-earnings date has passed the day after it, naming both pages", async () => {
      // The NASDAQ page's date is the earlier one; the HKEX page's is primary.
      expect(EARNINGS_US < EARNINGS_HK).toBe(true);
      const onTheDay = await paneOn(EARNINGS_US);
      await expect(notice(onTheDay)).resolves.toBe(`These figures are from ${written(ANALYSIS)}, ${daysFrom(ANALYSIS, EARNINGS_US)} days ago.`);
      const after = plusDays(EARNINGS_US, 1);
      const dayAfter = await paneOn(after);
      await expect(notice(dayAfter)).resolves.toBe(
        `These figures are from ${written(ANALYSIS)}, ${daysFrom(ANALYSIS, after)} days ago. ${COMPANY}'s next earnings may be out: the NASDAQ page dated them ${written(EARNINGS_US)}, which has passed (the HKEX page says ${written(EARNINGS_HK)}); results since then are not in this dataset.`,
      );
    });

    it("says the earnings have passed once the primary page's date is behind us, and how old the figures are today", async () => {
      const onTheDay = await paneOn(EARNINGS_HK);
      await expect(notice(onTheDay)).resolves.toContain("may be out");
      for (const today of [plusDays(EARNINGS_HK, 1), TODAY]) {
        const page = await paneOn(today);
        await expect(notice(page)).resolves.toBe(
          `These figures are from ${written(ANALYSIS)}, ${daysFrom(ANALYSIS, today)} days ago. ${COMPANY}'s earnings of ${written(EARNINGS_HK)} (the NASDAQ page gave ${written(EARNINGS_US)}) have passed and are not in this dataset.`,
        );
        // The notice is the first thing in the overview.
        await expect(page.locator("#panel-overview > div > :first-child").getAttribute("id")).resolves.toBe("stale-notice");
      }
    });
  });

  describe("statement tables", () => {
    const newestFirst = statementPeriods();

    for (const width of [320, 450]) {
      it(`show the newest period and the labels first at ${width} px, and keep the labels in view while the table scrolls`, async () => {
        const page = await paneOn(TODAY, width);
        const table = page.locator("section[aria-label='Income statement'] table");
        await expect(table.locator("thead th").allInnerTexts()).resolves.toEqual(["", ...newestFirst]);
        // Bring the table just below the pane's sticky header.
        await table.evaluate((t) => window.scrollTo(0, t.getBoundingClientRect().top + window.scrollY - 240));
        const newest = table.locator("thead th").nth(1);
        const label = table.locator("tbody th").first();
        /** Whether the element is inside the window and is what the reader sees at its centre (nothing covers it). */
        const seen = (element: typeof label) =>
          element.evaluate((e) => {
            const r = e.getBoundingClientRect();
            const inside = r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight;
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return inside && (hit === e || e.contains(hit));
          });
        await expect(seen(newest)).resolves.toBe(true);
        await expect(seen(label)).resolves.toBe(true);

        const wrap = page.locator("section[aria-label='Income statement'] .table-wrap");
        const [scrollWidth, clientWidth] = await wrap.evaluate((w) => [w.scrollWidth, w.clientWidth]);
        expect(scrollWidth).toBeGreaterThan(clientWidth);
        await wrap.evaluate((w) => (w.scrollLeft = w.scrollWidth));
        await expect(wrap.evaluate((w) => w.scrollLeft)).resolves.toBeGreaterThan(0);
        await expect(seen(label)).resolves.toBe(true);
        await expect(seen(table.locator("thead th").last())).resolves.toBe(true);
      });
    }

    it("writes every figure of a row with the same decimals, as the statement table states them", async () => {
      const page = await paneOn(TODAY);
      const rows = await page.locator("table.statement tbody tr").evaluateAll((list) => list.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
      expect(rows.length).toBeGreaterThan(10);
      for (const cells of rows) expect(new Set(cells.map((c) => c.split(".")[1]?.length ?? 0)).size).toBe(1);
      const gross = statementRow("Gross Profit");
      const shown = await page.locator("section[aria-label='Income statement'] tr", { hasText: "Gross profit" }).locator("td").allInnerTexts();
      expect(shown).toEqual(newestFirst.map((p) => (gross[p] as SeedFigure).value.toLocaleString("en-US", { minimumFractionDigits: 2 })));
    });

    it("paints the sticky labels on the pane's own background in light and dark themes", async () => {
      const page = await paneOn(TODAY, 320);
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const [label, card, position] = await page
          .locator("section[aria-label='Balance sheet']")
          .evaluate((s) => [getComputedStyle(s.querySelector("tbody th") as Element).backgroundColor, getComputedStyle(s).backgroundColor, getComputedStyle(s.querySelector("tbody th") as Element).position]);
        expect([scheme, label, position]).toEqual([scheme, card, "sticky"]);
      }
    });
  });
});
