// The per-entry report of an OPML import: what was imported, what was a duplicate, what was refused and why.
import type { OpmlImportReport } from '../../electron/contract/api';
import { strings } from '../strings';

export function OpmlReport({ report, onClose }: { report: OpmlImportReport; onClose: () => void }) {
  return (
    <section className="report" aria-labelledby="opml-report-title">
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 12 }}>
        <h2 id="opml-report-title">{strings.feeds.report}</h2>
        <span className="muted" data-testid="opml-summary">{strings.feeds.reportSummary(report.imported, report.duplicates, report.refused)}</span>
        <span style={{ flex: 1 }} />
        <button type="button" onClick={onClose}>{strings.article.close}</button>
      </div>
      <table className="grid">
        <thead><tr><th>{strings.feeds.title}</th><th>{strings.feeds.address}</th><th>{strings.filters.folders}</th><th>{strings.feeds.status}</th></tr></thead>
        <tbody>
          {report.entries.map((e, i) => (
            <tr key={i} data-outcome={e.outcome}>
              <td dir="auto">{e.title}</td>
              <td className="feed-url">{e.url ?? ''}</td>
              <td dir="auto">{e.folder ?? ''}</td>
              <td className={e.outcome === 'refused' ? 'health-error' : e.outcome === 'imported' ? 'health-ok' : 'muted'}>
                {strings.feeds.outcome[e.outcome]}{e.reason ? ` — ${e.reason}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
