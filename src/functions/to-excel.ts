/** Turns a lookup's Result into what a custom function returns: the value, or an Excel error with its message. */
import type { CellValue, Result } from "../data/result";

export function toExcel<T extends CellValue>(result: Result<T>): T | CustomFunctions.Error {
  if (result.ok) return result.value;
  const code = result.code === "invalid" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
  return new CustomFunctions.Error(code, result.message);
}

/** A last line of defence: a fault in the add-in shows as #VALUE! with a message, never as an uncaught exception. */
export function guarded<T extends CellValue>(run: () => Result<T>): T | CustomFunctions.Error {
  try {
    return toExcel(run());
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `KC internal error: ${detail.slice(0, 200)}`);
  }
}
