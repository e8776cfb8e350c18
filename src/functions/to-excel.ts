/** Turns a lookup's Result into what a custom function returns: the value, or an Excel error with its message. */
import type { DataTypeValue } from "../data/data-types";
import { explain } from "../data/messages";
import type { CellValue, Result } from "../data/result";

/** What a custom function may answer: a plain value or grid, or a data type where the host has them. */
export type Answer = CellValue | DataTypeValue;
import { recordFault } from "./faults";

export function toExcel<T extends Answer>(result: Result<T>): T | CustomFunctions.Error {
  if (result.ok) return result.value;
  const code = result.code === "invalid" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
  return new CustomFunctions.Error(code, explain(result.reason));
}

/**
 * A last line of defence. A refused argument arrives as a Result miss and keeps its own message; an exception is a
 * defect in the add-in: it is recorded and reported as a fault, and the cell still shows #VALUE! with a message
 * instead of an uncaught exception.
 */
export function guarded<T extends Answer>(name: string, args: readonly unknown[], run: () => Result<T>): T | CustomFunctions.Error {
  try {
    return toExcel(run());
  } catch (error) {
    const fault = recordFault(name, args, error);
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `KC internal error: ${fault.message}`);
  }
}
