/**
 * Remembers each function's answer per argument list. The dataset never changes while the add-in runs, so the same
 * arguments always give the same answer; a recalculation of thousands of cells then costs a few Map lookups each.
 * Arguments that are ranges (arrays) are not remembered, and the memory is bounded.
 */
const ANSWER = Symbol("answer");
type Node = Map<unknown, Node> & { [ANSWER]?: unknown };

export function memoize<R>(fn: (...args: unknown[]) => R, limit = 20_000): (...args: unknown[]) => R {
  let root: Node = new Map();
  let size = 0;
  return (...args: unknown[]): R => {
    let node = root;
    for (const arg of args) {
      if (arg !== null && typeof arg === "object") return fn(...args);
      let next = node.get(arg);
      if (next === undefined) {
        next = new Map() as Node;
        node.set(arg, next);
      }
      node = next;
    }
    if (ANSWER in node) return node[ANSWER] as R;
    const answer = fn(...args);
    if (++size > limit) {
      root = new Map();
      size = 1;
      return answer;
    }
    node[ANSWER] = answer;
    return answer;
  };
}
