import { explain } from "../src/data/messages";
import { findKcCalls } from "../src/data/formula";
import { KC, type KcName } from "../src/data/kc";
import type { Fact } from "../src/data/schema";
import { dataset } from "./support/dataset";
import { HK_PAGE, US_PAGE, dateAfter, figureAfter, figuresBelow, seedLines, type SeedFigure } from "./support/seed-reader";
import { filing, statementPeriods } from "./support/seed-tables";
import { CHECKS, byId, computed, highlightsLoss, keyMetrics, overlaps, quotient, revenue, sameWhenRounded, span, statement, verdict, type Range } from "./support/stated-ratios";

// Every expectation here is read from the seed pages or computed from what they state; the dataset is only checked.
const factById = new Map<string, Fact>(dataset.facts.map((f) => [f.id, f]));

describe("ratios the pages state follow from the stated figures within the sources' rounding", () => {
  const named = ["gross_margin_FY2024", "gross_margin_FY2023", "revenue_growth_FY2024", "net_margin_TTM", "debt_to_equity_TTM", "equity_ratio_TTM", "gross_margin_TTM"];
  it.each(named.map((id) => [`${id} (${byId(id).stated.written})`, byId(id)] as const))("%s", (_label, c) => {
    expect(overlaps(computed(c) as Range, span(c.stated))).toBe(true);
  });

  it("a check that should fail does: the 2024 net loss over 2024 revenue is not the stated 2024 gross margin", () => {
    const wrong = quotient(span(statement("Net Income", "FY2024")), span(revenue("FY2024"))) as Range;
    expect(overlaps(wrong, span(byId("gross_margin_FY2024").stated))).toBe(false);
  });

  it("the dataset checks exactly the ratios the pages state, and records the ones it cannot reproduce as known disagreements, not bent figures", () => {
    expect(dataset.reconciliations.map((r) => r.id).sort()).toEqual(CHECKS.map((c) => c.id).sort());
    expect(seedLines(US_PAGE)[(keyMetrics[0]?.line ?? 0) - 1]?.trim().startsWith("KC$")).toBe(true);
    const byStatus = (status: string) => dataset.reconciliations.filter((r) => r.status === status).map((r) => r.id).sort();
    for (const status of ["reconciles", "disagrees", "not_computable"]) {
      expect(byStatus(status)).toEqual(CHECKS.filter((c) => verdict(c) === status).map((c) => c.id).sort());
    }
    expect(byStatus("disagrees").length).toBeGreaterThan(0);
  });

  it.each(CHECKS.map((c) => [c.id, c] as const))("%s: the dataset states the page's figure, stores its inputs as the pages state them and recomputes the same range", (id, c) => {
    const r = dataset.reconciliations.find((x) => x.id === id);
    expect(r?.stated).toBe(c.stated.value);
    expect(r?.statedHalfWidth).toBeCloseTo((c.stated.high - c.stated.low) / 2, 12);
    expect(seedLines(r?.source.file ?? "")[(r?.source.line ?? 0) - 1]).toContain(c.stated.written);
    expect(r?.inputs.map((input) => factById.get(input)?.value)).toEqual(c.inputs.map((f) => f.value));
    const range = computed(c);
    expect(r?.computedLow === null ? null : [r?.computedLow, r?.computedHigh]).toEqual(range === null ? null : [expect.closeTo(range[0], 12), expect.closeTo(range[1], 12)]);
  });
});

describe("conflicts between the pages are kept, with a primary", () => {
  it("keeps both 2024 net loss figures: the statement table's (primary) and the highlights'", () => {
    const both = dataset.facts.filter((f) => f.metric === "net_income" && f.period === "FY2024");
    expect(both.map((f) => [f.value, f.primary, f.section])).toEqual([
      [statement("Net Income", "FY2024").value, true, "statement table"],
      [highlightsLoss.value, false, "2024 highlights"],
    ]);
    expect(dataset.conflicts.find((c) => c.id === "net_income:FY2024")?.others[0]?.line).toBe(highlightsLoss.line);
  });

  it("keeps both next earnings dates, the dated analysis page's (primary) and the overview's", () => {
    expect(dataset.nextEarnings.map((n) => [n.date, n.primary])).toEqual([[dateAfter(HK_PAGE, "Next Earnings Date:"), true], [dateAfter(US_PAGE, "Next earnings:"), false]]);
    expect(dataset.conflicts.map((c) => c.id)).toContain("next_earnings_date");
  });

  it("does not call rounding a conflict: the 2024 operating cash flow of the table and of the highlights agree", () => {
    const table = statement("Operating Cash Flow", "FY2024");
    const highlights = figureAfter(US_PAGE, "Operating cash flow turned positive, generating ");
    expect(sameWhenRounded(table, highlights)).toBe(true);
    expect(sameWhenRounded(statement("Net Income", "FY2024"), highlightsLoss)).toBe(false);
    expect(dataset.conflicts.map((c) => c.id)).not.toContain("operating_cash_flow:FY2024");
  });
});

describe("implied RMB per USD", () => {
  const fiscalYears = statementPeriods().filter((p) => p !== "TTM").reverse();
  const ttmUsd = figuresBelow(US_PAGE, "Peer Comparison", "Revenue (TTM)", "Kingsoft Cloud Holdings LimitedKC")[0] as SeedFigure;
  const usd = (period: string) => (period === "TTM" ? ttmUsd : filing(Number(period.slice(2))).revenue);

  it("derives a rate for each fiscal year and TTM from revenue stated in both currencies", () => {
    expect(dataset.fx.map((r) => r.period)).toEqual([...fiscalYears, "TTM"]);
    for (const period of [...fiscalYears, "TTM"]) {
      const rate = dataset.fx.find((r) => r.period === period);
      const [low, high] = quotient(span(revenue(period)), span(usd(period))) as Range;
      expect(usd(period).currency).toBe("USD");
      expect(rate?.rate).toBeCloseTo(revenue(period).value / usd(period).value, 8);
      expect([rate?.low, rate?.high]).toEqual([expect.closeTo(low, 8), expect.closeTo(high, 8)]);
      expect(rate?.derivation).toContain(revenue(period).written);
      expect(rate?.derivation).toContain(usd(period).written);
    }
  });
});

describe("each stated ratio names the KC formula that recomputes it", () => {
  const withFormula = CHECKS.filter((c) => c.kc !== null);

  it("names one for every check whose inputs are the figures the functions use, and no other", () => {
    expect(dataset.reconciliations.filter((r) => r.kc !== null).map((r) => [r.id, r.kc]).sort()).toEqual(withFormula.map((c) => [c.id, c.kc]).sort());
    const primaryIds = new Set(dataset.facts.filter((f) => f.primary).map((f) => f.id));
    const computable = dataset.reconciliations.filter((r) => r.inputs.length > 0 && r.inputs.every((id) => primaryIds.has(id)));
    expect(computable.map((r) => r.id).sort()).toEqual(withFormula.map((c) => c.id).sort());
  });

  it.each(withFormula.map((c) => [c.kc as string, c] as const))("%s uses exactly the check's inputs and lands in the range the pages' figures allow", (kc, c) => {
    const [call] = findKcCalls(kc);
    expect(call?.args.every((a) => a.kind === "literal")).toBe(true);
    const result = (KC[call?.name as KcName] as (...a: unknown[]) => ReturnType<(typeof KC)[KcName]>)(...(call?.args ?? []).map((a) => (a.kind === "literal" ? a.value : null)));
    if (!result.ok) throw new Error(`${kc}: ${explain(result.reason)}`);
    expect(result.facts.map((f) => f.value)).toEqual(c.inputs.map((f) => f.value));
    expect(result.facts.map((f) => f.id)).toEqual(dataset.reconciliations.find((r) => r.id === c.id)?.inputs);
    const [low, high] = computed(c) as Range;
    expect(result.value as number).toBeGreaterThanOrEqual(low);
    expect(result.value as number).toBeLessThanOrEqual(high);
  });
});
