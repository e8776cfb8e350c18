import { interval, parseDate, parseMoney, parseNumber, parsePercent, parseUnits, UnparsableFigure } from "../scripts/data/parse";

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
    // A stated zero ("$0.00", Q3 2025 free cash flow) has one significant digit however many zeros it is written with.
    expect(parseNumber("0.00")).toMatchObject({ value: 0, precision: { halfWidth: 0.005, significantDigits: 1 } });
    expect(parseNumber("0.05")).toMatchObject({ value: 0.05, precision: { halfWidth: 0.005, significantDigits: 1 } });
  });

  it("dates become ISO dates", () => {
    expect(parseDate("May 2, 2022")).toBe("2022-05-02");
    expect(() => parseDate("2022-05-02")).toThrow(/cannot read/);
  });

  it("throws an UnparsableFigure, a named error, for what it cannot read", () => {
    let thrown: unknown;
    try {
      parseMoney("n/a");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnparsableFigure);
    expect(thrown).toMatchObject({ name: "UnparsableFigure", message: 'cannot read "n/a" as money' });
  });

  it("refuses what it cannot read rather than guessing", () => {
    expect(() => parseMoney("about 9B")).toThrow();
    expect(() => parsePercent("10.5")).toThrow();
  });
});

describe("money scales: what each suffix and word multiplies by, in millions", () => {
  it.each([
    // text, millions, half of the last stated digit in millions, significant digits
    ["12345", 0.012345, 0.0000005, 5],
    ["5K", 0.005, 0.0005, 1],
    ["628.4 thousand", 0.6284, 0.00005, 4],
    ["3 million", 3, 0.5, 1],
    ["728 m", 728, 0.5, 3],
    ["344.48M", 344.48, 0.005, 5],
    ["2.35 bn", 2350, 5, 3],
    ["9.02 billion", 9020, 5, 3],
    ["0.05B", 50, 5, 1],
    ["1.5T", 1500000, 50000, 2],
  ])("%s → %p millions ±%p, %p significant digits", (text, millions, halfWidth, digits) => {
    const parsed = parseMoney(text as string);
    expect(parsed.value).toBe(millions);
    expect(parsed.precision.halfWidth).toBeCloseTo(halfWidth as number, 15);
    expect(parsed.precision.significantDigits).toBe(digits);
    expect(parsed.precision.stated).toBe(text);
  });

  it("counts trailing zeros as stated digits and leading zeros as not", () => {
    expect(parseMoney("100M").precision.significantDigits).toBe(3);
    expect(parseMoney("100.0M").precision).toMatchObject({ significantDigits: 4, halfWidth: 0.05 });
    expect(parseMoney("0.50B")).toMatchObject({ value: 500, precision: { significantDigits: 2, halfWidth: 5 } });
  });

  it("drops thousands separators and keeps the sign before or after the currency", () => {
    expect(parseMoney("1,234.5M").value).toBe(1234.5);
    expect(parseMoney("$-1.08B")).toMatchObject({ value: -1080, currency: "USD" });
    expect(parseMoney("-US$1.08B")).toMatchObject({ value: -1080, currency: "USD" });
    expect(parseMoney("+RMB 2.35 billion")).toMatchObject({ value: 2350, currency: "RMB" });
    expect(parseMoney("-0.00M").value).toBe(0);
    expect(Object.is(parseMoney("-0.00M").value, -0)).toBe(false);
  });

  it("ignores spaces around the figure", () => {
    expect(parseMoney(" $1.08B ")).toMatchObject({ value: 1080, currency: "USD", precision: { stated: "$1.08B" } });
  });

  it("refuses a scale it does not know instead of reading millions", () => {
    for (const text of ["9.02b", "9.02 bil", "9.02 lakh", "9.02BB", "B", "$", "9.02.1M"]) expect(() => parseMoney(text)).toThrow(/cannot read ".*" as money/);
  });
});

describe("the other figure forms", () => {
  it("reads a price in units of its currency, thousands separators and all", () => {
    expect(parseUnits("$1,234.50")).toMatchObject({ value: 1234.5, currency: "USD", precision: { stated: "$1,234.50", significantDigits: 6, halfWidth: 0.005 } });
    expect(parseUnits("US$0.05")).toMatchObject({ value: 0.05, currency: "USD", precision: { significantDigits: 1 } });
    expect(parseUnits("RMB 3")).toMatchObject({ value: 3, currency: "RMB", precision: { halfWidth: 0.5 } });
    expect(() => parseUnits("$1.08B")).toThrow(/cannot read "\$1\.08B" as an amount/);
    expect(() => parseUnits("$about 1.13")).toThrow(/as an amount/);
  });

  it("reads percentages and percentage points with their sign and precision", () => {
    expect(parsePercent("-8.5pp")).toMatchObject({ value: -0.085, currency: null, precision: { significantDigits: 2, halfWidth: 0.0005 } });
    expect(parsePercent(" 17.2 % ")).toMatchObject({ value: 0.172, precision: { stated: "17.2 %", halfWidth: 0.0005 } });
    expect(parsePercent("100%").value).toBe(1);
    expect(() => parsePercent("ten%")).toThrow(/cannot read "ten%" as a percentage/);
    for (const text of ["about 10%", "10%x"]) expect(() => parsePercent(text)).toThrow(/as a percentage/);
  });

  it("reads plain numbers with their sign", () => {
    expect(parseNumber("-3")).toMatchObject({ value: -3, currency: null, precision: { significantDigits: 1, halfWidth: 0.5 } });
    expect(parseNumber("+1,234")).toMatchObject({ value: 1234, precision: { significantDigits: 4 } });
    expect(() => parseNumber("1.3x")).toThrow(/cannot read "1\.3x" as a number/);
    expect(() => parseNumber("x1.3")).toThrow(/as a number/);
    expect(parseNumber(" 492 ")).toMatchObject({ value: 492, precision: { stated: "492" } });
  });

  it("reads every month's abbreviation", () => {
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    expect(months.map((m, i) => parseDate(`${m} ${i + 1}, 2025`))).toEqual(months.map((_, i) => `2025-${String(i + 1).padStart(2, "0")}-${String(i + 1).padStart(2, "0")}`));
    expect(parseDate(" Dec 31,2024 ")).toBe("2024-12-31");
    expect(() => parseDate("Sept 5, 2025")).toThrow(/cannot read "Sept 5, 2025" as a date/);
    expect(parseDate("May  2,  2022")).toBe("2022-05-02");
    for (const text of ["Jly 5, 2025", "May 2, 2022x", "On May 2, 2022"]) expect(() => parseDate(text)).toThrow(/as a date/);
  });
});

describe("the interval a stated figure stands for", () => {
  it("is the value plus or minus half its last digit", () => {
    const revenue = parseMoney("9.02B");
    expect(interval(revenue.value, revenue.precision)).toEqual([9015, 9025]);
    const gain = parsePercent("+91.4pp");
    const [low, high] = interval(gain.value, gain.precision);
    expect(low).toBeCloseTo(0.9135, 12);
    expect(high).toBeCloseTo(0.9145, 12);
    const loss = parseMoney("-1.08B");
    expect(interval(loss.value, loss.precision)).toEqual([-1085, -1075]);
  });

  it("keeps a signed zero on its own side of zero, and an unsigned zero on both", () => {
    const negative = parseUnits("-$0.00");
    expect(interval(negative.value, negative.precision)).toEqual([-0.005, 0]);
    const positive = parsePercent("+0.0%");
    expect(interval(positive.value, positive.precision)).toEqual([0, 0.0005]);
    const signedAfter = parseUnits("$-0.00");
    expect(interval(signedAfter.value, signedAfter.precision)).toEqual([-0.005, 0]);
    const unsigned = parseUnits("$0.00");
    expect(interval(unsigned.value, unsigned.precision)).toEqual([-0.005, 0.005]);
  });
});
