// Starts Pollwatch in browser mode (`cli serve`) on a fresh temp data directory for one e2e spec, and stops it after.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface RunningApp {
  /** http://127.0.0.1:PORT/#token=TOKEN, as the launcher prints it. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Calls the API directly (as the page would), for setup and for checking what the UI did. */
  call<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  /** Everything the server printed. */
  output(): string;
  close(): Promise<void>;
}

export async function startApp(): Promise<RunningApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'serve', '--data-dir', dataDir, '--port', '0'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL within 30 s:\n${out}`)), 30_000);
    const check = (): void => {
      const m = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_\-.~%]+/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited (${code}):\n${out}`)); });
  });
  const origin = url.slice(0, url.indexOf('/#'));
  const token = decodeURIComponent(url.slice(url.indexOf('#token=') + 7));
  return {
    url, origin, token, dataDir,
    async call<T>(method: string, ...args: unknown[]): Promise<T> {
      const res = await fetch(`${origin}/api/call/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Pollwatch-Token': token },
        body: JSON.stringify({ args }),
      });
      const body = await res.json() as { result?: T; error?: { code: string; message: string } };
      if (!res.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
      return body.result as T;
    },
    output: () => out,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(t);
      }
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
