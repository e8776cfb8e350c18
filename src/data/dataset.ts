/**
 * The bundled figures, quotes and filings. core.json is generated from seeds/ by `npm run data` and validated
 * against the schema at build time (`npm run build` runs the check first), so nothing is parsed per call.
 */
import core from "./core.json";
import type { DatasetCore } from "./schema";

export const dataset: DatasetCore = core as DatasetCore;
