/**
 * A formula's own value, for the audit: arithmetic (+ - * / ^ %, unary signs, brackets) over numbers, KC calls and
 * cells whose values are known. Anything else (another function, an unknown cell, text, a comparison) is not
 * computed, and the outcome says which part stopped it. Errors follow Excel: the first error met is the answer.
 */
import { scanFormula, type Token } from "./formula-scan";

export type FormulaValue =
  | { readonly kind: "value"; readonly value: number }
  | { readonly kind: "error"; readonly error: string; readonly from: string | null }
  | { readonly kind: "unknown"; readonly because: "reference" | "function" | "text" | "operator" | "syntax"; readonly part: string };

/** What a KC call (by its text) answered: a number, an Excel error, or something that is no number (text, a grid). */
export type CallAnswer =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "error"; readonly error: string }
  /** An argument of the call is a cell or an expression whose value only the workbook knows. */
  | { readonly kind: "depends"; readonly on: string }
  | { readonly kind: "other" };

class Stop {
  constructor(readonly outcome: Exclude<FormulaValue, { kind: "value" }>) {}
}

export function formulaValue(formula: string, callAnswer: (callText: string) => CallAnswer, cells: ReadonlyMap<string, unknown> = new Map()): FormulaValue {
  const tokens: Token[] = [];
  scanFormula(formula, (t) => {
    if (t.kind !== "space") tokens.push(t);
  });
  const text = (t: Token | undefined) => (t ? formula.slice(t.start, t.end) : "");
  let at = text(tokens[0]) === "=" ? 1 : 0;
  const stop = (outcome: Exclude<FormulaValue, { kind: "value" }>): never => {
    throw new Stop(outcome);
  };
  const unknown = (because: "reference" | "function" | "text" | "operator" | "syntax", part: string) => stop({ kind: "unknown", because, part });
  const isOp = (op: string) => tokens[at]?.kind === "op" && text(tokens[at]) === op;

  /** Past the ")" that closes the call opened at `from`: the call's whole text. */
  function callText(from: number): string {
    let depth = 0;
    for (let i = from; i < tokens.length; i++) {
      const kind = tokens[i]?.kind;
      if (kind === "call" || kind === "open" || kind === "arrayOpen") depth++;
      else if ((kind === "close" || kind === "arrayClose") && --depth === 0) {
        at = i + 1;
        return formula.slice(tokens[from]?.start ?? 0, tokens[i]?.end ?? 0);
      }
    }
    return unknown("syntax", formula.slice(tokens[from]?.start ?? 0));
  }

  function primary(): number {
    const t = tokens[at];
    if (!t) return unknown("syntax", formula);
    if (t.kind === "number") {
      at++;
      return Number(text(t));
    }
    if (t.kind === "open") {
      at++;
      const value = binary(0);
      if (tokens[at]?.kind !== "close") return unknown("syntax", formula);
      at++;
      return value;
    }
    if (t.kind === "error") return stop({ kind: "error", error: text(t).toUpperCase(), from: null });
    if (t.kind === "call") {
      const name = formula.slice(t.start, t.nameEnd);
      if (!/^KC\./i.test(name)) return unknown("function", name.toUpperCase());
      const call = callText(at);
      const answer = callAnswer(call);
      if (answer.kind === "number") return answer.value;
      if (answer.kind === "error") return stop({ kind: "error", error: answer.error, from: call });
      if (answer.kind === "depends") return unknown("reference", answer.on);
      return unknown("text", call);
    }
    if (t.kind === "name" || t.kind === "sheet") {
      let reference = text(t);
      at++;
      if (isOp("!") && tokens[at + 1]?.kind === "name") {
        reference += `!${text(tokens[at + 1])}`;
        at += 2;
      }
      const value = cells.get(reference.replace(/\$/g, "").toUpperCase());
      return typeof value === "number" ? value : unknown("reference", reference);
    }
    return unknown(t.kind === "string" ? "text" : "operator", text(t));
  }

  /** Unary signs bind before "^" in Excel (-2^2 is 4), and "%" divides by 100. */
  function unary(): number {
    if (isOp("-") || isOp("+")) {
      const negative = isOp("-");
      at++;
      const value = unary();
      return negative ? -value : value;
    }
    let value = primary();
    while (isOp("%")) {
      at++;
      value /= 100;
    }
    return value;
  }

  /** Binary operators by precedence, loosest first; each level reads left to right, as Excel does (2^3^2 is 64). */
  const LEVELS = [["+", "-"], ["*", "/"], ["^"]];
  function binary(level: number): number {
    if (level === LEVELS.length) return unary();
    let value = binary(level + 1);
    for (let op = text(tokens[at]); tokens[at]?.kind === "op" && LEVELS[level]?.includes(op); op = text(tokens[at])) {
      at++;
      const right = binary(level + 1);
      if (op === "/" && right === 0) return stop({ kind: "error", error: "#DIV/0!", from: null });
      value = op === "+" ? value + right : op === "-" ? value - right : op === "*" ? value * right : op === "/" ? value / right : value ** right;
    }
    return value;
  }

  try {
    const value = binary(0);
    if (at < tokens.length) return unknown(tokens[at]?.kind === "op" ? "operator" : "syntax", text(tokens[at]));
    return Number.isFinite(value) ? { kind: "value", value } : { kind: "error", error: "#NUM!", from: null };
  } catch (thrown) {
    if (thrown instanceof Stop) return thrown.outcome;
    throw thrown;
  }
}
