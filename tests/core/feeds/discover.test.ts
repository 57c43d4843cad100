// Feed auto-discovery against a real loopback server: feed URLs, <link rel="alternate">, well-known paths, bare hosts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import { FetchError, fetchUrl } from '../../../electron/core/feeds/fetch.js';
import { NoFeedFoundError, discoverFeed, findFeedLinks, normaliseInput, sniffFeed, type FeedParser } from '../../../electron/core/feeds/discover.js';
import { startFeedServer, type FeedServer } from '../../support/feed-server.js';

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Election desk</title>
<item><title>Count begins</title><link>https://example.org/1</link></item></channel></rss>`;
const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title>
<entry><title>Turnout</title><id>tag:example.org,2026:1</id></entry></feed>`;
const JSON_FEED = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'JSON desk', items: [{ id: '1', title: 'Polls open' }] });
const html = (head: string): string => `<!doctype html><html><head><title>Site</title>${head}</head><body><p>Hello</p></body></html>`;

// The real parsers the app builds on: rss-parser for XML, JSON.parse for JSON Feed.
const rss = new Parser();
const parse: FeedParser = async (bytes) => {
  const text = new TextDecoder().decode(bytes);
  if (text.trimStart().startsWith('{')) {
    const j = JSON.parse(text) as { title?: string; items?: unknown[] };
    return { items: j.items ?? [], title: j.title ?? null };
  }
  const f = await rss.parseString(text);
  return { items: f.items, title: f.title ?? null };
};

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

const page = (path: string, body: string): void => server.serveFeed(path, body, { contentType: 'text/html; charset=utf-8' });

describe('discoverFeed', () => {
  it('returns a feed URL given directly, with the downloaded feed', async () => {
    server.serveFeed('/direct.xml', RSS);
    const found = await discoverFeed(server.origin + '/direct.xml', fetchUrl, parse);
    expect(found.feedUrl).toBe(server.origin + '/direct.xml');
    expect(found.discoveredFrom).toBeNull();
    expect(new TextDecoder().decode(found.fetched.bytes)).toBe(RSS);
  });

  it('subscribes to where a feed has permanently moved', async () => {
    server.serveFeed('/moved-here.xml', ATOM, { contentType: 'application/atom+xml' });
    server.route('/moved', (_req, res) => {
      res.writeHead(301, { location: '/moved-here.xml' });
      res.end();
    });
    const found = await discoverFeed(server.origin + '/moved', fetchUrl, parse);
    expect(found.feedUrl).toBe(server.origin + '/moved-here.xml');
  });

  it('finds the feed a page links to with <link rel="alternate">', async () => {
    server.serveFeed('/s1/feed.rss', RSS);
    page('/s1/', html('<link rel="alternate" type="application/rss+xml" title="News" href="/s1/feed.rss">'));
    const found = await discoverFeed(server.origin + '/s1/', fetchUrl, parse);
    expect(found.feedUrl).toBe(server.origin + '/s1/feed.rss');
    expect(found.discoveredFrom).toBe(server.origin + '/s1/');
  });

  it('reads links whatever the attribute order, quoting and case, relative to the page', async () => {
    server.serveFeed('/s2/blog/feeds/atom', ATOM, { contentType: 'application/atom+xml' });
    page('/s2/blog/post', html(`<LINK HREF='feeds/atom' TYPE="Application/Atom+XML" REL=Alternate>`));
    const found = await discoverFeed(server.origin + '/s2/blog/post', fetchUrl, parse);
    expect(found.feedUrl).toBe(server.origin + '/s2/blog/feeds/atom');
  });

  it('resolves links against <base href>', async () => {
    server.serveFeed('/s3/base/rss.xml', RSS);
    page('/s3/page', html(`<base href="${server.origin}/s3/base/"><link type="application/rss+xml" rel="alternate" href="rss.xml">`));
    const found = await discoverFeed(server.origin + '/s3/page', fetchUrl, parse);
    expect(found.feedUrl).toBe(server.origin + '/s3/base/rss.xml');
  });

  it('prefers RSS/Atom to JSON Feed, ignores commented-out links and skips a dead link', async () => {
    server.serveFeed('/s4/feed.json', JSON_FEED, { contentType: 'application/feed+json' });
    server.serveFeed('/s4/atom.xml', ATOM, { contentType: 'application/atom+xml' });
    page('/s4/', html(`
      <link rel="alternate" type="application/feed+json" href="/s4/feed.json">
      <!-- <link rel="alternate" type="application/rss+xml" href="/s4/old.rss"> -->
      <link rel="alternate" type="application/rss+xml" href="/s4/dead.rss">
      <link rel="alternate" type="application/atom+xml" href="/s4/atom.xml">`));
    const found = await discoverFeed(server.origin + '/s4/', fetchUrl, parse);
    expect(found.feedUrl).toBe(server.origin + '/s4/atom.xml');
    expect(server.hits('/s4/old.rss')).toBe(0);
    expect(server.hits('/s4/dead.rss')).toBe(1);
  });

  it('accepts a JSON Feed when that is all the page offers', async () => {
    const s = await startFeedServer();
    try {
      s.serveFeed('/feed.json', JSON_FEED, { contentType: 'application/feed+json' });
      s.serveFeed('/', html('<link rel="alternate" type="application/feed+json" href="/feed.json">'), { contentType: 'text/html' });
      const found = await discoverFeed(s.origin + '/', fetchUrl, parse);
      expect(found.feedUrl).toBe(s.origin + '/feed.json');
    } finally {
      await s.close();
    }
  });

  it('falls back to well-known paths on the same site when the page links no feed', async () => {
    const s = await startFeedServer();
    try {
      s.serveFeed('/', html(''), { contentType: 'text/html' });
      s.serveFeed('/index.xml', RSS);
      const found = await discoverFeed(s.origin + '/', fetchUrl, parse);
      expect(found.feedUrl).toBe(s.origin + '/index.xml');
      expect(found.discoveredFrom).toBe(s.origin + '/');
      expect(s.hits('/feed')).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('does not take an HTML page at a well-known path for a feed', async () => {
    const s = await startFeedServer();
    try {
      s.serveFeed('/', html(''), { contentType: 'text/html' });
      s.serveFeed('/feed', html('<p>not a feed</p>'), { contentType: 'text/html' });
      s.serveFeed('/atom.xml', ATOM, { contentType: 'application/atom+xml' });
      const found = await discoverFeed(s.origin + '/', fetchUrl, parse);
      expect(found.feedUrl).toBe(s.origin + '/atom.xml');
    } finally {
      await s.close();
    }
  });

  it('says clearly when there is no feed, listing what it tried', async () => {
    const s = await startFeedServer();
    try {
      s.serveFeed('/', html(''), { contentType: 'text/html' });
      const err = await discoverFeed(s.origin + '/', fetchUrl, parse).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NoFeedFoundError);
      const e = err as NoFeedFoundError;
      expect(e.message).toMatch(/^no feed found at http:\/\/127\.0\.0\.1:\d+\/ \(tried: /);
      expect(e.message).toContain(s.origin + '/rss.xml');
      expect(e.tried).toContain(s.origin + '/feeds/posts/default');
    } finally {
      await s.close();
    }
  });

  it('accepts a bare host, trying https first and then http', async () => {
    const s = await startFeedServer();
    try {
      s.serveFeed('/', html('<link rel="alternate" type="application/rss+xml" href="/rss">'), { contentType: 'text/html' });
      s.serveFeed('/rss', RSS);
      const found = await discoverFeed(s.origin.replace('http://', ''), fetchUrl, parse);
      expect(found.feedUrl).toBe(s.origin + '/rss');
    } finally {
      await s.close();
    }
  });

  it('passes on why the address itself could not be fetched', async () => {
    const err = await discoverFeed('ftp://example.org/feed', fetchUrl, parse).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).kind).toBe('bad-url');
  });
});

describe('sniffFeed', () => {
  const b = (s: string): Uint8Array => new TextEncoder().encode(s);
  it('recognises RSS, Atom, RDF and JSON Feed past a BOM, prolog, comments and doctype', () => {
    expect(sniffFeed(b('\uFEFF<?xml version="1.0"?>\n<!-- hi --><?xml-stylesheet href="x.xsl"?><rss version="2.0">'))).toBe('rss');
    expect(sniffFeed(b('<!DOCTYPE feed [<!ENTITY a "b">]>\n<feed xmlns="http://www.w3.org/2005/Atom">'))).toBe('atom');
    expect(sniffFeed(b('<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">'))).toBe('atom');
    expect(sniffFeed(b('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'))).toBe('rdf');
    expect(sniffFeed(b(JSON_FEED))).toBe('json');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss>', 'utf16le')]);
    expect(sniffFeed(utf16)).toBe('rss');
  });
  it('does not mistake HTML or other JSON for a feed', () => {
    expect(sniffFeed(b(html('<link rel="alternate" type="application/rss+xml" href="/rss">')))).toBeNull();
    expect(sniffFeed(b('{"hello": "world"}'))).toBeNull();
    expect(sniffFeed(b('<rssfeed>'))).toBeNull();
  });
});

describe('findFeedLinks', () => {
  it('decodes entities and keeps only http(s) feed links', () => {
    const links = findFeedLinks(
      html(`<link rel="alternate" type="application/rss+xml" href="/feed?a=1&amp;b=2">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            <link rel="stylesheet" type="text/css" href="/style.css">
            <link rel="alternate" hreflang="fr" href="/fr/">
            <script>document.write('<link rel="alternate" type="application/rss+xml" href="/fake">')</script>`),
      'https://example.org/news/',
    );
    expect(links.map((l) => l.url)).toEqual(['https://example.org/feed?a=1&b=2']);
  });
});

describe('normaliseInput', () => {
  it('turns a bare host into https and leaves full URLs alone', () => {
    expect(normaliseInput(' example.com ')).toEqual({ url: 'https://example.com', bareHost: true });
    expect(normaliseInput('example.com/politics')).toEqual({ url: 'https://example.com/politics', bareHost: true });
    expect(normaliseInput('http://example.com/rss')).toEqual({ url: 'http://example.com/rss', bareHost: false });
    expect(normaliseInput('feed://example.com/rss').url).toBe('https://example.com/rss');
    expect(() => normaliseInput('not an address')).toThrow(FetchError);
  });
});
