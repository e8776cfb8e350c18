/**
 * The overview's trend charts in headless Chromium: revenue, gross margin, net income and free cash flow over the
 * fiscal years and TTM, each with a title and units, a bar or point per period whose height follows the figure, a
 * tooltip and a text alternative with the values, inside a 320-pixel pane and in both themes.
 */
import type { Page } from "playwright-core";
import { join } from "path";
import { chromiumAvailable, usePane } from "../support/browser";
import { statementPeriods, statementRow } from "../support/seed-tables";

const run = chromiumAvailable() ? describe : describe.skip;
// Expected figures are the statement table's, read from the seed page; periods oldest first.
const periods = statementPeriods().reverse();
const money = (label: string) => periods.map((p) => statementRow(label)[p]?.value as number);
const EXPECTED: Record<string, { title: string; units: string; values: number[] }> = {
  revenue: { title: "Revenue", units: "RMB millions", values: money("Total Revenue") },
  gross_margin: { title: "Gross margin", units: "% of revenue", values: periods.map((p) => (statementRow("Gross Profit")[p]?.value as number) / (statementRow("Total Revenue")[p]?.value as number)) },
  net_income: { title: "Net income", units: "RMB millions", values: money("Net Income") },
  free_cash_flow: { title: "Free cash flow", units: "RMB millions", values: money("Free Cash Flow") },
};

type Mark = { tip: string; top: number; bottom: number; negative: boolean; fill: string };
const marksOf = (page: Page, id: string) =>
  page.$$eval(`#trend-${id} .trend-bar, #trend-${id} .trend-point`, (nodes) =>
    nodes.map((n): Mark => {
      const box = n.getBoundingClientRect();
      return { tip: n.querySelector("title")?.textContent ?? "", top: box.top, bottom: box.bottom, negative: n.classList.contains("negative"), fill: getComputedStyle(n).fill };
    }),
  );

run("trend charts on the overview", () => {
  const pane = usePane();

  it.each([320, 800])("draws each trend with its title, units, one mark per period in order, and the values as text at %i px", async (width) => {
    const page = await pane.session.open({ width });
    for (const [id, want] of Object.entries(EXPECTED)) {
      const caption = await page.locator(`#trend-${id} figcaption`).innerText();
      expect(caption.replace(/\s+/g, " ")).toBe(`${want.title} · ${want.units}`);
      const marks = await marksOf(page, id);
      expect(marks.map((m) => m.tip.split(":")[0])).toEqual(periods);
      const label = (await page.locator(`#trend-${id} svg`).getAttribute("aria-label")) ?? "";
      expect(await page.locator(`#trend-${id} svg`).getAttribute("role")).toBe("img");
      for (const p of periods) expect(label).toContain(`${p} `);
      // The tallest mark is the largest value; a loss is a bar below the axis, and only a loss.
      if (id === "gross_margin") {
        const highest = marks.reduce((a, b) => (b.top < a.top ? b : a));
        expect(marks.indexOf(highest)).toBe(want.values.indexOf(Math.max(...want.values)));
      } else {
        const heights = marks.map((m) => m.bottom - m.top);
        const biggest = want.values.map(Math.abs).indexOf(Math.max(...want.values.map(Math.abs)));
        expect(heights.indexOf(Math.max(...heights))).toBe(biggest);
        expect(marks.map((m) => m.negative)).toEqual(want.values.map((v) => v < 0));
      }
    }
    const overflow = await page.evaluate(() => [...document.querySelectorAll(".trend-chart")].map((e) => e.getBoundingClientRect().right - window.innerWidth).filter((d) => d > 0.5));
    expect(overflow).toEqual([]);
    if (width === 320) {
      await page.locator("section.trends").evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 250));
      await page.screenshot({ path: join(pane.shots.folder, "trends.png") });
    }
  });

  it("takes its colours from the theme: bars stand out from the background in light and dark", async () => {
    const page = await pane.session.open({ width: 360 });
    const colours = () => page.evaluate(() => [getComputedStyle(document.querySelector(".trend-bar:not(.negative)") as Element).fill, getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector(".trend-label") as Element).fill]);
    const light = await colours();
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await colours();
    expect(light[0]).not.toBe(light[1]);
    expect(dark[0]).not.toBe(dark[1]);
    expect(dark[1]).not.toBe(light[1]);
    expect(dark[2]).not.toBe(light[2]);
  });
});
