/**
 * The KC model in the task pane, in headless Chromium outside Excel: the overview's button and the Formulas tab show
 * the model as a read-only table computed from the same template Excel is given, every statement cell equal to the
 * seed page's figure, every check flag as the dataset's reconciliation, inputs and calculations in two colours in
 * both themes; building the sheet itself says it needs Excel.
 */
import { join } from "path";
import type { Page } from "playwright-core";
import { kcModel } from "../../src/data/model";
import type { DatasetCore } from "../../src/data/schema";
import { chromiumAvailable, usePane } from "../support/browser";
import { dataset } from "../support/dataset";
import { statementPeriods, statementRow } from "../support/seed-tables";

const run = chromiumAvailable() ? describe : describe.skip;
const model = kcModel(dataset as unknown as DatasetCore);
/** The statement table's rows as the seed page labels them, by the model's metric ids. */
const SEED_ROWS: Record<string, string> = { revenue: "Total Revenue", net_income: "Net Income", free_cash_flow: "Free Cash Flow", total_debt: "Total Debt" };
/** Millions with one decimal and a true minus sign, as the preview writes them. */
const oneDecimal = (v: number) => `${v < 0 ? "\u2212" : ""}${Math.abs(v).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`;

run("the KC model's preview in the task pane", () => {
  const pane = usePane();

  const cellText = (page: Page, row: number, column: number) => page.locator(`#model-preview tbody tr:nth-child(${row}) td:nth-of-type(${column + 1})`).innerText();

  it.each([320, 800])("opens from the overview onto the Formulas tab and shows every statement cell as the seed page states it, at %i px", async (width) => {
    const page = await pane.session.open({ width });
    await page.click("#overview-model");
    await expect(page.getAttribute("#tab-formulas", "aria-selected")).resolves.toBe("true");
    await page.waitForSelector("#model-preview table.model");
    const periods = model.cells[model.freeze.rows - 1]?.slice(2).map((c) => String(c?.content)) ?? [];
    expect(periods.slice().sort()).toEqual(statementPeriods().slice().sort());
    for (const [metric, label] of Object.entries(SEED_ROWS)) {
      const r = model.cells.findIndex((row) => row[1]?.content === metric) + 1;
      expect([metric, r > 0]).toEqual([metric, true]);
      for (const [i, period] of periods.entries()) {
        const seed = statementRow(label)[period]?.value as number;
        await expect(cellText(page, r, i + 2)).resolves.toBe(oneDecimal(seed));
      }
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBe(width);
    if (width === 800) {
      await page.locator("#model-preview table.model").evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 200));
      const file = join(pane.shots.folder, "model.png");
      await page.screenshot({ path: file });
    }
  });

  it("flags each stated ratio in the preview as the dataset's reconciliation does", async () => {
    const page = await pane.session.open();
    await page.click("#tab-formulas");
    await page.click("#model-preview-button");
    await page.waitForSelector("#model-preview table.model");
    const status = new Map(dataset.reconciliations.map((r) => [r.id, r.status]));
    for (const check of model.checks) {
      await expect(cellText(page, check.row, 5)).resolves.toBe(status.get(check.reconciliation) === "reconciles" ? "agrees" : "differs");
    }
    expect(model.checks.length).toBeGreaterThan(0);
  });

  it("says building the sheet needs Excel, and shows inputs and calculations in two colours in light and dark", async () => {
    const page = await pane.session.open({ width: 360 });
    await page.click("#tab-formulas");
    await expect(page.locator("#model-build").isDisabled()).resolves.toBe(true);
    await expect(page.getAttribute("#model-build", "title")).resolves.toMatch(/^Needs Excel/);
    await page.click("#model-preview-button");
    const colours = () =>
      page.evaluate(() => ["td.role-input", "td.role-calc"].map((s) => getComputedStyle(document.querySelector(`#model-preview ${s}`) as Element).color).concat(getComputedStyle(document.body).backgroundColor));
    const [inputLight, calcLight, bgLight] = await colours();
    expect(inputLight).not.toBe(calcLight);
    await page.emulateMedia({ colorScheme: "dark" });
    const [inputDark, calcDark, bgDark] = await colours();
    expect(inputDark).not.toBe(calcDark);
    expect([inputDark, bgDark]).not.toEqual([inputLight, bgLight]);
    expect(inputDark).not.toBe(inputLight);
  });
});
