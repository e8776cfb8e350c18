/**
 * Remembered answers: computed once per argument list, and bounded by count and by size, the least recently used
 * forgotten first. Sizes are counted (calls made, entries and estimated bytes held, heap retained), never timed.
 */
import v8 from "v8";
import vm from "vm";
import { AnswerCache, MAX_BYTES, MAX_ENTRIES } from "../src/functions/answer-cache";
import { estimateBytes } from "../src/functions/estimate-bytes";
import { memoize } from "../src/functions/answer-memo";
import { ArgumentMemo } from "../src/data/argument-memo";
import { KC_NAMES, SPEC } from "../src/data/spec";
import { loadFunctions } from "./support/load-functions";

/** Excel's longest text: the size of key a hostile or careless sheet can pass. */
const LONGEST_TEXT = 32_767;
const longText = (i: number) => `${String(i).padStart(8, "0")}${"y".repeat(LONGEST_TEXT - 8)}`;

/** A function that counts how often it really runs. */
function counted() {
  const runs: unknown[] = [];
  return { runs, fn: (...args: unknown[]) => (runs.push(args[0]), `answer ${String(args[0]).slice(0, 8)}`) };
}

describe("remembered answers", () => {
  it("computes once per argument list, telling types apart, and passes trailing omitted arguments as omitted", () => {
    const seen: unknown[][] = [];
    const f = memoize((...args: unknown[]) => {
      seen.push(args);
      return args.map(String).join("|");
    });
    expect(f(2024, null)).toBe("2024");
    expect(f(2024, null)).toBe("2024");
    expect(f("2024", null)).toBe("2024");
    expect(f(2024, "")).toBe("2024|");
    expect(f(null, 2024)).toBe("null|2024");
    expect(seen).toEqual([[2024], ["2024"], [2024, ""], [null, 2024]]);
  });

  it("lets trailing omitted arguments share the shorter call's entry", () => {
    let calls = 0;
    const f = memoize(() => ++calls);
    f(2024, null, null);
    f(2024, undefined);
    f(2024);
    expect(calls).toBe(1);
  });

  it("never remembers calls with ranges, which Excel passes as fresh arrays, wherever the range is", () => {
    const cache = new AnswerCache();
    let calls = 0;
    const f = memoize(() => ++calls, cache);
    f([[1]]);
    f([[1]]);
    f("revenue", [[2024]]);
    f("revenue", [[2024]]);
    expect(calls).toBe(4);
    expect(cache.entries).toBe(0);
  });
});

describe("bounded by count and by size", () => {
  it("holds at most its number of entries, forgetting the oldest", () => {
    const cache = new AnswerCache(3, MAX_BYTES);
    const { runs, fn } = counted();
    const f = memoize(fn, cache);
    for (let i = 1; i <= 10; i++) f(i);
    expect(cache.entries).toBe(3);
    runs.length = 0;
    [8, 9, 10].forEach((i) => f(i));
    expect(runs).toEqual([]);
    f(1);
    expect(runs).toEqual([1]);
  });

  it("keeps the recently used: an answer read again outlives answers stored after it", () => {
    const cache = new AnswerCache(3, MAX_BYTES);
    const { runs, fn } = counted();
    const f = memoize(fn, cache);
    [1, 2, 3].forEach((i) => f(i));
    f(1); // now the most recently used
    f(4); // forgets 2, the least recently used
    runs.length = 0;
    [1, 3, 4].forEach((i) => f(i));
    expect(runs).toEqual([]);
    f(2);
    expect(runs).toEqual([2]);
  });

  it("holds at most its bytes: a few calls with 32,767-character text fill it, and the latest stay", () => {
    const bound = 1024 * 1024;
    const cache = new AnswerCache(1000, bound);
    const { runs, fn } = counted();
    const f = memoize(fn, cache);
    for (let i = 0; i < 100; i++) f(longText(i), "FY2024");
    expect(cache.bytes).toBeLessThanOrEqual(bound);
    // Each entry is counted at two bytes a character and a little more, so a 1 MiB bound holds about 15, not 100.
    expect(cache.entries).toBeGreaterThan(10);
    expect(cache.entries).toBeLessThan(bound / (2 * LONGEST_TEXT));
    expect(cache.entries * 2 * LONGEST_TEXT).toBeLessThan(cache.bytes);
    runs.length = 0;
    f(longText(99), "FY2024");
    f(longText(0), "FY2024");
    expect(runs.length).toBe(1);
  });

  it("counts what an answer holds: text, grids and error objects by their contents", () => {
    expect(estimateBytes(7790)).toBe(8);
    expect(estimateBytes("x".repeat(1000))).toBe(16 + 2000);
    expect(estimateBytes([[1, 2], [3, 4]])).toBe(32 + 2 * (8 + 32 + 2 * (8 + 8)));
    expect(estimateBytes({ code: "#N/A", message: "m".repeat(100) })).toBe(32 + 8 + 16 + 8 + 8 + 16 + 200);
    // A card's attribution text sits six levels below the value: value, properties, property, metadata, attribution list, attribution.
    const quote = "q".repeat(500);
    const card = { type: "Double", basicValue: 1, properties: { Quote: { type: "String", basicValue: "x", propertyMetadata: { attribution: [{ sourceText: quote }] } } } };
    expect(estimateBytes(card)).toBeGreaterThan(2 * quote.length);
  });

  it("does not remember an answer larger than the whole bound", () => {
    const cache = new AnswerCache(10, 10_000);
    const { runs, fn } = counted();
    const f = memoize(fn, cache);
    f("small");
    f(longText(1));
    f(longText(1));
    expect(runs.length).toBe(3);
    expect(cache.entries).toBe(1);
  });

  it("is shared by functions, each forgetting its own answers when the others crowd them out", () => {
    const cache = new AnswerCache(2, MAX_BYTES);
    const first = counted();
    const second = counted();
    const f = memoize(first.fn, cache);
    const g = memoize(second.fn, cache);
    f("a", "b");
    g("a", "b");
    g("c");
    expect(cache.entries).toBe(2);
    f("a", "b");
    g("c");
    expect(first.runs).toEqual(["a", "a"]);
    expect(second.runs).toEqual(["a", "c"]);
  });
});

describe("parsed-argument memo", () => {
  it("does not keep text longer than any name, which nothing reads as one", () => {
    const memo = new ArgumentMemo<string>();
    let runs = 0;
    const parse = (key: string) => memo.get(key, () => (runs++, key.slice(0, 3)));
    parse("revenue");
    parse("revenue");
    parse(longText(1));
    parse(longText(1));
    expect(runs).toBe(3);
  });
});

describe("the shipped functions' memory, through dist/functions.js", () => {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  const heapAfter = (work: () => void): number => {
    gc();
    const before = process.memoryUsage().heapUsed;
    work();
    gc();
    return process.memoryUsage().heapUsed - before;
  };
  const MiB = 1024 * 1024;

  it(`retains at most its byte bound (${MAX_BYTES / MiB} MiB) after 2,000 calls with distinct 32,767-character text`, () => {
    const revenue = loadFunctions().registered.get("REVENUE") as (...a: unknown[]) => unknown;
    const retained = heapAfter(() => {
      for (let i = 0; i < 2000; i++) revenue(longText(i), null, null);
    });
    expect(retained).toBeLessThan(MAX_BYTES);
    // Used after the measurement, so the bundle and all it holds were alive while it was measured.
    expect(revenue(2024, null, null)).toBe(7790);
  });

  it("retains nothing for 50,000 calls with a range after distinct text", () => {
    const figure = loadFunctions().registered.get("FIGURE") as (...a: unknown[]) => unknown;
    const retained = heapAfter(() => {
      for (let i = 0; i < 50_000; i++) figure(`m${i}`, [[2024]], null, null);
    });
    expect(retained).toBeLessThan(4 * MiB);
    expect(figure("revenue", 2024, null, null)).toBe(7790);
  });

  it(`forgets the least recently used answer after ${MAX_ENTRIES.toLocaleString("en")} newer ones, keeps one read again since, and answers alike`, () => {
    const { registered } = loadFunctions();
    const call = (id: string, ...args: unknown[]) => (registered.get(id) as (...a: unknown[]) => unknown)(...args);
    const examples = KC_NAMES.map((name) => [name, ...SPEC[name].example, ...Array(SPEC[name].params.length - SPEC[name].example.length).fill(null)] as const);
    const before = examples.map(([name, ...args]) => call(name, ...args));
    // A spilled grid is remembered as one array: the same array back means remembered, a new one means recomputed.
    const old = call("HISTORY", "revenue", 2020, 2024, null, null);
    const kept = call("HISTORY", "revenue", 2021, 2024, null, null);
    const fill = (from: number, count: number) => {
      for (let i = from; i < from + count; i++) call("REVENUE", 3000 + i / 2, null, null);
    };
    fill(0, MAX_ENTRIES / 2);
    expect(call("HISTORY", "revenue", 2021, 2024, null, null)).toBe(kept);
    fill(MAX_ENTRIES, (MAX_ENTRIES * 3) / 4);
    expect(call("HISTORY", "revenue", 2021, 2024, null, null)).toBe(kept);
    const again = call("HISTORY", "revenue", 2020, 2024, null, null);
    expect(again).not.toBe(old);
    expect(again).toEqual(old);
    expect(examples.map(([name, ...args]) => call(name, ...args))).toEqual(before);
  });
});
