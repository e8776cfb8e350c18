/**
 * A refused argument and a fault are told apart: a Result miss keeps its message and is not a fault; an exception is
 * counted, kept among the last few and reported with console.error, and the cell still gets #VALUE! with a message.
 */
import { faults } from "../src/functions/faults";
import { guarded } from "../src/functions/to-excel";
import { miss } from "../src/data/reasons";
import { StubError } from "./support/custom-functions-stub";

describe("faults in custom functions", () => {
  let errors: unknown[][];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    errors = [];
    spy = jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args));
  });
  afterEach(() => spy.mockRestore());

  it("returns a refusal with its own message and records no fault", () => {
    const before = faults().count;
    expect(guarded("REVENUE", ["FY1999"], () => miss({ kind: "noFigure", label: "Total revenue", period: "FY1999", available: [] }))).toEqual(new StubError("#N/A", "No Total revenue for FY1999."));
    expect(guarded("REVENUE", ["x"], () => miss({ kind: "badPeriod", value: "x", year: 2031, quarter: null }))).toEqual(new StubError("#VALUE!", expect.stringMatching(/^Cannot read "x" as a period\./)));
    expect(faults().count).toBe(before);
    expect(errors).toEqual([]);
  });

  it("turns an exception into #VALUE! with a message, counts it and reports which call raised it", () => {
    const before = faults().count;
    const result = guarded("MARGIN", ["gross", 2024], () => {
      throw new RangeError("index out of range");
    });
    expect(result).toEqual(new StubError("#VALUE!", "KC internal error: RangeError: index out of range"));
    expect(faults().count).toBe(before + 1);
    expect(faults().recent.at(-1)).toEqual({ name: "MARGIN", args: '"gross", 2024', message: "RangeError: index out of range" });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.[0]).toBe(`KC fault ${before + 1} in KC.MARGIN("gross", 2024): RangeError: index out of range`);
  });

  it("keeps only the last 20 faults while counting all of them", () => {
    const before = faults().count;
    for (let i = 0; i < 25; i++) guarded("RATIO", [i], () => { throw new Error(`fault ${i}`); });
    expect(faults().count).toBe(before + 25);
    expect(faults().recent).toHaveLength(20);
    expect(faults().recent.map((fault) => fault.message)).toEqual(Array.from({ length: 20 }, (_, i) => `Error: fault ${i + 5}`));
  });

  it("reports a thrown non-Error and arguments that cannot be rendered without throwing again", () => {
    const hostile = { toString: () => { throw new Error("no"); } };
    expect(guarded("FIGURE", [hostile, "x".repeat(100)], () => { throw "plain text"; })).toEqual(new StubError("#VALUE!", "KC internal error: plain text"));
    expect(faults().recent.at(-1)).toEqual({ name: "FIGURE", args: `object, "${"x".repeat(39)}…`, message: "plain text" });
  });
});
