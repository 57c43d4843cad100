// First run with no feeds: offer the starter list (one click), an OPML import, or one feed by address.
import { useState } from 'react';
import type { OpmlImportReport, PollwatchApi } from '../../electron/contract/api';
import { strings } from '../strings';
import { AddFeedForm } from './AddFeedForm';
import { OpmlImportButton } from './OpmlImportButton';

export interface FirstRunProps {
  api: PollwatchApi;
  /** Feeds were added one by one. */
  onDone: () => void;
  /** An OPML (or the starter list) was imported: the caller shows the report. */
  onImported: (report: OpmlImportReport) => void;
  onError: (message: string) => void;
}

export function FirstRun({ api, onDone, onImported, onError }: FirstRunProps) {
  const [busy, setBusy] = useState(false);
  return (
    <div className="first-run" role="region" aria-labelledby="first-run-title">
      <h1 id="first-run-title">{strings.firstRun.title}</h1>
      <p className="muted">{strings.firstRun.body}</p>
      <div className="choices">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            api.starterFeeds().then((opml) => api.importOpml(opml)).then(
              (r) => onImported(r),
              (e: unknown) => onError(e instanceof Error ? e.message : String(e)),
            ).finally(() => setBusy(false));
          }}
        >{strings.firstRun.starter}</button>
        <OpmlImportButton api={api} onReport={onImported} onError={onError} label={strings.firstRun.importOpml} />
      </div>
      <p className="muted" style={{ marginBottom: 6 }}>{strings.firstRun.orAdd}</p>
      <AddFeedForm api={api} folders={[]} onAdded={() => onDone()} onError={onError} />
    </div>
  );
}
