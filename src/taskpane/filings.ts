/** Filings: the five Form 20-F reports, sortable, each insertable as live KC.FILING formulas. */
import type { Filing } from "../data/schema";
import { formula } from "../office/excel";
import { actionButton, type Actions } from "./actions";
import { core } from "./content";
import { h } from "./dom";
import { searchable } from "./filter";
import { date, decimalsFor, millions, percent, perShare } from "./format";
import { sourceNote } from "./source-note";

type Column = { readonly key: string; readonly label: string; readonly sort: (f: Filing) => number | string; readonly show: (f: Filing) => string };

/** One count of decimals for the whole revenue column. */
const REVENUE_DIGITS = decimalsFor(core.filings.map((f) => f.revenueUsdM));

const revenue = (f: Filing) => `${millions(f.revenueUsdM, "USD", REVENUE_DIGITS)}, ${percent(f.revenueGrowth)} y/y`;
const eps = (f: Filing) => `${perShare(f.eps, "USD")}, ${percent(f.epsGrowth)} y/y`;

/** A filing in one sentence, written as the table writes it: for the timeline. */
export const filingSummary = (f: Filing): string => `Period end ${date(f.periodEnd)}; revenue ${revenue(f)}; EPS per ADS ${eps(f)}; ${f.result}.`;

const COLUMNS: readonly Column[] = [
  { key: "fiscal_year", label: "FY", sort: (f) => f.fiscalYear, show: (f) => `FY${f.fiscalYear}` },
  { key: "period_end", label: "Period end", sort: (f) => f.periodEnd, show: (f) => date(f.periodEnd) },
  { key: "filed", label: "Filed", sort: (f) => f.filed, show: (f) => date(f.filed) },
  { key: "revenue", label: "Revenue, growth", sort: (f) => f.revenueUsdM, show: revenue },
  { key: "eps", label: "EPS per ADS, growth", sort: (f) => f.eps, show: eps },
  { key: "result", label: "Result", sort: (f) => f.result, show: (f) => f.result },
];

const FIELDS = ["fiscal_year", "period_end", "filed", "revenue", "revenue_growth", "eps", "eps_growth", "result"] as const;
const FORMATS = ["0", "yyyy-mm-dd", "yyyy-mm-dd", "#,##0.00", "0.0%", "0.00", "0.0%", "@"];

/** One row of KC.FILING formulas per filing, so the sheet stays live. */
export function filingTable(filings: readonly Filing[]) {
  return {
    name: "KC_Filings",
    header: ["Fiscal year", "Period end", "Filed", "Revenue (USD M)", "Revenue growth", "EPS (USD/ADS)", "EPS growth", "Result"],
    rows: filings.map((f) => FIELDS.map((field) => formula(`=KC.FILING(${f.fiscalYear},"${field}")`))),
    formats: FORMATS,
  };
}

export function filings(actions: Actions): HTMLElement {
  let sortBy = "fiscal_year";
  let descending = true;
  const body = h("tbody");
  const headers = COLUMNS.map((column) => {
    const button = h("button", { type: "button", className: "sort" }, column.label);
    const th = h("th", { scope: "col", "aria-sort": column.key === sortBy ? "descending" : "none" }, button);
    button.addEventListener("click", () => {
      descending = sortBy === column.key ? !descending : false;
      sortBy = column.key;
      render();
    });
    return th;
  });
  function render(): void {
    const column = COLUMNS.find((c) => c.key === sortBy) as Column;
    const sorted = [...core.filings].sort((a, b) => {
      const [x, y] = [column.sort(a), column.sort(b)];
      return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
    });
    headers.forEach((th, i) => th.setAttribute("aria-sort", COLUMNS[i]?.key === sortBy ? (descending ? "descending" : "ascending") : "none"));
    const hidden = new Map([...body.querySelectorAll<HTMLElement>("tr")].map((tr) => [tr.dataset.year, tr.hidden]));
    body.replaceChildren(
      ...sorted.map((f) => {
        const tr = searchable(
          h(
            "tr",
            {},
            COLUMNS.map((c) => h("td", { "data-label": c.label }, c.show(f))),
            h("td", {}, sourceNote([f.sources.title, f.sources.dates, f.sources.revenue, f.sources.eps, f.sources.result]), actionButton(actions, "Insert", () => actions.insertTable(filingTable([f])), `Insert the FY${f.fiscalYear} 20-F as KC formulas`)),
          ),
          "filing",
          { fiscal: [f.fiscalYear], calendar: [Number(f.filed.slice(0, 4))] },
          `form 20-f annual report fy${f.fiscalYear} ${f.fiscalYear} ${COLUMNS.map((c) => `${c.label} ${c.show(f)}`).join(" ")}`,
        );
        tr.hidden = hidden.get(String(f.fiscalYear)) ?? false;
        return tr;
      }),
    );
  }
  render();
  return h(
    "div",
    {},
    h("p", { className: "subtle" }, "Form 20-F annual reports, as the NASDAQ overview lists them. Revenue in USD; its growth, as the page states it, follows the RMB figures."),
    h("div", { className: "table-wrap" }, h("table", { className: "filings" }, h("caption", {}, "Form 20-F filings"), h("thead", {}, h("tr", {}, headers, h("th", { scope: "col" }, "Source"))), body)),
    actionButton(actions, "Insert all filings as a table", () => actions.insertTable(filingTable(core.filings))),
  );
}
