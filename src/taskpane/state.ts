/** The pane's state across openings: tab, search, filters and the builder's choices. */
import { KC_NAMES, type KcName } from "../data/spec";
import { recall, remember } from "../office/storage";
import { DEFAULT_BUILDER, type BuilderState } from "./builder";
import type { Filters } from "./filter";

export const TABS = ["overview", "filings", "events", "risks", "formulas"] as const;
export type Tab = (typeof TABS)[number];
export type PaneState = { readonly tab: Tab; readonly filters: Filters; readonly builder: BuilderState };

const DEFAULT: PaneState = { tab: "overview", filters: { query: "", kind: "", year: "" }, builder: DEFAULT_BUILDER };
const text = (v: unknown, max = 200) => (typeof v === "string" ? v.slice(0, max) : "");

/** Accepts only a well-formed saved state; anything else starts fresh. */
function accept(saved: unknown): PaneState | null {
  if (!saved || typeof saved !== "object") return null;
  const s = saved as Record<string, unknown>;
  const filters = (s.filters ?? {}) as Record<string, unknown>;
  const b = (s.builder ?? {}) as Record<string, unknown>;
  const fn = KC_NAMES.includes(b.fn as KcName) ? (b.fn as KcName) : DEFAULT_BUILDER.fn;
  const args = b.args && typeof b.args === "object" ? Object.fromEntries(Object.entries(b.args as Record<string, unknown>).map(([k, v]) => [text(k, 40), text(v, 80)])) : {};
  return {
    tab: TABS.includes(s.tab as Tab) ? (s.tab as Tab) : "overview",
    filters: { query: text(filters.query), kind: text(filters.kind, 20), year: /^(fy|cy):\d{4}$/.test(text(filters.year, 7)) ? text(filters.year, 7) : "" },
    builder: fn === DEFAULT_BUILDER.fn && Object.keys(args).length === 0 ? DEFAULT_BUILDER : { fn, args },
  };
}

export const loadState = (): PaneState => recall("state", DEFAULT, accept);
export const saveState = (state: PaneState): void => remember("state", state);
