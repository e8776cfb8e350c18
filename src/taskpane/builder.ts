/** Formulas: build a KC formula with its live value and audit, audit any formula, and freeze or restore KC formulas. */
import { buildFormula } from "../data/formula";
import { EXCEL_ERROR, type CellValue, type Ok } from "../data/result";
import { KC_NAMES, SPEC, type KcName } from "../data/spec";
import { actionButton, type Actions } from "./actions";
import { auditView, formulaValueView, valueView } from "./audit-view";
import { BUILDER, type Choice } from "./builder-spec";
import { copyText } from "./copy";
import { dataTypeNote } from "./data-type-note";
import { stated } from "./content";
import { h, replaceChildren } from "./dom";
import { library } from "./library";
import { answerText } from "./value-text";

const { KC, auditFormula, auditText, cardView, companyEntity, explain, figureCard } = library;

export type BuilderState = { readonly fn: KcName; readonly args: Readonly<Record<string, string>> };
export const DEFAULT_BUILDER: BuilderState = { fn: "MARGIN", args: { kind: "gross", period: "TTM" } };

export type WorkbookTools = {
  freeze(scope: "selection" | "sheet"): void;
  /** Shows what "Restore formulas" would write, in `restorePanel`, and writes it once confirmed. */
  restore(): void;
  readonly restorePanel: HTMLElement;
  /** Where the audit of the selected cell goes; filled by the pane when the selection moves. */
  readonly selection: HTMLElement;
};

function select(label: string, choices: readonly Choice[], value: string, onChange: (v: string) => void): HTMLElement {
  const id = `builder-${label}`;
  const element = h("select", { id }, choices.map(([v, text]) => h("option", { value: String(v), selected: String(v) === value }, text)));
  element.addEventListener("change", () => onChange(element.value));
  return h("div", { className: "field" }, h("label", { for: id }, label.replace(/_/g, " ")), element);
}

function argumentValue(raw: string | undefined, choices: readonly Choice[]): string | number | null {
  const choice = choices.find(([v]) => String(v) === raw) ?? null;
  return choice === null || choice[0] === "" ? null : choice[0];
}

export function builder(actions: Actions, initial: BuilderState, save: (state: BuilderState) => void, tools: WorkbookTools): HTMLElement {
  let state = initial;
  const fields = h("div", { className: "fields" });
  const formula = h("output", { className: "formula", id: "builder-formula", "aria-live": "polite" });
  const result = h("div", { className: "result", "aria-live": "polite" });
  const audit = h("div", {});
  const dataType = h("div", {});
  const copy = h("button", { type: "button", className: "action", id: "builder-copy" }, "Copy");
  // Shown only where copying is blocked, with the formula selected in it.
  const copyField = h("input", { type: "text", readonly: true, hidden: true, id: "builder-copy-text", className: "copy-text", "aria-label": "Formula to copy", spellcheck: "false" });
  const copyNote = h("p", { className: "subtle copy-note", id: "builder-copy-note", "aria-live": "polite" });
  const freeText = h("input", { type: "text", id: "audit-input", placeholder: '=KC.REVENUE("FY0")/KC.REVENUE("FY-1")-1', spellcheck: "false", autocomplete: "off" });
  const freeAudit = h("div", {});

  function currentFormula(): { text: string; args: (string | number | null)[] } {
    const params = BUILDER[state.fn];
    const args = params.map((p) => argumentValue(state.args[p.name] ?? String(p.choices[0]?.[0] ?? ""), p.choices));
    return { text: buildFormula(state.fn, args), args };
  }

  function render(): void {
    const params = BUILDER[state.fn];
    replaceChildren(
      fields,
      select("function", KC_NAMES.map((n) => [n, `KC.${n}`]), state.fn, (fn) => update({ fn: fn as KcName, args: {} })),
      params.map((p) => select(p.name, p.choices, state.args[p.name] ?? String(p.choices[0]?.[0] ?? ""), (v) => update({ fn: state.fn, args: { ...state.args, [p.name]: v } }))),
    );
    const { text, args } = currentFormula();
    formula.textContent = text;
    copyField.hidden = true;
    copyNote.textContent = "";
    const live = KC[state.fn](...args);
    const valueOf = (answer: Ok<CellValue>) => {
      const text = answerText(state.fn, args, answer);
      return text === null ? valueView(answer.value) : h("output", { className: "value" }, text);
    };
    replaceChildren(
      result,
      live.ok ? [h("span", { className: "label" }, "Value: "), valueOf(live)] : h("span", { className: "error" }, `${EXCEL_ERROR[live.code]} ${explain(live.reason)}`),
    );
    const kind = SPEC[state.fn].dataType;
    const rich = state.fn === "COMPANY" ? { ok: true as const, value: companyEntity("1.19") } : state.fn === "CARD" ? figureCard(args[0], args[1], args[2], args[3]) : null;
    replaceChildren(dataType, kind ? dataTypeNote(state.fn, kind, actions.excel, rich?.ok ? cardView(rich.value) : null) : null);
    replaceChildren(audit, h("h3", {}, "Audit"), auditView(auditFormula(text, undefined, stated), ""));
  }

  function update(next: BuilderState): void {
    state = next;
    save(state);
    render();
  }

  copy.addEventListener("click", () => {
    const copied = formula.textContent ?? "";
    void copyText(copied, copyField).then((how) => {
      // A copy that finishes after the formula changed copied the old one: saying "Copied." then would mislead.
      if (formula.textContent !== copied) return;
      copyNote.textContent = how === "copied" ? "Copied." : "Copying is blocked here. The formula is selected above: press Ctrl+C (Cmd+C on a Mac) to copy it.";
    });
  });
  freeText.addEventListener("input", () => {
    const audited = auditText(freeText.value, undefined, stated);
    const whole = audited.ok ? formulaValueView(freeText.value, audited.entries) : null;
    whole?.setAttribute("id", "audit-formula-value");
    replaceChildren(freeAudit, audited.ok ? [whole, auditView(audited.entries, "No KC call in this formula.")] : h("p", { className: "error", id: "audit-too-long" }, audited.message));
  });
  render();

  return h(
    "div",
    {},
    h("section", { "aria-label": "Formula builder", className: "card" }, h("h3", {}, "Build a formula"), fields, h("p", {}, formula), copyField, result, dataType, h("div", { className: "buttons" }, copy, actionButton(actions, "Insert into selected cell", () => actions.insertFormula(formula.textContent ?? ""))), copyNote, audit),
    h("section", { "aria-label": "Audit a formula", className: "card" }, h("h3", {}, h("label", { for: "audit-input" }, "Audit any formula")), freeText, freeAudit),
    h("section", { "aria-label": "Selected cell", className: "card" }, h("h3", {}, "Selected cell"), tools.selection),
    h(
      "section",
      { "aria-label": "Freeze", className: "card" },
      h("h3", {}, "Convert KC formulas to values"),
      h("p", { className: "subtle" }, "For a workbook going to someone without the add-in. Only KC formulas change; each is recorded on a hidden sheet (KC_Frozen) so it can be restored."),
      h(
        "div",
        { className: "buttons" },
        actionButton(actions, "Selection", () => tools.freeze("selection"), "Convert KC formulas in the selection to values"),
        actionButton(actions, "Whole sheet", () => tools.freeze("sheet"), "Convert KC formulas on this sheet to values"),
        actionButton(actions, "Restore formulas", () => tools.restore()),
      ),
      tools.restorePanel,
    ),
  );
}
