// @vitest-environment jsdom
// First run with no feeds: one click imports the starter list shipped with the app, and the report goes to the caller.
// The API here is a stand-in for Electron's preload bridge (window.pollwatch), the only thing this screen talks to.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpmlImportReport, PollwatchApi } from '../../../electron/contract/api';
import { FirstRun } from '../../../renderer/feeds/FirstRun';
import { mount, type Mounted } from '../render';

let m: Mounted | null = null;
afterEach(() => { m?.unmount(); m = null; });

const report: OpmlImportReport = { imported: 2, duplicates: 0, refused: 0, entries: [] };

describe('FirstRun', () => {
  it('imports the starter OPML with one click and hands over the report', async () => {
    const starter = '<opml version="2.0"><body><outline xmlUrl="https://example.org/feed"/></body></opml>';
    const importOpml = vi.fn(async (_text: string) => report);
    const bridge = { starterFeeds: async () => starter, importOpml, addFeed: vi.fn() } as unknown as PollwatchApi;
    const onImported = vi.fn();
    m = mount(<FirstRun api={bridge} onDone={() => {}} onImported={onImported} onError={(e) => { throw new Error(e); }} />);
    const button = [...m.container.querySelectorAll('button')].find((b) => b.textContent === 'Add the starter feeds')!;
    await act(async () => { button.click(); });
    expect(importOpml).toHaveBeenCalledWith(starter);
    expect(onImported).toHaveBeenCalledWith(report);
  });

  it('says why when the import fails', async () => {
    const bridge = { starterFeeds: async () => { throw new Error('starter list missing'); }, importOpml: vi.fn(), addFeed: vi.fn() } as unknown as PollwatchApi;
    const onError = vi.fn();
    m = mount(<FirstRun api={bridge} onDone={() => {}} onImported={() => {}} onError={onError} />);
    const button = [...m.container.querySelectorAll('button')].find((b) => b.textContent === 'Add the starter feeds')!;
    await act(async () => { button.click(); });
    expect(onError).toHaveBeenCalledWith('starter list missing');
    expect(button.disabled).toBe(false);
  });
});
