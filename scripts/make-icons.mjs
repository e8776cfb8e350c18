/**
 * Draws the add-in's icons, rendered with 4×4 supersampling and written as PNG with Node's zlib; `npm run icons`
 * redraws them all:
 * - assets/icon-{16,32,64,80,128}.png (ribbon, add-in lists): a blue rounded tile with three rising white bars and a
 *   gold trend line;
 * - assets/icon-color-192.png (the unified manifest's color icon): the same bars and line on a full square of blue,
 *   kept inside the central 120 × 120 that Microsoft 365 leaves unmasked;
 * - assets/icon-outline-32.png (the unified manifest's outline icon): white only on transparency, the tile's outline
 *   and the bars.
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [15, 108, 189];
const DARK = [17, 94, 163];
const WHITE = [255, 255, 255];
const GOLD = [255, 196, 61];

/** Shapes in a 0..1 square, later shapes on top: [colour, test(x, y)]. */
const radius = 0.2;
function roundedTile(x, y) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}
const bar = (left, top) => (x, y) => x >= left && x <= left + 0.16 && y >= top && y <= 0.8;
function trend(x, y) {
  // A thick line from (0.18, 0.56) to (0.82, 0.2): distance from the segment under 0.045.
  const [ax, ay, bx, by] = [0.18, 0.56, 0.82, 0.2];
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= 0.045;
}
const GLYPH = [
  [WHITE, bar(0.2, 0.58)],
  [WHITE, bar(0.42, 0.45)],
  [WHITE, bar(0.64, 0.3)],
  [GOLD, trend],
];
const TILE = [[BLUE, roundedTile], [DARK, (x, y) => roundedTile(x, y) && y > 0.86], ...GLYPH];

/** Shapes drawn into the square [inset, 1 - inset] of the picture instead of the whole of it. */
const inset = (margin, shapes) =>
  shapes.map(([colour, inside]) => [colour, (x, y) => inside((x - margin) / (1 - 2 * margin), (y - margin) / (1 - 2 * margin))]);
const FULL_BLEED = [[BLUE, () => true], ...inset(36 / 192, GLYPH)];

/** The tile's edge, 0.08 wide, and the bars: white, everything else transparent. */
function tileEdge(x, y) {
  const inner = (u) => 0.08 + (u - 0.08) / (1 - 0.16);
  return roundedTile(x, y) && !(x > 0.08 && x < 0.92 && y > 0.08 && y < 0.92 && roundedTile(inner(x), inner(y)));
}
const OUTLINE = [[WHITE, tileEdge], ...GLYPH.filter(([colour]) => colour === WHITE)];

const ICONS = [
  ...SIZES.map((size) => [`icon-${size}.png`, size, TILE]),
  ["icon-color-192.png", 192, FULL_BLEED],
  ["icon-outline-32.png", 32, OUTLINE],
];

function render(size, shapes) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let colour = null;
          for (const [c, inside] of shapes) if (inside(x, y)) colour = c;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      rgba[i] = a ? Math.round(r / a) : 0;
      rgba[i + 1] = a ? Math.round(g / a) : 0;
      rgba[i + 2] = a ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((255 * a) / samples ** 2);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function png(size, shapes = TILE) {
  const rgba = render(size, shapes);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, size, shapes] of ICONS) writeFileSync(new URL(`../assets/${name}`, import.meta.url), png(size, shapes));
  console.warn(`wrote ${ICONS.map(([name]) => `assets/${name}`).join(", ")}`);
}
