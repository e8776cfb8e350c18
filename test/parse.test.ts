import { parseDate, parseMoney, parseNumber, parsePercent, parseUnits } from "../src/data/parse";

describe("reading figures as the pages write them", () => {
  it.each([
    ["9.02B", 9020, 5, null],
    ["850.17M", 850.17, 0.005, null],
    ["-1.08B", -1080, 5, null],
    ["$1.08B", 1080, 5, "USD"],
    ["RMB628.4M", 628.4, 0.05, "RMB"],
    ["RMB 2.35 billion", 2350, 5, "RMB"],
    ["RMB 728 million", 728, 0.5, "RMB"],
    ["HK$2.802B", 2802, 0.5, "HKD"],
  ])("money %s → %p millions ±%p", (text, value, halfWidth, currency) => {
    const parsed = parseMoney(text);
    expect(parsed.value).toBe(value);
    expect(parsed.precision.halfWidth).toBeCloseTo(halfWidth as number, 12);
    expect(parsed.currency).toBe(currency);
  });

  it("per-share and prices keep their sign wherever the page puts it", () => {
    expect(parseUnits("$-1.13").value).toBe(-1.13);
    expect(parseUnits("-$0.05").value).toBe(-0.05);
    expect(parseUnits("HK$7.50")).toMatchObject({ value: 7.5, currency: "HKD" });
    expect(parseUnits("-$0.00").value).toBe(0);
  });

  it("percentages become fractions, exactly", () => {
    expect(parsePercent("10.5%").value).toBe(0.105);
    expect(parsePercent("-10.78%").value).toBe(-0.1078);
    expect(parsePercent("+91.4pp").value).toBe(0.914);
    expect(parseNumber("1.30")).toMatchObject({ value: 1.3, precision: { halfWidth: 0.005, significantDigits: 3 } });
  });

  it("dates become ISO dates", () => {
    expect(parseDate("May 2, 2022")).toBe("2022-05-02");
    expect(() => parseDate("2022-05-02")).toThrow(/cannot read/);
  });

  it("refuses what it cannot read rather than guessing", () => {
    expect(() => parseMoney("about 9B")).toThrow();
    expect(() => parsePercent("10.5")).toThrow();
  });
});
