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

/**
 * An Office global whose host reports the given requirement sets, each at its version (and every earlier one), the way
 * the shared runtime's Office.context.requirements.isSetSupported answers; every other set is missing.
 */
export function officeWithSets(sets: Readonly<Record<string, string>>) {
  const atLeast = (have: string, want: string) => {
    const [a, b] = [have, want].map((v) => v.split(".").map(Number)) as [number[], number[]];
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
    return true;
  };
  const isSetSupported = (name: string, version?: string) => sets[name] !== undefined && atLeast(sets[name] as string, version ?? "1.1");
  return { context: { requirements: { isSetSupported } } };
}

/**
 * `office`: an Office global for the sandbox (see officeWithSets); without it the context has none, as in Excel's
 * JavaScript-only runtime. `bundle`: another build of functions.js than dist/'s.
 */
export function loadFunctions(office?: unknown, bundle = join(DIST, "functions.js")): { registered: Registered; context: vm.Context; console: readonly ConsoleEntry[]; faults: () => readonly string[] } {
  const stub = customFunctionsStub();
  const entries: ConsoleEntry[] = [];
  const globals: Record<string, unknown> = { CustomFunctions: stub.CustomFunctions, console: capturingConsole(entries) };
  if (office !== undefined) globals.Office = office;
  const context = vm.createContext(globals);
  vm.runInContext(readFileSync(bundle, "utf8"), context, { filename: "functions.js" });
  const faults = () => entries.filter((entry) => entry.level === "error").map((entry) => entry.text);
  return { registered: stub.associated, context, console: entries, faults };
}

export function functionsMetadata(): FunctionMetadata[] {
  return (JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as { functions: FunctionMetadata[] }).functions;
}
