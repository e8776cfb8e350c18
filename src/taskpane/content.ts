/**
 * What the pane shows: the bundled figures (core) and the prose, events and risks (text), as the schema types them.
 * functions.js, on the same page, holds its own copy of core (one bundle per surface); the data is immutable, so the
 * two copies cannot drift apart within a session.
 */
import { statedIndex } from "../data/audit";
import { dataset } from "../data/dataset";
import type { DatasetText } from "../data/schema";
import text from "../data/text.json";

export const core = dataset;
export const content = text as unknown as DatasetText;
/** The ratios the pages state, indexed so that an audit can set a computed ratio beside the stated one. */
export const stated = statedIndex(content.reconciliations);
