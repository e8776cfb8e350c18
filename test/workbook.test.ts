/**
 * The KC functions of the shipped dist/functions.js registered in a real spreadsheet engine (HyperFormula, test-only)
 * and composed with native functions.
 */
import { HyperFormula } from "hyperformula";
import { INFO_FIELDS } from "../src/data/info";
import { dataset } from "./support/dataset";
import { registerKcFunctions } from "./support/hyperformula-kc";
import { filing, statementPeriods, statementRow } from "./support/seed-tables";

const faults = registerKcFunctions();
afterAll(() => expect(faults()).toEqual([]));

// Expected figures come from the seed pages' statement table and 20-F list.
const revenue = (period: string) => statementRow("Total Revenue")[period]?.value as number;
const fiscalYears = statementPeriods().filter((p) => p !== "TTM").reverse();

function sheet(rows: (string | number | null)[][]) {
  return HyperFormula.buildFromArray(rows, { licenseKey: "gpl-v3" });
}

describe("KC formulas in a spreadsheet", () => {
  it("composes KC.REVENUE with arithmetic: 2024 over 2023, less one", () => {
    const hf = sheet([["=KC.REVENUE(2024)/KC.REVENUE(2023)-1"]]);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 }) as number).toBeCloseTo(revenue("FY2024") / revenue("FY2023") - 1, 9);
  });

  it("rounds a margin with a native function", () => {
    const hf = sheet([['=ROUND(KC.MARGIN("gross","TTM")*100,1)']]);
    const margin = (statementRow("Gross Profit").TTM?.value as number) / revenue("TTM");
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(Math.round(margin * 1000) / 10);
  });

  it("takes the year from a cell that holds a number", () => {
    const hf = sheet([[2022, "=KC.REVENUE(A1)", '=KC.FIGURE("net income",A1,"USD")']]);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(revenue("FY2022"));
    const impliedRate = revenue("FY2022") / filing(2022).revenue.value;
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 2 }) as number).toBeCloseTo((statementRow("Net Income").FY2022?.value as number) / impliedRate, 6);
  });

  it("spills a series across a row and a statement as a table", () => {
    const hf = sheet([['=KC.HISTORY("revenue",2020,2024)'], [], ['=KC.STATEMENT("cashflow")']]);
    expect(hf.getSheetValues(0)[0]).toEqual(fiscalYears.map(revenue));
    const statement = hf.getSheetValues(0).slice(2);
    expect(statement[0]?.slice(0, 3)).toEqual(["RMB millions", ...fiscalYears.slice(0, 2)]);
    const fcf = statementRow("Free Cash Flow");
    expect(statement[1]).toEqual(["Free cash flow", ...[...fiscalYears, "TTM"].map((p) => fcf[p]?.value)]);
    expect(statement.length).toBe(5);
  });

  it("spills the lists of metrics and profile fields, each with a header row, which native functions can search", () => {
    const hf = sheet([['=ROWS(KC.METRICS())', '=ROWS(KC.FIELDS())', '=MATCH("gross_profit",A2:A200,0)'], ["=KC.METRICS()"]]);
    expect(hf.getSheetValues(0)[0]).toEqual([dataset.metrics.length + 1, INFO_FIELDS.length + 1, dataset.metrics.findIndex((m) => m.id === "gross_profit") + 2]);
    expect(hf.getSheetValues(0).slice(1).map((row) => row[0])).toEqual(["Metric", ...dataset.metrics.map((m) => m.id)]);
  });

  it("shows a missing period as #N/A with its message, which IFERROR can catch", () => {
    const hf = sheet([["=KC.REVENUE(2019)", '=IFERROR(KC.REVENUE(2019),"n/a")', "=SUM(KC.HISTORY(\"revenue\",2020,2024))"]]);
    const error = hf.getCellValue({ sheet: 0, row: 0, col: 0 }) as { type: string; message: string };
    expect(error.type).toBe("NA");
    expect(error.message).toContain(`Available: ${fiscalYears[0]}`);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe("n/a");
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 2 })).toBeCloseTo(fiscalYears.map(revenue).reduce((a, b) => a + b), 9);
  });
});
