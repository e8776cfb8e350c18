/**
 * The formula tokenizer that "Restore formulas", the audit and the builder read formulas with: each token's kind and
 * exact extent, written out by hand from Excel's formula grammar.
 */
import { FORMULA_LIMIT, scanFormula, type Token } from "../src/data/formula-scan";

/** The tokens of `text` as "kind:text" ("call:NAME(" for a call), after checking they tile the text without gaps. */
function scan(text: string): string[] {
  const tokens: Token[] = [];
  scanFormula(text, (token) => void tokens.push(token));
  let at = 0;
  for (const token of tokens) {
    expect([token.start, token.end <= text.length]).toEqual([at, true]);
    expect(token.kind === "call" ? [token.nameEnd, text.charAt(token.nameEnd)] : token.nameEnd).toEqual(token.kind === "call" ? [token.end - 1, "("] : token.end);
    at = token.end;
  }
  return tokens.map((t) => `${t.kind}:${text.slice(t.start, t.end)}`);
}

describe("scanning a formula into tokens", () => {
  it("reads strings and quoted sheet names with doubled quotes, and an unclosed one as bad to the end", () => {
    expect(scan(`"a""b"'c''d'`)).toEqual([`string:"a""b"`, `sheet:'c''d'`]);
    expect(scan(`"a"""`)).toEqual([`string:"a"""`]);
    expect(scan(`""1`)).toEqual([`string:""`, "number:1"]);
    expect(scan(`1+"ab`)).toEqual(["number:1", "op:+", `bad:"ab`]);
    expect(scan(`'ab''`)).toEqual([`bad:'ab''`]);
  });

  it("reads a run of spaces, tabs and line breaks as one space, and no other control character", () => {
    for (const space of [" ", "\t", "\r", "\n"]) expect(scan(`1${space}2`)).toEqual(["number:1", `space:${space}`, "number:2"]);
    expect(scan("1 \t\r\n 2")).toEqual(["number:1", "space: \t\r\n ", "number:2"]);
    expect(scan("1\u000b2")).toEqual(["number:1", "bad:\u000b", "number:2"]);
  });

  it("reads numbers with a fraction and an exponent, and stops where a number can no longer go on", () => {
    expect(scan("1.5e+3")).toEqual(["number:1.5e+3"]);
    expect(scan("2E-7")).toEqual(["number:2E-7"]);
    expect(scan("09e2")).toEqual(["number:09e2"]);
    expect(scan(".5.5")).toEqual(["number:.5", "number:.5"]);
    expect(scan("12.")).toEqual(["number:12."]);
    expect(scan("1.2.3")).toEqual(["number:1.2", "number:.3"]);
    expect(scan("3e")).toEqual(["number:3", "name:e"]);
    expect(scan("4e+")).toEqual(["number:4", "name:e", "op:+"]);
    expect(scan("5e-x")).toEqual(["number:5", "name:e", "op:-", "name:x"]);
    expect(scan("1e5e5")).toEqual(["number:1e5", "name:e5"]);
    expect(scan("1/2:3")).toEqual(["number:1", "op:/", "number:2", "op::", "number:3"]);
    expect(scan(".x")).toEqual(["bad:.", "name:x"]);
    expect(scan(".")).toEqual(["bad:."]);
  });

  it("reads names from their first letter, _, \\ or $, and a name directly before ( as a call", () => {
    for (const name of ["A", "Z", "a", "z", "é", "\u0080", "_x", "\\x", "$A$1", "x.y?z09"]) expect(scan(name)).toEqual([`name:${name}`]);
    expect(scan("SUM(A1)")).toEqual(["call:SUM(", "name:A1", "close:)"]);
    expect(scan("_xlfn.WEBSERVICE(")).toEqual(["call:_xlfn.WEBSERVICE("]);
    expect(scan("SUM (")).toEqual(["name:SUM", "space: ", "open:("]);
    // The characters just outside the letter ranges start no name.
    expect(scan("@`{\u007f")).toEqual(["op:@", "bad:`", "arrayOpen:{", "bad:\u007f"]);
    expect(scan("x@y[z]")).toEqual(["name:x", "op:@", "name:y", "bracket:[z]"]);
  });

  it("reads a bracketed group to the bracket that closes it, ' escaping one character", () => {
    expect(scan("[[#This Row],[Year]]")).toEqual(["bracket:[[#This Row],[Year]]"]);
    expect(scan("[a'[b]")).toEqual(["bracket:[a'[b]"]);
    expect(scan("[a'][b]]")).toEqual(["bracket:[a'][b]]"]);
    expect(scan("[1]Sheet1!A1")).toEqual(["bracket:[1]", "name:Sheet1", "op:!", "name:A1"]);
    expect(scan("[a[b]")).toEqual(["bad:[a[b]"]);
    expect(scan("1+[a")).toEqual(["number:1", "op:+", "bad:[a"]);
    expect(scan("[a'")).toEqual(["bad:[a'"]);
  });

  it("reads Excel's error values in any case, and a # that starts none as the spill operator", () => {
    const errors = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!", "#EXTERNAL!"];
    for (const error of [...errors, "#n/a", "#Value!", "#busy!"]) expect(scan(error)).toEqual([`error:${error}`]);
    expect(scan("#REF!A1")).toEqual(["error:#REF!", "name:A1"]);
    expect(scan("A1#")).toEqual(["name:A1", "op:#"]);
    expect(scan("#FOO!")).toEqual(["op:#", "name:FOO", "op:!"]);
    expect(scan("#N/A1")).toEqual(["op:#", "name:N", "op:/", "name:A1"]);
    expect(scan("#GETTING_DATAX")).toEqual(["op:#", "name:GETTING_DATAX"]);
  });

  it("reads punctuation and operators, two-character comparisons as one", () => {
    expect(scan("(),;{}")).toEqual(["open:(", "close:)", "comma:,", "semicolon:;", "arrayOpen:{", "arrayClose:}"]);
    for (const op of ["+", "-", "*", "/", "^", "&", "=", "<", ">", "%", ":", "!", "@", "<=", "<>", ">="]) expect(scan(op)).toEqual([`op:${op}`]);
    expect(scan("=<")).toEqual(["op:=", "op:<"]);
    expect(scan("><")).toEqual(["op:>", "op:<"]);
    expect(scan(">>")).toEqual(["op:>", "op:>"]);
    for (const pair of ["==", "+=", "!=", ":="]) expect(scan(pair)).toEqual([`op:${pair[0]}`, "op:="]);
    expect(scan("<1")).toEqual(["op:<", "number:1"]);
    for (const bad of ["~", "|", "?", "`"]) expect(scan(bad)).toEqual([`bad:${bad}`]);
  });

  it("names Excel's formula length limit", () => {
    expect(FORMULA_LIMIT).toBe(8192);
  });
});
