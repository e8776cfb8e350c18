import { MAX_NAME_LENGTH } from "./normalize";

/**
 * A small memo for parsed arguments, cleared when full so hostile inputs cannot grow it without bound. Text longer
 * than any name is not kept: no name or period reads from it, and 4,096 keys of 32,767 characters would hold 256 MiB.
 */
export class ArgumentMemo<V> {
  private readonly map = new Map<unknown, V>();
  constructor(private readonly limit = 4096) {}
  get(key: unknown, compute: () => V): V {
    if (typeof key === "string" && key.length > MAX_NAME_LENGTH) return compute();
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}
