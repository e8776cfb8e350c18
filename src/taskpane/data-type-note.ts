/**
 * For KC.COMPANY and KC.CARD in the builder: what the function answers where Excel has data types and where it has
 * not, whether this Excel has them, what data-type cells cost, and a preview of the card as text.
 */
import type { CardView } from "../data/data-types";
import type { DataTypeKind, KcName } from "../data/spec";
import { EXCEL_WITH_DATA_TYPE, hasDataType } from "../office/requirements";
import { h } from "./dom";

const WHAT: Readonly<Record<DataTypeKind, { sets: string; rich: string; plain: string }>> = {
  entity: {
    sets: "CustomFunctionsRuntime 1.4 and ExcelApi 1.16",
    rich: "an entity: the company's card below, each field with its source line; =A1.Revenue reads a field",
    plain: "the company's name as text",
  },
  numberCard: {
    sets: "CustomFunctionsRuntime 1.4 and ExcelApi 1.19",
    rich: "the number KC.FIGURE answers, carrying the card below; it computes like any number",
    plain: "the plain number, as KC.FIGURE",
  },
};

export function dataTypeNote(fn: KcName, kind: DataTypeKind, inExcel: boolean, card: CardView | null): HTMLElement {
  const what = WHAT[kind];
  const here = hasDataType(kind)
    ? "This Excel has them."
    : inExcel
      ? `This Excel lacks them: the cell will show ${what.plain}.`
      : "Outside Excel: the card below is what Excel with data types shows.";
  return h(
    "div",
    { className: "data-type-note", id: "builder-data-type" },
    h("p", {}, `In Excel with data types for add-ins (${what.sets}: ${EXCEL_WITH_DATA_TYPE[kind]}), KC.${fn} answers ${what.rich}. Elsewhere it answers ${what.plain}. ${here}`),
    h("p", { className: "subtle" }, "Data-type cells cost Excel more than plain numbers (slowdowns are reported from about 1,500 of them): use KC.FIGURE across a model and a card where a reader wants the source in the cell."),
    card ? cardPreview(card) : null,
  );
}

function cardPreview(card: CardView): HTMLElement {
  return h(
    "details",
    { className: "card-preview", id: "builder-card-preview", open: true },
    h("summary", {}, `Card: ${card.title}${card.value !== null ? ` = ${card.value}` : ""}`),
    card.sections.map((s) =>
      h(
        "section",
        {},
        s.title ? h("h4", {}, s.title) : null,
        h(
          "dl",
          {},
          s.rows.flatMap((r) => [h("dt", {}, r.name), h("dd", {}, r.value, r.sublabel ? h("span", { className: "subtle" }, ` (${r.sublabel})`) : null, r.sources.length ? h("small", { className: "source" }, r.sources.join("; ")) : null)]),
        ),
      ),
    ),
    card.provider ? h("p", { className: "subtle" }, card.provider) : null,
  );
}
