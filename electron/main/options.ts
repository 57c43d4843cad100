// The desktop app's command-line options (--data-dir DIR, --hidden) and its login-item setting, as plain functions.
import path from 'node:path';

export interface AppOptions {
  /** The data directory given with --data-dir (absolute), or null for the default under userData. */
  dataDir: string | null;
  /** Start with no window, only the tray (how "start at login" launches the app). */
  hidden: boolean;
}

export const HIDDEN_FLAG = '--hidden';

/** Reads the options from Electron's argv (which also holds Electron's and Chromium's own arguments: ignored). */
export function parseAppArgs(argv: readonly string[], cwd: string = process.cwd()): AppOptions {
  let dataDir: string | null = null;
  let hidden = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data-dir' && typeof argv[i + 1] === 'string' && argv[i + 1]!.length > 0) {
      dataDir = path.resolve(cwd, argv[++i]!);
    } else if (a.startsWith('--data-dir=') && a.length > '--data-dir='.length) {
      dataDir = path.resolve(cwd, a.slice('--data-dir='.length));
    } else if (a === HIDDEN_FLAG) {
      hidden = true;
    }
  }
  return { dataDir, hidden };
}

/** What app.setLoginItemSettings gets for the user's "start at login" choice: started at login, it opens to the tray. */
export function loginItemSettings(startAtLogin: boolean): { openAtLogin: boolean; openAsHidden: boolean; args: string[] } {
  return { openAtLogin: startAtLogin, openAsHidden: startAtLogin, args: startAtLogin ? [HIDDEN_FLAG] : [] };
}
