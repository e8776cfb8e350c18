/**
 * How much the KC functions may remember, all of them together: at most MAX_ENTRIES answers and MAX_BYTES by
 * estimate, forgetting the least recently used answer first. Each function keeps its answers where it finds them
 * fastest (answer-memo.ts); this cache only orders them by use, counts them and tells a function when to forget one.
 */

/**
 * Twice the 10,000 formulas of the benchmark's model, all distinct: a model's recalculation fits and is answered from
 * memory. A larger one is still right, its extra calls computed afresh (tens of microseconds each).
 */
export const MAX_ENTRIES = 20_000;

/**
 * Above 20,000 ordinary answers (a number or a message with its arguments: 500–900 bytes each by the estimate, which
 * matches V8's heap within a few percent), so for them the count binds. Long text meets this bound first: a cell may
 * hold 32,767 characters, about 64 KiB as a key, so some 380 such calls fill it, where 20,000 would take 1.3 GB.
 */
export const MAX_BYTES = 24 * 1024 * 1024;

/** An answer as the cache holds it: its size, how to forget it, and its neighbours in the order of use. */
export type Entry = {
  readonly answer: unknown;
  readonly bytes: number;
  readonly forget: () => void;
  older: Entry | null;
  newer: Entry | null;
};

export class AnswerCache {
  private oldest: Entry | null = null;
  private newest: Entry | null = null;
  private count = 0;
  private total = 0;

  constructor(
    readonly maxEntries = MAX_ENTRIES,
    readonly maxBytes = MAX_BYTES,
  ) {}

  get entries(): number {
    return this.count;
  }

  get bytes(): number {
    return this.total;
  }

  /** Marks an answer as just used; the newest stays in place, so a repeated call writes nothing. */
  touch(entry: Entry): void {
    if (entry === this.newest) return;
    this.unlink(entry);
    this.append(entry);
  }

  /** Takes a new answer as the most recently used, forgetting the least recently used while over either bound. */
  add(entry: Entry): void {
    this.append(entry);
    this.count++;
    this.total += entry.bytes;
    while ((this.count > this.maxEntries || this.total > this.maxBytes) && this.oldest) {
      const old = this.oldest;
      this.unlink(old);
      this.count--;
      this.total -= old.bytes;
      old.forget();
    }
  }

  private unlink(entry: Entry): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = entry.newer = null;
  }

  private append(entry: Entry): void {
    entry.older = this.newest;
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
  }
}
