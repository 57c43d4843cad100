// The desktop app itself, driven by Playwright's Electron mode: it launches, shows the timeline from app://pollwatch
// through the preload bridge, and quits. It needs the Electron binary; where there is none (this machine: the binary
// cannot be downloaded) it prints one line saying so and is skipped, never failed, for that reason.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Electron executable when it was downloaded (checked without loading the electron package, which would try). */
function electronBinary(): string | null {
  try {
    const pkgDir = path.dirname(createRequire(path.join(ROOT, 'package.json')).resolve('electron/package.json'));
    const rel = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const bin = override ? path.join(override, rel) : path.join(pkgDir, 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const built = fs.existsSync(path.join(ROOT, 'dist-electron/main/app.js')) && fs.existsSync(path.join(ROOT, 'dist/renderer/index.html'));
const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const reason = !binary ? 'the Electron binary is not installed here (it could not be downloaded)'
  : !built ? 'the app is not built (run npm run build first)'
  : !display ? 'there is no display (run under xvfb-run on Linux)'
  : null;
if (reason) console.log(`electron-app.spec: the desktop app test did not run: ${reason}.`);

test.describe('the desktop app', () => {
  test.skip(reason !== null, reason ?? '');

  test('launches, shows the timeline from app://pollwatch through the preload bridge, and quits', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pollwatch-electron-'));
    // One subscription (a feed file on disk), so the app opens on the timeline rather than the first-run screen.
    const feedFile = path.join(dataDir, 'desk.xml');
    fs.writeFileSync(feedFile, '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><link>https://example.org/</link>'
      + '<item><guid>https://example.org/1</guid><title>Vote count</title><link>https://example.org/1</link><pubDate>Fri, 09 Feb 2024 10:00:00 GMT</pubDate>'
      + '<description>&lt;p&gt;"Claims of fraud should be investigated," said Matthew Miller, a State Department spokesman.&lt;/p&gt;</description></item></channel></rss>');
    execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'add', `file://${feedFile}`, '--data-dir', dataDir], { cwd: ROOT, stdio: 'ignore' });
    const app = await electron.launch({ executablePath: binary!, args: [ROOT, '--data-dir', dataDir], cwd: ROOT, timeout: 60_000 });
    try {
      const page = await app.firstWindow();
      expect(page.url()).toMatch(/^app:\/\/pollwatch\//);
      await expect(page.getByTestId('statement-count')).toBeVisible({ timeout: 30_000 });
      // The page sees the bridge and nothing of Node or Electron.
      const surface = await page.evaluate(() => ({
        bridge: typeof (window as unknown as { pollwatch?: object }).pollwatch,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(surface).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
      const status = await page.evaluate(() => (window as unknown as { pollwatch: { status(): Promise<{ mode: string; dataDir: string }> } }).pollwatch.status());
      expect(status.mode).toBe('electron');
      expect(status.dataDir).toBe(dataDir);
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
