/**
 * What changed between two generated datasets, as lines for a maintainer to read (`npm run data -- --diff <ref>`):
 * the version, then each figure added (+), removed (-) or changed (~) with its metric, period, unit and citation,
 * then seeds, periods, metrics, profile, quotes, filings, conflicts, reconciliations, plausibility checks and rates in
 * one line each, then the parts that differ only in text, citations or order. Pure: it reads two datasets as the files
 * hold them and returns the lines.
 */
import type { Dataset, Fact, Source } from "../../src/data/schema";
import { canonicalJson } from "./content-hash";

/** A dataset as a commit's core.json and text.json hold it; an older commit may lack fields. */
export type Snapshot = Partial<Dataset>;

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const show = (v: unknown): string => (v === undefined ? "none" : typeof v === "string" ? JSON.stringify(v) : canonicalJson(v));
const cite = (s: Source) => `${s.file} line ${s.line} "${s.text}"`;
/** A citation that moved or changed: the old one, then only what differs in the new one. */
const recite = (a: Source, b: Source) => (a.file !== b.file ? `${cite(a)} → ${cite(b)}` : `${cite(a)} → ${a.line === b.line ? "" : `line ${b.line} `}"${b.text}"`);
const records = (n: number) => `${n} record${n === 1 ? " differs" : "s differ"}`;
const version = (d: Snapshot) => `${d.asOf?.analysis ?? "no date"} · ${d.contentHash ?? "no hash"}`;

function unit(f: Fact): string {
  if (f.kind === "money") return `${f.currency} millions`;
  if (f.kind === "per_share") return `${f.currency} per share`;
  return f.kind === "multiple" ? "times" : f.kind;
}

/** Records of one kind matched by key: what was added, removed, and which listed fields changed. */
type Kind<T> = { noun: string; key: (t: T) => string; label?: (t: T) => string; describe: (t: T) => string; fields: readonly (keyof T & string)[] };

function compare<T extends object>(kind: Kind<T>, before: readonly T[], after: readonly T[]): string[] {
  const old = new Map(before.map((t) => [kind.key(t), t]));
  const now = new Map(after.map((t) => [kind.key(t), t]));
  const name = (t: T) => [kind.noun, (kind.label ?? kind.key)(t)].filter(Boolean).join(" ");
  const lines = [
    ...after.filter((t) => !old.has(kind.key(t))).map((t) => `+ ${name(t)}: ${kind.describe(t)}`),
    ...before.filter((t) => !now.has(kind.key(t))).map((t) => `- ${name(t)}: ${kind.describe(t)}`),
  ];
  let quiet = 0;
  for (const t of after) {
    const was = old.get(kind.key(t));
    if (was === undefined || same(was, t)) continue;
    const changes = kind.fields.filter((f) => !same(was[f], t[f])).map((f) => `${f} ${show(was[f])} → ${show(t[f])}`);
    if (changes.length > 0) lines.push(`~ ${name(t)}: ${changes.join(", ")}`);
    else quiet++;
  }
  if (quiet > 0) lines.push(`~ ${kind.noun}: ${records(quiet)} only in citations or detail`);
  return lines;
}

const FACT_FIELDS = ["kind", "currency", "primary", "bound", "negated", "section", "note"] as const;

function figures(before: readonly Fact[], after: readonly Fact[]): string[] {
  const old = new Map(before.map((f) => [f.id, f]));
  const now = new Map(after.map((f) => [f.id, f]));
  const name = (f: Fact) => `figure ${f.metric} ${f.period} (${unit(f)}, ${f.section})`;
  const lines = [
    ...after.filter((f) => !old.has(f.id)).map((f) => `+ ${name(f)}: ${f.value} — ${cite(f.source)}`),
    ...before.filter((f) => !now.has(f.id)).map((f) => `- ${name(f)}: ${f.value} — ${cite(f.source)}`),
  ];
  let moved = 0;
  for (const f of after) {
    const was = old.get(f.id);
    if (was === undefined || same(was, f)) continue;
    const value = was.value === f.value ? `${f.value}` : `${was.value} → ${f.value}`;
    const stated = was.precision.stated === f.precision.stated ? [] : [`stated ${show(was.precision.stated)} → ${show(f.precision.stated)}`];
    const others = FACT_FIELDS.filter((k) => !same(was[k], f[k])).map((k) => `${k} ${show(was[k])} → ${show(f[k])}`);
    const recited = was.source.file !== f.source.file || was.source.text !== f.source.text;
    if (was.value === f.value && stated.length + others.length === 0 && !recited) {
      moved++;
      continue;
    }
    const where = recited ? recite(was.source, f.source) : cite(f.source);
    lines.push(`~ ${name(f)}: ${[value, ...stated, ...others].join(", ")} — ${where}`);
  }
  if (moved > 0) lines.push(`~ figure: ${records(moved)} only in the line of the same quote or in detail`);
  return lines;
}

const quotes = (d: Snapshot) => [...(d.listings ?? []).flatMap((l) => l.fields), ...(d.rating ?? []), ...(d.technicals ?? []), ...(d.scores ?? []), ...(d.trends ?? [])];
const one = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);

/** Each part of a dataset shown item by item, with the fields it is read from. */
function sections(before: Snapshot, after: Snapshot): [readonly (keyof Dataset)[], string[]][] {
  return [
    [["asOf"], compare({ noun: "as of", key: () => "", describe: (a) => `${a.analysis}, financials ${a.financials}`, fields: ["analysis", "financials"] }, one(before.asOf), one(after.asOf))],
    [["seeds"], compare({ noun: "seed", key: (s) => s.file, describe: (s) => `${s.title}, SHA-256 ${s.sha256}`, fields: ["title", "listing", "sha256"] }, before.seeds ?? [], after.seeds ?? [])],
    [["facts"], figures(before.facts ?? [], after.facts ?? [])],
    [["periods"], compare({ noun: "period", key: (p) => p.id, describe: (p) => `${p.kind} ${show(p.label)}, ${p.start} to ${p.end}`, fields: ["kind", "label", "start", "end", "fiscalYear", "priorYear"] }, before.periods ?? [], after.periods ?? [])],
    [["metrics"], compare({ noun: "metric", key: (m) => m.id, describe: (m) => `${m.kind} ${show(m.label)}`, fields: ["label", "kind", "statement", "aliases"] }, before.metrics ?? [], after.metrics ?? [])],
    [["profile"], compare({ noun: "profile", key: () => "", describe: (p) => p.name, fields: ["name", "ceo", "sector", "industry", "listingDate", "address", "phone", "website"] }, one(before.profile), one(after.profile))],
    [["listings", "rating", "technicals", "scores", "trends"], compare({ noun: "quote", key: (q) => q.field, label: (q) => `${q.field} (${q.unit})`, describe: (q) => `${show(q.value)} — ${cite(q.source)}`, fields: ["value", "unit", "currency"] }, quotes(before), quotes(after))],
    [["filings"], compare({ noun: "filing", key: (f) => `FY${f.fiscalYear}`, describe: (f) => `${f.form} filed ${f.filed}, revenue ${f.revenueText}, EPS ${f.epsText}, ${f.result}`, fields: ["periodEnd", "filed", "revenueText", "revenueGrowth", "epsText", "epsGrowth", "result"] }, before.filings ?? [], after.filings ?? [])],
    [["conflicts"], compare({ noun: "conflict", key: (c) => c.id, describe: (c) => c.why, fields: ["subject", "why"] }, before.conflicts ?? [], after.conflicts ?? [])],
    [["reconciliations"], compare({ noun: "reconciliation", key: (r) => r.id, describe: (r) => `${r.status}: ${r.note}`, fields: ["status", "note"] }, before.reconciliations ?? [], after.reconciliations ?? [])],
    [["plausibility", "implausible"], compare({ noun: "plausibility check", key: (c) => `${c.rule} ${c.period}`, describe: (c) => `${c.status}${c.note ? `: ${c.note}` : ""}`, fields: ["status", "note"] }, before.plausibility ?? [], after.plausibility ?? [])],
    [["fx"], compare({ noun: "fx rate", key: (r) => r.period, describe: (r) => `${r.rate} RMB per USD`, fields: ["rate", "low", "high"] }, before.fx ?? [], after.fx ?? [])],
  ];
}

/** "no changes", or the version line, the itemised changes, and the parts that differ but show no item (prose, order). */
export function datasetDiff(before: Snapshot, after: Snapshot): string[] {
  if (same(before, after)) return ["no changes"];
  const parts = sections(before, after);
  const shown = new Set(parts.filter(([, lines]) => lines.length > 0).flatMap(([keys]) => keys));
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])] as (keyof Dataset)[];
  const rest = keys.filter((key) => key !== "contentHash" && !shown.has(key) && !same(before[key], after[key]));
  return [
    `version ${version(before)} → ${version(after)}`,
    ...parts.flatMap(([, lines]) => lines),
    ...(rest.length > 0 ? [`~ text, citations or order also differ in: ${rest.join(", ")}`] : []),
  ];
}
