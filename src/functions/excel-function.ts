/** A library function as Excel calls it: data-type arguments read, answers remembered per argument list, misses as errors. */
import { KC, type KcName } from "../data/kc";
import { AnswerCache } from "./answer-cache";
import { readCellArguments } from "./cell-argument";
import { memoize } from "./memo";
import { guarded } from "./to-excel";

/** One bound for the answers of every KC function together, so adding a function does not add memory. */
const answers = new AnswerCache();

export function excel(name: KcName): (...args: unknown[]) => unknown {
  const run = KC[name];
  return memoize(
    (...args: unknown[]) =>
      guarded(name, args, () => {
        const read = readCellArguments(args);
        return read.ok ? run(...read.value) : read;
      }),
    answers,
  );
}
