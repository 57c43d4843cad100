// Draws Pollwatch's icon (a ballot going into a ballot box, on a blue rounded square) and writes it as PNGs at every size
// the installers need, plus a PNG-in-ICO for Windows, using only node:zlib. Usage: node tests/tools/make-icons.mjs [assetsDir]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 32, 48, 64, 128, 256];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Encodes RGBA pixels (Uint8Array, width*height*4) as a PNG. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Reads width and height from a PNG's IHDR (null when the bytes are not a PNG). */
export function pngSize(buf) {
  if (buf.length < 24 || buf.readUInt32BE(0) !== 0x89504e47 || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Packs PNGs into an .ico (PNG-compressed entries, supported since Windows Vista). */
export function encodeIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = 6 + 16 * pngs.length;
  for (const { size, data } of pngs) {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.data)]);
}

const BLUE = [29, 78, 216];
const DARK = [23, 37, 84];
const WHITE = [255, 255, 255];
const PAPER = [241, 245, 249];

function inRoundRect(u, v, x0, y0, x1, y1, r) {
  if (u < x0 || u > x1 || v < y0 || v > y1) return false;
  const cx = Math.min(Math.max(u, x0 + r), x1 - r);
  const cy = Math.min(Math.max(v, y0 + r), y1 - r);
  return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
}

function nearSegment(u, v, ax, ay, bx, by, w) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)));
  return (u - ax - t * dx) ** 2 + (v - ay - t * dy) ** 2 <= w * w;
}

/** The icon in unit coordinates: returns [r, g, b, a] for the point (u, v), both in 0..1. */
function colorAt(u, v) {
  if (!inRoundRect(u, v, 0.03, 0.03, 0.97, 0.97, 0.2)) return null;
  // The ballot paper, above and into the slot, with a tick.
  if (inRoundRect(u, v, 0.34, 0.14, 0.66, 0.56, 0.03)) {
    if (nearSegment(u, v, 0.41, 0.34, 0.48, 0.42, 0.035) || nearSegment(u, v, 0.48, 0.42, 0.6, 0.24, 0.035)) return BLUE;
    return PAPER;
  }
  // The box: lid with its slot, then the body.
  if (inRoundRect(u, v, 0.18, 0.5, 0.82, 0.58, 0.02)) {
    if (u > 0.3 && u < 0.7 && v > 0.525 && v < 0.555) return DARK;
    return WHITE;
  }
  if (inRoundRect(u, v, 0.22, 0.58, 0.78, 0.86, 0.04)) {
    if (v > 0.68 && v < 0.72 && u > 0.36 && u < 0.64) return BLUE; // the label strip
    return WHITE;
  }
  return BLUE;
}

/** Renders the icon at size×size with s×s supersampling per pixel. */
export function renderIcon(size) {
  const s = size <= 64 ? 4 : 3;
  const out = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < s; sy++) {
        for (let sx = 0; sx < s; sx++) {
          const c = colorAt((x + (sx + 0.5) / s) / size, (y + (sy + 0.5) / s) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
        out[i + 3] = Math.round((255 * a) / (s * s));
      }
    }
  }
  return out;
}

/** Writes assets/icons/<n>x<n>.png for every size, assets/icon.png (1024) and assets/icon.ico. */
export function makeIcons(assetsDir) {
  fs.mkdirSync(path.join(assetsDir, 'icons'), { recursive: true });
  const pngs = new Map();
  for (const size of SIZES) {
    const data = encodePng(size, size, renderIcon(size));
    pngs.set(size, data);
    fs.writeFileSync(path.join(assetsDir, 'icons', `${size}x${size}.png`), data);
  }
  fs.writeFileSync(path.join(assetsDir, 'icon.png'), pngs.get(1024));
  fs.writeFileSync(path.join(assetsDir, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, data: pngs.get(size) }))));
  return [...pngs.keys()];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dir = path.resolve(process.argv[2] ?? path.join(root, 'assets'));
  const sizes = makeIcons(dir);
  console.log(`icons written to ${dir}: ${sizes.join(', ')} px, icon.png, icon.ico`);
}
