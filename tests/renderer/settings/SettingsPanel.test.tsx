// @vitest-environment jsdom
// Settings: the user sees where their data lives, switches retention from "keep everything" to N days, and is told
// about store files that were kept aside.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { PollwatchApi, Settings } from '../../../electron/contract/api';
import { SettingsPanel } from '../../../renderer/settings/SettingsPanel';
import { mount } from '../render';

function fakeSettingsApi(initial: Settings): { api: PollwatchApi; patches: unknown[] } {
  let current = initial;
  const patches: unknown[] = [];
  const api = {
    getSettings: async () => current,
    updateSettings: async (patch: Partial<Settings>) => { patches.push(patch); current = { ...current, ...patch }; return current; },
  } as unknown as PollwatchApi;
  return { api, patches };
}
const flush = () => act(async () => { await new Promise((r) => setTimeout(r, 0)); });
const base: Settings = { retentionDays: null, pollIntervalMinutes: 15, concurrency: 8, fetchFullText: true, startAtLogin: false, notifications: true, dataDir: '/home/ana/.config/Pollwatch' };

describe('SettingsPanel', () => {
  it('shows the data directory and keeps everything by default', async () => {
    const { api } = fakeSettingsApi(base);
    const m = mount(<SettingsPanel api={api} desktop={false} problems={[]} onError={() => undefined} />);
    await flush();
    expect(m.container.textContent).toContain('/home/ana/.config/Pollwatch');
    const radios = m.container.querySelectorAll<HTMLInputElement>('input[name="retention"]');
    expect(radios[0]!.checked).toBe(true);
    expect(m.container.textContent).not.toContain('Start Pollwatch when I log in');
    m.unmount();
  });

  it('switches retention to a number of days and saves it', async () => {
    const { api, patches } = fakeSettingsApi(base);
    const m = mount(<SettingsPanel api={api} desktop={true} problems={[]} onError={() => undefined} />);
    await flush();
    const radios = m.container.querySelectorAll<HTMLInputElement>('input[name="retention"]');
    act(() => { radios[1]!.click(); });
    await flush();
    expect(patches).toEqual([{ retentionDays: 90 }]);
    expect(m.container.querySelector<HTMLInputElement>('input[type="number"]')!.value).toBe('90');
    expect(m.container.textContent).toContain('Start Pollwatch when I log in');
    m.unmount();
  });

  it('reports store files that could not be read and were kept aside', async () => {
    const { api } = fakeSettingsApi(base);
    const problems = [{ file: '/d/pollwatch.json', movedTo: '/d/pollwatch.json.corrupt-2024', error: 'Unexpected end of JSON input' }];
    const m = mount(<SettingsPanel api={api} desktop={false} problems={problems} onError={() => undefined} />);
    await flush();
    expect(m.container.querySelector('[role="alert"]')!.textContent).toContain('pollwatch.json.corrupt-2024');
    m.unmount();
  });
});
