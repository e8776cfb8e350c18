/**
 * Every KC function's signature, written once: its name, its parameters in order (which are optional, and where the
 * builder's choices for each come from), what it returns and an example call. The library (kc.ts), the task pane's
 * builder, the tests and the bench read it; a test holds the functions.json generated from the JSDoc of
 * src/functions/functions.ts to it. This module imports nothing, so a script can load it on its own.
 */

/** Where an argument's choices come from: a list the dataset or the library defines. */
export type Choices =
  | "period"
  | "base_period"
  | "fiscal_year"
  | "fiscal_year_or_ttm"
  | "fx_period"
  | "metric"
  | "currency"
  | "units"
  | "margin_kind"
  | "ratio_name"
  | "statement"
  | "profile_field"
  | "filing_field"
  | "asof";

export type ParamSpec = { readonly name: string; readonly optional: boolean; readonly choices: Choices };

/** A number; text; a number, text or date (any); or a grid spilled into the sheet (matrix). */
export type Returns = "number" | "text" | "any" | "grid";

/** A requirement set at a version, as Office.context.requirements.isSetSupported takes it. */
export type ApiSet = readonly [name: string, version: string];

export type FunctionSpec = {
  readonly params: readonly ParamSpec[];
  readonly returns: Returns;
  /** The value is a fraction an analyst reads as a percentage. */
  readonly fraction: boolean;
  /** A call that answers with a value, used by the bench and the tests; periods relative ("FY0" the latest fiscal year). */
  readonly example: readonly (string | number)[];
  /** The data type the answer is where Excel has the sets DATA_TYPE_SETS names for it; elsewhere the plain value. */
  readonly dataType?: DataTypeKind;
};

const need = (name: string, choices: Choices): ParamSpec => ({ name, optional: false, choices });
const may = (name: string, choices: Choices): ParamSpec => ({ name, optional: true, choices });
const fn = (returns: Returns, params: readonly ParamSpec[], example: readonly (string | number)[], fraction = false): FunctionSpec => ({ params, returns, fraction, example });

/**
 * A custom function returns data types from CustomFunctionsRuntime 1.4 (with allowCustomDataForDataTypeAny); an
 * entity with a card and attributed properties is ExcelApi 1.16; a number that carries properties and a card is
 * ExcelApi 1.19 (Microsoft's requirement-set notes and the [Api set] annotations of @types/office-js).
 */
export const DATA_TYPE_SETS = {
  entity: [["CustomFunctionsRuntime", "1.4"], ["ExcelApi", "1.16"]],
  numberCard: [["CustomFunctionsRuntime", "1.4"], ["ExcelApi", "1.19"]],
} as const satisfies Record<string, readonly ApiSet[]>;

export type DataTypeKind = keyof typeof DATA_TYPE_SETS;

/** The functions that answer a data type, and which: functions.js reads this alone, not the whole spec. */
export const DATA_TYPES = { COMPANY: "entity", CARD: "numberCard" } as const satisfies Readonly<Record<string, DataTypeKind>>;

// The signatures and the parameters they share are marked pure, so that a bundle which reads only DATA_TYPES and
// RENAMED (functions.js) leaves them out.
const period = /* @__PURE__ */ need("period", "period");
const metric = /* @__PURE__ */ need("metric", "metric");
const currency = /* @__PURE__ */ may("currency", "currency");
const units = /* @__PURE__ */ may("units", "units");

export const SPEC = /* @__PURE__ */ (() => ({
  REVENUE: fn("number", [period, currency, units], ["FY0"]),
  FIGURE: fn("number", [metric, period, currency, units], ["gross_profit", "FY0"]),
  MARGIN: fn("number", [need("kind", "margin_kind"), period], ["gross", "TTM"], true),
  GROWTHRATE: fn("number", [metric, period, may("base_period", "base_period")], ["revenue", "FY0"], true),
  CAGR: fn("number", [metric, need("from_period", "fiscal_year"), need("to_period", "fiscal_year")], ["revenue", "FY-4", "FY0"], true),
  RATIO: fn("number", [need("name", "ratio_name"), period], ["debt_to_equity", "TTM"]),
  HISTORY: fn("grid", [metric, need("from_period", "fiscal_year"), need("to_period", "fiscal_year_or_ttm"), currency, units], ["revenue", "FY-4", "FY0"]),
  STATEMENT: fn("grid", [need("name", "statement"), currency, units], ["income"]),
  PERIODS: fn("grid", [], []),
  PROFILE: fn("any", [need("field", "profile_field")], ["market_cap_usd"]),
  FILING: fn("any", [need("fiscal_year", "fiscal_year"), need("field", "filing_field")], ["FY0", "filed"]),
  SOURCE: fn("text", [metric, period, may("currency", "currency")], ["net_income", "FY0"]),
  FXRATE: fn("number", [need("period", "fx_period")], ["FY0"]),
  CONFLICTS: fn("grid", [], []),
  EVENTS: fn("grid", [], []),
  METRICS: fn("grid", [], []),
  FIELDS: fn("grid", [], []),
  ASOF: fn("any", [may("which", "asof")], []),
  COMPANY: { ...fn("any", [], []), dataType: DATA_TYPES.COMPANY },
  CARD: { ...fn("any", [metric, period, currency, units], ["revenue", "FY0"]), dataType: DATA_TYPES.CARD },
}) satisfies Record<string, FunctionSpec>)();

export type KcName = keyof typeof SPEC;
export const KC_NAMES = /* @__PURE__ */ Object.keys(SPEC) as KcName[];

/** Names of version 1.0 that Microsoft's naming rules retired, and what each is called now (same arguments). */
export const RENAMED: Readonly<Record<string, KcName>> = { FX: "FXRATE", VALUE: "FIGURE", GROWTH: "GROWTHRATE", SERIES: "HISTORY", INFO: "PROFILE" };
