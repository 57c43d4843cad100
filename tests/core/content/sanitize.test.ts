// Sanitising feed and article HTML: nothing from the network can run script, navigate the app or load frames.
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../electron/core/content/sanitize.js';

const BASE = 'https://news.example/world/story.html';
const clean = (html: string) => sanitizeHtml(html, BASE);
const noScript = (out: string) => {
  expect(out).not.toMatch(/<script|javascript:|vbscript:|\son\w+\s*=|<iframe|<object|<embed|<form|<meta|<base|<link|<svg|srcdoc|expression\(/i);
};

describe('sanitizeHtml', () => {
  it.each([
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['svg onload', '<svg onload=alert(1)><circle r="1"/></svg>'],
    ['javascript: href', '<a href="javascript:alert(1)">x</a>'],
    ['javascript: with spaces and mixed case', '<a href="  JaVaScRiPt:alert(1)">x</a>'],
    ['javascript: with a tab entity', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
    ['javascript: with encoded letters', '<a href="&#106;&#97;vascript:alert(1)">x</a>'],
    ['javascript: with a newline', '<a href="java\nscript:alert(1)">x</a>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['base href', '<base href="https://evil.example/">'],
    ['form action', '<form action="https://evil.example/steal"><input name="pw"><button formaction="javascript:alert(1)">go</button></form>'],
    ['object and embed', '<object data="evil.swf"></object><embed src="evil.swf">'],
    ['style expression', '<p style="width: expression(alert(1)); background: url(javascript:alert(1))">x</p>'],
    ['mXSS via noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
    ['mXSS via math/style', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
    ['mXSS via svg/p/style', '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'],
    ['data: html link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
    ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
    ['script tag', '<script>alert(1)</script><p>text</p>'],
  ])('neutralises %s', (_name, payload) => {
    noScript(clean(payload));
  });

  it('keeps ordinary article markup and text', () => {
    const out = clean('<h2>Title</h2><p>Some <b>bold</b> and <em>italic</em> text.</p><blockquote>“Quote”</blockquote><ul><li>one</li></ul>');
    expect(out).toBe('<h2>Title</h2><p>Some <b>bold</b> and <em>italic</em> text.</p><blockquote>“Quote”</blockquote><ul><li>one</li></ul>');
  });

  it('makes relative URLs absolute against the page address', () => {
    const out = clean('<a href="/politics/vote">v</a><img src="img/chart.png" srcset="a.png 1x, /b.png 2x">');
    expect(out).toContain('href="https://news.example/politics/vote"');
    expect(out).toContain('src="https://news.example/world/img/chart.png"');
    expect(out).toContain('srcset="https://news.example/world/a.png 1x, https://news.example/b.png 2x"');
  });

  it('opens every link in a new window without access to the app', () => {
    const out = clean('<a href="https://other.example/" target="_self">a</a>');
    expect(out).toBe('<a href="https://other.example/" target="_blank" rel="noopener noreferrer">a</a>');
  });

  it('keeps safe inline styles and inline raster images, drops the rest', () => {
    expect(clean('<p style="text-align: center; position: fixed">x</p>')).toBe('<p style="text-align: center">x</p>');
    expect(clean('<img src="data:image/png;base64,iVBORw0KGgo=">')).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(clean('<img src="data:image/svg+xml;base64,PHN2Zz4=">')).not.toContain('data:');
  });

  it('works without a base URL and on empty input', () => {
    expect(sanitizeHtml('<a href="https://a.example/">a</a>', null)).toContain('href="https://a.example/"');
    expect(sanitizeHtml('<a href="javascript:alert(1)">a</a>')).not.toContain('javascript');
    expect(sanitizeHtml('')).toBe('');
  });
});
