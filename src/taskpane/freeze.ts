/** "Convert KC formulas to values": runs where this Excel has what the conversion needs, and otherwise says so. */
import { freezeKcFormulas } from "../office/excel";
import { needsExcelApi, supports } from "../office/requirements";

/** Converts the KC formulas in `scope` and returns the pane's message about it. */
export async function freezeFormulas(context: Excel.RequestContext, scope: "selection" | "sheet"): Promise<string> {
  // A spilled formula's block is found with Range.getSpillingToRangeOrNullObject: ExcelApi 1.12 (@types/office-js).
  if (!supports("ExcelApi", "1.12")) return needsExcelApi("Converting KC formulas to values", "1.12");
  const { converted, unrestorable } = await freezeKcFormulas(context, scope);
  const listed = unrestorable.length > 5 ? `${unrestorable.slice(0, 5).join(", ")}, …` : unrestorable.join(", ");
  const warning = unrestorable.length
    ? ` ${unrestorable.length} of them (${listed}) also ${unrestorable.length === 1 ? "calls" : "call"} functions other than KC ones: "Restore formulas" writes back only formulas made of KC calls, so retype those; each formula stays listed in its preview.`
    : "";
  return `Converted ${converted} KC formulas to values; "Restore formulas" puts them back.${warning}`;
}
