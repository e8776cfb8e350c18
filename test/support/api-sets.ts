/**
 * The Office.js members a set of source files uses, the requirement set each needs, and whether a run-time check covers
 * each use. A member's set is the one @types/office-js or @types/custom-functions-runtime annotates it with
 * (`[Api set: ExcelApi 1.12]`, or `**Requirement set**: {@link … | SharedRuntime 1.1}`), else its class's, interface's
 * or enum's. Where an annotation names several versions ("ExcelApi 1.1 for reading visibility; 1.2 for setting it"),
 * the highest counts.
 *
 * A use is covered by a check of set S at version V (V at least the version needed) when, going outwards from it:
 *  - it lies in the then-branch of `if (check)` or `if (check && …)`;
 *  - or it follows, in the same block, `if (!check)` whose branch ends in `return` or `throw`;
 *  - or it lies in a named function (a function declaration or method, or a function assigned to a `const`) and every
 *    use of that name in the files is covered, and there is at least one. Other functions (callbacks) are where they
 *    are written: the walk goes on outwards.
 * A check is `supports("S", "V")` from src/office/requirements.ts or `Office.context.requirements.isSetSupported("S",
 * "V")` with literal arguments; the deprecated `Office.isSetSupported` is no check (its own JSDoc: inaccurate on desktop).
 * Members are found where they are named (`a.b`, `a.b()`, `new a.B()`), not through `a["b"]` or destructuring, and a
 * string value that only a later set accepts (an enum written as its string) is not seen: the annotations are per member.
 */
import { join, relative } from "path";
import ts from "typescript";

export const ROOT = join(__dirname, "..", "..");
const TYPES = [join(ROOT, "node_modules/@types/office-js/index.d.ts"), join(ROOT, "node_modules/@types/custom-functions-runtime/index.d.ts")];
const SUPPORTS = join(ROOT, "src/office/requirements.ts");

/** A requirement set at a version; "preview" for members only the preview (beta) library has. */
export type ApiSet = { readonly name: string; readonly version: string };
export type Use = { readonly file: string; readonly line: number; readonly member: string; readonly needs: ApiSet | null; readonly checkedBy: ApiSet | null };

export const show = (set: ApiSet) => `${set.name} ${set.version}`;

/** -1, 0 or 1 as version a is below, equal to or above b; "preview" is above every number. */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "preview" || b === "preview") return a === "preview" ? 1 : -1;
  const [x, y] = [a, b].map((v) => v.split(".").map(Number)) as [number[], number[]];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0) ? -1 : 1;
  return 0;
}

/** Whether `have` (a set the manifest requires, or a check) provides what `need` asks for. */
export const provides = (have: ApiSet, need: ApiSet) => have.name === need.name && need.version !== "preview" && compareVersions(have.version, need.version) >= 0;

/** The sets one JSDoc block names, one per set name, each at the highest version it mentions. */
export function setsInDoc(doc: string): ApiSet[] {
  const found = new Map<string, string>();
  const note = (name: string, version: string) => {
    const before = found.get(name);
    if (!before || compareVersions(version, before) > 0) found.set(name, version);
  };
  for (const [, text] of doc.matchAll(/\[Api set: *([^\]]+)\]/g)) {
    const name = /^([A-Za-z]+)/.exec(text as string)?.[1];
    if (!name) continue;
    const versions = [...(text as string).matchAll(/\b(\d+\.\d+)\b/g)].map((m) => m[1] as string);
    if (versions.length) versions.forEach((v) => note(name, v));
    else if (/beta|preview/i.test(text as string)) note(name, "preview");
  }
  for (const [, name, version] of doc.matchAll(/\{@link https:\/\/learn\.microsoft\.com\/javascript\/api\/requirement-sets\/[^|}]*\|\s*([A-Za-z]+) (\d+\.\d+)\s*\}/g)) {
    note(name as string, version as string);
  }
  return [...found].map(([name, version]) => ({ name, version }));
}

/** The sets manifest.xml's `<Requirements>` declares (a `<Set>` without MinVersion takes `<Sets DefaultMinVersion>`, else 1.1). */
export function manifestSets(xml: string): ApiSet[] {
  const block = /<Requirements>\s*<Sets([^>]*)>([\s\S]*?)<\/Sets>/.exec(xml.replace(/<!--[\s\S]*?-->/g, ""));
  if (!block) return [];
  const fallback = /DefaultMinVersion="([^"]+)"/.exec(block[1] as string)?.[1] ?? "1.1";
  return [...(block[2] as string).matchAll(/<Set\s+([^>]*?)\/?>/g)].map(([, attributes]) => ({
    name: /Name="([^"]+)"/.exec(attributes as string)?.[1] ?? "",
    version: /MinVersion="([^"]+)"/.exec(attributes as string)?.[1] ?? fallback,
  }));
}

/** A Program over `files` with the project's compiler options (tsconfig.json). */
export function programFor(files: readonly string[]): ts.Program {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return ts.createProgram({ rootNames: [...files], options: { ...options, noEmit: true } });
}

/** The project's src/**\/*.ts files, as tsconfig.json includes them. */
export function sourceFiles(): string[] {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).fileNames.filter((f) => f.startsWith(join(ROOT, "src") + "/") && f.endsWith(".ts"));
}

const docOf = (node: ts.Node) => node.getSourceFile().text.slice(node.getFullStart(), node.getStart());
const isOffice = (node: ts.Node) => TYPES.includes(node.getSourceFile().fileName);

/** The set a declaration needs: its own annotation, else its class's, interface's or enum's. */
function setOf(declaration: ts.Declaration): ApiSet | null {
  const own = setsInDoc(docOf(declaration));
  const parent = declaration.parent;
  const sets = own.length ? own : ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isEnumDeclaration(parent) ? setsInDoc(docOf(parent)) : [];
  if (sets.length > 1) throw new Error(`${declaration.getText().slice(0, 80)} names several sets: ${sets.map(show).join(", ")}`);
  return sets[0] ?? null;
}

/** Every use of an Office.js member in `files`, with the set it needs and the check that covers it, if any. */
export function officeUses(program: ts.Program, files: readonly string[]): Use[] {
  const checker = program.getTypeChecker();
  const inScope = files.map((f) => program.getSourceFile(f)).filter((f): f is ts.SourceFile => f !== undefined);
  if (inScope.length !== files.length) throw new Error("a file is missing from the program");
  const resolve = (node: ts.Node) => {
    const symbol = checker.getSymbolAtLocation(node);
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  };

  // Uses of each name declared in the files, for following a named function to its callers.
  const references = new Map<ts.Symbol, ts.Identifier[]>();
  const collect = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !ts.isImportSpecifier(node.parent) && !ts.isImportClause(node.parent) && !ts.isNamespaceImport(node.parent) && !ts.isExportSpecifier(node.parent)) {
      const symbol = resolve(node);
      const declaration = symbol?.declarations?.[0];
      if (symbol && declaration && (declaration as ts.NamedDeclaration).name !== node) references.set(symbol, [...(references.get(symbol) ?? []), node]);
    }
    ts.forEachChild(node, collect);
  };
  inScope.forEach(collect);

  /** The set and version a call checks, if it is a check with literal arguments. */
  const checkOf = (expression: ts.Expression): ApiSet | null => {
    const node = ts.isParenthesizedExpression(expression) ? expression.expression : expression;
    if (!ts.isCallExpression(node) || node.arguments.length !== 2 || !node.arguments.every(ts.isStringLiteralLike)) return null;
    const declaration = resolve(ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression)?.declarations?.[0];
    const helper = declaration && ts.isFunctionDeclaration(declaration) && declaration.name?.text === "supports" && declaration.getSourceFile().fileName === SUPPORTS;
    const office = declaration && isOffice(declaration) && ts.isMethodSignature(declaration) && ts.isInterfaceDeclaration(declaration.parent) && declaration.parent.name.text === "RequirementSetSupport";
    const [name, version] = node.arguments.map((a) => (a as ts.StringLiteralLike).text) as [string, string];
    return helper || office ? { name, version } : null;
  };
  /** Checks a condition makes true in its then-branch: `check`, `check && …`. */
  const whenTrue = (condition: ts.Expression): ApiSet[] => {
    if (ts.isParenthesizedExpression(condition)) return whenTrue(condition.expression);
    if (ts.isBinaryExpression(condition) && condition.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return [...whenTrue(condition.left), ...whenTrue(condition.right)];
    const check = checkOf(condition);
    return check ? [check] : [];
  };
  const exits = (statement: ts.Statement): boolean =>
    ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || (ts.isBlock(statement) && statement.statements.length > 0 && exits(statement.statements[statement.statements.length - 1] as ts.Statement));
  /** Checks that an early exit leaves true after it: `if (!check) return …;`. */
  const afterExit = (statement: ts.Statement): ApiSet | null => {
    if (!ts.isIfStatement(statement) || statement.elseStatement || !exits(statement.thenStatement)) return null;
    const condition = statement.expression;
    return ts.isPrefixUnaryExpression(condition) && condition.operator === ts.SyntaxKind.ExclamationToken ? checkOf(condition.operand) : null;
  };

  /** The check covering `node` for `need`, if any (see the rule at the top of this file). */
  const coveredBy = (node: ts.Node, need: ApiSet, visiting: Set<ts.Symbol>): ApiSet | null => {
    for (let child: ts.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (ts.isIfStatement(parent) && parent.thenStatement === child) {
        const check = whenTrue(parent.expression).find((c) => provides(c, need));
        if (check) return check;
      }
      if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
        const earlier = parent.statements.slice(0, parent.statements.indexOf(child as ts.Statement));
        const check = earlier.map(afterExit).find((c): c is ApiSet => c !== null && provides(c, need));
        if (check) return check;
      }
      const named =
        ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent)
          ? parent.name
          : (ts.isArrowFunction(parent) || ts.isFunctionExpression(parent)) && ts.isVariableDeclaration(parent.parent) && ts.isIdentifier(parent.parent.name)
            ? parent.parent.name
            : undefined;
      if (named) return callersCovered(named, need, visiting);
    }
    return null;
  };
  const callersCovered = (name: ts.Node, need: ApiSet, visiting: Set<ts.Symbol>): ApiSet | null => {
    const symbol = resolve(name);
    if (!symbol || visiting.has(symbol)) return null;
    const callers = references.get(symbol) ?? [];
    const checks = callers.map((use) => coveredBy(use, need, new Set([...visiting, symbol])));
    return callers.length && checks.every((c) => c !== null) ? checks[0] ?? null : null;
  };

  const uses: Use[] = [];
  const visit = (node: ts.Node): void => {
    let declaration: ts.Declaration | undefined;
    let at: ts.Node | undefined;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      declaration = checker.getResolvedSignature(node)?.declaration as ts.Declaration | undefined;
      at = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
    } else if (ts.isPropertyAccessExpression(node) && !(ts.isCallExpression(node.parent) && node.parent.expression === node) && !(ts.isNewExpression(node.parent) && node.parent.expression === node)) {
      at = node.name;
      declaration = resolve(node.name)?.declarations?.[0];
    }
    if (at && declaration && isOffice(declaration)) {
      const symbol = resolve(at);
      const needs = setOf(declaration);
      const { line } = node.getSourceFile().getLineAndCharacterOfPosition(at.getStart());
      uses.push({
        file: relative(ROOT, node.getSourceFile().fileName),
        line: line + 1,
        member: symbol ? checker.getFullyQualifiedName(symbol) : at.getText(),
        needs,
        checkedBy: needs ? coveredBy(node, needs, new Set()) : null,
      });
    }
    ts.forEachChild(node, visit);
  };
  inScope.forEach(visit);
  return uses;
}

/** Each use the manifest's sets do not provide and no check covers, as "src/file.ts:line Member needs …". */
export function violations(uses: readonly Use[], declared: readonly ApiSet[]): string[] {
  const stated = declared.map(show).join(", ") || "no sets";
  return uses
    .filter((u) => u.needs && !declared.some((d) => provides(d, u.needs as ApiSet)) && !u.checkedBy)
    .map((u) => `${u.file}:${u.line} ${u.member} needs ${show(u.needs as ApiSet)}; manifest declares ${stated}; no isSetSupported guard`);
}
