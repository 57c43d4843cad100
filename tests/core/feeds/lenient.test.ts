// The recovering XML reader keeps what an ill-formed feed holds and bounds what a hostile one can cost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, elementChildren, readXml, textContent, type XmlElement } from '../../../electron/core/feeds/lenient.js';

const titles = (root: XmlElement | null): string[] => {
  const out: string[] = [];
  const walk = (el: XmlElement): void => {
    for (const c of elementChildren(el)) {
      if (c.cname === 'title') out.push(textContent(c));
      walk(c);
    }
  };
  if (root) walk(root);
  return out;
};

describe('readXml', () => {
  it('reads a well-formed document with namespaces mapped to canonical prefixes', () => {
    const doc = readXml('<feed xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://purl.org/dc/elements/1.1/"><title>T</title><d:creator>C</d:creator></feed>');
    expect(doc.errors).toEqual([]);
    expect(doc.root!.cname).toBe('atom:feed');
    expect(elementChildren(doc.root!).map((c) => c.cname)).toEqual(['atom:title', 'dc:creator']);
  });

  it('keeps the items before a mismatched end tag and a document cut off partway', () => {
    const doc = readXml('<rss><channel><item><title>one</title></item><item><title>two</b></title></item><item><title>thr');
    expect(titles(doc.root)).toEqual(['one', 'two', 'thr']);
    expect(doc.errors.length).toBeGreaterThan(0);
  });

  it('closes an unclosed item when the next one starts, so every item is kept', () => {
    const doc = readXml('<rss><channel><item><title>a</title><item><title>b</title></channel></rss>');
    const channel = elementChildren(doc.root!)[0]!;
    expect(elementChildren(channel).map((c) => c.cname)).toEqual(['item', 'item']);
  });

  it('keeps text after a bare ampersand and decodes undeclared HTML entities', () => {
    const doc = readXml('<rss><channel><title>AT&T &hellip; &doesnotexist; &#169;</title></channel></rss>');
    expect(titles(doc.root)).toEqual(['AT&T \u2026 &doesnotexist; \u00a9']);
  });

  it('ignores junk after the root element and blank lines before the declaration', () => {
    const doc = readXml('\n\n<?xml version="1.0"?><rss><channel><title>ok</title></channel></rss><rss><channel><title>junk</title></channel></rss>');
    expect(titles(doc.root)).toEqual(['ok']);
  });

  it('reads CDATA, comments and a DOCTYPE with internal entities', () => {
    const doc = readXml('<!DOCTYPE rss [<!ENTITY who "the commission">]><rss><channel><title><![CDATA[<b>x</b>]]> by &who;<!-- c --></title></channel></rss>');
    expect(titles(doc.root)).toEqual(['<b>x</b> by the commission']);
  });

  it('resolves xml:base against the parent base and the document URL', () => {
    const doc = readXml('<feed xml:base="/parent/"><entry xml:base="child/"><link href="a"/></entry></feed>', { baseUrl: 'http://example.com/feed.xml' });
    const entry = elementChildren(doc.root!)[0]!;
    expect(entry.base).toBe('http://example.com/parent/child/');
  });

  it('bounds entity expansion (billion laughs) and leaves the reference unexpanded', () => {
    const defs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)];
    const doc = readXml(`<!DOCTYPE lolz [${defs.join('')}]><rss><channel><title>&lol9;</title></channel></rss>`);
    const t = titles(doc.root)[0]!;
    expect(t.length).toBeLessThan(2_000_000);
    expect(doc.errors.join(' ')).toContain('entity expansion limit');
  });

  it('never reads external entities (XXE)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pollwatch-xxe-'));
    const secret = path.join(dir, 'secret.txt');
    fs.writeFileSync(secret, 'TOP-SECRET-CONTENT');
    try {
      const doc = readXml(`<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://${secret}">]><rss><channel><title>a&xxe;b</title></channel></rss>`);
      expect(titles(doc.root)).toEqual(['ab']);
      expect(JSON.stringify(titles(doc.root))).not.toContain('TOP-SECRET');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('flattens nesting deeper than MAX_DEPTH instead of overflowing the stack', () => {
    const n = 100_000;
    const doc = readXml('<rss><channel><title>deep</title><description>' + '<div>'.repeat(n) + 'inside' + '</div>'.repeat(n) + '</description></channel></rss>');
    expect(titles(doc.root)).toEqual(['deep']);
    expect(textContent(doc.root!)).toContain('inside');
    let depth = 0;
    for (let el: XmlElement | undefined = doc.root!; el; el = elementChildren(el).at(-1)) depth++;
    expect(depth).toBeLessThanOrEqual(MAX_DEPTH + 1);
  });

  it('returns no root for text that holds no element', () => {
    expect(readXml('just some text').root).toBeNull();
  });
});
