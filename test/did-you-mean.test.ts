/**
 * "Did you mean": an unknown name is answered with the one choice it plausibly stands for (a typo, a name cut short,
 * the same name in other case or separators) or with none, and the message names where the full list is. Checked
 * through the library and through the shipped dist/functions.js.
 */
import fc from "fast-check";
import "../src/functions/share-library"; // the builder reads the library functions.js publishes, as on the page
import { dataset } from "../src/data/dataset";
import { FILING_FIELDS, filingChoices, INFO_FIELDS, infoChoices } from "../src/data/info";
import { KC } from "../src/data/kc";
import { METRIC_NAMES } from "../src/data/metrics";
import { MARGINS, marginChoices, RATIOS, ratioChoices } from "../src/data/ratios";
import type { Result } from "../src/data/result";
import { STATEMENTS } from "../src/data/tables";
import { CURRENCY_NAMES, SCALE_NAMES } from "../src/data/units";
import { BUILDER } from "../src/taskpane/builder-spec";
import { StubError } from "./support/custom-functions-stub";
import { loadFunctions } from "./support/load-functions";

/** The name a message suggests, or null. */
const suggestion = (message: string): string | null => /Did you mean "([^"]*)"\?/.exec(message)?.[1] ?? null;
const messageOf = (r: Result<unknown>): string => (r.ok ? "" : r.message);

/** Every list of names an argument is read from: each name with what it stands for, and a call that reads one. */
type List = { what: string; names: ReadonlyArray<readonly [string, unknown]>; call: (typed: string) => Result<unknown> };
const LISTS: readonly List[] = [
  { what: "metric", names: METRIC_NAMES, call: (t) => KC.FIGURE(t, 2024, null, null) },
  { what: "profile field", names: infoChoices.names, call: (t) => KC.PROFILE(t) },
  { what: "filing field", names: filingChoices.names, call: (t) => KC.FILING(2024, t) },
  { what: "margin", names: marginChoices.names, call: (t) => KC.MARGIN(t, 2024) },
  { what: "ratio", names: ratioChoices.names, call: (t) => KC.RATIO(t, "TTM") },
  { what: "statement", names: STATEMENTS.names, call: (t) => KC.STATEMENT(t, null, null) },
  { what: "currency", names: CURRENCY_NAMES, call: (t) => KC.REVENUE(2024, t, null) },
  { what: "units", names: SCALE_NAMES, call: (t) => KC.REVENUE(2024, null, t) },
];
const offered = (fn: keyof typeof BUILDER, param: string) => (BUILDER[fn].find((p) => p.name === param)?.choices ?? []).map(([value]) => String(value));

/** How names are compared, written out independently of the library: case, spaces, hyphens and underscores ignored. */
const norm = (text: string) => text.toLowerCase().replace(/&/g, "and").replace(/[\s_-]+/g, "");

/** Edits between two names by the textbook recurrence over the whole matrix: insertions, deletions, substitutions and swaps of neighbours. */
function edits(a: string, b: string): number {
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
const allowedEdits = (name: string) => Math.floor((norm(name).length + 2) / 7);

/** Why suggesting `name` for `typed` breaks the rule, or null when it keeps it. */
function breach(typed: string, name: string): string | null {
  const t = norm(typed);
  const n = norm(name);
  if (t === n || (t.length >= 3 && n.startsWith(t))) return null;
  const d = edits(t, n);
  return d <= allowedEdits(name) ? null : `"${typed}" → "${name}" is ${d} edits away (at most ${allowedEdits(name)})`;
}

/** A letter that occurs in no name: a typo made with it is nearer the name it was made in than to any other. */
const allNames = LISTS.flatMap((l) => l.names.map(([name]) => norm(name)));
const stray = [..."zjxqvwykgfb"].find((c) => !allNames.some((n) => n.includes(c))) as string;

/** One-character typos of a name: a stray letter put in or put for each letter, and each pair of neighbours swapped. */
function typos(name: string): string[] {
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
function misses(list: List, refusal: (typed: string) => string | null): string[] {
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

describe("did you mean, through the library", () => {
  it("suggests nothing for a name that only shares a word or an ending with a choice", () => {
    expect(suggestion(messageOf(KC.FIGURE("operating_income", 2024, null, null)))).toBeNull();
    expect(suggestion(messageOf(KC.RATIO("pe", "TTM")))).toBeNull();
    expect(suggestion(messageOf(KC.PROFILE("employees")))).toBeNull();
    expect(suggestion(messageOf(KC.FIGURE("gross_income", 2024, null, null)))).toBeNull();
    expect(suggestion(messageOf(KC.RATIO("quick_ratio", "TTM")))).toBeNull();
    expect(suggestion(messageOf(KC.MARGIN("operating", 2024)))).toBeNull();
    expect(suggestion(messageOf(KC.MARGIN("ebit", 2024)))).toBeNull();
    expect(suggestion(messageOf(KC.FIGURE("ecosys", 2024, null, null)))).toBeNull(); // ecosystem revenue, its growth or its share
    expect(suggestion(messageOf(KC.FIGURE("ebitda_mrgin", 2024, null, null)))).toBeNull();
    expect(suggestion(messageOf(KC.REVENUE(2024, null, "1")))).toBeNull();
  });

  it("suggests the choice a typo, a name cut short or a case and separator variant stands for", () => {
    expect(suggestion(messageOf(KC.FIGURE("revnue", 2024, null, null)))).toBe("revenue");
    expect(suggestion(messageOf(KC.FIGURE("grss_profit", 2024, null, null)))).toBe("gross_profit");
    expect(suggestion(messageOf(KC.FIGURE("net_incom", 2024, null, null)))).toBe("net_income");
    expect(suggestion(messageOf(KC.FIGURE("Gross-Proft", 2024, null, null)))).toBe("gross_profit");
    expect(suggestion(messageOf(KC.FIGURE("turnovr", 2024, null, null)))).toBe("turnover");
    expect(suggestion(messageOf(KC.FIGURE("total_revnue", 2024, null, null)))).toBe("total_revenue");
    expect(suggestion(messageOf(KC.FIGURE("stockholder_equity", 2024, null, null)))).toBe("stockholders_equity");
    expect(suggestion(messageOf(KC.GROWTHRATE("reveune", 2024, null)))).toBe("revenue");
    expect(suggestion(messageOf(KC.HISTORY("gross_pro", 2020, 2024, null, null)))).toBe("gross_profit");
    expect(suggestion(messageOf(KC.SOURCE("operating_cash", 2024, null)))).toBe("operating_cash_flow");
    expect(suggestion(messageOf(KC.PROFILE("sectr")))).toBe("sector");
    expect(suggestion(messageOf(KC.PROFILE("listing_da")))).toBe("listing_date");
    expect(suggestion(messageOf(KC.FILING(2024, "perod_end")))).toBe("period_end");
    expect(suggestion(messageOf(KC.RATIO("debt_to_equty", "TTM")))).toBe("debt_to_equity");
    expect(suggestion(messageOf(KC.STATEMENT("balanse", null, null)))).toBe("balance");
    expect(suggestion(messageOf(KC.STATEMENT("cash_flows", null, null)))).toBe("cashflow");
    expect(suggestion(messageOf(KC.REVENUE(2024, null, "billons")))).toBe("billions");
    expect(suggestion(messageOf(KC.REVENUE(2024, "U-S-D", null)))).toBe("USD");
  });

  it("suggests each name of five or more characters when one character of it is mistyped, unless the typo is as near another", () => {
    const missed = LISTS.flatMap((list) => misses(list, (typo) => {
      const answer = list.call(typo);
      return answer.ok || answer.code !== "invalid" ? null : answer.message;
    }));
    expect(missed).toEqual([]);
  });

  it("suggests only a name the argument accepts, and never one further than the rule allows", () => {
    const tricky = ["operating_income", "gross_income", "total_income", "pe", "employees", "headcount", "quick_ratio", "current_ratio", "operating", "ebit", "1", "x", "net", "cash_ratio", "beta"];
    const check = (list: (typeof LISTS)[number], typed: string): void => {
      const near = suggestion(messageOf(list.call(typed)));
      if (near === null) return;
      expect([list.what, typed, near, breach(typed, near)]).toEqual([list.what, typed, near, null]);
      expect(list.names.map(([name]) => name)).toContain(near);
    };
    for (const list of LISTS) for (const typed of tricky) check(list, typed);
    const edit = fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), fc.constantFrom(..."abcdeilnorstu_"));
    fc.assert(
      fc.property(fc.nat(LISTS.length - 1), fc.nat(), fc.array(edit, { minLength: 1, maxLength: 5 }), (l, n, steps) => {
        const list = LISTS[l] as (typeof LISTS)[number];
        let typed = (list.names[n % list.names.length] as readonly [string, unknown])[0];
        for (const [at, kind, c] of steps) {
          const i = at % (typed.length + 1);
          typed = kind === "insert" ? typed.slice(0, i) + c + typed.slice(i) : kind === "delete" ? typed.slice(0, i) + typed.slice(i + 1) : typed.slice(0, i) + c + typed.slice(i + 1);
        }
        check(list, typed);
      }),
      { seed: 20261126, numRuns: 3000 },
    );
  });

  it("says a metric or field is not in the dataset and where the full list is, instead of listing a dozen", () => {
    const metrics = dataset.metrics.length;
    const builder = `All ${metrics} metrics are listed in the formula builder (Home > KC for Excel > Formulas).`;
    const unknown = `No metric "operating_income" in the dataset. ${builder}`;
    expect(messageOf(KC.FIGURE("operating_income", 2024, null, null))).toBe(unknown);
    expect(messageOf(KC.HISTORY("operating_income", 2020, 2024, null, null))).toBe(unknown);
    expect(messageOf(KC.GROWTHRATE("operating_income", 2024, null))).toBe(unknown);
    expect(messageOf(KC.CAGR("operating_income", 2020, 2024))).toBe(unknown);
    expect(messageOf(KC.SOURCE("operating_income", 2024, null))).toBe(unknown);
    expect(messageOf(KC.RATIO("operating_income/revenue", 2024))).toBe(unknown);
    expect(messageOf(KC.FIGURE("revnue", 2024, null, null))).toBe(`No metric "revnue" in the dataset. Did you mean "revenue"? ${builder}`);
    expect(messageOf(KC.PROFILE("employees"))).toBe(`No field "employees" in the dataset. All ${INFO_FIELDS.length} fields are listed in the formula builder (Home > KC for Excel > Formulas).`);
    // The builder does offer every one of them.
    expect(offered("FIGURE", "metric")).toEqual(dataset.metrics.map((m) => m.id));
    expect(offered("PROFILE", "field")).toEqual(INFO_FIELDS.map((f) => f.id));
  });

  it("lists every choice of a short list in full", () => {
    expect(messageOf(KC.RATIO("pe", "TTM"))).toBe(`Unknown ratio "pe". Valid: ${[...Object.keys(RATIOS), "metric_a/metric_b"].join(", ")}.`);
    expect(messageOf(KC.MARGIN("operating", 2024))).toBe(`Unknown margin "operating". Valid: ${Object.keys(MARGINS).join(", ")}.`);
    expect(messageOf(KC.FILING(2024, "auditor"))).toBe(`Unknown filing field "auditor". Valid: ${FILING_FIELDS.map((f) => f.id).join(", ")}.`);
    for (const list of LISTS.filter((l) => l.what !== "metric" && l.what !== "profile field")) expect(messageOf(list.call("zzz"))).not.toMatch(/…|in all/);
  });
});

describe("did you mean, through dist/functions.js", () => {
  const { registered } = loadFunctions();
  const refusal = (id: string, ...args: unknown[]): string => {
    const answer = (registered.get(id) as (...a: unknown[]) => unknown)(...args);
    return answer instanceof StubError && answer.code === "#VALUE!" ? (answer.message ?? "") : `not #VALUE!: ${JSON.stringify(answer)}`;
  };

  it("suggests nothing for operating_income, pe or employees, and says where the full list is", () => {
    expect(refusal("FIGURE", "operating_income", 2024, null, null)).toBe(
      `No metric "operating_income" in the dataset. All ${dataset.metrics.length} metrics are listed in the formula builder (Home > KC for Excel > Formulas).`,
    );
    expect(suggestion(refusal("RATIO", "pe", "TTM"))).toBeNull();
    expect(refusal("RATIO", "pe", "TTM")).toMatch(/^Unknown ratio "pe"\. Valid: /);
    expect(refusal("PROFILE", "employees")).toBe(`No field "employees" in the dataset. All ${INFO_FIELDS.length} fields are listed in the formula builder (Home > KC for Excel > Formulas).`);
  });

  it("suggests what a typo stands for", () => {
    expect(suggestion(refusal("FIGURE", "revnue", 2024, null, null))).toBe("revenue");
    expect(suggestion(refusal("HISTORY", "grss_profit", 2020, 2024, null, null))).toBe("gross_profit");
    expect(suggestion(refusal("SOURCE", "net_incom", 2024, null))).toBe("net_income");
    expect(suggestion(refusal("PROFILE", "sectr"))).toBe("sector");
    expect(suggestion(refusal("FIGURE", "total_revnue", 2024, null, null))).toBe("total_revenue");
    expect(suggestion(refusal("MARGIN", "ebit", 2024))).toBeNull();
  });

  it("suggests each metric name of five or more characters from a one-character typo", () => {
    const figure = LISTS[0] as List;
    expect(misses(figure, (typo) => {
      const message = refusal("FIGURE", typo, 2024, null, null);
      return message.startsWith("not #VALUE!") ? null : message;
    })).toEqual([]);
  });
});
