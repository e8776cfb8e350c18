import core from "../src/data/core.json";
import text from "../src/data/text.json";
import { unpack } from "../src/data/unpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loader = require("../scripts/pack-json-loader.js") as { pack: (value: unknown) => { s: string[]; v: unknown } };

describe("the dataset ships packed and unpacks to exactly what was committed", () => {
  it.each([["core.json", core], ["text.json", text]])("%s round-trips", (_name, data) => {
    const packed = loader.pack(data);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(data).length * 0.85);
    expect(unpack(JSON.parse(JSON.stringify(packed)))).toEqual(data);
  });

  it("keeps records with missing keys, nulls and nested tables", () => {
    const sample = { rows: [{ a: 1, b: null }, { a: "repeated", c: [{ x: "repeated" }, { y: "repeated" }] }], s: "repeated" };
    expect(unpack(loader.pack(sample) as { s: string[]; v: unknown })).toEqual(sample);
  });

  it("refuses a string that would read as a reference", () => {
    expect(() => loader.pack({ a: "^1" })).toThrow(/may not start/);
  });
});
