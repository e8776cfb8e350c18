/**
 * Whether a formula read from a workbook is one the add-in may write back: it parses as an Excel formula, every function
 * it calls is a KC function the add-in registers, and it refers only to cells of this workbook. Restoring frozen
 * formulas (src/office/restore.ts) writes nothing else, so a planted record cannot make it write WEBSERVICE, HYPERLINK,
 * an external link or a DDE command.
 */
import { FORMULA_LIMIT, scanFormula, type Token } from "./formula-scan";
import { KC_NAMES, RENAMED } from "./spec";

/** Why a formula is refused: a code and what it names; messages.ts words it. */
export type Refusal =
  | { readonly code: "not_formula" | "too_long" | "too_deep" | "no_kc_call" }
  | { readonly code: "syntax"; readonly at: number }
  | { readonly code: "foreign_call" | "unknown_kc" | "name" | "external"; readonly text: string };

export type KcFormulaCheck = { readonly ok: true; readonly formula: string; readonly renamed: readonly string[] } | ({ readonly ok: false } & Refusal);

/** Excel nests functions at most 64 levels deep ("Nested levels of functions: 64", Excel specifications and limits). */
const MAX_DEPTH = 64;
const KNOWN = new Set<string>(KC_NAMES);
const CELL = /^\$?[A-Za-z]{1,3}\$?\d{1,7}$/;
const COLUMN = /^\$?[A-Za-z]{1,3}$/;
const ROW = /^\$?\d{1,7}$/;
const BINARY = new Set(["+", "-", "*", "/", "^", "&", "=", "<", ">", "<=", ">=", "<>", ":"]);
/** Characters no sheet name may hold: in a quoted sheet name they mean a path or another workbook. */
const NOT_IN_SHEET_NAMES = /[[\]\\/?*:]/;

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.code);
    this.name = "Refused";
  }
}

type Spaced = Token & { readonly spaced: boolean };

class Parser {
  private i = 0;
  private depth = 0;
  readonly calls: { readonly start: number; readonly end: number; readonly name: string }[] = [];
  constructor(private readonly text: string, private readonly tokens: readonly Spaced[]) {}

  private peek(): Spaced | undefined {
    return this.tokens[this.i];
  }
  private textOf(token: Token): string {
    return this.text.slice(token.start, token.end);
  }
  private isOp(token: Token | undefined, ...ops: string[]): boolean {
    return token?.kind === "op" && ops.includes(this.textOf(token));
  }
  private syntax(token: Token | undefined): never {
    throw new Refused({ code: "syntax", at: token ? token.start : this.text.length });
  }
  private take(): Spaced {
    const token = this.tokens[this.i++];
    if (!token) this.syntax(undefined);
    return token;
  }
  private nest<T>(parse: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new Refused({ code: "too_deep" });
    const result = parse();
    this.depth--;
    return result;
  }

  /** The whole formula after its "=". */
  formula(): void {
    this.expression();
    if (this.peek()) this.syntax(this.peek());
  }

  /** Whether a token after a space goes on the expression as the right side of an intersection: a reference can, text and arrays cannot. */
  private startsOperand(token: Spaced): boolean {
    return ["sheet", "number", "name", "call", "error", "bracket", "open"].includes(token.kind) || this.isOp(token, "@");
  }

  private expression(): void {
    for (;;) {
      this.operand();
      while (this.isOp(this.peek(), "%", "#")) this.i++;
      const next = this.peek();
      if (next?.kind === "op" && BINARY.has(this.textOf(next))) this.i++;
      // Two references apart by a space are their intersection (A1:C3 B2:D4).
      else if (!(next?.spaced && this.startsOperand(next))) return;
    }
  }

  private operand(): void {
    while (this.isOp(this.peek(), "+", "-", "@")) this.i++;
    const token = this.take();
    switch (token.kind) {
      case "number":
      case "string":
      case "error":
        return;
      case "call":
        return this.call(token);
      case "open":
        return this.nest(() => {
          this.expression();
          // Inside parentheses a comma is the union of references: (A1,B2).
          while (this.peek()?.kind === "comma") {
            this.i++;
            this.expression();
          }
          if (this.take().kind !== "close") this.syntax(this.tokens[this.i - 1]);
        });
      case "arrayOpen":
        return this.array();
      case "sheet":
        if (NOT_IN_SHEET_NAMES.test(this.textOf(token).slice(1, -1))) throw new Refused({ code: "external", text: this.textOf(token) });
        if (!this.isOp(this.peek(), "!")) this.syntax(this.peek());
        this.i++;
        return this.reference(this.take());
      case "name":
        if (this.isOp(this.peek(), "!") && !this.peek()?.spaced) {
          this.i++;
          return this.reference(this.take());
        }
        return this.reference(token);
      case "bracket": {
        // [@Year] inside a table; [Book.xlsx]Sheet1!A1 and [1]Sheet1!A1 are other workbooks.
        const next = this.peek();
        if (next && !next.spaced && (next.kind === "name" || next.kind === "sheet" || this.isOp(next, "!"))) throw new Refused({ code: "external", text: this.textOf(token) });
        return;
      }
      default:
        this.syntax(token);
    }
  }

  /** A reference after a sheet name, or on its own: a cell, a column or row of a range, a table column; never a defined name. */
  private reference(token: Spaced): void {
    const text = this.textOf(token);
    if (token.kind === "error") return;
    if (token.kind === "call") throw new Refused({ code: "foreign_call", text: this.text.slice(token.start, token.nameEnd) });
    const inRange = this.isOp(this.peek(), ":") || this.isOp(this.tokens[this.i - 2], ":");
    if (token.kind === "number" && inRange && ROW.test(text)) return;
    if (token.kind !== "name") this.syntax(token);
    if (/^(TRUE|FALSE)$/i.test(text) || CELL.test(text) || (inRange && (COLUMN.test(text) || ROW.test(text)))) return;
    const bracket = this.peek();
    if (bracket?.kind === "bracket" && !bracket.spaced) {
      this.i++;
      return;
    }
    throw new Refused({ code: "name", text });
  }

  private call(token: Token): void {
    const name = this.text.slice(token.start, token.nameEnd);
    const kc = /^KC\.(.+)$/i.exec(name);
    if (!kc) throw new Refused({ code: "foreign_call", text: name });
    const bare = (kc[1] as string).toUpperCase();
    if (!KNOWN.has(bare) && !(bare in RENAMED)) throw new Refused({ code: "unknown_kc", text: name });
    this.calls.push({ start: token.start, end: token.nameEnd, name: bare });
    this.nest(() => {
      if (this.peek()?.kind === "close") return void this.i++;
      for (;;) {
        const next = this.peek();
        if (next?.kind !== "comma" && next?.kind !== "close") this.expression();
        const after = this.take();
        if (after.kind === "close") return;
        if (after.kind !== "comma") this.syntax(after);
      }
    });
  }

  /** {1,2;3,4}: constants only. */
  private array(): void {
    for (;;) {
      if (this.isOp(this.peek(), "-")) this.i++;
      const value = this.take();
      const constant = value.kind === "number" || value.kind === "string" || value.kind === "error" || (value.kind === "name" && /^(TRUE|FALSE)$/i.test(this.textOf(value)));
      if (!constant) this.syntax(value);
      const after = this.take();
      if (after.kind === "arrayClose") return;
      if (after.kind !== "comma" && after.kind !== "semicolon") this.syntax(after);
    }
  }
}

/**
 * Checks `formula` and, where it passes, gives it back with any version 1.0 KC name written as its new one (KC.VALUE
 * → KC.FIGURE, same arguments): only the new names are registered, so an old name would show #NAME?.
 */
export function checkKcFormula(formula: string): KcFormulaCheck {
  if (formula.length > FORMULA_LIMIT) return { ok: false, code: "too_long" };
  if (!formula.startsWith("=")) return { ok: false, code: "not_formula" };
  const tokens: Spaced[] = [];
  let afterSpace = false;
  scanFormula(formula.slice(1), (token) => {
    if (token.kind === "space") return void (afterSpace = true);
    tokens.push({ kind: token.kind, start: token.start + 1, end: token.end + 1, nameEnd: token.nameEnd + 1, spaced: afterSpace });
    afterSpace = false;
  });
  const parser = new Parser(formula, tokens);
  try {
    if (tokens.some((t) => t.kind === "bad")) throw new Refused({ code: "syntax", at: (tokens.find((t) => t.kind === "bad") as Token).start });
    parser.formula();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, ...error.refusal };
    throw error;
  }
  if (parser.calls.length === 0) return { ok: false, code: "no_kc_call" };
  let written = "";
  let from = 0;
  const renamed: string[] = [];
  for (const call of parser.calls) {
    const now = RENAMED[call.name];
    if (!now) continue;
    written += `${formula.slice(from, call.start)}KC.${now}`;
    from = call.end;
    renamed.push(`KC.${call.name} → KC.${now}`);
  }
  return { ok: true, formula: written + formula.slice(from), renamed };
}
