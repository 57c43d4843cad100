// The main window: its options and its remembered size and position, kept in the data
// directory as window-state.json and fitted back onto a visible screen when the displays have changed.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WIDTH = 720;
export const MIN_HEIGHT = 480;
export const DEFAULT_STATE: WindowState = Object.freeze({ width: 1280, height: 820, maximized: false });

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e6;

/** Reads a stored state leniently: anything malformed falls back to the default size. */
export function parseWindowState(raw: unknown): WindowState {
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_STATE };
  const r = raw as Record<string, unknown>;
  const state: WindowState = {
    width: isInt(r.width) ? Math.max(MIN_WIDTH, Math.round(r.width)) : DEFAULT_STATE.width,
    height: isInt(r.height) ? Math.max(MIN_HEIGHT, Math.round(r.height)) : DEFAULT_STATE.height,
    maximized: r.maximized === true,
  };
  if (isInt(r.x) && isInt(r.y)) {
    state.x = Math.round(r.x);
    state.y = Math.round(r.y);
  }
  return state;
}

/**
 * Keeps the window reachable: the remembered position is used only when its title-bar area lies on one of the
 * current displays' work areas; otherwise the window is centred (x/y dropped) and shrunk to fit the largest display.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  if (workAreas.length === 0) return state;
  const largest = workAreas.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
  const out: WindowState = { ...state };
  if (state.x === undefined || state.y === undefined) {
    out.width = Math.min(state.width, largest.width);
    out.height = Math.min(state.height, largest.height);
    return out;
  }
  const { x, y } = state;
  // A 100×30 strip at the top-left of the window must be visible for the user to grab it.
  const grabbable = workAreas.find((a) => x + 100 > a.x && x < a.x + a.width - 20 && y >= a.y - 10 && y + 30 <= a.y + a.height);
  if (!grabbable) {
    delete out.x;
    delete out.y;
    out.width = Math.min(state.width, largest.width);
    out.height = Math.min(state.height, largest.height);
    return out;
  }
  out.width = Math.min(state.width, grabbable.width);
  out.height = Math.min(state.height, grabbable.height);
  return out;
}

export async function loadWindowState(dataDir: string): Promise<WindowState> {
  try {
    return parseWindowState(JSON.parse(await fs.readFile(path.join(dataDir, WINDOW_STATE_FILE), 'utf8')));
  } catch {
    return { ...DEFAULT_STATE };
  }
}

/** Writes atomically (temp file + rename), so a crash never leaves a half-written state file. */
export async function saveWindowState(dataDir: string, state: WindowState): Promise<void> {
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(tmp, JSON.stringify(parseWindowState(state), null, 2));
  await fs.rename(tmp, file);
}

/** The main window's options (remembered bounds, hidden until ready); security.ts's createHardenedWindow adds webPreferences. */
export function mainWindowOptions(opts: { state: WindowState; iconPath?: string }): Omit<BrowserWindowConstructorOptions, 'webPreferences'> {
  const { state } = opts;
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Pollwatch',
    backgroundColor: '#ffffff',
    ...(opts.iconPath ? { icon: opts.iconPath } : {}),
  };
}

/** Saves the window's bounds (debounced while it moves, and once more when it closes). Returns a flush function. */
export function trackWindowState(win: BrowserWindow, dataDir: string, delayMs = 500): () => Promise<void> {
  let timer: NodeJS.Timeout | null = null;
  let last: WindowState | null = null;
  const snapshot = (): void => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const maximized = win.isMaximized() || win.isFullScreen();
    const b = maximized ? win.getNormalBounds() : win.getBounds();
    last = { x: b.x, y: b.y, width: b.width, height: b.height, maximized };
  };
  const flush = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (last) await saveWindowState(dataDir, last).catch(() => undefined);
  };
  const schedule = (): void => {
    snapshot();
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  };
  for (const ev of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(ev as 'resize', schedule);
  win.on('close', () => {
    snapshot();
    void flush();
  });
  return flush;
}
