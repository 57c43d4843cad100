// Native notifications for saved-search matches: one per saved search with notify on; clicking it shows the window
// on the first matching statement (app://pollwatch/index.html#/statement/<id>).
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { PollwatchEvent } from '../contract/api.js';
import { APP_INDEX_URL } from './security.js';

export interface NotificationSpec {
  title: string;
  body: string;
  savedSearchId: string;
  /** The statement a click opens, or null (then the click shows the timeline). */
  statementId: string | null;
}

/** The page URL that opens one statement (the renderer reads the hash). */
export function statementUrl(statementId: string | null): string {
  return statementId ? `${APP_INDEX_URL}#/statement/${encodeURIComponent(statementId)}` : APP_INDEX_URL;
}

/** The notifications an app event calls for; none when the user turned notifications off. */
export function notificationsFor(event: PollwatchEvent, enabled: boolean): NotificationSpec[] {
  if (!enabled || event.type !== 'new-statements') return [];
  return event.savedSearchMatches
    .filter((m) => m.count > 0)
    .slice(0, 5)
    .map((m) => ({
      title: `Pollwatch: ${m.name}`.slice(0, 120),
      body: `${m.count} new statement${m.count === 1 ? '' : 's'} match your saved search “${m.name}”.`.slice(0, 300),
      savedSearchId: m.id,
      statementId: m.firstStatementId,
    }));
}

/** Shows the notifications (Notification is passed in); a click calls open with the statement's URL. */
export function showNotifications(
  NotificationClass: { new (options: NotificationConstructorOptions): Notification; isSupported(): boolean },
  specs: readonly NotificationSpec[],
  open: (url: string) => void,
): number {
  if (specs.length === 0 || !NotificationClass.isSupported()) return 0;
  for (const spec of specs) {
    const n = new NotificationClass({ title: spec.title, body: spec.body, silent: false });
    n.on('click', () => open(statementUrl(spec.statementId)));
    n.show();
  }
  return specs.length;
}
