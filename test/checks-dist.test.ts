/** Failed checks through the shipped dist/functions.js: what KC.SOURCE answers and what the shared library's audit says. */
import type { Library } from "../src/data/library";
import { loadFunctions } from "./support/load-functions";
import { HK_PAGE, lineOf } from "./support/seed-reader";
import { statementRow } from "./support/seed-tables";

const { registered, context } = loadFunctions();
const library = (context as { kcLibrary?: Library }).kcLibrary as Library;
const source = (...args: unknown[]) => String(registered.get("SOURCE")?.(...args));

describe("failed checks in the shipped functions.js", () => {
  it("KC.SOURCE names the stated ratio TTM operating cash flow disagrees with and the rule it breaks, with the seed lines", () => {
    const parts = source("operating_cash_flow", "TTM", null).split(" | ");
    expect(parts[0]).toMatch(new RegExp(`^${statementRow("Operating Cash Flow").TTM?.written} \\(statement table\\)`));
    expect(parts.find((p) => p.startsWith("DISAGREES: Operating cash flow to net income TTM"))).toContain(`stated at seeds/${HK_PAGE} line ${lineOf(HK_PAGE, "operating cash flow to net income ratio is 0.32")}`);
    expect(parts.filter((p) => p.startsWith("IMPLAUSIBLE TTM: Free cash flow "))).toHaveLength(1);
  });

  it("the shared library's audit of =KC.MARGIN(\"fcf\",\"TTM\") says that TTM free cash flow equals operating cash flow", () => {
    const [entry] = library.auditFormula('=KC.MARGIN("fcf","TTM")', undefined, library.statedIndex(library.dataset.reconciliations));
    expect(entry?.status).toBe("value");
    const flags = entry?.status === "value" ? entry.flags : [];
    expect(flags.filter((f) => "rule" in f).map((f) => "rule" in f && [f.rule, f.period, f.status])).toEqual([["fcf_below_ocf", "TTM", "fails"]]);
    expect(flags.map((f) => ("rule" in f ? f.note : f.note)).join(" ")).toMatch(/Free cash flow 3\.33B is not below operating cash flow 3\.33B/);
  });

  it("a figure whose checks pass answers as before", () => {
    expect(source("gross_profit", 2024, null).split(" | ")).toHaveLength(1);
  });
});
