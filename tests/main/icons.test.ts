// The app icon: real PNGs at every size the installers and the tray need, an .ico for Windows, and the checked-in
// files are exactly what tests/tools/make-icons.mjs draws.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, SIZES, makeIcons, pngSize } from '../tools/make-icons.mjs';

const ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets');

describe('icons', () => {
  it('has a PNG at each size 16–1024, and icon.png at 1024', async () => {
    for (const size of SIZES) {
      const got = pngSize(await fs.readFile(path.join(ASSETS, 'icons', `${size}x${size}.png`)));
      expect(got, `${size}`).toEqual({ width: size, height: size });
    }
    expect(pngSize(await fs.readFile(path.join(ASSETS, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it('draws a real picture: opaque inside, transparent corners, more than one colour', async () => {
    const buf = await fs.readFile(path.join(ASSETS, 'icons', '64x64.png'));
    // Decode the one IDAT (filter type 0 on every row, as the script writes it).
    const idat = buf.subarray(buf.indexOf('IDAT') + 4, buf.indexOf('IEND') - 8);
    const raw = zlib.inflateSync(idat);
    const px = (x: number, y: number) => [...raw.subarray(y * (64 * 4 + 1) + 1 + x * 4, y * (64 * 4 + 1) + 1 + x * 4 + 4)];
    expect(px(0, 0)[3]).toBe(0);
    expect(px(32, 60)[3]).toBe(255);
    const colours = new Set<string>();
    for (let y = 0; y < 64; y += 4) for (let x = 0; x < 64; x += 4) colours.add(px(x, y).join(','));
    expect(colours.size).toBeGreaterThan(3);
  });

  it('has an .ico holding the Windows sizes as PNGs', async () => {
    const ico = await fs.readFile(path.join(ASSETS, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const n = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < n; i++) {
      const e = 6 + 16 * i;
      const size = ico[e] || 256;
      const data = ico.subarray(ico.readUInt32LE(e + 12), ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8));
      expect(pngSize(data)).toEqual({ width: size, height: size });
      sizes.push(size);
    }
    expect(sizes).toEqual(ICO_SIZES);
  });

  it('the checked-in files are what the script makes', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-icons-'));
    try {
      makeIcons(dir);
      for (const rel of [...SIZES.map((s) => `icons/${s}x${s}.png`), 'icon.png', 'icon.ico']) {
        expect((await fs.readFile(path.join(dir, rel))).equals(await fs.readFile(path.join(ASSETS, rel))), rel).toBe(true);
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
