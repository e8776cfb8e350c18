/** Peers as both pages list them: each list as the page gives it, its currency spelled out, insertable as a table. */
import { seedLine } from "../data/citation";
import type { Peer } from "../data/schema";
import type { SheetTable } from "../office/excel";
import { actionButton, type Actions } from "./actions";
import { content } from "./content";
import { h } from "./dom";
import { searchable } from "./filter";
import { decimalsFor, millions, percent, perShare, plain } from "./format";
import { sourceNote } from "./source-note";

type Value = string | number | null;
/** `show` writes a value of the column; `digits` is the one count of decimals the column's values need. */
type Column = { readonly label: string; readonly value: (p: Peer) => Value; readonly show: (v: number, p: Peer, digits: number) => string; readonly format: string };

const num = (p: Peer, key: string): number | null => (typeof p.values[key] === "number" ? (p.values[key] as number) : null);
const company = (p: Peer): string => [p.name, p.ticker].filter(Boolean).join(" · ") || "(not named on the page)";
const text = (label: string, value: (p: Peer) => string): Column => ({ label, value, show: String, format: "@" });
const figure = (label: string, key: string, show: Column["show"], format: string): Column => ({ label, value: (p) => num(p, key), show, format });
/** The page gives a change in percentage points ("-8.5pp"), stored as a fraction (-0.085). */
const percentagePoints = (fraction: number | null): number | null => (fraction === null ? null : Number((fraction * 100).toFixed(6)));
const points = (pp: number) => `${pp < 0 ? "−" : "+"}${Math.abs(pp).toFixed(1)} pp`;
/** As the page gives it: no digits added. */
const ratio = (v: number) => `${v < 0 ? "−" : ""}${Math.abs(v)}`;
const signed = (v: number) => `${v < 0 ? "−" : "+"}${Math.abs(v).toFixed(2)}`;

type List = { readonly id: Peer["list"]; readonly title: string; readonly subtitle: string; readonly columns: readonly Column[] };

const LISTS: readonly List[] = [
  {
    id: "revenue_ttm",
    title: "Peers: revenue (TTM)",
    subtitle: " · NASDAQ overview page, USD millions",
    columns: [text("Company", company), figure("Revenue (USD M)", "revenue_usd_m", (v, _p, digits) => millions(v, "USD", digits), "#,##0.00"), figure("Growth", "growth", (v) => percent(v, 1), "0.0%")],
  },
  {
    id: "gross_margin_latest_quarter",
    title: "Peers: gross margin (latest quarter)",
    subtitle: " · NASDAQ overview page",
    columns: [text("Company", company), figure("Gross margin", "gross_margin", (v) => percent(v, 1).replace(/^\+/, ""), "0.0%"), { label: "Change (pp)", value: (p) => percentagePoints(num(p, "change_pp")), show: points, format: '+0.0" pp";-0.0" pp"' }],
  },
  {
    id: "key_metrics",
    title: "Peers: key metrics",
    subtitle: " · NASDAQ overview page, market cap in USD millions",
    columns: [
      text("Symbol", company),
      figure("Market cap (USD M)", "market_cap_usd_m", (v, _p, digits) => millions(v, "USD", digits), "#,##0.00"),
      figure("P/E (TTM)", "pe_ttm", ratio, "0.0"),
      figure("ROE (TTM)", "roe_ttm", (v) => percent(v, 1), "0.0%"),
      figure("Debt to assets", "debt_to_assets", (v) => percent(v, 1).replace(/^\+/, ""), "0.0%"),
    ],
  },
  {
    id: "hk_performance",
    title: "Peers: price performance",
    subtitle: " · HKEX analysis page, HKD per share",
    columns: [text("Company", company), figure("Price (HKD)", "price", (v) => perShare(v, "HKD"), "0.00"), figure("Change (HKD)", "change", signed, "+0.00;-0.00"), figure("Change", "change_percent", (v) => percent(v, 2), "0.00%")],
  },
  {
    id: "hk_financial_indicators",
    title: "Peers: financial indicators",
    subtitle: " · HKEX analysis page; rows not named on the page",
    columns: [
      figure("Overall rating", "overall_rating", String, "0"),
      text("Rating", (p) => String(p.values.rating_label ?? "")),
      { label: "Market cap (M)", value: (p) => num(p, "market_cap"), show: (v, p, digits) => millions(v, typeof p.values.market_cap_currency === "string" ? p.values.market_cap_currency : null, digits), format: "#,##0.00" },
      text("Market cap currency", (p) => String(p.values.market_cap_currency ?? "")),
      figure("P/E", "pe", ratio, "0.00"),
      figure("ROE", "roe", (v) => percent(v, 2), "0.00%"),
      figure("Dividend yield", "dividend_yield", (v) => percent(v, 2).replace(/^\+/, ""), "0.00%"),
      figure("Revenue growth", "revenue_growth", (v) => percent(v, 2), "0.00%"),
      figure("EPS growth", "eps_growth", (v) => percent(v, 2), "0.00%"),
      text("Unassigned percentages", (p) => ["percent_1", "percent_2", "percent_3"].map((k) => num(p, k)).filter((v): v is number => v !== null).map((v) => percent(v, 2)).join(", ")),
    ],
  },
];

const shown = (column: Column, p: Peer, digits = 2): string => {
  const v = column.value(p);
  return v === null || v === "" ? "—" : typeof v === "number" ? column.show(v, p, digits) : v;
};

/** The list as an Excel table of the values the page gives, each row with its seed line. */
function peerTable(list: List, peers: readonly Peer[]): SheetTable {
  return {
    name: `KC_Peers_${list.id}`,
    header: [...list.columns.map((c) => c.label), "Source"],
    rows: peers.map((p) => [...list.columns.map((c) => c.value(p) ?? ""), seedLine(p.source.file, p.source.line)]),
    formats: [...list.columns.map((c) => c.format), "@"],
  };
}

/** The table for one of the pages' peer lists, by its id. */
export function peerTableFor(id: Peer["list"]): SheetTable {
  const list = LISTS.find((l) => l.id === id) as List;
  return peerTable(list, content.peers.filter((p) => p.list === id));
}

function listCard(list: List, actions: Actions): HTMLElement | null {
  const peers = content.peers.filter((p) => p.list === list.id);
  if (!peers.length) return null;
  // One count of decimals per column, so that a column of figures lines up.
  const digits = list.columns.map((c) => decimalsFor(peers.map(c.value).filter((v): v is number => typeof v === "number")));
  const notes = peers.flatMap((p) => {
    // The subtitle already says the rows are unnamed; line spans are in the sources.
    const rest = (p.note ?? "").replace("The page does not name the company on this row.", "").trim();
    if (!rest || /^Lines \d/.test(rest)) return [];
    return [`${p.name ?? p.ticker ?? `Row rated ${String(p.values.overall_rating)} (${String(p.values.rating_label)}, P/E ${typeof p.values.pe === "number" ? plain(p.values.pe) : String(p.values.pe)})`}: ${rest}`];
  });
  return searchable(
    h(
      "section",
      { className: "card", "aria-label": list.title },
      h("h3", {}, list.title, h("span", { className: "subtle" }, list.subtitle)),
      h(
        "div",
        { className: "table-wrap" },
        h(
          "table",
          { className: "peers" },
          h("thead", {}, h("tr", {}, list.columns.map((c) => h("th", { scope: "col" }, c.label)))),
          h("tbody", {}, peers.map((p) => h("tr", {}, list.columns.map((c, i) => (i === 0 ? h("th", { scope: "row" }, shown(c, p)) : h("td", {}, shown(c, p, digits[i]))))))),
        ),
      ),
      notes.map((n) => h("p", { className: "subtle" }, n)),
      sourceNote(peers.map((p) => p.source)),
      actionButton(actions, "Insert as a table", () => actions.insertTable(peerTable(list, peers)), `Insert ${list.title.toLowerCase()} as an Excel table`),
    ),
    "profile",
    null,
    `${list.title} ${peers.map((p) => list.columns.map((c) => shown(c, p)).join(" ")).join(" ")}`,
  );
}

export function peers(actions: Actions): HTMLElement {
  return h("div", {}, LISTS.map((list) => listCard(list, actions)));
}
