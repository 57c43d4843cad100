// Feed bytes → the normalised feed a user sees: every field, ill-formed feeds recovered, hostile feeds bounded, large
// feeds parsed off the main thread, and the real feeds in ../shared/data matching their index.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { OFF_THREAD_BYTES, closeParserPool, parseFeed, parseFeedOffThread } from '../../../electron/core/feeds/parse.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const parse = (s: string, opts?: { contentType?: string; baseUrl?: string }) => parseFeed(bytes(s), opts);

afterAll(async () => { await closeParserPool(); });

describe('parseFeed: RSS', () => {
  it('normalises an RSS 2.0 item', async () => {
    const f = await parse(`<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel><title>Election &amp; news</title><link>http://news.example/</link><description>All &lt;b&gt;votes&lt;/b&gt;</description><language>en-us</language><ttl>30</ttl>
      <item><title>Count under way</title><link>http://news.example/1</link><guid isPermaLink="false">n-1</guid>
        <pubDate>Fri, 09 Feb 2024 10:00:00 +0500</pubDate><author>desk@news.example (Jane Roe)</author>
        <category>Pakistan</category><category>Elections</category><description>Short</description><content:encoded><![CDATA[<p>Long</p>]]></content:encoded>
        <enclosure url="http://news.example/1.jpg" length="100" type="image/jpeg"/><enclosure url="/2.mp3" length="x" type="audio/mpeg"/>
      </item></channel></rss>`, { baseUrl: 'http://news.example/feed.xml' });
    expect(f).toMatchObject({ title: 'Election & news', link: 'http://news.example/', description: 'All <b>votes</b>', language: 'en-us', ttlMinutes: 30 });
    expect(f.error).toBeUndefined();
    expect(f.items).toEqual([{
      guid: 'n-1', title: 'Count under way', link: 'http://news.example/1', published: '2024-02-09T05:00:00Z', updated: null,
      author: 'Jane Roe', summary: 'Short', content: '<p>Long</p>', categories: ['Pakistan', 'Elections'],
      enclosures: [{ url: 'http://news.example/1.jpg', type: 'image/jpeg', length: 100 }, { url: 'http://news.example/2.mp3', type: 'audio/mpeg', length: null }],
    }]);
  });

  it('reads <rss> without a version, and takes the link from a permalink guid', async () => {
    const f = await parse('<rss><channel><title>No version</title><item><title>A</title><guid>http://guid.example/a</guid></item></channel></rss>');
    expect(f.title).toBe('No version');
    expect(f.items[0]).toMatchObject({ guid: 'http://guid.example/a', link: 'http://guid.example/a' });
  });

  it('reads RSS 1.0 (RDF) with dc: fields and sy: update period', async () => {
    const f = await parse(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
      <channel rdf:about="http://example.com/"><title>RDF</title><link>http://example.com/</link><dc:language>de</dc:language><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel>
      <item rdf:about="http://example.com/1"><title>Eins</title><link>http://example.com/1</link><dc:date>2004-01-01T19:48:21+01:00</dc:date><dc:creator>Anna</dc:creator><dc:creator>Ben</dc:creator><dc:subject>Wahl</dc:subject></item>
    </rdf:RDF>`);
    expect(f).toMatchObject({ title: 'RDF', language: 'de', ttlMinutes: 30 });
    expect(f.items[0]).toMatchObject({ guid: 'http://example.com/1', title: 'Eins', published: '2004-01-01T18:48:21Z', author: 'Anna, Ben', categories: ['Wahl'] });
  });

  it('gives a null date for an unparsable one, and never the local time for a zone-less one', async () => {
    const f = await parse('<rss version="2.0"><channel><item><pubDate>sometime soon</pubDate></item><item><pubDate>2004-07-08 23:56:58</pubDate></item></channel></rss>');
    expect(f.items.map((i) => i.published)).toEqual([null, '2004-07-08T23:56:58Z']);
  });
});

describe('parseFeed: Atom', () => {
  it('normalises Atom 1.0 text constructs, links, authors and enclosures', async () => {
    const f = await parse(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="http://example.org/">
      <title type="html">Example &lt;b&gt;Atom&lt;/b&gt;</title><subtitle type="text">1 &lt; 2</subtitle><link href="/"/><link rel="self" href="/feed"/>
      <entry><title type="text">History of the &lt;blink&gt; tag</title><id>tag:example.org,2024:1</id>
        <link rel="alternate" href="entries/1"/><link rel="enclosure" href="a.mp3" type="audio/mpeg" length="42301"/><link rel="enclosure" href="b.mp3"/>
        <published>2024-02-09T10:00:00+05:00</published><updated>2024-02-10T00:00:00Z</updated>
        <author><name>Jane</name><email>jane@example.org</email></author><author><name>John</name></author>
        <category term="elections"/><summary type="text">a &lt; b</summary>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>See <a href="more">more</a></p></div></content></entry></feed>`);
    expect(f).toMatchObject({ title: 'Example Atom', description: '1 &lt; 2', link: 'http://example.org/', language: 'en' });
    expect(f.items[0]).toEqual({
      guid: 'tag:example.org,2024:1', title: 'History of the <blink> tag', link: 'http://example.org/entries/1',
      published: '2024-02-09T05:00:00Z', updated: '2024-02-10T00:00:00Z', author: 'Jane, John', summary: 'a &lt; b',
      content: '<p>See <a href="http://example.org/more">more</a></p>', categories: ['elections'],
      enclosures: [{ url: 'http://example.org/a.mp3', type: 'audio/mpeg', length: 42301 }, { url: 'http://example.org/b.mp3', type: null, length: null }],
    });
  });

  it('reads Atom 0.3 (tagline, issued/modified, escaped and base64 content)', async () => {
    const f = await parse(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><tagline>T</tagline>
      <entry><title mode="escaped" type="text/html">&amp;amp;</title><issued>2004-01-01T19:48:21Z</issued><modified>Thu, 01 Jan 2004 19:48:21 GMT</modified>
      <content type="text/html" mode="base64">PGRpdj48YSBocmVmPSIvcmVsYXRpdmUvdXJpIj5jbGljayBoZXJlPC9hPjwvZGl2Pg==</content></entry></feed>`, { baseUrl: 'http://127.0.0.1:8097/x.xml' });
    expect(f.description).toBe('T');
    expect(f.items[0]).toMatchObject({ title: '&', published: '2004-01-01T19:48:21Z', updated: '2004-01-01T19:48:21Z', content: '<div><a href="http://127.0.0.1:8097/relative/uri">click here</a></div>' });
  });
});

describe('parseFeed: encodings', () => {
  it('decodes windows-1252 and a UTF-16 body with a BOM', async () => {
    const w = await parseFeed(new Uint8Array(iconv.encode('<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>“Wahl” €</title></channel></rss>', 'win1252')));
    expect(w.title).toBe('“Wahl” €');
    const u = await parseFeed(Uint8Array.from([0xff, 0xfe, ...iconv.encode('<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>日本語</title></channel></rss>', 'utf16le')]));
    expect(u.title).toBe('日本語');
  });
  it('repairs windows-1252 numeric references (&#146;)', async () => {
    expect((await parse('<rss version="2.0"><channel><item><description>don&#146;t</description></item></channel></rss>')).items[0]!.summary).toBe('don’t');
  });
});

describe('parseFeed: ill-formed and hostile input', () => {
  it('yields the items before an XML error, with error set', async () => {
    const f = await parse('<rss version="2.0"><channel><title>Cut</title><item><title>one</title></item><item><title>two &bogus stuff</title></item><item><title>thr');
    expect(f.title).toBe('Cut');
    expect(f.items.map((i) => i.title)).toEqual(['one', 'two &bogus stuff', 'thr']);
    expect(f.error).toMatch(/ill-formed/);
  });

  it('returns items: [] and an error for a document that is not a feed', async () => {
    const html = await parse('<!DOCTYPE html><html><head><title>page</title></head><body></body></html>');
    expect(html.items).toEqual([]);
    expect(html.error).toMatch(/not a feed/);
    const nothing = await parseFeed(new Uint8Array([0xff, 0x00, 0x13]));
    expect(nothing.items).toEqual([]);
    expect(nothing.error).toBeTruthy();
  });

  it('bounds billion-laughs expansion', async () => {
    const defs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)];
    const f = await parse(`<?xml version="1.0"?><!DOCTYPE lolz [${defs.join('')}]><rss version="2.0"><channel><title>&lol9;</title><item><title>x</title></item></channel></rss>`);
    expect(JSON.stringify(f).length).toBeLessThan(2_000_000);
    expect(f.items).toHaveLength(1);
  });

  it('never resolves an external entity (XXE)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pollwatch-xxe-'));
    const secret = path.join(dir, 'secret.txt');
    fs.writeFileSync(secret, 'TOP-SECRET-CONTENT');
    try {
      const f = await parse(`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file://${secret}">]><rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title></item></channel></rss>`);
      expect(JSON.stringify(f)).not.toContain('TOP-SECRET');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parses a 20 MB body and 100k nested elements without crashing', async () => {
    const big = '<rss version="2.0"><channel><title>big</title>' + Array.from({ length: 20_000 }, (_, i) => `<item><title>t${i}</title><description>${'x'.repeat(1000)}</description></item>`).join('') + '</channel></rss>';
    expect(big.length).toBeGreaterThan(20_000_000);
    expect((await parse(big)).items).toHaveLength(20_000);
    const deep = await parse('<rss version="2.0"><channel><item><title>d</title><description>' + '<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000) + '</description></item></channel></rss>');
    expect(deep.items[0]!.title).toBe('d');
  });
});

describe('parseFeedOffThread', () => {
  it('parses a large body in a worker thread with the same result as inline', async () => {
    const items = Array.from({ length: 400 }, (_, i) => `<item><title>Story ${i}</title><guid>g${i}</guid><description>${'word '.repeat(150)}</description></item>`).join('');
    const body = bytes(`<rss version="2.0"><channel><title>Large</title>${items}</channel></rss>`);
    expect(body.byteLength).toBeGreaterThan(OFF_THREAD_BYTES);
    const [a, b] = await Promise.all([parseFeedOffThread(body), parseFeedOffThread(body)]);
    expect(a.error).toBeUndefined();
    expect(a.items).toHaveLength(400);
    expect(b).toEqual(await parseFeed(body));
  });

  it('parses a small body inline', async () => {
    expect((await parseFeedOffThread(bytes('<rss version="2.0"><channel><title>s</title></channel></rss>'))).title).toBe('s');
  });
});

describe('real feeds (../shared/data/real-feeds)', () => {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/real-feeds');
  const present = fs.existsSync(path.join(dir, 'index.json'));
  if (!present) console.log(`real feeds skipped: ${dir} is absent`);
  it.skipIf(!present)('match the item counts and titles in index.json', async () => {
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as { feeds: Array<{ file: string; items: number | null; feedTitle: string | null; firstItemTitle: string | null; contentType: string | null }> };
    for (const f of index.feeds) {
      const feed = await parseFeed(new Uint8Array(fs.readFileSync(path.join(dir, f.file))), { contentType: f.contentType });
      if (f.items !== null) expect(feed.items.length, f.file).toBe(f.items);
      if (f.feedTitle) expect(feed.title, f.file).toBe(f.feedTitle);
      if (f.firstItemTitle) expect(feed.items[0]?.title, f.file).toBe(f.firstItemTitle);
    }
  });
});
