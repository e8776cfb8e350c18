/** The line the task pane shows for each row "Restore formulas" skipped, for every reason and every refusal. */
import { checkKcFormula, type Refusal } from "../src/data/kc-formula";
import { restoreSkipped } from "../src/data/messages";

/** The refusal the checker itself gives for `formula`. */
function refusalOf(formula: string): Refusal {
  const check = checkKcFormula(formula);
  if (check.ok) throw new Error(`${formula} passed the check`);
  return check;
}

const refused = (formula: string) => restoreSkipped(7, { code: "refused", formula, refusal: refusalOf(formula) });

describe("why restore refused a recorded formula", () => {
  it.each([
    ["not_formula", "KC.REVENUE(2024)", "Row 7: not restored: KC.REVENUE(2024) is not a formula."],
    ["too_long", `=KC.REVENUE(2024)${" ".repeat(8_176)}`, `Row 7: not restored: =KC.REVENUE(2024)${" ".repeat(63)}… is longer than Excel's 8,192-character formula limit.`],
    ["too_deep", `=${"KC.REVENUE(".repeat(65)}1${")".repeat(65)}`, `Row 7: not restored: =${"KC.REVENUE(".repeat(7)}KC… nests functions more than Excel's 64 levels.`],
    ["no_kc_call", "=1+2", "Row 7: not restored: =1+2 calls no KC function."],
    ["syntax", "=KC.REVENUE(2024))", "Row 7: not restored: =KC.REVENUE(2024)) cannot be read as an Excel formula (at character 18)."],
    ["name", "=KC.REVENUE(Leak)", "Row 7: not restored: =KC.REVENUE(Leak) uses the name Leak: a name can stand for any formula, so restore writes only cell references."],
    ["unknown_kc", "=KC.STEAL(C1)", "Row 7: not restored: =KC.STEAL(C1) calls KC.STEAL, which this add-in does not have."],
    ["external", "=KC.REVENUE([1]Sheet1!A1)", "Row 7: not restored: =KC.REVENUE([1]Sheet1!A1) refers to another workbook or file ([1])."],
    ["foreign_call", "=KC.REVENUE(A1)&HYPERLINK(B1)", "Row 7: not restored: =KC.REVENUE(A1)&HYPERLINK(B1) calls HYPERLINK, which is not a KC function: restore writes only formulas whose every call is a KC function."],
  ])("%s", (_code, formula, line) => {
    expect(refused(formula)).toBe(line);
  });

  it("shows a formula of up to 80 characters whole and cuts a longer one at 80", () => {
    const eighty = `=KC.REVENUE(A1)&${"X".repeat(64)}`;
    expect(eighty.length).toBe(80);
    expect(refused(eighty)).toBe(`Row 7: not restored: ${eighty} uses the name ${"X".repeat(64)}: a name can stand for any formula, so restore writes only cell references.`);
    expect(refused(`${eighty}Y`)).toBe(`Row 7: not restored: ${eighty}… uses the name ${"X".repeat(64)}Y: a name can stand for any formula, so restore writes only cell references.`);
  });
});

describe("why restore skipped or kept a row", () => {
  it.each([
    [{ code: "incomplete" }, "Row 3: not restored: the record lacks its sheet, cell or formula."],
    [{ code: "bad_fingerprint" }, "Row 3: not restored: its record of the frozen value is unreadable."],
    [{ code: "bad_cell", text: "A1:B2" }, 'Row 3: not restored: "A1:B2" is not a single cell.'],
    [{ code: "bad_spill", text: "B1:C2" }, 'Row 3: not restored: the spilled range "B1:C2" is not a block of cells starting at the formula\'s cell.'],
    [{ code: "no_sheet", sheet: "Budget 2024" }, 'Row 3: kept for later: no sheet is named "Budget 2024" (rename it back and restore again).'],
    [{ code: "record_sheet", sheet: "KC_Frozen" }, "Row 3: not restored: it points at the record sheet KC_Frozen itself."],
    [{ code: "edited", address: "Sheet1!B2" }, "Row 3: skipped: Sheet1!B2 changed after it was converted to values, so it is not overwritten."],
    [{ code: "unchecked_occupied", address: "Sheet1!C3" }, "Row 3: skipped: recorded by an earlier version that kept no record of the frozen value, and Sheet1!C3 is not empty; clear it to restore the formula there."],
    [{ code: "overlap", address: "Sheet1!D4", other: 9 }, "Row 3: skipped: Sheet1!D4 is also restored by row 9, recorded later."],
    [{ code: "changed_since_preview" }, "Row 3: skipped: it changed after the preview was shown."],
    [{ code: "later", limit: 2_500 }, "Row 3: kept for later: one restore checks at most 2,500 cells; restore again for the rest."],
  ] as const)("%j", (reason, line) => {
    expect(restoreSkipped(3, reason)).toBe(line);
  });

  it("cuts a cell text or sheet name of more than 80 characters at 80", () => {
    const long = "S".repeat(81);
    expect(restoreSkipped(3, { code: "bad_cell", text: long })).toBe(`Row 3: not restored: "${"S".repeat(80)}…" is not a single cell.`);
    expect(restoreSkipped(3, { code: "bad_spill", text: long })).toBe(`Row 3: not restored: the spilled range "${"S".repeat(80)}…" is not a block of cells starting at the formula's cell.`);
    expect(restoreSkipped(3, { code: "no_sheet", sheet: long })).toBe(`Row 3: kept for later: no sheet is named "${"S".repeat(80)}…" (rename it back and restore again).`);
  });
});
