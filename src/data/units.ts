/** Currency and scale arguments: which currency a money figure is shown in and in what units. */
import { messages } from "./messages";
import { isOmitted, nearest, scalarOf } from "./normalize";
import { invalid, ok, type Result } from "./result";
import type { Currency } from "./schema";

const CURRENCIES: ReadonlyMap<string, Currency> = new Map([
  ["rmb", "RMB"], ["cny", "RMB"], ["yuan", "RMB"], ["usd", "USD"], ["us$", "USD"], ["$", "USD"], ["hkd", "HKD"], ["hk$", "HKD"],
]);
const CURRENCY_NAMES = ["RMB", "CNY", "USD", "HKD"];

/** Multiplier from millions (how money is stored) to the requested scale. */
const SCALES: ReadonlyMap<string, number> = new Map([
  ["units", 1e6], ["unit", 1e6], ["u", 1e6], ["ones", 1e6],
  ["k", 1e3], ["thousands", 1e3], ["thousand", 1e3], ["000", 1e3],
  ["m", 1], ["mm", 1], ["mn", 1], ["millions", 1], ["million", 1],
  ["b", 1e-3], ["bn", 1e-3], ["billions", 1e-3], ["billion", 1e-3],
]);
const SCALE_NAMES = ["units", "K", "thousands", "M", "millions", "B", "billions"];

/** How a formula spells each scale as a units argument. */
export const UNITS_ARGUMENT: ReadonlyMap<number, string> = new Map([[1e6, "units"], [1e3, "K"], [1, "M"], [1e-3, "B"]]);

/** null when omitted: the figure stays in the currency it is reported in. */
export function parseCurrency(raw: unknown): Result<Currency | null> {
  const value = scalarOf(raw);
  if (isOmitted(value)) return ok(null);
  if (typeof value !== "string") return invalid(messages.notText("The currency", value));
  const hit = value.length <= 16 ? CURRENCIES.get(value.trim().toLowerCase()) : undefined;
  return hit ? ok(hit) : invalid(messages.unknownChoice("currency", value, CURRENCY_NAMES, nearest(value, CURRENCY_NAMES)));
}

/** null when omitted (millions). Units are named: a number such as 1 could mean ones or millions, so none is read. */
export function parseScale(raw: unknown): Result<number | null> {
  const value = scalarOf(raw);
  if (isOmitted(value)) return ok(null);
  if (typeof value === "number") return invalid(messages.numericUnits(value, SCALE_NAMES));
  if (typeof value !== "string") return invalid(messages.notText("Units", value));
  const text = value.trim().toLowerCase();
  const hit = text.length <= 16 ? SCALES.get(text) : undefined;
  return hit !== undefined ? ok(hit) : invalid(messages.unknownChoice("units", value, SCALE_NAMES, nearest(value, SCALE_NAMES)));
}

/** Drops binary noise from a conversion (7790 / 1000 → 7.79, not 7.790000000000001). */
export function clean(x: number): number {
  return Number(x.toPrecision(12));
}
