/** Plausibility checks: each rule holds on the seeds where the figures allow it, and fails on a seed edited to break it. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildDataset } from "../scripts/data/dataset";
import { plausibilityChecks } from "../scripts/data/plausibility";
import type { Dataset, Fact, Plausibility, PlausibilityRuleId } from "../src/data/schema";
import { dataset, ROOT } from "./support/dataset";
import { HK_PAGE, figureAfter, seedLines } from "./support/seed-reader";
import { statementPeriods } from "./support/seed-tables";
import { overlaps, span, statement } from "./support/stated-ratios";

const status = (checks: readonly Plausibility[], rule: PlausibilityRuleId, period: string) => checks.find((c) => c.rule === rule && c.period === period);

/** The dataset generated from a copy of seeds/ in which each `from` (found exactly once on the HK page) reads `to`. */
function generatedWith(edits: ReadonlyArray<readonly [from: string, to: string]>): Dataset {
  const root = mkdtempSync(join(tmpdir(), "kc-plausibility-"));
  try {
    cpSync(join(ROOT, "seeds"), join(root, "seeds"), { recursive: true });
    const file = join(root, "seeds", HK_PAGE);
    let text = readFileSync(file, "utf8");
    for (const [from, to] of edits) {
      if (text.split(from).length !== 2) throw new Error(`"${from}" is not on the page exactly once`);
      text = text.replace(from, to);
    }
    writeFileSync(file, text);
    return buildDataset(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A table row with one period's figure written differently, as an edit of its line. */
function tableEdit(label: string, period: string, written: string): [string, string] {
  const line = (seedLines(HK_PAGE)[statement(label, period).line - 1] as string).trim();
  const figures = statementPeriods().map((p) => (p === period ? written : statement(label, p).written));
  return [line, `${label}${figures.join("")}`];
}

describe("plausibility checks on the seeds as they are", () => {
  const fyAndTtm = statementPeriods();

  it("apply every rule to each period with its figures, and fail only where TTM free cash flow is written as operating cash flow is", () => {
    const failing = dataset.plausibility.filter((c) => c.status === "fails").map((c) => `${c.rule} ${c.period}`);
    const fcfLikeOcf = fyAndTtm.filter((p) => overlaps(span(statement("Free Cash Flow", p)), span(statement("Operating Cash Flow", p))));
    expect(fcfLikeOcf).toEqual(["TTM"]);
    expect(failing).toEqual(fcfLikeOcf.map((p) => `fcf_below_ocf ${p}`));
    expect(dataset.implausible).toEqual(dataset.plausibility.filter((c) => c.status === "fails"));
    for (const rule of ["fcf_below_ocf", "gross_profit_within_revenue", "margins_within_revenue", "debt_within_liabilities", "cash_within_assets", "balance_sheet_sum"] as const) {
      expect(fyAndTtm.filter((p) => status(dataset.plausibility, rule, p))).toEqual(fyAndTtm);
    }
    expect(dataset.plausibility.filter((c) => c.rule === "segments_within_revenue" || c.rule === "quarter_within_period").map((c) => `${c.rule} ${c.period}`)).toEqual([
      "segments_within_revenue Q2-2025",
      "quarter_within_period Q2-2025",
      "quarter_within_period Q3-2025",
    ]);
  });

  it("explain every rule they apply, and read only stored figures", () => {
    const ids = new Set(dataset.facts.map((f) => f.id));
    expect(new Set(dataset.plausibility.map((c) => c.rule))).toEqual(new Set(dataset.plausibilityRules.map((r) => r.id)));
    for (const c of dataset.plausibility) for (const id of c.inputs) expect(ids.has(id)).toBe(true);
  });

  it("say of the TTM free cash flow what is wrong, from the figures the page writes", () => {
    const ttm = (label: string) => statement(label, "TTM").written;
    expect(status(dataset.plausibility, "fcf_below_ocf", "TTM")?.note).toBe(
      `Free cash flow ${ttm("Free Cash Flow")} is not below operating cash flow ${ttm("Operating Cash Flow")} within their rounding, which leaves no capital expenditure, while investing cash flow is ${ttm("Investing Cash Flow")} (${((-statement("Investing Cash Flow", "TTM").value / statement("Total Revenue", "TTM").value) * 100).toFixed(1)}% of revenue).`,
    );
  });
});

describe("each rule fails on seeds edited to break it, and passes again when the edit is undone", () => {
  const cases: ReadonlyArray<readonly [PlausibilityRuleId, string, Array<[string, string]>, RegExp]> = [
    ["fcf_below_ocf", "FY2024", [tableEdit("Free Cash Flow", "FY2024", "700.00M")], /^Free cash flow 700\.00M exceeds operating cash flow 628\.42M/],
    ["fcf_below_ocf", "FY2024", [tableEdit("Free Cash Flow", "FY2024", "628.42M")], /^Free cash flow 628\.42M is not below operating cash flow 628\.42M .* investing cash flow is -3\.62B/],
    ["gross_profit_within_revenue", "FY2024", [tableEdit("Gross Profit", "FY2024", "7.81B")], /^Gross profit 7\.81B exceeds revenue 7\.79B\.$/],
    ["margins_within_revenue", "FY2024", [tableEdit("Net Income", "FY2024", "-7.97B")], /^Beyond ±100%: net income -7\.97B is -102\.3% of revenue 7\.79B\.$/],
    ["debt_within_liabilities", "FY2024", [tableEdit("Total Debt", "FY2024", "12.19B")], /^Total debt 12\.19B exceeds total liabilities 12\.09B\.$/],
    ["cash_within_assets", "FY2024", [tableEdit("Cash, Cash Equivalents and Short-Term Investments", "FY2024", "17.69B")], /^Cash and short-term investments 17\.69B exceed total assets 17\.59B\.$/],
    ["balance_sheet_sum", "FY2024", [tableEdit("Total Liabilities", "FY2024", "12.49B")], /^Total liabilities 12\.49B and stockholders' equity 5\.17B exceed total assets 17\.59B/],
    ["quarter_within_period", "Q2-2025", [tableEdit("Total Revenue", "TTM", "2.02B")], /^Q2 2025 revenue RMB 2\.35 billion exceeds TTM revenue 2\.02B\.$/],
  ];

  it.each(cases.map(([rule, period, edits, note]) => [`${rule} ${period} (${edits.map((e) => e[1].slice(0, 24)).join(", ")}…)`, rule, period, edits, note] as const))(
    "%s",
    (_name, rule, period, edits, note) => {
      expect(status(dataset.plausibility, rule, period)?.status).toBe("passes");
      const broken = generatedWith(edits);
      expect(status(broken.plausibility, rule, period)).toMatchObject({ status: "fails", note: expect.stringMatching(note) });
      expect(broken.implausible).toContainEqual(status(broken.plausibility, rule, period));
    },
  );

  it("fcf_below_ocf TTM passes once the TTM free cash flow is below the operating cash flow", () => {
    expect(status(dataset.plausibility, "fcf_below_ocf", "TTM")?.status).toBe("fails");
    expect(status(generatedWith([tableEdit("Free Cash Flow", "TTM", "3.30B")]).plausibility, "fcf_below_ocf", "TTM")?.status).toBe("passes");
  });

  it("fcf_below_ocf does not ask for capital expenditure where investing cash flow is immaterial", () => {
    const equal = tableEdit("Free Cash Flow", "FY2022", "188.97M");
    expect(statement("Investing Cash Flow", "FY2022").value / statement("Total Revenue", "FY2022").value).toBeGreaterThan(-0.01);
    expect(status(generatedWith([equal]).plausibility, "fcf_below_ocf", "FY2022")?.status).toBe("passes");
  });

  it("segments_within_revenue Q2-2025 fails when the segments, or the ecosystem, add up to more than revenue", () => {
    // The call's figures are cited by the phrases that hold them, so the break is made on the generated facts.
    const facts = buildDataset(ROOT).facts;
    const revenue = figureAfter(HK_PAGE, "Q2 revenue reached ");
    const withValue = (metric: string, value: number) => facts.map((f): Fact => (f.metric === metric && f.period === "Q2-2025" ? { ...f, value } : f));
    expect(status(plausibilityChecks(facts, dataset.periods), "segments_within_revenue", "Q2-2025")?.status).toBe("passes");
    const pushed = revenue.high + 20 - figureAfter(HK_PAGE, "public cloud revenue increasing by 32% to ").value;
    expect(status(plausibilityChecks(withValue("enterprise_cloud_revenue", pushed), dataset.periods), "segments_within_revenue", "Q2-2025")).toMatchObject({
      status: "fails",
      note: expect.stringMatching(/^Public cloud RMB 1\.63 billion and enterprise cloud RMB 724 million together exceed revenue RMB 2\.35 billion\.$/),
    });
    expect(status(plausibilityChecks(withValue("ecosystem_revenue", revenue.high + 20), dataset.periods), "segments_within_revenue", "Q2-2025")?.note).toMatch(/^Ecosystem revenue RMB 629 million exceeds revenue RMB 2\.35 billion\.$/);
  });
});
