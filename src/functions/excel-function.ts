/** A library function as Excel calls it: data-type arguments read, answers remembered per argument list, misses as errors. */
import type { DataTypeValue } from "../data/data-types";
import type { DataTypeKind } from "../data/spec";
import { KC, type KcName } from "../data/kc";
import { DATA_TYPES } from "../data/spec";
import type { Result } from "../data/result";
import { hasDataType } from "../office/requirements";
import { AnswerCache } from "./answer-cache";
import { readCellArguments } from "./cell-argument";
import { memoize } from "./answer-memo";
import { guarded, type Answer } from "./to-excel";

/** One bound for the answers of every KC function together, so adding a function does not add memory. */
const answers = new AnswerCache();

type Run = (...args: unknown[]) => Result<Answer>;

function answering(name: KcName, run: Run) {
  return memoize(
    (...args: unknown[]) =>
      guarded(name, args, () => {
        const read = readCellArguments(args);
        return read.ok ? run(...read.value) : read;
      }),
    answers,
  );
}

/**
 * KC.NAME as Excel calls it. A function whose spec names data-type sets answers `dataType`'s value where this Excel
 * has every one of them, asked at each call (the shared runtime answers once Office is ready), and the library's
 * plain value elsewhere; the two are remembered apart.
 */
export function excel(name: KcName, dataType?: (...args: unknown[]) => Result<DataTypeValue>): (...args: unknown[]) => unknown {
  const plain = answering(name, KC[name]);
  const kind = (DATA_TYPES as Partial<Record<KcName, DataTypeKind>>)[name];
  if (!dataType || !kind) return plain;
  const rich = answering(name, dataType);
  return (...args: unknown[]) => (hasDataType(kind) ? rich : plain)(...args);
}
