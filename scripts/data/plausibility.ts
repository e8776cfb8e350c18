/**
 * Plausibility checks: identities and orders of magnitude the stored figures must satisfy whatever the pages say,
 * applied to every period that has the figures a rule needs. Comparisons use the interval each figure's rounding
 * allows, so a rule fails only where no figures within the rounding satisfy it.
 */
import { interval } from "./parse";
import type { Fact, Period, PeriodId, Plausibility, PlausibilityRule, PlausibilityRuleId } from "../../src/data/schema";

type Range = readonly [number, number];

/** Revenue above which an investing outflow counts as material: 1% of revenue, a usual revenue-based materiality. */
const MATERIAL_SHARE_OF_REVENUE = 0.01;

/**
 * The twelve months a quarter is held to, in words. Where a quarter's calendar year is no fiscal year of the dataset,
 * only its TTM period contains it, and the text says why: "the TTM period containing it (the dataset has no fiscal 2025)".
 */
function containingPeriods(periods: readonly Period[]): string {
  const years = new Set(periods.filter((p) => p.kind === "fiscal_year").map((p) => p.end.slice(0, 4)));
  const missing = [...new Set(periods.filter((p) => p.kind === "quarter").map((p) => p.end.slice(0, 4)))].filter((y) => !years.has(y)).sort();
  return missing.length ? `the TTM period containing it (the dataset has no fiscal ${missing.join(" or ")})` : "the TTM period or fiscal year containing it";
}

/** The rules, in words the pane and KC.CHECKS show; the quarter rule names the fiscal years `periods` lack. */
export const plausibilityRules = (periods: readonly Period[]): PlausibilityRule[] => [
  { id: "fcf_below_ocf", label: "Free cash flow below operating cash flow", kind: "magnitude",
    text: "FCF is OCF less capital expenditure, so FCF ≤ OCF; where investing cash flow is an outflow of 1% of revenue or more, nil capital expenditure is implausible, so FCF < OCF beyond rounding." },
  { id: "gross_profit_within_revenue", label: "Gross profit at most revenue", kind: "identity", text: "Gross profit is revenue less cost of revenue." },
  { id: "margins_within_revenue", label: "Margins within ±100%", kind: "magnitude",
    text: "Gross profit, EBITDA, net income, free cash flow and any stated margin lie within ±100% of positive revenue; beyond it takes one-off items, or is a misplaced figure." },
  { id: "debt_within_liabilities", label: "Debt at most liabilities", kind: "identity", text: "Debt is a liability." },
  { id: "cash_within_assets", label: "Cash at most assets", kind: "identity", text: "Cash and short-term investments are assets." },
  { id: "balance_sheet_sum", label: "Liabilities plus equity at most assets", kind: "identity",
    text: "Assets = liabilities + stockholders' equity + noncontrolling interests, which the table omits; taken as not negative." },
  { id: "segments_within_revenue", label: "Segments within revenue", kind: "identity",
    text: "Public plus enterprise cloud revenue, and ecosystem revenue, are parts of total revenue." },
  { id: "quarter_within_period", label: "Quarter within its twelve months", kind: "identity",
    text: `Revenue is never negative, so a quarter's is at most that of ${containingPeriods(periods)}.` },
];

const range = (f: Fact): Range => interval(f.value, f.precision);
const sum = (a: Range, b: Range): Range => [a[0] + b[0], a[1] + b[1]];
/** Certainly greater: every value `a`'s rounding allows exceeds every value `b`'s. */
const above = (a: Range, b: Range) => a[0] > b[1];
/** The least absolute value a range holds. */
const leastSize = ([lo, hi]: Range) => (lo <= 0 && hi >= 0 ? 0 : Math.min(Math.abs(lo), Math.abs(hi)));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const written = (f: Fact) => f.precision.stated;

/** A rule's outcome for one period: the facts it read, and what is wrong where it fails. */
function check(rule: PlausibilityRuleId, period: PeriodId, inputs: readonly Fact[], failure: string | null): Plausibility {
  return { rule, period, inputs: inputs.map((f) => f.id), status: failure ? "fails" : "passes", ...(failure ? { note: failure } : {}) };
}

export function plausibilityChecks(facts: readonly Fact[], periods: readonly Period[]): Plausibility[] {
  const primary = new Map<string, Fact>();
  for (const f of facts) if (f.primary && f.bound === undefined) primary.set(`${f.metric}|${f.period}|${f.currency ?? ""}`, f);
  const get = (metric: string, period: PeriodId, currency: string | null = "RMB") => primary.get(`${metric}|${period}|${currency ?? ""}`);
  const out: Plausibility[] = [];
  const each = (rule: PlausibilityRuleId, metrics: readonly string[], test: (p: Period, f: Fact[]) => string | null) => {
    for (const p of periods) {
      const found = metrics.map((m) => get(m, p.id));
      if (found.every((f): f is Fact => f !== undefined)) out.push(check(rule, p.id, found, test(p, found)));
    }
  };

  each("fcf_below_ocf", ["free_cash_flow", "operating_cash_flow", "investing_cash_flow", "revenue"], (_p, [fcf, ocf, icf, revenue]) => {
    const [f, o, i, r] = [fcf, ocf, icf, revenue].map((x) => range(x as Fact)) as Range[] as [Range, Range, Range, Range];
    if (above(f, o)) return `Free cash flow ${written(fcf as Fact)} exceeds operating cash flow ${written(ocf as Fact)}: capital expenditure would be negative.`;
    const material = -i[1] >= MATERIAL_SHARE_OF_REVENUE * r[1];
    if (material && f[1] >= o[0]) {
      return `Free cash flow ${written(fcf as Fact)} is not below operating cash flow ${written(ocf as Fact)} within their rounding, which leaves no capital expenditure, while investing cash flow is ${written(icf as Fact)} (${pct(-(icf as Fact).value / (revenue as Fact).value)} of revenue).`;
    }
    return null;
  });

  each("gross_profit_within_revenue", ["gross_profit", "revenue"], (_p, [gp, revenue]) =>
    above(range(gp as Fact), range(revenue as Fact)) ? `Gross profit ${written(gp as Fact)} exceeds revenue ${written(revenue as Fact)}.` : null,
  );

  for (const p of periods) {
    const revenue = get("revenue", p.id) ?? get("revenue", p.id, "USD");
    if (!revenue || range(revenue)[0] <= 0) continue;
    const amounts = ["gross_profit", "ebitda", "net_income", "free_cash_flow", "non_gaap_ebitda"].flatMap((m) => get(m, p.id, revenue.currency) ?? []);
    const stated = facts.filter((f) => f.primary && f.period === p.id && f.kind === "fraction" && f.metric.endsWith("_margin"));
    if (!amounts.length && !stated.length) continue;
    const beyond = [
      ...amounts.filter((f) => leastSize(range(f)) > range(revenue)[1]).map((f) => `${f.metric.replace(/_/g, " ")} ${written(f)} is ${pct(f.value / revenue.value)} of revenue ${written(revenue)}`),
      ...stated.filter((f) => leastSize(range(f)) > 1).map((f) => `the stated ${f.metric.replace(/_/g, " ")} is ${written(f)}`),
    ];
    out.push(check("margins_within_revenue", p.id, [revenue, ...amounts, ...stated], beyond.length ? `Beyond ±100%: ${beyond.join("; ")}.` : null));
  }

  each("debt_within_liabilities", ["total_debt", "total_liabilities"], (_p, [debt, liabilities]) =>
    above(range(debt as Fact), range(liabilities as Fact)) ? `Total debt ${written(debt as Fact)} exceeds total liabilities ${written(liabilities as Fact)}.` : null,
  );

  each("cash_within_assets", ["cash_and_short_term_investments", "total_assets"], (_p, [cash, assets]) =>
    above(range(cash as Fact), range(assets as Fact)) ? `Cash and short-term investments ${written(cash as Fact)} exceed total assets ${written(assets as Fact)}.` : null,
  );

  each("balance_sheet_sum", ["total_assets", "total_liabilities", "total_equity"], (_p, [assets, liabilities, equity]) =>
    above(sum(range(liabilities as Fact), range(equity as Fact)), range(assets as Fact))
      ? `Total liabilities ${written(liabilities as Fact)} and stockholders' equity ${written(equity as Fact)} exceed total assets ${written(assets as Fact)}: noncontrolling interests would be negative.`
      : null,
  );

  each("segments_within_revenue", ["public_cloud_revenue", "enterprise_cloud_revenue", "ecosystem_revenue", "revenue"], (_p, [pub, ent, eco, revenue]) => {
    const r = range(revenue as Fact);
    const wrong = [
      above(sum(range(pub as Fact), range(ent as Fact)), r) ? `Public cloud ${written(pub as Fact)} and enterprise cloud ${written(ent as Fact)} together exceed revenue ${written(revenue as Fact)}.` : "",
      above(range(eco as Fact), r) ? `Ecosystem revenue ${written(eco as Fact)} exceeds revenue ${written(revenue as Fact)}.` : "",
    ].filter(Boolean);
    return wrong.length ? wrong.join(" ") : null;
  });

  for (const q of periods.filter((p) => p.kind === "quarter")) {
    for (const p of periods.filter((x) => x.kind !== "quarter" && x.start <= q.start && x.end >= q.end)) {
      for (const quarter of facts.filter((f) => f.primary && f.metric === "revenue" && f.period === q.id)) {
        const whole = get("revenue", p.id, quarter.currency);
        if (!whole) continue;
        const failure = above(range(quarter), range(whole)) ? `${q.label} revenue ${written(quarter)} exceeds ${p.id} revenue ${written(whole)}.` : null;
        out.push(check("quarter_within_period", q.id, [quarter, whole], failure));
      }
    }
  }
  return out;
}
