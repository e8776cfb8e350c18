/**
 * The check "Restore formulas" runs on every recorded formula before it writes one: which formulas pass, and for each
 * refusal the exact code and what it names (the call, the name, the position), so no foreign call gets through.
 */
import { checkKcFormula } from "../src/data/kc-formula";

const accepted = (formula: string) => expect(checkKcFormula(formula)).toEqual({ ok: true, formula, renamed: [] });

describe("formulas restore may write", () => {
  it.each([
    ["=KC.REVENUE(A1)+KC.REVENUE($A$1)+KC.REVENUE(XFD1048576)+KC.REVENUE(a$1)+KC.REVENUE($b2)", "cells, absolute or not, up to Excel's last one"],
    ["=KC.REVENUE(A:B)+KC.REVENUE($XFD:$XFD)+KC.REVENUE(1:1048576)+KC.REVENUE(Sheet1!3:4)+KC.REVENUE($1:$3)", "whole columns and rows"],
    ["=KC.REVENUE(true)+KC.REVENUE(False)+KC.REVENUE(Sheet1!#REF!)", "booleans, and a reference Excel turned into #REF!"],
    ["=KC.REVENUE(Table1[Year])+KC.REVENUE([@Year] Sheet1!A1)+KC.REVENUE(Sheet2!A1#)", "table columns, an intersection with the row's column, a spill"],
    ["=KC.REVENUE(1) + KC.REVENUE(Sheet2!A1)", "a reference after a space elsewhere in the formula"],
    ["=KC.REVENUE(A1 B1)+KC.REVENUE(A1 'My Sheet'!B1)+KC.REVENUE(A1 (B1))+KC.REVENUE(A1 KC.REVENUE(B1))+KC.REVENUE(A1 @B1)", "intersections"],
    ["=KC.REVENUE(1:1 2:2)+KC.REVENUE(A1:B2 #REF!)+KC.REVENUE(A1 [@Year])", "intersections of rows, with a deleted reference, with a table's column"],
    ["=KC.REVENUE((A1,B2:C3))", "a union in parentheses"],
    ["=KC.REVENUE()+KC.FIGURE(,2024)+KC.FIGURE(\"eps\",)", "empty arguments"],
    ["=+KC.REVENUE(1)-@KC.REVENUE(--1)", "signs and the implicit intersection operator"],
    ["=KC.REVENUE(1)+1-1*1/1^1&1=1<1>1<=1>=1<>1", "every binary operator"],
    ["=KC.HISTORY(\"revenue\",{1,-2;\"a\",#N/A;TRUE,false})", "array constants of numbers, text, errors and booleans"],
    ["=kc.revenue(2024)", "a KC name in lower case"],
    ['=KC.REVENUE( 2024 , "RMB" )+KC.PERIODS( )', "spaces around arguments and in an empty argument list"],
  ])("accepts %s (%s)", (formula) => accepted(formula));

  it("accepts KC calls nested 64 deep, Excel's limit, and any number of them side by side", () => {
    accepted(`=${"KC.REVENUE(".repeat(64)}1${")".repeat(64)}`);
    accepted(`=${Array.from({ length: 100 }, () => "KC.REVENUE(1)").join("+")}`);
    accepted(`=${"(".repeat(63)}KC.REVENUE(1)${")".repeat(63)}`);
    expect(checkKcFormula(`=${"(".repeat(64)}KC.REVENUE(1)${")".repeat(64)}`)).toEqual({ ok: false, code: "too_deep" });
  });

  it("accepts a formula of Excel's full length, 8,192 characters, and refuses one longer", () => {
    accepted("=KC.REVENUE(2024)".padEnd(8192));
    expect(checkKcFormula("=KC.REVENUE(2024)".padEnd(8193))).toEqual({ ok: false, code: "too_long" });
  });

  it("writes each version 1.0 name as its new one and says which it renamed", () => {
    expect(checkKcFormula('=KC.VALUE("revenue",2024)+kc.fx("USD","RMB")*KC.REVENUE(2024)/KC.Info("name")')).toEqual({
      ok: true,
      formula: '=KC.FIGURE("revenue",2024)+KC.FXRATE("USD","RMB")*KC.REVENUE(2024)/KC.PROFILE("name")',
      renamed: ["KC.VALUE → KC.FIGURE", "KC.FX → KC.FXRATE", "KC.INFO → KC.PROFILE"],
    });
  });
});

describe("formulas restore refuses, and what each refusal names", () => {
  it.each([
    ["=XKC.REVENUE(1)", { code: "foreign_call", text: "XKC.REVENUE" }],
    ["=KC.(1)", { code: "foreign_call", text: "KC." }],
    ["=KC.REVENUE(Sheet1!Leak(1))", { code: "foreign_call", text: "Leak" }],
    ["=KC.REVENUE(1)&WEBSERVICE(A1)", { code: "foreign_call", text: "WEBSERVICE" }],
    ["=KC.REVENUE({1,2},WEBSERVICE(A1))", { code: "foreign_call", text: "WEBSERVICE" }],
    ["=KC.REVENUE((1),HYPERLINK(A1))", { code: "foreign_call", text: "HYPERLINK" }],
    ["=KC.REVENUE(A1 INDIRECT(B1))", { code: "foreign_call", text: "INDIRECT" }],
    ["=KC.STEAL(C1)", { code: "unknown_kc", text: "KC.STEAL" }],
    ["=KC.REVENUE(Leak)", { code: "name", text: "Leak" }],
    ["=KC.REVENUE(ABCD1)", { code: "name", text: "ABCD1" }],
    ["=KC.REVENUE(A12345678)", { code: "name", text: "A12345678" }],
    ["=KC.REVENUE(_A1)", { code: "name", text: "_A1" }],
    ["=KC.REVENUE(A1_)", { code: "name", text: "A1_" }],
    ["=KC.REVENUE(ZZ)", { code: "name", text: "ZZ" }],
    ["=KC.REVENUE(ABCD:ABCD)", { code: "name", text: "ABCD" }],
    ["=KC.REVENUE(_A:_A)", { code: "name", text: "_A" }],
    ["=KC.REVENUE(TRUEX)", { code: "name", text: "TRUEX" }],
    ["=KC.REVENUE(XFALSE)", { code: "name", text: "XFALSE" }],
    ["=KC.REVENUE(Sheet1 !A1)", { code: "name", text: "Sheet1" }],
    ["=KC.REVENUE(Table1 [Year])", { code: "name", text: "Table1" }],
    ["=KC.REVENUE([1]Sheet1!A1)", { code: "external", text: "[1]" }],
    ["=KC.REVENUE([Book.xlsx]'My Sheet'!A1)", { code: "external", text: "[Book.xlsx]" }],
    ["=KC.REVENUE([1]!Name)", { code: "external", text: "[1]" }],
    ["=KC.REVENUE(2024))", { code: "syntax", at: 17 }],
    ["=KC.REVENUE(2024)~", { code: "syntax", at: 17 }],
    ["=KC.REVENUE(2024", { code: "syntax", at: 16 }],
    ["=KC.REVENUE(1;2)", { code: "syntax", at: 13 }],
    ["=KC.REVENUE((1;2))", { code: "syntax", at: 14 }],
    ["=KC.REVENUE((1", { code: "syntax", at: 14 }],
    ["='Sheet 1'+KC.REVENUE(1)", { code: "syntax", at: 10 }],
    ['=KC.REVENUE(Sheet1!"x")', { code: "syntax", at: 19 }],
    ["=KC.REVENUE(Sheet1!1)", { code: "syntax", at: 19 }],
    ["=KC.REVENUE(Sheet1!1.5:2)", { code: "syntax", at: 19 }],
    ["=KC.REVENUE(Sheet1!12345678:2)", { code: "syntax", at: 19 }],
    ["=KC.REVENUE({A1})", { code: "syntax", at: 13 }],
    ["=KC.REVENUE({TRUEX})", { code: "syntax", at: 13 }],
    ["=KC.REVENUE({XTRUE})", { code: "syntax", at: 13 }],
    ["=KC.REVENUE({1 2})", { code: "syntax", at: 15 }],
    ["=KC.REVENUE({1,2", { code: "syntax", at: 16 }],
    ["=KC.REVENUE(1)*)", { code: "syntax", at: 15 }],
    ["=KC.REVENUE(,", { code: "syntax", at: 13 }],
    ["=KC.REVENUE(", { code: "syntax", at: 12 }],
    ['=KC.REVENUE(1) "x"', { code: "syntax", at: 15 }],
    ["=KC.REVENUE(1) {1}", { code: "syntax", at: 15 }],
    ["KC.REVENUE(2024)", { code: "not_formula" }],
    [" =KC.REVENUE(2024)", { code: "not_formula" }],
    ["=1+A1", { code: "no_kc_call" }],
    ["=", { code: "syntax", at: 1 }],
  ])("refuses %s", (formula, refusal) => {
    expect(checkKcFormula(formula)).toEqual({ ok: false, ...refusal });
  });

  it.each(["[", "]", "\\", "/", "?", "*", ":"])("refuses a quoted sheet name holding %s as another workbook", (char) => {
    const sheet = `'a${char}b'`;
    expect(checkKcFormula(`=KC.REVENUE(${sheet}!A1)`)).toEqual({ ok: false, code: "external", text: sheet });
  });

  it("refuses KC calls nested 65 deep", () => {
    expect(checkKcFormula(`=${"KC.REVENUE(".repeat(65)}1${")".repeat(65)}`)).toEqual({ ok: false, code: "too_deep" });
  });
});
