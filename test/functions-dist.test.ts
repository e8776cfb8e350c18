/** The shipped dist/functions.js, evaluated where the only global is CustomFunctions, called the way Excel calls it. */
import { KC_NAMES, SPEC } from "../src/data/spec";
import { StubError } from "./support/custom-functions-stub";
import { functionsMetadata, loadFunctions } from "./support/load-functions";
import { filing, statementPeriods, statementRow } from "./support/seed-tables";

const { registered } = loadFunctions();
const metadata = functionsMetadata();
const call = (id: string, ...args: unknown[]) => {
  const fn = registered.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  return fn(...args);
};

describe("dist/functions.js in a bare context", () => {
  it("registers exactly the functions functions.json lists, which are the spec's", () => {
    expect([...registered.keys()].sort()).toEqual(metadata.map((f) => f.id).sort());
    expect(metadata.map((f) => f.name).sort()).toEqual([...KC_NAMES].sort());
    expect(metadata.map((f) => f.id)).toEqual(metadata.map((f) => f.name));
  });

  it.each(KC_NAMES)("declares %s as the spec does: parameters in order, optionals, result shape", (name) => {
    const entry = metadata.find((f) => f.name === name);
    const spec = SPEC[name];
    expect(entry?.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`)).toEqual(spec.params.map((p) => `${p.name}${p.optional ? "?" : ""}`));
    const result = entry?.result ?? {};
    if (spec.returns === "grid") expect(result.dimensionality).toBe("matrix");
    else expect({ type: result.type ?? "any", dimensionality: result.dimensionality ?? "scalar" }).toEqual({ type: { number: "number", text: "string", any: "any" }[spec.returns], dimensionality: "scalar" });
    expect(JSON.stringify(entry)).not.toMatch(/"volatile":true/);
    expect((entry as unknown as { helpUrl?: string }).helpUrl).toMatch(new RegExp(`^https://.+#kc-${name.toLowerCase()}$`));
  });

  it.each(KC_NAMES)("answers the spec's example call of %s with a value", (name) => {
    const args = [...SPEC[name].example, ...Array(SPEC[name].params.length - SPEC[name].example.length).fill(null)];
    const answer = call(name, ...args);
    expect(answer).not.toBeInstanceOf(StubError);
    expect(answer === null || answer === undefined || (typeof answer === "number" && !Number.isFinite(answer))).toBe(false);
  });

  it("answers the contract's examples with omitted optionals as null and years as numbers", () => {
    const revenue = statementRow("Total Revenue");
    expect(call("REVENUE", "2024", null, null)).toBe(revenue.FY2024?.value);
    expect(call("REVENUE", 2024, null, null)).toBe(revenue.FY2024?.value);
    expect(call("REVENUE", "TTM", null, null)).toBe(revenue.TTM?.value);
    expect(call("MARGIN", "gross", "2024") as number).toBeCloseTo((statementRow("Gross Profit").FY2024?.value as number) / (revenue.FY2024?.value as number), 12);
    expect(call("REVENUE", "2024", "USD", null)).toBe(filing(2024).revenue.value);
    expect(call("FIGURE", "eps", "2024", "USD", null)).toBe(filing(2024).eps.value);
  });

  it("returns #N/A with a message for a period the dataset lacks", () => {
    const result = call("REVENUE", "2019", null, null) as StubError;
    expect(result).toBeInstanceOf(StubError);
    expect(result.code).toBe("#N/A");
    expect(result.message).toContain(`Available: ${statementPeriods().slice(-1)[0]}`);
  });

  it("returns #VALUE! with a message for a bad argument", () => {
    const result = call("FIGURE", "revenu", 2024, null, null) as StubError;
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toMatch(/Did you mean "revenue"/);
  });

  it("spills rectangular grids", () => {
    const grid = call("STATEMENT", "balance", null, null) as unknown[][];
    expect(grid.length).toBe(6);
    expect(new Set(grid.map((row) => row.length))).toEqual(new Set([7]));
    const revenue = statementRow("Total Revenue");
    expect(call("HISTORY", "revenue", 2020, 2024, null, null)).toEqual([[2020, 2021, 2022, 2023, 2024].map((y) => revenue[`FY${y}`]?.value)]);
  });
});
