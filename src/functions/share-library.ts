/** Publishes the KC library and its dataset for the task pane, which runs after functions.js on the same page. */
import { library } from "../data/library";

globalThis.kcLibrary = library;
