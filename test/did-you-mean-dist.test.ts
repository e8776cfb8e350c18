/** "Did you mean" in the shipped dist/functions.js, called the way Excel calls it (the library: did-you-mean.test.ts). */
import { dataset } from "../src/data/dataset";
import { INFO_FIELDS } from "../src/data/info";
import { StubError } from "./support/custom-functions-stub";
import { LISTS, misses, suggestion, type List } from "./support/did-you-mean";
import { loadFunctions } from "./support/load-functions";

describe("did you mean, through dist/functions.js", () => {
  const { registered } = loadFunctions();
  const refusal = (id: string, ...args: unknown[]): string => {
    const answer = (registered.get(id) as (...a: unknown[]) => unknown)(...args);
    return answer instanceof StubError && answer.code === "#VALUE!" ? (answer.message ?? "") : `not #VALUE!: ${JSON.stringify(answer)}`;
  };

  it("suggests nothing for operating_income, pe or employees, and says where the full list is", () => {
    expect(refusal("FIGURE", "operating_income", 2024, null, null)).toBe(
      `No metric "operating_income" in the dataset. All ${dataset.metrics.length} metrics are listed by =KC.METRICS() and in the formula builder (Home > KC for Excel > Formulas).`,
    );
    expect(suggestion(refusal("RATIO", "pe", "TTM"))).toBeNull();
    expect(refusal("RATIO", "pe", "TTM")).toMatch(/^Unknown ratio "pe"\. Valid: /);
    expect(refusal("PROFILE", "employees")).toBe(`No field "employees" in the dataset. All ${INFO_FIELDS.length} fields are listed by =KC.FIELDS() and in the formula builder (Home > KC for Excel > Formulas).`);
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
