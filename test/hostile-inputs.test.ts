/**
 * Every registered function of the shipped bundle, called with thousands of hostile argument tuples (fixed seed):
 * each call ends in a value Excel can show or in a refusal (#VALUE!/#N/A with a message), never in a fault (an
 * exception inside the add-in, which it reports on the console), quickly, and leaves no trace in the bundle's realm.
 */
import fc from "fast-check";
import vm from "vm";
import { builtinChanges } from "./support/builtins";
import { StubError } from "./support/custom-functions-stub";
import { functionsMetadata, loadFunctions } from "./support/load-functions";
import { statementRow } from "./support/seed-tables";

const { registered, context, faults } = loadFunctions();
const metadata = functionsMetadata();

const scalar = fc.oneof(
  fc.constantFrom(null, undefined, "", " ", "\t\n", "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf",
    "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "=1+1", "=KC.REVENUE(2024)", "\uD800", "\uDFFF", "📈💹", "‮revenue",
    "revenue", "Gross Profit", "eps", "net_income", "TTM", "FY0", "FY-1", "Q3 2025", "3Q25", "USD", "RMB", "HKD", "B", "K", "units",
    "gross", "net", "debt_to_equity", "total_debt/total_assets", "income", "balance", "cashflow", "name", "market_cap", "filed", "result",
    0, -0, 1, -1, 2020, 2024, 2024.5, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, 1e-308, true, false),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant("x".repeat(100_000)),
  fc.constant("2024".repeat(25_000)),
);
const grid = fc.array(fc.array(scalar, { maxLength: 4 }), { maxLength: 4 });
const argument = fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: grid });

function isScalar(value: unknown): boolean {
  return (typeof value === "number" && Number.isFinite(value)) || typeof value === "string" || typeof value === "boolean";
}

/** A value Excel can show, or one of the two errors that carry a message. */
function acceptable(value: unknown): boolean {
  if (value instanceof StubError) return (value.code === "#VALUE!" || value.code === "#N/A") && typeof value.message === "string" && value.message.length > 0;
  if (Array.isArray(value)) {
    const width = Array.isArray(value[0]) ? value[0].length : -1;
    return value.length > 0 && width > 0 && value.every((row) => Array.isArray(row) && row.length === width && row.every(isScalar));
  }
  return isScalar(value);
}

let slowest = 0;

/** A call's cost is a few milliseconds; over budget, it is one that stays slow when repeated, not a pause of the machine. */
const BUDGET_MS = 10;

/** The fastest of three timings of one call, each in a freshly loaded bundle so that no remembered answer is reused. */
function retimed(id: string, args: unknown[]): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const fresh = loadFunctions().registered.get(id) as (...a: unknown[]) => unknown;
    const started = performance.now();
    fresh(...args);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe("hostile inputs to every registered function", () => {
  it("covers every function functions.json lists, with its declared arity", () => {
    for (const f of metadata) expect((registered.get(f.id) as (...a: unknown[]) => unknown).length).toBe(f.parameters.length);
  });

  for (const f of metadata) {
    it(`${f.name}: every call returns a value or #VALUE!/#N/A with a message, without a fault, in a few milliseconds`, () => {
      const fn = registered.get(f.id) as (...args: unknown[]) => unknown;
      fc.assert(
        fc.property(fc.array(argument, { minLength: f.parameters.length, maxLength: f.parameters.length }), (args) => {
          const faultsBefore = faults().length;
          const started = performance.now();
          let result: unknown;
          expect(() => (result = fn(...args))).not.toThrow();
          const elapsed = performance.now() - started;
          const raised = faults().slice(faultsBefore);
          if (raised.length > 0) throw new Error(`${f.name} faulted on ${fc.stringify(args)}:\n${raised.join("\n")}`);
          slowest = Math.max(slowest, elapsed);
          if (elapsed > BUDGET_MS) expect(retimed(f.id, args)).toBeLessThan(BUDGET_MS);
          return acceptable(result);
        }),
        { seed: 20261124, numRuns: 1500 },
      );
    });
  }

  it("leaves no trace: the figures are unchanged, and the bundle's built-ins and globals are as a fresh realm's", () => {
    expect(registered.get("REVENUE")?.(2024, null, null)).toBe(statementRow("Total Revenue").FY2024?.value);
    expect(registered.get("FIGURE")?.("__proto__", 2024, null, null)).toBeInstanceOf(StubError);
    // The bundle runs in its own realm: its Object.prototype, not the test runner's, is the one a call could pollute.
    expect(builtinChanges(context)).toEqual([]);
    expect(vm.runInContext("({}).polluted === undefined && [].polluted === undefined", context)).toBe(true);
    // Its only global of its own is the library it publishes for the task pane, frozen so no call can change it. A
    // fresh realm's own globals are left out: they include gc once a suite in the same worker has exposed it.
    const fresh = new Set(Object.keys(vm.runInContext("globalThis", vm.createContext({})) as object));
    const globals = Object.keys(vm.runInContext("globalThis", context) as object).filter((key) => !fresh.has(key));
    expect(globals).toEqual(["CustomFunctions", "console", "kcLibrary"]);
    expect(vm.runInContext("Object.isFrozen(globalThis.kcLibrary)", context)).toBe(true);
    expect(faults()).toEqual([]);
    console.warn(`hostile inputs: slowest call ${slowest.toFixed(2)} ms`);
  });
});
