/** The stale-data rule on its own: the age of the data and the next-earnings dates against any "today". */
import { STALE_AFTER_DAYS, dataAge, daysBetween, staleNotice, type EarningsDate } from "../src/taskpane/stale";

const AS_OF = "2026-01-28";
const PRIMARY: EarningsDate = { date: "2026-03-25", page: "the HKEX page", primary: true };
const EARLIER: EarningsDate = { date: "2026-03-18", page: "the NASDAQ page", primary: false };
const notice = (today: string, earnings = [PRIMARY, EARLIER]) => staleNotice("Acme", AS_OF, earnings, today);

describe("how old the data is", () => {
  it("counts calendar days across month ends and a leap day", () => {
    expect(daysBetween("2026-01-28", "2026-11-26")).toBe(302);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2026-03-15", "2026-03-14")).toBe(-1);
  });

  it("writes the age in days, and none for a clock set before the data", () => {
    expect(dataAge(AS_OF, "2026-11-26")).toBe("Data as of Jan 28, 2026 — 302 days old");
    expect(dataAge(AS_OF, "2026-01-29")).toBe("Data as of Jan 28, 2026 — 1 day old");
    expect(dataAge(AS_OF, AS_OF)).toBe("Data as of Jan 28, 2026 — today");
    expect(dataAge(AS_OF, "2026-01-27")).toBe("Data as of Jan 28, 2026");
  });
});

describe("the stale-data notice", () => {
  it(`says nothing up to ${STALE_AFTER_DAYS} days after the data's date, and its age from the day after`, () => {
    const last = new Date(Date.UTC(2026, 0, 28 + STALE_AFTER_DAYS)).toISOString().slice(0, 10);
    const first = new Date(Date.UTC(2026, 0, 29 + STALE_AFTER_DAYS)).toISOString().slice(0, 10);
    expect(notice(last, [])).toBeNull();
    expect(notice(first, [])).toBe(`These figures are from Jan 28, 2026, ${STALE_AFTER_DAYS + 1} days ago.`);
  });

  it("says nothing of earnings on their day, and that they may be out the day after the earlier page's date", () => {
    expect(staleNotice("Acme", "2026-03-10", [PRIMARY, EARLIER], "2026-03-18")).toBeNull();
    expect(staleNotice("Acme", "2026-03-10", [PRIMARY, EARLIER], "2026-03-19")).toBe(
      "Acme's next earnings may be out: the NASDAQ page dated them Mar 18, 2026, which has passed (the HKEX page says Mar 25, 2026); results since then are not in this dataset.",
    );
  });

  it("says the earnings have passed the day after the primary page's date, naming the other page's date", () => {
    expect(notice("2026-03-25")).toContain("may be out");
    expect(notice("2026-03-26")).toBe(
      "These figures are from Jan 28, 2026, 57 days ago. Acme's earnings of Mar 25, 2026 (the NASDAQ page gave Mar 18, 2026) have passed and are not in this dataset.",
    );
    expect(staleNotice("Acme", "2026-03-20", [PRIMARY], "2026-03-26")).toBe("Acme's earnings of Mar 25, 2026 have passed and are not in this dataset.");
  });
});
