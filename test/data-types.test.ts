/**
 * KC.COMPANY and KC.CARD through the shipped dist/functions.js, on hosts that report different requirement sets: the
 * documented data-type shapes (zod schemas of Microsoft's types) where the sets are there, plain values where they
 * are not; every card property cited to a line of a seed; CARD's number is FIGURE's for every metric and period.
 */
import fc from "fast-check";
import core from "../src/data/core.json";
import type { DatasetCore } from "../src/data/schema";
import { cellValueSchemas } from "./support/cell-value-schema";
import { StubError } from "./support/custom-functions-stub";
import { dataset as committed, seedLine } from "./support/dataset";
import { loadFunctions, officeWithSets } from "./support/load-functions";

const data = core as unknown as DatasetCore;
type Fn = (...args: unknown[]) => unknown;
type Value = { type: string; basicValue?: unknown; text?: string; numberFormat?: string; properties?: Record<string, Property>; layouts?: { card?: { title?: unknown; sections?: { title?: string; properties: string[] }[] } } };
type Property = Value & { propertyMetadata?: { sublabel?: string; attribution?: { sourceText?: string }[] } };

const host = (sets?: Record<string, string>) => {
  const { registered, faults } = loadFunctions(sets ? officeWithSets(sets) : undefined);
  const fn = (name: string) => registered.get(name) as Fn;
  return { fn, faults };
};
/** Excel on the web today: every set these functions ask for. */
const web = host({ CustomFunctionsRuntime: "1.5", ExcelApi: "1.20" });
/** Microsoft 365 Version 2208 to 2503: data types, entities, no properties on a number. */
const v2208 = host({ CustomFunctionsRuntime: "1.4", ExcelApi: "1.16" });
/** Office 2024 perpetual: ExcelApi 1.16 but custom functions without data types. */
const office2024 = host({ CustomFunctionsRuntime: "1.3", ExcelApi: "1.17" });
/** Excel's JavaScript-only runtime, or any host where Office.context is not there. */
const bare = host();

const schemas = { "1.16": cellValueSchemas("1.16"), "1.19": cellValueSchemas("1.19") };
const titles = new Map<string, string>(data.seeds.map((s) => [s.file, s.title]));
const fileOf = new Map(data.seeds.map((s) => [s.title, s.file]));

/** Every attribution's text is "<document title>, line N: "<quote>"", and the quote is on that line of that seed. */
function checkAttribution(name: string, property: Property): void {
  const attributions = property.propertyMetadata?.attribution ?? [];
  expect([name, attributions.length > 0]).toEqual([name, true]);
  for (const a of attributions) {
    const m = /^(.+), line (\d+): "(.*)"$/s.exec(a.sourceText ?? "");
    expect([name, m !== null]).toEqual([name, true]);
    const [, title, line, quote] = m as unknown as [string, string, string, string];
    const file = fileOf.get(title);
    expect([name, file !== undefined]).toEqual([name, true]);
    expect([name, seedLine(file as string, Number(line))?.includes(quote)]).toEqual([name, true]);
  }
}

/** The card's title property and its sections name properties the value has; each property is shown exactly once. */
function checkLayout(value: Value): void {
  const title = value.layouts?.card?.title;
  const listed = [...(typeof title === "object" ? [(title as { property: string }).property] : []), ...(value.layouts?.card?.sections ?? []).flatMap((s) => s.properties)];
  expect([...listed].sort()).toEqual(Object.keys(value.properties ?? {}).sort());
  expect(new Set(listed).size).toBe(listed.length);
}

describe("KC.COMPANY", () => {
  const entity = web.fn("COMPANY")() as Value;
  const properties = entity.properties as Record<string, Property>;

  it("is an entity of the documented shape where Excel has CustomFunctionsRuntime 1.4 and ExcelApi 1.16", () => {
    expect(schemas["1.19"].entity.safeParse(entity).error?.issues).toBeUndefined();
    expect(entity.text).toBe(data.profile.name);
    const older = v2208.fn("COMPANY")() as Value;
    expect(schemas["1.16"].entity.safeParse(older).error?.issues).toBeUndefined();
    expect(older.type).toBe("Entity");
  });

  it("formats its numbers with ExcelApi 1.16's FormattedNumber where the host lacks 1.19, and as Doubles with a format where it has it", () => {
    const older = v2208.fn("COMPANY")() as Value;
    const types = (v: Value) => [...new Set(Object.values(v.properties ?? {}).map((p) => p.type))].sort();
    expect(types(older)).toEqual(["FormattedNumber", "String"]);
    expect(types(entity)).toEqual(["Double", "String"]);
    for (const [name, p] of Object.entries(older.properties ?? {})) if (p.type === "FormattedNumber") expect([name, p.basicValue]).toEqual([name, properties[name]?.basicValue]);
  });

  it("is the company's name as text where the host lacks either set, or Office is not there", () => {
    expect(office2024.fn("COMPANY")()).toBe(data.profile.name);
    expect(bare.fn("COMPANY")()).toBe(data.profile.name);
  });

  it("cites a line of a seed, by the document's title, for every property", () => {
    for (const [name, p] of Object.entries(properties)) checkAttribution(name, p);
  });

  it("lays out every property in one section of its card, titled by its Name", () => {
    checkLayout(entity);
    expect(entity.layouts?.card?.title).toEqual({ property: "Name" });
    expect(properties.Name?.basicValue).toBe(data.profile.name);
  });

  it("has the fields an analyst reads off it by dot reference, equal to what the other KC functions answer", () => {
    const kc = (name: string, ...args: unknown[]) => web.fn(name)(...args);
    const fy0 = committed.periods.filter((p) => p.kind === "fiscal_year").map((p) => p.label).sort().pop();
    const pairs: [string, unknown][] = [
      ["Revenue", kc("FIGURE", "revenue", "FY0")],
      ["Revenue TTM", kc("FIGURE", "revenue", "TTM")],
      ["Net income", kc("FIGURE", "net_income", "FY0")],
      ["Net income TTM", kc("FIGURE", "net_income", "TTM")],
      ["Free cash flow TTM", kc("FIGURE", "free_cash_flow", "TTM")],
      ["Market cap USD", kc("PROFILE", "market_cap_usd")],
      ["Last price HKD", kc("PROFILE", "last_price_hkd")],
      ["Price target HKD", kc("PROFILE", "price_target_hkd")],
      ["Rating", kc("PROFILE", "rating")],
      ["Next earnings", kc("PROFILE", "next_earnings")],
      ["Listing date", kc("PROFILE", "listing_date")],
      ["Data as of", kc("ASOF")],
      ["Financials to", kc("ASOF", "financials")],
    ];
    for (const [name, expected] of pairs) expect([name, properties[name]?.basicValue]).toEqual([name, expected]);
    expect(properties.Revenue?.propertyMetadata?.sublabel).toContain(fy0);
    expect(entity.layouts?.card?.sections?.map((s) => s.title)).toEqual(expect.arrayContaining(["NASDAQ: KC (USD, per ADS)", "HKEX: 3896 (HKD, per share)", "Analyst view", "Next earnings", "Data"]));
  });

  it("says where two sources disagree on the next earnings date", () => {
    const other = data.nextEarnings.find((n) => !n.primary);
    expect(other).toBeDefined();
    expect(properties["Next earnings"]?.propertyMetadata?.sublabel).toMatch(/also stated: Mar 18, 2026/);
    expect(properties["Next earnings"]?.propertyMetadata?.attribution).toHaveLength(data.nextEarnings.length);
  });
});

describe("KC.CARD", () => {
  const card = web.fn("CARD");
  const figure = web.fn("FIGURE");
  const periods = data.periods.map((p) => p.id);
  const metrics = data.metrics.map((m) => m.id);

  it("answers FIGURE's number, or FIGURE's error, for every metric, period and currency of the dataset", () => {
    let numbers = 0;
    for (const metric of metrics)
      for (const period of periods)
        for (const currency of [null, "USD", "RMB"]) {
          const expected = figure(metric, period, currency);
          const got = card(metric, period, currency) as Value | StubError;
          const call = `${metric} ${period} ${currency}`;
          if (expected instanceof StubError) {
            // The same error; where it names a formula for another currency, the formula is CARD's own.
            expect([call, got]).toEqual([call, new StubError(expected.code, expected.message?.replace("=KC.FIGURE(", "=KC.CARD("))]);
            continue;
          }
          numbers++;
          expect([call, (got as Value).type, (got as Value).basicValue]).toEqual([call, "Double", expected]);
          expect([call, schemas["1.19"].double.safeParse(got).error?.issues]).toEqual([call, undefined]);
        }
    expect(numbers).toBeGreaterThan(200);
    expect(web.faults()).toEqual([]);
  });

  it("is the plain number where the host lacks ExcelApi 1.19 or CustomFunctionsRuntime 1.4, or Office is not there", () => {
    for (const h of [v2208, office2024, bare]) {
      for (const [metric, period] of [["revenue", 2024], ["eps", "FY2023"], ["gross_margin", "FY2024"], ["total_debt", "TTM"]] as const) {
        expect(h.fn("CARD")(metric, period)).toBe(figure(metric, period));
      }
    }
  });

  it("computes like a number in the units and currency asked for", () => {
    expect((card("revenue", 2024, "USD", "B") as Value).basicValue).toBe(figure("revenue", 2024, "USD", "B"));
    expect((card("revenue", 2024, null, "K") as Value).basicValue).toBe(figure("revenue", 2024, null, "K"));
  });

  it("shows its metric, period, currency, units and the source line and quote on its card", () => {
    const value = card("revenue", 2024) as Value;
    const p = value.properties as Record<string, Property>;
    const fact = data.facts.find((f) => f.id === "revenue:FY2024:statement");
    expect(fact).toBeDefined();
    expect([p.Metric?.basicValue, p.Period?.basicValue, p.Currency?.basicValue, p.Units?.basicValue]).toEqual([data.metrics.find((m) => m.id === "revenue")?.label, "FY2024", "RMB", "RMB millions"]);
    expect(p.Quote?.basicValue).toBe(fact?.source.text);
    expect(p.Source?.basicValue).toBe(`${titles.get(fact?.source.file as string)}, line ${fact?.source.line}`);
    expect(p.Stated?.basicValue).toBe(fact?.precision.stated);
    for (const [name, property] of Object.entries(p)) if (["Stated", "Source", "Quote"].includes(name)) checkAttribution(name, property);
    checkLayout(value);
    expect(value.layouts?.card?.title).toBe(`${p.Metric?.basicValue}, FY2024`);
  });

  it("shows a conversion, and the conflict between the two pages, where there is one", () => {
    const p = (card("net_income", 2024, "USD") as Value).properties as Record<string, Property>;
    expect(p.Currency?.basicValue).toBe("USD");
    expect(p.Conversion?.basicValue).toMatch(/^Converted at 7\.2130 RMB per USD/);
    const conflict = data.conflicts.find((c) => c.id === "net_income:FY2024");
    expect(p.Conflict?.basicValue).toBe(conflict?.why);
    expect(p["Also stated"]?.basicValue).toMatch(/^RMB1\.98B/);
    checkAttribution("Conflict", p.Conflict as Property);
    expect((card("revenue", 2022) as Value).properties?.Conflict).toBeUndefined();
  });

  it("shows the status of every stated-ratio check the figure takes part in, as the dataset records it", () => {
    let shown = 0;
    for (const r of data.reconciliations) {
      for (const id of r.inputs) {
        const fact = data.facts.find((f) => f.id === id);
        if (!fact?.primary) continue;
        const value = card(fact.metric, fact.period, fact.currency) as Value;
        const status = { reconciles: "Reconciles", disagrees: "Disagrees", not_computable: "Not computable" }[r.status];
        expect([id, value.properties?.[r.label]?.basicValue]).toEqual([id, `${status}: ${r.note}`]);
        shown++;
      }
    }
    expect(shown).toBeGreaterThan(20);
    const ocf = data.reconciliations.find((r) => r.id === "ocf_to_net_income_TTM");
    expect((card("operating_cash_flow", "TTM") as Value).properties?.[ocf?.label as string]?.basicValue).toMatch(/^Disagrees: /);
  });

  it("says on the card which plausibility rule the figure breaks, and adds nothing where its rules hold", () => {
    const rule = committed.plausibility.find((p) => p.rule === "fcf_below_ocf" && p.period === "TTM");
    expect(rule?.status).toBe("fails");
    for (const metric of ["free_cash_flow", "operating_cash_flow", "investing_cash_flow"]) {
      const value = card(metric, "TTM") as Value;
      expect([metric, value.properties?.["Implausible TTM"]?.basicValue]).toEqual([metric, rule?.note]);
      expect(value.layouts?.card?.sections?.find((s) => s.title === "Plausibility rules broken")?.properties).toEqual(["Implausible TTM"]);
      // Cited by the lines of the figures the rule read, not labelled with the rule's id.
      const meta = value.properties?.["Implausible TTM"]?.propertyMetadata;
      expect(meta?.sublabel).toBeUndefined();
      const lines = (rule?.inputs ?? []).map((id) => data.facts.find((f) => f.id === id)?.source.line);
      expect((meta?.attribution ?? []).map((a) => Number(/, line (\d+):/.exec(a.sourceText ?? "")?.[1]))).toEqual(lines);
    }
    const fy = card("free_cash_flow", 2024) as Value;
    expect(Object.keys(fy.properties ?? {}).filter((k) => k.startsWith("Implausible"))).toEqual([]);
  });

  it("formats the number as exactly as its source states it", () => {
    expect((card("revenue", 2024) as Value).numberFormat).toBe("#,##0");
    expect((card("eps", 2024) as Value).numberFormat).toBe("#,##0.00");
    expect((card("revenue", 2024, null, "B") as Value).numberFormat).toBe("#,##0.00");
  });

  it("answers hostile arguments with a documented value or #VALUE!/#N/A with a message, never a fault", () => {
    const arg = fc.oneof(fc.constantFrom(null, "", "revenue", "eps", "TTM", 2024, "FY0", "USD", "HKD", "B", 1, true, "__proto__"), fc.string({ maxLength: 12 }), fc.double());
    fc.assert(
      fc.property(fc.tuple(arg, arg, arg, arg), (args) => {
        const got = card(...args) as Value | StubError;
        if (got instanceof StubError) expect(["#VALUE!", "#N/A"]).toContain(got.code);
        else expect(schemas["1.19"].double.safeParse(got).success).toBe(true);
      }),
      { seed: 20261126, numRuns: 400 },
    );
    expect(web.faults()).toEqual([]);
  });
});
