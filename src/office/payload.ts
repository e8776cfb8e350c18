/**
 * Keeping each context.sync() small. Excel on the web refuses a request or a response over 5 MB (Microsoft, "Resource
 * limits and performance optimization for Office Add-ins": "Excel on the web has a payload size limit for requests and
 * responses of 5MB"), so large reads go in blocks of rows and large writes in batches, each aimed at a fifth of that.
 */
import { a1, type Area } from "./cells";

/** What one sync aims to carry at most: a fifth of the limit, so an estimate off by several times still fits. */
export const SYNC_BUDGET = 1_000_000;
/** What one operation adds to a request besides its data: an object path or an action, as office.js sends them. */
export const OPERATION_BYTES = 150;
/** No read asks for more cells than this at once, however small they are (a read may never pass 5 million). */
const BLOCK_CELLS = 50_000;
/** Bytes per cell assumed for the first block of a read, before one is measured. */
const FIRST_GUESS = 100;

const encoder = new TextEncoder();

/** The UTF-8 size of `value` as JSON: roughly what it weighs in a request or a response. */
export function payloadBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** Whether Excel refused a sync for its size (it does so on the web only). */
export function tooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Reads `property` of `area` on `sheet` in blocks of whole rows, one sync each, and hands each block to `each` with its
 * first row's offset in the area. Each block is sized from what the previous one weighed, so a response stays near the
 * budget whether the cells hold numbers or paragraphs; a block Excel still refuses is read again in quarters.
 * `area.rows` may be a function, asked after the first sync (its loads can ride along with the first block);
 * `guess` is what a cell is assumed to weigh until a block is measured.
 */
export async function readRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  area: Omit<Area, "rows"> & { readonly rows: number | (() => number) },
  property: "formulas" | "values",
  each: (rows: unknown[][], offset: number) => void,
  guess = FIRST_GUESS,
): Promise<void> {
  let perCell = guess;
  let total = typeof area.rows === "number" ? area.rows : Infinity;
  // After a refusal, blocks stay at most a quarter of the refused one until past its rows: a light block inside a heavy
  // stretch must not talk the next one back up to the size Excel refused.
  let ceiling = { rows: Infinity, until: 0 };
  for (let done = 0; done < total; ) {
    const fits = Math.floor(Math.min(SYNC_BUDGET / perCell, BLOCK_CELLS) / area.columns);
    const rows = Math.max(1, Math.min(total - done, fits, done < ceiling.until ? ceiling.rows : Infinity));
    const block = sheet.getRange(a1({ row: area.row + done, column: area.column, rows, columns: area.columns }));
    block.load(property);
    try {
      await context.sync();
    } catch (error) {
      if (!tooLarge(error) || rows === 1) throw error;
      ceiling = { rows: Math.max(1, Math.floor(rows / 4)), until: done + rows };
      continue;
    }
    if (typeof area.rows === "function") total = area.rows();
    const data = block[property];
    perCell = Math.max(1, payloadBytes(data) / (rows * area.columns));
    each(data.slice(0, total - done), done);
    done += rows;
  }
}

/**
 * Reads `property` of each area, handing `each` the area's index, a block of its rows and the block's offset. Areas of
 * up to a first block's size are read together, several in one sync (a Ctrl+click selection of a few cells costs one);
 * larger ones, or a group Excel refuses, go through readRows.
 */
export async function readAreas(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  areas: readonly Area[],
  property: "formulas" | "values",
  each: (index: number, rows: unknown[][], offset: number) => void,
): Promise<void> {
  const small = SYNC_BUDGET / FIRST_GUESS;
  const cells = (i: number) => (areas[i] as Area).rows * (areas[i] as Area).columns;
  const indexes = areas.map((_, i) => i);
  const groups: number[][] = [];
  for (const i of indexes.filter((i) => cells(i) <= small)) {
    const group = groups[groups.length - 1];
    if (group && group.reduce((n, j) => n + cells(j), 0) + cells(i) <= small) group.push(i);
    else groups.push([i]);
  }
  for (const group of groups) {
    const ranges = group.map((i) => sheet.getRange(a1(areas[i] as Area)).load(property));
    try {
      await context.sync();
      ranges.forEach((range, k) => each(group[k] as number, range[property], 0));
    } catch (error) {
      if (!tooLarge(error)) throw error;
      for (const i of group) await readRows(context, sheet, areas[i] as Area, property, (rows, offset) => each(i, rows, offset));
    }
  }
  for (const i of indexes.filter((i) => cells(i) > small)) await readRows(context, sheet, areas[i] as Area, property, (rows, offset) => each(i, rows, offset));
}

/** Runs queued writes in syncs of about the budget each: `add` syncs what waits first when the next write would pass it. */
export class Batches {
  private pending = 0;

  constructor(private readonly context: Excel.RequestContext) {}

  /** Queues a write whose data weighs about `bytes` (see payloadBytes), in `operations` operations (a range and its write). */
  async add(bytes: number, write: () => void, operations = 2): Promise<void> {
    const cost = bytes + operations * OPERATION_BYTES;
    if (this.pending > 0 && this.pending + cost > SYNC_BUDGET) await this.flush();
    write();
    this.pending += cost;
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    this.pending = 0;
    await this.context.sync();
  }
}

/** Splits rows into runs whose JSON stays within half the budget each, so a run can be written with room to spare. */
export function runsOfRows<T>(rows: readonly T[]): { start: number; rows: T[]; bytes: number }[] {
  const runs: { start: number; rows: T[]; bytes: number }[] = [];
  let run: { start: number; rows: T[]; bytes: number } | null = null;
  rows.forEach((row, i) => {
    const bytes = payloadBytes(row) + 1;
    if (!run || (run.rows.length > 0 && run.bytes + bytes > SYNC_BUDGET / 2)) runs.push((run = { start: i, rows: [], bytes: 0 }));
    run.rows.push(row);
    run.bytes += bytes;
  });
  return runs;
}
