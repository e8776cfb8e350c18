/**
 * The three statements as tables (RMB millions, TTM then the fiscal years, newest first), each insertable as live KC.FIGURE formulas
 * (oldest first in the sheet, as a model's columns run).
 */
import type { Scalar } from "../data/result";
import { formula } from "../office/excel";
import { actionButton, type Actions } from "./actions";
import { core } from "./content";
import { h } from "./dom";
import { library } from "./library";
import { searchable, STATEMENT_YEARS } from "./filter";
import { amounts, prose } from "./format";
import { readable } from "./labels";

const STATEMENTS = [
  ["income", "Income statement"],
  ["balance", "Balance sheet"],
  ["cashflow", "Cash flow"],
] as const;

/** KC.FIGURE formulas for every line and period, with the statement's labels, as an Excel table. */
export function statementTable(name: string, grid: readonly (readonly Scalar[])[], metricIds: readonly string[]) {
  const periods = (grid[0] ?? []).slice(1).map(String);
  return {
    name: `KC_${name}`,
    header: ["RMB millions", ...periods],
    rows: grid.slice(1).map((row, i) => [String(row[0]), ...periods.map((p) => formula(`=KC.FIGURE("${metricIds[i]}","${p}")`))]),
    formats: ["@", ...periods.map(() => "#,##0.00;[Red]-#,##0.00")],
  };
}

/** Where the statement figures are read: the page by its title and the lines of its table, from the dataset. */
function tableNote(): string {
  const sources = core.facts.filter((f) => f.section === "statement table").map((f) => f.source);
  const lines = sources.map((s) => s.line);
  const file = sources[0]?.file;
  const title = core.seeds.find((s) => s.file === file)?.title ?? file ?? "";
  return `Statement table of ${title}, lines ${Math.min(...lines)}–${Math.max(...lines)}.`;
}

export function statements(actions: Actions, metricsOf: (statement: string) => readonly string[]): HTMLElement {
  return h(
    "div",
    {},
    STATEMENTS.map(([name, title]) => {
      const result = library.KC.STATEMENT(name, null, null);
      if (!result.ok || !Array.isArray(result.value)) return null;
      const grid = result.value;
      // The pane reads newest first, TTM then the latest fiscal year back to the first, as the source page's table and
      // the Filings and Events tabs do: in a narrow pane the first columns, seen without scrolling, are the latest.
      const [head, ...rows] = grid.map(([label, ...cells]) => [label, ...cells.reverse()] as const);
      const metrics = new Set(metricsOf(name));
      const conflicts = core.conflicts.filter((c) => metrics.has(c.id.split(":")[0] as string));
      return searchable(
        h(
          "section",
          { className: "card", "aria-label": title },
          h("h3", {}, title, h("span", { className: "subtle" }, " · RMB millions")),
          h(
            "div",
            { className: "table-wrap" },
            h(
              "table",
              { className: "statement" },
              h("thead", {}, h("tr", {}, (head ?? []).map((cell, i) => h("th", { scope: "col" }, i === 0 ? "" : String(cell))))),
              h("tbody", {}, rows.map((row) => h("tr", {}, h("th", { scope: "row" }, String(row[0])), amounts(row.slice(1).map(Number)).map((cell) => h("td", {}, cell))))),
            ),
          ),
          h("p", { className: "subtle" }, tableNote()),
          conflicts.map((c) => h("p", { className: "conflict", role: "note" }, `Sources disagree on ${readable(c.subject)}: ${prose(c.why)}`)),
          actionButton(actions, `Insert the ${title.toLowerCase()} as KC formulas`, () => actions.insertTable(statementTable(name, grid, metricsOf(name)))),
        ),
        conflicts.length ? ["profile", "conflict"] : "profile",
        STATEMENT_YEARS,
        `${title} ${rows.map((r) => r[0]).join(" ")} ${conflicts.map((c) => c.why).join(" ")}`,
      );
    }),
  );
}
