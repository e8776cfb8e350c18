/** Every message an analyst reads, in one voice: what was typed, why it failed, what would work. */
import type { Refusal } from "./kc-formula";

/** A restore skip reason as messages needs it (the seam's SkipReason has this shape). */
export type SkipReason =
  | { readonly code: "refused"; readonly formula: string; readonly refusal: Refusal }
  | { readonly code: "incomplete" | "bad_fingerprint" | "changed_since_preview" }
  | { readonly code: "bad_cell" | "bad_spill"; readonly text: string }
  | { readonly code: "no_sheet" | "record_sheet"; readonly sheet: string }
  | { readonly code: "edited" | "unchecked_occupied"; readonly address: string }
  | { readonly code: "overlap"; readonly address: string; readonly other: number }
  | { readonly code: "later"; readonly limit: number };

const show = (value: unknown): string => {
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a range";
  return "an empty argument";
};

const list = (choices: readonly string[], max = 12): string =>
  choices.length > max ? `${choices.slice(0, max).join(", ")}, … (${choices.length} in all)` : choices.join(", ");

const didYouMean = (near: string | null) => (near ? ` Did you mean "${near}"?` : "");

export const messages = {
  required: (what: string) => `${what} is required.`,
  notText: (what: string, value: unknown) => `${what} must be text, not ${show(value)}.`,
  numericUnits: (value: number, choices: readonly string[]) =>
    `Units are named, not numbered: ${show(value)} could mean ones or millions. Valid: ${list(choices)} (millions when omitted).`,
  /** A name outside a short list the library defines: the list follows in full. */
  unknownChoice: (what: string, value: unknown, choices: readonly string[], near: string | null) =>
    `Unknown ${what} ${show(value)}.${didYouMean(near)} Valid: ${list(choices)}.`,
  /** A name outside a long list the dataset defines (metrics, profile fields): the formula builder offers them all. */
  notInDataset: (what: string, value: unknown, all: number, plural: string, near: string | null) =>
    `No ${what} ${show(value)} in the dataset.${didYouMean(near)} All ${all} ${plural} are listed in the formula builder (Home > KC for Excel > Formulas).`,
  badPeriod: (value: unknown) =>
    `Cannot read ${show(value)} as a period. Use a fiscal year (2024, "FY2024", "FY24", "FY0", "FY-1"), "TTM", or a quarter ("Q3 2025").`,
  noPeriod: (value: unknown, available: readonly string[]) => `The dataset has no period ${show(value)}. Available: ${list(available)}.`,
  noFigure: (label: string, period: string, available: readonly string[]) =>
    available.length ? `No ${label} for ${period}. Available: ${list(available)}.` : `No ${label} for ${period}.`,
  noCurrency: (label: string, period: string, currency: string, have: string) =>
    `No ${label} for ${period} in ${currency}: the sources state it in ${have} only and imply no ${currency === "HKD" || have.includes("HKD") ? "HKD exchange rate" : `RMB-per-USD rate for ${period}`} to convert it.`,
  onlyInOtherCurrency: (label: string, period: string, reporting: string, have: string, formula: string) =>
    `${label} for ${period} is stated only in ${have}, and the sources imply no ${reporting === "RMB" ? "RMB-per-USD" : `${reporting}-per-${have}`} rate for ${period} to convert it. Without a currency, KC answers in ${reporting}, the reporting currency, for every period. For the ${have} figure: ${formula}`,
  noRate: (period: string, currency: string) => `No implied RMB per ${currency} rate for ${period} (rates exist for FY2020–FY2024 and TTM, USD only).`,
  currencyNotMoney: (label: string) => `${label} is not a money figure, so it takes no currency or units.`,
  perShareUnits: (label: string) => `${label} is per share; units do not apply.`,
  onlyBound: (label: string, period: string, text: string) => `${label} for ${period} is stated only as a bound ("${text}"), not as a figure.`,
  zeroBase: (label: string, period: string) => `${label} for ${period} is zero, so the ratio is not meaningful.`,
  noPriorYear: (period: string, stated?: StatedGrowth) => {
    const base = `No year-earlier period for ${period} in the dataset; pass a base period.`;
    if (!stated) return base;
    const call = (fn: string) => `=KC.${fn}("${stated.metric}","${stated.periodId}")`;
    if (stated.bound !== null) return `${base} The sources give ${stated.label} for ${period} only as a bound ("${stated.bound}"): ${call("SOURCE")}.`;
    const disputed = stated.disputed ? ` (the sources disagree: ${call("SOURCE")})` : "";
    return `${base} The sources state ${stated.label} for ${period} as ${stated.percent}: ${call("FIGURE")}${disputed}.`;
  },
  baseNotBefore: (period: string, base: string, swapped: string) =>
    period === base
      ? `The period and the base period are both ${period}: growth needs a base period before the period (or none, for the year before).`
      : `The base period (${base}) must come before the period (${period}): growth runs from base_period to period, so for growth from ${period} to ${base} write ${swapped}.`,
  growthLengths: (period: string, periodIsQuarter: boolean, base: string) =>
    `Growth compares periods of the same length: ${period} is ${periodIsQuarter ? "a quarter" : "twelve months"}, the base period ${base} ${periodIsQuarter ? "twelve months" : "a quarter"}. Compare a quarter with a quarter, a year or TTM with a year or TTM.`,
  cagrNeedsYears: () => `CAGR needs two different fiscal years (e.g. 2020 and 2024), the first earlier than the second.`,
  cagrOrder: (from: string, to: string) =>
    from === to
      ? `CAGR needs two different fiscal years: from_period and to_period are both ${from}.`
      : `The from_period (${from}) must come before the to_period (${to}): CAGR runs from the earlier fiscal year to the later, e.g. =KC.CAGR("revenue", 2020, 2024).`,
  cagrNeedsPositive: (label: string) => `CAGR of ${label} is not meaningful: it needs positive values at both ends.`,
  seriesOrder: (from: string, to: string) =>
    `The from_period (${from}) comes after the to_period (${to}): a history runs oldest to newest, e.g. =KC.HISTORY("revenue", 2020, 2024).`,
  seriesKinds: () => `A series runs over fiscal years, optionally ending at "TTM".`,
  ratioFormat: (value: unknown) => `Cannot read ${show(value)} as a ratio: use a name (e.g. "debt_to_equity") or "metric_a/metric_b".`,
  noFiling: (year: number, years: readonly number[]) => `No Form 20-F for FY${year}. Filings: ${list(years.map((y) => `FY${y}`))}.`,
  noInfo: (field: string) => `The pages give no value for ${field}.`,
  notKcFunction: (name: string, renamed: string | null) =>
    renamed
      ? `KC.${name} is now KC.${renamed} (renamed in version 1.1 to follow Excel's naming rules; same arguments): Excel shows #NAME? until the formula uses the new name.`
      : `KC.${name} is not a KC function.`,
  formulaTooLong: (length: number, limit: number) =>
    `This text is ${length.toLocaleString("en-US")} characters long; an Excel formula holds at most ${limit.toLocaleString("en-US")}. Paste one formula to audit it.`,
  dataTypeArgument: (type: string, text: string | null) =>
    type === "Entity" || type === "LinkedEntity"
      ? `The cell holds a data type${text ? ` ("${text.slice(0, 40)}")` : ""}, not a number or text: reference one of its fields (e.g. =A1.Field) or a cell with a number or text.`
      : type === "Error"
        ? `The cell holds an error${text ? ` (${text.slice(0, 20)})` : ""}: fix that cell first.`
        : `The cell holds ${type === "WebImage" ? "an image" : `a value of type ${type.slice(0, 20)}`}, not a number or text: reference a cell with a number or text.`,
};

/** Why restore refused a recorded formula, after the formula itself. */
function refusalWords(r: Refusal): string {
  switch (r.code) {
    case "not_formula":
      return "is not a formula.";
    case "too_long":
      return "is longer than Excel's 8,192-character formula limit.";
    case "too_deep":
      return "nests functions more than Excel's 64 levels.";
    case "no_kc_call":
      return "calls no KC function.";
    case "syntax":
      return `cannot be read as an Excel formula (at character ${r.at + 1}).`;
    case "foreign_call":
      return `calls ${r.text}, which is not a KC function: restore writes only formulas whose every call is a KC function.`;
    case "unknown_kc":
      return `calls ${r.text}, which this add-in does not have.`;
    case "name":
      return `uses the name ${r.text}: a name can stand for any formula, so restore writes only cell references.`;
    case "external":
      return `refers to another workbook or file (${r.text}).`;
  }
}

const clipped = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** Why "Restore formulas" skipped a row of KC_Frozen, with the row's number on that sheet. */
export function restoreSkipped(row: number, reason: SkipReason): string {
  const why = ((): string => {
    switch (reason.code) {
      case "refused":
        return `not restored: ${clipped(reason.formula)} ${refusalWords(reason.refusal)}`;
      case "incomplete":
        return "not restored: the record lacks its sheet, cell or formula.";
      case "bad_fingerprint":
        return "not restored: its record of the frozen value is unreadable.";
      case "bad_cell":
        return `not restored: "${clipped(reason.text)}" is not a single cell.`;
      case "bad_spill":
        return `not restored: the spilled range "${clipped(reason.text)}" is not a block of cells starting at the formula's cell.`;
      case "no_sheet":
        return `kept for later: no sheet is named "${clipped(reason.sheet)}" (rename it back and restore again).`;
      case "record_sheet":
        return `not restored: it points at the record sheet ${reason.sheet} itself.`;
      case "edited":
        return `skipped: ${reason.address} changed after it was converted to values, so it is not overwritten.`;
      case "unchecked_occupied":
        return `skipped: recorded by an earlier version that kept no record of the frozen value, and ${reason.address} is not empty; clear it to restore the formula there.`;
      case "overlap":
        return `skipped: ${reason.address} is also restored by row ${reason.other}, recorded later.`;
      case "changed_since_preview":
        return "skipped: it changed after the preview was shown.";
      case "later":
        return `kept for later: one restore checks at most ${reason.limit.toLocaleString("en-US")} cells; restore again for the rest.`;
    }
  })();
  return `Row ${row}: ${why}`;
}

/** A growth rate a page states for a period the dataset has no year-earlier figure for. */
export type StatedGrowth = { metric: string; label: string; periodId: string; percent: string; bound: string | null; disputed: boolean };
