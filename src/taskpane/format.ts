/** How figures read in the pane: currency and scale always written out. */
const SYMBOL: Record<string, string> = { RMB: "RMB ", USD: "US$", HKD: "HK$" };

export function millions(value: number, currency: string | null): string {
  const amount = Math.abs(value).toLocaleString("en-US", { maximumFractionDigits: 2 });
  return `${value < 0 ? "−" : ""}${currency ? (SYMBOL[currency] ?? `${currency} `) : ""}${amount}M`;
}

export function perShare(value: number, currency: string | null): string {
  return `${value < 0 ? "−" : ""}${currency ? (SYMBOL[currency] ?? `${currency} `) : ""}${Math.abs(value).toFixed(2)}`;
}

export function percent(value: number, digits = 1): string {
  return `${value < 0 ? "−" : value > 0 ? "+" : ""}${Math.abs(value * 100).toFixed(digits)}%`;
}

export { longDate as date } from "../data/dates";

/** A number as the builder shows a function's result. */
export function plain(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString("en-US") : Number(value.toPrecision(8)).toLocaleString("en-US", { maximumFractionDigits: 8 });
}
