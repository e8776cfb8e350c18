/**
 * src/ holds what the shipped bundles run: every module and JSON file under it is reached from one of webpack's
 * entries by imports that carry a value, including the import the dataset's JSON loader adds, or is the schema whose
 * types they are written against. What only generation or tests need lives in scripts/ or test/, so a parser or
 * helper that the add-in never runs cannot sit in src/ looking like part of it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";
import ts from "typescript";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const packJsonLoader = require("../scripts/pack-json-loader.js") as (source: string) => string;

const ROOT = join(__dirname, "..");
const ENTRIES = ["src/functions/functions.ts", "src/taskpane/taskpane.ts"];

/** The module specifiers of a module's imports and re-exports: `values` those that bring values along, `types` the rest. */
function importsOf(file: string): { values: string[]; types: string[] } {
  // A JSON file is bundled as the module the dataset's loader makes of it.
  const text = file.endsWith(".json") ? packJsonLoader(readFileSync(file, "utf8")) : readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const types: string[] = [];
  const found: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.importClause?.namedBindings;
      const onlyTypes = node.importClause?.isTypeOnly === true
        || (!node.importClause?.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly));
      (onlyTypes ? types : found).push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      (node.isTypeOnly ? types : found).push(node.moduleSpecifier.text);
    }
  }
  const local = (specifiers: string[]) => specifiers.filter((s) => s.startsWith(".") || s.startsWith("/"));
  return { values: local(found), types: local(types) };
}

function resolveModule(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const candidate = [base, `${base}.ts`, join(base, "index.ts")].find((p) => existsSync(p) && statSync(p).isFile());
  if (!candidate) throw new Error(`${relative(ROOT, from)} imports ${specifier}, which resolves to no file`);
  return candidate;
}

/** The files the entries run, and the files those import for their types only. */
function reachable(): { runs: Set<string>; typesOnly: Set<string> } {
  const seen = new Set<string>();
  const typed = new Set<string>();
  const queue = ENTRIES.map((e) => join(ROOT, e));
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const { values, types } = importsOf(file);
    queue.push(...values.map((s) => resolveModule(file, s)));
    types.forEach((s) => typed.add(resolveModule(file, s)));
  }
  const rel = (files: Iterable<string>) => new Set([...files].map((f) => relative(ROOT, f)));
  return { runs: rel(seen), typesOnly: rel([...typed].filter((f) => !seen.has(f))) };
}

const under = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? under(join(dir, e.name)) : [join(dir, e.name)]));

describe("runtime modules", () => {
  it("every .ts and .json file under src/ is run by a shipped bundle, the schema aside", () => {
    const { runs, typesOnly } = reachable();
    const files = under("src").filter((f) => /\.(ts|json)$/.test(f) && !f.endsWith(".d.ts"));
    expect(files.length).toBeGreaterThan(50);
    expect(runs.has("src/data/unpack.ts")).toBe(true);
    expect(files.filter((f) => !runs.has(f))).toEqual(["src/data/schema.ts"]);
    expect([...typesOnly]).toEqual(["src/data/schema.ts"]);
  });

  it("the generator's figure parser is not among them", () => {
    expect(reachable().runs.has("scripts/data/parse.ts")).toBe(false);
    expect(existsSync(join(ROOT, "scripts", "data", "parse.ts"))).toBe(true);
  });
});
