/**
 * The plausibility checks in the built task pane at Excel's narrowest width: the overview's card beside the stated
 * ratios, and the audit of a call whose figures fail a check. The failing figures are read from the seed pages with
 * the tests' own reader (test/support/seed-tables.ts), never taken from the dataset.
 */
import type { Page } from "playwright-core";
import { chromiumAvailable, usePane } from "../support/browser";
import { HK_PAGE, lineOf } from "../support/seed-reader";
import { statementPeriods } from "../support/seed-tables";
import { dataset } from "../support/dataset";
import { overlaps, span, statement } from "../support/stated-ratios";

/** A seed page as the pane names it: by the title the dataset gives it. */
const titleOf = (file: string) => dataset.seeds.find((seed) => seed.file === file)?.title ?? file;

const run = chromiumAvailable() ? describe : describe.skip;
const WIDTH = 320;

/** The periods whose free cash flow the statement table writes as its operating cash flow, within their rounding. */
const fcfLikeOcf = statementPeriods().filter((p) => overlaps(span(statement("Free Cash Flow", p)), span(statement("Operating Cash Flow", p))));

run("plausibility checks in the task pane, in headless Chromium at 320 px", () => {
  const pane = usePane();

  const fitsWidth = async (page: Page) => {
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(WIDTH);
    const sticking = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("section[aria-label='Plausibility of the figures'] *, #panel-formulas .audit *")]
        .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
    );
    expect(sticking).toEqual([]);
  };

  it("lists every rule beside the stated ratios, and says which TTM figure fails, with the lines it read", async () => {
    expect(fcfLikeOcf).toEqual(["TTM"]);
    const page = await pane.session.open({ width: WIDTH });
    const stated = page.locator("section[aria-label='Stated ratios, checked']");
    const card = page.locator("section[aria-label='Plausibility of the figures']");
    await expect(stated.evaluate((s) => s.nextElementSibling?.getAttribute("aria-label"))).resolves.toBe("Plausibility of the figures");
    const text = await card.innerText();
    expect(text).toMatch(/ · (\d+) checks of 8 rules: (\d+) pass, 1 fail/);
    const [, total, passing] = / · (\d+) checks of 8 rules: (\d+) pass/.exec(text) ?? [];
    expect(Number(passing)).toBe(Number(total) - fcfLikeOcf.length);
    const items = await card.locator(".item").evaluateAll((list) => list.map((item) => (item as HTMLElement).innerText));
    expect(items).toHaveLength(8);
    const fcf = items.find((item) => item.startsWith("Free cash flow below operating cash flow")) ?? "";
    expect(fcf).toContain(`Fails 1 of ${statementPeriods().length}`);
    // The pane writes a negative with a true minus sign.
    const ttm = (label: string) => statement(label, "TTM").written.replace(/^-/, "\u2212");
    expect(fcf).toContain(`Free cash flow ${ttm("Free Cash Flow")} is not below operating cash flow ${ttm("Operating Cash Flow")} within their rounding, which leaves no capital expenditure, while investing cash flow is ${ttm("Investing Cash Flow")}`);
    expect(fcf).toContain("TTM fails");
    expect(items.filter((item) => /\nFails \d/.test(item))).toEqual([fcf]);
    expect(items.filter((item) => /\nPasses (\d+) of \1\n/.test(item))).toHaveLength(7);

    // The failing check's figures, opened: each seed line it read.
    await card.locator(".stated.disagrees details summary").first().click();
    const figures = await card.locator(".stated.disagrees details").first().innerText();
    for (const label of ["Free Cash Flow", "Operating Cash Flow", "Investing Cash Flow", "Total Revenue"]) expect(figures).toContain(`${titleOf(HK_PAGE)}, line ${statement(label, "TTM").line}`);

    await page.selectOption("#filter-kind", "conflict");
    await expect(card.locator(".item").filter({ visible: true }).count()).resolves.toBe(1);
    await page.selectOption("#filter-kind", "");
    await fitsWidth(page);
  });

  it("audits =KC.MARGIN(\"fcf\",\"TTM\") with the rule its free cash flow breaks and the stated ratio that figure gives otherwise", async () => {
    const page = await pane.session.open({ width: WIDTH });
    await page.click("#tab-formulas");
    await page.waitForSelector("#panel-formulas:not([hidden])");
    await page.fill("#audit-input", '=KC.MARGIN("fcf","TTM")');
    const audit = page.locator("#panel-formulas .audit").last();
    await expect(audit.locator(".implausible").count()).resolves.toBe(1);
    const text = await audit.innerText();
    expect(text).toContain("Implausible, TTM: Free cash flow below operating cash flow");
    expect(text).toContain(`Free cash flow ${statement("Free Cash Flow", "TTM").written} is not below operating cash flow ${statement("Operating Cash Flow", "TTM").written}`);
    expect(text).toContain(`Its figures disagree with what a page states for Free cash flow to net income TTM — ${titleOf(HK_PAGE)}, line ${lineOf(HK_PAGE, "free cash flow to net income ratio is negative")}`);
    await page.fill("#audit-input", '=KC.MARGIN("gross","FY2024")');
    await expect(page.locator("#panel-formulas .audit").last().locator(".implausible").count()).resolves.toBe(0);
    await page.fill("#audit-input", '=KC.MARGIN("fcf","TTM")');
    await fitsWidth(page);
  });
});
