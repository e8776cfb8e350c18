/**
 * The overview's first screen: how old the data is, both listings' price and market cap with their currency and date,
 * the rating and price target, the next earnings, and the headline figures of the latest fiscal year and TTM. Every
 * value is read from the dataset or the KC library and keeps its sources one click away.
 */
import type { Result } from "../data/result";
import type { Fact, Listing, Quote, Source } from "../data/schema";
import { core } from "./content";
import { h } from "./dom";
import { searchable } from "./filter";
import { date, millions, percent, perShare } from "./format";
import { library } from "./library";
import { sourceNote } from "./source-note";
import { dataAge, staleNotice, type EarningsDate } from "./stale";

const field = (list: readonly Quote[], name: string) => list.find((q) => q.field === name);
const cited = (...quotes: (Quote | undefined)[]): Source[] => quotes.flatMap((q) => (q ? [q.source] : []));
/** "the HKEX page": a seed page named by the listing it covers. */
const page = (source: Source) => `the ${core.seeds.find((s) => s.file === source.file)?.listing.split(":")[0] ?? source.file} page`;
/** Only the analysis page carries a date; a figure from another page is undated, and the card says so. */
const dated = (source: Source) => (source.file === core.asOf.source.file ? `${page(source)} is dated ${date(core.asOf.analysis)}` : `${page(source)} gives no date`);
const unsigned = (fraction: number) => percent(fraction, 1).replace(/^\+/, "");

function row(label: string, value: string, sources: readonly Source[], kind: string | readonly string[] = "profile"): HTMLElement {
  return searchable(h("div", { className: "row" }, h("dt", {}, label), h("dd", {}, value, sourceNote(sources))), kind, null, `${label} ${value}`);
}

function listing(l: Listing): HTMLElement {
  const unit = l.priceUnit.replace(/^[A-Z]+ /, "");
  const price = field(l.fields, "last_price");
  const cap = field(l.fields, "market_cap");
  const [low, high] = [field(l.fields, "low_52w"), field(l.fields, "high_52w")];
  const money = (q: Quote) => (typeof q.value === "number" ? perShare(q.value, l.currency) : q.value);
  const range = low && high ? ` (52-week range ${money(low)}–${money(high)})` : "";
  const from = (price ?? cap ?? low)?.source;
  // A share price beside the NASDAQ's per-ADS figures: also per ADS, at the shares per ADS the share grant implies.
  const perAds = unit === "per share" ? field(core.capital, "shares_per_ads") : undefined;
  const asAds = price && typeof price.value === "number" && typeof perAds?.value === "number" ? ` (${perShare(price.value * perAds.value, l.currency)} per ADS of ${perAds.value} shares)` : "";
  const text = [
    price ? `${money(price)} ${unit}${asAds}` : `No price on the page${range}`,
    cap && typeof cap.value === "number" ? `market cap ${millions(cap.value, cap.currency)}` : "no market cap on the page",
    from ? dated(from) : "",
  ].filter(Boolean);
  return row(`${l.exchange}: ${l.ticker} · ${l.currency} ${unit}`, text.join(" · "), [...cited(price, asAds ? perAds : undefined, cap, low, high), ...(from?.file === core.asOf.source.file ? [core.asOf.source] : [])]);
}

function rating(): HTMLElement {
  const [score, label, model, target, upside, analysts] = ["ai_score", "rating", "rating_model", "price_target", "price_target_upside", "analyst_rating"].map((f) => field(core.rating, f));
  const last = field(core.listings.find((l) => l.currency === target?.currency)?.fields ?? [], "last_price");
  const implied = typeof target?.value === "number" && typeof last?.value === "number" ? `; ${percent(target.value / last.value - 1, 2)} from ${perShare(last.value, last.currency)}` : "";
  const targetText = target && typeof target.value === "number" ? ` · target ${perShare(target.value, target.currency)}${upside && typeof upside.value === "number" ? ` (${percent(upside.value, 2)} upside stated${implied})` : ""}` : "";
  return row("Rating · target", `${String(label?.value ?? "—")} ${String(score?.value ?? "")} (${String(model?.value ?? "")})${analysts ? ` · analysts: ${String(analysts.value)}` : ""}${targetText}`, cited(label, model, target, upside, analysts, last));
}

function nextEarnings(): HTMLElement {
  const dates = [...core.nextEarnings].sort((a, b) => Number(b.primary) - Number(a.primary));
  const disagree = new Set(dates.map((d) => d.date)).size > 1;
  const text = `${dates.map((d) => `${date(d.date)} (${page(d.source)})`).join(" · ")}${disagree ? " — the pages disagree" : ""}`;
  return row("Next earnings", text, dates.map((d) => d.source), disagree ? ["earnings", "conflict"] : "earnings");
}

/** One headline line for the latest fiscal year and TTM, from the KC function the sheet would use, with the ratios the pages state. */
function headline(label: string, metric: string, periods: readonly string[], run: (period: string) => Result<unknown>, show: (value: number, facts: readonly Fact[]) => string): HTMLElement {
  const results = periods.map((p) => [p, run(p)] as const);
  const text = results.map(([p, r]) => `${p} ${r.ok && typeof r.value === "number" ? show(r.value, r.facts) : r.ok ? "—" : library.explain(r.reason)}`).join(" · ");
  const conflicts = core.conflicts.filter((c) => periods.some((p) => c.id === `${metric}:${p}`));
  const stated = core.reconciliations.filter((c) => periods.some((p) => c.id === `${metric}_${p}`));
  const sources = [...results.flatMap(([, r]) => (r.ok ? r.facts.map((f) => f.source) : [])), ...stated.map((s) => s.source), ...conflicts.flatMap((c) => c.others)];
  return row(label, `${text}${conflicts.length ? ` · sources disagree on ${conflicts.map((c) => c.id.split(":")[1]).join(", ")}` : ""}`, sources, conflicts.length ? ["profile", "conflict"] : "profile");
}

export function staleness(today: string): HTMLElement | null {
  const earnings: EarningsDate[] = core.nextEarnings.map((n) => ({ date: n.date, page: page(n.source), primary: n.primary }));
  const notice = staleNotice(core.profile.name, core.asOf.analysis, earnings, today);
  return notice ? h("p", { className: "stale", role: "note", id: "stale-notice" }, notice) : null;
}

export function glance(today: string): HTMLElement {
  const fiscal = core.periods.filter((p) => p.kind === "fiscal_year").sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
  const ttm = core.periods.find((p) => p.kind === "ttm");
  const periods = [fiscal?.id, ttm?.id].filter((p): p is NonNullable<typeof p> => Boolean(p));
  const figure = (metric: string) => (p: string) => library.KC.FIGURE(metric, p, null, null);
  const money = (value: number, facts: readonly Fact[]) => millions(value, facts[0]?.currency ?? null);
  return h(
    "section",
    { className: "card glance", "aria-label": "At a glance" },
    h("h3", {}, "At a glance", h("span", { className: "subtle" }, ` · ${core.profile.name}`)),
    h(
      "dl",
      {},
      row("Data", `${dataAge(core.asOf.analysis, today)} · financials through ${ttm ? date(ttm.end) : "—"} (TTM)`, [core.asOf.source]),
      [...core.listings].map(listing),
      rating(),
      nextEarnings(),
      headline("Revenue", "revenue", periods, figure("revenue"), money),
      headline("Net income", "net_income", periods, figure("net_income"), money),
      headline("Free cash flow", "free_cash_flow", periods, figure("free_cash_flow"), money),
      headline("Gross margin", "gross_margin", periods, (p) => library.KC.MARGIN("gross", p), unsigned),
    ),
  );
}
