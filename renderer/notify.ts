// Desktop notifications for saved searches in browser mode (Web Notification); in Electron the shell shows its own.
import { strings } from './strings';

export function canNotify(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

/** Asks for permission (call from a click). */
export async function askNotificationPermission(): Promise<boolean> {
  if (!canNotify()) return false;
  if (Notification.permission === 'granted') return true;
  if (Notification.permission === 'denied') return false;
  return (await Notification.requestPermission()) === 'granted';
}

export function notifySavedSearch(name: string, count: number, onClick: () => void): void {
  if (!canNotify() || Notification.permission !== 'granted') return;
  const n = new Notification(strings.appName, { body: strings.saved.newMatches(name, count), tag: `pollwatch-saved-${name}` });
  n.onclick = () => { window.focus(); onClick(); n.close(); };
}
