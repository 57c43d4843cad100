// Which element feeds which normalised field: authors' names only, the right title when several exist, formats.
import { describe, expect, it } from 'vitest';
import { readXml } from '../../../electron/core/feeds/lenient.js';
import { authorName, feedFormat, normaliseFeed } from '../../../electron/core/feeds/normalise.js';

const feed = (xml: string) => normaliseFeed(readXml(xml).root!)!;

describe('authorName', () => {
  it('keeps the name and drops the e-mail address', () => {
    expect(authorName('me@example.com (Example editor)')).toBe('Example editor');
    expect(authorName('Example editor (me@example.com)')).toBe('Example editor');
    expect(authorName('Example editor <me@example.com>')).toBe('Example editor');
    expect(authorName('me@example.com')).toBeNull();
    expect(authorName('Example editor')).toBe('Example editor');
  });
});

describe('normaliseFeed', () => {
  it('recognises RSS, RDF and Atom roots (with or without namespace) and nothing else', () => {
    expect(feedFormat(readXml('<rss/>').root!)).toBe('rss');
    expect(feedFormat(readXml('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>').root!)).toBe('rdf');
    expect(feedFormat(readXml('<feed/>').root!)).toBe('atom');
    expect(feedFormat(readXml('<html/>').root!)).toBeNull();
  });

  it('takes the channel/entry title, not an image or textInput title, whatever the order', () => {
    const rss = feed('<rss version="2.0"><channel><image><title>img</title></image><title>Real title</title><item><textInput><title>ti</title></textInput><title>Item</title></item></channel></rss>');
    expect(rss.title).toBe('Real title');
    expect(rss.items[0]!.title).toBe('Item');
    const atom = feed('<feed xmlns="http://www.w3.org/2005/Atom"><entry><image><title>Incorrect</title></image><title>Correct Value</title></entry></feed>');
    expect(atom.items[0]!.title).toBe('Correct Value');
  });

  it('never lets a rel="self" or rel="enclosure" link become the entry link', () => {
    const f = feed('<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="enclosure" href="http://e/1.mp3"/><link rel="self" href="http://e/self"/><link href="http://e/page"/></entry></feed>');
    expect(f.items[0]!.link).toBe('http://e/page');
  });

  it('does not use a non-permalink guid as the link, and keeps guids verbatim', () => {
    const f = feed('<rss version="2.0" xml:base="http://dom.test/"><channel><item><guid isPermaLink="false">abc</guid></item><item><guid>HTTP://Example.com/A%20B</guid></item></channel></rss>');
    expect(f.items[0]).toMatchObject({ guid: 'abc', link: null });
    expect(f.items[1]!.guid).toBe('HTTP://Example.com/A%20B');
  });

  it('falls back to content for the summary when an item has only content', () => {
    const f = feed('<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded></item></channel></rss>');
    expect(f.items[0]).toMatchObject({ summary: '<p>Body</p>', content: '<p>Body</p>' });
  });

  it('takes the language from xml:lang on the root when the channel has none', () => {
    expect(feed('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title xml:lang="fr">foo</title></feed>').language).toBe('en');
  });

  it('reads an Atom link written as text, and an xml:lang with an underscore as a language tag', () => {
    const f = feed('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en_US"><entry><link rel="enclosure">http://e/x</link><link rel="alternate">http://e/alt</link></entry></feed>');
    expect(f.language).toBe('en-US');
    expect(f.items[0]!.link).toBe('http://e/alt');
  });

  it('reads CDF channels (HREF links, ABSTRACT summaries)', () => {
    const f = feed('<CHANNEL HREF="http://example.com/"><TITLE>cdf</TITLE><ITEM HREF="http://example.com/1"><TITLE>i</TITLE><ABSTRACT>abs</ABSTRACT></ITEM></CHANNEL>');
    expect(f).toMatchObject({ title: 'cdf', link: 'http://example.com/' });
    expect(f.items[0]).toMatchObject({ title: 'i', link: 'http://example.com/1', summary: 'abs' });
  });

  it('picks the feed root that follows junk such as a server warning', () => {
    const root = readXml('<br />\n<b>Warning</b>: x<br />\n<?xml version="1.0"?><rss version="2.0"><channel><title>After junk</title></channel></rss>').root!;
    expect(normaliseFeed(root)!.title).toBe('After junk');
  });
});
