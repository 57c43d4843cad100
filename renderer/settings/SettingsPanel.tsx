// Settings: how long to keep items, how often to poll, full-text fetching, notifications, start at login, and where
// the data lives (read-only), plus any store files that could not be read and were kept aside.
import { useEffect, useState } from 'react';
import type { PollwatchApi, Settings, StoreProblem } from '../../electron/contract/api';
import { strings } from '../strings';

export interface SettingsPanelProps {
  api: PollwatchApi;
  /** Shown only in the desktop app, where it means something. */
  desktop: boolean;
  problems: StoreProblem[];
  onError: (message: string) => void;
}

export function SettingsPanel({ api, desktop, problems, onError }: SettingsPanelProps) {
  const s = strings.settings;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [days, setDays] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    api.getSettings().then((x) => { setSettings(x); setDays(x.retentionDays ? String(x.retentionDays) : ''); }, (e: unknown) => onError(String(e)));
  }, [api, onError]);
  if (!settings) return null;
  const update = (patch: Parameters<PollwatchApi['updateSettings']>[0]): void => {
    setSaved(false);
    api.updateSettings(patch).then((x) => { setSettings(x); setSaved(true); }, (e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  };
  const keepAll = settings.retentionDays === null;
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{s.title}</h2>
      <fieldset>
        <legend>{s.retention}</legend>
        <label><input type="radio" name="retention" checked={keepAll} onChange={() => update({ retentionDays: null })} /> {s.keepAll}</label>
        <label>
          <input type="radio" name="retention" checked={!keepAll} onChange={() => update({ retentionDays: Number(days) > 0 ? Number(days) : 90 })} />
          {' '}{s.keepDaysBefore}{' '}
          <input type="number" min={1} max={36500} aria-label={s.days} value={keepAll ? days : String(settings.retentionDays)} disabled={keepAll}
            onChange={(e) => setDays(e.target.value)}
            onBlur={() => { const n = Math.round(Number(days)); if (!keepAll && n >= 1) update({ retentionDays: n }); }} />
          {' '}{s.keepDaysAfter}
        </label>
      </fieldset>
      <label>
        {s.interval}{' '}
        <select value={settings.pollIntervalMinutes} onChange={(e) => update({ pollIntervalMinutes: Number(e.target.value) })}>
          {[5, 10, 15, 30, 60, 120, 360, 1440].map((m) => <option key={m} value={m}>{s.minutes(m)}</option>)}
        </select>
      </label>
      <label><input type="checkbox" checked={settings.fetchFullText} onChange={(e) => update({ fetchFullText: e.target.checked })} /> {s.fullText}</label>
      <label><input type="checkbox" checked={settings.notifications} onChange={(e) => update({ notifications: e.target.checked })} /> {s.notifications}</label>
      {desktop && <label><input type="checkbox" checked={settings.startAtLogin} onChange={(e) => update({ startAtLogin: e.target.checked })} /> {s.startAtLogin}</label>}
      <p>{s.dataDir} <code dir="auto">{settings.dataDir}</code></p>
      {saved && <p className="faint" role="status">{s.saved}</p>}
      {problems.length > 0 && (
        <div className="notice" role="alert">
          <p>{s.problems}</p>
          <ul>{problems.map((p) => <li key={p.movedTo} dir="auto"><code>{p.file}</code> → <code>{p.movedTo}</code>: {p.error}</li>)}</ul>
        </div>
      )}
    </section>
  );
}
