/**
 * Requirement sets checked at run time: what a feature needs beyond the sets manifest.xml requires, and how the pane
 * says so where this Excel lacks it (Microsoft's advice for a feature only some clients have: check
 * `Office.context.requirements.isSetSupported` and tell the user, rather than require the set in the manifest).
 */

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
