/**
 * Remembers each function's answer per argument list. The dataset never changes while the add-in runs, so the same
 * arguments always give the same answer; a recalculation of thousands of cells then costs a few Map lookups each.
 * Arguments that are ranges (arrays) are not remembered, and the memory is bounded. Trailing omitted arguments
 * (Excel passes them as null) share the entry of the shorter call: every KC function reads them alike.
 */
const ANSWER = {};
type Node = Map<unknown, unknown>;

export function memoize<R>(fn: (...args: unknown[]) => R, limit = 20_000): (...args: unknown[]) => R {
  let root: Node = new Map();
  let size = 0;
  return (...args: unknown[]): R => {
    let node = root;
    let end = args.length;
    while (end > 0 && (args[end - 1] === null || args[end - 1] === undefined)) end--;
    for (let i = 0; i < end; i++) {
      const arg = args[i];
      if (arg !== null && typeof arg === "object") return fn(...args);
      let next = node.get(arg) as Node | undefined;
      if (next === undefined) {
        next = new Map();
        node.set(arg, next);
      }
      node = next;
    }
    if (node.has(ANSWER)) return node.get(ANSWER) as R;
    const answer = fn(...args);
    if (++size > limit) {
      root = new Map();
      size = 1;
      return answer;
    }
    node.set(ANSWER, answer);
    return answer;
  };
}
