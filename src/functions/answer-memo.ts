/**
 * Remembers each function's answer per argument list. The dataset never changes while the add-in runs, so the same
 * arguments always give the same answer; a recalculation of thousands of cells then costs a few Map lookups each.
 * Answers are kept in a tree of Maps, one level per argument, so that 1 and "1" stay apart and no key is built;
 * an AnswerCache bounds how many and how large, forgetting the least recently used. Arguments that are ranges
 * (arrays) are not remembered. Trailing omitted arguments (Excel passes them as null) share the entry of the shorter
 * call: every KC function reads them alike.
 */
import { AnswerCache, type Entry } from "./answer-cache";
import { estimateBytes } from "./estimate-bytes";

const ANSWER = {};
type Node = Map<unknown, unknown>;

/**
 * What one remembered answer costs beyond its arguments and value, measured on Node 20's V8 and rounded up: the entry,
 * its closure and key array, and a Map for each argument (one-argument entries took 453 bytes, each further argument
 * about 215 more).
 */
const ENTRY_BYTES = 230;
const LEVEL_BYTES = 220;

function step(node: Node, arg: unknown): Node {
  let next = node.get(arg) as Node | undefined;
  if (next === undefined) {
    next = new Map();
    node.set(arg, next);
  }
  return next;
}

/** Removes the answer for `key` and every Map left empty on its path, so forgotten arguments hold no memory. */
function forget(root: Node, key: readonly unknown[]): void {
  const path: Node[] = [root];
  for (const arg of key) {
    const next = (path[path.length - 1] as Node).get(arg) as Node | undefined;
    if (next === undefined) return;
    path.push(next);
  }
  (path[key.length] as Node).delete(ANSWER);
  for (let i = key.length; i > 0 && (path[i] as Node).size === 0; i--) (path[i - 1] as Node).delete(key[i - 1]);
}

/** For functions of up to five arguments, which is every KC function. */
export function memoize<R>(fn: (...args: unknown[]) => R, cache: AnswerCache = new AnswerCache()): (a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown) => R {
  const root: Node = new Map();
  const remember = (key: unknown[], answer: R): void => {
    let bytes = ENTRY_BYTES + estimateBytes(answer);
    for (const arg of key) bytes += LEVEL_BYTES + estimateBytes(arg);
    if (bytes > cache.maxBytes) return;
    let node = root;
    for (const arg of key) node = step(node, arg);
    const entry: Entry = { answer, bytes, forget: () => forget(root, key), older: null, newer: null };
    node.set(ANSWER, entry);
    cache.add(entry);
  };
  return (a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown): R => {
    const args = [a, b, c, d, e];
    let end = 5;
    while (end > 0 && (args[end - 1] === null || args[end - 1] === undefined)) end--;
    let node: Node | undefined = root;
    for (let i = 0; i < end; i++) {
      const arg = args[i];
      if (arg !== null && typeof arg === "object") return fn(...args.slice(0, end));
      if (node !== undefined) node = node.get(arg) as Node | undefined;
    }
    const hit = node?.get(ANSWER) as Entry | undefined;
    if (hit !== undefined) {
      cache.touch(hit);
      return hit.answer as R;
    }
    const key = args.slice(0, end);
    const answer = fn(...key);
    remember(key, answer);
    return answer;
  };
}
