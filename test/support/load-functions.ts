/**
 * Loads the shipped dist/functions.js the way Excel's JavaScript-only runtime does: evaluated in a context whose
 * only globals are CustomFunctions and a console (no window, no document, no other chunk), and returns what it
 * registered and everything it wrote to the console; a fault (an unexpected exception) is a console error.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { format } from "util";
import vm from "vm";
import { customFunctionsStub } from "./custom-functions-stub";

export const DIST = join(__dirname, "..", "..", "dist");

export type Registered = ReadonlyMap<string, (...args: unknown[]) => unknown>;

export type FunctionMetadata = { id: string; name: string; parameters: { name: string; optional?: boolean; type?: string; dimensionality?: string }[]; result?: { type?: string; dimensionality?: string } };

export type ConsoleEntry = { readonly level: "log" | "info" | "warn" | "error" | "debug"; readonly text: string };

/** A console for the sandbox that keeps what the bundle writes instead of printing it. */
function capturingConsole(entries: ConsoleEntry[]) {
  const write = (level: ConsoleEntry["level"]) => (...args: unknown[]) => void entries.push({ level, text: format(...args) });
  return { log: write("log"), info: write("info"), warn: write("warn"), error: write("error"), debug: write("debug") };
}

export function loadFunctions(): { registered: Registered; context: vm.Context; console: readonly ConsoleEntry[]; faults: () => readonly string[] } {
  const stub = customFunctionsStub();
  const entries: ConsoleEntry[] = [];
  const context = vm.createContext({ CustomFunctions: stub.CustomFunctions, console: capturingConsole(entries) });
  vm.runInContext(readFileSync(join(DIST, "functions.js"), "utf8"), context, { filename: "functions.js" });
  const faults = () => entries.filter((entry) => entry.level === "error").map((entry) => entry.text);
  return { registered: stub.associated, context, console: entries, faults };
}

export function functionsMetadata(): FunctionMetadata[] {
  return (JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as { functions: FunctionMetadata[] }).functions;
}
