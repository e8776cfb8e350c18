/**
 * "Did you mean": the one choice a mistyped name plausibly stands for, or none. Plausible is the same name in other
 * case or separators; a name cut short, when only one choice starts so and it is no word of its own; or a typo of one
 * edit in a name of 5 to 11 characters (two from 12, three from 19), when no choice of another meaning is as near. A
 * name that only shares a word with a choice is not a typo of it ("operating_income" and "net_income", "operating"
 * and "operating_cash_flow", "ebit" and "ebitda"): none is offered.
 */
import { MAX_NAME_LENGTH, normalizeName } from "./normalize";

/** A name the argument accepts and what it stands for: aliases of one thing share a target. */
export type Candidate = readonly [name: string, target: string];

type Entry = { readonly name: string; readonly target: string; readonly key: string };

/** Edits a typo of a choice may hold: none below 5 characters ("pe" is no typo of "roe"), one to 11, two to 18, … */
const allowedEdits = (length: number) => Math.floor((length + 2) / 7);
/** A name cut short must keep at least this many characters to point at one choice. */
const MIN_PREFIX = 3;

/**
 * Edit distance counting a swap of neighbours as one edit (optimal string alignment), bounded so that hostile
 * 100,000-character inputs stay cheap. The inner loop names no global (no Math.min, no destructuring swap): where
 * globals are slow to reach, as in a sandboxed context, it stays fast.
 */
export function distance(a: string, b: string): number {
  const x = a.slice(0, MAX_NAME_LENGTH);
  const y = b.slice(0, MAX_NAME_LENGTH);
  const m = y.length;
  let before = new Int32Array(m + 1);
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    const c = x.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const substitute = (previous[j - 1] as number) + (c === y.charCodeAt(j - 1) ? 0 : 1);
      const remove = (previous[j] as number) + 1;
      const insert = (current[j - 1] as number) + 1;
      let best = substitute < remove ? (substitute < insert ? substitute : insert) : remove < insert ? remove : insert;
      // Before the first character charCodeAt is NaN, which equals nothing: the first row and column hold no swap.
      if (c === y.charCodeAt(j - 2) && x.charCodeAt(i - 2) === y.charCodeAt(j - 1)) {
        const swap = (before[j - 2] as number) + 1;
        if (swap < best) best = swap;
      }
      current[j] = best;
    }
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[m] as number;
}

/** The words of a name as compared: "gross_profit" → ["gross", "profit"]. */
const words = (name: string) => name.split(/[\s_-]+/).map(normalizeName);

/**
 * The one choice starting with what was typed (no choice is what was typed), unless that is a word of its own:
 * "gross_pro" and "operating_cash" are cut short, while "operating" and "ebit" are words that other names use whole.
 * Of its names, the first listed (its id) is suggested.
 */
function cutShort(key: string, entries: readonly Entry[], known: ReadonlySet<string>): Entry | null {
  if (key.length < MIN_PREFIX || known.has(key)) return null;
  const starting = entries.filter((e) => e.key.startsWith(key));
  const first = starting[0];
  return first && starting.every((e) => e.target === first.target) ? first : null;
}

/** The nearest choice within its allowance, unless a choice of another target is as near. */
function typo(key: string, entries: readonly Entry[]): Entry | null {
  let nearest: Entry[] = [];
  let nearestDistance = Infinity;
  for (const e of entries) {
    const allowed = allowedEdits(e.key.length);
    // The distance is at least the difference in length: skip choices that cannot be near enough.
    if (Math.abs(e.key.length - key.length) > allowed) continue;
    const d = distance(key, e.key);
    if (d > allowed || d > nearestDistance) continue;
    if (d < nearestDistance) nearest = [];
    nearestDistance = d;
    nearest.push(e);
  }
  const first = nearest[0];
  if (!first || nearest.some((e) => e.target !== first.target)) return null;
  // Of two spellings of one choice, the one as long as what was typed.
  const gap = (e: Entry) => Math.abs(e.key.length - key.length);
  return nearest.reduce((a, b) => (gap(b) < gap(a) ? b : a));
}

/**
 * A "did you mean" for one list of names, its names compared once. `vocabulary` holds names whose words are terms of
 * their own, beside the list's: typed whole, such a word is not read as a choice cut short.
 */
export function suggester(candidates: readonly Candidate[], vocabulary: readonly string[] = []): (typed: string) => string | null {
  const entries: Entry[] = candidates.map(([name, target]) => ({ name, target, key: normalizeName(name) }));
  const known = new Set([...candidates.map(([name]) => name), ...vocabulary].flatMap(words));
  return (typed) => {
    // No name is that long: longer text is no mistyped name.
    if (typed.length > MAX_NAME_LENGTH) return null;
    const key = normalizeName(typed);
    const same = entries.find((e) => e.key === key);
    if (same) return same.name;
    const cut = cutShort(key, entries, known);
    const near = typo(key, entries);
    // Cut short and mistyped both: the choice is the one cut short, spelled as the nearest name for it.
    if (cut) return near && near.target === cut.target ? near.name : cut.name;
    return near ? near.name : null;
  };
}
