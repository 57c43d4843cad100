// Ids the store hands out: stable item ids (a short hash of feed id + item identity) and short random ids for feeds
// and folders. Statement ids (made by the service) are `<itemId>.<12 hex>`.
import { createHash, randomUUID } from 'node:crypto';

export function itemId(feedId: string, identity: string): string {
  return createHash('sha256').update(feedId + '\n' + identity).digest('hex').slice(0, 16);
}

export function shortId(taken: (id: string) => boolean): string {
  for (;;) {
    const id = randomUUID().replace(/-/g, '').slice(0, 10);
    if (!taken(id)) return id;
  }
}

/** The item a statement belongs to. */
export function itemIdOfStatement(statementId: string): string {
  return statementId.split('.')[0]!;
}
