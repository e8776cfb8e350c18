/**
 * A fingerprint of the values a block of cells shows, recorded when KC formulas are converted to values and compared
 * before one is restored: a cell whose fingerprint changed was edited since, and is not overwritten. 64-bit FNV-1a over
 * the UTF-16 code units of each value's spelling, fed a row at a time so a block read in parts gives the same result.
 * It finds edits; it is no secret (the record is in the workbook, anyone can recompute it).
 */
import type { Cell } from "./cells";

export const FINGERPRINT = /^fnv1a64:[0-9a-f]{16}$/;

export class Fingerprint {
  // FNV-1a's 64-bit offset basis, as two 32-bit halves.
  private hi = 0xcbf29ce4;
  private lo = 0x84222325;

  constructor(rows: number, columns: number) {
    this.feed(`${rows}x${columns}\n`);
  }

  /** Adds a row of values. Numbers count to 15 significant digits, the precision Excel keeps. */
  row(cells: readonly unknown[]): this {
    for (const cell of cells) {
      if (typeof cell === "number") this.feed(`n${Number(cell.toPrecision(15))}|`);
      else if (typeof cell === "boolean") this.feed(`b${cell ? 1 : 0}|`);
      else {
        const text = String(cell ?? "");
        this.feed(`s${text.length}:${text}|`);
      }
    }
    this.feed("\n");
    return this;
  }

  digest(): string {
    return `fnv1a64:${this.hi.toString(16).padStart(8, "0")}${this.lo.toString(16).padStart(8, "0")}`;
  }

  private feed(text: string): void {
    let { hi, lo } = this;
    for (let i = 0; i < text.length; i++) {
      lo = (lo ^ text.charCodeAt(i)) >>> 0;
      // Times the FNV prime 2^40 + 0x1b3, modulo 2^64, in 32-bit halves.
      const low = lo * 0x1b3;
      hi = (hi * 0x1b3 + Math.floor(low / 0x1_0000_0000) + ((lo << 8) >>> 0)) >>> 0;
      lo = low >>> 0;
    }
    this.hi = hi;
    this.lo = lo;
  }
}

/** The fingerprint of a block of values held whole. */
export function fingerprintOf(values: readonly (readonly Cell[])[]): string {
  const print = new Fingerprint(values.length, values[0]?.length ?? 0);
  values.forEach((row) => print.row(row));
  return print.digest();
}
