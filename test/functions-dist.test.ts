/** The shipped dist/functions.js, evaluated where the only global is CustomFunctions, called the way Excel calls it. */
import { StubError } from "./support/custom-functions-stub";
import { functionsMetadata, loadFunctions } from "./support/load-functions";

const { registered } = loadFunctions();
const metadata = functionsMetadata();
const call = (id: string, ...args: unknown[]) => {
  const fn = registered.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  return fn(...args);
};

describe("dist/functions.js in a bare context", () => {
  it("registers exactly the functions functions.json lists", () => {
    expect([...registered.keys()].sort()).toEqual(metadata.map((f) => f.id).sort());
    expect(metadata.map((f) => f.name).sort()).toEqual(
      ["ASOF", "CAGR", "CONFLICTS", "FILING", "FX", "GROWTH", "INFO", "MARGIN", "PERIODS", "RATIO", "REVENUE", "SERIES", "SOURCE", "STATEMENT", "VALUE"],
    );
  });

  it("declares the contract's parameters, optionals last, with help and no volatile function", () => {
    const params = (name: string) => metadata.find((f) => f.name === name)?.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`);
    expect(params("REVENUE")).toEqual(["period", "currency?", "units?"]);
    expect(params("VALUE")).toEqual(["metric", "period", "currency?", "units?"]);
    expect(params("GROWTH")).toEqual(["metric", "period", "base_period?"]);
    expect(params("SERIES")).toEqual(["metric", "from_period", "to_period", "currency?", "units?"]);
    expect(params("STATEMENT")).toEqual(["name", "currency?", "units?"]);
    for (const f of metadata) {
      expect(JSON.stringify(f)).not.toMatch(/"volatile":true/);
      expect((f as unknown as { helpUrl?: string }).helpUrl).toMatch(/^https:\/\/.+#kc-/);
    }
  });

  it("answers the contract's examples with omitted optionals as null and years as numbers", () => {
    expect(call("REVENUE", "2024", null, null)).toBe(7790);
    expect(call("REVENUE", 2024, null, null)).toBe(7790);
    expect(call("REVENUE", "TTM", null, null)).toBe(9020);
    expect(call("MARGIN", "gross", "2024") as number).toBeCloseTo(0.172, 3);
    expect(call("REVENUE", "2024", "USD", null)).toBe(1080);
    expect(call("VALUE", "eps", "2024", "USD", null)).toBe(-1.13);
  });

  it("returns #N/A with a message for a period the dataset lacks", () => {
    const result = call("REVENUE", "2019", null, null) as StubError;
    expect(result).toBeInstanceOf(StubError);
    expect(result.code).toBe("#N/A");
    expect(result.message).toMatch(/Available: FY2020/);
  });

  it("returns #VALUE! with a message for a bad argument", () => {
    const result = call("VALUE", "revenu", 2024, null, null) as StubError;
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toMatch(/Did you mean "revenue"/);
  });

  it("spills rectangular grids", () => {
    const grid = call("STATEMENT", "balance", null, null) as unknown[][];
    expect(grid.length).toBe(6);
    expect(new Set(grid.map((row) => row.length))).toEqual(new Set([7]));
    expect(call("SERIES", "revenue", 2020, 2024, null, null)).toEqual([[6580, 9060, 8180, 7050, 7790]]);
  });
});
