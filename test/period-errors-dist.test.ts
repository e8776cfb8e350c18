/**
 * One rule for a period in every KC function of the shipped bundle, however it arrives: typed as a number, as text, as
 * "FY" text, or read from a cell. What cannot be read as a period is #VALUE!; a well-formed period the dataset lacks is
 * #N/A naming the periods it has (KC.FILING: the filings it has). The Excel error comes from the registered function;
 * the reason from the library the same bundle publishes, whose words the cell shows.
 */
import type { Library } from "../src/data/library";
import type { Reason } from "../src/data/reasons";
import { KC_NAMES, SPEC, type KcName } from "../src/data/spec";
import { StubError } from "./support/custom-functions-stub";
import { dataset, LATEST_QUARTER, LATEST_YEAR } from "./support/dataset";
import { loadFunctions } from "./support/load-functions";

const { registered, context } = loadFunctions();
const library = (context as unknown as { kcLibrary: Library }).kcLibrary;

const PERIOD_CHOICES = new Set(["period", "base_period", "fiscal_year", "fiscal_year_or_ttm", "fx_period"]);
const periodIds = dataset.periods.map((p) => p.id);
const filingYears = dataset.filings.map((f) => f.fiscalYear).sort();

/** Every period parameter of every function, with the spec's example call to put a period into. */
const slots = KC_NAMES.flatMap((name) =>
  SPEC[name].params.flatMap((p, index) => (PERIOD_CHOICES.has(p.choices) ? [{ name, index, label: `${name}(${p.name})` }] : [])),
);

function callWith(name: KcName, index: number, period: unknown): unknown[] {
  const args: unknown[] = [...SPEC[name].example, ...Array<null>(SPEC[name].params.length - SPEC[name].example.length).fill(null)];
  args[index] = period;
  return args;
}

/** A year typed four ways, and as a cell that holds a number data type (CustomFunctionsRuntime 1.4). */
const typings = (year: number | string) => ({
  number: Number(year),
  text: String(year),
  fyText: `FY${year}`,
  cell: [[Number(year)]],
});

type Seen = { error: string; reason: Omit<Reason, "value"> & { value?: unknown } };

function seen(name: KcName, index: number, period: unknown): Seen {
  const args = callWith(name, index, period);
  const answer = registered.get(name)?.(...args);
  const result = library.KC[name](...args);
  if (!(answer instanceof StubError) || result.ok) throw new Error(`${name}(${JSON.stringify(args)}) answered ${JSON.stringify(answer)}`);
  // The cell shows the words of the reason the library gives for the same call.
  expect(answer.message).toBe(library.explain(result.reason));
  // The typed value is echoed as typed (2019 or "2019"); the rest of the reason must not depend on how it was typed.
  const reason: Record<string, unknown> = { ...result.reason };
  delete reason.value;
  return { error: answer.code, reason: reason as Seen["reason"] };
}

/** What each typing gave, and the one answer they must all share. */
function sweep(name: KcName, index: number, year: number | string): { all: Record<string, Seen>; first: Seen } {
  const all = Object.fromEntries(Object.entries(typings(year)).map(([how, period]) => [how, seen(name, index, period)]));
  const rich = registered.get(name)?.(...callWith(name, index, { type: "Double", basicValue: Number(year) })) as StubError;
  all.dataTypeCell = { error: rich.code, reason: all.number?.reason as Seen["reason"] };
  return { all, first: all.number as Seen };
}

const sameForEveryTyping = (all: Record<string, Seen>, first: Seen) => expect(all).toEqual(Object.fromEntries(Object.keys(all).map((how) => [how, first])));

describe("a period, typed as a number, as text, as FY text or read from a cell, in every function", () => {
  it("has period parameters to sweep in every function that takes one", () => {
    expect(slots.map((s) => s.name)).toEqual(expect.arrayContaining(["REVENUE", "FIGURE", "MARGIN", "GROWTHRATE", "CAGR", "RATIO", "HISTORY", "FILING", "SOURCE", "FXRATE", "CARD"]));
  });

  describe.each(slots)("$label", ({ name, index }) => {
    it.each([1899, 2019, LATEST_YEAR + 1, 3000])("is #N/A for the year %p the dataset lacks, naming what it has", (year) => {
      const { all, first } = sweep(name, index, year);
      sameForEveryTyping(all, first);
      if (name === "FILING") expect(first).toEqual({ error: "#N/A", reason: { kind: "noFiling", year, years: filingYears } });
      else expect(first).toEqual({ error: "#N/A", reason: { kind: "noPeriod", period: `FY${year}`, available: periodIds } });
    });

    it.each([2024.5, 99999, -2024])("is #VALUE! for %p, which does not read as a period, with the dataset's latest fiscal year and quarter as examples", (bad) => {
      const { all, first } = sweep(name, index, bad);
      sameForEveryTyping(all, first);
      expect(first).toEqual({ error: "#VALUE!", reason: { kind: "badPeriod", year: LATEST_YEAR, quarter: LATEST_QUARTER } });
    });

    it("is #N/A for a quarter the dataset lacks, as text or from a cell (#VALUE! for KC.FILING, which needs a fiscal year)", () => {
      const text = seen(name, index, "Q1 2025");
      expect(seen(name, index, [["Q1 2025"]])).toEqual(text);
      if (name === "FILING") expect(text).toEqual({ error: "#VALUE!", reason: { kind: "filingByYear", period: "Q1-2025", years: filingYears } });
      else expect(text).toEqual({ error: "#N/A", reason: { kind: "noPeriod", period: "Q1-2025", available: periodIds } });
    });
  });
});

describe("KC.FILING of a period that is no fiscal year", () => {
  it.each(["TTM", "Q3 2025", "Q2-2025"])("says %p is not one and lists the filings by fiscal year (#VALUE!)", (period) => {
    const answer = registered.get("FILING")?.(period, "filed") as StubError;
    expect(answer).toBeInstanceOf(StubError);
    expect(answer.code).toBe("#VALUE!");
    expect(answer.message).toMatch(new RegExp(`^Form 20-F filings are by fiscal year, and .+ is not one\\. Filings: ${filingYears.map((y) => `FY${y}`).join(", ")}\\.$`));
  });
});
