/** Every message an analyst reads, in one voice: what was typed, why it failed, what would work. */
import type { Refusal } from "./kc-formula";
import type { Reason, ReasonKind } from "./reasons";

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

type Words = { readonly [K in ReasonKind]: (reason: Extract<Reason, { kind: K }>) => string };

const WORDS: Words = {
  required: (r) => `${r.what} is required.`,
  notText: (r) => `${r.what} must be text, not ${show(r.value)}.`,
  numericUnits: (r) => `Units are named, not numbered: ${show(r.value)} could mean ones or millions. Valid: ${list(r.choices)} (millions when omitted).`,
  unknownChoice: (r) => `Unknown ${r.what} ${show(r.value)}.${didYouMean(r.near)} Valid: ${list(r.choices)}.`,
  notInDataset: (r) =>
    `No ${r.what} ${show(r.value)} in the dataset.${didYouMean(r.near)} All ${r.count} ${r.what}s are listed by =KC.${r.what.toUpperCase()}S() and in the formula builder (Home > KC for Excel > Formulas).`,
  fieldNeedsListing: (r) =>
    `${show(r.value)} does not say which listing or currency: KC is listed on NASDAQ (USD, per ADS) and HKEX (HKD, per share). Use ${r.fields.map((f) => `"${f.id}" (${f.unit})`).join(" or ")}.`,
  badPeriod: ({ value, year, quarter }) =>
    `Cannot read ${show(value)} as a period. Use a fiscal year (${year}, "FY${year}", "FY${String(year).slice(2)}", "FY0", "FY-1"), "TTM", or a quarter (${quarter ? `"${quarter}"` : '"Qn YYYY"'}).`,
  noPeriod: (r) => `The dataset has no period ${show(r.value)}. Available: ${list(r.available)}.`,
  noFigure: (r) => `No ${r.label} for ${r.period}.${r.available.length ? ` Available: ${list(r.available)}.` : ""}`,
  noCurrency: ({ label, period, currency, have }) =>
    `No ${label} for ${period} in ${currency}: the sources state it in ${have.join(", ")} only and imply no ${currency === "HKD" || have.includes("HKD") ? "HKD exchange rate" : `RMB-per-USD rate for ${period}`} to convert it.`,
  onlyInOtherCurrency: ({ label, period, reporting, have, formula }) =>
    `${label} for ${period} is stated only in ${have}, and the sources imply no ${reporting === "RMB" ? "RMB-per-USD" : `${reporting}-per-${have}`} rate for ${period} to convert it. Without a currency, KC answers in ${reporting}, the reporting currency, for every period. For the ${have} figure: ${formula}`,
  noRate: (r) => `No implied RMB per ${r.currency} rate for ${r.period} (rates exist for ${list(r.available)}; USD only).`,
  currencyNotMoney: (r) => `${r.label} is not a money figure, so it takes no currency or units.`,
  perShareUnits: (r) => `${r.label} is per share; units do not apply.`,
  onlyBound: (r) => `${r.label} for ${r.period} is stated only as a bound ("${r.text}"), not as a figure.`,
  zeroBase: (r) => `${r.label} for ${r.period} is zero, so the ratio is not meaningful.`,
  noPriorYear: ({ period, stated }) => {
    const base = `No year-earlier period for ${period} in the dataset; pass a base period.`;
    if (!stated) return base;
    const call = (fn: string) => `=KC.${fn}("${stated.metric}","${stated.periodId}")`;
    if (stated.bound !== null) return `${base} The sources give ${stated.label} for ${period} only as a bound ("${stated.bound}"): ${call("SOURCE")}.`;
    const disputed = stated.disputed ? ` (the sources disagree: ${call("SOURCE")})` : "";
    return `${base} The sources state ${stated.label} for ${period} as ${stated.percent}: ${call("FIGURE")}${disputed}.`;
  },
  baseNotBefore: ({ period, base, swapped }) =>
    period === base
      ? `The period and the base period are both ${period}: growth needs a base period before the period (or none, for the year before).`
      : `The base period (${base}) must come before the period (${period}): growth runs from base_period to period, so for growth from ${period} to ${base} write ${swapped}.`,
  growthLengths: ({ period, periodIsQuarter, base }) =>
    `Growth compares periods of the same length: ${period} is ${periodIsQuarter ? "a quarter" : "twelve months"}, the base period ${base} ${periodIsQuarter ? "twelve months" : "a quarter"}. Compare a quarter with a quarter, a year or TTM with a year or TTM.`,
  cagrNeedsYears: (r) => `CAGR needs two different fiscal years (e.g. ${r.first} and ${r.last}), the first earlier than the second.`,
  cagrOrder: ({ metric, from, to }) =>
    from === to
      ? `CAGR needs two different fiscal years: from_period and to_period are both ${from}.`
      : `The from_period (${from}) must come before the to_period (${to}): CAGR runs from the earlier fiscal year to the later, e.g. =KC.CAGR("${metric}", "${to}", "${from}").`,
  cagrNeedsPositive: (r) => `CAGR of ${r.label} is not meaningful: it needs positive values at both ends.`,
  seriesOrder: ({ metric, from, to }) =>
    `The from_period (${from}) comes after the to_period (${to}): a history runs oldest to newest, e.g. =KC.HISTORY("${metric}", "${to}", "${from}").`,
  seriesKinds: () => `A series runs over fiscal years, optionally ending at "TTM".`,
  ratioFormat: (r) => `Cannot read ${show(r.value)} as a ratio: use a name (e.g. "debt_to_equity") or "metric_a/metric_b".`,
  noFiling: (r) => `No Form 20-F for FY${r.year}. ${filings(r.years)}`,
  filingByYear: (r) => `Form 20-F filings are by fiscal year, and ${r.period} is not one. ${filings(r.years)}`,
  noInfo: (r) => `The pages give no value for ${r.field}.`,
  dataTypeArgument: ({ type, text }) =>
    type === "Entity" || type === "LinkedEntity"
      ? `The cell holds a data type${text ? ` ("${text.slice(0, 40)}")` : ""}, not a number or text: reference one of its fields (e.g. =A1.Field) or a cell with a number or text.`
      : type === "Error"
        ? `The cell holds an error${text ? ` (${text.slice(0, 20)})` : ""}: fix that cell first.`
        : `The cell holds ${type === "WebImage" ? "an image" : `a value of type ${type.slice(0, 20)}`}, not a number or text: reference a cell with a number or text.`,
};

const filings = (years: readonly number[]) => `Filings: ${list(years.map((y) => `FY${y}`))}.`;

/** A miss's reason in words: what was typed, why it failed, what would work. */
export function explain(reason: Reason): string {
  return (WORDS[reason.kind] as (r: Reason) => string)(reason);
}

/** A call of a name that is no KC function (#NAME? in Excel), or one renamed since. */
export const notKcFunction = (name: string, renamed: string | null): string =>
  renamed
    ? `KC.${name} is now KC.${renamed} (renamed in version 1.1 to follow Excel's naming rules; same arguments): Excel shows #NAME? until the formula uses the new name.`
    : `KC.${name} is not a KC function.`;

/** Pasted text longer than any Excel formula. */
export const formulaTooLong = (length: number, limit: number): string =>
  `This text is ${length.toLocaleString("en-US")} characters long; an Excel formula holds at most ${limit.toLocaleString("en-US")}. Paste one formula to audit it.`;

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
