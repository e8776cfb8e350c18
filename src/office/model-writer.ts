/**
 * Builds the KC model (src/data/model.ts) on a new sheet: "KC Model", or "KC Model (2)", "(3)"… where that name is
 * taken (Excel compares sheet names ignoring case), never over an existing sheet. One Excel.run of three syncs: the
 * workbook's sheet names; everything the model holds (model-sheet.ts), the new sheet activated; then the waterfall
 * and the names of the charts Excel holds, for the pane to report.
 *
 * The named lines (KC_Revenue …) are scoped to the model's sheet: each model carries its own, so a second model never
 * collides with the first and needs no suffix, a copy of the sheet keeps them, and deleting the sheet deletes them
 * instead of leaving names that refer to #REF!. Another sheet reaches them as 'KC Model'!KC_Revenue.
 *
 * Where Excel has ExcelApi 1.20 the build is one undo step (Excel.run's mergeUndoGroup). Microsoft's "Undo
 * capabilities" page lists APIs without undo, for which Excel throws UndoNotSupported inside a group; of those the
 * build uses only NamedItem.comment, undoless in Excel on the web, so a grouped build on the web names its lines
 * without comments. Should Excel refuse the group all the same, the model is built again without grouping, in place
 * of the sheet the refused attempt began, and the summary says so.
 */
import type { Model, ModelWaterfall } from "../data/model";
import { queueModel } from "./model-sheet";
import { needsExcelApi, supports } from "./requirements";

export type ModelBuild = {
  readonly sheet: string;
  /** Cells the template fills, all written. */
  readonly cells: number;
  /** The sheet-scoped names added. */
  readonly names: readonly string[];
  /** The charts on the new sheet, as Excel lists them after the build (the waterfall among them where added). */
  readonly charts: readonly string[];
  readonly waterfall: { readonly added: true } | { readonly added: false; readonly code: "not_in_model" | "needs_excel_api" | "refused"; readonly reason: string };
  readonly undo: { readonly grouped: true } | { readonly grouped: false; readonly code: "needs_excel_api" | "undo_not_supported"; readonly reason: string };
  /** context.sync() calls made, over both runs where an undo group was refused. */
  readonly syncs: number;
};

/** [Microsoft, "Rename a worksheet"]: a sheet name has at most 31 characters. */
const SHEET_NAME_LENGTH = 31;

/** `base`, or `base (2)`, `base (3)`… : the first that no sheet in `taken` has, ignoring case, cut to 31 characters. */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = base.slice(0, SHEET_NAME_LENGTH - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

const codeOf = (error: unknown) => (typeof error === "object" && error !== null ? String((error as { code?: unknown }).code) : "");
/** An error's message without its closing full stop, to quote inside a sentence. */
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\.$/, "");

function addWaterfall(sheet: Excel.Worksheet, waterfall: ModelWaterfall): void {
  const chart = sheet.charts.add("Waterfall", sheet.getRange(waterfall.range), "Columns");
  chart.name = waterfall.title;
  chart.title.text = waterfall.title;
  chart.setPosition(waterfall.anchor);
}

/** What one run tried: the sheet it began (for a retry to take over) and the syncs it made. */
type Attempt = { sheet: string | null; syncs: number };

async function build(context: Excel.RequestContext, model: Model, attempt: Attempt, replacing: string | null, comments: boolean): Promise<Omit<ModelBuild, "undo">> {
  const sync = async () => {
    attempt.syncs++;
    await context.sync();
  };
  const worksheets = context.workbook.worksheets;
  const existing = worksheets.load("items/name");
  await sync();
  const others = existing.items.map((s) => s.name).filter((name) => name.toLowerCase() !== replacing?.toLowerCase());
  // The sheet a refused undo group began is this build's own: it goes, and its name is free again.
  if (replacing && others.length < existing.items.length) worksheets.getItem(replacing).delete();
  const name = freeSheetName(model.sheetName, others);
  attempt.sheet = name;
  const sheet = worksheets.add(name);
  const cells = queueModel(sheet, model, comments);
  await sync();

  let waterfall: ModelBuild["waterfall"];
  if (!model.waterfall) waterfall = { added: false, code: "not_in_model", reason: "The model has no waterfall: the dataset has fewer than two fiscal years of net income." };
  else if (!supports("ExcelApi", "1.9")) waterfall = { added: false, code: "needs_excel_api", reason: needsExcelApi("A waterfall chart", "1.9") };
  else {
    addWaterfall(sheet, model.waterfall);
    waterfall = { added: true };
  }
  const charts = sheet.charts.load("items/name");
  try {
    await sync();
  } catch (error) {
    // Only the waterfall can be refused here; everything else is already on the sheet.
    if (!waterfall.added) throw error;
    waterfall = { added: false, code: "refused", reason: `Excel did not add the waterfall chart (${codeOf(error)}: ${messageOf(error)}).` };
    return { sheet: name, cells, names: model.names.map((n) => n.name), charts: model.charts.map((c) => c.title), waterfall, syncs: attempt.syncs };
  }
  return { sheet: name, cells, names: model.names.map((n) => n.name), charts: charts.items.map((c) => c.name), waterfall, syncs: attempt.syncs };
}

/** Builds `model` on a new sheet and activates it; returns what was built and what was left out, and why. */
export async function buildModel(model: Model): Promise<ModelBuild> {
  const attempt: Attempt = { sheet: null, syncs: 0 };
  if (!supports("ExcelApi", "1.20")) {
    const built = await Excel.run((context) => build(context, model, attempt, null, true));
    return { ...built, undo: { grouped: false, code: "needs_excel_api", reason: needsExcelApi("Undoing the whole model in one step", "1.20") } };
  }
  // Set as a property, not in an object literal, so that test/api-sets.test.ts sees its set (ExcelApi 1.20) checked.
  const grouped: Excel.RunOptions = {};
  grouped.mergeUndoGroup = true;
  try {
    // Office.PlatformType.OfficeOnline, compared as the string it is so that no enum object is needed at run time.
    const web = String(Office.context.diagnostics?.platform) === "OfficeOnline";
    const built = await Excel.run(grouped, (context) => build(context, model, attempt, null, !web));
    return { ...built, undo: { grouped: true } };
  } catch (error) {
    if (codeOf(error) !== "UndoNotSupported") throw error;
    const refused = messageOf(error);
    const built = await Excel.run((context) => build(context, model, attempt, attempt.sheet, true));
    const reason = `Excel could not make the model one undo step (${refused}), so it was built again as separate steps: Undo takes it back a part at a time.`;
    return { ...built, undo: { grouped: false, code: "undo_not_supported", reason } };
  }
}
