/** Finds the KC calls in a formula's text and reads their literal arguments, for the builder and the audit. */
import { FORMULA_LIMIT, scanFormula } from "./formula-scan";

export type Argument =
  | { readonly kind: "literal"; readonly value: string | number | boolean; readonly text: string }
  | { readonly kind: "empty"; readonly text: "" }
  | { readonly kind: "expression"; readonly text: string };

export type KcCall = { readonly name: string; readonly args: readonly Argument[]; readonly text: string };

const KC_NAME = /^KC\.[A-Za-z]+$/i;
/** Whether the character before `start` joins a name to it ("1KC.REVENUE(" is not a KC call). */
const gluedIn = (text: string, start: number) => start > 0 && /[A-Za-z0-9_.]/.test(text.charAt(start - 1));

function readArgument(raw: string, tokens: number): Argument {
  const text = raw.trim();
  if (text === "") return { kind: "empty", text: "" };
  // A literal is one token (a sign and a number are two): longer arguments are expressions, never read twice.
  if (tokens > 2) return { kind: "expression", text };
  if (/^"(?:[^"]|"")*"$/.test(text)) return { kind: "literal", value: text.slice(1, -1).replace(/""/g, '"'), text };
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return { kind: "literal", value: Number(text), text };
  if (/^(TRUE|FALSE)$/i.test(text)) return { kind: "literal", value: text.toUpperCase() === "TRUE", text };
  return { kind: "expression", text };
}

/** An open "(" or "{": a KC call collects its arguments; any other group only nests. */
type Frame = { readonly kc: { name: string; start: number; slot: number; args: Argument[] } | null; argStart: number; tokens: number };

/**
 * The KC calls in a formula (or any pasted text), in the order they start, each with its arguments; a call that never
 * closes is left out. One pass over the text's tokens (formula-scan.ts). Text longer than Excel's 8,192-character
 * formula limit is no formula and has no calls: the pane says so before it audits (auditText in audit.ts).
 */
export function findKcCalls(formula: string): KcCall[] {
  if (formula.length > FORMULA_LIMIT) return [];
  const slots: (KcCall | null)[] = [];
  const stack: Frame[] = [];
  // A KC name followed by spaces and "(" is a call too, as the audit has always read it.
  let pending: { start: number; end: number } | null = null;
  const glued = (start: number) => gluedIn(formula, start);
  const closeArgument = (frame: Frame, end: number) => {
    if (frame.kc) frame.kc.args.push(readArgument(formula.slice(frame.argStart, end), frame.tokens));
  };
  scanFormula(formula, (token) => {
    if (token.kind === "space") return;
    const top = stack[stack.length - 1];
    const name = pending;
    pending = token.kind === "name" ? { start: token.start, end: token.end } : null;
    if (token.kind === "call" || token.kind === "open" || token.kind === "arrayOpen") {
      const span = token.kind === "call" ? { start: token.start, end: token.nameEnd } : token.kind === "open" ? name : null;
      let kc: Frame["kc"] = null;
      if (span && KC_NAME.test(formula.slice(span.start, span.end)) && !glued(span.start)) {
        kc = { name: formula.slice(span.start + 3, span.end).toUpperCase(), start: span.start, slot: slots.push(null) - 1, args: [] };
      }
      // The group is one more token of the enclosing argument (a spaced KC name was counted already).
      if (top && !(kc && token.kind === "open")) top.tokens++;
      stack.push({ kc, argStart: token.end, tokens: 0 });
    } else if (token.kind === "comma" && top?.kc) {
      closeArgument(top, token.start);
      top.argStart = token.end;
      top.tokens = 0;
    } else if ((token.kind === "close" || token.kind === "arrayClose") && top) {
      stack.pop();
      if (top.kc) {
        closeArgument(top, token.start);
        const args = top.kc.args.length === 1 && top.kc.args[0]?.kind === "empty" ? [] : top.kc.args;
        slots[top.kc.slot] = { name: top.kc.name, args, text: formula.slice(top.kc.start, token.end) };
      }
    } else if (top) top.tokens++;
  });
  return slots.filter((call): call is KcCall => call !== null);
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
