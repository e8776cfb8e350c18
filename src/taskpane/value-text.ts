/** A KC function's answer as the builder writes it: in its currency and scale, a date as a date, a share as a percentage. */
import type { CellValue, Ok } from "../data/result";
import type { KcName } from "../data/spec";
import { core } from "./content";
import { money, percent, perShare, plain, serialDate } from "./format";
import { library } from "./library";

type Argument = string | number | null;
const SCALE: Readonly<Record<string, "B" | "M" | "K" | "">> = { "": "M", B: "B", K: "K", units: "" };
const UNIT_OF: ReadonlyMap<string, string> = new Map([...library.INFO_FIELDS, ...library.FILING_FIELDS].map((f) => [f.id, f.unit]));

/** A value of a profile or filing field, in the unit the field declares ("date", "fraction", "USD millions", …). */
export function inUnit(value: number, unit: string): string {
  if (unit === "date") return serialDate(value);
  if (unit === "fraction") return percent(value, 2, false);
  if (unit === "year") return String(value);
  const currency = /\b(USD|HKD|RMB)\b/.exec(unit)?.[1] ?? null;
  if (/millions/.test(unit)) return money(value, currency, "M");
  if (/per (ADS|share)/.test(unit)) return perShare(value, currency);
  return plain(value);
}

/** A figure of a metric in the currency asked, else the currency of the facts it rests on, at the scale asked. */
function figure(metricId: Argument, currencyAsked: Argument, units: Argument, answer: Ok<CellValue>, value: number): string {
  const kind = answer.facts[0]?.kind ?? core.metrics.find((m) => m.id === metricId)?.kind;
  const currency = typeof currencyAsked === "string" && currencyAsked ? currencyAsked.toUpperCase() : (answer.facts[0]?.currency ?? null);
  const scale = SCALE[String(units ?? "").toUpperCase() === "UNITS" ? "units" : String(units ?? "").toUpperCase()];
  if (kind === "fraction") return percent(value, 2, false);
  if (kind === "per_share") return perShare(value, currency);
  return kind === "money" && scale !== undefined ? money(value, currency, scale) : plain(value);
}

/** The answer written for a reader; null where it is no single number (text and grids show as they are). */
export function answerText(fn: KcName, args: readonly Argument[], answer: Ok<CellValue>): string | null {
  const value = answer.value;
  if (typeof value !== "number") return null;
  switch (fn) {
    case "REVENUE":
      return figure("revenue", args[1] ?? null, args[2] ?? null, answer, value);
    case "FIGURE":
    case "CARD":
      return figure(args[0] ?? null, args[2] ?? null, args[3] ?? null, answer, value);
    case "MARGIN":
      return percent(value, 2, false);
    case "GROWTHRATE":
    case "CAGR":
      return percent(value, 2);
    case "PROFILE":
      return inUnit(value, UNIT_OF.get(String(args[0])) ?? "");
    case "FILING":
      return inUnit(value, UNIT_OF.get(String(args[1])) ?? "");
    case "ASOF":
      return serialDate(value);
    case "FXRATE":
      return `${plain(value)} RMB per USD`;
    default:
      return plain(value);
  }
}
