// A statement's stance as a coloured tag that also says it in words (never colour alone).
import type { Stance } from '../../electron/contract/api';
import { strings } from '../strings';

const ICONS: Record<Stance, string> = { critical: '▼', supportive: '▲', defensive: '◆', neutral: '●' };

export function StanceTag({ stance }: { stance: Stance }) {
  return (
    <span className={`tag stance-${stance}`} data-stance={stance}>
      <span className="stance-icon" aria-hidden="true">{ICONS[stance]}</span>
      {strings.stance[stance] ?? stance}
    </span>
  );
}
