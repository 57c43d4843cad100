// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://127.0.0.1:4321/?q=country%3APK#token=s3cr%2Et"}
// Browser mode: the token arrives once in the address; it is kept for the tab and removed from the URL (so it is
// never bookmarked or shared), while the filter in the search string stays.
import { describe, expect, it } from 'vitest';
import { takeToken } from '../../renderer/api';

describe('takeToken', () => {
  it('reads the token from the hash, stores it for the session and strips it from the address', () => {
    expect(takeToken(window.location, window.sessionStorage, window.history)).toBe('s3cr.t');
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?q=country%3APK');
    expect(window.sessionStorage.getItem('pollwatch-token')).toBe('s3cr.t');
  });

  it('finds the stored token after a reload without the hash', () => {
    expect(takeToken(window.location, window.sessionStorage, window.history)).toBe('s3cr.t');
  });
});

describe('the Electron preload bridge', () => {
  it('turns "[code] message" errors from the preload back into typed ApiErrors', async () => {
    const { wrapPreloadBridge, ApiError: ApiErr } = await import('../../renderer/api');
    const raw = {
      onEvent: () => () => undefined,
      getItem: async () => { throw new Error('[not-found] no item x'); },
      listFeeds: async () => { throw new Error('something else broke'); },
    } as unknown as Parameters<typeof wrapPreloadBridge>[0];
    const bridge = wrapPreloadBridge(raw);
    const notFound = await bridge.getItem('x').catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(ApiErr);
    expect(notFound).toMatchObject({ code: 'not-found', message: 'no item x' });
    await expect(bridge.listFeeds()).rejects.toMatchObject({ code: 'failed', message: 'something else broke' });
  });
});
