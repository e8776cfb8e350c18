/**
 * HyperFormula (test-only) with the KC functions registered from the shipped dist/functions.js, loaded the way Excel
 * loads it: each KC.NAME cell calls the function the bundle associated, and an Excel error it returns becomes the
 * spreadsheet's error of the same kind, so a sheet evaluates here as it would in Excel.
 */
import { ArraySize, CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import { SPEC, type KcName } from "../../src/data/spec";
import { StubError } from "./custom-functions-stub";
import { loadFunctions } from "./load-functions";

/** What HyperFormula passes a plugin method; its own types for these are not exported. */
type ProcedureAst = { args: ({ value?: unknown } & object)[] };

const ERRORS: Readonly<Record<string, ErrorType>> = { "#VALUE!": ErrorType.VALUE, "#N/A": ErrorType.NA, "#DIV/0!": ErrorType.DIV_BY_ZERO, "#NUM!": ErrorType.NUM, "#NAME?": ErrorType.NAME, "#REF!": ErrorType.REF };

let registered = false;
const loaded = loadFunctions();

/** Registers every KC function of the bundle with HyperFormula once; returns the bundle's faults so far. */
export function registerKcFunctions(): () => readonly string[] {
  if (registered) return loaded.faults;
  registered = true;
  const names = Object.keys(SPEC) as KcName[];
  const call = (name: KcName, args: unknown[]): unknown => (loaded.registered.get(name) as (...a: unknown[]) => unknown)(...args.map((a) => (a === undefined ? null : a)));
  const cell = (value: unknown): unknown => {
    if (value instanceof StubError) return new CellError(ERRORS[value.code] ?? ErrorType.VALUE, value.message);
    if (Array.isArray(value)) return SimpleRangeValue.onlyValues(value as (string | number | boolean)[][]);
    return value;
  };
  class KcPlugin extends FunctionPlugin {
    static override implementedFunctions = Object.fromEntries(
      names.map((name) => [
        `KC.${name}`,
        {
          method: `kc_${name}`,
          parameters: SPEC[name].params.map((p) => ({ argumentType: FunctionArgumentType.SCALAR, optionalArg: p.optional })),
          ...(SPEC[name].returns === "grid" ? { sizeOfResultArrayMethod: `kc_${name}_size` } : {}),
        },
      ]),
    );
  }
  const proto = KcPlugin.prototype as unknown as Record<string, unknown>;
  for (const name of names) {
    proto[`kc_${name}`] = function (this: FunctionPlugin, ast: ProcedureAst, state: unknown) {
      const run = this.runFunction.bind(this) as (args: unknown, state: unknown, metadata: unknown, fn: (...args: unknown[]) => unknown) => unknown;
      return run(ast.args, state, this.metadata(`KC.${name}`), (...args: unknown[]) => cell(call(name, args)));
    };
    if (SPEC[name].returns === "grid") {
      proto[`kc_${name}_size`] = function (ast: ProcedureAst) {
        const grid = call(name, ast.args.map((a) => ("value" in a ? a.value : null)));
        return Array.isArray(grid) ? new ArraySize((grid[0] as unknown[] | undefined)?.length ?? 1, grid.length) : new ArraySize(1, 1);
      };
    }
  }
  const translations = Object.fromEntries(names.map((n) => [`KC.${n}`, `KC.${n}`]));
  HyperFormula.registerFunctionPlugin(KcPlugin, { enGB: translations, enUS: translations });
  return loaded.faults;
}
