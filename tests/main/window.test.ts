// The main window remembers its size and position in the data directory, and comes back on a visible screen.
import { EventEmitter } from 'node:events';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import {
  DEFAULT_STATE, MIN_HEIGHT, MIN_WIDTH, WINDOW_STATE_FILE, fitToDisplays, loadWindowState, mainWindowOptions,
  parseWindowState, saveWindowState, trackWindowState,
} from '../../electron/main/window.ts';

let dir: string;
beforeEach(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-window-')); });
afterEach(async () => { await fs.rm(dir, { recursive: true, force: true }); });

const screen = { x: 0, y: 0, width: 1920, height: 1040 };

describe('window state', () => {
  it('is saved in the data directory and read back', async () => {
    await saveWindowState(dir, { x: 100, y: 50, width: 1000, height: 700, maximized: true });
    expect(JSON.parse(await fs.readFile(path.join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
    expect(await loadWindowState(dir)).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
  });

  it('falls back to the default size when the file is missing or damaged', async () => {
    expect(await loadWindowState(dir)).toEqual(DEFAULT_STATE);
    await fs.writeFile(path.join(dir, WINDOW_STATE_FILE), '{"width": 9');
    expect(await loadWindowState(dir)).toEqual(DEFAULT_STATE);
    expect(parseWindowState({ width: 'big', height: -5, x: 'a', y: 1 })).toEqual({ width: DEFAULT_STATE.width, height: MIN_HEIGHT, maximized: false });
    expect(parseWindowState({ width: 10, height: 10 })).toEqual({ width: MIN_WIDTH, height: MIN_HEIGHT, maximized: false });
    expect(parseWindowState(null)).toEqual(DEFAULT_STATE);
  });

  it('keeps a position that is on a screen, and drops one left on a monitor that is gone', () => {
    expect(fitToDisplays({ x: 100, y: 50, width: 1000, height: 700, maximized: false }, [screen])).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: false });
    const second = { x: 1920, y: 0, width: 1280, height: 1000 };
    expect(fitToDisplays({ x: 2000, y: 100, width: 1000, height: 700, maximized: false }, [screen, second]).x).toBe(2000);
    const gone = fitToDisplays({ x: 2000, y: 100, width: 3000, height: 2000, maximized: false }, [screen]);
    expect(gone.x).toBeUndefined();
    expect(gone.y).toBeUndefined();
    expect(gone.width).toBe(1920);
    expect(gone.height).toBe(1040);
    expect(fitToDisplays({ x: 100, y: -500, width: 800, height: 600, maximized: false }, [screen]).x).toBeUndefined();
  });

  it('is saved when the window moves and when it closes', async () => {
    const win = Object.assign(new EventEmitter(), {
      bounds: { x: 10, y: 20, width: 900, height: 600 },
      isDestroyed: () => false, isMinimized: () => false, isMaximized: () => false, isFullScreen: () => false,
      getBounds() { return this.bounds; }, getNormalBounds() { return this.bounds; },
    });
    const flush = trackWindowState(win as unknown as BrowserWindow, dir, 10_000);
    win.bounds = { x: 300, y: 200, width: 1100, height: 750 };
    win.emit('move');
    await flush();
    expect(await loadWindowState(dir)).toEqual({ x: 300, y: 200, width: 1100, height: 750, maximized: false });
    win.bounds = { x: 5, y: 6, width: 800, height: 500 };
    win.emit('close');
    await flush();
    expect(await loadWindowState(dir)).toEqual({ x: 5, y: 6, width: 800, height: 500, maximized: false });
  });
});

describe('main window options', () => {
  it('use the remembered bounds, stay hidden until ready, and leave webPreferences to createHardenedWindow', () => {
    const o = mainWindowOptions({ state: { x: 1, y: 2, width: 1000, height: 700, maximized: false } });
    expect(o).toMatchObject({ x: 1, y: 2, width: 1000, height: 700, show: false, minWidth: MIN_WIDTH, title: 'Pollwatch' });
    expect('webPreferences' in o).toBe(false);
    expect('x' in mainWindowOptions({ state: DEFAULT_STATE })).toBe(false);
  });
});
