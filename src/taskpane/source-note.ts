/** The one-click provenance under every figure: seed file, line and the quoted text, as a disclosure. */
import type { Source } from "../data/schema";
import { h } from "./dom";

export function sourceNote(sources: readonly Source[], label = "Source"): HTMLElement {
  return h(
    "details",
    { className: "source" },
    h("summary", {}, sources.length > 1 ? `${label}s (${sources.length})` : label),
    ...sources.map((s) => h("p", {}, h("span", { className: "where" }, `seeds/${s.file}, line ${s.line}`), h("q", {}, s.text))),
  );
}
