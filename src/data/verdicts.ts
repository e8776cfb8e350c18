/** How a stated-ratio check's status reads, in the pane and on a card. */
import type { Reconciliation } from "./schema";

export const VERDICT: Readonly<Record<Reconciliation["status"], string>> = { reconciles: "Reconciles", disagrees: "Disagrees", not_computable: "Not computable" };
