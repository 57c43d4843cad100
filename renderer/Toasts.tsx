// Short messages in the corner: errors and saved-search matches.
import { strings } from './strings';

export interface Toast { id: number; text: string; kind: 'info' | 'error'; action?: { label: string; run: () => void } }

export function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast${t.kind === 'error' ? ' error' : ''}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span dir="auto" style={{ flex: 1 }}>{t.kind === 'error' ? `${strings.errors.generic} ${t.text}` : t.text}</span>
          {t.action && <button type="button" onClick={() => { t.action!.run(); onDismiss(t.id); }}>{t.action.label}</button>}
          <button type="button" className="link" aria-label={strings.errors.dismiss} onClick={() => onDismiss(t.id)}>✕</button>
        </div>
      ))}
    </div>
  );
}
