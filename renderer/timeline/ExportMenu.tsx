// Export of the statements under the current filter as CSV, JSON or Markdown, saved through a Blob link.
import { useState } from 'react';
import type { ExportFormat, PollwatchApi, StatementFilter } from '../../electron/contract/api';
import { strings } from '../strings';
import { downloadText } from '../download';

const FORMATS: [ExportFormat, string][] = [['csv', 'CSV'], ['json', 'JSON'], ['markdown', 'Markdown']];

export function ExportMenu({ api, filter, onError }: { api: Pick<PollwatchApi, 'exportStatements'>; filter: StatementFilter; onError: (m: string) => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }} role="group" aria-label={strings.timeline.export}>
      <span className="muted">{strings.timeline.export}:</span>
      {FORMATS.map(([f, label]) => (
        <button
          key={f}
          type="button"
          disabled={busy}
          aria-label={strings.timeline.exportAs(label)}
          onClick={() => {
            setBusy(true);
            api.exportStatements(filter, f).then(
              (r) => downloadText(r.filename, r.mimeType, r.content),
              (e: unknown) => onError(e instanceof Error ? e.message : String(e)),
            ).finally(() => setBusy(false));
          }}
        >{label}</button>
      ))}
    </span>
  );
}
