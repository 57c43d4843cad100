// The tray icon: shows whether Pollwatch is polling, offline or has new statements, and offers show / refresh / quit.
// With a tray, closing the window hides it (close-to-tray) and polling goes on; without one, closing quits.
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { PollProgress } from '../contract/api.js';

export type TrayState = 'idle' | 'polling' | 'offline' | 'new-statements';

export interface TrayStatus {
  state: TrayState;
  /** The tooltip, and the first (disabled) line of the tray menu. */
  label: string;
}

/** What the tray says, from the poller's progress, the network state and the statements the user has not seen. */
export function trayStatus(input: { poll: PollProgress | null; online: boolean; unseenStatements: number }): TrayStatus {
  const { poll, online, unseenStatements } = input;
  if (!online || poll?.offline) {
    return { state: 'offline', label: `Pollwatch — offline${poll?.message ? `: ${poll.message}` : ', polling paused'}` };
  }
  if (poll?.running) {
    return { state: 'polling', label: `Pollwatch — checking feeds (${poll.done}/${poll.total})` };
  }
  if (unseenStatements > 0) {
    const n = unseenStatements;
    return { state: 'new-statements', label: `Pollwatch — ${n} new statement${n === 1 ? '' : 's'}` };
  }
  return { state: 'idle', label: 'Pollwatch — up to date' };
}

export interface TrayCommands {
  showWindow(): void;
  refreshNow(): void;
  quit(): void;
}

export function trayMenuTemplate(status: TrayStatus, cmds: TrayCommands): MenuItemConstructorOptions[] {
  return [
    { label: status.label, enabled: false },
    { type: 'separator' },
    { label: 'Show Pollwatch', click: () => cmds.showWindow() },
    { label: 'Check feeds now', enabled: status.state !== 'polling' && status.state !== 'offline', click: () => cmds.refreshNow() },
    { type: 'separator' },
    { label: 'Quit Pollwatch', click: () => cmds.quit() },
  ];
}

/** Whether closing the main window should only hide it: yes while a tray icon exists and the user is not quitting. */
export function hideOnClose(opts: { quitting: boolean; hasTray: boolean }): boolean {
  return opts.hasTray && !opts.quitting;
}

export interface AppTray {
  update(status: TrayStatus): void;
  destroy(): void;
}

/** Creates the tray icon (the electron classes are passed in). Returns null where the desktop has no tray. */
export function createTray(
  deps: { Tray: new (image: NativeImage) => Tray; Menu: Pick<typeof Menu, 'buildFromTemplate'> },
  image: NativeImage,
  cmds: TrayCommands,
): AppTray | null {
  let tray: Tray;
  try {
    tray = new deps.Tray(image);
  } catch {
    return null;
  }
  let lastLabel = '';
  const update = (status: TrayStatus): void => {
    if (tray.isDestroyed() || status.label === lastLabel) return;
    lastLabel = status.label;
    tray.setToolTip(status.label);
    tray.setContextMenu(deps.Menu.buildFromTemplate(trayMenuTemplate(status, cmds)));
  };
  tray.on('click', () => cmds.showWindow());
  update(trayStatus({ poll: null, online: true, unseenStatements: 0 }));
  return { update, destroy: () => tray.destroy() };
}
