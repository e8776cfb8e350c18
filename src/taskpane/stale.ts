/**
 * How old the data is, and whether to say so: a pure rule over ISO dates, so that any "today" can be tried. The pane
 * passes the reader's local date (todayOf(new Date())); tests pass dates either side of each threshold.
 */
import { longDate } from "../data/dates";

/**
 * Figures older than this many days get a notice: 45 days is half a reporting quarter, past which prices, the
 * rating and the target describe a market that has moved on, even before the next report.
 */
export const STALE_AFTER_DAYS = 45;

/** A date the pages give for the next earnings report, with the page that gives it ("the HKEX page"). */
export type EarningsDate = { readonly date: string; readonly page: string; readonly primary: boolean };

/** The reader's calendar date, in their own time zone, as YYYY-MM-DD. */
export function todayOf(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from one ISO date to a later one (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** "Data as of Mon D, YYYY — N days old"; no age for a date still ahead (a clock set before the data). */
export function dataAge(asOf: string, today: string): string {
  const days = daysBetween(asOf, today);
  if (days < 0) return `Data as of ${longDate(asOf)}`;
  return `Data as of ${longDate(asOf)} — ${days === 0 ? "today" : `${days} day${days === 1 ? "" : "s"} old`}`;
}

/**
 * What a reader must know before trusting the figures today, in words; null when nothing. Two rules: the data is
 * more than STALE_AFTER_DAYS old, and a next-earnings date the pages give is behind us (the day after it, since a
 * report may come out on the day itself), so newer results exist that the dataset lacks.
 */
export function staleNotice(company: string, asOf: string, earnings: readonly EarningsDate[], today: string): string | null {
  const days = daysBetween(asOf, today);
  const parts: string[] = [];
  if (days > STALE_AFTER_DAYS) parts.push(`These figures are from ${longDate(asOf)}, ${days} days ago.`);
  const passed = earnings.filter((e) => daysBetween(e.date, today) > 0);
  const ahead = earnings.filter((e) => !passed.includes(e));
  const primary = earnings.find((e) => e.primary) ?? earnings[0];
  if (primary && passed.includes(primary)) {
    const others = earnings.filter((e) => e !== primary && e.date !== primary.date);
    const also = others.length ? ` (${others.map((e) => `${e.page} gave ${longDate(e.date)}`).join("; ")})` : "";
    parts.push(`${company}'s earnings of ${longDate(primary.date)}${also} have passed and are not in this dataset.`);
  } else if (passed.length) {
    const said = passed.map((e) => `${e.page} dated them ${longDate(e.date)}`).join("; ");
    const still = ahead.map((e) => `${e.page} says ${longDate(e.date)}`).join("; ");
    parts.push(`${company}'s next earnings may be out: ${said}, which has passed (${still}); results since then are not in this dataset.`);
  }
  return parts.length ? parts.join(" ") : null;
}
