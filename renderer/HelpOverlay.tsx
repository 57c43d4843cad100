// The keyboard shortcuts, shown with "?".
import { strings } from './strings';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="overlay" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">{strings.help.title}</h2>
        <table>
          <tbody>
            {strings.help.keys.map(([k, what]) => <tr key={k}><td><kbd>{k}</kbd></td><td>{what}</td></tr>)}
          </tbody>
        </table>
        <div style={{ marginTop: 12, textAlign: 'right' }}><button type="button" onClick={onClose} autoFocus>{strings.help.close}</button></div>
      </div>
    </div>
  );
}
