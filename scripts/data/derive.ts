/**
 * What follows from the stated figures: conflicts between sources, ratios the pages state recomputed with interval
 * arithmetic on the rounding, and the RMB-per-USD rate each fiscal year's two revenue figures imply.
 */
import { interval } from "./parse";
import type { Conflict, Fact, FxRate, NextEarnings, Period, PeriodId, Reconciliation } from "../../src/data/schema";

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
    if (primaries.length !== 1) {
      throw new Error(`${group[0]?.metric} ${group[0]?.period}: ${primaries.length} primary facts among ${group.map((f) => `${f.source.file} line ${f.source.line}`).join(", ")}`);
    }
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

/** A period in a check's label: "2024", "TTM", "Q2 2025". */
const inWords = (p: PeriodId) => (p.startsWith("FY") ? p.slice(2) : p.replace("-", " "));
/** The fiscal year before `FYyyyy`. */
const yearBefore = (p: PeriodId): PeriodId => `FY${Number(p.slice(2)) - 1}`;
const about = (x: number, percent: boolean) => (percent ? `${(x * 100).toFixed(1)}%` : x.toFixed(2));

/**
 * Every ratio the pages state that the stored figures can check, recomputed with the rounding of each input: one
 * check per period a page states the ratio for, so a new snapshot's periods are checked without code. A check whose
 * inputs the dataset lacks is kept as not computable, naming what is missing, rather than dropped.
 */
export function reconciliations(all: readonly Fact[], periods: readonly Period[]): Reconciliation[] {
  const facts = new Facts(all);
  const stated = (id: string) => {
    const f = all.find((x) => x.id === id);
    if (!f) throw new Error(`no fact ${id}`);
    return f;
  };
  const g = (m: string, p: PeriodId, c: string | null = "RMB") => facts.get(m, p, c);
  /** The facts of `metric` that the named sections of the pages state, in the dataset's order. */
  const statedIn = (metric: string, ...sections: string[]) => all.filter((f) => sections.some((s) => f.id === `${metric}:${f.period}:${s}`));
  /** A check of `s` from the primary facts `needs` names; without all of them, a check that says which are missing. */
  const from = (s: Fact, needs: [string, PeriodId][], check: (inputs: Fact[]) => Omit<Check, "stated">): Check => {
    const missing = needs.filter(([m, p]) => !facts.has(m, p));
    if (missing.length) {
      return { ...check([]), stated: s, inputs: [], compute: () => null, kc: undefined,
        note: `Stated ${s.precision.stated}; the dataset has no ${missing.map(([m, p]) => `${m} ${p}`).join(" or ")} to recompute it from.` };
    }
    return { ...check(needs.map(([m, p]) => g(m, p))), stated: s };
  };
  /** `metric` = `numerator` / `denominator` for every period the sections state it. */
  const ratioChecks = (metric: string, sections: string[], id: string, label: string, [num, den]: [string, string], kc: (p: PeriodId) => string) =>
    statedIn(metric, ...sections).map((s) =>
      from(s, [[num, s.period], [den, s.period]], (inputs) => ({ id: `${id}_${s.period}`, label: `${label} ${inWords(s.period)}`, formula: `${num} / ${den}`, inputs, kc: kc(s.period), compute: ratio })),
    );
  /** Each fiscal year, newest first, whose 20-F list states `metric` and for which `computable` holds, with the year before. */
  const filingYears = (metric: string, computable: (p: PeriodId, prior: PeriodId) => boolean): [PeriodId, PeriodId][] =>
    all
      .filter((f) => f.metric === metric && f.id === `${metric}:${f.period}:filing`)
      .map((f): [PeriodId, PeriodId] => [f.period, yearBefore(f.period)])
      .filter(([p, prior]) => computable(p, prior))
      .sort(([a], [b]) => b.localeCompare(a));
  /** The latest fiscal year that ends before the TTM period does, whose figures the TTM notes compare with. */
  const ttm = periods.find((p) => p.kind === "ttm");
  const lastYear = periods.filter((p) => p.kind === "fiscal_year" && ttm !== undefined && p.end < ttm.end).map((p) => p.id).sort().pop();
  /** What a TTM ratio that disagrees gives from other bases, for its note: `explain` returns null where it cannot say. */
  const explained = (check: Check, explain: (s: Fact) => string | null): Check => {
    if (reconcile(check).status !== "disagrees") return check;
    const note = explain(check.stated);
    return note ? { ...check, note } : check;
  };
  const percent = (s: Fact) => s.precision.stated.includes("%");
  const notComputable = (metric: string, section: string, label: string, formula: string, why: string) =>
    statedIn(metric, section).map((s): Check => ({ id: `${metric}_${s.period}`, label: `${label} ${inWords(s.period)}`, stated: s, formula, inputs: [], compute: () => null, note: `Stated ${s.precision.stated}; ${why}` }));

  const checks: Check[] = [
    ...ratioChecks("gross_margin", ["highlights", "overview"], "gross_margin", "Gross margin", ["gross_profit", "revenue"], (p) => `KC.MARGIN("gross","${p}")`),
    ...statedIn("revenue_growth", "highlights").map((s) =>
      from(s, [["revenue", s.period], ["revenue", yearBefore(s.period)]], (inputs) => ({ id: `revenue_growth_${s.period}`, label: `Revenue growth ${inWords(s.period)}`,
        formula: `revenue ${s.period} / revenue ${yearBefore(s.period)} - 1`, inputs, kc: `KC.GROWTHRATE("revenue","${s.period}")`, compute: growth })),
    ),
    ...filingYears("revenue_growth", (p, prior) => facts.has("revenue", p) && facts.has("revenue", prior)).map(([p, prior]): Check => {
      return { id: `revenue_growth_${p}_filing`, label: `Revenue growth ${p.slice(2)} (20-F list)`, stated: stated(`revenue_growth:${p}:filing`), formula: `revenue ${p} / revenue ${prior} - 1 (RMB)`, inputs: [g("revenue", p), g("revenue", prior)], kc: `KC.GROWTHRATE("revenue","${p}")`, compute: growth };
    }),
    ...ratioChecks("net_margin", ["overview"], "net_margin", "Net margin", ["net_income", "revenue"], (p) => `KC.MARGIN("net","${p}")`),
    ...ratioChecks("debt_to_equity", ["overview"], "debt_to_equity", "Debt to equity", ["total_debt", "total_equity"], (p) => `KC.RATIO("debt_to_equity","${p}")`),
    ...ratioChecks("equity_ratio", ["overview"], "equity_ratio", "Equity ratio", ["total_equity", "total_assets"], (p) => `KC.RATIO("equity_ratio","${p}")`),
    ...ratioChecks("debt_to_assets", ["peers"], "debt_to_assets", "Debt to assets", ["total_debt", "total_assets"], (p) => `KC.RATIO("debt_to_assets","${p}")`),
    ...statedIn("net_loss_decrease", "highlights").map((s) =>
      from(s, [["net_income", yearBefore(s.period)]], ([before]) => ({ id: `net_loss_decrease_${s.period}`, label: `Net loss decrease ${inWords(s.period)} (highlights)`,
        formula: `1 - net loss ${s.period} (highlights) / net loss ${yearBefore(s.period)}`, inputs: before ? [stated(`net_income:${s.period}:highlights`), before] : [], compute: lossGrowth })),
    ),
    ...ratioChecks("ai_share_of_public_cloud", ["call"], "ai_share_of_public_cloud", "AI share of public cloud revenue", ["ai_gross_billings", "public_cloud_revenue"], (p) => `KC.RATIO("ai_gross_billings/public_cloud_revenue","${p}")`),
    ...ratioChecks("ecosystem_share_of_revenue", ["call"], "ecosystem_share", "Ecosystem share of revenue", ["ecosystem_revenue", "revenue"], (p) => `KC.RATIO("ecosystem_revenue/revenue","${p}")`),
    ...ratioChecks("roe", ["overview"], "roe", "Return on equity", ["net_income", "total_equity"], (p) => `KC.RATIO("roe","${p}")`).map((c): Check => ({
      ...explained({ ...c, formula: "net_income / total_equity (ending)" }, (s) => {
        if (s.period !== "TTM" || c.inputs.length === 0) return null;
        const [income, equity] = c.inputs.map((f) => f.value) as [number, number];
        const average = lastYear && facts.has("total_equity", lastYear) ? `, and over the average of TTM and ${lastYear} equity about ${about(income / ((equity + g("total_equity", lastYear).value) / 2), true)}` : "";
        return `Stated ${s.precision.stated}; TTM net income over ending equity gives about ${about(income / equity, true)}${average}. The page's equity base is not in the dataset.`;
      }),
    })),
    ...ratioChecks("ocf_to_net_income", ["overview"], "ocf_to_net_income", "Operating cash flow to net income", ["operating_cash_flow", "net_income"], (p) => `KC.RATIO("ocf_to_net_income","${p}")`).map((c) =>
      explained(c, (s) => {
        if (s.period !== "TTM" || c.inputs.length === 0) return null;
        const [cash, income] = c.inputs.map((f) => f.value) as [number, number];
        let year = "";
        if (lastYear && facts.has("operating_cash_flow", lastYear) && facts.has("net_income", lastYear)) {
          const fy = g("operating_cash_flow", lastYear).value / g("net_income", lastYear).value;
          const mirrored = about(Math.abs(fy), percent(s)) === about(Math.abs(s.value), percent(s)) && Math.sign(fy) !== Math.sign(s.value);
          year = ` ${lastYear} figures give about ${about(fy, percent(s))}${mirrored ? " (same size, opposite sign)" : ""}.`;
        }
        return `Stated ${s.precision.stated}; TTM figures give about ${about(cash / income, percent(s))}.${year}`;
      }),
    ),
    ...ratioChecks("fcf_to_net_income", ["overview"], "fcf_to_net_income", "Free cash flow to net income", ["free_cash_flow", "net_income"], (p) => `KC.RATIO("fcf_to_net_income","${p}")`),
    ...withEpsCaveat(filingYears("eps_growth", (p, prior) => facts.has("eps", p, "USD") && facts.has("eps", prior, "USD")).map(([p, prior]): Check => {
      return { id: `eps_growth_${p}`, label: `EPS growth ${p.slice(2)} (20-F list)`, stated: stated(`eps_growth:${p}:filing`), formula: `1 - EPS ${p} / EPS ${prior} (both losses)`,
        inputs: [g("eps", p, "USD"), g("eps", prior, "USD")], kc: `KC.GROWTHRATE("eps","${p}")`, compute: lossGrowth };
    })),
    ...ratioChecks("non_gaap_ebitda_margin", ["call"], "non_gaap_ebitda_margin", "Non-GAAP EBITDA margin", ["non_gaap_ebitda", "revenue"], (p) => `KC.MARGIN("non_gaap_ebitda","${p}")`),
    ...notComputable("revenue_growth", "overview", "Revenue growth", "revenue TTM / revenue one year earlier - 1", "the dataset has no TTM revenue for the year before, so it cannot be recomputed."),
    ...notComputable("free_cash_flow_growth", "overview", "Free cash flow growth", "free cash flow TTM / one year earlier - 1", "the dataset has no TTM free cash flow for the year before."),
    ...notComputable("ebit_margin", "overview", "EBIT margin", "EBIT / revenue", "the pages give no EBIT figure."),
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
