/** Currency and scale arguments: which currency a money figure is shown in and in what units. */
import { isOmitted, scalarOf } from "./normalize";
import { miss } from "./reasons";
import { ok, type Result } from "./result";
import type { Currency } from "./schema";
import { suggester } from "./suggest";

/** Every name a currency argument accepts, each with the currency it stands for. */
export const CURRENCY_NAMES: ReadonlyArray<readonly [string, Currency]> = [
  ["RMB", "RMB"], ["CNY", "RMB"], ["yuan", "RMB"], ["USD", "USD"], ["US$", "USD"], ["$", "USD"], ["HKD", "HKD"], ["HK$", "HKD"],
];
const CURRENCIES: ReadonlyMap<string, Currency> = new Map(CURRENCY_NAMES.map(([name, c]) => [name.toLowerCase(), c]));
const CURRENCIES_SHOWN = ["RMB", "CNY", "USD", "HKD"];
const nearCurrency = suggester(CURRENCY_NAMES);

/** Every name a units argument accepts, each with its multiplier from millions (how money is stored). */
export const SCALE_NAMES: ReadonlyArray<readonly [string, number]> = [
  ["units", 1e6], ["unit", 1e6], ["u", 1e6], ["ones", 1e6],
  ["K", 1e3], ["thousands", 1e3], ["thousand", 1e3], ["000", 1e3],
  ["M", 1], ["MM", 1], ["mn", 1], ["millions", 1], ["million", 1],
  ["B", 1e-3], ["bn", 1e-3], ["billions", 1e-3], ["billion", 1e-3],
];
const SCALES: ReadonlyMap<string, number> = new Map(SCALE_NAMES.map(([name, scale]) => [name.toLowerCase(), scale]));
const SCALES_SHOWN = ["units", "K", "thousands", "M", "millions", "B", "billions"];
const nearScale = suggester(SCALE_NAMES.map(([name, scale]) => [name, String(scale)]));

/** How a header or a card names each scale in words. */
export const scaleWords = (scale: number | null): string => (scale === 1e6 ? "units" : scale === 1e3 ? "thousands" : scale === 1e-3 ? "billions" : "millions");

/** How a formula spells each scale as a units argument. */
export const UNITS_ARGUMENT: ReadonlyMap<number, string> = new Map([[1e6, "units"], [1e3, "K"], [1, "M"], [1e-3, "B"]]);

/** null when omitted: the figure stays in the currency it is reported in. */
export function parseCurrency(raw: unknown): Result<Currency | null> {
  const value = scalarOf(raw);
  if (isOmitted(value)) return ok(null);
  if (typeof value !== "string") return miss({ kind: "notText", what: "The currency", value });
  const hit = value.length <= 16 ? CURRENCIES.get(value.trim().toLowerCase()) : undefined;
  return hit ? ok(hit) : miss({ kind: "unknownChoice", what: "currency", value, choices: CURRENCIES_SHOWN, near: nearCurrency(value) });
}

/** null when omitted (millions). Units are named: a number such as 1 could mean ones or millions, so none is read. */
export function parseScale(raw: unknown): Result<number | null> {
  const value = scalarOf(raw);
  if (isOmitted(value)) return ok(null);
  if (typeof value === "number") return miss({ kind: "numericUnits", value, choices: SCALES_SHOWN });
  if (typeof value !== "string") return miss({ kind: "notText", what: "Units", value });
  const text = value.trim().toLowerCase();
  const hit = text.length <= 16 ? SCALES.get(text) : undefined;
  return hit !== undefined ? ok(hit) : miss({ kind: "unknownChoice", what: "units", value, choices: SCALES_SHOWN, near: nearScale(value) });
}

/** Drops binary noise from a conversion (7790 / 1000 → 7.79, not 7.790000000000001). */
export function clean(x: number): number {
  return Number(x.toPrecision(12));
}
