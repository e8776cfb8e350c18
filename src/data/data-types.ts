/**
 * KC.COMPANY and KC.CARD as Excel data types: the company as an entity whose card shows its profile, both listings,
 * the analyst view, next earnings, the latest headline figures and the as-of dates; a figure as a number that carries
 * its metric, period, currency, units, source, conflict and checks on its card. Every property cites its source line
 * as attribution. The shapes are Microsoft's (Excel.EntityCellValue, Excel.DoubleCellValue in @types/office-js);
 * nothing here calls Office: whether the host can show them is the function shell's question (src/functions).
 *
 * Requirement sets: an entity, its card and property attribution are ExcelApi 1.16; a number that carries properties,
 * a card and a number format is ExcelApi 1.19. An entity built for a 1.16 host formats its numbers with the
 * FormattedNumber type (1.16) instead of a Double's numberFormat (1.19).
 */
import { quotedIn, whereIn } from "./citation";
import { dataset } from "./dataset";
import { excelSerial, longDate } from "./dates";
import { figure } from "./figures";
import { checksOf } from "./flags";
import { infoField } from "./info";
import { parseMetric } from "./metrics";
import { parsePeriod } from "./periods";
import { all, ok, type Result } from "./result";
import type { Currency, Fact, Metric, Period, Source } from "./schema";
import { latestFiscalYear, store } from "./store";
import { VERDICT } from "./verdicts";
import { parseCurrency, parseScale, scaleWords } from "./units";

export type DataTypeValue = Excel.EntityCellValue | Excel.DoubleCellValue;
type Property = Excel.CellValueAndPropertyMetadata;

/** The ExcelApi version a value is built for: what decides how a formatted number is written. */
export type ExcelApiLevel = "1.16" | "1.19";

const DATE_FORMAT = "mmm d, yyyy";
const PROVIDER: Excel.CellValueProviderAttributes = {
  description: `KC for Excel: figures from ${dataset.seeds.length} bundled source documents, as of ${longDate(dataset.asOf.analysis)}`,
};


/** "<document title>, line N", as the task pane names its sources too (citation.ts). */
export const where = (s: Source): string => whereIn(dataset.seeds, s);

/** One attribution per source: the document, the line and the text quoted from it. */
const attribution = (sources: readonly Source[]): Excel.CellValueAttributionAttributes[] =>
  sources.map((s) => ({ sourceText: quotedIn(dataset.seeds, s) }));

function metadata(sublabel: string | null, sources: readonly Source[]): Excel.CellValuePropertyMetadata | undefined {
  if (!sublabel && !sources.length) return undefined;
  return { ...(sublabel ? { sublabel } : {}), ...(sources.length ? { attribution: attribution(sources) } : {}) };
}

function text(value: string, sublabel: string | null = null, sources: readonly Source[] = []): Property {
  const meta = metadata(sublabel, sources);
  return { type: "String", basicType: "String", basicValue: value, ...(meta ? { propertyMetadata: meta } : {}) };
}

/** A number in a given format: a Double with numberFormat on ExcelApi 1.19, a FormattedNumber before it. */
function number(level: ExcelApiLevel, value: number, format: string, sublabel: string | null, sources: readonly Source[]): Property {
  const meta = metadata(sublabel, sources);
  const extra = meta ? { propertyMetadata: meta } : {};
  return level === "1.19"
    ? { type: "Double", basicType: "Double", basicValue: value, numberFormat: format, ...extra }
    : { type: "FormattedNumber", basicType: "Double", basicValue: value, numberFormat: format, ...extra };
}

/** Decimals enough to show a figure as exactly as its source states it: 9.02B (±5 million) in millions shows none. */
function decimalsOf(halfWidth: number): number {
  if (!(halfWidth > 0)) return 0;
  return Math.min(6, Math.max(0, Math.ceil(-Math.log10(2 * halfWidth) - 1e-9)));
}

const fixed = (decimals: number) => (decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0");

/** The Excel number format for a figure of `metric` read from `fact`, shown `factor` times the stored value. */
export function numberFormatOf(metric: Metric, fact: Fact, factor: number): string {
  const decimals = decimalsOf(fact.precision.halfWidth * Math.abs(factor));
  if (metric.kind === "fraction") return `0${Math.max(0, decimals - 2) > 0 ? `.${"0".repeat(Math.max(0, decimals - 2))}` : ""}%`;
  return fixed(decimals);
}

/** A figure's unit in words, as a card and KC.METRICS show it: "RMB millions", "USD per ADS", "ratio". */
export function unitsOf(metric: Metric, currency: string | null, scale: number | null): string {
  if (metric.kind === "money") return `${currency ?? ""} ${scaleWords(scale)}`.trim();
  if (metric.kind === "per_share") return `${currency ?? ""} per ADS`.trim();
  return metric.kind === "fraction" ? "fraction (shown as a percentage)" : metric.kind;
}

/** KC.CARD: the number KC.FIGURE answers for the same arguments, carrying its card (ExcelApi 1.19). */
export function figureCard(metricRaw: unknown, periodRaw: unknown, currencyRaw: unknown, unitsRaw: unknown): Result<Excel.DoubleCellValue> {
  const value = figure(metricRaw, periodRaw, currencyRaw, unitsRaw, "CARD");
  if (!value.ok) return value;
  const args = all(parseMetric(metricRaw), parsePeriod(periodRaw), parseCurrency(currencyRaw), parseScale(unitsRaw));
  if (!args.ok) return args;
  const [metric, period, asked, scale] = args.value;
  const fact = value.facts[0] as Fact;
  const money = metric.kind === "money" || metric.kind === "per_share";
  const currency = asked ?? (money ? (store.reportingCurrency(metric.id) ?? fact.currency) : null);
  return ok(cardFor(metric, period, fact, value.value, currency, scale, value.notes), value.facts, value.notes);
}

function cardFor(metric: Metric, period: Period, fact: Fact, value: number, currency: Currency | null, scale: number | null, notes: readonly string[]): Excel.DoubleCellValue {
  const properties: Record<string, Property> = {
    Metric: text(metric.label, metric.id),
    Period: text(period.label, `${longDate(period.start)} to ${longDate(period.end)}`),
    Currency: text(currency ?? "none (not money)", currency && currency !== fact.currency ? `converted from ${fact.currency}` : "as the source states it"),
    Units: text(unitsOf(metric, currency, scale)),
    Stated: text(fact.precision.stated, fact.section, [fact.source]),
    Source: text(where(fact.source), null, [fact.source]),
    Quote: text(fact.source.text, null, [fact.source]),
  };
  const about = ["Metric", "Period", "Currency", "Units"];
  const source = ["Stated", "Source", "Quote"];
  const conversion = notes.filter(Boolean).join(" ");
  if (conversion) {
    properties.Conversion = text(conversion);
    about.push("Conversion");
  }
  const others = store.facts(fact.metric, fact.period, fact.currency).filter((f) => f !== fact);
  const conflict = store.conflict(`${fact.metric}:${fact.period}`);
  others.forEach((other, i) => {
    const name = others.length > 1 ? `Also stated ${i + 1}` : "Also stated";
    properties[name] = text(`${other.precision.stated} (${other.section}), ${where(other.source)}`, null, [other.source]);
    source.push(name);
  });
  const sections: Excel.CardLayoutSection[] = [
    { layout: "List", properties: about },
    { layout: "List", title: "Source", collapsible: true, collapsed: false, properties: source },
  ];
  if (conflict) {
    properties.Conflict = text(conflict.why, null, [conflict.primary, ...conflict.others]);
    sections.push({ layout: "List", title: "Conflict", collapsible: true, collapsed: false, properties: ["Conflict"] });
  }
  const checks = checksOf(fact);
  if (checks.length) {
    for (const r of checks) properties[r.label] = text(`${VERDICT[r.status]}: ${r.note}`, r.kc ? `=${r.kc}` : null, [r.source]);
    sections.push({ layout: "List", title: "Checks against ratios the pages state", collapsible: true, collapsed: checks.every((r) => r.status === "reconciles"), properties: checks.map((r) => r.label) });
  }
  const broken = dataset.implausible.filter((p) => p.inputs.includes(fact.id)).map((p) => {
    // The rule's words are its note; its figures' lines are the attribution (the rule's id is no reader's word).
    const sources = p.inputs.flatMap((id) => dataset.facts.find((f) => f.id === id)?.source ?? []);
    properties[`Implausible ${p.period}`] = text(p.note ?? "", null, sources);
    return `Implausible ${p.period}`;
  });
  if (broken.length) sections.push({ layout: "List", title: "Plausibility rules broken", collapsible: true, collapsed: false, properties: broken });
  return {
    type: "Double",
    basicType: "Double",
    basicValue: value,
    numberFormat: numberFormatOf(metric, fact, fact.value === 0 ? 1 : value / fact.value),
    properties,
    layouts: { compact: { icon: "Cloud" }, card: { title: `${metric.label}, ${period.label}`, sections } },
    provider: PROVIDER,
  };
}

/** The headline figures the company card shows for the latest fiscal year and TTM. */
const HEADLINES: ReadonlyArray<readonly [metric: string, name: string]> = [
  ["revenue", "Revenue"],
  ["gross_profit", "Gross profit"],
  ["ebitda", "EBITDA"],
  ["net_income", "Net income"],
  ["free_cash_flow", "Free cash flow"],
];

/** KC.COMPANY: Kingsoft Cloud as an entity (ExcelApi 1.16), its numbers formatted for the host's ExcelApi level. */
export function companyEntity(level: ExcelApiLevel): Excel.EntityCellValue {
  const p = dataset.profile;
  const from = (name: string): Source[] => (p.sources[name] ? [p.sources[name] as Source] : []);
  const properties: Record<string, Property> = {
    Name: text(p.name, null, from("name")),
    CEO: text(p.ceo, null, from("ceo")),
    Sector: text(p.sector, null, from("sector")),
    Industry: text(p.industry, null, from("industry")),
    "Listing date": number(level, excelSerial(p.listingDate), DATE_FORMAT, "NASDAQ", from("listingDate")),
    Website: text(p.website, null, from("website")),
  };
  const sections: Excel.CardLayoutSection[] = [];
  const field = (id: string, name: string, format: string, sublabel: string): string => {
    const f = infoField(id);
    if (!f.ok) throw new Error(`no profile field ${id}`);
    const v = f.value.value;
    if (v === null) return "";
    properties[name] = typeof v === "number" ? number(level, v, format, sublabel, f.value.sources) : text(String(v), sublabel, f.value.sources);
    return name;
  };
  const section = (title: string, names: readonly string[], collapsed = false) => {
    const shown = names.filter(Boolean);
    if (shown.length) sections.push({ layout: "List", title, collapsible: true, collapsed, properties: shown });
  };
  const hkDate = longDate(dataset.asOf.analysis);
  section("NASDAQ: KC (USD, per ADS)", [
    field("market_cap_usd", "Market cap USD", "#,##0", "USD millions · the NASDAQ page gives no date"),
    field("52w_high_usd", "52w high USD", "0.00", "USD per ADS"),
    field("52w_low_usd", "52w low USD", "0.00", "USD per ADS"),
    field("pe_ttm", "P/E TTM", "0.0", "multiple"),
  ]);
  section("HKEX: 3896 (HKD, per share)", [
    field("last_price_hkd", "Last price HKD", "0.00", `HKD per share · ${hkDate}`),
    field("change_percent", "Change", "0.00%", `day change · ${hkDate}`),
  ]);
  section("Analyst view", [
    field("rating", "Rating", "@", `model rating · ${hkDate}`),
    field("analyst_rating", "Analyst rating", "@", hkDate),
    field("price_target_hkd", "Price target HKD", "0.00", "HKD per share (HKEX)"),
    field("price_target_upside", "Upside", "0.0%", "to the price target"),
  ]);
  const next = dataset.nextEarnings.find((n) => n.primary);
  if (next) {
    const others = dataset.nextEarnings.filter((n) => !n.primary);
    const sub = others.length ? `also stated: ${others.map((n) => longDate(n.date)).join(", ")} (see KC.CONFLICTS)` : null;
    properties["Next earnings"] = number(level, excelSerial(next.date), DATE_FORMAT, sub, [next.source, ...others.map((n) => n.source)]);
    section("Next earnings", ["Next earnings"]);
  }
  for (const [period, suffix] of [[latestFiscalYear, ""], [store.period("TTM"), " TTM"]] as const) {
    if (!period) continue;
    const names: string[] = [];
    for (const [metric, label] of HEADLINES) {
      const fact = store.fact(metric, period.id, "RMB");
      if (!fact) continue;
      const name = `${label}${suffix}`;
      // One format for the block, so the figures line up; the value itself is the figure as stored.
      properties[name] = number(level, fact.value, "#,##0", `${period.label} · RMB millions`, [fact.source]);
      names.push(name);
    }
    section(`${period.label} (RMB millions)`, names);
  }
  properties["Data as of"] = number(level, excelSerial(dataset.asOf.analysis), DATE_FORMAT, "date of the analysis page", [dataset.asOf.source]);
  const lastQuarter = dataset.facts.find((f) => f.primary && store.period(f.period)?.kind === "quarter" && store.period(f.period)?.end === dataset.asOf.financials);
  const quarter = lastQuarter ? store.period(lastQuarter.period)?.label : null;
  properties["Financials to"] = number(level, excelSerial(dataset.asOf.financials), DATE_FORMAT, `end of the TTM period${quarter ? `: ${quarter}, the last quarter the pages report` : ""}`, lastQuarter ? [lastQuarter.source] : []);
  section("Profile", ["CEO", "Sector", "Industry", "Listing date", "Website"], true);
  section("Data", ["Data as of", "Financials to"]);
  return {
    type: "Entity",
    text: p.name,
    properties,
    layouts: { compact: { icon: "Cloud" }, card: { title: { property: "Name" }, sections } },
    provider: PROVIDER,
  };
}

/** A row of a card as a reader sees it: the property's name, its value as displayed, its sublabel and its sources. */
export type CardRow = { readonly name: string; readonly value: string; readonly sublabel: string | null; readonly sources: readonly string[] };
export type CardView = { readonly title: string; readonly value: string | null; readonly sections: readonly { readonly title: string | null; readonly rows: readonly CardRow[] }[]; readonly provider: string | null };

/** A number in the Excel number formats the cards use: "#,##0.00", "0.0%", "0.00", "mmm d, yyyy". */
export function formatNumber(value: number, format: string): string {
  if (format === DATE_FORMAT) {
    const date = new Date(Date.UTC(1899, 11, 30) + value * 86400000);
    return longDate(date.toISOString().slice(0, 10));
  }
  const decimals = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
  const percent = format.endsWith("%");
  const shown = (percent ? value * 100 : value).toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: format.includes(",") });
  return percent ? `${shown}%` : shown;
}

/**
 * A value as cardView reads it: plain JSON, read outside Excel as well (the pane in a browser, the README), so it is
 * typed by its shape here rather than by the Excel types, whose members describe what Excel accepts.
 */
type Shown = {
  readonly type: string;
  readonly basicValue?: unknown;
  readonly text?: string;
  readonly numberFormat?: string;
  readonly properties?: Readonly<Record<string, Shown>>;
  readonly propertyMetadata?: { readonly sublabel?: string; readonly attribution?: readonly { readonly sourceText?: string }[] };
  readonly layouts?: { readonly card?: { readonly title?: string | { readonly property: string }; readonly sections?: readonly { readonly title?: string; readonly properties: readonly string[] }[] } };
  readonly provider?: { readonly description?: string };
};

function display(p: Shown): string {
  if (typeof p.basicValue === "number") return p.numberFormat ? formatNumber(p.basicValue, p.numberFormat) : String(p.basicValue);
  if (p.type === "Entity") return p.text ?? "";
  return String(p.basicValue ?? "");
}

/** What a data type's card shows, in order, as text: the pane's card preview and the README's example read this. */
export function cardView(value: DataTypeValue): CardView {
  const shown = value as Shown;
  const properties = shown.properties ?? {};
  const card = shown.layouts?.card;
  const row = (name: string): CardRow => {
    const p = properties[name] as Shown;
    const meta = p.propertyMetadata;
    return { name, value: display(p), sublabel: meta?.sublabel ?? null, sources: (meta?.attribution ?? []).map((a) => a.sourceText ?? "") };
  };
  const title = card?.title;
  return {
    title: typeof title === "string" ? title : title ? display(properties[title.property] as Shown) : "",
    value: shown.type === "Entity" ? null : display(shown),
    sections: (card?.sections ?? []).map((s) => ({ title: s.title ?? null, rows: s.properties.map(row) })),
    provider: shown.provider?.description ?? null,
  };
}
