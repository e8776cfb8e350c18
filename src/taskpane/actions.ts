/** Workbook actions the sections offer; outside Excel they say plainly that they need Excel. */
export type Actions = {
  readonly excel: boolean;
  insertTable(table: import("../office/excel").SheetTable): void;
  insertFormula(formula: string): void;
};

/** A button for a workbook action: disabled, with the reason as its description, when Excel is not there. */
export function actionButton(actions: Actions, label: string, run: () => void, accessibleName?: string): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "action";
  button.textContent = label;
  if (accessibleName) button.setAttribute("aria-label", accessibleName);
  if (actions.excel) {
    button.addEventListener("click", run);
  } else {
    button.disabled = true;
    button.title = "Needs Excel: open KC for Excel from Excel's Home tab to write to a workbook.";
  }
  return button;
}
