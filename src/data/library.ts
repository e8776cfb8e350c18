/**
 * What functions.js shares with the task pane on the same page (the manifest's shared runtime runs both in one
 * window): the KC library and the one copy of the dataset it reads. The pane imports only this module's type, so its
 * bundle carries no dataset and no second instance of the library.
 */
import { auditFormula, auditText, cellReferences, statedIndex } from "./audit";
import { cardView, companyEntity, figureCard } from "./data-types";
import { dataset } from "./dataset";
import { datasetVersion, FILING_FIELDS, INFO_FIELDS } from "./info";
import { KC } from "./kc";
import { explain } from "./messages";
import { MARGINS, RATIOS } from "./ratios";

export const library = Object.freeze({ KC, dataset, datasetVersion, cardView, companyEntity, figureCard, auditFormula, auditText, explain, cellReferences, statedIndex, FILING_FIELDS, INFO_FIELDS, MARGINS, RATIOS });

export type Library = typeof library;

declare global {
  /** Set by functions.js as it loads (src/functions/share-library.ts); read by the task pane (src/taskpane/library.ts). */
  var kcLibrary: Library | undefined;
}
