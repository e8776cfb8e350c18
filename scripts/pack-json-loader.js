/**
 * Webpack loader for the bundled dataset: ships src/data/*.json in a compact form that src/data/unpack.ts restores
 * when the bundle loads. Arrays of records become a key list plus rows, and strings used more than once become
 * references into one table. The data is unchanged (test/pack.test.ts round-trips it); only its spelling is smaller.
 */
const path = require("path");

const STRING_REF = "^";
const MISSING = "^-";
const TABLE = "^T";

function pack(value) {
  const counts = new Map();
  const count = (node) => {
    if (typeof node === "string") counts.set(node, (counts.get(node) || 0) + 1);
    else if (node && typeof node === "object") Object.values(node).forEach(count);
  };
  count(value);
  const strings = [...counts].filter(([s, n]) => n > 1 && s.length > 3).sort((a, b) => b[1] - a[1]).map(([s]) => s);
  const index = new Map(strings.map((s, i) => [s, i]));
  const encode = (node) => {
    if (typeof node === "string") {
      if (node.startsWith(STRING_REF)) throw new Error(`a dataset string may not start with "${STRING_REF}": "${node}"`);
      return index.has(node) ? `${STRING_REF}${index.get(node).toString(36)}` : node;
    }
    if (Array.isArray(node)) {
      const records = node.length > 1 && node.every((x) => x !== null && typeof x === "object" && !Array.isArray(x));
      if (!records) return node.map(encode);
      const keys = [...new Set(node.flatMap((x) => Object.keys(x)))];
      return [TABLE, keys.map(encode), ...node.map((x) => keys.map((k) => (k in x ? encode(x[k]) : MISSING)))];
    }
    if (node !== null && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, encode(v)]));
    return node;
  };
  return { s: strings, v: encode(value) };
}

module.exports = function packJsonLoader(source) {
  const unpack = path.resolve(__dirname, "..", "src", "data", "unpack.ts").split(path.sep).join("/");
  // A single-quoted JSON.parse literal, as webpack ships JSON: no escaping of the many double quotes.
  const json = JSON.stringify(pack(JSON.parse(source))).replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\u2028|\u2029/g, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"));
  return `import { unpack } from ${JSON.stringify(unpack)};\nexport default unpack(JSON.parse('${json}'));\n`;
};
module.exports.pack = pack;
