/**
 * Overview: a notice when the data is stale, the at-a-glance card, the trends, then both listings with their
 * currencies, rating, scores, technicals, the statements, the peers, where the sources disagree, the stated ratios
 * checked, the figures' plausibility, the company's profile, the as-of dates and the dataset version.
 */
import type { Quote, Source } from "../data/schema";
import { core, content } from "./content";
import { h } from "./dom";
import { library } from "./library";
import { searchable } from "./filter";
import { date, millions, percent, perShare, plain } from "./format";
import { sourceNote } from "./source-note";
import { checks, plausibility } from "./checks";
import { conflicts } from "./conflicts";
import { peers } from "./peers";
import { statements } from "./statements";
import { glance, staleness } from "./glance";
import { todayOf } from "./stale";
import { trends } from "./trends";
import type { Actions } from "./actions";

const quote = (list: readonly Quote[], field: string): Quote | undefined => list.find((q) => q.field === field);

function shown(q: Quote | undefined): string {
  if (!q) return "—";
  if (typeof q.value === "string") return q.value;
  if (q.unit === "fraction") return percent(q.value, 2, /change|upside|cagr|growth/.test(q.field));
  if (q.unit.startsWith("millions")) return millions(q.value, q.currency);
  if (/per (ADS|share)/.test(q.unit)) return perShare(q.value, q.currency ?? (q.unit.startsWith("HKD") ? "HKD" : "USD"));
  return plain(q.value);
}

function row(label: string, value: string, sources: readonly Source[]): HTMLElement {
  return searchable(h("div", { className: "row" }, h("dt", {}, label), h("dd", {}, value, sourceNote(sources))), "profile", null, `${label} ${value}`);
}

function card(title: string, subtitle: string, ...rows: HTMLElement[]): HTMLElement {
  return h("section", { className: "card", "aria-label": title }, h("h3", {}, title, h("span", { className: "subtle" }, subtitle)), h("dl", {}, rows));
}

const q = (list: readonly Quote[], field: string, label?: string): HTMLElement => {
  const found = quote(list, field);
  return row(label ?? found?.label ?? field, shown(found), found ? [found.source] : []);
};

export function overview(actions: Actions, today = todayOf(new Date()), model: HTMLElement | null = null): HTMLElement {
  const p = core.profile;
  const s = p.sources;
  const pick = (...names: string[]) => names.map((n) => s[n]).filter((x): x is Source => Boolean(x));
  const nasdaq = core.listings.find((l) => l.exchange === "NASDAQ")?.fields ?? [];
  const hkex = core.listings.find((l) => l.exchange === "HKEX")?.fields ?? [];
  return h(
    "div",
    {},
    staleness(today),
    glance(today),
    model,
    trends(),
    card("NASDAQ: KC", " · USD, per ADS", q(nasdaq, "market_cap", "Market cap"), q(nasdaq, "pe_ttm"), q(nasdaq, "high_52w"), q(nasdaq, "low_52w"), q(nasdaq, "range_52w"), q(nasdaq, "dividend_yield")),
    card("HKEX: 3896", " · HKD, per share", q(hkex, "last_price"), q(hkex, "change"), q(hkex, "change_percent")),
    card(
      "Rating",
      ` · analysis of ${date(core.asOf.analysis)}`,
      q(core.rating, "analyst_rating"),
      searchable(h("div", { className: "row prose" }, h("p", {}, content.ratingSummary.text), sourceNote([content.ratingSummary.source])), "profile", null, content.ratingSummary.text),
    ),
    card(
      "Scores",
      "",
      row("F-score", `${shown(quote(core.scores, "f_score"))} / 9 · ${shown(quote(core.scores, "f_score_label"))}`, [quote(core.scores, "f_score")?.source].filter((x): x is Source => Boolean(x))),
      q(core.scores, "income_statement_score"),
      q(core.scores, "balance_sheet_score"),
      q(core.scores, "cash_flow_score"),
    ),
    card("Technicals", " · HKEX, HKD", ...["sentiment", "ma20", "ma50", "ma100", "ma200", "macd", "rsi", "stoch"].map((f) => q(core.technicals, f))),
    statements(actions, (statement) => core.metrics.filter((m) => m.statement === statement).map((m) => m.id)),
    peers(actions),
    conflicts(actions),
    checks(actions),
    plausibility(),
    card(
      p.name,
      " · NASDAQ: KC · HKEX: 3896",
      row("CEO", p.ceo, pick("ceo")),
      row("Sector · industry", `${p.sector} · ${p.industry}`, pick("sector", "industry")),
      row("NASDAQ listing", date(p.listingDate), pick("listingDate")),
      row("Contact", `${p.address} · ${p.phone} · ${p.website}`, pick("address", "phone", "website")),
      searchable(h("div", { className: "row prose" }, h("p", {}, content.about.description.text), sourceNote([content.about.description.source])), "profile", null, content.about.description.text),
    ),
    card(
      "As of",
      "",
      row("Analysis page dated", date(core.asOf.analysis), [core.asOf.source]),
      row("Financials through", `${date(core.asOf.financials)} (TTM)`, []),
      row("Dataset version", library.datasetVersion, []),
    ),
  );
}
