/** Accessible tabs: a tablist whose arrow, Home and End keys move between tabs, each owning a panel. */
import { h } from "./dom";

export type TabSpec = { readonly id: string; readonly label: string; readonly panel: HTMLElement };

export function tabs(specs: readonly TabSpec[], selected: string, onSelect: (id: string) => void): { list: HTMLElement; panels: HTMLElement[]; select: (id: string) => void; label: (id: string, text: string) => void } {
  const buttons = specs.map((spec) =>
    h("button", { type: "button", role: "tab", id: `tab-${spec.id}`, "aria-controls": `panel-${spec.id}`, className: "tab" }, spec.label),
  );
  const panels = specs.map((spec) => h("section", { role: "tabpanel", id: `panel-${spec.id}`, "aria-labelledby": `tab-${spec.id}`, tabindex: 0 }, spec.panel));
  function select(id: string): void {
    specs.forEach((spec, i) => {
      const on = spec.id === id;
      buttons[i]?.setAttribute("aria-selected", String(on));
      buttons[i]?.setAttribute("tabindex", on ? "0" : "-1");
      if (panels[i]) panels[i].hidden = !on;
    });
  }
  buttons.forEach((button, i) => {
    button.addEventListener("click", () => onSelect(specs[i]?.id ?? ""));
    button.addEventListener("keydown", (event) => {
      const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: specs.length - 1 };
      const target = moves[event.key];
      if (target === undefined) return;
      event.preventDefault();
      const next = (target + specs.length) % specs.length;
      onSelect(specs[next]?.id ?? "");
      buttons[next]?.focus();
    });
  });
  select(selected);
  const list = h("div", { role: "tablist", "aria-label": "Sections", className: "tabs" }, buttons);
  const label = (id: string, text: string) => {
    const button = buttons[specs.findIndex((s) => s.id === id)];
    if (button) button.textContent = text;
  };
  return { list, panels, select, label };
}
