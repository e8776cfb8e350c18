/**
 * The KC model as a spreadsheet: every formula of the template evaluated in HyperFormula with the KC functions of the
 * shipped dist/functions.js, each statement cell checked against the dataset, each derived cell against the same
 * ratio computed here from the dataset's figures, each check flag against the reconciliation status the dataset
 * records, and every chart series, category range and named range against the cells it claims.
 */
import { HyperFormula, type CellValue } from "hyperformula";
import core from "../src/data/core.json";
import { KC, type KcName } from "../src/data/kc";
import { columnName } from "../src/data/a1";
import { kcModel, type Model } from "../src/data/model";
import { modelValues } from "../src/data/model-values";
import type { DatasetCore } from "../src/data/schema";
import { registerKcFunctions } from "./support/hyperformula-kc";

const data = core as unknown as DatasetCore;
const faults = registerKcFunctions();
const model: Model = kcModel(data);
const sheet = HyperFormula.buildFromSheets(
  { [model.sheetName]: model.cells.map((row) => row.map((cell) => (cell ? cell.content : null))) },
  { licenseKey: "gpl-v3" },
);
const at = (row: number, col: number): CellValue => sheet.getCellValue({ sheet: 0, row: row - 1, col });
const contentAt = (row: number, col: number) => model.cells[row - 1]?.[col]?.content;

/** The dataset's own figure: the primary statement of a metric for a period in RMB. */
const figure = (metric: string, period: string): number => {
  const fact = data.facts.find((f) => f.primary && f.metric === metric && f.period === period && f.currency === "RMB");
  if (!fact) throw new Error(`dataset has no RMB ${metric} for ${period}`);
  return fact.value;
};

const headerRow = model.freeze.rows;
const periods = model.cells[headerRow - 1]?.slice(2).map((c) => c?.content as string) ?? [];
/** Rows whose column B names a metric the dataset has, with that metric. */
const inputRows = model.cells.flatMap((row, i) => (row[1]?.role === "key" && row[2]?.role === "input" && String(row[2]?.content).startsWith("=KC.FIGURE($B") ? [[i + 1, row[1].content as string] as const] : []));
const rowOfMetric = new Map(inputRows.map(([r, m]) => [m, r]));
const rowOfLabel = (label: string) => model.cells.findIndex((row) => row[0]?.content === label) + 1;

afterAll(() => expect(faults()).toEqual([]));

describe("the KC model evaluated as a spreadsheet", () => {
  it("has the dataset's fiscal years and TTM as its period columns, oldest first", () => {
    expect(periods).toEqual(data.periods.filter((p) => p.kind !== "quarter").map((p) => p.id));
    expect(periods.length).toBeGreaterThan(2);
  });

  it("evaluates every cell without an error", () => {
    const errors: string[] = [];
    model.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const value = at(r + 1, c);
        if (cell && value !== null && typeof value === "object") errors.push(`${columnName(c)}${r + 1} ${String(cell.content)}: ${JSON.stringify(value)}`);
      }),
    );
    expect(errors).toEqual([]);
  });

  it("has one live KC.FIGURE per statement cell, reading its metric from column B and its period from the header, equal to the dataset's figure", () => {
    const statementMetrics = data.metrics.filter((m) => m.statement !== null).map((m) => m.id);
    expect(inputRows.map(([, m]) => m).sort()).toEqual([...statementMetrics].sort());
    for (const [r, metric] of inputRows) {
      periods.forEach((period, i) => {
        expect(contentAt(r, i + 2)).toBe(`=KC.FIGURE($B${r},${columnName(i + 2)}$${headerRow})`);
        expect([metric, period, at(r, i + 2)]).toEqual([metric, period, figure(metric, period)]);
      });
    }
  });

  it("follows a changed header: a period typed into the header row moves the whole column", () => {
    const copy = HyperFormula.buildFromSheets({ [model.sheetName]: model.cells.map((row) => row.map((cell) => (cell ? cell.content : null))) }, { licenseKey: "gpl-v3" });
    const [r] = inputRows.find(([, m]) => m === "revenue") ?? [0];
    copy.setCellContents({ sheet: 0, row: headerRow - 1, col: 2 }, [[periods[periods.length - 2] as string]]);
    expect(copy.getCellValue({ sheet: 0, row: r - 1, col: 2 })).toBe(figure("revenue", periods[periods.length - 2] as string));
  });

  it("computes each derived row with native arithmetic, equal to the ratio computed here from the dataset's figures", () => {
    const ratios: [string, (p: string, prev: string | undefined) => number | null][] = [
      ["Revenue growth", (p, prev) => (prev && p.startsWith("FY") && prev.startsWith("FY") ? figure("revenue", p) / figure("revenue", prev) - 1 : null)],
      ["Gross margin", (p) => figure("gross_profit", p) / figure("revenue", p)],
      ["EBITDA margin", (p) => figure("ebitda", p) / figure("revenue", p)],
      ["Net margin", (p) => figure("net_income", p) / figure("revenue", p)],
      ["FCF margin", (p) => figure("free_cash_flow", p) / figure("revenue", p)],
      ["Debt to equity", (p) => figure("total_debt", p) / figure("total_equity", p)],
      ["Debt to assets", (p) => figure("total_debt", p) / figure("total_assets", p)],
      ["Equity ratio", (p) => figure("total_equity", p) / figure("total_assets", p)],
      ["ROE (on ending equity)", (p) => figure("net_income", p) / figure("total_equity", p)],
      ["Cash conversion (OCF / net income)", (p) => figure("operating_cash_flow", p) / figure("net_income", p)],
      ["FCF / net income", (p) => figure("free_cash_flow", p) / figure("net_income", p)],
    ];
    for (const [label, expected] of ratios) {
      const r = rowOfLabel(label);
      expect([label, r > 0]).toEqual([label, true]);
      periods.forEach((p, i) => {
        const want = expected(p, periods[i - 1]);
        const cell = model.cells[r - 1]?.[i + 2];
        if (want === null) expect([label, p, cell ?? null]).toEqual([label, p, null]);
        else {
          expect(cell?.role).toBe("calc");
          expect(String(cell?.content)).not.toMatch(/KC\./);
          expect(at(r, i + 2) as number).toBeCloseTo(want, 9);
        }
      });
    }
    const years = periods.filter((p) => p.startsWith("FY"));
    const [first, last] = [years[0] as string, years[years.length - 1] as string];
    const cagr = rowOfLabel(`Revenue CAGR ${first}–${last}`);
    expect(at(cagr, 2) as number).toBeCloseTo((figure("revenue", last) / figure("revenue", first)) ** (1 / (Number(last.slice(2)) - Number(first.slice(2)))) - 1, 9);
  });

  it("flags each stated ratio as the dataset's reconciliation does, beside its stated value and its source", () => {
    const statusOf = new Map(data.reconciliations.map((r) => [r.id, r]));
    expect(model.checks.length).toBeGreaterThanOrEqual(10);
    const flags = model.checks.map(({ row, reconciliation }) => {
      const rec = statusOf.get(reconciliation);
      expect(at(row, 2)).toBeCloseTo(rec?.stated as number, 12);
      const source = at(row, 6) as string;
      expect(source).toContain(`${rec?.source.file} line ${rec?.source.line}`);
      return [reconciliation, at(row, 5)];
    });
    expect(flags).toEqual(model.checks.map(({ reconciliation }) => [reconciliation, statusOf.get(reconciliation)?.status === "reconciles" ? "agrees" : "differs"]));
    expect(flags.some(([, f]) => f === "differs")).toBe(true);
  });

  it("draws every chart from the cells it names: the period headers and the rows of its series", () => {
    const headerRange = `C${headerRow}:${columnName(periods.length + 1)}${headerRow}`;
    const claims: Record<string, string> = {
      Revenue: "revenue", EBITDA: "ebitda", "Net income": "net_income", "Operating cash flow": "operating_cash_flow", "Free cash flow": "free_cash_flow",
      "Total debt": "total_debt", "Cash and short-term investments": "cash_and_short_term_investments",
    };
    for (const chart of model.charts) {
      expect(chart.categories).toBe(headerRange);
      for (const series of chart.series) {
        const r = claims[series.name] ? rowOfMetric.get(claims[series.name] as string) : rowOfLabel(series.name);
        expect([chart.id, series.name, series.values]).toEqual([chart.id, series.name, `C${r}:${columnName(periods.length + 1)}${r}`]);
      }
    }
    expect(model.charts.map((c) => c.id)).toEqual(["revenue", "earnings", "cash_flow", "debt_cash"]);
  });

  it("bridges the last two fiscal years' net income in steps whose running total ends at the later year's net income", () => {
    const years = periods.filter((p) => p.startsWith("FY"));
    const [prior, last] = [years[years.length - 2] as string, years[years.length - 1] as string];
    const [, top, bottom] = /^A(\d+):B(\d+)$/.exec(model.waterfall?.range ?? "") ?? [];
    const steps = Array.from({ length: Number(bottom) - Number(top) + 1 }, (_, i) => [contentAt(Number(top) + i, 0), at(Number(top) + i, 1) as number] as const);
    expect(steps.map(([label]) => label)).toEqual([`Net income ${prior}`, "Gross profit, change", "Costs down to EBITDA, change", "Below EBITDA (D&A, interest, tax, other), change"]);
    const change = (metric: string) => figure(metric, last) - figure(metric, prior);
    const want = [figure("net_income", prior), change("gross_profit"), change("ebitda") - change("gross_profit"), change("net_income") - change("ebitda")];
    steps.forEach(([label, value], i) => expect([label, value]).toEqual([label, expect.closeTo(want[i] as number, 6)]));
    expect(steps.reduce((sum, [, v]) => sum + v, 0)).toBeCloseTo(figure("net_income", last), 6);
    expect(at(Number(bottom) + 1, 1) as number).toBeCloseTo(figure("net_income", last), 6);
    expect([model.waterfall?.from, model.waterfall?.to]).toEqual([prior, last]);
  });

  it("names the key lines, each over its own row's period cells", () => {
    for (const name of model.names) {
      const m = /^\$C\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(name.range);
      expect([name.name, m?.[1] === m?.[3], m?.[2]]).toEqual([name.name, true, columnName(periods.length + 1)]);
      expect(name.name).toMatch(/^KC_[A-Za-z]+$/);
      expect(contentAt(Number(m?.[1]), 1)).toBeDefined();
    }
    expect(model.names.find((n) => n.name === "KC_Revenue")?.range).toBe(`$C$${rowOfMetric.get("revenue")}:$${columnName(periods.length + 1)}$${rowOfMetric.get("revenue")}`);
  });

  it("computes, outside Excel, every cell as the spreadsheet engine does: the pane's preview of the model", () => {
    const preview = modelValues(model, (name, args) => (name in KC ? KC[name as KcName](...args) : null));
    const differences: string[] = [];
    model.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell) return;
        const want = at(r + 1, c);
        const got = preview[r]?.[c];
        const same = got?.kind === "value" && (typeof want === "number" && typeof got.value === "number" ? Math.abs(got.value - want) <= 1e-9 * Math.max(1, Math.abs(want)) : got.value === want);
        if (!same) differences.push(`${columnName(c)}${r + 1}: engine ${JSON.stringify(want)}, preview ${JSON.stringify(got)}`);
      }),
    );
    expect(differences).toEqual([]);
  });
});
