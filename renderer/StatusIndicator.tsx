// The top bar's status: online or offline, poll progress while feeds are fetched, analysis still pending.
import type { AppStatus } from '../electron/contract/api';
import { strings } from './strings';

export function StatusIndicator({ status, connected }: { status: AppStatus | null; connected: boolean }) {
  if (!connected) return <div className="status"><span className="pill offline" role="status"><span className="dot" />{strings.status.disconnected}</span></div>;
  if (!status) return null;
  const p = status.poll;
  const online = status.online && !p.offline;
  return (
    <div className="status" aria-live="polite">
      {p.running && p.total > 0 && (
        <span className="pill" role="status" data-testid="poll-progress">
          {strings.status.polling(p.done, p.total)}
          <span className="progress" aria-hidden="true"><span style={{ width: `${Math.round((100 * p.done) / p.total)}%` }} /></span>
        </span>
      )}
      {status.analysisPending > 0 && <span className="pill">{strings.status.analysing(status.analysisPending)}</span>}
      {status.storeProblems.length > 0 && <span className="pill offline" title={status.storeProblems.map((s) => `${s.file}: ${s.error}`).join('\n')}>{strings.status.storeProblems(status.storeProblems.length)}</span>}
      <span className={`pill${online ? '' : ' offline'}`} data-testid="online-indicator" title={p.message ?? undefined}>
        <span className="dot" />{online ? strings.status.online : strings.status.offline}
      </span>
    </div>
  );
}
