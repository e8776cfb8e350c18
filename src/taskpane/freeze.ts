/** "Convert KC formulas to values": runs where this Excel has what the conversion needs, and otherwise says so. */
import { freezeKcFormulas } from "../office/excel";
import { needsExcelApi, supports } from "../office/requirements";

/** Converts the KC formulas in `scope` and returns the pane's message about it. */
export async function freezeFormulas(context: Excel.RequestContext, scope: "selection" | "sheet"): Promise<string> {
  // A spilled formula's block is found with Range.getSpillingToRangeOrNullObject: ExcelApi 1.12 (@types/office-js).
  if (!supports("ExcelApi", "1.12")) return needsExcelApi("Converting KC formulas to values", "1.12");
  return `Converted ${await freezeKcFormulas(context, scope)} KC formulas to values; "Restore formulas" puts them back.`;
}
