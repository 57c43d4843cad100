// HTML text from feeds decodes numeric and HTML named references; unknown names stay as written.
import { describe, expect, it } from 'vitest';
import { charFromCode, decodeHtmlEntities, escapeHtml } from '../../../electron/core/content/entities.js';

describe('decodeHtmlEntities', () => {
  it('decodes HTML named entities feeds use without declaring them', () => {
    expect(decodeHtmlEntities('a&hellip;b&nbsp;c&eacute;&image;&apos;')).toBe('a\u2026b\u00a0c\u00e9\u2111\'');
  });
  it('decodes decimal and hex references, with windows-1252 meaning for 128–159', () => {
    expect(decodeHtmlEntities('&#233;&#xE9;&#X61;&#146;')).toBe('\u00e9\u00e9a\u2019');
  });
  it('leaves unknown names and bare ampersands alone', () => {
    expect(decodeHtmlEntities('testing &doesnotexist; & more')).toBe('testing &doesnotexist; & more');
  });
  it('turns out-of-range and surrogate references into U+FFFD', () => {
    expect(charFromCode(0x110000)).toBe('\ufffd');
    expect(charFromCode(0xd800)).toBe('\ufffd');
    expect(charFromCode(0)).toBe('\ufffd');
  });
  it('escapes text for HTML', () => {
    expect(escapeHtml('1 < 2 & 3 > 2')).toBe('1 &lt; 2 &amp; 3 &gt; 2');
  });
});
