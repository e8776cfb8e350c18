/**
 * The three statements as tables (RMB millions, TTM then FY2024 → FY2020), each insertable as live KC.FIGURE formulas
 * (oldest first in the sheet, as a model's columns run).
 */
import type { Scalar } from "../data/result";
import { formula } from "../office/excel";
import { actionButton, type Actions } from "./actions";
import { core } from "./content";
import { h } from "./dom";
import { library } from "./library";
import { searchable } from "./filter";

/** Digits after the point in a figure as stored (850.17 → 2), so that every cell of a row shows the same number. */
const decimals = (value: number) => Math.min(6, String(value).split(".")[1]?.length ?? 0);
const fixed = (value: number, digits: number) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

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

export function statements(actions: Actions, metricsOf: (statement: string) => readonly string[]): HTMLElement {
  return h(
    "div",
    {},
    STATEMENTS.map(([name, title]) => {
      const result = library.KC.STATEMENT(name, null, null);
      if (!result.ok || !Array.isArray(result.value)) return null;
      const grid = result.value;
      // The pane reads newest first, TTM then FY2024 back to FY2020, as the source page's table and the Filings and
      // Events tabs do: in a narrow pane the first columns are the ones seen without scrolling, and they are the latest.
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
              h(
                "tbody",
                {},
                rows.map(([label, ...cells]) => {
                  const digits = Math.max(...cells.map((c) => decimals(Number(c))));
                  return h("tr", {}, h("th", { scope: "row" }, String(label)), cells.map((c) => h("td", {}, fixed(Number(c), digits))));
                }),
              ),
            ),
          ),
          h("p", { className: "subtle" }, "Statement table of the HKEX analysis page (seeds/002_6d82bc69ff353dc9.txt, lines 99–115)."),
          conflicts.map((c) => h("p", { className: "conflict", role: "note" }, `Sources disagree on ${c.subject}: ${c.why}`)),
          actionButton(actions, `Insert the ${title.toLowerCase()} as KC formulas`, () => actions.insertTable(statementTable(name, grid, metricsOf(name)))),
        ),
        conflicts.length ? ["profile", "conflict"] : "profile",
        null,
        `${title} ${rows.map((r) => r[0]).join(" ")} ${conflicts.map((c) => c.why).join(" ")}`,
      );
    }),
  );
}
