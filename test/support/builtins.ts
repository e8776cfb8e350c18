/**
 * The state of a vm context's built-ins, read from outside it: every own property of the standard prototypes and
 * constructors, each as its kind (a native function, a value, an accessor). Two contexts that nothing has polluted
 * read the same; a property added, removed or replaced on a built-in shows as a difference.
 */
import vm from "vm";

const BUILTINS = [
  "Object", "Function", "Array", "String", "Number", "Boolean", "Symbol", "BigInt", "Date", "RegExp", "Error", "TypeError",
  "RangeError", "Map", "Set", "WeakMap", "WeakSet", "Promise", "JSON", "Math", "Reflect", "Intl", "ArrayBuffer", "Uint8Array",
];

const nativeSource = Function.prototype.toString;

function kind(value: unknown): string {
  if (typeof value === "function") return /\{\s*\[native code\]\s*\}$/.test(nativeSource.call(value)) ? "native function" : "replaced function";
  if (value !== null && typeof value === "object") return "object";
  return `${typeof value} ${String(value)}`;
}

function describe(target: object, path: string, out: Map<string, string>): void {
  for (const key of Reflect.ownKeys(target)) {
    const name = `${path}.${String(key)}`;
    const descriptor = Reflect.getOwnPropertyDescriptor(target, key) as PropertyDescriptor;
    out.set(name, "value" in descriptor ? kind(descriptor.value) : `accessor ${kind(descriptor.get)} / ${kind(descriptor.set)}`);
  }
}

/** Every own property of the built-ins of `context` and of their prototypes, with its kind. */
export function builtinState(context: vm.Context): Map<string, string> {
  const out = new Map<string, string>();
  const objects = vm.runInContext(`[${BUILTINS.join(", ")}]`, context) as object[];
  objects.forEach((object, i) => {
    const name = BUILTINS[i] as string;
    describe(object, name, out);
    const prototype = (object as { prototype?: unknown }).prototype;
    if (prototype !== null && typeof prototype === "object") describe(prototype, `${name}.prototype`, out);
  });
  return out;
}

/** How `context`'s built-ins differ from those of a fresh context: one line per property added, removed or replaced. */
export function builtinChanges(context: vm.Context): string[] {
  const pristine = builtinState(vm.createContext({}));
  const now = builtinState(context);
  const changes: string[] = [];
  for (const [name, was] of pristine) if (now.get(name) !== was) changes.push(`${name}: ${was} → ${now.get(name) ?? "removed"}`);
  for (const [name, is] of now) if (!pristine.has(name)) changes.push(`${name}: added (${is})`);
  return changes;
}
