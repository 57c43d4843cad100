// `npm start`'s launcher: Electron when its binary is really there, otherwise one plain line and browser mode, which
// runs until Ctrl-C and then closes cleanly.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary, parsePort, planLaunch } from '../../electron/launch.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NO_BINARY = 'Electron is not available on this machine (its binary could not be downloaded); starting Pollwatch in browser mode.';
const temps: string[] = [];
const tempDir = async (prefix: string) => {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterEach(async () => {
  while (temps.length) await fs.rm(temps.pop()!, { recursive: true, force: true });
});

/** A project whose node_modules/electron looks like an installed package, with or without the downloaded binary. */
async function fakeProject(withBinary: boolean): Promise<string> {
  const dir = await tempDir('pollwatch-launch-');
  const pkg = path.join(dir, 'node_modules', 'electron');
  await fs.mkdir(path.join(pkg, 'dist'), { recursive: true });
  await fs.writeFile(path.join(dir, 'package.json'), '{"name":"x"}');
  await fs.writeFile(path.join(pkg, 'package.json'), '{"name":"electron","version":"45.5.0","main":"index.js"}');
  await fs.writeFile(path.join(pkg, 'index.js'), 'throw new Error("must not be loaded")');
  if (withBinary) {
    await fs.writeFile(path.join(pkg, 'path.txt'), 'electron');
    await fs.writeFile(path.join(pkg, 'dist', 'electron'), '#!/bin/sh\n', { mode: 0o755 });
  }
  return dir;
}

describe('finding the Electron binary without loading electron', () => {
  it('finds it where the electron package put it', async () => {
    const dir = await fakeProject(true);
    expect(findElectronBinary(dir, {})).toBe(path.join(dir, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('reports none when the package was installed but the binary never downloaded, or path.txt points nowhere', async () => {
    expect(findElectronBinary(await fakeProject(false), {})).toBeNull();
    const dir = await fakeProject(true);
    await fs.rm(path.join(dir, 'node_modules', 'electron', 'dist', 'electron'));
    expect(findElectronBinary(dir, {})).toBeNull();
    expect(findElectronBinary(await tempDir('pollwatch-empty-'), {})).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH only when the binary is there', async () => {
    const dir = await fakeProject(false);
    const dist = await tempDir('pollwatch-dist-');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toBeNull();
    await fs.writeFile(path.join(dist, 'electron'), '');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(path.join(dist, 'electron'));
  });
});

describe('the launch plan', () => {
  it('runs Electron when the binary, the build and a display are there', () => {
    expect(planLaunch({ binary: '/e/electron', missingBuild: [], platform: 'linux', env: { DISPLAY: ':0' } })).toEqual({ mode: 'electron', binary: '/e/electron' });
    expect(planLaunch({ binary: '/e/electron', missingBuild: [], platform: 'darwin', env: {} }).mode).toBe('electron');
  });

  it('falls back to browser mode with one plain reason otherwise', () => {
    expect(planLaunch({ binary: null, missingBuild: [], platform: 'linux', env: { DISPLAY: ':0' } })).toEqual({ mode: 'browser', reason: NO_BINARY });
    const noBuild = planLaunch({ binary: '/e/electron', missingBuild: ['dist-electron/main/app.js'], platform: 'linux', env: { DISPLAY: ':0' } });
    expect(noBuild).toMatchObject({ mode: 'browser' });
    if (noBuild.mode === 'browser') expect(noBuild.reason).toContain('dist-electron/main/app.js');
    const headless = planLaunch({ binary: '/e/electron', missingBuild: [], platform: 'linux', env: {} });
    if (headless.mode === 'browser') expect(headless.reason).toContain('no graphical display');
    else expect.unreachable('a Linux machine without a display cannot show the window');
  });

  it('reads --port for browser mode', () => {
    expect(parsePort(['--port', '8123'])).toBe(8123);
    expect(parsePort(['--port=0'])).toBe(0);
    expect(parsePort(['--port', 'x'])).toBeNull();
    expect(parsePort(['--port', '70000'])).toBeNull();
    expect(parsePort([])).toBeNull();
  });

  it('this machine has no Electron binary (so npm start uses browser mode here)', () => {
    expect(findElectronBinary(ROOT, {})).toBeNull();
  });
});

describe('npm start without Electron', () => {
  it('prints one line, serves the app on 127.0.0.1, and closes cleanly on Ctrl-C', async () => {
    const dataDir = await tempDir('pollwatch-start-');
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/launch.ts', '--data-dir', dataDir, '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:\d+\S*/.exec(out);
        if (m) resolve(m[0]);
      });
      child.on('exit', (code) => reject(new Error(`launcher exited (${code}) before serving: ${out}${err}`)));
    });
    expect(out.split('\n')[0]).toBe(NO_BINARY);
    // The API answers with the printed token (the page itself needs `npm run build`, which npm start runs first).
    const { origin, hash } = new URL(url);
    const res = await fetch(`${origin}/api/call/status`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Pollwatch-Token': hash.replace('#token=', '') }, body: '{"args":[]}' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: { mode: string; dataDir: string } }).result).toMatchObject({ mode: 'browser', dataDir });
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
    expect(err).not.toMatch(/\n\s+at /);
  }, 60_000);
});
