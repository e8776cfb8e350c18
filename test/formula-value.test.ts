/**
 * A formula's own value for the audit (src/data/formula-value.ts): Excel's arithmetic over numbers, KC calls and known
 * cells, and for anything else the part that stops it. KC calls here answer from a small table of their own.
 */
import { formulaValue, type CallAnswer } from "../src/data/formula-value";

const ANSWERS: Record<string, CallAnswer> = {
  "KC.REVENUE(2024)": { kind: "number", value: 7790 },
  "KC.REVENUE(2023)": { kind: "number", value: 7050 },
  "KC.REVENUE(2019)": { kind: "error", error: "#N/A" },
  'KC.PROFILE("name")': { kind: "other" },
  "KC.REVENUE(B2)": { kind: "depends", on: "B2" },
};
const answer = (text: string): CallAnswer => ANSWERS[text] ?? { kind: "other" };
const value = (formula: string, cells?: ReadonlyMap<string, unknown>) => formulaValue(formula, answer, cells);

describe("a formula's own value", () => {
  it("computes growth from two KC calls", () => {
    expect(value("=KC.REVENUE(2024)/KC.REVENUE(2023)-1")).toEqual({ kind: "value", value: 7790 / 7050 - 1 });
  });

  it("follows Excel's precedence: signs before ^, ^ before * and /, those before + and -", () => {
    expect(value("=-2^2")).toEqual({ kind: "value", value: 4 });
    expect(value("=2+3*4^2")).toEqual({ kind: "value", value: 50 });
    expect(value("=(2+3)*4")).toEqual({ kind: "value", value: 20 });
    expect(value("=10-4-3")).toEqual({ kind: "value", value: 3 });
    expect(value("=8/4/2")).toEqual({ kind: "value", value: 1 });
    expect(value("=2^3^2")).toEqual({ kind: "value", value: 64 });
    expect(value("=50%*KC.REVENUE(2024)")).toEqual({ kind: "value", value: 3895 });
  });

  it("reads a cell whose value it is given, with or without $ and a sheet", () => {
    const cells = new Map<string, unknown>([["A1", 2], ["SHEET1!B2", 3]]);
    expect(value("=KC.REVENUE(2024)/$A$1", cells)).toEqual({ kind: "value", value: 3895 });
    expect(value("=Sheet1!B2*2", cells)).toEqual({ kind: "value", value: 6 });
  });

  it("names the cell, function, text or operator that stops it", () => {
    expect(value("=KC.REVENUE(2024)/A1")).toEqual({ kind: "unknown", because: "reference", part: "A1" });
    expect(value("=SUM(KC.REVENUE(2024),1)")).toEqual({ kind: "unknown", because: "function", part: "SUM" });
    expect(value('=KC.PROFILE("name")&"x"')).toEqual({ kind: "unknown", because: "text", part: 'KC.PROFILE("name")' });
    expect(value("=KC.REVENUE(2024)>1")).toEqual({ kind: "unknown", because: "operator", part: ">" });
    expect(value("=KC.REVENUE(B2)+1")).toEqual({ kind: "unknown", because: "reference", part: "B2" });
    expect(value("=(1+2")).toEqual({ kind: "unknown", because: "syntax", part: "=(1+2" });
  });

  it("answers the first error it meets, as Excel does", () => {
    expect(value("=KC.REVENUE(2019)*2+A1")).toEqual({ kind: "error", error: "#N/A", from: "KC.REVENUE(2019)" });
    expect(value("=1/(KC.REVENUE(2023)-KC.REVENUE(2023))")).toEqual({ kind: "error", error: "#DIV/0!", from: null });
    expect(value("=#REF!+1")).toEqual({ kind: "error", error: "#REF!", from: null });
  });
});
