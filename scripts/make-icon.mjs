// Draws Portier's app icon (a door in a rounded square) as a 512x512 PNG,
// with nothing but zlib: resources/icon.png. Run: node scripts/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icon.png');

// Signed distance to a rounded rectangle centred at (cx, cy); negative inside.
function roundedRect(x, y, cx, cy, halfW, halfH, r) {
  const qx = Math.abs(x - cx) - halfW + r;
  const qy = Math.abs(y - cy) - halfH + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const coverage = (d) => Math.min(1, Math.max(0, 0.5 - d)); // one-pixel anti-aliasing

// A door with an arched top: a rectangle joined with a circle (frame, then leaf inside it).
const frame = (x, y) => Math.min(roundedRect(x, y, 256, 318, 92, 122, 4), circle(x, y, 256, 196, 92));
const leaf = (x, y) => Math.min(roundedRect(x, y, 256, 309, 74, 113, 2), circle(x, y, 256, 196, 74));

const LAYERS = [
  { shape: (x, y) => roundedRect(x, y, 256, 256, 240, 240, 96), rgb: [31, 78, 121] },
  { shape: frame, rgb: [244, 236, 220] },
  { shape: leaf, rgb: [196, 120, 64] },
  { shape: (x, y) => circle(x, y, 304, 330, 13), rgb: [244, 236, 220] },
  { shape: (x, y) => roundedRect(x, y, 256, 446, 128, 8, 6), rgb: [244, 236, 220] },
];

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (const { shape, rgb } of LAYERS) {
      const c = coverage(shape(x + 0.5, y + 0.5));
      if (c === 0) continue;
      const outA = c + a * (1 - c);
      r = (rgb[0] * c + r * a * (1 - c)) / outA;
      g = (rgb[1] * c + g * a * (1 - c)) / outA;
      b = (rgb[2] * c + b * a * (1 - c)) / outA;
      a = outA;
    }
    raw.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], y * (SIZE * 4 + 1) + 1 + x * 4);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
