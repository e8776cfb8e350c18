/**
 * Every KC function's id and name against Microsoft's rules for custom functions ("Custom functions naming and
 * localization", learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming): both start with a letter and
 * have at least three characters; an id uses only A–Z, 0–9, underscore and period; a name should not be a cell
 * reference (A1 to XFD1048576, R1C1 to R1048576C16384), an Excel 4.0 macro function, or a built-in Excel function.
 * The built-in names come from test/support/excel-builtin-functions.ts, which cites where they were read.
 */
import { KC_NAMES } from "../src/data/spec";
import { isBuiltinName, MACRO_FUNCTIONS, WORKSHEET_FUNCTIONS } from "./support/excel-builtin-functions";
import { functionsMetadata } from "./support/load-functions";

/** The rules a script can check, each returning what is wrong with a name (null when it passes). */
const NAME_RULES: Record<string, (name: string) => string | null> = {
  "starts with a letter": (name) => (/^[A-Za-z]/.test(name) ? null : `${name} does not start with a letter`),
  "at least three characters": (name) => (name.length >= 3 ? null : `${name} has fewer than three characters`),
  "only A–Z, 0–9, _ and . in an id": (name) => (/^[A-Z0-9_.]+$/.test(name) ? null : `${name} has a character an id may not use`),
  "not a cell reference": (name) => {
    const a1 = /^([A-Z]{1,3})([0-9]+)$/.exec(name);
    const column = a1 ? [...(a1[1] as string)].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) : 0;
    if (a1 && column <= 16_384 && Number(a1[2]) >= 1 && Number(a1[2]) <= 1_048_576) return `${name} is a cell reference`;
    const r1c1 = /^R([0-9]+)C([0-9]+)$/.exec(name);
    if (r1c1 && Number(r1c1[1]) <= 1_048_576 && Number(r1c1[2]) <= 16_384) return `${name} is an R1C1 cell reference`;
    return null;
  },
  "not a built-in Excel worksheet or macro function": (name) => (isBuiltinName(name) ? `${name} is a built-in Excel function` : null),
};

const problems = (name: string) => Object.values(NAME_RULES).map((rule) => rule(name)).filter((p): p is string => p !== null);

describe("KC function names", () => {
  it("has a list of Excel's built-in names large enough to mean something", () => {
    expect(WORKSHEET_FUNCTIONS.length).toBeGreaterThan(400);
    expect(MACRO_FUNCTIONS.length).toBeGreaterThan(100);
  });

  it.each(KC_NAMES)("%s follows every rule", (name) => {
    expect(problems(name)).toEqual([]);
  });

  it("uses the spec's names as the generated metadata's ids and names", () => {
    for (const f of functionsMetadata()) expect([...problems(f.id), ...problems(f.name)]).toEqual([]);
  });

  it.each([
    ["FX", "fewer than three characters"],
    ["VALUE", "built-in"],
    ["GROWTH", "built-in"],
    ["INFO", "built-in"],
    ["SERIES", "built-in"],
    ["GET.CELL", "built-in"],
    ["XFD1048576", "cell reference"],
    ["R1C1", "R1C1 cell reference"],
    ["9LIVES", "does not start with a letter"],
    ["KC-VALUE", "character an id may not use"],
  ])("refuses %s (%s)", (name, why) => {
    expect(problems(name).join("; ")).toContain(why);
  });
});
