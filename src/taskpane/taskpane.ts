/** The task pane's entry point. */
import { KC } from "../data/kc";

function start(): void {
  const status = document.getElementById("status");
  const revenue = KC.REVENUE("TTM", null, null);
  if (status) status.textContent = revenue.ok ? `Revenue (TTM): RMB ${revenue.value} million` : revenue.message;
}

Office.onReady(() => start());
