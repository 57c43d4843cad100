// The feeds screen: add by URL or site, OPML import/export, folders, and each feed's health and actions.
import { useState } from 'react';
import type { Feed, Folder, OpmlImportReport, PollwatchApi, StoreProblem } from '../../electron/contract/api';
import { SettingsPanel } from '../settings/SettingsPanel';
import { strings } from '../strings';
import { downloadText } from '../download';
import { AddFeedForm } from './AddFeedForm';
import { OpmlImportButton } from './OpmlImportButton';
import { OpmlReport } from './OpmlReport';
import { FeedRow } from './FeedRow';

export interface FeedsScreenProps {
  api: PollwatchApi;
  feeds: Feed[];
  folders: Folder[];
  /** Reloads feeds and folders after a change. */
  reload: () => void;
  onError: (message: string) => void;
  /** The last OPML import's report (kept by the caller so an import from the first-run screen shows here). */
  report: OpmlImportReport | null;
  onReport: (report: OpmlImportReport | null) => void;
  /** Desktop app (Electron) rather than browser mode. */
  desktop: boolean;
  storeProblems: StoreProblem[];
}

export function FeedsScreen({ api, feeds, folders, reload, onError, report, onReport, desktop, storeProblems }: FeedsScreenProps) {
  const [notice, setNotice] = useState<string | null>(null);
  const [folderName, setFolderName] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [folderTitle, setFolderTitle] = useState('');
  const act = (p: Promise<unknown>): void => { p.then(reload, (e: unknown) => onError(e instanceof Error ? e.message : String(e))); };
  const groups: { folder: Folder | null; feeds: Feed[] }[] = [
    ...folders.map((f) => ({ folder: f, feeds: feeds.filter((x) => x.folderId === f.id) })),
    { folder: null, feeds: feeds.filter((x) => !x.folderId || !folders.some((f) => f.id === x.folderId)) },
  ];
  return (
    <div className="feeds">
      <h1>{strings.feeds.title}</h1>
      <div className="feed-actions">
        <AddFeedForm
          api={api}
          folders={folders}
          onAdded={(r) => { setNotice(strings.feeds.added(r.feed.title) + (r.discoveredFrom ? ` (${strings.feeds.discovered(r.discoveredFrom)})` : '')); reload(); }}
          onError={onError}
        />
        <OpmlImportButton api={api} onReport={(r) => { onReport(r); reload(); }} onError={onError} />
        <button type="button" onClick={() => api.exportOpml().then((x) => downloadText('pollwatch-feeds.opml', 'text/x-opml', x), (e: unknown) => onError(String(e)))}>
          {strings.feeds.exportOpml}
        </button>
        <button type="button" onClick={() => act(api.refreshNow(null))} disabled={feeds.length === 0}>{strings.feeds.refreshAll}</button>
      </div>
      {notice && <div className="notice" role="status">{notice}</div>}
      {report && <OpmlReport report={report} onClose={() => onReport(null)} />}
      <form className="feed-actions" onSubmit={(e) => { e.preventDefault(); if (folderName.trim()) { act(api.addFolder(folderName.trim(), null)); setFolderName(''); } }}>
        <input type="text" dir="auto" aria-label={strings.feeds.folderPlaceholder} placeholder={strings.feeds.folderPlaceholder} value={folderName} onChange={(e) => setFolderName(e.target.value)} />
        <button type="submit" disabled={!folderName.trim()}>{strings.feeds.addFolder}</button>
      </form>
      {feeds.length === 0 && folders.length === 0 ? <p className="empty">{strings.feeds.none}</p> : (
        <table className="grid feeds-table">
          <thead>
            <tr>
              <th>{strings.feeds.title}</th><th>{strings.feeds.status}</th><th>{strings.feeds.lastFetch}</th><th>{strings.feeds.errors}</th>
              <th>{strings.feeds.nextCheck}</th><th>{strings.feeds.items}</th><th />
            </tr>
          </thead>
          {groups.map((g) => (g.folder === null && g.feeds.length === 0 ? null : (
            <tbody key={g.folder?.id ?? 'none'}>
              <tr className="folder-row">
                <td colSpan={6} dir="auto">
                  {g.folder && renaming === g.folder.id ? (
                    <form style={{ display: 'inline-flex', gap: 4 }} onSubmit={(e) => {
                      e.preventDefault();
                      if (folderTitle.trim()) act(api.renameFolder(g.folder!.id, folderTitle.trim()));
                      setRenaming(null);
                    }}>
                      <input type="text" dir="auto" aria-label={strings.feeds.renameFolder} value={folderTitle} onChange={(e) => setFolderTitle(e.target.value)} autoFocus />
                      <button type="submit">{strings.feeds.save}</button>
                      <button type="button" onClick={() => setRenaming(null)}>{strings.feeds.cancel}</button>
                    </form>
                  ) : (g.folder ? g.folder.name : strings.feeds.noFolder)}
                  {' '}<span className="faint">({g.feeds.length})</span>
                </td>
                <td>
                  {g.folder && (
                    <div className="row-buttons">
                      <button type="button" onClick={() => { setRenaming(g.folder!.id); setFolderTitle(g.folder!.name); }}>{strings.feeds.renameFolder}</button>
                      <button type="button" className="danger" onClick={() => act(api.removeFolder(g.folder!.id))}>{strings.feeds.removeFolder}</button>
                    </div>
                  )}
                </td>
              </tr>
              {g.feeds.map((f) => (
                <FeedRow
                  key={f.id}
                  feed={f}
                  folders={folders}
                  onRename={(t) => act(api.renameFeed(f.id, t))}
                  onMove={(id) => act(api.moveFeed(f.id, id))}
                  onPause={(p) => act(api.pauseFeed(f.id, p))}
                  onRemove={() => act(api.removeFeed(f.id))}
                  onRefresh={() => act(api.refreshNow(f.id))}
                />
              ))}
            </tbody>
          )))}
        </table>
      )}
      <SettingsPanel api={api} desktop={desktop} problems={storeProblems} onError={onError} />
    </div>
  );
}
