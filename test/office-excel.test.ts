/** The Excel seam against office-addin-mock objects: nothing is read before load() and sync(), as in Excel. */
import { formula, freezeKcFormulas, FROZEN_SHEET, insertFormula, insertTable, isKcFormula, restoreKcFormulas, readCells, selectedFormula, watchSelection } from "../src/office/excel";
import { KC } from "../src/data/kc";
import { statementTable } from "../src/taskpane/statements";
import { auditFormula, cellReferences } from "../src/data/audit";
import { filingTable } from "../src/taskpane/filings";
import { peerTableFor } from "../src/taskpane/peers";
import { checksTable } from "../src/taskpane/checks";
import type { DatasetText } from "../src/data/schema";
import text from "../src/data/text.json";
import { themeOf } from "../src/office/host";
import { needsExcelApi } from "../src/office/requirements";
import { freezeFormulas } from "../src/taskpane/freeze";
import { FakeWorkbook } from "./support/fake-excel";

beforeAll(() => {
  Object.assign(globalThis, { Excel: { SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" }, ClearApplyTo: { contents: "Contents" } } });
});

describe("inserting into the sheet", () => {
  it("writes a filing as a formatted table of live KC.FILING formulas at the selected cell", async () => {
    const book = new FakeWorkbook();
    book.selection = { sheet: "Sheet1", address: "B2" };
    const address = await insertTable(book.context(), filingTable([{ fiscalYear: 2024 } as never]));
    expect(address).toBe("Sheet1!B2:I3");
    expect(book.cell("Sheet1", "B2")?.value).toBe("Fiscal year");
    expect(book.cell("Sheet1", "E3")?.formula).toBe('=KC.FILING(2024,"revenue")');
    expect(book.cell("Sheet1", "D3")?.format).toBe("yyyy-mm-dd");
    expect(book.cell("Sheet1", "F3")?.format).toBe("0.0%");
    expect(book.sheets.get("Sheet1")?.tables).toEqual(["Sheet1!B2:I3"]);
  });

  it("writes a statement as a table of KC.FIGURE formulas with a money format", async () => {
    const book = new FakeWorkbook();
    const grid = KC.STATEMENT("balance", null, null);
    if (!grid.ok) throw new Error(grid.message);
    const ids = ["total_assets", "cash_and_short_term_investments", "total_debt", "total_liabilities", "total_equity"];
    expect(await insertTable(book.context(), statementTable("balance", grid.value as (string | number)[][], ids))).toBe("Sheet1!A1:G6");
    expect(book.cell("Sheet1", "A2")?.value).toBe("Total assets");
    expect(book.cell("Sheet1", "F2")?.formula).toBe('=KC.FIGURE("total_assets","FY2024")');
    expect(book.cell("Sheet1", "G6")?.formula).toBe('=KC.FIGURE("total_equity","TTM")');
    expect(book.cell("Sheet1", "B2")?.format).toMatch(/^#,##0\.00/);
    expect(book.cell("Sheet1", "G6")?.format).toBe(book.cell("Sheet1", "B2")?.format);
  });

  it("writes a peer list as a table of the values the page gives, with formats and each row's seed line", async () => {
    const book = new FakeWorkbook();
    expect(await insertTable(book.context(), peerTableFor("gross_margin_latest_quarter"))).toBe("Sheet1!A1:D4");
    expect([1, 2, 3, 4].map((i) => book.cell("Sheet1", `${"ABCD"[i - 1]}1`)?.value)).toEqual(["Company", "Gross margin", "Change (pp)", "Source"]);
    expect(book.cell("Sheet1", "A2")?.value).toBe("Dave Inc. · DAVE");
    expect(book.cell("Sheet1", "B2")).toMatchObject({ value: 0.822, format: "0.0%" });
    expect(book.cell("Sheet1", "C4")).toMatchObject({ value: 91.4, format: '+0.0" pp";-0.0" pp"' });
    expect(book.cell("Sheet1", "D2")?.value).toBe("seeds/000_12d22aa60451a452.txt line 103");
    const unnamed = new FakeWorkbook();
    expect(await insertTable(unnamed.context(), peerTableFor("hk_financial_indicators"))).toBe("Sheet1!A1:K8");
    expect(unnamed.cell("Sheet1", "D2")?.value).toBe("HKD");
    expect(unnamed.cell("Sheet1", "F4")?.value).toBe("");
    expect(unnamed.cell("Sheet1", "J4")?.value).toBe("+24.41%, −4.23%, +108.65%");
  });

  it("writes text from the data as text, even text that looks like a formula; only the add-in's own formulas are formulas", async () => {
    const book = new FakeWorkbook();
    await insertTable(book.context(), {
      name: "KC_Test",
      header: ["=Header", "Value"],
      rows: [['=HYPERLINK("https://example.com","x")', formula("=KC.REVENUE(2024)")], ["-1.97B", 7790]],
      formats: ["@", "General"],
    });
    expect(book.cell("Sheet1", "A1")?.value).toBe("=Header");
    expect(book.cell("Sheet1", "A2")?.value).toBe('=HYPERLINK("https://example.com","x")');
    expect(book.cell("Sheet1", "B2")?.formula).toBe("=KC.REVENUE(2024)");
    expect(book.cell("Sheet1", "A3")?.value).toBe("-1.97B");
    expect(book.cell("Sheet1", "B3")?.value).toBe(7790);
  });

  it("writes the stated-ratio checks with a live KC formula beside each stated figure", async () => {
    const book = new FakeWorkbook();
    const list = (text as unknown as DatasetText).reconciliations;
    expect(await insertTable(book.context(), checksTable(list))).toBe(`Sheet1!A1:I${list.length + 1}`);
    expect([book.cell("Sheet1", "A2")?.value, book.cell("Sheet1", "B2")?.value, book.cell("Sheet1", "G2")?.formula]).toEqual(["Gross margin 2024", 0.172, '=KC.MARGIN("gross","FY2024")']);
    const ocf = list.findIndex((r) => r.id === "ocf_to_net_income_TTM") + 2;
    expect([book.cell("Sheet1", `B${ocf}`)?.value, book.cell("Sheet1", `F${ocf}`)?.value]).toEqual([0.32, "Disagrees"]);
    expect(book.cell("Sheet1", `H${list.length + 1}`)?.format).toBe("@");
  });

  it("puts a built formula into the selected cell", async () => {
    const book = new FakeWorkbook();
    book.selection = { sheet: "Sheet1", address: "C5:D9" };
    expect(await insertFormula(book.context(), '=KC.MARGIN("gross","TTM")')).toBe("Sheet1!C5");
    expect(book.cell("Sheet1", "C5")?.formula).toBe('=KC.MARGIN("gross","TTM")');
  });
});

describe("auditing the selected cell", () => {
  it("reads the cells a selected formula refers to, so =KC.REVENUE(A1) is audited with A1's year", async () => {
    const book = new FakeWorkbook({ A1: { formula: 2022, value: 2022 }, B1: { formula: "=KC.REVENUE(A1)", value: 8180 } });
    book.selection = { sheet: "Sheet1", address: "B1" };
    const cell = await selectedFormula(book.context());
    const values = await readCells(book.context(), cellReferences(cell.formula));
    const [entry] = auditFormula(cell.formula, values);
    expect(entry).toMatchObject({ status: "value", value: 8180 });
    expect(entry?.status === "value" && entry.sources[0]?.fact.source.text).toMatch(/^Total Revenue/);
  });

  it("reads cells on other sheets and leaves out references to a missing sheet or past the sheet's edge", async () => {
    const book = new FakeWorkbook({ A1: { formula: 2022, value: 2022 } });
    book.sheets.set("My Sheet", { name: "My Sheet", cells: new Map([["C3", { formula: "USD", value: "USD" }]]), visibility: "Visible", tables: [] });
    const values = await readCells(book.context(), ["A1", "Nope!B2", "XFE1", "A1048577", "'My Sheet'!$C$3"]);
    expect([...values]).toEqual([["A1", 2022], ["'MY SHEET'!C3", "USD"]]);
    const entries = auditFormula('=KC.REVENUE(A1,Nope!B2)', values);
    expect(entries[0]).toMatchObject({ status: "depends", message: "Depends on Nope!B2: its value is known only in the workbook." });
  });

  it("reads the selected formula and finds the seed line behind it", async () => {
    const book = new FakeWorkbook({ A1: { formula: "=KC.REVENUE(2024)", value: 7790 } });
    const cell = await selectedFormula(book.context());
    expect(cell).toEqual({ address: "Sheet1!A1", formula: "=KC.REVENUE(2024)", value: 7790 });
    const [entry] = auditFormula(cell.formula);
    expect(entry?.status === "value" && entry.sources[0]?.fact.source.line).toBe(101);
  });
});

describe("auditing as the selection moves", () => {
  it("re-reads the selected formula each time the selection changes, until it stops listening", async () => {
    const book = new FakeWorkbook({ A1: { formula: "=KC.REVENUE(2024)", value: 7790 }, B1: { formula: '=KC.FIGURE("net_income",2024)', value: -1970 } });
    const audited: string[] = [];
    const stop = await watchSelection(book.context(), () => {
      void selectedFormula(book.context()).then((cell) => audited.push(`${cell.address} ${auditFormula(cell.formula).length}`));
    });
    await book.select("B1");
    await book.select("C1");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(audited).toEqual(["Sheet1!B1 1", "Sheet1!C1 0"]);
    await stop();
    await book.select("A1");
    expect(book.selectionHandlers).toHaveLength(0);
  });
});

describe("freezing KC formulas and restoring them", () => {
  const cells = {
    A1: { formula: "=KC.REVENUE(2024)", value: 7790 },
    B1: { formula: "=SUM(1,2)", value: 3 },
    C1: { formula: "plain text", value: "plain text" },
    A2: { formula: '=ROUND(KC.MARGIN("gross","TTM")*100,1)', value: 16.2 },
  };

  it("replaces only KC formulas by their values and records them on a very hidden sheet", async () => {
    const book = new FakeWorkbook(cells);
    expect(await freezeKcFormulas(book.context(), "sheet")).toBe(2);
    expect(book.cell("Sheet1", "A1")).toMatchObject({ formula: 7790, value: 7790 });
    expect(book.cell("Sheet1", "A2")).toMatchObject({ formula: 16.2 });
    expect(book.cell("Sheet1", "B1")?.formula).toBe("=SUM(1,2)");
    expect(book.cell("Sheet1", "C1")?.formula).toBe("plain text");
    const log = book.sheets.get(FROZEN_SHEET);
    expect(log?.visibility).toBe("VeryHidden");
    expect([log?.cells.get("A2")?.value, log?.cells.get("B2")?.value, log?.cells.get("C2")?.value]).toEqual(["Sheet1", "A1", "=KC.REVENUE(2024)"]);
  });

  it("keeps frozen text as text, even a citation that starts with a minus sign", async () => {
    const source = "-1.97B (statement table) — seeds/002_6d82bc69ff353dc9.txt line 104";
    const book = new FakeWorkbook({ A1: { formula: '=KC.SOURCE("net_income",2024)', value: source } });
    expect(await freezeKcFormulas(book.context(), "sheet")).toBe(1);
    expect(book.cell("Sheet1", "A1")?.value).toBe(source);
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 1, missing: [] });
    expect(book.cell("Sheet1", "A1")?.formula).toBe('=KC.SOURCE("net_income",2024)');
  });

  it("keeps the record of formulas whose sheet was renamed, restores the rest, and restores them once the name is back", async () => {
    const book = new FakeWorkbook(cells);
    await freezeKcFormulas(book.context(), "sheet");
    const sheet = book.sheets.get("Sheet1");
    if (!sheet) throw new Error("no Sheet1");
    book.sheets.delete("Sheet1");
    book.sheets.set("Model", { ...sheet, name: "Model" });
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 0, missing: ["Sheet1"] });
    expect(book.cell("Model", "A1")?.formula).toBe(7790);
    expect(book.sheets.get(FROZEN_SHEET)?.cells.get("C3")?.value).toBe('=ROUND(KC.MARGIN("gross","TTM")*100,1)');
    book.sheets.delete("Model");
    book.sheets.set("Sheet1", sheet);
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 2, missing: [] });
    expect(book.cell("Sheet1", "A1")?.formula).toBe("=KC.REVENUE(2024)");
  });

  it("restores exactly what it froze and empties the record", async () => {
    const book = new FakeWorkbook(cells);
    await freezeKcFormulas(book.context(), "sheet");
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 2, missing: [] });
    expect(book.cell("Sheet1", "A1")?.formula).toBe("=KC.REVENUE(2024)");
    expect(book.cell("Sheet1", "A2")?.formula).toBe('=ROUND(KC.MARGIN("gross","TTM")*100,1)');
    expect(book.sheets.get(FROZEN_SHEET)?.cells.size).toBe(5);
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 0, missing: [] });
  });

  it("freezes a spilled formula as its whole block of values, so nothing it showed is lost", async () => {
    const book = new FakeWorkbook({
      A1: { formula: '=KC.HISTORY("revenue",2022,2024)', value: 8180, spill: "A1:C1" },
      B1: { formula: 7050, value: 7050 },
      C1: { formula: 7790, value: 7790 },
    });
    expect(await freezeKcFormulas(book.context(), "sheet")).toBe(1);
    expect(["A1", "B1", "C1"].map((a) => book.cell("Sheet1", a)?.formula)).toEqual([8180, 7050, 7790]);
    expect(book.sheets.get(FROZEN_SHEET)?.cells.get("C2")?.value).toBe('=KC.HISTORY("revenue",2022,2024)');
    expect(book.sheets.get(FROZEN_SHEET)?.cells.get("E2")?.value).toBe("A1:C1");
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 1, missing: [] });
    expect(["A1", "B1", "C1"].map((a) => book.cell("Sheet1", a)?.formula)).toEqual(['=KC.HISTORY("revenue",2022,2024)', undefined, undefined]);
  });

  it("freezes only the selection when asked", async () => {
    const book = new FakeWorkbook(cells);
    book.selection = { sheet: "Sheet1", address: "A2" };
    expect(await freezeKcFormulas(book.context(), "selection")).toBe(1);
    expect(book.cell("Sheet1", "A1")?.formula).toBe("=KC.REVENUE(2024)");
  });

  it("recognises KC formulas and nothing else", () => {
    expect(isKcFormula("=kc.revenue(2024)")).toBe(true);
    expect(isKcFormula("=XKC.REVENUE(2024)")).toBe(false);
    expect(isKcFormula("KC.REVENUE(2024)")).toBe(false);
    expect(isKcFormula(7790)).toBe(false);
  });
});

describe("converting formulas to values where Excel lacks the requirement set it needs", () => {
  const cells = { A1: { formula: "=KC.REVENUE(2024)", value: 7790 } };
  /** Office as Excel gives it, supporting ExcelApi up to `highest` (ExcelApi versions include all before them). */
  const excelWith = (highest: number, asked: string[] = []) =>
    Object.assign(globalThis, { Office: { context: { requirements: { isSetSupported: (name: string, version: string) => (asked.push(`${name} ${version}`), name === "ExcelApi" && Number(version.split(".")[1]) <= highest) } } } });
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  it("says which Excel versions can convert, and changes nothing, where ExcelApi 1.12 is missing", async () => {
    const asked: string[] = [];
    excelWith(11, asked);
    const book = new FakeWorkbook(cells);
    expect(await freezeFormulas(book.context(), "sheet")).toBe(
      "Converting KC formulas to values needs a newer Excel: Microsoft 365 Version 2008 (Build 13127.20408) or later, Excel 2021 or later, Excel for Mac 16.40 or later, or Excel on the web. This Excel lacks ExcelApi 1.12; update Office to use it.",
    );
    expect(asked).toEqual(["ExcelApi 1.12"]);
    expect(book.cell("Sheet1", "A1")?.formula).toBe("=KC.REVENUE(2024)");
    expect(book.sheets.has(FROZEN_SHEET)).toBe(false);
  });

  it("converts where ExcelApi 1.12 is there", async () => {
    excelWith(12);
    const book = new FakeWorkbook(cells);
    expect(await freezeFormulas(book.context(), "sheet")).toBe('Converted 1 KC formulas to values; "Restore formulas" puts them back.');
    expect(book.cell("Sheet1", "A1")?.formula).toBe(7790);
  });

  it("counts nothing as supported without Office, and names the set where no Excel versions are on record", async () => {
    expect(await freezeFormulas(new FakeWorkbook(cells).context(), "sheet")).toMatch(/^Converting KC formulas to values needs a newer Excel: /);
    expect(needsExcelApi("Something", "1.99")).toBe("Something needs Excel with ExcelApi 1.99. This Excel lacks ExcelApi 1.99; update Office to use it.");
  });
});

describe("the host's theme", () => {
  it("reads Excel's body background as light or dark, and nothing from a missing or odd colour", () => {
    expect(themeOf({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeOf({ bodyBackgroundColor: "#E6E6E6" })).toBe("light");
    expect(themeOf({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeOf({ bodyBackgroundColor: "#000000" })).toBe("dark");
    expect(themeOf({ bodyBackgroundColor: "white" })).toBeNull();
    expect(themeOf(undefined)).toBeNull();
  });
});
