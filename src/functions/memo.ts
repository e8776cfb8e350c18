/**
 * Remembers each function's answer per argument list. The dataset never changes while the add-in runs, so the same
 * arguments always give the same answer; a recalculation of thousands of cells then costs a few Map lookups each.
 * Arguments that are ranges (arrays) are not remembered, and the memory is bounded. Trailing omitted arguments
 * (Excel passes them as null) share the entry of the shorter call: every KC function reads them alike.
 */
const ANSWER = {};
type Node = Map<unknown, unknown>;

/** For functions of up to five arguments, which is every KC function; named parameters keep the hot path allocation-free. */
export function memoize<R>(fn: (...args: unknown[]) => R, limit = 20_000): (a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown) => R {
  let root: Node = new Map();
  let size = 0;
  const step = (node: Node, arg: unknown): Node => {
    let next = node.get(arg) as Node | undefined;
    if (next === undefined) {
      next = new Map();
      node.set(arg, next);
    }
    return next;
  };
  return (a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown): R => {
    const args = [a, b, c, d, e];
    let end = 5;
    while (end > 0 && (args[end - 1] === null || args[end - 1] === undefined)) end--;
    let node = root;
    for (let i = 0; i < end; i++) {
      const arg = args[i];
      if (arg !== null && typeof arg === "object") return fn(...args.slice(0, end));
      node = step(node, arg);
    }
    const hit = node.get(ANSWER);
    if (hit !== undefined || node.has(ANSWER)) return hit as R;
    const answer = fn(...args.slice(0, end));
    if (++size > limit) {
      root = new Map();
      size = 1;
      return answer;
    }
    node.set(ANSWER, answer);
    return answer;
  };
}
