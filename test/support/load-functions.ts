/**
 * Loads the shipped dist/functions.js the way Excel's JavaScript-only runtime does: evaluated in a context whose
 * only global is CustomFunctions (no window, no document, no other chunk), and returns what it registered.
 */
import { readFileSync } from "fs";
import { join } from "path";
import vm from "vm";
import { customFunctionsStub } from "./custom-functions-stub";

export const DIST = join(__dirname, "..", "..", "dist");

export type Registered = ReadonlyMap<string, (...args: unknown[]) => unknown>;

export type FunctionMetadata = { id: string; name: string; parameters: { name: string; optional?: boolean; type?: string; dimensionality?: string }[]; result?: { type?: string; dimensionality?: string } };

export function loadFunctions(): { registered: Registered; context: vm.Context } {
  const stub = customFunctionsStub();
  const context = vm.createContext({ CustomFunctions: stub.CustomFunctions });
  vm.runInContext(readFileSync(join(DIST, "functions.js"), "utf8"), context, { filename: "functions.js" });
  return { registered: stub.associated, context };
}

export function functionsMetadata(): FunctionMetadata[] {
  return (JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as { functions: FunctionMetadata[] }).functions;
}
