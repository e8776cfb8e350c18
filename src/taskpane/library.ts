/**
 * The KC library and its dataset as functions.js loaded them: taskpane.html runs functions.js first, on the same page
 * in Excel's shared runtime and in a browser alike. The pane bundles no copy of its own, so without functions.js it
 * stops here and says so in the pane instead of showing a half-built one.
 */
import type { Library } from "../data/library";
import { h, replaceChildren } from "./dom";

export class LibraryMissingError extends Error {
  override name = "LibraryMissingError";
}

const MISSING = "KC for Excel could not start: functions.js, which holds the KC functions and their data, did not load before taskpane.js. Reload the add-in; if this persists, the add-in's host is not serving functions.js.";

function sharedLibrary(): Library {
  const shared = globalThis.kcLibrary;
  if (shared) return shared;
  const app = document.getElementById("app");
  if (app) replaceChildren(app, h("h1", {}, "KC for Excel"), h("p", { role: "alert" }, MISSING));
  throw new LibraryMissingError(MISSING);
}

export const library: Library = sharedLibrary();
