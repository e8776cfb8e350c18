/** Reading KC calls out of a formula's text and writing them back, as the builder and the audit do. */
import { buildFormula, findKcCalls, formulaArgument } from "../src/data/formula";

const args = (formula: string) => findKcCalls(formula).map((c) => c.args.map((a) => (a.kind === "literal" ? a.value : a.kind === "empty" ? null : `expr:${a.text}`)));

describe("literal arguments", () => {
  it("reads numbers in every form Excel writes them", () => {
    expect(args("=KC.X(1e3, .5, -2, +3, 4., 1.5E-2, 7, 12.5, .25, 1e10)")).toEqual([[1000, 0.5, -2, 3, 4, 0.015, 7, 12.5, 0.25, 1e10]]);
  });

  it("reads TRUE and FALSE in any case, and text with doubled quotes", () => {
    expect(args('=KC.X(TRUE,false,"a ""b""","")')).toEqual([[true, false, 'a "b"', ""]]);
  });

  it("keeps anything else as an expression, trimmed", () => {
    expect(args('=KC.X( A1 , 1+1, "a"&"b", TRUEX, 1e, -, "x)')).toEqual([]);
    expect(args('=KC.X( A1 , 1+1, "a"&"b", TRUEX, ISTRUE, 1e, -)')).toEqual([["expr:A1", "expr:1+1", 'expr:"a"&"b"', "expr:TRUEX", "expr:ISTRUE", "expr:1e", "expr:-"]]);
    expect(args('=KC.X(-"2024", "2024"%, "20" "24")')).toEqual([['expr:-"2024"', 'expr:"2024"%', 'expr:"20" "24"']]);
  });
});

describe("splitting a call", () => {
  it("splits on top-level commas only, through nested calls and array constants", () => {
    expect(args("=KC.X(SUM(1,2),{1,2;3,4},MAX((1),2))")).toEqual([["expr:SUM(1,2)", "expr:{1,2;3,4}", "expr:MAX((1),2)"]]);
  });

  it("reads empty argument lists and empty arguments", () => {
    expect(args("=KC.PERIODS()")).toEqual([[]]);
    expect(args("=KC.PERIODS( )")).toEqual([[]]);
    expect(args("=KC.X(,)")).toEqual([[null, null]]);
    expect(findKcCalls("=KC.X( ,)")[0]?.args).toEqual([{ kind: "empty", text: "" }, { kind: "empty", text: "" }]);
    expect(args("=KC.X(1,)")).toEqual([[1, null]]);
  });

  it("finds calls with spaces before the parenthesis and after any operator, and records each call's own text", () => {
    const calls = findKcCalls('=1+KC.REVENUE (2024)*kc.Margin("gross",2024)');
    expect(calls.map((c) => [c.name, c.text])).toEqual([["REVENUE", "KC.REVENUE (2024)"], ["MARGIN", 'kc.Margin("gross",2024)']]);
  });

  it("skips a name that only ends in KC. and a call whose text never closes", () => {
    expect(findKcCalls("=A.KC.REVENUE(2024)+_KC.REVENUE(1)+1KC.REVENUE(2)")).toEqual([]);
    expect(findKcCalls("=KC.REVENUE {2024}+XKC.REVENUE(1)+KC.REVENUE2(1)+KC.R.X(1)")).toEqual([]);
    expect(args('=KC.A("x""")+KC.B(1)')).toEqual([['x"'], [1]]);
    expect(args('=KC.A("x)')).toEqual([]);
  });

  it("reads a formula of up to 8,192 characters, Excel's longest, and nothing from longer text", () => {
    const padding = " ".repeat(8192 - "=KC.REVENUE(2024)+".length);
    expect(findKcCalls(`=KC.REVENUE(2024)+${padding}KC.REVENUE(2023)`)).toEqual([]);
    const longest = `=${" ".repeat(8192 - "=KC.REVENUE(2023)".length)}KC.REVENUE(2023)`;
    expect(longest).toHaveLength(8192);
    expect(findKcCalls(longest)).toHaveLength(1);
    expect(findKcCalls(`${longest} `)).toEqual([]);
  });
});

describe("writing arguments", () => {
  it("spells each value as Excel reads it", () => {
    expect([null, "", 2024, -1.5, true, false, "TTM", 'say "hi"'].map(formulaArgument)).toEqual(["", "", "2024", "-1.5", "TRUE", "FALSE", '"TTM"', '"say ""hi"""']);
  });

  it("keeps omitted arguments in the middle and drops them at the end", () => {
    expect(buildFormula("REVENUE", [2024, null, "B"])).toBe('=KC.REVENUE(2024,,"B")');
    expect(buildFormula("PERIODS", [])).toBe("=KC.PERIODS()");
    expect(buildFormula("REVENUE", [null, null])).toBe("=KC.REVENUE()");
  });
});
