/** KC.FXRATE: the exchange rate the pages imply for a period by stating its revenue in RMB and in USD. */
import { dataset } from "./dataset";
import { parsePeriod } from "./periods";
import { miss } from "./reasons";
import { ok, type Result } from "./result";
import type { Fact } from "./schema";
import { store } from "./store";

/** RMB per USD implied for a period by the revenue it states in both currencies. */
export function fxRate(periodRaw: unknown): Result<number> {
  const period = parsePeriod(periodRaw);
  if (!period.ok) return period;
  const rate = store.fx(period.value.id);
  if (!rate) return miss({ kind: "noRate", period: period.value.label, currency: "USD", available: store.fxPeriods });
  return ok(rate.rate, rate.inputs.map((id) => dataset.facts.find((f) => f.id === id) as Fact));
}
