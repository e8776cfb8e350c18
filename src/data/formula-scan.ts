/**
 * Splits a formula's text into tokens in one pass, reading each character once (charCodeAt only, no regular
 * expression, no slicing): strings with "" escapes, quoted sheet names with '' escapes, numbers, names (references,
 * sheet names, defined names, TRUE/FALSE), function calls (a name directly followed by "("), error values, bracketed
 * groups (structured references, external workbooks) and operators. Anything else is a "bad" token.
 */

/** Excel's limit on a formula's length ("Length of formula contents: 8,192 characters", Excel specifications and limits). */
export const FORMULA_LIMIT = 8192;

export type TokenKind =
  | "string"
  | "sheet"
  | "number"
  | "name"
  | "call"
  | "error"
  | "bracket"
  | "open"
  | "close"
  | "comma"
  | "semicolon"
  | "arrayOpen"
  | "arrayClose"
  | "op"
  | "space"
  | "bad";

/**
 * A token at [start, end) of the text. For a call, [start, nameEnd) is its name and end is past its "(". A string,
 * quoted sheet or bracket group that never closes runs to the end of the text and is "bad".
 */
export type Token = { readonly kind: TokenKind; readonly start: number; readonly end: number; readonly nameEnd: number };

const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!", "#EXTERNAL!"]);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
/** A name's first character: a letter, "_", "\" or "$" (as in $A$1). */
const startsName = (c: number) => isLetter(c) || c === 95 || c === 92 || c === 36;
/** A name's later characters: also digits, "." and "?". */
const continuesName = (c: number) => startsName(c) || isDigit(c) || c === 46 || c === 63;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Calls `each` with the tokens of `text` in order. */
export function scanFormula(text: string, each: (token: Token) => void): void {
  const length = text.length;
  let i = 0;
  const emit = (kind: TokenKind, start: number, end: number, nameEnd = end) => each({ kind, start, end, nameEnd });
  /** Past the quote that closes a run opened at `i` by `quote`, a doubled quote standing for one; -1 if it never closes. */
  const closeQuoted = (quote: number): number => {
    for (let j = i + 1; j < length; j++) {
      if (text.charCodeAt(j) !== quote) continue;
      if (j + 1 < length && text.charCodeAt(j + 1) === quote) j++;
      else return j + 1;
    }
    return -1;
  };
  while (i < length) {
    const c = text.charCodeAt(i);
    const start = i;
    if (c === 34 || c === 39) {
      const end = closeQuoted(c);
      if (end < 0) return emit("bad", start, length);
      emit(c === 34 ? "string" : "sheet", start, end);
      i = end;
    } else if (isSpace(c)) {
      while (i < length && isSpace(text.charCodeAt(i))) i++;
      emit("space", start, i);
    } else if (isDigit(c) || (c === 46 && i + 1 < length && isDigit(text.charCodeAt(i + 1)))) {
      while (i < length && isDigit(text.charCodeAt(i))) i++;
      if (i < length && text.charCodeAt(i) === 46) for (i++; i < length && isDigit(text.charCodeAt(i)); ) i++;
      const e = i < length ? text.charCodeAt(i) : 0;
      if (e === 69 || e === 101) {
        let j = i + 1;
        const sign = j < length ? text.charCodeAt(j) : 0;
        if (sign === 43 || sign === 45) j++;
        if (j < length && isDigit(text.charCodeAt(j))) for (i = j; i < length && isDigit(text.charCodeAt(i)); ) i++;
      }
      emit("number", start, i);
    } else if (startsName(c)) {
      while (i < length && continuesName(text.charCodeAt(i))) i++;
      if (i < length && text.charCodeAt(i) === 40) {
        emit("call", start, i + 1, i);
        i++;
      } else emit("name", start, i);
    } else if (c === 91) {
      // A bracketed group, nested ([[#This Row],[Year]]); "'" escapes the character after it.
      let depth = 0;
      for (; i < length; i++) {
        const d = text.charCodeAt(i);
        if (d === 39) i++;
        else if (d === 91) depth++;
        else if (d === 93 && --depth === 0) break;
      }
      if (i >= length) return emit("bad", start, length);
      i++;
      emit("bracket", start, i);
    } else if (c === 35) {
      // An error value (#N/A, #DIV/0!), or the spill operator after a reference (A1#).
      let j = i + 1;
      let d = j < length ? text.charCodeAt(j) : 0;
      // An error value is short: reading stops after 14 characters.
      while (j - i < 14 && (isLetter(d) || isDigit(d) || d === 47 || d === 95)) d = ++j < length ? text.charCodeAt(j) : 0;
      if (d === 33 || d === 63) j++;
      const error = j - i <= 14 && ERRORS.has(text.slice(i, j).toUpperCase());
      i = error ? j : i + 1;
      emit(error ? "error" : "op", start, i);
    } else {
      i++;
      const next = i < length ? text.charCodeAt(i) : 0;
      if (c === 40) emit("open", start, i);
      else if (c === 41) emit("close", start, i);
      else if (c === 44) emit("comma", start, i);
      else if (c === 59) emit("semicolon", start, i);
      else if (c === 123) emit("arrayOpen", start, i);
      else if (c === 125) emit("arrayClose", start, i);
      else if ((c === 60 && (next === 61 || next === 62)) || (c === 62 && next === 61)) emit("op", start, ++i);
      // + - * / ^ & = < > % : ! @
      else if ([43, 45, 42, 47, 94, 38, 61, 60, 62, 37, 58, 33, 64].includes(c)) emit("op", start, i);
      else emit("bad", start, i);
    }
  }
}
