/** How a check's status reads, in the pane and on a card: a stated ratio's, and a plausibility rule's. */
import type { Plausibility, Reconciliation } from "./schema";

export const VERDICT: Readonly<Record<Reconciliation["status"], string>> = { reconciles: "Reconciles", disagrees: "Disagrees", not_computable: "Not computable" };

export const PLAUSIBILITY_VERDICT: Readonly<Record<Plausibility["status"], string>> = { passes: "Passes", fails: "Fails" };
