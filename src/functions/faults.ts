/**
 * Unexpected exceptions inside a custom function. A refused argument is a Result miss and never reaches here; an
 * exception is a defect in the add-in. Each one is counted, the last few are kept, and each is reported with
 * console.error, which Excel's runtime developer tools show, so a fault is visible instead of passing as #VALUE!.
 */
export type Fault = { readonly name: string; readonly args: string; readonly message: string };

const KEEP = 20;
const recent: Fault[] = [];
let count = 0;

/** A short, never-throwing rendering of the arguments, for the report. */
function describe(args: readonly unknown[]): string {
  return args
    .map((arg) => {
      try {
        const text = typeof arg === "string" ? JSON.stringify(arg) : Array.isArray(arg) ? `[${arg.length} rows]` : String(arg);
        return text.length > 40 ? `${text.slice(0, 40)}…` : text;
      } catch {
        return typeof arg;
      }
    })
    .join(", ");
}

/** Records an unexpected exception thrown while `name` ran on `args`, and returns what was recorded. */
export function recordFault(name: string, args: readonly unknown[], error: unknown): Fault {
  const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 200);
  const fault: Fault = { name, args: describe(args), message };
  count++;
  recent.push(fault);
  if (recent.length > KEEP) recent.shift();
  if (typeof console === "object") console.error(`KC fault ${count} in KC.${name}(${fault.args}): ${message}`, error);
  return fault;
}

/** How many faults this runtime has seen, and the last few. */
export function faults(): { readonly count: number; readonly recent: readonly Fault[] } {
  return { count, recent: [...recent] };
}
