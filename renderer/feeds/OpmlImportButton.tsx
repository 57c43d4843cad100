// Picks an OPML file and imports it; the per-entry report goes back to the caller.
import { useRef, useState } from 'react';
import type { OpmlImportReport, PollwatchApi } from '../../electron/contract/api';
import { strings } from '../strings';

export interface OpmlImportButtonProps {
  api: Pick<PollwatchApi, 'importOpml'>;
  onReport: (r: OpmlImportReport) => void;
  onError: (message: string) => void;
  label?: string;
}

export function OpmlImportButton({ api, onReport, onError, label = strings.feeds.importOpml }: OpmlImportButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".opml,.xml,text/xml,text/x-opml,application/xml"
        style={{ display: 'none' }}
        data-testid="opml-file"
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setBusy(true);
          file.text()
            .then((text) => api.importOpml(text))
            .then(onReport, (err: unknown) => onError(err instanceof Error ? err.message : String(err)))
            .finally(() => setBusy(false));
        }}
      />
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>{label}</button>
    </>
  );
}
