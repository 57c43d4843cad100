// The Electron entry (compiled to dist-electron/main/app.js): one instance, the hardened app:// window, the service
// (poller and analysis keep running with no window open), IPC, tray with close-to-tray, menu, notifications, login item.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, protocol, screen, session, shell, Tray,
} from 'electron';
import type { PollProgress, PollwatchApi, PollwatchEvent, Settings } from '../contract/api.js';
import { METHODS } from '../contract/methods.js';
import { openService, type PollwatchService } from '../core/service.js';
import { forwardEvents, registerIpc } from './ipc.js';
import { menuTemplate } from './menu.js';
import { notificationsFor, showNotifications } from './notify.js';
import { loginItemSettings, parseAppArgs } from './options.js';
import { APP_SCHEME_PRIVILEGES, handleAppProtocol } from './protocol.js';
import { APP_INDEX_URL, createHardenedWindow, externalUrl, hardenSession, hardenWebContents, isAppUrl } from './security.js';
import { createTray, hideOnClose, trayStatus, type AppTray } from './tray.js';
import { fitToDisplays, loadWindowState, mainWindowOptions, trackWindowState } from './window.js';

const here = path.dirname(fileURLToPath(import.meta.url)); // dist-electron/main
const appRoot = app.getAppPath();
const rendererRoot = path.join(appRoot, 'dist', 'renderer');
const preloadPath = path.join(here, '..', 'preload.cjs');
const iconDir = path.join(appRoot, 'assets', 'icons');
const devTools = !app.isPackaged;
const options = parseAppArgs(process.argv);

let service: PollwatchService | null = null;
let win: BrowserWindow | null = null;
let tray: AppTray | null = null;
let quitting = false;
let closed = false;
let notificationsOn = true;
let lastPoll: PollProgress | null = null;
let online = true;
let unseen = 0;

// ---- before ready: one instance, sandbox for every renderer (item 4), app:// privileges (item 18)
app.setName('Pollwatch');
const dataDir = options.dataDir ?? path.join(app.getPath('appData'), 'Pollwatch');
app.setPath('userData', dataDir);
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  // Items 11–15 on every webContents the app ever creates (windows, frames, devtools).
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => openExternalSafely(url)));
  // A second launch focuses the first window instead of starting another app on the same data.
  app.on('second-instance', () => {
    if (service) void showWindow();
  });
  void app.whenReady().then(start).catch((err: unknown) => fail(err));
}

/** Item 15: shell.openExternal only ever receives a parsed http(s) URL. */
function openExternalSafely(raw: string): Promise<void> {
  const url = externalUrl(raw);
  return url ? shell.openExternal(url) : Promise.resolve();
}

function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  dialog.showErrorBox('Pollwatch could not start', message.split('\n')[0]!);
  app.exit(1);
}

/** The service's API, with settings changes applied to the desktop (login item, notifications). */
function withDesktopSettings(api: PollwatchApi): PollwatchApi {
  const wrapped: Record<string, unknown> = {};
  for (const m of METHODS) wrapped[m] = (api[m] as (...a: unknown[]) => unknown).bind(api);
  wrapped.updateSettings = async (patch: Parameters<PollwatchApi['updateSettings']>[0]) => {
    const s = await api.updateSettings(patch);
    applySettings(s);
    return s;
  };
  return wrapped as unknown as PollwatchApi;
}

function applySettings(s: Settings): void {
  notificationsOn = s.notifications;
  try {
    if (app.isPackaged) app.setLoginItemSettings(loginItemSettings(s.startAtLogin));
  } catch { /* not supported on this desktop */ }
}

function updateTray(): void {
  tray?.update(trayStatus({ poll: lastPoll, online, unseenStatements: unseen }));
}

function onServiceEvent(e: PollwatchEvent): void {
  if (e.type === 'poll-progress') lastPoll = e.progress;
  if (e.type === 'online') online = e.online;
  if (e.type === 'new-statements' && !(win?.isVisible() && win.isFocused())) unseen += e.count;
  updateTray();
  showNotifications(Notification, notificationsFor(e, notificationsOn), (url) => void showWindow(url));
}

async function createWindow(): Promise<BrowserWindow> {
  const saved = await loadWindowState(dataDir);
  const state = fitToDisplays(saved, screen.getAllDisplays().map((d) => d.workArea));
  const w = createHardenedWindow(BrowserWindow, mainWindowOptions({ state, iconPath: path.join(iconDir, '256x256.png') }), preloadPath, devTools);
  trackWindowState(w, dataDir);
  w.once('ready-to-show', () => {
    if (state.maximized) w.maximize();
    if (!options.hidden) w.show();
  });
  w.on('focus', () => {
    unseen = 0;
    updateTray();
  });
  w.on('close', (event) => {
    if (hideOnClose({ quitting, hasTray: tray !== null })) {
      event.preventDefault();
      w.hide();
    }
  });
  w.on('closed', () => {
    if (win === w) win = null;
  });
  await w.loadURL(APP_INDEX_URL);
  return w;
}

/** Shows (creating if needed) the main window, optionally on a page of the app (a statement from a notification). */
async function showWindow(url?: string): Promise<void> {
  if (!win) win = await createWindow();
  if (url && isAppUrl(url)) await win.loadURL(url); // a changed #hash only: the page is not reloaded
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

async function importOpml(): Promise<void> {
  if (!service) return;
  const pick = win ? await dialog.showOpenDialog(win, { properties: ['openFile'], filters: [{ name: 'OPML', extensions: ['opml', 'xml'] }] })
    : await dialog.showOpenDialog({ properties: ['openFile'], filters: [{ name: 'OPML', extensions: ['opml', 'xml'] }] });
  const file = pick.filePaths[0];
  if (pick.canceled || !file) return;
  try {
    const report = await service.api.importOpml(await fs.readFile(file, 'utf8'));
    await dialog.showMessageBox({ type: 'info', message: `Imported ${report.imported} feeds (${report.duplicates} already there, ${report.refused} refused).` });
  } catch (err) {
    dialog.showErrorBox('Import failed', err instanceof Error ? err.message : String(err));
  }
}

async function exportOpml(): Promise<void> {
  if (!service) return;
  const target = await dialog.showSaveDialog({ defaultPath: 'pollwatch-feeds.opml', filters: [{ name: 'OPML', extensions: ['opml'] }] });
  if (target.canceled || !target.filePath) return;
  try {
    await fs.writeFile(target.filePath, await service.api.exportOpml(), 'utf8');
  } catch (err) {
    dialog.showErrorBox('Export failed', err instanceof Error ? err.message : String(err));
  }
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, devTools); // items 1 and 5
  handleAppProtocol(protocol, rendererRoot); // items 7 and 18
  service = await openService({ dataDir, mode: 'electron', poll: true });
  const api = withDesktopSettings(service.api);
  registerIpc(ipcMain, api); // item 17
  forwardEvents(service, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  service.onEvent(onServiceEvent);
  try {
    applySettings(await service.api.getSettings());
  } catch { /* defaults stay */ }

  const refreshNow = (): void => void service?.api.refreshNow(null).catch(() => undefined);
  const quit = (): void => {
    quitting = true;
    app.quit();
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({
    refreshNow,
    importOpml: () => void importOpml(),
    exportOpml: () => void exportOpml(),
    openDataFolder: () => void shell.openPath(dataDir),
    showWindow: () => void showWindow(),
    about: () => app.showAboutPanel(),
  }, { platform: process.platform, devTools })));
  const trayIcon = nativeImage.createFromPath(path.join(iconDir, process.platform === 'darwin' ? '16x16.png' : '32x32.png'));
  tray = createTray({ Tray, Menu }, trayIcon, { showWindow: () => void showWindow(), refreshNow, quit });
  updateTray();

  win = await createWindow();
  app.on('activate', () => void showWindow());
}

// With a tray the app keeps polling when every window is closed; without one it quits (macOS keeps running, as usual).
app.on('window-all-closed', () => {
  if (!tray && process.platform !== 'darwin') app.quit();
});
app.on('before-quit', () => {
  quitting = true;
});
app.on('will-quit', (event) => {
  if (closed || !service) return;
  event.preventDefault();
  const s = service;
  service = null;
  tray?.destroy();
  void s.close().catch(() => undefined).finally(() => {
    closed = true;
    app.quit();
  });
});
