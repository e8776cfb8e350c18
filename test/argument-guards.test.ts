/**
 * Arguments that look valid but would answer a plausible wrong number are refused with #VALUE! saying what to write
 * instead: periods in the wrong order, periods of different lengths, units given as a number. Checked through the
 * shipped dist/functions.js, as Excel calls it, and through the library the task pane runs.
 */
import "../src/functions/share-library"; // the pane reads the library functions.js publishes, as on the page
import { KC } from "../src/data/kc";
import { SPEC, KC_NAMES, type Choices } from "../src/data/spec";
import { BUILDER } from "../src/taskpane/builder-spec";
import { StubError } from "./support/custom-functions-stub";
import { loadFunctions } from "./support/load-functions";

const { registered } = loadFunctions();
const call = (id: string, ...args: unknown[]) => (registered.get(id) as (...a: unknown[]) => unknown)(...args);

/** The #VALUE! message of a call, or a description of what came back instead. */
function refusal(id: string, ...args: unknown[]): string {
  const answer = call(id, ...args);
  if (answer instanceof StubError && answer.code === "#VALUE!") return answer.message ?? "";
  return `not #VALUE!: ${answer instanceof StubError ? `${answer.code} ${answer.message}` : JSON.stringify(answer)}`;
}

describe("two periods in the wrong order", () => {
  it("refuses a growth base after the period, naming both and the call that computes growth from the first to the second", () => {
    const message = refusal("GROWTHRATE", "revenue", 2020, 2024, null);
    expect(message).toBe(
      'The base period (FY2024) must come before the period (FY2020): growth runs from base_period to period, so for growth from FY2020 to FY2024 write =KC.GROWTHRATE("revenue", "FY2024", "FY2020").',
    );
    // The call the message proposes answers the growth from 2020 to 2024.
    expect(call("GROWTHRATE", "revenue", "FY2024", "FY2020")).toBeCloseTo(7790 / 6580 - 1, 9);
    expect(refusal("GROWTHRATE", "revenue", "FY2024", "TTM")).toMatch(/^The base period \(TTM \(to Sep 30, 2025\)\) must come before the period \(FY2024\)/);
  });

  it("refuses a growth base equal to the period instead of answering 0", () => {
    expect(refusal("GROWTHRATE", "revenue", 2024, "FY2024")).toBe(
      "The period and the base period are both FY2024: growth needs a base period before the period (or none, for the year before).",
    );
  });

  it("refuses growth between a quarter and a twelve-month period, either way round", () => {
    expect(refusal("GROWTHRATE", "revenue", "Q3 2025", 2024)).toMatch(/^Growth compares periods of the same length: Q3 2025 is a quarter, the base period FY2024 twelve months\./);
    expect(refusal("GROWTHRATE", "revenue", "TTM", "Q2 2025")).toMatch(/^Growth compares periods of the same length: TTM \(to Sep 30, 2025\) is twelve months, the base period Q2 2025 a quarter\./);
  });

  it("still computes growth against an earlier base of the same length, and against the year before by default", () => {
    expect(call("GROWTHRATE", "revenue", 2024, 2020)).toBeCloseTo(7790 / 6580 - 1, 9);
    expect(call("GROWTHRATE", "revenue", "TTM", "FY2024")).toBeCloseTo(9020 / 7790 - 1, 9);
    expect(call("GROWTHRATE", "revenue", 2024, null)).toBeCloseTo(7790 / 7050 - 1, 9);
  });

  it("refuses a CAGR that runs backwards or over no time, naming both years", () => {
    expect(refusal("CAGR", "revenue", 2024, 2020)).toBe(
      'The from_period (FY2024) must come before the to_period (FY2020): CAGR runs from the earlier fiscal year to the later, e.g. =KC.CAGR("revenue", "FY2020", "FY2024").',
    );
    expect(refusal("CAGR", "revenue", "FY2024", 2024)).toBe("CAGR needs two different fiscal years: from_period and to_period are both FY2024.");
    expect(refusal("CAGR", "Total Assets", "FY-1", "FY-3")).toMatch(/, e\.g\. =KC\.CAGR\("total_assets", "FY\d{4}", "FY\d{4}"\)\.$/);
    expect(call("CAGR", "revenue", 2020, 2024)).toBeCloseTo(Math.pow(7790 / 6580, 1 / 4) - 1, 9);
  });

  it("refuses a history that runs backwards, naming both years, and spills a single year", () => {
    expect(refusal("HISTORY", "revenue", 2024, 2020, null, null)).toBe(
      'The from_period (FY2024) comes after the to_period (FY2020): a history runs oldest to newest, e.g. =KC.HISTORY("revenue", "FY2020", "FY2024").',
    );
    expect(call("HISTORY", "revenue", 2024, "FY2024", null, null)).toEqual([[7790]]);
  });

  it("gives the task pane's library the same refusals", () => {
    expect(KC.GROWTHRATE("revenue", 2020, 2024)).toMatchObject({ ok: false, code: "invalid", reason: { kind: "baseNotBefore", period: "FY2020", base: "FY2024" } });
    expect(KC.CAGR("revenue", 2024, 2020)).toMatchObject({ ok: false, code: "invalid", reason: { kind: "cagrOrder", from: "FY2024", to: "FY2020" } });
    expect(KC.HISTORY("revenue", 2024, 2020, null, null)).toMatchObject({ ok: false, code: "invalid", reason: { kind: "seriesOrder", from: "FY2024", to: "FY2020" } });
  });
});

describe("units given as a number", () => {
  it("refuses =KC.REVENUE(2024,,1) instead of answering 7,790,000,000, listing the named units", () => {
    expect(refusal("REVENUE", 2024, null, 1)).toBe(
      "Units are named, not numbered: 1 could mean ones or millions. Valid: units, K, thousands, M, millions, B, billions (millions when omitted).",
    );
  });

  it.each([0, 1, 1000, 1e6, 0.001, -1])("refuses the number %p as units in every function that takes units", (units) => {
    expect(refusal("REVENUE", 2024, null, units)).toMatch(/^Units are named, not numbered/);
    expect(refusal("FIGURE", "revenue", 2024, null, units)).toMatch(/^Units are named, not numbered/);
    expect(refusal("HISTORY", "revenue", 2020, 2024, null, units)).toMatch(/^Units are named, not numbered/);
    expect(refusal("STATEMENT", "income", null, units)).toMatch(/^Units are named, not numbered/);
  });

  it('refuses the text "1" too, which is as ambiguous as the number', () => {
    expect(refusal("REVENUE", 2024, null, "1")).toMatch(/^Unknown units "1"\. .*Valid: units, K, thousands, M, millions, B, billions\.$/);
  });

  it("reads every unit the formula builder offers, by name", () => {
    const offered = BUILDER.REVENUE.find((p) => p.name === "units")?.choices.map(([value]) => value) ?? [];
    expect(offered).toEqual(["", "B", "K", "units"]);
    expect(offered.map((units) => call("REVENUE", 2024, null, units === "" ? null : units))).toEqual([7790, 7.79, 7790000, 7790000000]);
  });
});

/** Arguments whose numbers are years; every other argument names something. */
const PERIOD_CHOICES: ReadonlySet<Choices> = new Set<Choices>(["period", "base_period", "fiscal_year", "fiscal_year_or_ttm", "fx_period"]);

describe("numbers where a name belongs", () => {
  const cases = KC_NAMES.flatMap((name) =>
    SPEC[name].params.flatMap((param, index) => (PERIOD_CHOICES.has(param.choices) ? [] : [[name, param.name, index] as const])),
  );

  it("covers every argument that names something", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)("KC.%s refuses the number 1 as its %s", (name, _param, index) => {
    const args: unknown[] = [...SPEC[name].example, ...Array(SPEC[name].params.length - SPEC[name].example.length).fill(null)];
    args[index] = 1;
    expect(refusal(name, ...args)).toMatch(/must be text, not 1\.$|^Units are named, not numbered: 1 /);
  });
});
