/**
 * Tree-shakes a library that ships only as a prebuilt webpack 3/4 bundle (one UMD file whose modules are keyed by
 * path, such as @microsoft/office-js-helpers): keeps the entry module's re-exports named in `options.exports`, drops
 * the rest, and drops every module the kept ones no longer reach. webpack cannot do this itself, because to it the
 * whole file is one CommonJS module. The build stops if the file is not shaped as expected or an export is missing.
 */
const acorn = require("acorn");

class PrebuiltBundleError extends Error {
  name = "PrebuiltBundleError";
}

/** Every AST node under `node`, depth first. */
function* nodes(node) {
  if (!node || typeof node.type !== "string") return;
  yield node;
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === "string") yield* nodes(child);
  }
}

const isString = (node) => node?.type === "Literal" && typeof node.value === "string";
const isRequire = (node) => node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "__webpack_require__";

/** The module map: an object literal of "./path" keys to module functions, the largest one in the file. */
function moduleMap(ast) {
  const maps = [...nodes(ast)].filter(
    (node) => node.type === "ObjectExpression" && node.properties.length > 1 && node.properties.every((p) => isString(p.key) && p.key.value.startsWith("./") && p.value.type === "FunctionExpression"),
  );
  if (maps.length === 0) throw new PrebuiltBundleError("no webpack module map keyed by path");
  return maps.reduce((a, b) => (b.properties.length > a.properties.length ? b : a));
}

/** The entry module's id, from the bootstrap's `__webpack_require__.s = "./src/index.ts"`. */
function entryId(ast) {
  for (const node of nodes(ast)) {
    if (node.type === "AssignmentExpression" && node.left.type === "MemberExpression" && node.left.object.name === "__webpack_require__" && node.left.property.name === "s" && isString(node.right)) return node.right.value;
  }
  throw new PrebuiltBundleError("no entry module (__webpack_require__.s)");
}

/** The name a statement `__webpack_require__.d(__webpack_exports__, "Name", getter)` exports, if it is one. */
function exportedName(statement) {
  const call = statement.type === "ExpressionStatement" ? statement.expression : null;
  if (call?.type !== "CallExpression" || call.callee.type !== "MemberExpression") return null;
  if (call.callee.object.name !== "__webpack_require__" || call.callee.property.name !== "d") return null;
  return isString(call.arguments[1]) ? call.arguments[1].value : null;
}

/** The entry module's statements without the unwanted re-exports and the imports only they used. */
function keptEntryStatements(body, wanted) {
  const found = new Set();
  let kept = body.filter((statement) => {
    const name = exportedName(statement);
    if (name === null || !wanted.has(name)) return name === null;
    found.add(name);
    return true;
  });
  const missing = [...wanted].filter((name) => !found.has(name));
  if (missing.length > 0) throw new PrebuiltBundleError(`the entry module exports no ${missing.join(", ")}`);
  // Drop `var X = __webpack_require__(...)` (and `.n(X)` defaults) that nothing kept refers to, until none is left.
  for (;;) {
    const declared = (s) => (s.type === "VariableDeclaration" && s.declarations.length === 1 ? s.declarations[0].id.name : null);
    const used = new Set(kept.flatMap((s) => [...nodes(s)].filter((n) => n.type === "Identifier" && n !== s.declarations?.[0]?.id).map((n) => n.name)));
    const next = kept.filter((s) => declared(s) === null || used.has(declared(s)));
    if (next.length === kept.length) return kept;
    kept = next;
  }
}

/** The ids of the modules `root` reaches through `__webpack_require__("id")`. */
function reachable(root, modules) {
  const seen = new Set();
  const visit = (id, node) => {
    if (seen.has(id)) return;
    if (!modules.has(id)) throw new PrebuiltBundleError(`a module requires ${id}, which the bundle lacks`);
    seen.add(id);
    for (const call of [...nodes(node)].filter(isRequire)) {
      if (!isString(call.arguments[0])) throw new PrebuiltBundleError(`${id} requires a module by a computed id`);
      visit(call.arguments[0].value, modules.get(call.arguments[0].value));
    }
  };
  visit(root.id, root.node);
  return seen;
}

/** Keeps `exports` of the prebuilt bundle `source`; returns the smaller bundle and the module ids it kept. */
function keepExports(source, exports) {
  const ast = acorn.parse(source, { ecmaVersion: "latest", sourceType: "script" });
  const map = moduleMap(ast);
  const entry = entryId(ast);
  const modules = new Map(map.properties.map((p) => [p.key.value, p.value]));
  const entryModule = modules.get(entry);
  if (!entryModule) throw new PrebuiltBundleError(`the entry module ${entry} is not in the module map`);

  const body = entryModule.body.body;
  const keptStatements = keptEntryStatements(body, new Set(exports));
  const kept = reachable({ id: entry, node: { type: "Program", body: keptStatements } }, modules);

  const shortenEntry = (p) => source.slice(p.start, body[0].start) + keptStatements.map((s) => source.slice(s.start, s.end)).join("\n") + source.slice(body.at(-1).end, p.end);
  const properties = map.properties.filter((p) => kept.has(p.key.value)).map((p) => (p.key.value === entry ? shortenEntry(p) : source.slice(p.start, p.end)));
  const code = source.slice(0, map.start) + `{\n${properties.join(",\n\n")}\n}` + source.slice(map.end);
  return { code, kept: [...kept].sort() };
}

/** webpack loader: `{ loader: "prebuilt-exports-loader", options: { exports: ["Storage", "StorageType"] } }`. */
function prebuiltExportsLoader(source) {
  const { exports } = this.getOptions();
  if (!Array.isArray(exports) || exports.length === 0) throw new PrebuiltBundleError("options.exports must list the names to keep");
  try {
    return keepExports(source, exports).code;
  } catch (error) {
    if (error instanceof PrebuiltBundleError) error.message = `${this.resourcePath}: ${error.message}`;
    throw error;
  }
}

module.exports = prebuiltExportsLoader;
module.exports.keepExports = keepExports;
module.exports.PrebuiltBundleError = PrebuiltBundleError;
