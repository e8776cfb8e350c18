/**
 * What the pane shows: the figures (core), read from the library functions.js loaded, and the prose, events and risks
 * (text), which only the pane bundles; both as the schema types them.
 */
import type { DatasetText } from "../data/schema";
import text from "../data/text.json";
import { library } from "./library";

export const core = library.dataset;
export const content = text as unknown as DatasetText;
/** The ratios the pages state, indexed so that an audit can set a computed ratio beside the stated one. */
export const stated = library.statedIndex(core.reconciliations);
/** The quarter of the earnings call the pages report, as the dataset labels it. */
export const callQuarter = core.periods.find((p) => p.id === content.earningsCall.quarter)?.label ?? content.earningsCall.quarter;
