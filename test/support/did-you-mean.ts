/**
 * What the "did you mean" suites share: every list of names an argument is read from, the rule a suggestion keeps,
 * written out independently of the library, and the one-character typos of each name.
 */
import { explain } from "../../src/data/messages";
import "../../src/functions/share-library"; // the builder reads the library functions.js publishes, as on the page
import { filingChoices, infoChoices } from "../../src/data/info";
import { KC } from "../../src/data/kc";
import { METRIC_NAMES } from "../../src/data/metrics";
import { marginChoices, ratioChoices } from "../../src/data/ratios";
import type { Result } from "../../src/data/result";
import { STATEMENTS } from "../../src/data/tables";
import { CURRENCY_NAMES, SCALE_NAMES } from "../../src/data/units";
import { BUILDER } from "../../src/taskpane/builder-spec";

/** The name a message suggests, or null. */
export const suggestion = (message: string): string | null => /Did you mean "([^"]*)"\?/.exec(message)?.[1] ?? null;
export const messageOf = (r: Result<unknown>): string => (r.ok ? "" : explain(r.reason));
/** The name a miss suggests, read from its reason, or null. */
export const nearOf = (r: Result<unknown>): string | null => (r.ok || !("near" in r.reason) ? null : r.reason.near);

/** Every list of names an argument is read from: each name with what it stands for, and a call that reads one. */
export type List = { what: string; names: ReadonlyArray<readonly [string, unknown]>; call: (typed: string) => Result<unknown> };
export const LISTS: readonly List[] = [
  { what: "metric", names: METRIC_NAMES, call: (t) => KC.FIGURE(t, 2024, null, null) },
  { what: "profile field", names: infoChoices.names, call: (t) => KC.PROFILE(t) },
  { what: "filing field", names: filingChoices.names, call: (t) => KC.FILING(2024, t) },
  { what: "margin", names: marginChoices.names, call: (t) => KC.MARGIN(t, 2024) },
  { what: "ratio", names: ratioChoices.names, call: (t) => KC.RATIO(t, "TTM") },
  { what: "statement", names: STATEMENTS.names, call: (t) => KC.STATEMENT(t, null, null) },
  { what: "currency", names: CURRENCY_NAMES, call: (t) => KC.REVENUE(2024, t, null) },
  { what: "units", names: SCALE_NAMES, call: (t) => KC.REVENUE(2024, null, t) },
];
export const offered = (fn: keyof typeof BUILDER, param: string) => (BUILDER[fn].find((p) => p.name === param)?.choices ?? []).map(([value]) => String(value));

/** How names are compared, written out independently of the library: case, spaces, hyphens and underscores ignored. */
export const norm = (text: string) => text.toLowerCase().replace(/&/g, "and").replace(/[\s_-]+/g, "");

/** Edits between two names by the textbook recurrence over the whole matrix: insertions, deletions, substitutions and swaps of neighbours. */
export function edits(a: string, b: string): number {
  const w = b.length + 1;
  const d = new Array<number>((a.length + 1) * w).fill(0);
  for (let i = 0; i <= a.length; i++) d[i * w] = i;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  const at = (i: number, j: number) => d[i * w + j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * w + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The furthest a suggestion may be from what was typed: one edit for a name of 5 to 11 characters, two to 18, … */
export const allowedEdits = (name: string) => Math.floor((norm(name).length + 2) / 7);

/** Why suggesting `name` for `typed` breaks the rule, or null when it keeps it. */
export function breach(typed: string, name: string): string | null {
  const t = norm(typed);
  const n = norm(name);
  if (t === n || (t.length >= 3 && n.startsWith(t))) return null;
  const d = edits(t, n);
  return d <= allowedEdits(name) ? null : `"${typed}" → "${name}" is ${d} edits away (at most ${allowedEdits(name)})`;
}

/** A letter that occurs in no name, so that a typo made with it spells no other name by chance. */
const allNames = LISTS.flatMap((l) => l.names.map(([name]) => norm(name)));
const stray = [..."zjxqvwykgfb"].find((c) => !allNames.some((n) => n.includes(c))) as string;

/** One-character typos of a name: a stray letter put in or put for each letter, and each pair of neighbours swapped. */
export function typos(name: string): string[] {
  const n = norm(name);
  const out = new Set<string>();
  for (let i = 0; i <= n.length; i++) out.add(n.slice(0, i) + stray + n.slice(i));
  for (let i = 0; i < n.length; i++) out.add(n.slice(0, i) + stray + n.slice(i + 1));
  for (let i = 0; i + 1 < n.length; i++) if (n[i] !== n[i + 1]) out.add(n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2));
  return [...out];
}

/**
 * The one-character typos of a list's names (five or more characters) whose answer is wrong: the name typed, or
 * another spelling of the same thing, when it is the nearest; no suggestion when something else is as near.
 * `refusal` gives the message for a typed name, or null when the name is accepted.
 */
export function misses(list: List, refusal: (typed: string) => string | null): string[] {
  const missed: string[] = [];
  const names = list.names.map(([n, t]) => ({ n, t, key: norm(n), allowed: allowedEdits(n) }));
  for (const { n: name, t: target } of names.filter((c) => c.key.length >= 5)) {
    for (const typo of typos(name)) {
      const message = refusal(typo);
      if (message === null) continue; // the typo is itself a name
      // The names within the rule's reach of the typo (a name further in length than its allowance is out of reach).
      const reach = names
        .filter((c) => Math.abs(c.key.length - typo.length) <= c.allowed)
        .map((c) => ({ ...c, d: edits(typo, c.key) }))
        .filter((c) => c.d <= c.allowed);
      const nearest = Math.min(...reach.map((c) => c.d));
      const ambiguous = reach.some((c) => c.d === nearest && c.t !== target);
      const spellings = reach.filter((c) => c.d === nearest).map((c) => c.n);
      const near = suggestion(message);
      const right = ambiguous ? near === null : near !== null && spellings.includes(near);
      if (!right) missed.push(`${list.what} "${typo}" → ${JSON.stringify(near)}, not ${ambiguous ? "none (as near another)" : `"${name}"`}`);
    }
  }
  return missed;
}
