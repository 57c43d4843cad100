// Relative links resolve against xml:base and the feed's URL; HTML content gets absolute href/src/srcset.
import { describe, expect, it } from 'vitest';
import { resolveHtmlUrls, resolveUrl } from '../../../electron/core/feeds/urls.js';

describe('resolveUrl', () => {
  it('resolves against an absolute base', () => {
    expect(resolveUrl('/relative/uri', 'http://127.0.0.1:8097/a/b.xml')).toBe('http://127.0.0.1:8097/relative/uri');
    expect(resolveUrl('test.html', 'http://example.com/test/')).toBe('http://example.com/test/test.html');
  });
  it('keeps a relative reference as written when there is no base', () => {
    expect(resolveUrl('/x', null)).toBe('/x');
  });
  it('resolves against a relative base without inventing a host', () => {
    expect(resolveUrl('c.html', '/a/b/')).toBe('/a/b/c.html');
  });
  it('keeps absolute URLs', () => {
    expect(resolveUrl('http://other.example/x', 'http://example.com/')).toBe('http://other.example/x');
  });
});

describe('resolveHtmlUrls', () => {
  it('makes every URL attribute of every tag absolute, srcset candidate by candidate', () => {
    const html = '<a href="x.html" title="t">y</a><img alt="a" src=\'../b.png\'><img srcset="/r/i.png, /r/i2.png 2x">';
    expect(resolveHtmlUrls(html, 'http://h.example/a/b')).toBe(
      '<a href="http://h.example/a/x.html" title="t">y</a><img alt="a" src="http://h.example/b.png"><img srcset="http://h.example/r/i.png, http://h.example/r/i2.png 2x">');
  });
  it('leaves fragments and mailto links alone', () => {
    expect(resolveHtmlUrls('<a href="#top">t</a><a href="mailto:a@b.c">m</a>', 'http://h.example/')).toBe('<a href="#top">t</a><a href="mailto:a@b.c">m</a>');
  });
});
