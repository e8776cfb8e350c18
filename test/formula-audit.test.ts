import { auditFormula, cellReferences, statedIndex } from "../src/data/audit";
import type { DatasetText } from "../src/data/schema";
import text from "../src/data/text.json";
import { buildFormula, findKcCalls } from "../src/data/formula";
import { HK_PAGE, US_PAGE, figureAfter, lineOf } from "./support/seed-reader";
import { filing, statementRow } from "./support/seed-tables";

const revenue = statementRow("Total Revenue");

describe("finding KC calls in a formula", () => {
  it("reads literal arguments, empty ones and expressions, nested in other functions", () => {
    const calls = findKcCalls('=ROUND(KC.MARGIN("gross","TTM")*100,1)+kc.revenue(2024,,"B")-KC.FIGURE("eps",A1,"USD")');
    expect(calls.map((c) => c.name)).toEqual(["MARGIN", "REVENUE", "FIGURE"]);
    expect(calls[0]?.args).toEqual([{ kind: "literal", value: "gross", text: '"gross"' }, { kind: "literal", value: "TTM", text: '"TTM"' }]);
    expect(calls[1]?.args.map((a) => a.kind)).toEqual(["literal", "empty", "literal"]);
    expect(calls[2]?.args[1]).toEqual({ kind: "expression", text: "A1" });
    expect(calls[0]?.text).toBe('KC.MARGIN("gross","TTM")');
  });

  it("keeps commas and parentheses inside strings and doubled quotes", () => {
    const [call] = findKcCalls('=KC.FIGURE("a, (b) ""c""",2024)');
    expect(call?.args[0]).toMatchObject({ kind: "literal", value: 'a, (b) "c"' });
  });

  it("ignores names that only end in KC. and unclosed calls", () => {
    expect(findKcCalls("=XKC.REVENUE(2024)")).toEqual([]);
    expect(findKcCalls('=KC.REVENUE("2024"')).toEqual([]);
  });

  it("builds formulas Excel reads back, dropping trailing omitted arguments", () => {
    expect(buildFormula("REVENUE", ["2024", null, null])).toBe('=KC.REVENUE("2024")');
    expect(buildFormula("FIGURE", ["eps", 2024, "USD", ""])).toBe('=KC.FIGURE("eps",2024,"USD")');
    expect(buildFormula("FIGURE", ['say "hi"', 2024])).toBe('=KC.FIGURE("say ""hi""",2024)');
  });
});

describe("auditing a formula", () => {
  it("shows each call's value and the seed line behind it", () => {
    const [entry] = auditFormula("=KC.REVENUE(2024)");
    expect(entry).toMatchObject({ status: "value", value: revenue.FY2024?.value });
    if (entry?.status !== "value") throw new Error("expected a value");
    expect(entry.sources.map((s) => [s.fact.source.file, s.fact.source.line, s.disagrees])).toEqual([
      [HK_PAGE, revenue.FY2024?.line, false],
      [US_PAGE, lineOf(US_PAGE, "Total revenues reached"), false],
    ]);
  });

  it("marks the conflicting source of the 2024 net loss", () => {
    const [entry] = auditFormula('=KC.FIGURE("net_income",2024)');
    if (entry?.status !== "value") throw new Error("expected a value");
    expect(entry.value).toBe(statementRow("Net Income").FY2024?.value);
    expect(entry.sources.find((s) => s.disagrees)?.fact.precision.stated).toBe(figureAfter(US_PAGE, "net loss decreased 9.4% to ").written);
    expect(entry.conflicts.map((c) => c.id)).toEqual(["net_income:FY2024"]);
  });

  it("uses the values of referenced cells where the workbook supplies them", () => {
    const formula = '=KC.REVENUE(A1)+KC.FIGURE("eps",$B$2,Sheet2!C3)+KC.REVENUE(A1+1)';
    expect(cellReferences(formula)).toEqual(["A1", "$B$2", "Sheet2!C3"]);
    const entries = auditFormula(formula, new Map<string, string | number>([["A1", 2023], ["B2", 2024], ["SHEET2!C3", "USD"]]));
    expect(entries.map((e) => (e.status === "value" ? e.value : e.status))).toEqual([revenue.FY2023?.value, filing(2024).eps.value, "depends"]);
  });

  it("says what it cannot know outside the workbook, and names errors", () => {
    const entries = auditFormula('=KC.REVENUE(A1)+KC.REVENUE(2019)+KC.NOPE(1)+KC.REVENUE("2024","EUR")');
    expect(entries.map((e) => e.status)).toEqual(["depends", "error", "error", "error"]);
    expect(entries.map((e) => (e.status === "error" ? e.error : null))).toEqual([null, "#N/A", "#NAME?", "#VALUE!"]);
    expect(entries[2]?.status === "error" && entries[2].message).toBe("KC.NOPE is not a KC function.");
  });

  it.each([
    ["FX", "FXRATE"],
    ["VALUE", "FIGURE"],
    ["GROWTH", "GROWTHRATE"],
    ["SERIES", "HISTORY"],
    ["INFO", "PROFILE"],
  ])("names the new name of a function version 1.1 renamed: KC.%s is KC.%s", (old, renamed) => {
    const [entry] = auditFormula(`=KC.${old}("revenue",2024)`);
    expect(entry?.status === "error" && entry.error).toBe("#NAME?");
    expect(entry?.status === "error" && entry.message).toMatch(new RegExp(`^KC\\.${old} is now KC\\.${renamed} \\(renamed in version 1\\.1`));
  });
});

describe("a computed ratio beside the ratio a page states", () => {
  const stated = statedIndex((text as unknown as DatasetText).reconciliations);
  const statedOf = (formula: string) => auditFormula(formula, undefined, stated).map((e) => (e.status === "value" ? e.stated.map((r) => `${r.id}:${r.status}`) : e.status));

  it("finds the stated figure however the same computation is written", () => {
    expect(statedOf('=KC.MARGIN("gross",2024)')).toEqual([["gross_margin_FY2024:reconciles"]]);
    expect(statedOf('=KC.RATIO("Gross Profit/revenue","FY24")')).toEqual([["gross_margin_FY2024:reconciles"]]);
    expect(statedOf('=KC.GROWTHRATE("revenue",2024)')).toEqual([["revenue_growth_FY2024:reconciles", "revenue_growth_FY2024_filing:reconciles"]]);
    expect(statedOf('=KC.RATIO("ocf_to_net_income","LTM")')).toEqual([["ocf_to_net_income_TTM:disagrees"]]);
  });

  it("matches nothing that computes something else", () => {
    expect(statedOf('=KC.MARGIN("gross",2022)')).toEqual([[]]);
    expect(statedOf('=KC.RATIO("revenue/gross_profit",2024)')).toEqual([[]]);
    expect(statedOf('=KC.GROWTHRATE("revenue",2024,2022)')).toEqual([[]]);
    expect(statedOf("=KC.REVENUE(2024)")).toEqual([[]]);
    expect(auditFormula('=KC.MARGIN("gross",2024)').map((e) => (e.status === "value" ? e.stated : null))).toEqual([[]]);
  });
});
