import { parsePeriod } from "../src/data/periods";

const id = (input: unknown) => {
  const r = parsePeriod(input);
  return r.ok ? r.value.id : r.code;
};

describe("periods as analysts type them", () => {
  it.each([
    ["2024", "FY2024"], [2024, "FY2024"], ["FY2024", "FY2024"], ["fy24", "FY2024"], ["  FY 2023 ", "FY2023"],
    ["TTM", "TTM"], ["ltm", "TTM"], ["Q3 2025", "Q3-2025"], ["3Q25", "Q3-2025"], ["2025Q3", "Q3-2025"], ["Q3-2025", "Q3-2025"],
    ["q2 2025", "Q2-2025"], ["FY0", "FY2024"], ["FY-1", "FY2023"], ["FY-4", "FY2020"], [[[2022]], "FY2022"],
  ])("%p → %s", (input, expected) => {
    expect(id(input)).toBe(expected);
  });

  it("says which periods exist when the dataset lacks one", () => {
    const r = parsePeriod("2019");
    expect(r).toEqual({ ok: false, code: "unavailable", reason: { kind: "noPeriod", value: "2019", period: "FY2019", available: ["FY2020", "FY2021", "FY2022", "FY2023", "FY2024", "Q2-2025", "Q3-2025", "TTM"] } });
    expect(id("FY-5")).toBe("unavailable");
    expect(id("Q1 2025")).toBe("unavailable");
  });

  it("rejects what does not read as a period", () => {
    for (const bad of ["", null, undefined, "next year", 2024.5, true, "FY2024x", "x".repeat(100000)]) {
      const r = parsePeriod(bad);
      expect(r).toMatchObject({ ok: false, code: "invalid", reason: { kind: bad === "" || bad == null ? "required" : "badPeriod" } });
    }
  });
});
