// The installer configuration (electron-builder.yml): the security fuses (checklist 19), the four installer targets,
// asar, files limited to the build output — checked offline by the same code `npm run dist:check` runs.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REQUIRED_FUSES, checkBuilderConfig, filePatterns, loadBuilderConfig } from '../tools/dist-check.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);

describe('electron-builder.yml', () => {
  it('flips the fuses: no RunAsNode, NODE_OPTIONS or --inspect; asar integrity and asar-only loading; encrypted cookies', async () => {
    const config = await loadBuilderConfig(ROOT);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb, NSIS and dmg, as Pollwatch, from asar, with only the build output packed', async () => {
    const config = await loadBuilderConfig(ROOT);
    expect(config.productName).toBe('Pollwatch');
    expect(config.appId).toBe('org.pollwatch.app');
    expect(config.asar).toBe(true);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis']));
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg']));
    const files = filePatterns(config.files)!;
    expect(files).toEqual(expect.arrayContaining(['dist/**', 'dist-electron/**', 'package.json', 'assets/*.opml']));
    for (const f of files.filter((x) => !x.startsWith('!'))) expect(f).not.toMatch(/^(\*\*|electron\/|renderer\/|tests\/|node_modules|src\/|\.)/);
  });

  it('passes the full offline check (schema, fuses, targets, icons, files)', async () => {
    const { problems } = await checkBuilderConfig(ROOT);
    expect(problems).toEqual([]);
  });
});

describe('the offline check catches a broken configuration', () => {
  it('reports unknown keys, a flipped fuse, a missing target and an unlimited file list', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-distcheck-'));
    try {
      const yml = (await fs.readFile(path.join(ROOT, 'electron-builder.yml'), 'utf8'))
        .replace('runAsNode: false', 'runAsNode: true')
        .replace('    - deb\n', '')
        .replace('  - dist/**\n', '  - dist/**\n  - "**/*"\n')
        .concat('\nbogusKey: 1\n');
      const file = path.join(dir, 'bad.yml');
      await fs.writeFile(file, yml);
      const { problems } = await checkBuilderConfig(ROOT, file);
      expect(problems.some((p) => p.includes("unknown property 'bogusKey'"))).toBe(true);
      expect(problems).toContain('electronFuses.runAsNode must be false');
      expect(problems).toContain('linux targets must include deb');
      expect(problems.some((p) => p.includes('"**/*" is not allowed'))).toBe(true);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('`npm run dist:check` prints one line and exits 0 on the real file, 1 on a bad one', async () => {
    const ok = await run(process.execPath, [path.join(ROOT, 'tests/tools/dist-check.mjs')], { cwd: ROOT });
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
    expect(ok.stdout).toMatch(/^dist:check: electron-builder config OK/);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-distcheck-'));
    try {
      await fs.writeFile(path.join(dir, 'bad.yml'), 'appId: org.pollwatch.app\nproductName: Pollwatch\n');
      const bad = await run(process.execPath, [path.join(ROOT, 'tests/tools/dist-check.mjs'), path.join(dir, 'bad.yml')], { cwd: ROOT })
        .then(() => null, (err: { code: number; stdout: string }) => err);
      expect(bad?.code).toBe(1);
      expect(bad?.stdout.trim().split('\n')).toHaveLength(1);
      expect(bad?.stdout).toMatch(/^dist:check: \d+ problems: /);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('knows every fuse electron-builder offers the hardening needs', () => {
    expect(Object.keys(REQUIRED_FUSES).sort()).toEqual([
      'enableCookieEncryption', 'enableEmbeddedAsarIntegrityValidation', 'enableNodeCliInspectArguments',
      'enableNodeOptionsEnvironmentVariable', 'grantFileProtocolExtraPrivileges', 'onlyLoadAppFromAsar', 'runAsNode',
    ]);
  });
});
