/**
 * Why a lookup missed, as data: a kind and the facts it names. Whether a kind is a bad argument (#VALUE!) or data the
 * dataset lacks (#N/A) is decided here, once per kind; messages.ts words each reason.
 */
import type { Currency } from "./schema";
import type { Miss, MissCode } from "./result";

/** A growth rate a page states for a period the dataset has no year-earlier figure for. */
export type StatedGrowth = { metric: string; label: string; periodId: string; percent: string; bound: string | null; disputed: boolean };

/** The long lists the dataset defines, each spilled by the function named after it in the plural (KC.METRICS, KC.FIELDS). */
export type DatasetList = "metric" | "field";

export type Reason =
  | { readonly kind: "required"; readonly what: string }
  | { readonly kind: "notText"; readonly what: string; readonly value: unknown }
  | { readonly kind: "numericUnits"; readonly value: number; readonly choices: readonly string[] }
  /** A name outside a short list the library defines: the list follows in full. */
  | { readonly kind: "unknownChoice"; readonly what: string; readonly value: unknown; readonly choices: readonly string[]; readonly near: string | null }
  /** A name outside a long list the dataset defines: a KC function spills it. */
  | { readonly kind: "notInDataset"; readonly what: DatasetList; readonly value: unknown; readonly count: number; readonly near: string | null }
  /** Text that reads as no period; the dataset's latest fiscal year and quarter (a label, if any) make the examples. */
  | { readonly kind: "badPeriod"; readonly value: unknown; readonly year: number; readonly quarter: string | null }
  /** A well-formed period (`period`, its id) the dataset lacks. */
  | { readonly kind: "noPeriod"; readonly value: unknown; readonly period: string; readonly available: readonly string[] }
  | { readonly kind: "noFigure"; readonly label: string; readonly period: string; readonly available: readonly string[] }
  | { readonly kind: "noCurrency"; readonly label: string; readonly period: string; readonly currency: Currency; readonly have: readonly string[] }
  | { readonly kind: "onlyInOtherCurrency"; readonly label: string; readonly period: string; readonly reporting: Currency; readonly have: string; readonly formula: string }
  /** No implied rate for a period: `available`, the periods that have one. */
  | { readonly kind: "noRate"; readonly period: string; readonly currency: Currency; readonly available: readonly string[] }
  | { readonly kind: "currencyNotMoney"; readonly label: string }
  | { readonly kind: "perShareUnits"; readonly label: string }
  | { readonly kind: "onlyBound"; readonly label: string; readonly period: string; readonly text: string }
  | { readonly kind: "zeroBase"; readonly label: string; readonly period: string }
  | { readonly kind: "noPriorYear"; readonly period: string; readonly stated?: StatedGrowth }
  | { readonly kind: "baseNotBefore"; readonly period: string; readonly base: string; readonly swapped: string }
  | { readonly kind: "growthLengths"; readonly period: string; readonly periodIsQuarter: boolean; readonly base: string }
  /** A CAGR between periods that are not both fiscal years; `first` and `last`, the dataset's fiscal years. */
  | { readonly kind: "cagrNeedsYears"; readonly first: number; readonly last: number }
  /** Fiscal years (`from`, `to`: their labels, which are their ids) in the wrong order, for `metric` (its id). */
  | { readonly kind: "cagrOrder"; readonly metric: string; readonly from: string; readonly to: string }
  | { readonly kind: "cagrNeedsPositive"; readonly label: string }
  | { readonly kind: "seriesOrder"; readonly metric: string; readonly from: string; readonly to: string }
  | { readonly kind: "seriesKinds" }
  | { readonly kind: "ratioFormat"; readonly value: unknown }
  /** A fiscal year with no Form 20-F in the dataset. */
  | { readonly kind: "noFiling"; readonly year: number; readonly years: readonly number[] }
  /** A period that is no fiscal year (TTM, a quarter) where a filing's fiscal year is needed. */
  | { readonly kind: "filingByYear"; readonly period: string; readonly years: readonly number[] }
  | { readonly kind: "noInfo"; readonly field: string }
  /** A market field named without its listing and currency: the names that say them. */
  | { readonly kind: "fieldNeedsListing"; readonly value: unknown; readonly fields: readonly { readonly id: string; readonly unit: string }[] }
  | { readonly kind: "dataTypeArgument"; readonly type: string; readonly text: string | null };

export type ReasonKind = Reason["kind"];

/**
 * The one place a reason's Excel error is decided: the kinds below are data the dataset lacks (#N/A); every other kind
 * is a bad argument (#VALUE!).
 */
const LACKING: readonly ReasonKind[] = [
  "noPeriod", "noFigure", "noCurrency", "onlyInOtherCurrency", "noRate", "onlyBound", "zeroBase", "noPriorYear", "cagrNeedsPositive", "noFiling", "noInfo",
];

export const missCode = (kind: ReasonKind): MissCode => (LACKING.includes(kind) ? "unavailable" : "invalid");

export const miss = (reason: Reason): Miss => ({ ok: false, code: missCode(reason.kind), reason });
