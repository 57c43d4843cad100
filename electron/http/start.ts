// Starts browser mode: the service (with polling) plus the HTTP server on 127.0.0.1, prints the URL with its token,
// and opens the system browser where one exists.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openService } from '../core/service.js';
import { startHttpServer } from './server.js';

export interface BrowserModeOptions {
  dataDir: string;
  port?: number;
  openBrowser?: boolean;
  log?: (line: string) => void;
}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, cmd)));
}

/** Opens a URL in the user's browser; returns false when there is none to open. */
export function openInBrowser(url: string): boolean {
  const candidates: [string, string[]][] = process.platform === 'darwin' ? [['open', [url]]]
    : process.platform === 'win32' ? [['cmd', ['/c', 'start', '""', url]]]
    : (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) ? [['xdg-open', [url]]] : [];
  for (const [cmd, args] of candidates) {
    if (process.platform !== 'win32' && !onPath(cmd)) continue;
    try {
      const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
      child.on('error', () => undefined);
      child.unref();
      return true;
    } catch { /* try the next */ }
  }
  return false;
}

export async function startBrowserMode(opts: BrowserModeOptions): Promise<{ url: string; close(): Promise<void> }> {
  const log = opts.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const service = await openService({ dataDir: opts.dataDir, mode: 'browser', poll: true });
  for (const p of service.store.problems) log(`Warning: ${p.file} could not be read (${p.error}); it was kept as ${p.movedTo}.`);
  const server = await startHttpServer({ api: service.api, onEvent: service.onEvent });
  log(`Pollwatch browser mode: ${server.url}`);
  log(`Data directory: ${opts.dataDir}`);
  if (opts.openBrowser && !openInBrowser(server.url)) log('No browser could be opened here; open the address above in one.');
  return {
    url: server.url,
    async close() {
      await server.close();
      await service.close();
    },
  };
}
