import { memoize } from "../src/functions/memo";

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

  it("never remembers calls with ranges, which Excel passes as fresh arrays", () => {
    let calls = 0;
    const f = memoize(() => ++calls);
    f([[1]]);
    f([[1]]);
    expect(calls).toBe(2);
  });

  it("forgets everything when full, so memory stays bounded", () => {
    let calls = 0;
    const f = memoize((x: unknown) => (calls++, x), 3);
    [1, 2, 3, 4].forEach((x) => f(x));
    f(1);
    expect(calls).toBe(5);
  });
});
