// Titles come out as plain text and summaries/content as HTML, whatever type/mode the feed gave them.
import { describe, expect, it } from 'vitest';
import { readXml, type XmlElement } from '../../../electron/core/feeds/lenient.js';
import { constructHtml, constructText, htmlToText } from '../../../electron/core/feeds/text-constructs.js';

const el = (xml: string, baseUrl?: string): XmlElement => readXml(xml, { baseUrl }).root!;

describe('constructText', () => {
  it('keeps literal characters of a text title and drops markup of an html one', () => {
    expect(constructText(el('<title type="text">History of the &lt;blink&gt; tag</title>'), 'text')).toBe('History of the <blink> tag');
    expect(constructText(el('<title type="html">Example &lt;b&gt;Atom&lt;/b&gt;</title>'), 'text')).toBe('Example Atom');
  });
  it('reads xhtml titles as their text', () => {
    expect(constructText(el('<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><a title="&amp;">&amp;</a></div></title>'), 'text')).toBe('&');
  });
  it('decodes entities once more in RSS titles that look like HTML', () => {
    expect(constructText(el('<title>it&amp;apos;s correct</title>'), 'guess')).toBe("it's correct");
    expect(constructText(el('<title>1 &lt; 2</title>'), 'guess')).toBe('1 < 2');
  });
  it('decodes base64 (Atom 0.3 mode="base64")', () => {
    expect(constructText(el('<title type="text/html" mode="base64">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</title>'), 'text')).toBe('Example Atom');
  });
});

describe('constructHtml', () => {
  it('escapes text constructs so HTML shows them literally', () => {
    expect(constructHtml(el('<summary type="text">1 &lt; 2 &amp; 3</summary>'), 'text').html).toBe('1 &lt; 2 &amp; 3');
  });
  it('serialises xhtml children of the wrapper div, resolving links against xml:base', () => {
    const h = constructHtml(el('<content type="xhtml" xml:base="http://example.com/test/"><div xmlns="http://www.w3.org/1999/xhtml">Example <a href="test.html">test</a><br/></div></content>'), 'text').html;
    expect(h).toBe('Example <a href="http://example.com/test/test.html">test</a><br />');
  });
  it('keeps escaped HTML as markup and resolves its links', () => {
    const h = constructHtml(el('<description>&lt;a href="/x"&gt;click&lt;/a&gt;</description>', 'http://h.example/feed'), 'guess').html;
    expect(h).toBe('<a href="http://h.example/x">click</a>');
  });
  it('decodes base64 content of a binary type', () => {
    expect(constructHtml(el('<content type="application/octet-stream">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</content>'), 'text').html).toBe('Example <b>Atom</b>');
  });
  it('serialises naked markup inside an RSS description', () => {
    expect(constructHtml(el('<description><p>Example <b>description</b></p></description>'), 'guess').html).toBe('<p>Example <b>description</b></p>');
  });
});

describe('htmlToText', () => {
  it('drops tags and comments and decodes entities', () => {
    expect(htmlToText('<p>A &amp; B<!-- x --></p>')).toBe('A & B');
  });
});
