/**
 * Every literal the curated layer writes by hand is either an anchor the pages must contain, or a value checked
 * against its line: change any one of them and generation fails (or, for an equivalent change, the dataset comes out
 * the same). Each mutant of scripts/data/curated.ts is transpiled and evaluated in memory in place of the real module,
 * then the real buildDataset + validate run with it; nothing is written to the checkout.
 */
import { readFileSync } from "fs";
import { join, resolve } from "path";
import * as ts from "typescript";

const ROOT = join(__dirname, "..");
const DATA = join(ROOT, "scripts", "data");
const CURATED = join(DATA, "curated.ts");

type Literal = { start: number; end: number; text: string; kind: "string" | "number" };
type Outcome = { literal: Literal; mutant: string; result: "equivalent" | "survived" | string; message: string };

/**
 * The add-in's own words, which no page states: a quote's field, label and unit (`name(…)`), and the sections, ids,
 * titles and notes curated.ts marks `ours(…)`. These, and literals in type positions, are the only ones not mutated.
 */
const NAMING_CALLS = new Set(["name", "ours"]);

function literalsOf(text: string): { literals: Literal[]; excluded: { naming: Literal[]; types: Literal[] } } {
  const file = ts.createSourceFile(CURATED, text, ts.ScriptTarget.ES2022, true);
  const literals: Literal[] = [];
  const excluded = { naming: [] as Literal[], types: [] as Literal[] };
  const visit = (node: ts.Node, inType: boolean, inNaming: boolean): void => {
    if (ts.isImportDeclaration(node)) return;
    const isString = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node);
    if (isString || ts.isNumericLiteral(node)) {
      const literal: Literal = { start: node.getStart(file), end: node.getEnd(), text: node.getText(file), kind: isString ? "string" : "number" };
      if (inType) excluded.types.push(literal);
      else if (inNaming) excluded.naming.push(literal);
      else literals.push(literal);
    }
    const naming = inNaming || (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && NAMING_CALLS.has(node.expression.text));
    ts.forEachChild(node, (child) => visit(child, inType || ts.isTypeNode(child), naming));
  };
  visit(file, false, false);
  return { literals, excluded };
}

/** One mutant per literal: a number plus one; a string's first digit plus one, else its first letter shifted, else one letter appended. */
function mutate(literal: Literal): string {
  if (literal.kind === "number") return String(Number(literal.text.replace(/_/g, "")) + 1);
  // A literal's text is its delimiters around its body: "…", '…', `…`, `…${, }…${ or }…`.
  const head = literal.text.slice(0, 1);
  const body = literal.text.slice(1, literal.text.endsWith("${") ? -2 : -1);
  const tail = literal.text.slice(1 + body.length);
  const digit = /\d/.exec(body);
  if (digit) return `${head}${body.slice(0, digit.index)}${(Number(digit[0]) + 1) % 10}${body.slice(digit.index + 1)}${tail}`;
  const letter = /(?<!\\)[A-Za-z]/.exec(body);
  if (letter) {
    const c = letter[0];
    const next = c === "z" ? "a" : c === "Z" ? "A" : String.fromCharCode(c.charCodeAt(0) + 1);
    return `${head}${body.slice(0, letter.index)}${next}${body.slice(letter.index + 1)}${tail}`;
  }
  return `${head}${body}x${tail}`;
}

/** The module a curated.ts text gives, its imports resolved from scripts/data. */
function evaluate(text: string): Record<string, unknown> {
  const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  // The mutant is our own source, transpiled in memory; its imports come from jest's registry like any module's.
  new Function("require", "exports", "module", js)((path: string) => jest.requireActual(resolve(DATA, path)), module.exports, module);
  return module.exports;
}

let current: Record<string, unknown> = {};
jest.doMock("../scripts/data/curated", () => new Proxy({}, { get: (_, key) => (key === "__esModule" ? true : current[key as string]) }));
// Loaded after the mock, so that it builds with `current` in place of curated.ts.
const { buildDataset, validate } = jest.requireActual<typeof import("../scripts/data/dataset")>("../scripts/data/dataset");

const generate = (text: string): string => {
  current = evaluate(text);
  return JSON.stringify(validate(buildDataset(ROOT)));
};

describe("the curated layer reads, it does not type", () => {
  const text = readFileSync(CURATED, "utf8");
  const { literals, excluded } = literalsOf(text);

  it("builds with the evaluated text in place of curated.ts, and unmutated gives what the module itself gives", () => {
    expect(() => generate("export {};")).toThrow(TypeError);
    const real = jest.requireActual("../scripts/data/curated") as Record<string, unknown>;
    current = real;
    const expected = JSON.stringify(validate(buildDataset(ROOT)));
    expect(generate(text)).toBe(expected);
  });

  it("fails generation, or changes nothing, for a change to any hand-written literal", () => {
    expect(() => generate("export {};")).toThrow(TypeError); // mutants really replace curated.ts
    const started = Date.now();
    const baseline = generate(text);
    const outcomes: Outcome[] = literals.map((literal) => {
      const mutant = mutate(literal);
      const mutated = `${text.slice(0, literal.start)}${mutant}${text.slice(literal.end)}`;
      try {
        const output = generate(mutated);
        return { literal, mutant, result: output === baseline ? "equivalent" : "survived", message: "" };
      } catch (error) {
        return { literal, mutant, result: error instanceof Error ? error.name : "thrown", message: error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error) };
      }
    });
    const line = (l: Literal) => text.slice(0, l.start).split("\n").length;
    const counts: Record<string, number> = {};
    for (const o of outcomes) counts[o.result] = (counts[o.result] ?? 0) + 1;
    const survivors = outcomes.filter((o) => o.result === "survived").map((o) => `curated.ts:${line(o.literal)} ${o.literal.text} -> ${o.mutant}`);
    process.stdout.write(
      [
        `curated.ts literals: ${literals.length + excluded.naming.length + excluded.types.length}`,
        `excluded: ${excluded.naming.length} the add-in's own words (name(…), ours(…)), ${excluded.types.length} in type positions`,
        `mutants: ${outcomes.length}; by outcome: ${JSON.stringify(counts)} (set CURATED_MUTATION_VERBOSE=1 to list the equivalent ones)`,
        `time: ${((Date.now() - started) / 1000).toFixed(1)} s`,
        ...(process.env.CURATED_MUTATION_VERBOSE ? outcomes.filter((o) => o.result === "equivalent").map((o) => `equivalent: curated.ts:${line(o.literal)} ${o.literal.text} -> ${o.mutant}`) : []),
        ...survivors.map((s) => `survived: ${s}`),
      ].join("\n") + "\n",
    );
    expect(survivors).toEqual([]);
    // A lost anchor or a failed check says which dataset field it was for, and where.
    const unnamed = outcomes
      .filter((o) => o.result === "SeedCitationError" || o.result === "CuratedError")
      .filter((o) => !/^[a-zA-Z][^:]*: .*\d{3}_[\da-f]+\.txt/.test(o.message))
      .map((o) => `curated.ts:${line(o.literal)} ${o.mutant}: ${o.message}`);
    expect(unnamed).toEqual([]);
  });
});
