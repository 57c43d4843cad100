// Identity of an item within its feed: GUID → GUID+link → link → hash(title+content), so an edited item updates in
// place and a re-published one does not come back as new.
import { createHash } from 'node:crypto';
import type { NormalisedItem } from './types.js';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 32);

/**
 * A GUID is trusted alone when it looks globally unique (a URI, a tag:, a UUID or a long opaque id); a short one
 * ("1", "42") is made unique with the link; without a GUID the link is the identity; without both, the content.
 */
export function itemIdentity(item: Pick<NormalisedItem, 'guid' | 'link' | 'title' | 'content' | 'summary'>): string {
  const guid = item.guid?.trim() || null;
  const link = item.link?.trim() || null;
  if (guid && (/^[a-z][a-z0-9+.-]*:/i.test(guid) || guid.length >= 16)) return 'g:' + sha(guid);
  if (guid && link) return 'gl:' + sha(guid + '\n' + link);
  if (guid) return 'g:' + sha(guid);
  if (link) return 'l:' + sha(link);
  return 'h:' + sha((item.title ?? '') + '\n' + (item.content ?? item.summary ?? ''));
}

/** Hash of what the user reads: when it changes for the same identity, the item was edited. */
export function itemContentHash(item: Pick<NormalisedItem, 'title' | 'content' | 'summary' | 'link'>): string {
  return sha([item.title ?? '', item.link ?? '', item.summary ?? '', item.content ?? ''].join('\n'));
}
