/**
 * A formula's own value, as Excel would compute it, for the audit and the model's preview: numbers, text and TRUE or
 * FALSE; + - * / ^ %, unary signs, & and the comparisons; brackets; IF, ABS, SUM, MIN, MAX and ROUND; KC calls
 * (answered by the caller) and cells and ranges whose values the caller knows. Anything else (another function, an
 * unknown cell, text where a number is needed) is not computed, and the outcome says which part stopped it. Errors
 * follow Excel: the first error met is the answer. The formula is read whole first, so IF computes only the branch
 * it takes, as Excel does.
 */
import { columnIndex, columnName } from "./a1";
import { scanFormula, type Token } from "./formula-scan";

export type Value = number | string | boolean;

export type FormulaValue =
  | { readonly kind: "value"; readonly value: Value }
  | { readonly kind: "error"; readonly error: string; readonly from: string | null }
  | { readonly kind: "unknown"; readonly because: "reference" | "function" | "text" | "operator" | "syntax"; readonly part: string };

/** What a KC call (by its text) answered: a number or other value, an Excel error, or something the pane cannot use. */
export type CallAnswer =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly value: string | boolean }
  | { readonly kind: "error"; readonly error: string }
  /** An argument of the call is a cell or an expression whose value only the workbook knows. */
  | { readonly kind: "depends"; readonly on: string }
  | { readonly kind: "other" };

/** A KC call's text, and its arguments' values where the caller wants them (a cell's value, or what stops it). */
export type KcCallAnswer = (callText: string, args: () => Value[]) => CallAnswer;

/**
 * A cell's value by its reference as written ("$C$9", "Sheet1!B2"): a number, text or TRUE/FALSE; null for an empty
 * cell; { error } for a cell showing an Excel error; undefined where it is not known.
 */
export type CellLookup = ReadonlyMap<string, unknown> | ((reference: string) => unknown);

type Node =
  | { readonly t: "value"; readonly value: Value }
  | { readonly t: "error"; readonly error: string }
  | { readonly t: "ref"; readonly text: string }
  | { readonly t: "range"; readonly from: string; readonly to: string }
  | { readonly t: "kc"; readonly text: string; readonly args: readonly Node[] }
  | { readonly t: "fn"; readonly name: string; readonly args: readonly Node[] }
  | { readonly t: "unary"; readonly op: string; readonly x: Node }
  | { readonly t: "percent"; readonly x: Node }
  | { readonly t: "binary"; readonly op: string; readonly a: Node; readonly b: Node };

class Stop {
  constructor(readonly outcome: Exclude<FormulaValue, { kind: "value" }>) {}
}
const stop = (outcome: Exclude<FormulaValue, { kind: "value" }>): never => {
  throw new Stop(outcome);
};
const unknown = (because: "reference" | "function" | "text" | "operator" | "syntax", part: string) => stop({ kind: "unknown", because, part });

/** Binary operators by precedence, loosest first; each level reads left to right, as Excel does (2^3^2 is 64). */
const LEVELS = [["=", "<>", "<", ">", "<=", ">="], ["&"], ["+", "-"], ["*", "/"], ["^"]];

function parse(formula: string): Node {
  const tokens: Token[] = [];
  scanFormula(formula, (t) => {
    if (t.kind !== "space") tokens.push(t);
  });
  const text = (t: Token | undefined) => (t ? formula.slice(t.start, t.end) : "");
  let at = text(tokens[0]) === "=" ? 1 : 0;
  const isOp = (op: string) => tokens[at]?.kind === "op" && text(tokens[at]) === op;

  /** The arguments of the call whose "(" was just read, up to and past its ")". */
  function args(): Node[] {
    const list: Node[] = [];
    if (tokens[at]?.kind === "close") {
      at++;
      return list;
    }
    for (;;) {
      list.push(tokens[at]?.kind === "comma" || tokens[at]?.kind === "close" ? { t: "value", value: "" } : binary(0));
      const kind = tokens[at]?.kind;
      at++;
      if (kind === "close") return list;
      if (kind !== "comma") return unknown("syntax", formula);
    }
  }

  function reference(): Node {
    const t = tokens[at] as Token;
    let ref = text(t);
    at++;
    if (isOp("!") && tokens[at + 1]?.kind === "name") {
      ref += `!${text(tokens[at + 1])}`;
      at += 2;
    }
    if (/^(TRUE|FALSE)$/i.test(ref)) return { t: "value", value: ref.toUpperCase() === "TRUE" };
    if (isOp(":") && tokens[at + 1]?.kind === "name") {
      const to = text(tokens[at + 1]);
      at += 2;
      return { t: "range", from: ref, to };
    }
    return { t: "ref", text: ref };
  }

  function primary(): Node {
    const t = tokens[at];
    if (!t) return unknown("syntax", formula);
    if (t.kind === "number") {
      at++;
      return { t: "value", value: Number(text(t)) };
    }
    if (t.kind === "string") {
      at++;
      return { t: "value", value: text(t).slice(1, -1).replace(/""/g, '"') };
    }
    if (t.kind === "open") {
      at++;
      const inner = binary(0);
      if (tokens[at]?.kind !== "close") return unknown("syntax", formula);
      at++;
      return inner;
    }
    if (t.kind === "error") {
      at++;
      return { t: "error", error: text(t).toUpperCase() };
    }
    if (t.kind === "call") {
      const name = formula.slice(t.start, t.nameEnd).toUpperCase();
      at++;
      const list = args();
      const whole = formula.slice(t.start, tokens[at - 1]?.end ?? formula.length);
      return name.startsWith("KC.") ? { t: "kc", text: whole, args: list } : { t: "fn", name, args: list };
    }
    if (t.kind === "name" || t.kind === "sheet") return reference();
    return unknown("operator", text(t));
  }

  /** Unary signs bind before "^" in Excel (-2^2 is 4), and "%" divides by 100. */
  function unary(): Node {
    if (isOp("-") || isOp("+")) {
      const op = text(tokens[at]);
      at++;
      return { t: "unary", op, x: unary() };
    }
    let node = primary();
    while (isOp("%")) {
      at++;
      node = { t: "percent", x: node };
    }
    return node;
  }

  function binary(level: number): Node {
    if (level === LEVELS.length) return unary();
    let node = binary(level + 1);
    for (let op = text(tokens[at]); tokens[at]?.kind === "op" && LEVELS[level]?.includes(op); op = text(tokens[at])) {
      at++;
      node = { t: "binary", op, a: node, b: binary(level + 1) };
    }
    return node;
  }

  const root = binary(0);
  if (at < tokens.length) return unknown(tokens[at]?.kind === "op" ? "operator" : "syntax", text(tokens[at]));
  return root;
}

/** The cells of an A1 range ("B60:B63"), row by row; empty where it is not a plain range of this sheet. */
function cellsOf(from: string, to: string): string[] {
  const read = (ref: string) => /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
  const [a, b] = [read(from), read(to)];
  if (!a || !b) return [];
  const [c1, c2] = [columnIndex(a[1] as string), columnIndex(b[1] as string)].sort((x, y) => x - y) as [number, number];
  const [r1, r2] = [Number(a[2]), Number(b[2])].sort((x, y) => x - y) as [number, number];
  const out: string[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(`${columnName(c)}${r}`);
  return out;
}

/** Excel orders numbers before text before TRUE and FALSE, and compares text ignoring case. */
function compare(a: Value, b: Value): number {
  const rank = (v: Value) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase().localeCompare(b.toLowerCase());
  return Number(a) - Number(b);
}

export function formulaValue(formula: string, callAnswer: KcCallAnswer | ((callText: string) => CallAnswer), cells: CellLookup = new Map()): FormulaValue {
  const lookup = typeof cells === "function" ? cells : (ref: string) => cells.get(ref.replace(/\$/g, "").toUpperCase());
  const cell = (ref: string): Value => {
    const value = lookup(ref);
    if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
    if (value === null) return 0;
    // A cell showing an error passes it on, as in Excel.
    if (typeof value === "object" && typeof (value as { error?: unknown }).error === "string") return stop({ kind: "error", error: (value as { error: string }).error, from: ref });
    return unknown("reference", ref);
  };
  const number = (v: Value, part: string): number => (typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : unknown("text", part));
  const describe = (node: Node): string => (node.t === "kc" ? node.text : node.t === "ref" ? node.text : node.t === "value" ? String(node.value) : node.t);

  function numbers(nodes: readonly Node[]): number[] {
    return nodes.flatMap((node) => {
      if (node.t === "range") return cellsOf(node.from, node.to).flatMap((ref) => {
        const v = lookup(ref);
        return typeof v === "number" ? [v] : [];
      });
      return [number(evaluate(node), describe(node))];
    });
  }

  function native(name: string, args: readonly Node[]): Value {
    const arity = (n: number) => (args.length === n ? args : unknown("syntax", name));
    switch (name) {
      case "IF": {
        if (args.length < 2 || args.length > 3) return unknown("syntax", name);
        const test = evaluate(args[0] as Node);
        const truth = typeof test === "string" ? unknown("text", describe(args[0] as Node)) : Boolean(test);
        return truth ? evaluate(args[1] as Node) : args[2] ? evaluate(args[2]) : false;
      }
      case "ABS":
        return Math.abs(number(evaluate(arity(1)[0] as Node), name));
      case "SUM":
        return numbers(args).reduce((sum, v) => sum + v, 0);
      case "MIN":
      case "MAX": {
        const list = numbers(args);
        return list.length ? (name === "MIN" ? Math.min(...list) : Math.max(...list)) : 0;
      }
      case "ROUND": {
        const [x, digits] = arity(2).map((a) => number(evaluate(a), name)) as [number, number];
        const scale = 10 ** Math.trunc(digits);
        return (Math.sign(x) * Math.round(Math.abs(x) * scale)) / scale;
      }
      default:
        return unknown("function", name);
    }
  }

  function evaluate(node: Node): Value {
    switch (node.t) {
      case "value":
        return node.value;
      case "error":
        return stop({ kind: "error", error: node.error, from: null });
      case "ref":
        return cell(node.text);
      case "range":
        return unknown("reference", `${node.from}:${node.to}`);
      case "kc": {
        const answer = callAnswer(node.text, () => node.args.map((a) => (a.t === "range" ? unknown("reference", `${a.from}:${a.to}`) : evaluate(a))));
        if (answer.kind === "number" || answer.kind === "text") return answer.value;
        if (answer.kind === "error") return stop({ kind: "error", error: answer.error, from: node.text });
        if (answer.kind === "depends") return unknown("reference", answer.on);
        return unknown("text", node.text);
      }
      case "fn":
        return native(node.name, node.args);
      case "unary": {
        const x = number(evaluate(node.x), describe(node.x));
        return node.op === "-" ? -x : x;
      }
      case "percent":
        return number(evaluate(node.x), describe(node.x)) / 100;
      case "binary": {
        const [a, b] = [evaluate(node.a), evaluate(node.b)];
        if (node.op === "&") return `${String(a)}${String(b)}`;
        if (LEVELS[0]?.includes(node.op)) {
          const c = compare(a, b);
          return node.op === "=" ? c === 0 : node.op === "<>" ? c !== 0 : node.op === "<" ? c < 0 : node.op === ">" ? c > 0 : node.op === "<=" ? c <= 0 : c >= 0;
        }
        const [x, y] = [number(a, describe(node.a)), number(b, describe(node.b))];
        if (node.op === "/" && y === 0) return stop({ kind: "error", error: "#DIV/0!", from: null });
        return node.op === "+" ? x + y : node.op === "-" ? x - y : node.op === "*" ? x * y : node.op === "/" ? x / y : x ** y;
      }
    }
  }

  try {
    const value = evaluate(parse(formula));
    return typeof value !== "number" || Number.isFinite(value) ? { kind: "value", value } : { kind: "error", error: "#NUM!", from: null };
  } catch (thrown) {
    if (thrown instanceof Stop) return thrown.outcome;
    throw thrown;
  }
}
