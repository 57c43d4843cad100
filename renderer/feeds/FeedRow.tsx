// One feed in the feeds table: its health (last fetch, status, errors, next check, items) and what can be done to it.
import { useState } from 'react';
import type { Feed, Folder } from '../../electron/contract/api';
import { strings } from '../strings';
import { dateTimeLabel, relativeLabel } from '../format';

export interface FeedRowProps {
  feed: Feed;
  folders: Folder[];
  onRename: (title: string) => void;
  onMove: (folderId: string | null) => void;
  onPause: (paused: boolean) => void;
  onRemove: () => void;
  onRefresh: () => void;
}

export function FeedRow({ feed, folders, onRename, onMove, onPause, onRemove, onRefresh }: FeedRowProps) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(feed.title);
  const h = feed.health;
  const statusClass = feed.paused ? 'health-paused' : h.lastStatus === 'error' || h.lastStatus === 'gone' ? 'health-error' : h.lastStatus === 'new' ? 'muted' : 'health-ok';
  return (
    <tr data-feed-id={feed.id}>
      <td>
        {editing ? (
          <form onSubmit={(e) => { e.preventDefault(); if (title.trim()) onRename(title.trim()); setEditing(false); }} style={{ display: 'flex', gap: 4 }}>
            <input type="text" dir="auto" aria-label={strings.feeds.rename} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
            <button type="submit">{strings.feeds.save}</button>
            <button type="button" onClick={() => { setTitle(feed.title); setEditing(false); }}>{strings.feeds.cancel}</button>
          </form>
        ) : <div className="feed-title" dir="auto">{feed.title}</div>}
        <div className="feed-url">{feed.url}</div>
      </td>
      <td className={statusClass}>
        {feed.paused ? strings.feeds.paused : h.lastStatus}
        {h.lastError && <div className="health-error" style={{ fontSize: 12 }} dir="auto">{h.lastError}</div>}
      </td>
      <td title={dateTimeLabel(h.lastFetchAt)}>{h.lastFetchAt ? relativeLabel(h.lastFetchAt) : strings.feeds.never}</td>
      <td className={h.errorCount > 0 ? 'health-error' : undefined}>{h.errorCount}</td>
      <td title={dateTimeLabel(h.nextCheckAt)}>{feed.paused ? '—' : relativeLabel(h.nextCheckAt)}</td>
      <td>{h.itemCount.toLocaleString('en')}</td>
      <td>
        <div className="row-buttons">
          <button type="button" onClick={onRefresh} disabled={feed.paused}>{strings.feeds.refresh}</button>
          <button type="button" onClick={() => onPause(!feed.paused)}>{feed.paused ? strings.feeds.resume : strings.feeds.pause}</button>
          <button type="button" onClick={() => setEditing(true)}>{strings.feeds.rename}</button>
          <select aria-label={strings.feeds.move} value={feed.folderId ?? ''} onChange={(e) => onMove(e.target.value || null)}>
            <option value="">{strings.feeds.noFolder}</option>
            {folders.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
          </select>
          <button type="button" className="danger" onClick={() => { if (window.confirm(strings.feeds.confirmRemove(feed.title))) onRemove(); }}>{strings.feeds.remove}</button>
        </div>
      </td>
    </tr>
  );
}
