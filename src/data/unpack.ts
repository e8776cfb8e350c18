/** Restores a dataset file from the compact form scripts/pack-json-loader.js ships it in. */
type Packed = { s: string[]; v: unknown };

const STRING_REF = "^";
const MISSING = "^-";
const TABLE = "^T";

export function unpack(packed: Packed): unknown {
  const strings = packed.s;
  const decode = (node: unknown): unknown => {
    if (typeof node === "string") return node.startsWith(STRING_REF) && node !== MISSING ? strings[parseInt(node.slice(1), 36)] : node;
    if (Array.isArray(node)) {
      if (node[0] !== TABLE) return node.map(decode);
      const keys = (node[1] as unknown[]).map(decode) as string[];
      return node.slice(2).map((row: unknown[]) => {
        const record: Record<string, unknown> = {};
        keys.forEach((key, i) => {
          if (row[i] !== MISSING) record[key] = decode(row[i]);
        });
        return record;
      });
    }
    if (node !== null && typeof node === "object") {
      const record: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) record[key] = decode(value);
      return record;
    }
    return node;
  };
  return decode(packed.v);
}
