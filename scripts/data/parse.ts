/**
 * Reads figures the way the seed pages write them ("9.02B", "-$0.00", "RMB628.4M", "$-1.13", "10.5%", "-8.5pp")
 * into exact numbers with the precision the page gave, and the interval that precision allows. Pure; used by the
 * dataset generator and its tests, never by the shipped bundles.
 */
import type { Currency, Precision } from "../../src/data/schema";

export type Parsed = { readonly value: number; readonly precision: Precision; readonly currency: Currency | null };

const SCALE_TO_MILLIONS: Record<string, number> = { "": -6, K: -3, M: 0, B: 3, T: 6 };
const WORD_SCALE: Record<string, string> = { thousand: "K", million: "M", billion: "B", m: "M", bn: "B" };

const CURRENCY_PREFIX: ReadonlyArray<readonly [string, Currency]> = [
  ["HK$", "HKD"],
  ["US$", "USD"],
  ["RMB", "RMB"],
  ["$", "USD"],
];

/** A decimal string times 10^shift, rounded once (no 9.02 * 1000 = 9020.000000000002). */
function shifted(digits: string, shift: number): { value: number; halfWidth: number; significant: number } {
  const [whole = "", fraction = ""] = digits.split(".");
  const mantissa = `${whole}${fraction}`.replace(/^0+(?=\d)/, "");
  const exponent = shift - fraction.length;
  const value = Number(`${mantissa}e${exponent}`);
  const halfWidth = Number(`5e${exponent - 1}`);
  const significant = Math.max(1, mantissa.replace(/^0+/, "").length);
  return { value, halfWidth, significant };
}

export class UnparsableFigure extends Error {
  constructor(text: string, what: string) {
    super(`cannot read "${text}" as ${what}`);
    this.name = "UnparsableFigure";
  }
}

function stripCurrency(text: string): { rest: string; currency: Currency | null; negative: boolean } {
  let rest = text.trim().replace(/,/g, "");
  let negative = false;
  if (rest.startsWith("-")) {
    negative = true;
    rest = rest.slice(1);
  } else if (rest.startsWith("+")) {
    rest = rest.slice(1);
  }
  let currency: Currency | null = null;
  for (const [prefix, code] of CURRENCY_PREFIX) {
    if (rest.startsWith(prefix)) {
      currency = code;
      rest = rest.slice(prefix.length).trim();
      break;
    }
  }
  if (rest.startsWith("-")) {
    negative = !negative;
    rest = rest.slice(1);
  }
  return { rest, currency, negative };
}

function signed(value: number, negative: boolean): number {
  return negative && value !== 0 ? -value : value;
}

/** Money as millions of its currency: "9.02B" → 9020 (±5), "RMB 2.35 billion" → 2350, "$344.48M" → 344.48. */
export function parseMoney(text: string): Parsed {
  const { rest, currency, negative } = stripCurrency(text);
  const match = /^(\d+(?:\.\d+)?)\s*(?:([KMBT])|(thousand|million|billion|bn|m))?$/.exec(rest);
  if (!match) throw new UnparsableFigure(text, "money");
  const scale = match[2] ?? WORD_SCALE[match[3] ?? ""] ?? "";
  const { value, halfWidth, significant } = shifted(match[1] as string, SCALE_TO_MILLIONS[scale] as number);
  return { value: signed(value, negative), currency, precision: precisionOf(text, significant, halfWidth) };
}

/** Money in units of its currency (per share, a price): "$-1.13" → -1.13, "-$0.00" → 0 in [-0.005, 0]. */
export function parseUnits(text: string): Parsed {
  const { rest, currency, negative } = stripCurrency(text);
  if (!/^\d+(?:\.\d+)?$/.test(rest)) throw new UnparsableFigure(text, "an amount");
  const { value, halfWidth, significant } = shifted(rest, 0);
  return { value: signed(value, negative), currency, precision: precisionOf(text, significant, halfWidth) };
}

/** A percentage as a fraction: "10.5%" → 0.105 (±0.0005); "-8.5pp" → -0.085. */
export function parsePercent(text: string): Parsed {
  const match = /^([+-]?)(\d+(?:\.\d+)?)\s*(%|pp)$/.exec(text.trim());
  if (!match) throw new UnparsableFigure(text, "a percentage");
  const { value, halfWidth, significant } = shifted(match[2] as string, -2);
  const negative = match[1] === "-";
  return { value: signed(value, negative), currency: null, precision: precisionOf(text, significant, halfWidth) };
}

/** A plain number: "1.30" → 1.3 (±0.005), "492" → 492. */
export function parseNumber(text: string): Parsed {
  const match = /^([+-]?)(\d+(?:\.\d+)?)$/.exec(text.trim().replace(/,/g, ""));
  if (!match) throw new UnparsableFigure(text, "a number");
  const { value, halfWidth, significant } = shifted(match[2] as string, 0);
  const negative = match[1] === "-";
  return { value: signed(value, negative), currency: null, precision: precisionOf(text, significant, halfWidth) };
}

function precisionOf(stated: string, significantDigits: number, halfWidth: number): Precision {
  return { stated: stated.trim(), significantDigits, halfWidth };
}

/** The interval the stated figure stands for; a signed zero ("-$0.00") only covers its own side of zero. */
export function interval(value: number, precision: Precision): readonly [number, number] {
  if (value === 0 && /^[^\d]*-/.test(precision.stated)) return [-precision.halfWidth, 0];
  if (value === 0 && /^\+/.test(precision.stated)) return [0, precision.halfWidth];
  return [value - precision.halfWidth, value + precision.halfWidth];
}

const MONTHS: Record<string, string> = {
  Jan: "01", Feb: "02", Mar: "03", Apr: "04", May: "05", Jun: "06",
  Jul: "07", Aug: "08", Sep: "09", Oct: "10", Nov: "11", Dec: "12",
};

/** "Mon D, YYYY" → "YYYY-MM-DD". */
export function parseDate(text: string): string {
  const match = /^([A-Z][a-z]{2})\s+(\d{1,2}),\s*(\d{4})$/.exec(text.trim());
  const month = match ? MONTHS[match[1] as string] : undefined;
  if (!match || !month) throw new UnparsableFigure(text, "a date");
  return `${match[3]}-${month}-${(match[2] as string).padStart(2, "0")}`;
}
