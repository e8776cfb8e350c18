/**
 * Trends on the overview: revenue, gross margin, net income and free cash flow over the dataset's fiscal years and
 * TTM, as small SVG charts drawn here (no chart library: a few hundred bytes of code instead of tens of kilobytes).
 * Each has a title with its units, a tooltip per point, and the values in words for screen readers. Colours come
 * from the pane's theme variables, so the charts follow light and dark.
 */
import type { Result, Scalar } from "../data/result";
import { core } from "./content";
import { h } from "./dom";
import { library } from "./library";
import { millions, percent } from "./format";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 280;
const HEIGHT = 110;
const TOP = 10;
const BOTTOM = 18;
const LEFT = 4;

type Point = { readonly period: string; readonly value: number };
type Trend = { readonly id: string; readonly title: string; readonly units: string; readonly kind: "bars" | "line"; readonly points: readonly Point[]; readonly show: (v: number) => string };

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** "FYyyyy" → "FYyy": short enough for six labels in a 280-unit-wide chart at 320 px. */
const short = (period: string) => period.replace(/^FY\d\d(\d\d)$/, "FY$1");

function chart(trend: Trend): SVGSVGElement {
  const values = trend.points.map((p) => p.value);
  const high = Math.max(0, ...values);
  const low = Math.min(0, ...values);
  const span = high - low || 1;
  const y = (v: number) => TOP + ((high - v) / span) * (HEIGHT - TOP - BOTTOM);
  const band = (WIDTH - LEFT) / trend.points.length;
  const x = (i: number) => LEFT + band * i + band / 2;
  const marks = trend.points.map((p, i) => {
    const tip = svg("title", {}, `${p.period}: ${trend.show(p.value)}`);
    if (trend.kind === "line") return svg("circle", { cx: x(i), cy: y(p.value), r: 3.5, class: "trend-point" }, tip);
    const top = Math.min(y(p.value), y(0));
    const height = Math.max(1, Math.abs(y(p.value) - y(0)));
    return svg("rect", { x: x(i) - band * 0.32, y: top, width: band * 0.64, height, class: p.value < 0 ? "trend-bar negative" : "trend-bar" }, tip);
  });
  const line = trend.kind === "line" ? [svg("polyline", { points: trend.points.map((p, i) => `${x(i)},${y(p.value)}`).join(" "), class: "trend-line" })] : [];
  const labels = trend.points.map((p, i) => svg("text", { x: x(i), y: HEIGHT - 4, "text-anchor": "middle", class: "trend-label" }, short(p.period)));
  return svg(
    "svg",
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": `${trend.title} (${trend.units}): ${trend.points.map((p) => `${p.period} ${trend.show(p.value)}`).join("; ")}.`, class: "trend-chart" },
    svg("line", { x1: LEFT, x2: WIDTH, y1: y(0), y2: y(0), class: "trend-axis" }),
    ...line,
    ...marks,
    ...labels,
  );
}

const value = (result: Result<Scalar | Scalar[][]>): number | null => (result.ok && typeof result.value === "number" ? result.value : null);

/** The four trends, each over the periods the dataset has a value for, oldest first. */
export function trendData(): Trend[] {
  const periods = core.periods.filter((p) => p.kind === "fiscal_year" || p.kind === "ttm").map((p) => p.id);
  const series = (get: (period: string) => number | null): Point[] =>
    periods.flatMap((period) => {
      const v = get(period);
      return v === null ? [] : [{ period, value: v }];
    });
  const figure = (metric: string) => series((p) => value(library.KC.FIGURE(metric, p, null, null)));
  const money = (v: number) => millions(v, "RMB");
  return [
    { id: "revenue", title: "Revenue", units: "RMB millions", kind: "bars", points: figure("revenue"), show: money },
    { id: "gross_margin", title: "Gross margin", units: "% of revenue", kind: "line", points: series((p) => value(library.KC.MARGIN("gross", p))), show: (v) => percent(v, 1) },
    { id: "net_income", title: "Net income", units: "RMB millions", kind: "bars", points: figure("net_income"), show: money },
    { id: "free_cash_flow", title: "Free cash flow", units: "RMB millions", kind: "bars", points: figure("free_cash_flow"), show: money },
  ];
}

export function trends(): HTMLElement {
  const figures = trendData()
    .filter((t) => t.points.length > 1)
    .map((t) => h("figure", { className: "trend", id: `trend-${t.id}` }, h("figcaption", {}, t.title, h("span", { className: "subtle" }, ` · ${t.units}`)), chart(t)));
  return h("section", { className: "card trends", "aria-label": "Trends" }, h("h3", {}, "Trends", h("span", { className: "subtle" }, " · fiscal years and TTM; hover a point for its value")), h("div", { className: "trend-grid" }, figures));
}
