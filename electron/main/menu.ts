// The application menu: the platform's usual roles (app, edit, view, window) plus Pollwatch's own commands.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuCommands {
  refreshNow(): void;
  importOpml(): void;
  exportOpml(): void;
  openDataFolder(): void;
  showWindow(): void;
  about(): void;
}

export function menuTemplate(cmds: MenuCommands, opts: { platform: NodeJS.Platform; devTools: boolean }): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Check Feeds Now', accelerator: 'F5', click: () => cmds.refreshNow() },
      { type: 'separator' },
      { label: 'Import Feeds (OPML)…', accelerator: 'CmdOrCtrl+O', click: () => cmds.importOpml() },
      { label: 'Export Feeds (OPML)…', accelerator: 'CmdOrCtrl+Shift+E', click: () => cmds.exportOpml() },
      { type: 'separator' },
      { label: 'Open Data Folder', click: () => cmds.openDataFolder() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(opts.devTools ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      ...(mac ? [] : ([{ label: 'About Pollwatch', click: () => cmds.about() }] as MenuItemConstructorOptions[])),
      { label: 'Show Pollwatch', click: () => cmds.showWindow() },
    ],
  };
  return [
    ...(mac ? ([{ role: 'appMenu' }] as MenuItemConstructorOptions[]) : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    help,
  ];
}
