/**
 * What follows from the stated figures: conflicts between sources, ratios the pages state recomputed with interval
 * arithmetic on the rounding, and the RMB-per-USD rate each fiscal year's two revenue figures imply.
 */
import { interval } from "../../src/data/parse";
import type { Conflict, Fact, FxRate, NextEarnings, PeriodId, Reconciliation } from "../../src/data/schema";

type Range = readonly [number, number];

const range = (f: Fact): Range => interval(f.value, f.precision);

function div([a, b]: Range, [c, d]: Range): Range | null {
  if (c <= 0 && d >= 0) return null;
  const q = [a / c, a / d, b / c, b / d];
  return [Math.min(...q), Math.max(...q)];
}

const shift = ([a, b]: Range, k: number): Range => [a + k, b + k];
const neg = ([a, b]: Range): Range => [-b, -a];

export class Facts {
  private readonly byKey = new Map<string, Fact>();
  constructor(readonly all: readonly Fact[]) {
    for (const f of all) if (f.primary) this.byKey.set(`${f.metric}|${f.period}|${f.currency ?? ""}`, f);
  }
  has(metric: string, period: PeriodId, currency: string | null = "RMB"): boolean {
    return this.byKey.has(`${metric}|${period}|${currency ?? ""}`);
  }
  get(metric: string, period: PeriodId, currency: string | null = "RMB"): Fact {
    const f = this.byKey.get(`${metric}|${period}|${currency ?? ""}`);
    if (!f) throw new Error(`no primary fact ${metric} ${period} ${currency}`);
    return f;
  }
}

/** Two statements agree when they round to the same figure at the coarser of their precisions (628.42M ~ 628.4M). */
function sameAtCoarserPrecision(a: Fact, b: Fact): boolean {
  const step = 2 * Math.max(a.precision.halfWidth, b.precision.halfWidth);
  return step === 0 ? a.value === b.value : Math.round(a.value / step) === Math.round(b.value / step);
}

/** Same metric, period and currency from two places that state different figures. */
export function factConflicts(facts: readonly Fact[]): Conflict[] {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = `${f.metric}|${f.period}|${f.currency ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out: Conflict[] = [];
  for (const group of groups.values()) {
    const primaries = group.filter((f) => f.primary);
    if (primaries.length !== 1) throw new Error(`${group[0]?.metric} ${group[0]?.period}: ${primaries.length} primary facts`);
    const primary = primaries[0] as Fact;
    const others = group.filter((f) => f !== primary && !sameAtCoarserPrecision(primary, f));
    if (others.length === 0) continue;
    out.push({
      id: `${primary.metric}:${primary.period}`,
      subject: `${primary.metric} ${primary.period}${primary.currency ? ` (${primary.currency})` : ""}`,
      primary: primary.source,
      others: others.map((f) => f.source),
      why: `${primary.section} states ${primary.precision.stated}; ${others.map((f) => `${f.section} states ${f.precision.stated}`).join("; ")}. The ${primary.section} figure is primary.`,
    });
  }
  return out;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "2026-03-25" as the pages write it: "Mar 25, 2026". */
const written = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8))}, ${iso.slice(0, 4)}`;

/**
 * The two pages' next earnings dates, when they differ: `dated` is the seed file of the page that carries a date
 * of analysis (`analysis`, as written), whose date is primary; the other page is undated.
 */
export function nextEarningsConflict(next: readonly NextEarnings[], dated: { file: string; analysis: string }): Conflict {
  const primary = next.find((n) => n.primary);
  if (!primary) throw new Error("no primary next-earnings date");
  if (primary.source.file !== dated.file) throw new Error(`the primary next-earnings date (${primary.source.file}:${primary.source.line}) is not the dated page's`);
  const others = next.filter((n) => !n.primary);
  return {
    id: "next_earnings_date",
    subject: "next earnings date",
    primary: primary.source,
    others: others.map((n) => n.source),
    why: `The Hong Kong analysis page (dated ${dated.analysis}) says ${written(primary.date)}; the undated NASDAQ overview page says ${others.map((n) => written(n.date)).join(", ")}. The dated page is primary.`,
  };
}

type Check = { id: string; label: string; stated: Fact; formula: string; inputs: Fact[]; compute: (r: Range[]) => Range | null; note?: string; caveat?: string; kc?: string };

function reconcile(check: Check): Reconciliation {
  const computed = check.compute(check.inputs.map(range));
  const [sLo, sHi] = range(check.stated);
  const overlaps = computed !== null && computed[0] <= sHi && computed[1] >= sLo;
  const status = computed === null ? "not_computable" : overlaps ? "reconciles" : "disagrees";
  const asStated = (x: number) => (check.stated.precision.stated.includes("%") ? `${(x * 100).toFixed(2)}%` : fmt(x));
  const shown = computed ? `${asStated(computed[0])} to ${asStated(computed[1])}` : "not computable";
  return {
    id: check.id,
    label: check.label,
    stated: check.stated.value,
    statedHalfWidth: check.stated.precision.halfWidth,
    source: check.stated.source,
    formula: check.formula,
    inputs: check.inputs.map((f) => f.id),
    computedLow: computed ? computed[0] : null,
    computedHigh: computed ? computed[1] : null,
    status,
    note: (check.note ?? `Stated ${check.stated.precision.stated}; the stored inputs give ${shown}.`) + (check.caveat ? ` ${check.caveat}` : ""),
    kc: check.kc ?? null,
  };
}

const fmt = (x: number) => (Math.abs(x) < 10 ? x.toFixed(5) : x.toFixed(2));

const ratio = (r: Range[]) => div(r[0] as Range, r[1] as Range);
/** Growth against a negative base, as KC.GROWTHRATE computes it: (new − base) / |base| = 1 − new / base. */
const lossGrowth = (r: Range[]) => {
  const q = ratio(r);
  return q && neg(shift(q, -1));
};
const growth = (r: Range[]) => {
  const q = div(r[0] as Range, r[1] as Range);
  return q && shift(q, -1);
};

/** The EPS growth checks, with a caveat on each when the list's growth follows from its own EPS figures in no year. */
function withEpsCaveat(checks: Check[]): Check[] {
  const years = checks.map((c) => c.stated.period).sort();
  if (years.length === 0 || !checks.every((c) => reconcile(c).status === "disagrees")) return checks;
  const caveat = `In no year from ${years[0]} to ${years[years.length - 1]} does the list's EPS growth follow from its own EPS figures; the basis of the stated growth is not given.`;
  return checks.map((c) => ({ ...c, caveat }));
}

export function reconciliations(all: readonly Fact[]): Reconciliation[] {
  const facts = new Facts(all);
  const stated = (id: string) => {
    const f = all.find((x) => x.id === id);
    if (!f) throw new Error(`no fact ${id}`);
    return f;
  };
  const g = (m: string, p: PeriodId, c: string | null = "RMB") => facts.get(m, p, c);
  /** Each fiscal year, newest first, whose 20-F list states `metric` and for which `computable` holds, with the year before. */
  const filingYears = (metric: string, computable: (p: PeriodId, prior: PeriodId) => boolean): [PeriodId, PeriodId][] =>
    all
      .filter((f) => f.metric === metric && f.id === `${metric}:${f.period}:filing`)
      .map((f): [PeriodId, PeriodId] => [f.period, `FY${Number(f.period.slice(2)) - 1}`])
      .filter(([p, prior]) => computable(p, prior))
      .sort(([a], [b]) => b.localeCompare(a));
  const checks: Check[] = [
    { id: "gross_margin_FY2024", label: "Gross margin 2024", stated: stated("gross_margin:FY2024:highlights"), formula: "gross_profit / revenue", inputs: [g("gross_profit", "FY2024"), g("revenue", "FY2024")], kc: `KC.MARGIN("gross","FY2024")`, compute: ratio },
    { id: "gross_margin_FY2023", label: "Gross margin 2023", stated: stated("gross_margin:FY2023:highlights"), formula: "gross_profit / revenue", inputs: [g("gross_profit", "FY2023"), g("revenue", "FY2023")], kc: `KC.MARGIN("gross","FY2023")`, compute: ratio },
    { id: "gross_margin_TTM", label: "Gross margin TTM", stated: stated("gross_margin:TTM:overview"), formula: "gross_profit / revenue", inputs: [g("gross_profit", "TTM"), g("revenue", "TTM")], kc: `KC.MARGIN("gross","TTM")`, compute: ratio },
    { id: "revenue_growth_FY2024", label: "Revenue growth 2024", stated: stated("revenue_growth:FY2024:highlights"), formula: "revenue FY2024 / revenue FY2023 - 1", inputs: [g("revenue", "FY2024"), g("revenue", "FY2023")], kc: `KC.GROWTHRATE("revenue","FY2024")`, compute: growth },
    ...filingYears("revenue_growth", (p, prior) => facts.has("revenue", p) && facts.has("revenue", prior)).map(([p, prior]): Check => {
      return { id: `revenue_growth_${p}_filing`, label: `Revenue growth ${p.slice(2)} (20-F list)`, stated: stated(`revenue_growth:${p}:filing`), formula: `revenue ${p} / revenue ${prior} - 1 (RMB)`, inputs: [g("revenue", p), g("revenue", prior)], kc: `KC.GROWTHRATE("revenue","${p}")`, compute: growth };
    }),
    { id: "net_margin_TTM", label: "Net margin TTM", stated: stated("net_margin:TTM:overview"), formula: "net_income / revenue", inputs: [g("net_income", "TTM"), g("revenue", "TTM")], kc: `KC.MARGIN("net","TTM")`, compute: ratio },
    { id: "debt_to_equity_TTM", label: "Debt to equity TTM", stated: stated("debt_to_equity:TTM:overview"), formula: "total_debt / total_equity", inputs: [g("total_debt", "TTM"), g("total_equity", "TTM")], kc: `KC.RATIO("debt_to_equity","TTM")`, compute: ratio },
    { id: "equity_ratio_TTM", label: "Equity ratio TTM", stated: stated("equity_ratio:TTM:overview"), formula: "total_equity / total_assets", inputs: [g("total_equity", "TTM"), g("total_assets", "TTM")], kc: `KC.RATIO("equity_ratio","TTM")`, compute: ratio },
    { id: "debt_to_assets_TTM", label: "Debt to assets TTM", stated: stated("debt_to_assets:TTM:peers"), formula: "total_debt / total_assets", inputs: [g("total_debt", "TTM"), g("total_assets", "TTM")], kc: `KC.RATIO("debt_to_assets","TTM")`, compute: ratio },
    { id: "net_loss_decrease_FY2024", label: "Net loss decrease 2024 (highlights)", stated: stated("net_loss_decrease:FY2024:highlights"), formula: "1 - net loss FY2024 (highlights) / net loss FY2023",
      inputs: [stated("net_income:FY2024:highlights"), g("net_income", "FY2023")], compute: lossGrowth },
    { id: "ai_share_of_public_cloud_Q2-2025", label: "AI share of public cloud revenue Q2 2025", stated: stated("ai_share_of_public_cloud:Q2-2025:call"), formula: "ai_gross_billings / public_cloud_revenue",
      inputs: [g("ai_gross_billings", "Q2-2025"), g("public_cloud_revenue", "Q2-2025")], kc: `KC.RATIO("ai_gross_billings/public_cloud_revenue","Q2-2025")`, compute: ratio },
    { id: "ecosystem_share_Q2-2025", label: "Ecosystem share of revenue Q2 2025", stated: stated("ecosystem_share_of_revenue:Q2-2025:call"), formula: "ecosystem_revenue / revenue",
      inputs: [g("ecosystem_revenue", "Q2-2025"), g("revenue", "Q2-2025")], kc: `KC.RATIO("ecosystem_revenue/revenue","Q2-2025")`, compute: ratio },
    { id: "roe_TTM", label: "Return on equity TTM", stated: stated("roe:TTM:overview"), formula: "net_income / total_equity (ending)", inputs: [g("net_income", "TTM"), g("total_equity", "TTM")], kc: `KC.RATIO("roe","TTM")`, compute: ratio,
      note: "Stated -16.46%; TTM net income over ending equity gives about -14.4%, and over the average of TTM and FY2024 equity about -16.3%. The page's equity base is not in the dataset." },
    { id: "ocf_to_net_income_TTM", label: "Operating cash flow to net income TTM", stated: stated("ocf_to_net_income:TTM:overview"), formula: "operating_cash_flow / net_income", inputs: [g("operating_cash_flow", "TTM"), g("net_income", "TTM")], kc: `KC.RATIO("ocf_to_net_income","TTM")`, compute: ratio,
      note: "Stated 0.32; TTM figures give about -3.42. FY2024 figures give about -0.32 (same size, opposite sign)." },
    { id: "fcf_to_net_income_TTM", label: "Free cash flow to net income TTM", stated: stated("fcf_to_net_income:TTM:overview"), formula: "free_cash_flow / net_income", inputs: [g("free_cash_flow", "TTM"), g("net_income", "TTM")], kc: `KC.RATIO("fcf_to_net_income","TTM")`, compute: ratio },
    ...withEpsCaveat(filingYears("eps_growth", (p, prior) => facts.has("eps", p, "USD") && facts.has("eps", prior, "USD")).map(([p, prior]): Check => {
      return { id: `eps_growth_${p}`, label: `EPS growth ${p.slice(2)} (20-F list)`, stated: stated(`eps_growth:${p}:filing`), formula: `1 - EPS ${p} / EPS ${prior} (both losses)`,
        inputs: [g("eps", p, "USD"), g("eps", prior, "USD")], kc: `KC.GROWTHRATE("eps","${p}")`, compute: lossGrowth };
    })),
    { id: "non_gaap_ebitda_margin_Q2-2025", label: "Non-GAAP EBITDA margin Q2 2025", stated: stated("non_gaap_ebitda_margin:Q2-2025:call"), formula: "non_gaap_ebitda / revenue",
      inputs: [g("non_gaap_ebitda", "Q2-2025"), g("revenue", "Q2-2025")], kc: `KC.MARGIN("non_gaap_ebitda","Q2-2025")`, compute: ratio },
    { id: "revenue_growth_TTM", label: "Revenue growth TTM", stated: stated("revenue_growth:TTM:overview"), formula: "revenue TTM / revenue one year earlier - 1", inputs: [], compute: () => null,
      note: "Stated 6.87%; the dataset has no TTM revenue for the year before, so it cannot be recomputed." },
    { id: "free_cash_flow_growth_TTM", label: "Free cash flow growth TTM", stated: stated("free_cash_flow_growth:TTM:overview"), formula: "free cash flow TTM / one year earlier - 1", inputs: [], compute: () => null,
      note: "Stated 80.87%; the dataset has no TTM free cash flow for the year before." },
    { id: "ebit_margin_TTM", label: "EBIT margin TTM", stated: stated("ebit_margin:TTM:overview"), formula: "EBIT / revenue", inputs: [], compute: () => null,
      note: "Stated -8.34%; the pages give no EBIT figure." },
  ];
  return checks.map(reconcile);
}

/**
 * RMB per USD implied by each period's revenue, stated in RMB (statement table) and in USD (20-F list, peers), for
 * every period with both: fiscal years oldest first, then quarters, then TTM.
 */
export function impliedFx(all: readonly Fact[]): FxRate[] {
  const facts = new Facts(all);
  const rank = (p: PeriodId) => (p === "TTM" ? "2" : p.startsWith("FY") ? `0${p}` : `1${p.slice(3)}${p.slice(0, 2)}`);
  const periods = all
    .filter((f) => f.primary && f.metric === "revenue" && f.currency === "USD" && facts.has("revenue", f.period, "RMB"))
    .map((f) => f.period)
    .sort((a, b) => rank(a).localeCompare(rank(b)));
  return periods.map((period) => {
    const rmb = facts.get("revenue", period, "RMB");
    const usd = facts.get("revenue", period, "USD");
    const [low, high] = div(range(rmb), range(usd)) as Range;
    return {
      period,
      base: "USD",
      quote: "RMB",
      rate: Number((rmb.value / usd.value).toPrecision(10)),
      low: Number(low.toPrecision(10)),
      high: Number(high.toPrecision(10)),
      derivation: `revenue ${period}: RMB ${rmb.precision.stated} (${rmb.section}) / USD ${usd.precision.stated} (${usd.section})`,
      inputs: [rmb.id, usd.id],
    };
  });
}
