import { auditFormula, auditText, cellReferences, statedIndex } from "../src/data/audit";
import type { DatasetCore } from "../src/data/schema";
import core from "../src/data/core.json";
import { buildFormula, findKcCalls } from "../src/data/formula";
import { HK_PAGE, US_PAGE, figureAfter, lineOf } from "./support/seed-reader";
import { filing, statementRow } from "./support/seed-tables";

import { FORMULA_LIMIT, scanFormula } from "../src/data/formula-scan";

const revenue = statementRow("Total Revenue");

/** Text whose character reads (charCodeAt, the only way the scanner reads) are counted. */
class CountedText extends String {
  reads = 0;
  override charCodeAt(index: number): number {
    this.reads++;
    return super.charCodeAt(index);
  }
}

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

  it("finds a KC call that is another KC call's first argument, and none inside a string", () => {
    expect(findKcCalls("=KC.GROWTHRATE(KC.FIGURE(A1,2024),2024)").map((c) => c.text)).toEqual(["KC.GROWTHRATE(KC.FIGURE(A1,2024),2024)", "KC.FIGURE(A1,2024)"]);
    expect(findKcCalls('="KC.REVENUE(2024)"&KC.FIGURE("eps",2024)').map((c) => c.name)).toEqual(["FIGURE"]);
    expect(findKcCalls('=WEBSERVICE("x")&"KC.FIGURE("').map((c) => c.name)).toEqual([]);
  });

  it("reads a formula of Excel's full length, and no text longer than any formula can be", () => {
    const full = `=${Array.from({ length: 480 }, () => "KC.REVENUE(2024)").join("+")}`.padEnd(FORMULA_LIMIT);
    expect([full.length, findKcCalls(full).length]).toEqual([8_192, 480]);
    const audited = auditText(full);
    expect(audited.ok && audited.entries.length).toBe(480);
    expect(auditText(`${full} `)).toEqual({ ok: false, message: "This text is 8,193 characters long; an Excel formula holds at most 8,192. Paste one formula to audit it." });
    const megabyte = `=${"KC.REVENUE(2024)+".repeat(64_000)}1`;
    expect(findKcCalls(megabyte)).toEqual([]);
    expect(auditText(megabyte)).toEqual({ ok: false, message: "This text is 1,088,002 characters long; an Excel formula holds at most 8,192. Paste one formula to audit it." });
    expect(auditText("=KC.REVENUE(2024)")).toMatchObject({ ok: true, entries: [{ status: "value", value: 7790 }] });
  });

  it("reads each character a bounded number of times, however the text nests, quotes or repeats", () => {
    const shapes = ["KC.FIGURE(", '"""', "((((", "'", "[[", "#", "KC.A(1,", "{1,", "KC.REVENUE (", "A1:B2 ", '"KC.FIGURE(",'];
    for (const shape of shapes) {
      for (const size of [1_024, 2_048, 4_096, FORMULA_LIMIT]) {
        const text = new CountedText(`=${shape.repeat(Math.ceil(size / shape.length))}`.slice(0, size));
        findKcCalls(text as unknown as string);
        const tokens = { count: 0 };
        const scanned = new CountedText(String(text));
        scanFormula(scanned as unknown as string, () => void tokens.count++);
        expect([shape, size, text.reads <= 5 * size, scanned.reads <= 5 * size]).toEqual([shape, size, true, true]);
      }
    }
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
  const stated = statedIndex((core as unknown as DatasetCore).reconciliations);
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

describe("failed checks beside an audited call", () => {
  const stated = statedIndex((core as unknown as DatasetCore).reconciliations);
  const flagsOf = (formula: string) =>
    auditFormula(formula, undefined, stated).map((e) => (e.status === "value" ? e.flags.map((f) => ("rule" in f ? `${f.rule} ${f.period}` : `${f.id}:${f.status}`)) : e.status));

  it("says that the TTM free cash flow a margin uses breaks a rule, and which stated ratio from it disagrees", () => {
    expect(flagsOf('=KC.MARGIN("fcf","TTM")')).toEqual([["fcf_to_net_income_TTM:disagrees", "fcf_below_ocf TTM"]]);
    const [entry] = auditFormula('=KC.MARGIN("fcf","TTM")', undefined, stated);
    const rule = entry?.status === "value" ? entry.flags.find((f) => "rule" in f) : undefined;
    expect(rule && "rule" in rule && rule.note).toMatch(new RegExp(`^Free cash flow ${statementRow("Free Cash Flow").TTM?.written} is not below operating cash flow ${statementRow("Operating Cash Flow").TTM?.written}`));
  });

  it("does not repeat the stated ratio the call itself computes, and names the others its figures take part in", () => {
    const [entry] = auditFormula('=KC.RATIO("ocf_to_net_income","LTM")', undefined, stated);
    expect(entry?.status === "value" && entry.stated.map((r) => r.id)).toEqual(["ocf_to_net_income_TTM"]);
    expect(flagsOf('=KC.RATIO("ocf_to_net_income","LTM")')).toEqual([["roe_TTM:disagrees", "fcf_to_net_income_TTM:disagrees", "fcf_below_ocf TTM"]]);
  });

  it("flags the stated EPS growth beside the EPS it is stated with, and nothing where every check passes", () => {
    expect(flagsOf('=KC.FIGURE("eps",2024)')).toEqual([["eps_growth_FY2024:disagrees"]]);
    expect(flagsOf('=KC.MARGIN("gross",2024)+KC.REVENUE(2022)')).toEqual([[], []]);
  });
});
