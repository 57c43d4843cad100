// OPML import and export: exports from Feedly, Inoreader and NetNewsWire, nested folders, hostile and broken files,
// duplicate and refused entries, and a lossless round-trip of our own export.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { buildOpml, normaliseFeedUrl, parseOpml, planOpmlImport, type OpmlFeed } from '../../../electron/core/feeds/opml.js';

const fixture = (name: string): Promise<string> => readFile(new URL(`../../fixtures/opml/${name}`, import.meta.url), 'utf8');
const summary = (entries: { title: string; xmlUrl: string | null; folderPath: string[] }[]): string[] =>
  entries.map((e) => `${e.folderPath.join('/')}|${e.title}|${e.xmlUrl}`);

describe('parseOpml: exports from other readers', () => {
  it('reads a Feedly export: category outlines with title and text', async () => {
    const parsed = parseOpml(await fixture('feedly.opml'));
    expect(parsed.title).toBe('Analyst subscriptions in feedly Cloud');
    expect(summary(parsed.entries)).toEqual([
      'Elections|Dawn - Home|https://www.dawn.com/feeds/home',
      'Elections|Election Commission news|https://ecp.example.org/rss?lang=en&section=press',
      'Wires|World desk|https://wire.example.com/world/rss.xml',
    ]);
    expect(parsed.entries[0]!.htmlUrl).toBe('https://www.dawn.com');
    expect(parsed.entries.every((e) => e.problem === null)).toBe(true);
  });

  it('reads an Inoreader export: folders named by text only, feeds at the top level, entries without a feed address', async () => {
    const parsed = parseOpml(await fixture('inoreader.opml'));
    expect(summary(parsed.entries)).toEqual([
      '|Top-level blog|http://blog.example.net/feed/',
      'Africa|Nation Africa|https://nation.example.africa/rss',
      'Africa|Observer mission (no feed)|null',
      'Podcasts|Old FTP feed|ftp://files.example.org/feed.xml',
    ]);
    expect(parsed.entries[2]!.problem).toMatch(/no feed address/);
  });

  it('reads a NetNewsWire export: nested folders, lower-case attribute names and entities', async () => {
    const parsed = parseOpml(await fixture('netnewswire.opml'));
    expect(summary(parsed.entries)).toEqual([
      'Asia/South Asia/Pakistan|The Express & Tribune|https://tribune.example.pk/feed/',
      "Asia/South Asia/Pakistan|Geo's politics|https://geo.example.tv/rss/1/1",
      'Asia/South Asia|Bangladesh \u2013 news|https://bd.example.com/atom.xml',
      '|Daring <Fireball>|https://df.example.net/feeds/main',
    ]);
    expect(parsed.entries[1]!.htmlUrl).toBe('https://geo.example.tv/');
  });

  it('tolerates a bare ampersand and HTML entities that hand-made files contain', () => {
    const parsed = parseOpml('<opml><body><outline text="News & Politics&nbsp;PK" xmlUrl="http://a.example/?x=1&y=2"/></body></opml>');
    expect(parsed.entries[0]!.title).toBe('News & Politics PK'); // &nbsp; read, then spaces collapsed
    expect(parsed.entries[0]!.xmlUrl).toBe('http://a.example/?x=1&y=2');
  });

  it('uses the feed address as the title when an outline has none', () => {
    const parsed = parseOpml('<opml version="2.0"><body><outline type="rss" xmlUrl="https://x.example/feed"/></body></opml>');
    expect(parsed.entries[0]!.title).toBe('https://x.example/feed');
  });
});

describe('parseOpml: hostile and broken files', () => {
  it('does not expand entities a DOCTYPE declares (billion laughs)', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "lollollollollollollollollollol">
      <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
      <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>
      <opml><body><outline text="&e;" xmlUrl="https://x.example/feed"/></body></opml>`;
    const parsed = parseOpml(lol);
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.entries[0]!.title.length).toBeLessThan(10);
  });

  it('never reads files named by an external entity (XXE)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <opml><body><outline text="&x;" xmlUrl="https://x.example/feed"/></body></opml>`;
    const parsed = parseOpml(xxe);
    expect(parsed.entries[0]!.title).not.toContain('root:');
  });

  it('refuses files that are not OPML, with a plain message', async () => {
    expect(() => parseOpml('<?xml version="1.0"?><rss version="2.0"><channel/></rss>')).toThrow(/not an OPML file \(it starts with <rss>\)/);
    expect(() => parseOpml('<!DOCTYPE html><html><body>hi</body></html>')).toThrow(/not an OPML file/);
    expect(() => parseOpml('{"feeds": []}')).toThrow(/not an OPML file/);
    expect(() => parseOpml('   ')).toThrow(/empty/);
    expect(() => parseOpml('<opml><head><title>t</title></head></opml>')).toThrow(/no <body>/);
  });

  it('refuses a broken or truncated file, saying where', async () => {
    const text = await fixture('feedly.opml');
    expect(() => parseOpml(text.slice(0, text.length / 2))).toThrow(/the OPML file is broken: line \d+, column \d+/);
    expect(() => parseOpml('<opml><body><outline text="a" xmlUrl="http://a/"></body></opml>')).toThrow(/broken/);
  });

  it('limits how deep outlines may nest', () => {
    const deep = '<opml><body>' + '<outline text="f">'.repeat(200) + '</outline>'.repeat(200) + '</body></opml>';
    expect(() => parseOpml(deep)).toThrow(/nests outlines more than/);
  });
});

describe('planOpmlImport', () => {
  it('marks new, duplicate and refused entries with a reason each', async () => {
    const parsed = parseOpml(await fixture('inoreader.opml'));
    parsed.entries.push(
      { title: 'Again', xmlUrl: 'HTTPS://Nation.Example.Africa/rss#top', htmlUrl: null, folderPath: [], problem: null },
      { title: 'Script', xmlUrl: 'javascript:alert(1)', htmlUrl: null, folderPath: [], problem: null },
      { title: 'Garbled', xmlUrl: 'http//missing-colon', htmlUrl: null, folderPath: ['A', 'B'], problem: null },
    );
    const plan = planOpmlImport(parsed, new Set(['http://blog.example.net/feed']));
    expect(plan.entries.map((e) => [e.title, e.outcome])).toEqual([
      ['Top-level blog', 'duplicate'],
      ['Nation Africa', 'imported'],
      ['Observer mission (no feed)', 'refused'],
      ['Old FTP feed', 'refused'],
      ['Again', 'duplicate'],
      ['Script', 'refused'],
      ['Garbled', 'refused'],
    ]);
    const byTitle = new Map(plan.entries.map((e) => [e.title, e]));
    expect(byTitle.get('Nation Africa')).toMatchObject({ url: 'https://nation.example.africa/rss', folder: 'Africa', folderPath: ['Africa'], reason: null });
    expect(byTitle.get('Observer mission (no feed)')!.reason).toMatch(/no feed address/);
    expect(byTitle.get('Old FTP feed')!.reason).toMatch(/ftp:/);
    expect(byTitle.get('Script')!.reason).toMatch(/javascript:/);
    expect(byTitle.get('Garbled')!.reason).toMatch(/not a valid address/);
    expect(byTitle.get('Garbled')!.folder).toBe('A / B');
    expect(byTitle.get('Top-level blog')!.reason).toMatch(/already subscribed/);
  });

  it('treats case of scheme and host, fragments and a trailing slash as the same feed', () => {
    expect(normaliseFeedUrl('HTTP://Example.COM/feed/#x')).toBe(normaliseFeedUrl('http://example.com/feed'));
    expect(normaliseFeedUrl('https://example.com')).toBe(normaliseFeedUrl('https://example.com/'));
    expect(normaliseFeedUrl('https://example.com/Feed')).not.toBe(normaliseFeedUrl('https://example.com/feed'));
    expect(normaliseFeedUrl('not a url')).toBeNull();
  });
});

describe('buildOpml', () => {
  const feeds: OpmlFeed[] = [
    { title: 'Top & "quoted" <feed>', url: 'https://a.example/rss?x=1&y=2', siteUrl: 'https://a.example/', folderPath: [] },
    { title: 'Dawn', url: 'https://www.dawn.com/feeds/home', siteUrl: null, folderPath: ['Asia', 'Pakistan'] },
    { title: 'Tribune', url: 'https://tribune.example.pk/feed/', siteUrl: 'https://tribune.example.pk/', folderPath: ['Asia', 'Pakistan'] },
    { title: 'Ελλάδα — εκλογές', url: 'https://gr.example/feed', siteUrl: null, folderPath: ['Europe & Balkans'] },
    { title: "Line\nbreak 'n' tab\t", url: 'https://b.example/feed', siteUrl: null, folderPath: ['Asia'] },
  ];
  const key = (e: { xmlUrl?: string | null; url?: string; folderPath: string[]; title: string }): string =>
    JSON.stringify([e.xmlUrl ?? e.url, e.folderPath, e.title]);

  it('round-trips: what it writes reads back as the same feeds, titles and folders', () => {
    const parsed = parseOpml(buildOpml(feeds, 'My <subscriptions>'));
    expect(parsed.title).toBe('My <subscriptions>');
    // Titles are compared with whitespace collapsed, as every reader displays them.
    const expected = feeds.map((f) => key({ ...f, title: f.title.replace(/\s+/g, ' ').trim() })).sort();
    expect(parsed.entries.map(key).sort()).toEqual(expected);
    expect(parsed.entries.find((e) => e.xmlUrl === 'https://a.example/rss?x=1&y=2')!.htmlUrl).toBe('https://a.example/');
  });

  it('round-trips a Feedly and a NetNewsWire export through Pollwatch', async () => {
    for (const name of ['feedly.opml', 'netnewswire.opml']) {
      const original = parseOpml(await fixture(name));
      const again = parseOpml(
        buildOpml(original.entries.map((e) => ({ title: e.title, url: e.xmlUrl!, siteUrl: e.htmlUrl, folderPath: e.folderPath }))),
      );
      expect(again.entries.map(key).sort(), name).toEqual(original.entries.map(key).sort());
    }
  });

  it('writes each folder once, nested, with its feeds inside', () => {
    const xml = buildOpml(feeds);
    expect(xml.match(/<outline text="Asia"/g)).toHaveLength(1);
    expect(xml.match(/<outline text="Pakistan"/g)).toHaveLength(1);
    expect(xml).toMatch(/<outline text="Asia" title="Asia">\s*<outline text="Pakistan" title="Pakistan">\s*<outline type="rss" text="Dawn"/);
    expect(xml).toContain('text="Europe &amp; Balkans"');
  });
});
