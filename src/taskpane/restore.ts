/**
 * "Restore formulas" in two steps: a preview of every cell and the formula it gets back, with what is skipped and why,
 * then the writing once the analyst confirms. Nothing is written from the preview itself.
 */
import { restoreSkipped } from "../data/messages";
import type { RestorePlan, Skipped } from "../office/excel";
import { h } from "./dom";

/** Rows listed in full; the rest are counted. */
const SHOWN = 50;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How many skipped rows were refused outright, left because their cells changed, or kept for a missing sheet. */
export function skippedCounts(skipped: readonly Skipped[]): { refused: number; edited: number; kept: number } {
  const counts = { refused: 0, edited: 0, kept: 0 };
  for (const { reason } of skipped) {
    if (reason.code === "no_sheet" || reason.code === "later") counts.kept++;
    else if (reason.code === "edited" || reason.code === "unchecked_occupied" || reason.code === "overlap" || reason.code === "changed_since_preview") counts.edited++;
    else counts.refused++;
  }
  return counts;
}

function skippedList(skipped: readonly Skipped[]): HTMLElement | null {
  if (!skipped.length) return null;
  return h(
    "ul",
    { className: "restore-skipped" },
    skipped.slice(0, SHOWN).map((s) => h("li", {}, restoreSkipped(s.row, s.reason))),
    skipped.length > SHOWN ? h("li", { className: "subtle" }, `… and ${skipped.length - SHOWN} more.`) : null,
  );
}

/** The preview: the cells and formulas to restore, the counts and reasons of the rows skipped, and the two buttons. */
export function restorePreview(plan: RestorePlan, confirm: () => void, cancel: () => void): HTMLElement {
  const { refused, edited, kept } = skippedCounts(plan.skipped);
  const counts = `${plural(plan.rows.length, "formula")} to restore · ${refused} refused · ${edited} skipped because their cells changed · ${kept} kept for later`;
  const restore = h("button", { type: "button", className: "action", id: "restore-confirm" }, `Restore ${plural(plan.rows.length, "formula")}`);
  const dismiss = h("button", { type: "button", className: "action", id: "restore-cancel" }, "Cancel");
  restore.addEventListener("click", confirm);
  dismiss.addEventListener("click", cancel);
  return h(
    "div",
    { className: "restore-preview", role: "region", "aria-label": "Formulas to restore" },
    h("p", {}, counts),
    plan.rows.length
      ? h(
          "ul",
          { className: "restore-rows" },
          plan.rows.slice(0, SHOWN).map((r) =>
            h(
              "li",
              {},
              h("code", {}, `${r.sheet}!${r.cell}`),
              " ← ",
              h("code", {}, r.formula),
              r.spilled ? ` (clears ${r.spilled} for it to spill into)` : "",
              r.renamed.length ? ` (old names written as new: ${r.renamed.join(", ")})` : "",
              r.unchecked ? " (recorded by an earlier version; restored because the cell is empty)" : "",
            ),
          ),
          plan.rows.length > SHOWN ? h("li", { className: "subtle" }, `… and ${plan.rows.length - SHOWN} more.`) : null,
        )
      : h("p", { className: "subtle" }, "Nothing to restore."),
    skippedList(plan.skipped),
    h("div", { className: "buttons" }, plan.rows.length ? restore : null, dismiss),
  );
}

/** The pane's message once the formulas are written. */
export function restoreSummary(result: { restored: number; skipped: readonly Skipped[] }): string {
  const { refused, edited, kept } = skippedCounts(result.skipped);
  const skipped = result.skipped.length ? ` Skipped ${result.skipped.length} (${refused} refused, ${edited} changed, ${kept} kept for later); their rows stay on KC_Frozen. ${restoreSkipped(result.skipped[0]?.row ?? 0, (result.skipped[0] as Skipped).reason)}${result.skipped.length > 1 ? " …" : ""}` : "";
  return `Restored ${plural(result.restored, "KC formula")}.${skipped}`;
}
