/** Metric ids as a reader knows them: "net_income" is written "Net income" wherever the pane shows it. */
import { core } from "./content";

const LABEL = new Map(core.metrics.map((m) => [m.id, m.label]));

/** `text` with every metric id in it replaced by the metric's label. */
export function readable(text: string): string {
  return text.replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, (id) => LABEL.get(id) ?? id);
}
