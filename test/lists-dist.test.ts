/**
 * KC.METRICS and KC.FIELDS through the shipped bundle: the complete lists an analyst can type, each row true to the
 * dataset (read here from the committed JSON and from the bundle's own library, never typed out).
 */
import type { Library } from "../src/data/library";
import { StubError } from "./support/custom-functions-stub";
import { dataset } from "./support/dataset";
import { loadFunctions } from "./support/load-functions";

const { registered, context } = loadFunctions();
const library = (context as unknown as { kcLibrary: Library }).kcLibrary;
const call = (name: string, ...args: unknown[]) => registered.get(name)?.(...args);

const metrics = call("METRICS") as string[][];
const fields = call("FIELDS") as string[][];
const periodOrder = library.KC.PERIODS();
const allPeriods = periodOrder.ok ? (periodOrder.value as string[][]).map(([id]) => id as string) : [];

describe("KC.METRICS", () => {
  it("spills a header row and one row per metric of the dataset, in the dataset's order", () => {
    expect(metrics[0]).toEqual(["Metric", "Label", "Unit", "Currency", "Periods", "Also accepted"]);
    expect(metrics.slice(1).map((row) => row[0])).toEqual(dataset.metrics.map((m) => m.id));
    expect(metrics.slice(1).map((row) => [row[1], row[5]])).toEqual(dataset.metrics.map((m) => [m.label, m.aliases.join(", ")]));
    expect(new Set(metrics.map((row) => row.length))).toEqual(new Set([6]));
  });

  it("lists exactly the periods each metric has: a citation for each, #N/A naming the listed ones for any other", () => {
    for (const [id, , , , listed] of metrics.slice(1) as string[][]) {
      const periods = listed ? listed.split(", ") : [];
      const stated = new Set<string>(dataset.facts.filter((f) => f.metric === id).map((f) => f.period));
      expect([id, periods]).toEqual([id, allPeriods.filter((p) => stated.has(p))]);
      for (const period of allPeriods.filter((p) => !periods.includes(p))) {
        expect([id, period, library.KC.FIGURE(id, period, null, null)]).toMatchObject([id, period, { ok: false, reason: { kind: "noFigure", available: periods } }]);
      }
      for (const period of periods) expect([id, period, typeof call("SOURCE", id, period, null)]).toEqual([id, period, "string"]);
    }
  });

  it("names the currency money is reported in, which is what KC.FIGURE answers in without one", () => {
    for (const [id, , unit, currency] of metrics.slice(1) as string[][]) {
      const kind = dataset.metrics.find((m) => m.id === id)?.kind;
      const inFacts = new Set<string | null>(dataset.facts.filter((f) => f.metric === id).map((f) => f.currency));
      if (kind === "money" || kind === "per_share") expect([id, inFacts.has(currency ?? null)]).toEqual([id, true]);
      else expect([id, currency, unit]).toEqual([id, "", expect.stringMatching(new RegExp(`^${kind}\\b`))]);
      if (kind === "money") expect([id, unit]).toEqual([id, "millions"]);
    }
  });

  it("is where the message for an unknown metric sends the analyst, with the count it spills", () => {
    const miss = call("FIGURE", "operating_income", 2024, null, null) as StubError;
    expect(miss.code).toBe("#VALUE!");
    expect(miss.message).toContain(`All ${metrics.length - 1} metrics are listed by =KC.METRICS() and in the formula builder`);
  });
});

describe("KC.FIELDS", () => {
  it("spills a header row and one row per KC.PROFILE field, each of which KC.PROFILE takes", () => {
    expect(fields[0]).toEqual(["Field", "Label", "Listing", "Currency", "Unit"]);
    expect(fields.slice(1).map((row) => [row[0], row[1], row[4]])).toEqual(library.INFO_FIELDS.map((f) => [f.id, f.label, f.unit]));
    for (const [id] of fields.slice(1)) {
      const answer = library.KC.PROFILE(id);
      expect([id, answer.ok || answer.reason.kind]).toEqual([id, answer.ok ? true : "noInfo"]);
    }
  });

  it("names the listing and currency of each market figure as the dataset has them", () => {
    const sameLine = (x: { file: string; line: number }, y: { file: string; line: number }) => x.file === y.file && x.line === y.line;
    for (const [id = "", , listing, currency] of fields.slice(1)) {
      const sources = library.INFO_FIELDS.find((f) => f.id === id)?.sources ?? [];
      // A field read from a listing's own table belongs to that listing and trades in its currency.
      const own = dataset.listings.find((l) => l.fields.some((q) => sources.some((s) => sameLine(s, q.source))));
      if (own) expect([id, listing]).toEqual([id, own.exchange]);
      if (/_usd$/.test(id)) expect([id, listing, currency]).toEqual([id, "NASDAQ", "USD"]);
      if (/_hkd$/.test(id)) expect([id, listing, currency]).toEqual([id, "HKEX", "HKD"]);
      if (currency) expect([id, listing]).toEqual([id, dataset.listings.find((l) => l.currency === currency)?.exchange]);
    }
    expect(fields.filter((row) => row[2] === "NASDAQ").map((row) => row[0] as string)).toEqual(expect.arrayContaining(["ticker_us", "listing_date", "market_cap_usd", "pe_ttm"]));
    expect(fields.filter((row) => row[2] === "HKEX").map((row) => row[0] as string)).toEqual(expect.arrayContaining(["ticker_hk", "last_price_hkd", "price_target_hkd"]));
  });

  it("is where the message for an unknown field sends the analyst, with the count it spills", () => {
    const miss = call("PROFILE", "employees") as StubError;
    expect(miss.code).toBe("#VALUE!");
    expect(miss.message).toContain(`All ${fields.length - 1} fields are listed by =KC.FIELDS() and in the formula builder`);
  });
});
