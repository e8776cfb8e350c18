/**
 * Requirement sets checked at run time: what a feature needs beyond the sets manifest.xml requires, and how the pane
 * says so where this Excel lacks it (Microsoft's advice for a feature only some clients have: check
 * `Office.context.requirements.isSetSupported` and tell the user, rather than require the set in the manifest).
 */
import { DATA_TYPE_SETS, type DataTypeKind } from "../data/spec";

/** Whether this Excel supports requirement set `name` at `version` or later; false outside Office. */
export function supports(name: string, version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

/**
 * The Excel versions that have an ExcelApi version, as Microsoft's "Excel JavaScript API requirement sets" table gives
 * them (learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets), for each one checked.
 */
const EXCEL_WITH: Readonly<Record<string, string>> = {
  // ExcelApi 1.12: Windows Version 2008 (Build 13127.20408), Office 2021, Mac 16.40, iPad 16.40, Excel on the web.
  "1.12": "Microsoft 365 Version 2008 (Build 13127.20408) or later, Excel 2021 or later, Excel for Mac 16.40 or later, or Excel on the web",
};

/** "Converting KC formulas to values needs …": the feature, the set it needs, and the Excel versions that have it. */
export function needsExcelApi(feature: string, version: string): string {
  const excel = EXCEL_WITH[version];
  return `${feature} needs ${excel ? `a newer Excel: ${excel}` : `Excel with ExcelApi ${version}`}. This Excel lacks ExcelApi ${version}; update Office to use it.`;
}

/** Whether this Excel can show a KC data type of `kind`: it has every set DATA_TYPE_SETS names for it. */
export function hasDataType(kind: DataTypeKind): boolean {
  return DATA_TYPE_SETS[kind].every(([set, version]) => supports(set, version));
}

/**
 * The Excel versions that have every set a data type needs, from Microsoft's tables for CustomFunctionsRuntime
 * (learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets) and ExcelApi.
 */
export const EXCEL_WITH_DATA_TYPE: Readonly<Record<DataTypeKind, string>> = {
  // CustomFunctionsRuntime 1.4: Windows Version 2208 (Build 15601.20148), Mac 16.64, web; no perpetual Office, no iPad.
  // ExcelApi 1.16: Windows Version 2208 (Build 15601.20148), Office 2024, Mac 16.64, iPad 16.66, web.
  entity: "Microsoft 365 Version 2208 (Build 15601.20148) or later, Excel for Mac 16.64 or later, or Excel on the web",
  // ExcelApi 1.19: Windows Version 2504 (Build 18730.20088), Mac 16.96, iPad 16.96, web; no perpetual Office.
  numberCard: "Microsoft 365 Version 2504 (Build 18730.20088) or later, Excel for Mac 16.96 or later, or Excel on the web",
};
