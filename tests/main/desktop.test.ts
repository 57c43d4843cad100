// Tray status and close-to-tray, saved-search notifications (a click opens the statement), the application menu,
// the --data-dir/--hidden options and the start-at-login setting.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../electron/main/menu.ts';
import { notificationsFor, showNotifications, statementUrl } from '../../electron/main/notify.ts';
import { loginItemSettings, parseAppArgs } from '../../electron/main/options.ts';
import { isAppUrl } from '../../electron/main/security.ts';
import { createTray, hideOnClose, trayMenuTemplate, trayStatus } from '../../electron/main/tray.ts';

const progress = (p: Partial<{ running: boolean; done: number; total: number; offline: boolean; message: string | null }>) =>
  ({ running: false, done: 0, total: 0, newItems: 0, offline: false, message: null, ...p });

describe('tray', () => {
  it('says whether Pollwatch is polling, offline, has new statements, or is up to date', () => {
    expect(trayStatus({ poll: progress({ running: true, done: 3, total: 12 }), online: true, unseenStatements: 0 })).toEqual({ state: 'polling', label: 'Pollwatch — checking feeds (3/12)' });
    expect(trayStatus({ poll: progress({ offline: true }), online: true, unseenStatements: 4 }).state).toBe('offline');
    expect(trayStatus({ poll: null, online: false, unseenStatements: 0 }).label).toContain('offline');
    expect(trayStatus({ poll: progress({}), online: true, unseenStatements: 1 }).label).toBe('Pollwatch — 1 new statement');
    expect(trayStatus({ poll: progress({}), online: true, unseenStatements: 7 }).label).toBe('Pollwatch — 7 new statements');
    expect(trayStatus({ poll: null, online: true, unseenStatements: 0 }).state).toBe('idle');
  });

  it('offers show, check now (not while polling or offline) and quit', () => {
    const done: string[] = [];
    const cmds = { showWindow: () => done.push('show'), refreshNow: () => done.push('refresh'), quit: () => done.push('quit') };
    const menu = trayMenuTemplate(trayStatus({ poll: null, online: true, unseenStatements: 0 }), cmds);
    const byLabel = (l: string) => menu.find((m) => m.label === l)!;
    (byLabel('Show Pollwatch').click as () => void)();
    (byLabel('Check feeds now').click as () => void)();
    (byLabel('Quit Pollwatch').click as () => void)();
    expect(done).toEqual(['show', 'refresh', 'quit']);
    const polling = trayMenuTemplate(trayStatus({ poll: progress({ running: true }), online: true, unseenStatements: 0 }), cmds);
    expect(polling.find((m) => m.label === 'Check feeds now')!.enabled).toBe(false);
  });

  it('closing the window hides it while a tray exists (polling goes on), and really closes when quitting', () => {
    expect(hideOnClose({ quitting: false, hasTray: true })).toBe(true);
    expect(hideOnClose({ quitting: true, hasTray: true })).toBe(false);
    expect(hideOnClose({ quitting: false, hasTray: false })).toBe(false);
  });

  it('creates the icon with its tooltip and menu, opens the window on click, and survives a desktop without a tray', () => {
    const shown: string[] = [];
    class FakeTray extends EventEmitter {
      tip = ''; menus = 0; destroyed = false;
      setToolTip(t: string) { this.tip = t; }
      setContextMenu() { this.menus++; }
      isDestroyed() { return this.destroyed; }
      destroy() { this.destroyed = true; }
    }
    let made: FakeTray | null = null;
    const TrayCtor = class extends FakeTray { constructor() { super(); made = this; } };
    const Menu = { buildFromTemplate: (t: MenuItemConstructorOptions[]) => t };
    const tray = createTray({ Tray: TrayCtor as never, Menu: Menu as never }, {} as never, { showWindow: () => shown.push('show'), refreshNow: () => undefined, quit: () => undefined })!;
    expect(made!.tip).toBe('Pollwatch — up to date');
    tray.update(trayStatus({ poll: null, online: true, unseenStatements: 2 }));
    expect(made!.tip).toBe('Pollwatch — 2 new statements');
    made!.emit('click');
    expect(shown).toEqual(['show']);
    const NoTray = class { constructor() { throw new Error('no system tray'); } };
    expect(createTray({ Tray: NoTray as never, Menu: Menu as never }, {} as never, { showWindow() {}, refreshNow() {}, quit() {} })).toBeNull();
  });
});

describe('notifications for saved searches', () => {
  const event = {
    type: 'new-statements' as const,
    count: 5,
    savedSearchMatches: [
      { id: 's1', name: 'Pakistan criticism', count: 2, firstStatementId: 'st-42' },
      { id: 's2', name: 'Quiet one', count: 0, firstStatementId: null },
    ],
  };

  it('one notification per matching saved search, none when notifications are off or for other events', () => {
    const specs = notificationsFor(event, true);
    expect(specs).toEqual([{ title: 'Pollwatch: Pakistan criticism', body: '2 new statements match your saved search “Pakistan criticism”.', savedSearchId: 's1', statementId: 'st-42' }]);
    expect(notificationsFor(event, false)).toEqual([]);
    expect(notificationsFor({ type: 'feeds-changed' }, true)).toEqual([]);
  });

  it('clicking one opens the statement inside the app', () => {
    const opened: string[] = [];
    const made: EventEmitter[] = [];
    class FakeNotification extends EventEmitter {
      static isSupported() { return true; }
      constructor(public options: { title: string }) { super(); made.push(this); }
      show() {}
    }
    expect(showNotifications(FakeNotification as never, notificationsFor(event, true), (u) => opened.push(u))).toBe(1);
    made[0]!.emit('click');
    expect(opened).toEqual(['app://pollwatch/index.html#/statement/st-42']);
    expect(isAppUrl(opened[0])).toBe(true);
    expect(statementUrl('a/b?c')).toBe('app://pollwatch/index.html#/statement/a%2Fb%3Fc');
    expect(statementUrl(null)).toBe('app://pollwatch/index.html');
  });
});

describe('application menu', () => {
  const noop = { refreshNow() {}, importOpml() {}, exportOpml() {}, openDataFolder() {}, showWindow() {}, about() {} };
  const roles = (t: MenuItemConstructorOptions[]): string[] => t.flatMap((i) => [
    ...(i.role ? [String(i.role)] : []),
    ...(Array.isArray(i.submenu) ? roles(i.submenu) : []),
  ]);
  const labels = (t: MenuItemConstructorOptions[]): string[] => t.flatMap((i) => [
    ...(i.label ? [i.label] : []),
    ...(Array.isArray(i.submenu) ? labels(i.submenu) : []),
  ]);

  it('has the usual roles and the app\'s own commands', () => {
    const t = menuTemplate(noop, { platform: 'linux', devTools: false });
    expect(roles(t)).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'quit', 'zoomIn', 'togglefullscreen', 'help']));
    expect(labels(t)).toEqual(expect.arrayContaining(['Check Feeds Now', 'Import Feeds (OPML)…', 'Export Feeds (OPML)…', 'Open Data Folder', 'About Pollwatch']));
    expect(roles(t)).not.toContain('toggleDevTools');
  });

  it('uses the macOS app menu on a Mac, and offers developer tools only in development', () => {
    expect(roles(menuTemplate(noop, { platform: 'darwin', devTools: false }))[0]).toBe('appMenu');
    expect(roles(menuTemplate(noop, { platform: 'linux', devTools: true }))).toContain('toggleDevTools');
  });

  it('runs the command a menu item names', () => {
    const ran: string[] = [];
    const t = menuTemplate({ ...noop, refreshNow: () => ran.push('refresh'), openDataFolder: () => ran.push('folder') }, { platform: 'win32', devTools: false });
    const find = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined =>
      items.map((i) => (i.label === label ? i : Array.isArray(i.submenu) ? find(i.submenu, label) : undefined)).find(Boolean);
    (find(t, 'Check Feeds Now')!.click as () => void)();
    (find(t, 'Open Data Folder')!.click as () => void)();
    expect(ran).toEqual(['refresh', 'folder']);
  });
});

describe('options', () => {
  it('reads --data-dir (both forms, made absolute) and --hidden among Electron\'s own arguments', () => {
    expect(parseAppArgs(['/usr/lib/pollwatch', '.', '--data-dir', 'data', '--enable-logging'], '/home/u')).toEqual({ dataDir: '/home/u/data', hidden: false });
    expect(parseAppArgs(['pollwatch', '--data-dir=/tmp/pw', '--hidden'])).toEqual({ dataDir: '/tmp/pw', hidden: true });
    expect(parseAppArgs(['pollwatch', '--data-dir'])).toEqual({ dataDir: null, hidden: false });
  });

  it('start at login opens the app in the tray, off removes it', () => {
    expect(loginItemSettings(true)).toEqual({ openAtLogin: true, openAsHidden: true, args: ['--hidden'] });
    expect(loginItemSettings(false)).toEqual({ openAtLogin: false, openAsHidden: false, args: [] });
  });
});
