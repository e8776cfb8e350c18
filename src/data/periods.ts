/** Reads a typed period: a year (YYYY, "FY YYYY", "FY yy"), "TTM"/"LTM", "Qn YYYY"/"nQyy"/"YYYYQn", "FY0", "FY-1". */
import { ArgumentMemo } from "./argument-memo";
import { isOmitted, scalarOf } from "./normalize";
import { miss } from "./reasons";
import { ok, type Result } from "./result";
import type { Period } from "./schema";
import { fiscalYears, latestFiscalYear, periodIds, periods, store } from "./store";

const memo = new ArgumentMemo<Result<Period>>();
/** The examples a period that reads as none is answered with: the dataset's latest fiscal year and quarter. */
const examples = { year: latestFiscalYear.fiscalYear, quarter: periods.filter((p) => p.kind === "quarter").pop()?.label ?? null };

/** A two-digit year is of this century. */
const fullYear = (text: string): number => Number(text.length === 2 ? `20${text}` : text);

/** The dataset's id for what was typed, or null if it does not read as a period at all. */
function periodId(text: string): string | null {
  const t = text.trim().toUpperCase().replace(/\s+/g, " ");
  if (t === "TTM" || t === "LTM") return "TTM";
  let m = /^(?:FY|CY)? ?(\d{4})$/.exec(t) ?? /^FY ?(\d{2})$/.exec(t);
  if (m) return `FY${fullYear(m[1] as string)}`;
  m = /^FY ?([+-]?\d{1,2})$/.exec(t);
  if (m && (t.includes("-") || t.includes("+") || Number(m[1]) === 0)) {
    const offset = Number(m[1]);
    return offset > 0 ? `FY${latestFiscalYear.fiscalYear + offset}` : (fiscalYears[fiscalYears.length - 1 + offset]?.id ?? `FY${latestFiscalYear.fiscalYear + offset}`);
  }
  m = /^Q([1-4])[ -]?(?:FY)?(\d{4}|\d{2})$/.exec(t) ?? /^([1-4])Q[ -]?(\d{4}|\d{2})$/.exec(t);
  if (m) return `Q${m[1]}-${fullYear(m[2] as string)}`;
  m = /^(\d{4})[ -]?Q([1-4])$/.exec(t);
  if (m) return `Q${m[2]}-${m[1]}`;
  return null;
}

/**
 * One rule however a period arrives (a number, text, a cell's value): what does not read as a period is a bad argument
 * (#VALUE!); a well-formed period the dataset lacks is #N/A naming those it has. A number reads as its digits, so 3000
 * and "3000" are the same period, and 3000.5 reads as none.
 */
function read(value: unknown): Result<Period> {
  if (isOmitted(value)) return miss({ kind: "required", what: "A period" });
  const text = typeof value === "number" ? String(value) : typeof value === "string" && value.length <= 64 ? value : null;
  const id = text === null ? null : periodId(text);
  if (id === null) return miss({ kind: "badPeriod", value, ...examples });
  const period = store.period(id);
  return period ? ok(period) : miss({ kind: "noPeriod", value, period: id, available: periodIds });
}

export function parsePeriod(raw: unknown): Result<Period> {
  const value = scalarOf(raw);
  return typeof value === "string" || typeof value === "number" ? memo.get(value, () => read(value)) : read(value);
}
