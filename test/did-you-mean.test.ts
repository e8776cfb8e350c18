/**
 * "Did you mean": an unknown name is answered with the one choice it plausibly stands for (a typo, a name cut short,
 * the same name in other case or separators) or with none, and the message names where the full list is. The shipped
 * bundle is checked in did-you-mean-dist.test.ts.
 */
import { explain } from "../src/data/messages";
import fc from "fast-check";
import { dataset } from "../src/data/dataset";
import { FILING_FIELDS, INFO_FIELDS } from "../src/data/info";
import { KC } from "../src/data/kc";
import { MARGINS, RATIOS } from "../src/data/ratios";
import { breach, LISTS, messageOf, misses, nearOf, offered, suggestion } from "./support/did-you-mean";

describe("did you mean, through the library", () => {
  it("suggests nothing for a name that only shares a word or an ending with a choice", () => {
    expect(nearOf(KC.FIGURE("operating_income", 2024, null, null))).toBeNull();
    expect(nearOf(KC.RATIO("pe", "TTM"))).toBeNull();
    expect(nearOf(KC.PROFILE("employees"))).toBeNull();
    expect(nearOf(KC.FIGURE("gross_income", 2024, null, null))).toBeNull();
    expect(nearOf(KC.RATIO("quick_ratio", "TTM"))).toBeNull();
    expect(nearOf(KC.MARGIN("operating", 2024))).toBeNull();
    expect(nearOf(KC.MARGIN("ebit", 2024))).toBeNull();
    expect(nearOf(KC.FIGURE("ecosys", 2024, null, null))).toBeNull(); // ecosystem revenue, its growth or its share
    expect(nearOf(KC.FIGURE("ebitda_mrgin", 2024, null, null))).toBeNull();
    expect(nearOf(KC.REVENUE(2024, null, "1"))).toBeNull();
  });

  it("suggests the choice a typo, a name cut short or a case and separator variant stands for", () => {
    expect(nearOf(KC.FIGURE("revnue", 2024, null, null))).toBe("revenue");
    expect(nearOf(KC.FIGURE("grss_profit", 2024, null, null))).toBe("gross_profit");
    expect(nearOf(KC.FIGURE("net_incom", 2024, null, null))).toBe("net_income");
    expect(nearOf(KC.FIGURE("Gross-Proft", 2024, null, null))).toBe("gross_profit");
    expect(nearOf(KC.FIGURE("turnovr", 2024, null, null))).toBe("turnover");
    expect(nearOf(KC.FIGURE("total_revnue", 2024, null, null))).toBe("total_revenue");
    expect(nearOf(KC.FIGURE("stockholder_equity", 2024, null, null))).toBe("stockholders_equity");
    expect(nearOf(KC.GROWTHRATE("reveune", 2024, null))).toBe("revenue");
    expect(nearOf(KC.HISTORY("gross_pro", 2020, 2024, null, null))).toBe("gross_profit");
    expect(nearOf(KC.SOURCE("operating_cash", 2024, null))).toBe("operating_cash_flow");
    expect(nearOf(KC.FIGURE("revenue_g", 2024, null, null))).toBe("revenue_growth");
    expect(nearOf(KC.FILING(2024, "peri"))).toBe("period_end");
    expect(nearOf(KC.PROFILE("sectr"))).toBe("sector");
    expect(nearOf(KC.PROFILE("listing_da"))).toBe("listing_date");
    expect(nearOf(KC.FILING(2024, "perod_end"))).toBe("period_end");
    expect(nearOf(KC.RATIO("debt_to_equty", "TTM"))).toBe("debt_to_equity");
    expect(nearOf(KC.STATEMENT("balanse", null, null))).toBe("balance");
    expect(nearOf(KC.STATEMENT("cash_flows", null, null))).toBe("cashflow");
    expect(nearOf(KC.REVENUE(2024, null, "billons"))).toBe("billions");
    expect(nearOf(KC.REVENUE(2024, "U-S-D", null))).toBe("USD");
  });

  it("suggests each name of five or more characters when one character of it is mistyped, unless the typo is as near another", () => {
    const missed = LISTS.flatMap((list) => misses(list, (typo) => {
      const answer = list.call(typo);
      return answer.ok || answer.code !== "invalid" ? null : explain(answer.reason);
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
    const builder = `All ${metrics} metrics are listed by =KC.METRICS() and in the formula builder (Home > KC for Excel > Formulas).`;
    const unknown = `No metric "operating_income" in the dataset. ${builder}`;
    expect(messageOf(KC.FIGURE("operating_income", 2024, null, null))).toBe(unknown);
    expect(messageOf(KC.HISTORY("operating_income", 2020, 2024, null, null))).toBe(unknown);
    expect(messageOf(KC.GROWTHRATE("operating_income", 2024, null))).toBe(unknown);
    expect(messageOf(KC.CAGR("operating_income", 2020, 2024))).toBe(unknown);
    expect(messageOf(KC.SOURCE("operating_income", 2024, null))).toBe(unknown);
    expect(messageOf(KC.RATIO("operating_income/revenue", 2024))).toBe(unknown);
    expect(messageOf(KC.FIGURE("revnue", 2024, null, null))).toBe(`No metric "revnue" in the dataset. Did you mean "revenue"? ${builder}`);
    expect(messageOf(KC.PROFILE("employees"))).toBe(`No field "employees" in the dataset. All ${INFO_FIELDS.length} fields are listed by =KC.FIELDS() and in the formula builder (Home > KC for Excel > Formulas).`);
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
