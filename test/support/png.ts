/** Reads the 8-bit RGBA PNGs that scripts/make-icons.mjs writes (one IDAT stream, no row filters) into pixels. */
import { readFileSync } from "fs";
import { inflateSync } from "zlib";

export type Png = { readonly width: number; readonly height: number; readonly pixel: (x: number, y: number) => readonly [number, number, number, number] };

export function readPng(file: string): Png {
  const bytes = readFileSync(file);
  if (bytes.subarray(1, 4).toString("ascii") !== "PNG") throw new Error(`${file} is not a PNG`);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (bytes[24] !== 8 || bytes[25] !== 6) throw new Error(`${file} is not 8-bit RGBA`);
  const data: Buffer[] = [];
  for (let at = 8; at < bytes.length; at += 12 + bytes.readUInt32BE(at)) {
    if (bytes.subarray(at + 4, at + 8).toString("ascii") === "IDAT") data.push(bytes.subarray(at + 8, at + 8 + bytes.readUInt32BE(at)));
  }
  const rows = inflateSync(Buffer.concat(data));
  const stride = width * 4 + 1;
  for (let y = 0; y < height; y++) if (rows[y * stride] !== 0) throw new Error(`${file}: row ${y} uses a PNG filter this reader does not undo`);
  const pixel = (x: number, y: number) => {
    const i = y * stride + 1 + x * 4;
    return [rows[i], rows[i + 1], rows[i + 2], rows[i + 3]] as [number, number, number, number];
  };
  return { width, height, pixel };
}
