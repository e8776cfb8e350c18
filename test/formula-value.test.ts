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
    expect(value("=NPV(0.1,KC.REVENUE(2024))")).toEqual({ kind: "unknown", because: "function", part: "NPV" });
    expect(value('=KC.PROFILE("name")&"x"')).toEqual({ kind: "unknown", because: "text", part: 'KC.PROFILE("name")' });
    expect(value("=KC.REVENUE(2024)*{1,2}")).toEqual({ kind: "unknown", because: "operator", part: "{" });
    expect(value("=KC.REVENUE(B2)+1")).toEqual({ kind: "unknown", because: "reference", part: "B2" });
    expect(value("=(1+2")).toEqual({ kind: "unknown", because: "syntax", part: "=(1+2" });
  });

  it("answers the first error it meets, as Excel does", () => {
    expect(value("=KC.REVENUE(2019)*2+A1")).toEqual({ kind: "error", error: "#N/A", from: "KC.REVENUE(2019)" });
    expect(value("=1/(KC.REVENUE(2023)-KC.REVENUE(2023))")).toEqual({ kind: "error", error: "#DIV/0!", from: null });
    expect(value("=#REF!+1")).toEqual({ kind: "error", error: "#REF!", from: null });
  });

  it("compares, joins text and computes IF, ABS, SUM, MIN, MAX and ROUND as Excel does", () => {
    const cells = new Map<string, unknown>([["B1", 10], ["B2", -4], ["B3", "note"], ["C1", 0.25]]);
    expect(value("=KC.REVENUE(2024)>KC.REVENUE(2023)")).toEqual({ kind: "value", value: true });
    expect(value('="a"="A"')).toEqual({ kind: "value", value: true });
    expect(value('=1<"1"')).toEqual({ kind: "value", value: true });
    expect(value('="FY"&2024')).toEqual({ kind: "value", value: "FY2024" });
    expect(value('=IF(ABS(B2)<=5,"agrees","differs")', cells)).toEqual({ kind: "value", value: "agrees" });
    // IF computes only the branch it takes: the other one's error is never met.
    expect(value("=IF(B1>0,B1,1/0)", cells)).toEqual({ kind: "value", value: 10 });
    expect(value("=IF(B1<0,B1,1/0)", cells)).toEqual({ kind: "error", error: "#DIV/0!", from: null });
    // SUM over a range skips text, as Excel does.
    expect(value("=SUM(B1:B3)", cells)).toEqual({ kind: "value", value: 6 });
    expect(value("=MIN(B1:B2)+MAX(B1,C1)", cells)).toEqual({ kind: "value", value: 6 });
    expect(value("=ROUND(-2.345,2)")).toEqual({ kind: "value", value: -2.35 });
    expect(value("=B3*2", cells)).toEqual({ kind: "unknown", because: "text", part: "B3" });
  });

  it("gives a KC call its arguments' values, cells read through the caller's lookup", () => {
    const seen: unknown[][] = [];
    const answer = (text: string, args: () => unknown[]): CallAnswer => {
      seen.push(args());
      return text.startsWith("KC.FIGURE") ? { kind: "number", value: 2 } : { kind: "text", value: "v" };
    };
    const lookup = (ref: string) => ({ $B9: "revenue", C$7: "FY2024", D7: "TTM" })[ref];
    expect(formulaValue("=KC.FIGURE($B9,C$7)*3", answer, lookup)).toEqual({ kind: "value", value: 6 });
    expect(formulaValue('=KC.SOURCE("net_income",D7)', answer, lookup)).toEqual({ kind: "value", value: "v" });
    expect(seen).toEqual([["revenue", "FY2024"], ["net_income", "TTM"]]);
  });
});
