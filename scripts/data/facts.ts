/** Builds a Fact from a figure as the page writes it, so value and precision always come from the cited text. */
import { parseMoney, parseNumber, parsePercent, parseUnits, type Parsed } from "../../src/data/parse";
import type { Currency, Fact, FactKind, PeriodId, Source } from "../../src/data/schema";

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
