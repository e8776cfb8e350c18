/** Finds the KC calls in a formula's text and reads their literal arguments, for the builder and the audit. */
export type Argument =
  | { readonly kind: "literal"; readonly value: string | number | boolean; readonly text: string }
  | { readonly kind: "empty"; readonly text: "" }
  | { readonly kind: "expression"; readonly text: string };

export type KcCall = { readonly name: string; readonly args: readonly Argument[]; readonly text: string };

const START = /(^|[^A-Za-z0-9_.])KC\.([A-Za-z]+)\s*\(/gi;

function readArgument(raw: string): Argument {
  const text = raw.trim();
  if (text === "") return { kind: "empty", text: "" };
  if (/^"(?:[^"]|"")*"$/.test(text)) return { kind: "literal", value: text.slice(1, -1).replace(/""/g, '"'), text };
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return { kind: "literal", value: Number(text), text };
  if (/^(TRUE|FALSE)$/i.test(text)) return { kind: "literal", value: text.toUpperCase() === "TRUE", text };
  return { kind: "expression", text };
}

/** The argument texts of a call whose "(" is at `open`, and where its ")" is; null if it never closes. */
function splitArguments(formula: string, open: number): { args: string[]; close: number } | null {
  const args: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = open + 1; i < formula.length; i++) {
    const c = formula[i] as string;
    if (c === '"') {
      const end = formula.indexOf('"', i + 1);
      let j = end;
      while (j >= 0 && formula[j + 1] === '"') j = formula.indexOf('"', j + 2);
      if (j < 0) return null;
      current += formula.slice(i, j + 1);
      i = j;
    } else if (c === "(" || c === "{") {
      depth++;
      current += c;
    } else if ((c === ")" || c === "}") && depth > 0) {
      depth--;
      current += c;
    } else if (c === ")") {
      args.push(current);
      return { args: args.length === 1 && args[0]?.trim() === "" ? [] : args, close: i };
    } else if (c === "," && depth === 0) {
      args.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  return null;
}

export function findKcCalls(formula: string): KcCall[] {
  const calls: KcCall[] = [];
  for (const match of formula.slice(0, 8192).matchAll(START)) {
    const open = (match.index ?? 0) + match[0].length - 1;
    const split = splitArguments(formula, open);
    if (!split) continue;
    const start = (match.index ?? 0) + (match[1] ?? "").length;
    calls.push({ name: (match[2] as string).toUpperCase(), args: split.args.map(readArgument), text: formula.slice(start, split.close + 1) });
  }
  return calls;
}

/** Excel's spelling of a value as a formula argument. */
export function formulaArgument(value: string | number | boolean | null): string {
  if (value === null || value === "") return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return `"${value.replace(/"/g, '""')}"`;
}

/** =KC.NAME(a, b, …) with trailing omitted arguments dropped. */
export function buildFormula(name: string, args: ReadonlyArray<string | number | boolean | null>): string {
  const spelled = args.map(formulaArgument);
  while (spelled.length && spelled[spelled.length - 1] === "") spelled.pop();
  return `=KC.${name}(${spelled.join(",")})`;
}
