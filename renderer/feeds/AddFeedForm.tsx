// Subscribes to a feed by its URL or by a site's address (the app discovers the feed).
import { useState } from 'react';
import type { AddFeedResult, Folder, PollwatchApi } from '../../electron/contract/api';
import { strings } from '../strings';

export interface AddFeedFormProps {
  api: Pick<PollwatchApi, 'addFeed'>;
  folders: Folder[];
  onAdded: (r: AddFeedResult) => void;
  onError: (message: string) => void;
}

export function AddFeedForm({ api, folders, onAdded, onError }: AddFeedFormProps) {
  const [url, setUrl] = useState('');
  const [folderId, setFolderId] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="add-feed"
      onSubmit={(e) => {
        e.preventDefault();
        const u = url.trim();
        if (!u || busy) return;
        setBusy(true);
        api.addFeed(u, folderId || null).then(
          (r) => { setUrl(''); onAdded(r); },
          (err: unknown) => onError(err instanceof Error ? err.message : String(err)),
        ).finally(() => setBusy(false));
      }}
    >
      <label htmlFor="add-feed-url" className="sr-only">{strings.feeds.addPlaceholder}</label>
      <input id="add-feed-url" type="text" inputMode="url" placeholder={strings.feeds.addPlaceholder} value={url} onChange={(e) => setUrl(e.target.value)} />
      {folders.length > 0 && (
        <select aria-label={strings.feeds.move} value={folderId} onChange={(e) => setFolderId(e.target.value)}>
          <option value="">{strings.feeds.noFolder}</option>
          {folders.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
        </select>
      )}
      <button type="submit" className="primary" disabled={busy || !url.trim()}>{busy ? strings.feeds.adding : strings.feeds.add}</button>
    </form>
  );
}
