/**
 * The KC model in the pane: in Excel, "Build model" adds the "KC Model" sheet (src/office/model-writer.ts); anywhere,
 * "Preview the model" shows the same template computed here (src/data/model-values.ts) as a read-only table, each
 * cell as the sheet would show it, sourced inputs and calculations in the template's two colours.
 */
import { columnName } from "../data/a1";
import { kcModel, MILLIONS, MULTIPLE, PERCENT, type Model, type ModelCell } from "../data/model";
import { modelValues, type ModelValue } from "../data/model-values";
import type { Value } from "../data/formula-value";
import type { ModelBuild } from "../office/model-writer";
import { actionButton, type Actions } from "./actions";
import { core } from "./content";
import { h, replaceChildren } from "./dom";
import { library } from "./library";
import { number, percent, serialDate } from "./format";

let model: Model | null = null;
/** The template, built once from the dataset functions.js loaded. */
export const theModel = (): Model => (model ??= kcModel(core));

function shown(cell: ModelCell, value: ModelValue): string {
  if (value.kind === "empty") return "";
  if (value.kind === "error") return value.error;
  if (value.kind === "unknown") return "—";
  const v: Value = value.value;
  if (typeof v === "boolean") return String(v).toUpperCase();
  if (typeof v === "string") return v;
  if (cell.format === MILLIONS) return number(v, 1);
  if (cell.format === PERCENT) return percent(v, 1, false);
  if (cell.format === MULTIPLE) return `${number(v, 2)}x`;
  if (cell.format === "mmm d, yyyy") return serialDate(v);
  if (cell.format === "0.00%") return percent(v, 2, false);
  return number(v, Number.isInteger(v) ? 0 : 3);
}

/** The model as a read-only table: row numbers and column letters as the sheet has them, formulas as cell titles. */
export function modelPreview(): HTMLElement {
  const m = theModel();
  const values = modelValues(m, (name, args) => (name in library.KC ? library.KC[name as keyof typeof library.KC](...args) : null));
  const width = Math.max(...m.cells.map((row) => row.length));
  const letters = Array.from({ length: width }, (_, c) => columnName(c));
  const formulas = m.cells.flat().filter((c) => c && typeof c.content === "string" && c.content.startsWith("=")).length;
  return h(
    "div",
    { className: "model-preview", id: "model-preview" },
    h("p", { className: "subtle" }, `Preview: the ${m.sheetName} sheet as the add-in would write it, computed here from the same template (${formulas} formulas). Blue: live KC formulas; black: calculations. Hover a cell for its formula.`),
    h(
      "div",
      { className: "table-wrap" },
      h(
        "table",
        { className: "model" },
        h("thead", {}, h("tr", {}, h("th", {}, ""), letters.map((l) => h("th", { scope: "col" }, l)))),
        h(
          "tbody",
          {},
          m.cells.map((row, r) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, String(r + 1)),
              letters.map((_, c) => {
                const cell = row[c];
                if (!cell) return h("td", {});
                const value = values[r]?.[c] ?? { kind: "empty" as const };
                const formula = typeof cell.content === "string" && cell.content.startsWith("=") ? cell.content : null;
                return h("td", { className: `role-${cell.role}${typeof (value.kind === "value" ? value.value : "") === "number" ? " num" : ""}`, title: formula }, shown(cell, value));
              }),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Where the model is offered: its buttons, what a build did, and the preview once asked for. */
export function modelSection(actions: Actions, build: () => Promise<string>): HTMLElement {
  // Not a second status region: the pane keeps one; this line is polite live text beside its buttons.
  const result = h("p", { className: "subtle", "aria-live": "polite", id: "model-result" });
  const preview = h("div", {});
  const show = h("button", { type: "button", className: "action", id: "model-preview-button" }, "Preview the model");
  show.addEventListener("click", () => replaceChildren(preview, modelPreview()));
  const excel = actionButton(actions, "Build model", () => {
    result.textContent = "Building the KC model…";
    build().then(
      (said) => (result.textContent = said),
      (error: unknown) => (result.textContent = `Could not build the model: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  excel.id = "model-build";
  const m = theModel();
  const periods = m.cells[m.freeze.rows - 1]?.slice(2).map((c) => c?.content) ?? [];
  return h(
    "section",
    { className: "card", "aria-label": "KC model", id: "kc-model" },
    h("h3", {}, "KC model", h("span", { className: "subtle" }, ` · ${periods[0]}–${periods[periods.length - 1]}, live`)),
    h(
      "p",
      {},
      `Adds a "${m.sheetName}" sheet: the three statements as live KC formulas (each reads its metric from column B and its period from row ${m.freeze.rows}, so a changed header or a copied row extends the model), growth, margins, leverage, ROE and cash conversion as native Excel formulas, each ratio the pages state checked against the model with its source, named lines (${m.names.map((n) => n.name).slice(0, 3).join(", ")}…) and ${m.charts.length} charts${m.waterfall ? " plus a net-income waterfall where Excel has one" : ""}.`,
    ),
    h("div", { className: "actions" }, excel, show),
    result,
    preview,
  );
}

/** What a build did, in one sentence an analyst reads in the status line. */
export function buildSummary(built: ModelBuild): string {
  const waterfall = built.waterfall.added ? "a net-income waterfall" : `no waterfall (${built.waterfall.reason.replace(/\.$/, "")})`;
  const undo = built.undo.grouped ? "Undo takes the whole build back in one step" : built.undo.reason.replace(/\.$/, "");
  return `Built ${built.sheet}: ${built.cells} cells, ${built.names.length} named lines, ${built.charts.length} charts with ${waterfall}. ${undo}. ${built.syncs} round trips to Excel.`;
}

/** The overview's way in: builds the model in Excel; elsewhere shows the preview on the Formulas tab. */
export function modelButton(actions: Actions, build: () => Promise<string>, preview: () => void): HTMLElement {
  const button = h("button", { type: "button", className: "action", id: "overview-model" }, actions.excel ? "Build the KC model sheet" : "Preview the KC model");
  const said = h("span", { className: "subtle", "aria-live": "polite" });
  button.addEventListener("click", () => {
    if (!actions.excel) return preview();
    said.textContent = " Building…";
    build().then(
      (text) => (said.textContent = ` ${text}`),
      (error: unknown) => (said.textContent = ` Could not build the model: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  return h("p", { className: "model-entry" }, button, said);
}
