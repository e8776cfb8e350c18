/**
 * How every value reads in the pane: one minus sign (U+2212), currency and scale written out, the same decimals
 * across a row, percentages signed only where they are changes, and dates as dates.
 */
import { isoFromSerial, longDate } from "../data/dates";

export const MINUS = "\u2212";
const SYMBOL: Record<string, string> = { RMB: "RMB ", USD: "US$", HKD: "HK$" };
const symbol = (currency: string | null) => (currency ? (SYMBOL[currency] ?? `${currency} `) : "");
const sign = (value: number) => (value < 0 ? MINUS : "");

/** |value| grouped in thousands: with exactly `digits` decimals, or up to two when `digits` is left out. */
function magnitude(value: number, digits?: number): string {
  const decimals = digits === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return Math.abs(value).toLocaleString("en-US", decimals);
}

/** The decimals (at most `max`) a row needs so that each of its values reads as stated: one count for the row. */
export function decimalsFor(values: readonly number[], max = 2): number {
  return Math.max(0, ...values.map((v) => /\.(\d+)$/.exec(String(Number(Math.abs(v).toFixed(max))))?.[1]?.length ?? 0));
}

/** A table row's numbers with one count of decimals (at most `max`) for the whole row. */
export function amounts(values: readonly number[], max = 2): string[] {
  const digits = decimalsFor(values, max);
  return values.map((v) => number(v, digits));
}

/** A number grouped in thousands, with `digits` decimals (up to two when left out). */
export function number(value: number, digits?: number): string {
  return `${sign(value)}${magnitude(value, digits)}`;
}

/** Money in millions with its currency: "US$344.48M", "−RMB 1,970M". */
export function millions(value: number, currency: string | null, digits?: number): string {
  return `${sign(value)}${symbol(currency)}${magnitude(value, digits)}M`;
}

/** Money at a scale KC's units argument names ("B", "M", "K", or "" for units): "RMB 7.79B". */
export function money(value: number, currency: string | null, scale: "B" | "M" | "K" | "", digits = 2): string {
  return `${sign(value)}${symbol(currency)}${magnitude(value, digits)}${scale}`;
}

export function perShare(value: number, currency: string | null): string {
  return `${sign(value)}${symbol(currency)}${magnitude(value, 2)}`;
}

/** A fraction as a percentage; `signed` for a change ("+10.5%"), otherwise a share or a margin ("18.76%"). */
export function percent(value: number, digits = 1, signed = true): string {
  return `${value < 0 ? MINUS : signed && value > 0 ? "+" : ""}${Math.abs(value * 100).toFixed(digits)}%`;
}

export { longDate as date } from "../data/dates";

/** An Excel serial date as the pane writes dates ("Mon D, YYYY"); a number that is no date stays a number. */
export function serialDate(serial: number): string {
  const iso = isoFromSerial(serial);
  return iso ? longDate(iso) : plain(serial);
}

/** A number as Excel would show it in General format, to eight significant digits, with a true minus sign. */
export function plain(value: number): string {
  const shown = Number.isInteger(value) ? value : Number(value.toPrecision(8));
  return `${sign(shown)}${Math.abs(shown).toLocaleString("en-US", { maximumFractionDigits: 8 })}`;
}

/** The dataset's prose with a true minus sign wherever a hyphen stands for one ("states -1.97B"). */
export function prose(text: string): string {
  return text.replace(/(^|[\s(:;$])-(?=[$\d])/g, `$1${MINUS}`);
}
