/** How the task pane writes values (src/taskpane/format.ts): one minus sign, currency and scale, dates as dates. */
import { amounts, decimalsFor, millions, money, percent, perShare, plain, prose, serialDate } from "../src/taskpane/format";

const MINUS = "\u2212";

describe("the pane's number formatter", () => {
  it("writes every negative with U+2212, never a hyphen", () => {
    expect([millions(-1970, "RMB"), perShare(-1.13, "USD"), percent(-0.0857, 2), plain(-972.95), money(-1.97, "RMB", "B")]).toEqual([
      `${MINUS}RMB 1,970M`,
      `${MINUS}US$1.13`,
      `${MINUS}8.57%`,
      `${MINUS}972.95`,
      `${MINUS}RMB 1.97B`,
    ]);
  });

  it("gives a row one count of decimals, enough for its most precise value", () => {
    expect(decimalsFor([1460, 1340, 850.17, 429.54])).toBe(2);
    expect(decimalsFor([9020, 7790])).toBe(0);
    expect(decimalsFor([0.5, 12])).toBe(1);
    expect(amounts([1460, -850.17])).toEqual(["1,460.00", `${MINUS}850.17`]);
    expect(amounts([0.1723, 0.05], 6)).toEqual(["0.1723", "0.0500"]);
  });

  it("signs a change, not a share", () => {
    expect([percent(0.105), percent(0.1876, 2, false), percent(0)]).toEqual(["+10.5%", "18.76%", "0.0%"]);
  });

  it("writes money with its currency and scale", () => {
    expect([money(344.48, "USD", "M"), money(7.79, "RMB", "B"), millions(2940, "USD", 2), perShare(7.5, "HKD")]).toEqual(["US$344.48M", "RMB 7.79B", "US$2,940.00M", "HK$7.50"]);
  });

  it("writes an Excel serial date as a date, and a number that is no date as a number", () => {
    expect([serialDate(46106), serialDate(43959), serialDate(1.5)]).toEqual(["Mar 25, 2026", "May 8, 2020", "1.5"]);
  });

  it("puts a true minus sign into the dataset's prose, leaving hyphenated words and dates alone", () => {
    expect(prose("statement table states -1.97B; EPS $-1.29 (-13.8%) on 2023-12-31, Short-Term")).toBe(`statement table states ${MINUS}1.97B; EPS $${MINUS}1.29 (${MINUS}13.8%) on 2023-12-31, Short-Term`);
  });
});
