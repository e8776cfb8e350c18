/**
 * KC.CONFLICTS: every disagreement between the sources, one row per statement, so that each disagreeing value is a
 * value an analyst can compute with (a fraction, an amount in millions, an Excel date), beside its source line.
 */
import { quoted } from "./citation";
import { dataset } from "./dataset";
import { excelSerial, longDate } from "./dates";
import { ok, type Result, type Scalar } from "./result";
import type { Conflict, Source } from "./schema";

const same = (a: Source, b: Source): boolean => a.file === b.file && a.line === b.line && a.text === b.text;

/** The value a conflicting source states, as the dataset stores it; null where the dataset stores none. */
function statedValue(conflict: Conflict, source: Source): { value: Scalar; stated: string } | null {
  const next = dataset.nextEarnings.find((n) => same(n.source, source));
  if (next) return { value: excelSerial(next.date), stated: longDate(next.date) };
  const [metric, period] = conflict.id.split(":");
  const fact = dataset.facts.find((f) => f.metric === metric && f.period === period && same(f.source, source));
  return fact ? { value: fact.value, stated: fact.precision.stated } : null;
}

export function conflictList(): Result<Scalar[][]> {
  const rows: Scalar[][] = [["Subject", "Value", "As stated", "Primary", "Source", "Why"]];
  for (const conflict of dataset.conflicts) {
    for (const source of [conflict.primary, ...conflict.others]) {
      const stated = statedValue(conflict, source);
      rows.push([conflict.subject, stated?.value ?? "", stated?.stated ?? "", source === conflict.primary, quoted(source), conflict.why]);
    }
  }
  return ok(rows);
}
