// Which article pages the app fetches for full text on its own: a feed from the internet must not make it probe the
// user's own machine or local network; a feed on the local network may link to pages there.
import { describe, expect, it } from 'vitest';
import { isLocalHost, mayFetchArticle } from '../../electron/core/analysis-queue.js';

describe('full-text fetching policy', () => {
  it('recognises this machine and private networks', () => {
    for (const h of ['localhost', '127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '[::1]', 'printer.local', 'fd00::1']) {
      expect(isLocalHost(h), h).toBe(true);
    }
    for (const h of ['example.org', '8.8.8.8', '172.32.0.1', '192.169.0.1', 'dawn.com']) expect(isLocalHost(h), h).toBe(false);
  });

  it('fetches internet pages, but local pages only for a feed that is itself local', () => {
    expect(mayFetchArticle('https://news.example/story', 'https://news.example/feed.xml')).toBe(true);
    expect(mayFetchArticle('http://192.168.1.1/admin', 'https://news.example/feed.xml')).toBe(false);
    expect(mayFetchArticle('http://169.254.169.254/latest/meta-data', 'https://news.example/feed.xml')).toBe(false);
    expect(mayFetchArticle('http://127.0.0.1:8080/story', 'http://127.0.0.1:8080/feed.xml')).toBe(true);
    expect(mayFetchArticle('file:///etc/passwd', 'file:///home/me/feed.xml')).toBe(false);
    expect(mayFetchArticle('javascript:alert(1)', 'https://news.example/feed.xml')).toBe(false);
  });
});
