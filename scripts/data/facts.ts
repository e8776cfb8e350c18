/**
 * Builds a Fact from a figure as the page writes it, so value and precision always come from the cited text; and reads
 * a section's facts by templates, with each fact's period, sign and bound read from its line.
 */
import { parseMoney, parseNumber, parsePercent, parseUnits, type Parsed } from "./parse";
import type { Currency, Fact, FactKind, PeriodId, Source } from "../../src/data/schema";
import type { Reading, Seed } from "./seed";

export type FactInput = {
  metric: string;
  period: PeriodId;
  kind: FactKind;
  /** The figure exactly as the page writes it; it must be part of `source.text`. */
  figure: string;
  source: Source;
  section: string;
  tag: string;
  currency?: Currency;
  primary?: boolean;
  negated?: true;
  bound?: "lower" | "upper";
  note?: string;
};

export function parseFigure(kind: FactKind, figure: string): Parsed {
  switch (kind) {
    case "money":
      return parseMoney(figure);
    case "per_share":
      return parseUnits(figure);
    case "fraction":
      return parsePercent(figure);
    default:
      return parseNumber(figure);
  }
}

export function fact(input: FactInput): Fact {
  if (!input.source.text.includes(input.figure)) {
    throw new Error(`${input.metric} ${input.period}: "${input.figure}" is not in the cited text "${input.source.text}"`);
  }
  const parsed = parseFigure(input.kind, input.figure);
  const currency = input.kind === "money" || input.kind === "per_share" ? (parsed.currency ?? input.currency ?? null) : null;
  if ((input.kind === "money" || input.kind === "per_share") && !currency) {
    throw new Error(`${input.metric} ${input.period}: no currency for "${input.figure}"`);
  }
  return {
    id: `${input.metric}:${input.period}:${input.tag}`,
    metric: input.metric,
    period: input.period,
    kind: input.kind,
    value: input.negated ? -parsed.value : parsed.value,
    currency,
    precision: parsed.precision,
    primary: input.primary ?? true,
    section: input.section,
    source: input.source,
    ...(input.negated ? { negated: true as const } : {}),
    ...(input.bound ? { bound: input.bound } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
}

/** The period a fact's line states: "in 2024", "TTM", or the heading above it ("Q3 2025 Data", "2024 Annual …"). */
const PERIOD_HEADING = /^(?:(?<quarter>Q[1-4])[ -](?<year>\d{4}) (?:Data|Updates)|(?<fiscal>\d{4}) Annual Earnings Highlights|.*\((?<ttm>TTM)\))$/;

/** The fact's period, and the period words of the heading it sits under ("Q3 2025", "2024") for its section name. */
function periodOf(seed: Seed, r: Reading, what: string): { period: string; heading: string } {
  const { quarter, year, fiscal, ttm } = seed.above(r.source.line, PERIOD_HEADING, what).match.groups ?? {};
  const heading = quarter ? `${quarter} ${year}` : (fiscal ?? ttm ?? "");
  if (r.year) return { period: `FY${r.year}`, heading };
  if (/\bTTM\b/.test(r.whole.text) || ttm) return { period: "TTM", heading };
  return { period: quarter ? `${quarter}-${year}` : `FY${fiscal}`, heading };
}

export type Spec = { kind: FactKind; read: string; at?: Source; primary?: false; note?: (r: Reading, f: Fact) => string };

/**
 * Facts of one section (`tag`, named from the period words of its heading by `name`): each read by its template
 * (see Seed.find), its period from its line or heading, negated when the page calls it a net loss ("net loss … to
 * RMB1.98B") or an outflow ("RMB169.1M outflow"), and a lower bound when "over" comes before it.
 */
export function factReader(seed: Seed, { tag, name }: { tag: string; name: (heading: string) => string }) {
  return (metric: string, spec: Spec): Fact => {
    const what = `facts.${metric} (${tag})`;
    const r = seed.find(spec.read, what, spec.at);
    const { period, heading } = periodOf(seed, r, what);
    const [before = ""] = r.source.text.split(r.figure);
    const afterFigure = r.source.text.slice(before.length + r.figure.length);
    const negated = /\bnet loss\b.* to $/.test(before) || /^ outflow\b/.test(afterFigure) ? true : undefined;
    const lower = /\bover $/.test(before);
    const made = fact({
      metric,
      period: period as PeriodId,
      kind: spec.kind,
      figure: r.figure,
      source: r.source,
      section: name(heading),
      tag,
      ...(spec.primary === false ? { primary: false } : {}),
      ...(negated ? { negated } : {}),
      ...(lower ? { bound: "lower" as const } : {}),
    });
    return spec.note ? { ...made, note: spec.note(r, made) } : made;
  };
}

