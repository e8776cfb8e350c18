/** The Excel seam against a fake Excel: nothing is read before load() and sync(), writes land at the sync, and every sync is held to Excel on the web's 5 MB limit. */
// As on the page, functions.js shares the KC library before the pane's modules load (they read it as they load).
import { explain } from "../src/data/messages";
import "../src/functions/share-library";
import { columnName, formula, freezeKcFormulas, FROZEN_SHEET, insertFormula, insertTable, isKcFormula, restoreKcFormulas, readCells, selectedCells, watchSelection } from "../src/office/excel";
import { KC } from "../src/data/kc";
import { statementTable } from "../src/taskpane/statements";
import { auditFormula, cellReferences } from "../src/data/audit";
import { filingTable } from "../src/taskpane/filings";
import { peerTableFor } from "../src/taskpane/peers";
import { checksTable } from "../src/taskpane/checks";
import type { DatasetCore } from "../src/data/schema";
import core from "../src/data/core.json";
import { OFFICE_READY_TIMEOUT_MS, officeReady, onPaneVisibility, themeOf } from "../src/office/host";
import { needsExcelApi } from "../src/office/requirements";
import { freezeFormulas } from "../src/taskpane/freeze";
import { auditWhileShown } from "../src/taskpane/selection-audit";
import { FakeWorkbook, PAYLOAD_LIMIT } from "./support/fake-excel";
import { HK_PAGE, US_PAGE, figureAfter, figuresBelow, figuresOnLine, lineOf, seedLines } from "./support/seed-reader";
import { statementRow } from "./support/seed-tables";

beforeAll(() => {
  Object.assign(globalThis, {
    Excel: {
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
      ClearApplyTo: { contents: "Contents" },
      // Excel.run(context, batch) continues in a context it was given, as when an event handler is removed.
      run: (...args: unknown[]) => (args[args.length - 1] as (c: unknown) => Promise<unknown>)(args.length > 1 ? args[0] : undefined),
    },
  });
});

/** The one selected cell's address, formula and value, as the audit reads it. */
async function selectedFormula(context: Excel.RequestContext) {
  const { cells } = await selectedCells(context);
  return cells[0] as NonNullable<(typeof cells)[0]>;
}

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
    if (!grid.ok) throw new Error(explain(grid.reason));
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
    const list = "Gross Margin (Latest Quarter)";
    const [dave] = figuresBelow(US_PAGE, list, "Dave Inc.DAVE");
    const [marqeta] = figuresBelow(US_PAGE, list, "Marqeta, Inc.MQ");
    const [marqetaChange] = figuresOnLine(US_PAGE, (marqeta?.line ?? 0) + 1);
    expect(book.cell("Sheet1", "A2")?.value).toBe("Dave Inc. · DAVE");
    expect(book.cell("Sheet1", "B2")).toMatchObject({ value: dave?.value, format: "0.0%" });
    expect(marqetaChange?.written).toMatch(/pp$/);
    expect(book.cell("Sheet1", "C4")).toMatchObject({ value: expect.closeTo((marqetaChange?.value ?? NaN) * 100, 12), format: '+0.0" pp";-0.0" pp"' });
    expect(book.cell("Sheet1", "D2")?.value).toBe(`seeds/${US_PAGE} line ${lineOf(US_PAGE, "Dave Inc.DAVE")}`);
    const unnamed = new FakeWorkbook();
    expect(await insertTable(unnamed.context(), peerTableFor("hk_financial_indicators"))).toBe("Sheet1!A1:K8");
    expect(unnamed.cell("Sheet1", "D2")?.value).toBe("HKD");
    expect(unnamed.cell("Sheet1", "F4")?.value).toBe("");
    // The third row runs P/E and three unassigned percentages together; the page's own text is the check.
    const thirdRow = figuresBelow(HK_PAGE, "EPS Growth", "62", "Neutral")[0]!;
    expect(seedLines(HK_PAGE)[thirdRow.line - 1]).toContain("24.41%-4.23%108.65%");
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
    const list = (core as unknown as DatasetCore).reconciliations;
    expect(await insertTable(book.context(), checksTable(list))).toBe(`Sheet1!A1:I${list.length + 1}`);
    expect([book.cell("Sheet1", "A2")?.value, book.cell("Sheet1", "B2")?.value, book.cell("Sheet1", "G2")?.formula]).toEqual(["Gross margin 2024", figureAfter(US_PAGE, "Gross margin expanded significantly to ").value, '=KC.MARGIN("gross","FY2024")']);
    const ocf = list.findIndex((r) => r.id === "ocf_to_net_income_TTM") + 2;
    expect([book.cell("Sheet1", `B${ocf}`)?.value, book.cell("Sheet1", `F${ocf}`)?.value]).toEqual([figureAfter(HK_PAGE, "operating cash flow to net income ratio is ").value, "Disagrees"]);
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
    expect(entry).toMatchObject({ status: "value", value: statementRow("Total Revenue").FY2022?.value });
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
    expect(entry?.status === "value" && entry.sources[0]?.fact.source.line).toBe(statementRow("Total Revenue").FY2024?.line);
  });
});

describe("auditing a multi-area (Ctrl+click) selection", () => {
  const cells = {
    A1: { formula: "=KC.REVENUE(2024)", value: 7790 },
    C3: { formula: '=KC.MARGIN("gross","TTM")', value: 0.162 },
    E5: { formula: 7, value: 7 },
  };

  it("is refused by getSelectedRange, as in Excel", async () => {
    const book = new FakeWorkbook(cells);
    book.selection = { sheet: "Sheet1", address: "A1,C3:D4" };
    await expect(insertFormula(book.context(), "=KC.REVENUE(2024)")).rejects.toMatchObject({ code: "InvalidSelection" });
  });

  it("audits the top-left cell of each area, reading their references together", async () => {
    const book = new FakeWorkbook({ ...cells, B1: { formula: 2022, value: 2022 }, E5: { formula: "=KC.REVENUE(B1)", value: 8180 } });
    book.selection = { sheet: "Sheet1", address: "A1,C3:D4,E5" };
    const { cells: read, areas } = await selectedCells(book.context());
    expect(areas).toBe(3);
    expect(read.map((cell) => `${cell.address} ${cell.formula}`)).toEqual(["Sheet1!A1 =KC.REVENUE(2024)", 'Sheet1!C3 =KC.MARGIN("gross","TTM")', "Sheet1!E5 =KC.REVENUE(B1)"]);
    const values = await readCells(book.context(), read.flatMap((cell) => cellReferences(cell.formula)));
    expect(auditFormula(read[2]?.formula ?? "", values)[0]).toMatchObject({ status: "value", value: statementRow("Total Revenue").FY2022?.value });
  });

  it("audits at most the first ten areas and says how many there are", async () => {
    const book = new FakeWorkbook(cells);
    book.selection = { sheet: "Sheet1", address: Array.from({ length: 12 }, (_, i) => `A${i + 1}`).join(",") };
    const { cells: read, areas } = await selectedCells(book.context());
    expect([read.length, areas]).toEqual([10, 12]);
  });

  it("audits the active cell where this Excel lacks getSelectedRanges (ExcelApi 1.9), as office.js refuses it at the call", async () => {
    const book = new FakeWorkbook(cells);
    book.excelApi = 8;
    book.selection = { sheet: "Sheet1", address: "A1,C3:D4", active: "C3" };
    const { cells: read, areas } = await selectedCells(book.context());
    expect([read.map((cell) => cell.address), areas]).toEqual([["Sheet1!C3"], 1]);
  });

  it("audits the selected range's top-left cell where office.js has neither getSelectedRanges nor getActiveCell", async () => {
    const book = new FakeWorkbook(cells);
    book.lacks = ["getSelectedRanges", "getActiveCell"];
    book.selection = { sheet: "Sheet1", address: "C3:D4" };
    const { cells: read, areas } = await selectedCells(book.context());
    expect([read.map((cell) => cell.address), areas]).toEqual([["Sheet1!C3"], 1]);
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

  it("stops listening while the pane is hidden, and audits once and listens again when it is shown", async () => {
    const book = new FakeWorkbook({ A1: { formula: "=KC.REVENUE(2024)", value: 7790 }, B1: { formula: '=KC.FIGURE("net_income",2024)', value: -1970 } });
    const audited: string[] = [];
    const audit = async () => void audited.push((await selectedFormula(book.context())).address);
    const show = auditWhileShown((onChange) => watchSelection(book.context(), onChange), audit);
    const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
    await show(true);
    await book.select("B1");
    await settled();
    expect(audited).toEqual(["Sheet1!A1", "Sheet1!B1"]);
    // A change that reaches the handler as the pane hides is skipped; then the handler goes.
    const hiding = show(false);
    await book.select("C1");
    await hiding;
    expect(book.selectionHandlers).toHaveLength(0);
    await book.select("C1");
    await book.select("A1");
    await settled();
    expect(audited).toHaveLength(2);
    await show(true);
    expect(audited).toEqual(["Sheet1!A1", "Sheet1!B1", "Sheet1!A1"]);
    await book.select("B1");
    await settled();
    expect(audited).toHaveLength(4);
    // Hidden and shown again at once: one handler, not two, and none while hidden.
    void show(false);
    await show(true);
    expect(book.selectionHandlers).toHaveLength(1);
  });

  it("knows the pane is hidden from Office's visibility event or from the page's own visibility", async () => {
    let officeHandler: (message: { visibilityMode: string }) => void = () => undefined;
    let pageHandler: () => void = () => undefined;
    const page = { visibilityState: "visible" as DocumentVisibilityState, addEventListener: (_: string, handler: () => void) => void (pageHandler = handler) };
    const addin = { onVisibilityModeChanged: async (handler: typeof officeHandler) => ((officeHandler = handler), async () => undefined) };
    const seen: boolean[] = [];
    onPaneVisibility((shown) => seen.push(shown), addin as never, page as never);
    await Promise.resolve();
    officeHandler({ visibilityMode: "Hidden" });
    officeHandler({ visibilityMode: "Taskpane" });
    page.visibilityState = "hidden";
    pageHandler();
    officeHandler({ visibilityMode: "Taskpane" });
    page.visibilityState = "visible";
    pageHandler();
    expect(seen).toEqual([false, true, false, false, true]);
    // Without Office's event (no shared runtime), the page's visibility is still followed.
    const alone: boolean[] = [];
    onPaneVisibility((shown) => alone.push(shown), undefined, page as never);
    page.visibilityState = "hidden";
    pageHandler();
    expect(alone).toEqual([false]);
  });
});

describe("freezing KC formulas and restoring them", () => {
  const cells = {
    A1: { formula: "=KC.REVENUE(2024)", value: 7790 },
    B1: { formula: "=SUM(1,2)", value: 3 },
    C1: { formula: "plain text", value: "plain text" },
    A2: { formula: '=KC.MARGIN("gross","TTM")*100', value: 16.2 },
  };

  it("replaces only KC formulas by their values and records them on a very hidden sheet", async () => {
    const book = new FakeWorkbook(cells);
    expect((await freezeKcFormulas(book.context(), "sheet")).converted).toBe(2);
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
    expect((await freezeKcFormulas(book.context(), "sheet")).converted).toBe(1);
    expect(book.cell("Sheet1", "A1")?.value).toBe(source);
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 1, skipped: [] });
    expect(book.cell("Sheet1", "A1")?.formula).toBe('=KC.SOURCE("net_income",2024)');
  });

  it("keeps the record of formulas whose sheet was renamed, restores the rest, and restores them once the name is back", async () => {
    const book = new FakeWorkbook(cells);
    await freezeKcFormulas(book.context(), "sheet");
    const sheet = book.sheets.get("Sheet1");
    if (!sheet) throw new Error("no Sheet1");
    book.sheets.delete("Sheet1");
    book.sheets.set("Model", { ...sheet, name: "Model" });
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 0, skipped: [2, 3].map((row) => ({ row, reason: { code: "no_sheet", sheet: "Sheet1" } })) });
    expect(book.cell("Model", "A1")?.formula).toBe(7790);
    expect(book.sheets.get(FROZEN_SHEET)?.cells.get("C3")?.value).toBe('=KC.MARGIN("gross","TTM")*100');
    book.sheets.delete("Model");
    book.sheets.set("Sheet1", sheet);
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 2, skipped: [] });
    expect(book.cell("Sheet1", "A1")?.formula).toBe("=KC.REVENUE(2024)");
  });

  it("restores exactly what it froze and empties the record", async () => {
    const book = new FakeWorkbook(cells);
    await freezeKcFormulas(book.context(), "sheet");
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 2, skipped: [] });
    expect(book.cell("Sheet1", "A1")?.formula).toBe("=KC.REVENUE(2024)");
    expect(book.cell("Sheet1", "A2")?.formula).toBe('=KC.MARGIN("gross","TTM")*100');
    expect(book.sheets.get(FROZEN_SHEET)?.cells.size).toBe(6);
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 0, skipped: [] });
  });

  it("freezes a spilled formula as its whole block of values, so nothing it showed is lost, and restores it keeping the block's formats", async () => {
    const book = new FakeWorkbook({
      A1: { formula: '=KC.HISTORY("revenue",2022,2024)', value: 8180, spill: "A1:C1" },
      B1: { formula: 7050, value: 7050 },
      C1: { formula: 7790, value: 7790 },
    });
    const b1 = book.cell("Sheet1", "B1");
    if (b1) b1.format = "#,##0";
    expect((await freezeKcFormulas(book.context(), "sheet")).converted).toBe(1);
    expect(["A1", "B1", "C1"].map((a) => book.cell("Sheet1", a)?.formula)).toEqual([8180, 7050, 7790]);
    expect(book.sheets.get(FROZEN_SHEET)?.cells.get("C2")?.value).toBe('=KC.HISTORY("revenue",2022,2024)');
    expect(book.sheets.get(FROZEN_SHEET)?.cells.get("E2")?.value).toBe("A1:C1");
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 1, skipped: [] });
    expect(["A1", "B1", "C1"].map((a) => book.cell("Sheet1", a)?.formula)).toEqual(['=KC.HISTORY("revenue",2022,2024)', "", undefined]);
    expect(book.cell("Sheet1", "B1")?.format).toBe("#,##0");
  });

  it("adds to the same record when freezing again, and restores both freezes at once", async () => {
    const book = new FakeWorkbook(cells);
    book.selection = { sheet: "Sheet1", address: "A1" };
    expect((await freezeKcFormulas(book.context(), "selection")).converted).toBe(1);
    book.selection = { sheet: "Sheet1", address: "A2" };
    expect((await freezeKcFormulas(book.context(), "selection")).converted).toBe(1);
    expect(["B2", "B3"].map((a) => book.sheets.get(FROZEN_SHEET)?.cells.get(a)?.value)).toEqual(["A1", "A2"]);
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 2, skipped: [] });
    expect(["A1", "A2"].map((a) => book.cell("Sheet1", a)?.formula)).toEqual(["=KC.REVENUE(2024)", '=KC.MARGIN("gross","TTM")*100']);
  });

  it("freezes only the selection when asked", async () => {
    const book = new FakeWorkbook(cells);
    book.selection = { sheet: "Sheet1", address: "A2" };
    expect((await freezeKcFormulas(book.context(), "selection")).converted).toBe(1);
    expect(book.cell("Sheet1", "A1")?.formula).toBe("=KC.REVENUE(2024)");
  });

  it("freezes each area of a multi-area selection, a cell selected twice once, and nothing outside them", async () => {
    const book = new FakeWorkbook({ ...cells, C3: { formula: "=KC.REVENUE(2023)", value: 7050 } });
    book.selection = { sheet: "Sheet1", address: "A1:B1,C3,A1" };
    expect((await freezeKcFormulas(book.context(), "selection")).converted).toBe(2);
    expect(["A1", "C3", "A2"].map((a) => book.cell("Sheet1", a)?.formula)).toEqual([7790, 7050, '=KC.MARGIN("gross","TTM")*100']);
    expect(["B2", "B3", "B4"].map((a) => book.sheets.get(FROZEN_SHEET)?.cells.get(a)?.value)).toEqual(["A1", "C3", undefined]);
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 2, skipped: [] });
    expect(book.cell("Sheet1", "C3")?.formula).toBe("=KC.REVENUE(2023)");
  });

  it("reads only the used part of selected whole columns, which Excel would refuse to read whole (5,000,000 cells at most)", async () => {
    const book = new FakeWorkbook(cells);
    book.selection = { sheet: "Sheet1", address: "A1:E1048576" };
    expect((await freezeKcFormulas(book.context(), "selection")).converted).toBe(2);
    expect(Math.max(...book.syncs.map((s) => s.response))).toBeLessThan(1_000);
  });

  it("reads only the cells with values of a sheet whose formatting reaches far beyond them", async () => {
    const book = new FakeWorkbook(cells);
    book.sheets.get("Sheet1")?.cells.set("CV2000", { formula: "", value: "", format: "0.0%" });
    expect((await freezeKcFormulas(book.context(), "sheet")).converted).toBe(2);
    expect(Math.max(...book.syncs.map((s) => s.response))).toBeLessThan(1_000);
  });

  it("takes few round trips for an ordinary selection: four to freeze, four to restore, two to audit", async () => {
    const book = new FakeWorkbook({ ...cells, B2: { formula: '=KC.HISTORY("revenue",2023,2024)', value: 7050, spill: "B2:C2" }, C2: { formula: 7790, value: 7790 } });
    book.selection = { sheet: "Sheet1", address: "A1:C2" };
    const syncs = async (work: () => Promise<unknown>) => {
      const before = book.syncs.length;
      await work();
      return book.syncs.length - before;
    };
    expect(await syncs(() => freezeKcFormulas(book.context(), "selection"))).toBe(4);
    expect(await syncs(() => freezeKcFormulas(book.context(), "selection"))).toBe(2);
    // Restore reads the record, then the cells it would write (to compare them with what was frozen), then writes.
    expect(await syncs(() => restoreKcFormulas(book.context()))).toBe(4);
    expect(book.cell("Sheet1", "B2")?.formula).toBe('=KC.HISTORY("revenue",2023,2024)');
    book.selection = { sheet: "Sheet1", address: "A1" };
    expect(await syncs(async () => readCells(book.context(), cellReferences((await selectedFormula(book.context())).formula)))).toBe(1);
    book.sheets.get("Sheet1")?.cells.set("D1", { formula: "=KC.REVENUE(B7)", value: 0 });
    book.selection = { sheet: "Sheet1", address: "D1" };
    expect(await syncs(async () => readCells(book.context(), cellReferences((await selectedFormula(book.context())).formula)))).toBe(2);
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
    book.excelApi = 11;
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

  it("names the converted cells whose formula restore will not write back, because it calls other functions too", async () => {
    excelWith(12);
    const book = new FakeWorkbook({ ...cells, B2: { formula: '=ROUND(KC.MARGIN("gross","TTM")*100,1)', value: 16.2 } });
    expect(await freezeFormulas(book.context(), "sheet")).toBe(
      'Converted 2 KC formulas to values; "Restore formulas" puts them back. 1 of them (B2) also calls functions other than KC ones: "Restore formulas" writes back only formulas made of KC calls, so retype those; each formula stays listed in its preview.',
    );
    expect(await restoreKcFormulas(book.context())).toMatchObject({ restored: 1, skipped: [{ row: 3, reason: { code: "refused", formula: '=ROUND(KC.MARGIN("gross","TTM")*100,1)' } }] });
    expect(book.cell("Sheet1", "B2")?.formula).toBe(16.2);
  });

  it("counts nothing as supported without Office, and names the set where no Excel versions are on record", async () => {
    expect(await freezeFormulas(new FakeWorkbook(cells).context(), "sheet")).toMatch(/^Converting KC formulas to values needs a newer Excel: /);
    expect(needsExcelApi("Something", "1.99")).toBe("Something needs Excel with ExcelApi 1.99. This Excel lacks ExcelApi 1.99; update Office to use it.");
  });
});

describe("freezing and restoring a large sheet under Excel on the web's 5 MB per request and response", () => {
  // 2,000 rows × 100 columns: numbers, short text and, in every tenth column, a paragraph of mixed Chinese and English
  // (~500 bytes of UTF-8); 400 KC formulas in column H and 40 spilled KC.HISTORY blocks in K:M.
  const paragraph = "金山云 Kingsoft Cloud 2024 annual report: revenue, gross margin and adjusted EBITDA by segment. ".repeat(5);
  function largeSheet(): FakeWorkbook {
    const cells: Record<string, { formula: string | number; value: string | number; spill?: string }> = {};
    for (let r = 1; r <= 2_000; r++) {
      for (let c = 0; c < 100; c++) {
        const text = c % 10 === 3 ? `${paragraph}${r}` : c % 2 ? `row ${r}` : r * c;
        cells[`${columnName(c)}${r}`] = { formula: text, value: text };
      }
      if (r % 5 === 0) cells[`H${r}`] = { formula: `=KC.REVENUE(${2020 + (r % 5)})+${r}`, value: 7790 + r };
      if (r % 50 === 0) cells[`K${r}`] = { formula: `=KC.HISTORY("revenue",2022,2024)`, value: 8180, spill: `K${r}:M${r}` };
    }
    return new FakeWorkbook(cells);
  }

  it("freezes and restores 440 KC formulas among 200,000 cells in syncs that each stay under 5 MB", async () => {
    const book = largeSheet();
    const before = new Map([...(book.sheets.get("Sheet1")?.cells ?? [])].map(([k, v]) => [k, { ...v }]));
    const kc = [...before].filter(([, cell]) => isKcFormula(cell.formula));
    expect(kc).toHaveLength(440);
    expect((await freezeKcFormulas(book.context(), "sheet")).converted).toBe(440);
    const frozen = book.syncs.length;
    for (const [address, cell] of kc) expect([address, book.cell("Sheet1", address)?.formula]).toEqual([address, cell.value]);
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 440, skipped: [] });
    const spilled = new Set(kc.filter(([, cell]) => cell.spill).flatMap(([a]) => ["L", "M"].map((column) => `${column}${a.slice(1)}`)));
    for (const [address, cell] of before) {
      // A restored KC.HISTORY spills again in Excel; the fake leaves its block cleared for the formula to spill into.
      const expected = spilled.has(address) ? undefined : cell.formula;
      if (book.cell("Sheet1", address)?.formula !== expected) throw new Error(`${address}: ${String(book.cell("Sheet1", address)?.formula)} instead of ${String(expected)}`);
    }
    expect(book.sheets.get(FROZEN_SHEET)?.cells.size).toBe(6);
    // Read whole, the used range's formulas and values would be a 23 MB response; in blocks each is about 1 MB.
    expect(book.syncs.every((s) => s.request < PAYLOAD_LIMIT && s.response < PAYLOAD_LIMIT)).toBe(true);
    expect(Math.max(...book.syncs.map((s) => s.response))).toBeLessThan(1_100_000);
    expect(frozen).toBeLessThanOrEqual(15);
    expect(book.syncs.length - frozen).toBeLessThanOrEqual(4);
  });

  it("writes 40,000 frozen values, their record and their restoring in batches under 5 MB each", async () => {
    const citation = "-1.97B (statement table) — seeds/002_6d82bc69ff353dc9.txt line 104, net loss attributable to ordinary shareholders";
    const cells: Record<string, { formula: string; value: string }> = {};
    for (let r = 1; r <= 400; r++) for (let c = 0; c < 100; c++) cells[`${columnName(c)}${r}`] = { formula: `=KC.SOURCE("net_income",${2020 + (c % 5)})`, value: citation };
    const book = new FakeWorkbook(cells);
    expect((await freezeKcFormulas(book.context(), "sheet")).converted).toBe(40_000);
    expect(book.cell("Sheet1", "CV400")?.value).toBe(citation);
    const frozen = book.syncs.length;
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 40_000, skipped: [] });
    expect(book.cell("Sheet1", "CV400")?.formula).toBe('=KC.SOURCE("net_income",2024)');
    expect(book.syncs.every((s) => s.request < PAYLOAD_LIMIT && s.response < PAYLOAD_LIMIT)).toBe(true);
    expect(Math.max(...book.syncs.map((s) => s.request))).toBeLessThan(1_100_000);
    // The record's fingerprint column and text prefixes add about 2 MB to the freeze; restore reads the 40,000 values back (about 5 MB,
    // in blocks of about 1 MB) to compare them with what was frozen before it writes.
    expect(frozen).toBeLessThanOrEqual(43);
    expect(book.syncs.length - frozen).toBeLessThanOrEqual(13);
  });

  it("reads again in smaller blocks when Excel refuses one as too large, down to a single formula's spilled block", async () => {
    // 2,000 rows of numbers, then 100 rows of 20,000-character notes: measured on the numbers, the next block is too
    // large once; and a KC formula whose spilled block alone (300 × 20,000 characters) passes 5 MB.
    const note = "x".repeat(20_000);
    const cells: Record<string, { formula: string | number; value: string | number; spill?: string }> = {};
    for (let r = 1; r <= 2_100; r++) for (const c of ["B", "C", "D", "E"]) cells[`${c}${r}`] = r <= 2_000 ? { formula: r, value: r } : { formula: note, value: note };
    cells.F1 = { formula: "=KC.REVENUE(2024)", value: 7790 };
    cells.G1 = { formula: '=KC.SOURCE("revenue",2024)', value: note, spill: "G1:G300" };
    for (let r = 2; r <= 300; r++) cells[`G${r}`] = { formula: note, value: note };
    const book = new FakeWorkbook(cells);
    expect((await freezeKcFormulas(book.context(), "sheet")).converted).toBe(2);
    const refused = book.syncs.filter((s) => s.response >= PAYLOAD_LIMIT);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(7);
    expect([book.cell("Sheet1", "F1")?.value, book.cell("Sheet1", "G1")?.value, book.cell("Sheet1", "G300")?.value]).toEqual([7790, note, note]);
    expect(book.syncs.every((s) => s.request < PAYLOAD_LIMIT)).toBe(true);
    expect(await restoreKcFormulas(book.context())).toEqual({ restored: 2, skipped: [] });
    expect([book.cell("Sheet1", "G1")?.formula, book.cell("Sheet1", "G300")]).toEqual(['=KC.SOURCE("revenue",2024)', undefined]);
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

describe("waiting for Office", () => {
  /** Office with an onReady of our choosing, hosting Excel in a dark theme when it answers. */
  const office = (onReady: () => Promise<{ host: string | null }>) =>
    Object.assign(globalThis, { Office: { onReady, HostType: { Excel: "Excel" }, context: { officeTheme: { bodyBackgroundColor: "#262626" } } } });
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    jest.useRealTimers();
  });

  it("takes Office's answer: Excel with its theme, or a browser outside Office", async () => {
    office(() => Promise.resolve({ host: "Excel" }));
    await expect(officeReady()).resolves.toEqual({ excel: true, theme: "dark", office: "answered" });
    office(() => Promise.resolve({ host: null }));
    await expect(officeReady()).resolves.toEqual({ excel: false, theme: null, office: "answered" });
  });

  it("opens as a preview when Office.onReady has not answered after OFFICE_READY_TIMEOUT_MS, and not a moment before", async () => {
    jest.useFakeTimers();
    office(() => new Promise(() => undefined));
    let host: unknown;
    void officeReady().then((h) => (host = h));
    await jest.advanceTimersByTimeAsync(OFFICE_READY_TIMEOUT_MS - 1);
    expect(host).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(host).toEqual({ excel: false, theme: null, office: "silent" });
  });

  it("opens as a preview when Office.onReady fails, and without office.js at all", async () => {
    office(() => Promise.reject(new Error("Office failed to initialise")));
    await expect(officeReady()).resolves.toEqual({ excel: false, theme: null, office: "silent" });
    delete (globalThis as { Office?: unknown }).Office;
    await expect(officeReady()).resolves.toEqual({ excel: false, theme: null, office: "missing" });
  });
});
