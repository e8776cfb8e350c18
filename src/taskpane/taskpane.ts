/**
 * The task pane: Overview, Filings, Events, Risks and Formulas, with search and filters across them. Inside Excel it
 * also writes tables and formulas and audits the selected cell; in a plain browser everything else still works.
 */
import * as excel from "../office/excel";
import { OFFICE_READY_TIMEOUT_MS, officeReady, onPaneVisibility, type Host } from "../office/host";
import type { Actions } from "./actions";
import { auditView, formulaValueView } from "./audit-view";
import { buildSummary, modelButton, modelSection, theModel } from "./model-view";
import { buildModel } from "../office/model-writer";
import { builder } from "./builder";
import { stated } from "./content";
import { h, replaceChildren } from "./dom";
import { events } from "./events";
import { applyFilters, isFiltering, KINDS, YEARS, yearLabel, type Filters } from "./filter";
import { filings } from "./filings";
import { library } from "./library";
import { freezeFormulas } from "./freeze";
import { overview } from "./overview";
import { restorePreview, restoreSummary } from "./restore";
import { risks } from "./risks";
import { auditWhileShown } from "./selection-audit";
import { loadState, saveState, type PaneState, type Tab } from "./state";
import { tabs } from "./tabs";

const LABELS: Record<Tab, string> = { overview: "Overview", filings: "Filings", events: "Events", risks: "Risks", formulas: "Formulas" };

const PREVIEW = "browsing, search, the builder and the audit work; writing to a workbook needs Excel.";

function previewNote(host: Host): string {
  if (host.office === "silent") return `Office did not answer within ${OFFICE_READY_TIMEOUT_MS / 1000} seconds, so this is a preview: ${PREVIEW} Close and reopen the pane to try again.`;
  return `Preview outside Excel: ${PREVIEW}`;
}

function say(status: HTMLElement, message: string): void {
  status.textContent = message;
}

async function start(): Promise<void> {
  const app = document.getElementById("app");
  if (!app) return;
  const host = await officeReady();
  // Excel's theme wins over the system's colour scheme; outside Office the pane follows the browser.
  if (host.theme) document.documentElement.dataset.theme = host.theme;
  let state: PaneState = loadState();
  const status = h("p", { role: "status", className: "status" }, host.excel ? "" : previewNote(host));
  const update = (next: PaneState) => {
    state = next;
    saveState(state);
  };

  const inExcel = (what: string, work: (context: Excel.RequestContext) => Promise<string>) => {
    Excel.run(work).then(
      (message) => say(status, message),
      (error: unknown) => say(status, `Could not ${what}: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  const actions: Actions = {
    excel: host.excel,
    insertTable: (table) => inExcel("insert the table", async (c) => `Inserted ${table.rows.length} rows at ${await excel.insertTable(c, table)}.`),
    insertFormula: (formula) => inExcel("insert the formula", async (c) => `Inserted ${formula} at ${await excel.insertFormula(c, formula)}.`),
  };
  const selection = h("div", {}, h("p", { className: "subtle" }, host.excel ? "Select a cell that holds a KC formula to see where its figures come from." : "Needs Excel: inside Excel, the KC formulas of the selected cell are audited here."));
  const restorePanel = h("div", { id: "restore-panel" });
  const tools = {
    selection,
    freeze: (scope: "selection" | "sheet") => inExcel("convert the formulas", (c) => freezeFormulas(c, scope)),
    restorePanel,
    restore: () =>
      Excel.run((c) => excel.planRestore(c)).then(
        (plan) => {
          const close = () => replaceChildren(restorePanel);
          const confirm = () => {
            close();
            inExcel("restore the formulas", async (c) => restoreSummary(await excel.applyRestore(c, plan)));
          };
          replaceChildren(restorePanel, restorePreview(plan, confirm, close));
        },
        (error: unknown) => say(status, `Could not read the recorded formulas: ${error instanceof Error ? error.message : String(error)}`),
      ),
  };

  // The KC model: built in Excel through the seam, previewed anywhere from the same template.
  const build = () => buildModel(theModel()).then(buildSummary);
  const modelPanel = modelSection(actions, build);
  const showModel = () => {
    sections.select("formulas");
    update({ ...state, tab: "formulas" });
    modelPanel.querySelector<HTMLButtonElement>("#model-preview-button")?.click();
    modelPanel.scrollIntoView();
  };
  const sections = tabs(
    [
      { id: "overview", label: LABELS.overview, panel: overview(actions, undefined, modelButton(actions, build, showModel)) },
      { id: "filings", label: LABELS.filings, panel: filings(actions) },
      { id: "events", label: LABELS.events, panel: events(actions) },
      { id: "risks", label: LABELS.risks, panel: risks(actions) },
      { id: "formulas", label: LABELS.formulas, panel: h("div", {}, builder(actions, state.builder, (b) => update({ ...state, builder: b }), tools), modelPanel) },
    ],
    state.tab,
    (id) => {
      sections.select(id);
      update({ ...state, tab: id as Tab });
    },
  );

  const search = h("input", { type: "search", id: "search", placeholder: "Search filings, events, risks…", value: state.filters.query, autocomplete: "off" });
  const kind = h("select", { id: "filter-kind" }, KINDS.map(([v, label]) => h("option", { value: v, selected: v === state.filters.kind }, label)));
  const option = ([value, label]: readonly [string, string]) => h("option", { value, selected: value === state.filters.year }, label);
  const year = h(
    "select",
    { id: "filter-year" },
    h("option", { value: "" }, "Any year"),
    h("optgroup", { label: "Fiscal year: what a figure or filing covers" }, YEARS.fiscal.map(option)),
    h("optgroup", { label: "Calendar year: when it happened" }, YEARS.calendar.map(option)),
  );
  const clear = h("button", { type: "button", id: "search-clear", className: "clear", "aria-label": "Clear search", title: "Clear search", hidden: !state.filters.query }, "×");
  const summary = h("p", { className: "subtle", id: "match-summary", "aria-live": "polite" });
  const empties = sections.panels.map((panel) => {
    const empty = h("div", { className: "empty-state", hidden: true });
    panel.prepend(empty);
    return empty;
  });
  const clearAll = () => {
    search.value = "";
    kind.value = "";
    year.value = "";
    refilter();
    search.focus();
  };
  /** What was searched, in words: the text, the kind and the year. */
  const searched = (filters: Filters) =>
    [filters.query.trim() ? `“${filters.query.trim()}”` : "", filters.kind ? `of the kind ${KINDS.find(([v]) => v === filters.kind)?.[1] ?? filters.kind}` : "", filters.year ? `in ${yearLabel(filters.year)}` : ""].filter(Boolean).join(" ");
  const refilter = () => {
    const filters: Filters = { query: search.value, kind: kind.value, year: year.value };
    const counts = applyFilters(app, filters);
    const filtering = isFiltering(filters);
    (Object.keys(LABELS) as Tab[]).forEach((tab, i) => {
      const count = counts.get(`panel-${tab}`) ?? 0;
      sections.label(tab, filtering && tab !== "formulas" ? `${LABELS[tab]} (${count})` : LABELS[tab]);
      const empty = empties[i];
      if (!empty) return;
      empty.hidden = !filtering || tab === "formulas" || count > 0;
      if (!empty.hidden) replaceChildren(empty, h("p", {}, `Nothing in ${LABELS[tab]} matches ${searched(filters)}.`), h("button", { type: "button", onclick: clearAll }, "Clear search and filters"));
    });
    clear.hidden = !filters.query;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    summary.textContent = filtering ? `${total} matching item${total === 1 ? "" : "s"}` : "";
    update({ ...state, filters });
  };
  for (const control of [search, kind, year]) control.addEventListener("input", refilter);
  clear.addEventListener("click", () => {
    search.value = "";
    refilter();
    search.focus();
  });

  replaceChildren(
    app,
    h(
      "header",
      { className: "top" },
      h("h1", {}, "KC for Excel"),
      h("p", { className: "subtle" }, "Kingsoft Cloud · NASDAQ: KC · HKEX: 3896"),
      h("div", { className: "search", role: "search" }, h("label", { for: "search", className: "visually-hidden" }, "Search"), h("span", { className: "search-box" }, search, clear), h("label", { for: "filter-kind", className: "visually-hidden" }, "Kind"), kind, h("label", { for: "filter-year", className: "visually-hidden" }, "Fiscal or calendar year"), year),
      summary,
      sections.list,
    ),
    status,
    sections.panels,
  );
  refilter();
  performance.mark("kc:ready");

  if (host.excel) {
    const audited = (formula: string, values: ReadonlyMap<string, string | number | boolean>) => {
      const entries = library.auditFormula(formula, values, stated);
      return [formulaValueView(formula, entries, values), auditView(entries, "This cell holds no KC formula.")];
    };
    const audit = () =>
      Excel.run(async (c) => {
        const { cells, areas } = await excel.selectedCells(c);
        // The areas of one selection share a sheet: their references are read together.
        const values = await excel.readCells(c, [...new Set(cells.flatMap((cell) => library.cellReferences(cell.formula)))]);
        replaceChildren(
          selection,
          cells.flatMap((cell) => [h("p", {}, h("code", {}, cell.address), " ", cell.formula || "(no formula)"), ...audited(cell.formula, values)]),
          areas > cells.length ? h("p", { className: "subtle" }, `The first ${cells.length} of ${areas} selected areas are audited.`) : null,
        );
      }).catch((error: unknown) =>
        replaceChildren(selection, h("p", { className: "error" }, `Could not audit the selected cell: ${error instanceof Error ? error.message : String(error)}`)),
      );
    const show = auditWhileShown((onChange) => Excel.run((c) => excel.watchSelection(c, onChange)), audit);
    const shown = (visible: boolean) =>
      show(visible).catch((error: unknown) => say(status, `Could not follow the selection: ${error instanceof Error ? error.message : String(error)}`));
    await shown(true);
    onPaneVisibility((visible) => void shown(visible));
  }
}

void start();
