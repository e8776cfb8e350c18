/**
 * The KC model written into Excel (src/office/model-writer.ts) against the Excel double: the new sheet matches the
 * template cell for cell, names and charts sit on the ranges the template gives, a second model never touches the first,
 * the build takes at most three syncs, groups its undo exactly where ExcelApi 1.20 is reported, and draws the waterfall
 * only where the host's sets allow it.
 */
import core from "../src/data/core.json";
import { columnIndex, columnName } from "../src/data/a1";
import { FONTS, kcModel, type Model } from "../src/data/model";
import type { DatasetCore } from "../src/data/schema";
import { widthInPoints } from "../src/office/model-sheet";
import { buildModel, freeSheetName } from "../src/office/model-writer";
import { ExcelError, FakeWorkbook, type Platform, type Sheet } from "./support/fake-excel";

const model: Model = kcModel(core as unknown as DatasetCore);
const asked: string[] = [];

/**
 * An Excel with ExcelApi up to 1.`minor` on `platform`, whose Office reports sets up to 1.`reported` (the same unless a
 * test makes them differ); Excel.run and isSetSupported answer from it.
 */
/** `says`: the platform Office.context.diagnostics reports, where it differs from the one whose rules the double keeps. */
function excel(minor: number, options: { platform?: Platform; reported?: number; says?: Platform } = {}): FakeWorkbook {
  const book = new FakeWorkbook();
  book.excelApi = minor;
  book.platform = options.platform ?? "desktop";
  const reported = options.reported ?? minor;
  asked.length = 0;
  Object.assign(globalThis, {
    Excel: { run: (...args: Parameters<FakeWorkbook["run"]>) => book.run(...args) },
    Office: { context: { diagnostics: { platform: (options.says ?? book.platform) === "web" ? "OfficeOnline" : "PC" }, requirements: { isSetSupported: (name: string, version: string) => (asked.push(`${name} ${version}`), name === "ExcelApi" && Number(version.split(".")[1]) <= reported) } } },
  });
  return book;
}
afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});

const sheetOf = (book: FakeWorkbook, name: string): Sheet => {
  const sheet = book.sheetNamed(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};
/** An A1 range of the template ("C9:H9") as Excel gives it with its sheet: "'KC Model'!$C$9:$H$9". */
const absolute = (sheet: string, range: string) => `'${sheet}'!${range.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;

/** Every difference between the sheet and the template: content, number format, font colour and bold, cell by cell. */
function differences(sheet: Sheet): string[] {
  const out: string[] = [];
  const colour: Record<string, string> = { input: "#0000FF", calc: "#000000", check: "#000000" };
  const bold = new Set(["title", "header", "section"]);
  const width = Math.max(...model.cells.map((row) => row.length));
  model.cells.forEach((row, r) =>
    Array.from({ length: width }, (_, c) => row[c] ?? null).forEach((cell, c) => {
      const address = `${columnName(c)}${r + 1}`;
      const got = sheet.cells.get(address);
      const want = cell
        ? { formula: typeof cell.content === "string" && /^[+\-@]/.test(cell.content) ? `'${cell.content}` : cell.content, format: cell.format ?? "General", color: colour[cell.role], bold: bold.has(cell.role) || undefined }
        : { formula: "", format: "General", color: undefined, bold: undefined };
      const have = { formula: got?.formula ?? "", format: got?.format, color: got?.color, bold: got?.bold };
      if (JSON.stringify(have) !== JSON.stringify(want)) out.push(`${address}: ${JSON.stringify(have)} ≠ ${JSON.stringify(want)}`);
    }),
  );
  for (const address of sheet.cells.keys()) {
    const match = /^([A-Z]+)(\d+)$/.exec(address);
    const column = [...(match?.[1] ?? "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    if (Number(match?.[2]) > model.cells.length || column >= width) out.push(`${address} lies outside the template`);
  }
  return out;
}

describe("building the KC model in Excel", () => {
  it("writes every template cell on a new sheet: formulas and constants, number formats, inputs blue and calculations black, headings bold", async () => {
    const book = excel(20);
    const built = await buildModel(model);
    expect(built.sheet).toBe("KC Model");
    expect(differences(sheetOf(book, "KC Model"))).toEqual([]);
    expect(FONTS).toEqual({ input: "#0000FF", calc: "#000000" });
    expect(built.cells).toBe(model.cells.flat().filter((cell) => cell !== null).length);
    expect(built.cells).toBeGreaterThan(300);
    expect(book.cell("Sheet1", "A1")).toBeUndefined();
  });

  it("sets the column widths in points, freezes the header rows and the label columns, and activates the new sheet", async () => {
    const book = excel(20);
    await buildModel(model);
    const sheet = sheetOf(book, "KC Model");
    // Excel's standard width, 8.43 characters of Calibri 11, is 64 pixels: 48 points.
    expect(widthInPoints(8.43)).toBe(48);
    expect([...(sheet.widths ?? [])]).toEqual(model.columnWidths.map((w, c) => [c, widthInPoints(w)]));
    expect(sheet.widths?.get(0)).toBe(182.25);
    expect(sheet.frozen).toEqual({ rows: 7, columns: 2 });
    expect(sheet.frozen).toEqual(model.freeze);
    expect(book.selection).toEqual({ sheet: "KC Model", address: "A1" });
  });

  it("names each key line on the model's own sheet, over the cells the template gives, with its comment", async () => {
    const book = excel(20);
    const built = await buildModel(model);
    const names = [...(sheetOf(book, "KC Model").names?.values() ?? [])];
    expect(names).toEqual(model.names.map((n) => ({ name: n.name, reference: `=${absolute("KC Model", n.range)}`, comment: n.comment })));
    expect(names.find((n) => n.name === "KC_Revenue")?.reference).toBe(`='KC Model'!$C$${model.freeze.rows + 2}:$H$${model.freeze.rows + 2}`);
    expect(built.names).toEqual(model.names.map((n) => n.name));
    expect(names.length).toBeGreaterThanOrEqual(9);
  });

  it("draws each chart from the template's ranges, at its anchor: revenue in columns with gross margin as a line on the secondary axis", async () => {
    const book = excel(20);
    const built = await buildModel(model);
    const charts = sheetOf(book, "KC Model").charts ?? [];
    for (const spec of model.charts) {
      const chart = charts.find((c) => c.name === spec.title);
      expect([spec.id, chart?.type, chart?.title]).toEqual([spec.id, "ColumnClustered", spec.title]);
      expect(chart?.series).toEqual(
        spec.series.map((s) => ({ name: s.name, values: absolute("KC Model", s.values), categories: absolute("KC Model", spec.categories), chartType: s.type, axisGroup: s.secondaryAxis ? "Secondary" : "Primary" })),
      );
      const at = /^([A-Z]+)(\d+)$/.exec(spec.anchor);
      expect(chart?.position).toEqual({ start: spec.anchor, end: `${columnName(columnIndex(at?.[1] ?? "") + 7)}${Number(at?.[2]) + 14}` });
    }
    const revenue = charts.find((c) => c.name === model.charts[0]?.title);
    expect(revenue?.series.map((s) => [s.name, s.chartType, s.axisGroup])).toEqual([["Revenue", "ColumnClustered", "Primary"], ["Gross margin", "Line", "Secondary"]]);
    expect(built.charts).toEqual([...model.charts.map((c) => c.title), model.waterfall?.title]);
  });

  it("puts a second model on KC Model (2) without touching the first, and takes sheet names as Excel does, ignoring case", async () => {
    const book = excel(20);
    await buildModel(model);
    const first = JSON.stringify(sheetOf(book, "KC Model"), (_, v) => (v instanceof Map ? [...v] : v));
    const second = await buildModel(model);
    expect(second.sheet).toBe("KC Model (2)");
    expect(JSON.stringify(sheetOf(book, "KC Model"), (_, v) => (v instanceof Map ? [...v] : v))).toBe(first);
    expect(differences(sheetOf(book, "KC Model (2)"))).toEqual([]);
    expect([...(sheetOf(book, "KC Model (2)").names?.values() ?? [])].find((n) => n.name === "KC_Revenue")?.reference).toMatch(/^='KC Model \(2\)'!\$C\$/);
    expect(book.selection.sheet).toBe("KC Model (2)");

    const lower = excel(20);
    lower.sheets.set("kc model", { name: "kc model", cells: new Map(), visibility: "Visible", tables: [] });
    lower.sheets.set("KC MODEL (2)", { name: "KC MODEL (2)", cells: new Map(), visibility: "Visible", tables: [] });
    expect((await buildModel(model)).sheet).toBe("KC Model (3)");
    expect(lower.sheetNamed("kc model")?.cells.size).toBe(0);
  });

  it("uses at most three syncs, and says how many", async () => {
    for (const minor of [20, 19, 8]) {
      const book = excel(minor);
      const built = await buildModel(model);
      expect([minor, built.syncs]).toEqual([minor, book.syncs.length]);
      expect([minor, book.syncs.length <= 3]).toEqual([minor, true]);
    }
  });

  it("makes the build one undo step exactly where Excel reports ExcelApi 1.20", async () => {
    const grouped = excel(20);
    expect((await buildModel(model)).undo).toEqual({ grouped: true });
    expect(grouped.runs).toEqual([{ requested: true, merged: true }]);

    const older = excel(19);
    const built = await buildModel(model);
    expect(older.runs).toEqual([{ requested: false, merged: false }]);
    expect(built.undo).toEqual({ grouped: false, code: "needs_excel_api", reason: "Undoing the whole model in one step needs Excel with ExcelApi 1.20. This Excel lacks ExcelApi 1.20; update Office to use it." });
    expect(differences(sheetOf(older, "KC Model"))).toEqual([]);
    expect(asked).toContain("ExcelApi 1.20");
  });

  it("makes the build one undo step in Excel on the web too, naming the lines without the comments the web cannot undo", async () => {
    const book = excel(20, { platform: "web" });
    const built = await buildModel(model);
    expect(book.runs).toEqual([{ requested: true, merged: true }]);
    expect(built.undo).toEqual({ grouped: true });
    expect(built.syncs).toBe(3);
    expect(book.syncs.length).toBe(3);
    expect([...(sheetOf(book, "KC Model").names?.values() ?? [])].map((n) => [n.name, n.comment])).toEqual(model.names.map((n) => [n.name, ""]));
    expect(differences(sheetOf(book, "KC Model"))).toEqual([]);
  });

  it("where Excel refuses the undo group all the same, builds the model again without it, in place of the sheet the refused attempt began", async () => {
    // Excel on the web has no undo for a name's comment: inside an undo group it throws UndoNotSupported. Here Office
    // reports a desktop platform, so the grouped build writes the comments and the web's Excel refuses the group.
    const book = excel(20, { platform: "web", says: "desktop" });
    const built = await buildModel(model);
    expect(book.runs).toEqual([{ requested: true, merged: true }, { requested: false, merged: false }]);
    expect(built.undo).toMatchObject({ grouped: false, code: "undo_not_supported" });
    expect(built.undo.grouped ? "" : built.undo.reason).toMatch(/^Excel could not make the model one undo step \(The operation can't be grouped into one undo step .*\), so it was built again as separate steps/);
    expect([...book.sheets.keys()]).toEqual(["Sheet1", "KC Model"]);
    expect(built.sheet).toBe("KC Model");
    expect(differences(sheetOf(book, "KC Model"))).toEqual([]);
    expect(sheetOf(book, "KC Model").names?.size).toBe(model.names.length);
    expect(sheetOf(book, "KC Model").charts?.length).toBe(model.charts.length + 1);
    expect(built.syncs).toBe(book.syncs.length);
    expect(built.syncs).toBe(5);
  });

  it("adds the waterfall where the host has ExcelApi 1.9, and leaves it out elsewhere with the reason", async () => {
    const book = excel(20);
    const built = await buildModel(model);
    expect(built.waterfall).toEqual({ added: true });
    const waterfall = sheetOf(book, "KC Model").charts?.find((c) => c.type === "Waterfall");
    expect(waterfall).toMatchObject({ name: model.waterfall?.title, title: model.waterfall?.title, position: { start: model.waterfall?.anchor, end: null } });
    // Series by columns: the step labels (the range's first column) are the categories, the values the series.
    const [, top, bottom] = /^A(\d+):B(\d+)$/.exec(model.waterfall?.range ?? "") ?? [];
    expect(waterfall?.series.map((s) => [s.values, s.categories])).toEqual([[absolute("KC Model", `B${top}:B${bottom}`), absolute("KC Model", `A${top}:A${bottom}`)]]);

    const old = excel(8);
    const without = await buildModel(model);
    expect(without.waterfall).toEqual({ added: false, code: "needs_excel_api", reason: "A waterfall chart needs Excel with ExcelApi 1.9. This Excel lacks ExcelApi 1.9; update Office to use it." });
    expect(sheetOf(old, "KC Model").charts?.map((c) => c.type)).toEqual(model.charts.map(() => "ColumnClustered"));
    expect(without.charts).toEqual(model.charts.map((c) => c.title));
    expect(asked).toContain("ExcelApi 1.9");
  });

  it("reports a waterfall Excel refuses, with the rest of the model in place", async () => {
    // Office reports ExcelApi 1.9 but this Excel refuses the chart type.
    const book = excel(8, { reported: 9 });
    const built = await buildModel(model);
    expect(built.waterfall).toMatchObject({ added: false, code: "refused" });
    expect(built.waterfall.added ? "" : built.waterfall.reason).toMatch(/^Excel did not add the waterfall chart \(InvalidArgument: .*Waterfall needs ExcelApi 1\.9/);
    expect(differences(sheetOf(book, "KC Model"))).toEqual([]);
    expect(sheetOf(book, "KC Model").charts?.map((c) => c.type)).toEqual(model.charts.map(() => "ColumnClustered"));
    expect(book.syncs.length).toBe(3);
  });
});

describe("a free sheet name", () => {
  it("is the base name, else the first numbered one no sheet has, cut so it stays within Excel's 31 characters", () => {
    expect(freeSheetName("KC Model", ["Sheet1"])).toBe("KC Model");
    expect(freeSheetName("KC Model", ["KC MODEL", "kc model (2)"])).toBe("KC Model (3)");
    const long = "A model whose name runs past 31 characters";
    expect(freeSheetName(long, [])).toBe(long.slice(0, 31));
    expect(freeSheetName(long, [long.slice(0, 31)])).toBe(`${long.slice(0, 27)} (2)`);
    expect(freeSheetName(long, [long.slice(0, 31)]).length).toBe(31);
  });
});

describe("the Excel double refuses what Excel refuses", () => {
  const refusal = async (work: (context: Excel.RequestContext) => void): Promise<string> => {
    const book = new FakeWorkbook();
    const context = book.context();
    work(context);
    return context.sync().then(
      () => "accepted",
      (error: ExcelError) => error.code,
    );
  };

  it("a sheet name that is blank, over 31 characters, has one of / \\ ? * : [ ], begins or ends with an apostrophe, or is History", async () => {
    for (const name of ["", " ", "x".repeat(32), "a/b", "a\\b", "a?b", "a*b", "a:b", "a[b", "a]b", "'quoted", "quoted'", "History", "history"]) {
      expect([name, await refusal((c) => c.workbook.worksheets.add(name))]).toEqual([name, "InvalidArgument"]);
    }
    for (const name of ["x".repeat(31), "KC Model (2)", "it's", "KC_Frozen"]) expect([name, await refusal((c) => c.workbook.worksheets.add(name))]).toEqual([name, "accepted"]);
    expect(await refusal((c) => c.workbook.worksheets.add("SHEET1"))).toBe("ItemAlreadyExists");
  });

  it("a defined name that is malformed, reads as a cell reference, or is already in its scope, ignoring case", async () => {
    const add = (name: string) => (c: Excel.RequestContext) => {
      const sheet = c.workbook.worksheets.getItem("Sheet1");
      sheet.names.add(name, sheet.getRange("A1"));
    };
    for (const name of ["1st", "a b", "A1", "xfd1048576", "R1C1", "r2c", "C", "r", "a-b", "x".repeat(256)]) expect([name, await refusal(add(name))]).toEqual([name, "InvalidArgument"]);
    for (const name of ["KC_Revenue", "_x", "\\x", "XFE1", "A1048577", "a.b", "x".repeat(255)]) expect([name, await refusal(add(name))]).toEqual([name, "accepted"]);
    expect(
      await refusal((c) => {
        add("KC_Revenue")(c);
        add("KC_REVENUE")(c);
      }),
    ).toBe("ItemAlreadyExists");
  });

  it("an undo group holding a call Microsoft lists without undo on the platform, and the ExcelApi sets of chart series and frozen panes", async () => {
    const book = new FakeWorkbook();
    book.platform = "web";
    let added = 0;
    const add = (context: Excel.RequestContext, comment?: string) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.names.add(`Name_${++added}`, sheet.getRange("A1"), comment);
      return context.sync().then(() => "accepted", (error: ExcelError) => error.code);
    };
    expect(await book.run({ mergeUndoGroup: true }, (c) => add(c, "a comment"))).toBe("UndoNotSupported");
    expect(await book.run({ mergeUndoGroup: true }, (c) => add(c))).toBe("accepted");
    expect(await book.run((c) => add(c, "a comment"))).toBe("accepted");
    book.platform = "desktop";
    expect(await book.run({ mergeUndoGroup: true }, (c) => add(c, "a comment"))).toBe("accepted");

    book.excelApi = 6;
    const sheet = book.context().workbook.worksheets.getItem("Sheet1");
    expect(() => sheet.freezePanes).toThrow(/ExcelApi 1\.7/);
    const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C1"), "Rows");
    expect(() => chart.series.add("more")).toThrow(/ExcelApi 1\.7/);
    book.excelApi = 7;
    expect(() => (chart.series.getItemAt(0).axisGroup = "Secondary")).toThrow(/ExcelApi 1\.8/);
  });
});
