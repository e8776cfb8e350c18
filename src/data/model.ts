/**
 * The KC model: one pure description of the "KC Model" sheet (cells, formulas, number formats, fonts, frozen panes,
 * column widths, named ranges and charts) that the Excel writer, the pane's preview and the tests all read.
 *
 * Every statement cell is a live KC formula that takes its metric from the row's metric cell and its period from the
 * column's period cell (=KC.FIGURE($B10,C$8)), so an analyst changes a header or copies a row or a column to extend
 * the model. Derived rows are native Excel arithmetic over those cells, never KC calls; the checks set each ratio the
 * pages state beside the model's own computation, with a flag and the source one click away (KC.SOURCE).
 *
 * It reads the dataset it is given (the pane passes the one functions.js loaded), so it names no period or metric
 * of its own: the next snapshot's periods become the next model's columns.
 */
import { columnName } from "./a1";
import type { DatasetCore, Metric, Period, Reconciliation } from "./schema";

/** What a cell is, which decides its font: sourced inputs in one colour, calculations in another. */
export type CellRole = "title" | "note" | "header" | "section" | "label" | "key" | "input" | "calc" | "check";

export type ModelCell = {
  /** A formula ("=…") or a constant Excel shows as is. */
  readonly content: string | number;
  readonly role: CellRole;
  readonly format?: string;
};

export type ChartSeries = {
  readonly name: string;
  /** The A1 range (on the model sheet) of the series' values, one row across the period columns. */
  readonly values: string;
  readonly type: "ColumnClustered" | "Line";
  readonly secondaryAxis?: boolean;
};

export type ModelChart = {
  readonly id: string;
  readonly title: string;
  /** The A1 range of the category labels: the period header cells. */
  readonly categories: string;
  readonly series: readonly ChartSeries[];
  /** Where the chart sits: its top-left cell. */
  readonly anchor: string;
};

/**
 * A waterfall from one year's net income to the next: drawn only where Excel has waterfall charts. `range` is two
 * columns, the step labels and their values, one step per row (series by columns).
 */
export type ModelWaterfall = { readonly title: string; readonly range: string; readonly anchor: string; readonly from: string; readonly to: string };

export type Model = {
  readonly sheetName: string;
  /** Rows of cells, top to bottom from row 1; null is an empty cell. */
  readonly cells: readonly (readonly (ModelCell | null)[])[];
  readonly columnWidths: readonly number[];
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly names: readonly { readonly name: string; readonly range: string; readonly comment: string }[];
  readonly charts: readonly ModelChart[];
  readonly waterfall: ModelWaterfall | null;
  readonly fonts: Readonly<Record<"input" | "calc", string>>;
  /** Each check row: the reconciliation it shows, for the tests and the preview. */
  readonly checks: readonly { readonly row: number; readonly reconciliation: string }[];
};

export const MODEL_SHEET = "KC Model";
/** Sourced inputs (live KC formulas) in blue, calculations in black: the convention banks' models use. */
export const FONTS = { input: "#0000FF", calc: "#000000" } as const;
export const MILLIONS = "#,##0.0;-#,##0.0";
export const PERCENT = "0.0%";
export const MULTIPLE = '0.00"x"';

const STATEMENTS: readonly { readonly id: NonNullable<Metric["statement"]>; readonly title: string }[] = [
  { id: "income", title: "Income statement" },
  { id: "balance", title: "Balance sheet" },
  { id: "cashflow", title: "Cash flow" },
];

type Ratio = {
  readonly key: string;
  readonly label: string;
  readonly format: string;
  /** The metrics of numerator and denominator; growth divides a row by its own previous column. */
  readonly over: readonly [string, string] | "growth";
  /** The reconciliation id prefix whose checks this row answers. */
  readonly checks: string;
};

const RATIOS: readonly Ratio[] = [
  { key: "revenue_growth", label: "Revenue growth", format: PERCENT, over: "growth", checks: "revenue_growth" },
  { key: "gross_margin", label: "Gross margin", format: PERCENT, over: ["gross_profit", "revenue"], checks: "gross_margin" },
  { key: "ebitda_margin", label: "EBITDA margin", format: PERCENT, over: ["ebitda", "revenue"], checks: "ebitda_margin" },
  { key: "net_margin", label: "Net margin", format: PERCENT, over: ["net_income", "revenue"], checks: "net_margin" },
  { key: "fcf_margin", label: "FCF margin", format: PERCENT, over: ["free_cash_flow", "revenue"], checks: "fcf_margin" },
  { key: "debt_to_equity", label: "Debt to equity", format: MULTIPLE, over: ["total_debt", "total_equity"], checks: "debt_to_equity" },
  { key: "debt_to_assets", label: "Debt to assets", format: PERCENT, over: ["total_debt", "total_assets"], checks: "debt_to_assets" },
  { key: "equity_ratio", label: "Equity ratio", format: PERCENT, over: ["total_equity", "total_assets"], checks: "equity_ratio" },
  { key: "roe", label: "ROE (on ending equity)", format: PERCENT, over: ["net_income", "total_equity"], checks: "roe" },
  { key: "ocf_to_net_income", label: "Cash conversion (OCF / net income)", format: MULTIPLE, over: ["operating_cash_flow", "net_income"], checks: "ocf_to_net_income" },
  { key: "fcf_to_net_income", label: "FCF / net income", format: MULTIPLE, over: ["free_cash_flow", "net_income"], checks: "fcf_to_net_income" },
];

/** Named ranges for the key lines: KC_Revenue and the like, over the period columns of the line. */
const NAMED: Readonly<Record<string, string>> = {
  revenue: "KC_Revenue",
  gross_profit: "KC_GrossProfit",
  ebitda: "KC_EBITDA",
  net_income: "KC_NetIncome",
  total_debt: "KC_TotalDebt",
  total_equity: "KC_Equity",
  cash_and_short_term_investments: "KC_Cash",
  operating_cash_flow: "KC_OperatingCashFlow",
  free_cash_flow: "KC_FreeCashFlow",
};

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** The model the dataset supports: its fiscal years and TTM as columns, its statement lines as rows. */
export function kcModel(core: DatasetCore): Model {
  const periods: Period[] = core.periods.filter((p) => p.kind === "fiscal_year" || p.kind === "ttm");
  const years = periods.filter((p) => p.kind === "fiscal_year");
  const first = 2; // column C: the first period
  const col = (i: number) => columnName(first + i);
  const lastCol = col(periods.length - 1);
  const rows: (ModelCell | null)[][] = [];
  const put = (cells: (ModelCell | null)[]) => {
    rows.push(cells);
    return rows.length;
  };
  const text = (content: string, role: CellRole, format?: string): ModelCell => (format ? { content, role, format } : { content, role });

  const nasdaq = core.listings.find((l) => l.exchange === "NASDAQ");
  const hkex = core.listings.find((l) => l.exchange === "HKEX");
  const perAds = core.capital.find((q) => q.field === "shares_per_ads")?.value;
  put([text(`${core.company}: KC model`, "title")]);
  put([
    text("Listings", "label"),
    text(
      [nasdaq ? `NASDAQ: ${nasdaq.ticker} (${nasdaq.currency} per ADS)` : null, hkex ? `HKEX: ${hkex.ticker} (${hkex.currency} per share)` : null, perAds ? `${perAds} shares per ADS` : null]
        .filter(Boolean)
        .join(" · "),
      "note",
    ),
  ]);
  put([text("Data as of", "label"), text("=KC.ASOF()", "input", "mmm d, yyyy"), text("Financials to", "label"), text('=KC.ASOF("financials")', "input", "mmm d, yyyy"), text("Version", "label"), text('=KC.ASOF("version")', "input")]);
  put([text("Units", "label"), text("RMB millions (KC's reporting currency) unless a row says otherwise; ratios as 0.0% or 0.00x.", "note")]);
  const conventions = put([]);
  put([]);
  const headerRow = put([text("Line", "header"), text("Metric", "header"), ...periods.map((p) => text(p.id, "header"))]);
  rows[conventions - 1] = [
    text("Conventions", "label"),
    text(
      `Figures in blue are live KC formulas (sourced inputs; =KC.SOURCE gives the line); black cells are calculations in native Excel formulas. Change a period in row ${headerRow} or a metric in column B and the figures follow; copy a row or a column to extend the model.`,
      "note",
    ),
  ];
  const header = (i: number) => `${col(i)}$${headerRow}`;

  /** The row of each statement metric, for the derived rows, the checks, the names and the charts. */
  const rowOf = new Map<string, number>();
  for (const statement of STATEMENTS) {
    put([text(statement.title, "section")]);
    for (const metric of core.metrics.filter((m) => m.statement === statement.id)) {
      const r = rows.length + 1;
      rowOf.set(metric.id, r);
      put([text(metric.label, "label"), text(metric.id, "key"), ...periods.map((_, i) => text(`=KC.FIGURE($B${r},${header(i)})`, "input", MILLIONS))]);
    }
    put([]);
  }

  put([text("Ratios (calculated)", "section")]);
  const ratioRow = new Map<string, number>();
  for (const ratio of RATIOS) {
    if (ratio.over !== "growth" && !ratio.over.every((m) => rowOf.has(m))) continue;
    const r = rows.length + 1;
    ratioRow.set(ratio.checks, r);
    const cells = periods.map((p, i): ModelCell | null => {
      if (ratio.over === "growth") {
        const revenue = rowOf.get("revenue");
        // Growth compares a fiscal year with the one before it; TTM has no year-earlier column.
        if (!revenue || p.kind !== "fiscal_year" || i === 0 || periods[i - 1]?.kind !== "fiscal_year") return null;
        return text(`=${col(i)}${revenue}/${col(i - 1)}${revenue}-1`, "calc", ratio.format);
      }
      const [a, b] = ratio.over.map((m) => rowOf.get(m) as number);
      return text(`=${col(i)}${a}/${col(i)}${b}`, "calc", ratio.format);
    });
    put([text(ratio.label, "label"), null, ...cells]);
  }
  const revenueRow = rowOf.get("revenue");
  const firstYear = years[0];
  const lastYear = years[years.length - 1];
  if (revenueRow && firstYear && lastYear && lastYear !== firstYear) {
    const a = col(periods.indexOf(firstYear));
    const b = col(periods.indexOf(lastYear));
    put([
      text(`Revenue CAGR ${firstYear.id}–${lastYear.id}`, "label"),
      null,
      text(`=(${b}${revenueRow}/${a}${revenueRow})^(1/${lastYear.fiscalYear - firstYear.fiscalYear})-1`, "calc", PERCENT),
    ]);
  }
  put([]);

  const checks = checkRows(core, periods, ratioRow, col);
  put([text("Checks: each ratio the pages state, against the model", "section")]);
  put(["Check", "Period", "Stated", "Model", "Tolerance", "Flag", "Source"].map((h) => text(h, "header")));
  const checkList: { row: number; reconciliation: string }[] = [];
  for (const check of checks) {
    const r = rows.length + 1;
    checkList.push({ row: r, reconciliation: check.reconciliation.id });
    put([
      text(check.reconciliation.label, "label"),
      text(check.period.id, "key"),
      text(`=KC.FIGURE(${quote(check.metric)},B${r})`, "input", check.format),
      text(`=${check.modelCell}`, "calc", check.format),
      { content: check.tolerance, role: "calc", format: check.format === PERCENT ? "0.00%" : "0.000" },
      text(`=IF(ABS(D${r}-C${r})<=E${r},"agrees","differs")`, "check"),
      text(`=KC.SOURCE(${quote(check.metric)},B${r})`, "input"),
    ]);
  }

  const names = [...rowOf].filter(([metric]) => NAMED[metric]).map(([metric, r]) => ({
    name: NAMED[metric] as string,
    range: `$${col(0)}$${r}:$${lastCol}$${r}`,
    comment: `${core.metrics.find((m) => m.id === metric)?.label ?? metric}, ${periods[0]?.id}–${periods[periods.length - 1]?.id}, RMB millions (live KC formulas).`,
  }));

  const line = (metric: string) => `${col(0)}${rowOf.get(metric)}:${lastCol}${rowOf.get(metric)}`;
  const ratioLine = (key: string) => `${col(0)}${ratioRow.get(key)}:${lastCol}${ratioRow.get(key)}`;
  const categories = `${col(0)}${headerRow}:${lastCol}${headerRow}`;
  const chartsAt = columnName(first + periods.length + 1);
  const chart = (id: string, title: string, at: number, series: ChartSeries[]): ModelChart => ({ id, title, categories, series, anchor: `${chartsAt}${at}` });
  const charts: ModelChart[] = [
    chart("revenue", "Revenue (RMB millions) and gross margin", headerRow, [
      { name: "Revenue", values: line("revenue"), type: "ColumnClustered" },
      { name: "Gross margin", values: ratioLine("gross_margin"), type: "Line", secondaryAxis: true },
    ]),
    chart("earnings", "EBITDA and net income (RMB millions)", headerRow + 16, [
      { name: "EBITDA", values: line("ebitda"), type: "ColumnClustered" },
      { name: "Net income", values: line("net_income"), type: "ColumnClustered" },
    ]),
    chart("cash_flow", "Operating vs free cash flow (RMB millions)", headerRow + 32, [
      { name: "Operating cash flow", values: line("operating_cash_flow"), type: "ColumnClustered" },
      { name: "Free cash flow", values: line("free_cash_flow"), type: "ColumnClustered" },
    ]),
    chart("debt_cash", "Total debt vs cash (RMB millions)", headerRow + 48, [
      { name: "Total debt", values: line("total_debt"), type: "ColumnClustered" },
      { name: "Cash and short-term investments", values: line("cash_and_short_term_investments"), type: "ColumnClustered" },
    ]),
  ];

  // The waterfall bridges the last two fiscal years' net income through the statement lines between them: gross
  // profit, costs down to EBITDA, and everything below EBITDA. Its running total ends at the later year's net income.
  const prior = years[years.length - 2];
  const [gp, ebitda, ni] = ["gross_profit", "ebitda", "net_income"].map((m) => rowOf.get(m));
  let waterfall: ModelWaterfall | null = null;
  if (prior && lastYear && gp && ebitda && ni) {
    const [p, l] = [col(periods.indexOf(prior)), col(periods.indexOf(lastYear))];
    put([]);
    put([text(`Net income bridge, ${prior.id} to ${lastYear.id} (RMB millions)`, "section")]);
    const start = rows.length + 1;
    const step = (label: string, formula: string) => put([text(label, "label"), text(formula, "calc", MILLIONS)]);
    step(`Net income ${prior.id}`, `=${p}${ni}`);
    step("Gross profit, change", `=${l}${gp}-${p}${gp}`);
    step("Costs down to EBITDA, change", `=(${l}${ebitda}-${l}${gp})-(${p}${ebitda}-${p}${gp})`);
    const end = step("Below EBITDA (D&A, interest, tax, other), change", `=(${l}${ni}-${l}${ebitda})-(${p}${ni}-${p}${ebitda})`);
    put([text(`Net income ${lastYear.id} (the bridge's end)`, "label"), text(`=SUM(B${start}:B${end})`, "calc", MILLIONS)]);
    waterfall = { title: `Net income ${prior.id} to ${lastYear.id} (RMB millions)`, range: `A${start}:B${end}`, anchor: `${chartsAt}${headerRow + 64}`, from: prior.id, to: lastYear.id };
  }

  return {
    sheetName: MODEL_SHEET,
    cells: rows,
    columnWidths: [34, 26, ...periods.map(() => 12)],
    freeze: { rows: headerRow, columns: 2 },
    names,
    charts,
    waterfall,
    fonts: FONTS,
    checks: checkList,
  };
}

type Check = { reconciliation: Reconciliation; metric: string; period: Period; modelCell: string; tolerance: number; format: string };

/**
 * The stated ratios the model computes: a reconciliation whose inputs are statement figures of the model's periods
 * and whose kind is one of the derived rows. Its tolerance is the stated rounding plus half the spread the inputs'
 * own rounding allows, so "agrees" and "differs" follow the dataset's reconciliation of the same ratio.
 */
function checkRows(core: DatasetCore, periods: readonly Period[], ratioRow: ReadonlyMap<string, number>, col: (i: number) => string): Check[] {
  const out: Check[] = [];
  for (const reconciliation of core.reconciliations) {
    const { computedLow, computedHigh } = reconciliation;
    if (reconciliation.status === "not_computable" || computedLow === null || computedHigh === null) continue;
    if (!reconciliation.inputs.every((id) => id.endsWith(":statement"))) continue;
    const key = [...ratioRow.keys()].find((k) => reconciliation.id === k || reconciliation.id.startsWith(`${k}_`));
    if (!key || !core.metrics.some((m) => m.id === key)) continue;
    const periodId = (reconciliation.inputs[0] as string).split(":")[1];
    const index = periods.findIndex((p) => p.id === periodId);
    const period = periods[index];
    if (!period) continue;
    const ratio = RATIOS.find((r) => r.checks === key) as Ratio;
    const half = (computedHigh - computedLow) / 2;
    out.push({
      reconciliation,
      metric: key,
      period,
      modelCell: `${col(index)}${ratioRow.get(key)}`,
      tolerance: roundUp(reconciliation.statedHalfWidth + half),
      format: ratio.format,
    });
  }
  return out;
}

/** A tolerance to three significant digits, rounded up so that rounding never narrows it. */
function roundUp(x: number): number {
  const step = 10 ** (Math.floor(Math.log10(x)) - 2);
  return Number((Math.ceil(x / step) * step).toPrecision(3));
}
