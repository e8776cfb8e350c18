/** What the formula audit says about each KC call: its value and sources, what it depends on, or its error. */
import { auditCall, auditFormula, cellReferences, referenceKey, statedIndex } from "../src/data/audit";
import { findKcCalls } from "../src/data/formula";
import { explain } from "../src/data/messages";
import type { Reconciliation } from "../src/data/schema";

const only = (formula: string, cells?: Map<string, string | number | boolean>) => {
  const [entry] = auditFormula(formula, cells);
  if (!entry) throw new Error(`no KC call in ${formula}`);
  return entry;
};

describe("references to cells", () => {
  it("keys a reference without $ and in capitals", () => {
    expect(referenceKey("$b$2")).toBe("B2");
    expect(referenceKey("'My Sheet'!$a1")).toBe("'MY SHEET'!A1");
  });

  it("finds single cells, on other sheets too, once each, and nothing else", () => {
    expect(cellReferences("=KC.REVENUE(A1)+KC.REVENUE(A1)+KC.FIGURE(\"eps\",'Q data'!B7)+KC.REVENUE(XFD1048576)")).toEqual(["A1", "'Q data'!B7", "XFD1048576"]);
    expect(cellReferences("=KC.REVENUE(A1:A2)+KC.REVENUE(ABCD1)+KC.REVENUE(A12345678)+KC.REVENUE(SUM(A1))+KC.REVENUE(1A)")).toEqual([]);
    expect(cellReferences('=KC.REVENUE("A1")+A2')).toEqual([]);
  });

  it("says a call depends on a cell the workbook did not supply, naming it as written", () => {
    expect(only("=KC.REVENUE(Sheet2!$C$3)")).toMatchObject({ status: "depends", message: "Depends on Sheet2!$C$3: its value is known only in the workbook." });
    expect(only("=KC.REVENUE(A1)", new Map([["A2", 2024]]))).toMatchObject({ status: "depends" });
    expect(only("=KC.REVENUE(a1)", new Map([["A1", 2024]]))).toMatchObject({ status: "value", value: 7790 });
  });

  it("passes an empty argument as omitted", () => {
    expect(only('=KC.REVENUE(2024,,"B")')).toMatchObject({ status: "value", value: 7.79 });
  });
});

describe("errors", () => {
  it("gives #VALUE! for a bad argument and #N/A for missing data, with the library's message", () => {
    expect(only('=KC.REVENUE("soon")')).toEqual(expect.objectContaining({ status: "error", error: "#VALUE!", message: expect.stringMatching(/^Cannot read "soon" as a period/) }));
    expect(only("=KC.REVENUE(2019)")).toEqual(expect.objectContaining({ status: "error", error: "#N/A", message: expect.stringMatching(/^The dataset has no period 2019/) }));
  });

  it("keeps each miss's reason beside the words it renders, so a reader need not parse them", () => {
    const entry = only("=KC.REVENUE(3000)");
    expect(entry).toMatchObject({ status: "error", error: "#N/A", reason: { kind: "noPeriod", value: 3000, period: "FY3000" } });
    expect(entry.status === "error" && entry.reason && explain(entry.reason)).toBe(entry.status === "error" && entry.message);
    expect(only('=KC.FILING("TTM","filed")')).toMatchObject({ status: "error", error: "#VALUE!", reason: { kind: "filingByYear", period: "TTM" } });
    expect(only("=KC.NOPE()")).not.toHaveProperty("reason");
  });
});

describe("sources", () => {
  it("lists each fact once, with its other statements, and no conflicts where the sources agree", () => {
    const entry = only('=KC.RATIO("revenue/revenue",2024)');
    if (entry.status !== "value") throw new Error(entry.status);
    expect(entry.value).toBe(1);
    expect(entry.sources.map((s) => s.fact.id)).toEqual(["revenue:FY2024:statement", "revenue:FY2024:highlights"]);
    expect(entry.sources.every((s) => !s.disagrees)).toBe(true);
    expect(entry.conflicts).toEqual([]);
  });

  it("lists a conflict once even when two facts share it", () => {
    const entry = only('=KC.RATIO("net_income/net_income",2024)');
    if (entry.status !== "value") throw new Error(entry.status);
    expect(entry.conflicts.map((c) => c.id)).toEqual(["net_income:FY2024"]);
    expect(entry.sources.map((s) => [s.fact.id, s.disagrees])).toEqual([["net_income:FY2024:statement", false], ["net_income:FY2024:highlights", true]]);
  });

  it("lists no sources for a call that rests on no figure, and the fact of a count", () => {
    expect(only("=KC.PERIODS()")).toMatchObject({ status: "value", sources: [], conflicts: [], notes: [], stated: [] });
    const count = only('=KC.FIGURE("premium_customers",2024)');
    expect(count.status === "value" && count.sources.map((s) => s.fact.id)).toEqual(["premium_customers:FY2024:highlights"]);
  });

  it("keeps the conversion note and drops empty ones", () => {
    const converted = only('=KC.FIGURE("gross_profit",2024,"USD")');
    expect(converted.status === "value" && converted.notes).toEqual([expect.stringMatching(/^Converted at 7\.2130 RMB per USD/)]);
    const stated = only("=KC.REVENUE(2024)");
    expect(stated.status === "value" && stated.notes).toEqual([]);
  });
});

describe("the index of stated figures", () => {
  const reconciliation = (id: string, kc: string | null, inputs: string[]): Reconciliation => ({
    id, label: id, stated: 0, statedHalfWidth: 0, source: { file: "000_12d22aa60451a452.txt", line: 1, text: "x" }, formula: "", inputs,
    computedLow: null, computedHigh: null, status: "reconciles", note: "", kc,
  });

  it("keys each reconciliation by its arithmetic and inputs, and leaves out those without a KC formula or inputs", () => {
    const index = statedIndex([
      reconciliation("a", 'KC.MARGIN("gross",2024)', ["gross_profit:FY2024:statement", "revenue:FY2024:statement"]),
      reconciliation("b", 'KC.RATIO("gross_profit/revenue",2024)', ["gross_profit:FY2024:statement", "revenue:FY2024:statement"]),
      reconciliation("c", null, ["x"]),
      reconciliation("d", "KC.REVENUE(2024)", ["revenue:FY2024:statement"]),
      reconciliation("e", 'KC.CAGR("revenue",2020,2024)', []),
      reconciliation("f", 'KC.CAGR("revenue",2020,2024)', ["revenue:FY2020:statement", "revenue:FY2024:statement"]),
    ]);
    expect([...index.entries()].map(([key, list]) => [key, list.map((r) => r.id)])).toEqual([
      ["quotient|gross_profit:FY2024:statement|revenue:FY2024:statement", ["a", "b"]],
      ["cagr|revenue:FY2020:statement|revenue:FY2024:statement", ["f"]],
    ]);
    const [cagr] = auditFormula('=KC.CAGR("revenue",2020,2024)', undefined, index);
    expect(cagr?.status === "value" && cagr.stated.map((r) => r.id)).toEqual(["f"]);
  });

  it("finds nothing for a call of a function that is not arithmetic", () => {
    const [call] = findKcCalls('=KC.FIGURE("revenue",2024)');
    const index = statedIndex([reconciliation("g", 'KC.FIGURE("revenue",2024)', ["revenue:FY2024:statement"])]);
    expect(index.size).toBe(0);
    expect(call && auditCall(call, new Map(), index)).toMatchObject({ status: "value", stated: [] });
  });
});
