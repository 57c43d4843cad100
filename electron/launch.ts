// `npm start`: runs the desktop app when the Electron binary is usable, otherwise says so in one line and starts
// browser mode (the same renderer and API on 127.0.0.1, opened in the system browser). Runs until Ctrl-C.
// Never imports `electron` (that would try to download the binary); it only looks for the files.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from './core/paths.js';
import { parseAppArgs } from './main/options.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The build output the desktop app needs. */
export const BUILD_FILES = ['dist-electron/main/app.js', 'dist-electron/preload.cjs', 'dist/renderer/index.html'];

/** The Electron executable if it is installed and present, else null (checked without loading the electron package). */
export function findElectronBinary(root: string = projectRoot, env: NodeJS.ProcessEnv = process.env): string | null {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  let rel = '';
  try {
    rel = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch { /* not downloaded */ }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, rel || 'electron') : rel ? path.join(pkgDir, 'dist', rel) : null;
  return candidate && fs.existsSync(candidate) ? candidate : null;
}

export type LaunchPlan = { mode: 'electron'; binary: string } | { mode: 'browser'; reason: string };

/** Electron when its binary, the build and (on Linux) a display are there; otherwise browser mode, with the reason. */
export function planLaunch(opts: { binary: string | null; missingBuild: string[]; platform: NodeJS.Platform; env: NodeJS.ProcessEnv }): LaunchPlan {
  if (!opts.binary) {
    return { mode: 'browser', reason: 'Electron is not available on this machine (its binary could not be downloaded); starting Pollwatch in browser mode.' };
  }
  if (opts.missingBuild.length > 0) {
    return { mode: 'browser', reason: `The desktop build is incomplete (${opts.missingBuild[0]} is missing; run npm run build); starting Pollwatch in browser mode.` };
  }
  if (opts.platform === 'linux' && !opts.env.DISPLAY && !opts.env.WAYLAND_DISPLAY) {
    return { mode: 'browser', reason: 'There is no graphical display for the desktop window; starting Pollwatch in browser mode.' };
  }
  return { mode: 'electron', binary: opts.binary };
}

/** Reads --port N (browser mode only); null when absent or not a port number. */
export function parsePort(argv: readonly string[]): number | null {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--port='))?.slice('--port='.length);
  const n = raw !== undefined && /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 65535 ? n : null;
}

function runElectron(binary: string, dataDir: string | null): void {
  const args = [projectRoot, ...(dataDir ? ['--data-dir', dataDir] : [])];
  const child = spawn(binary, args, { stdio: 'inherit', cwd: projectRoot });
  const forward = (signal: NodeJS.Signals): void => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (err) => {
    console.error(`Pollwatch could not start Electron: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

async function runBrowserMode(reason: string, dataDir: string, port: number | null): Promise<void> {
  console.log(reason);
  const { startBrowserMode } = await import('./http/start.js');
  const running = await startBrowserMode({ dataDir, openBrowser: true, ...(port !== null ? { port } : {}) });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    running.close().then(() => process.exit(0), (err: unknown) => {
      console.error(`Pollwatch did not close cleanly: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export async function main(argv: string[]): Promise<void> {
  const opts = parseAppArgs(argv);
  const plan = planLaunch({
    binary: findElectronBinary(),
    missingBuild: BUILD_FILES.filter((f) => !fs.existsSync(path.join(projectRoot, f))),
    platform: process.platform,
    env: process.env,
  });
  if (plan.mode === 'electron') runElectron(plan.binary, opts.dataDir);
  else await runBrowserMode(plan.reason, opts.dataDir ?? defaultDataDir(), parsePort(argv));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(`Pollwatch could not start: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
    process.exit(1);
  });
}
