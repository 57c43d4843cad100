// Element tree of an RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 document → the normalised feed (see types.ts): which element
// feeds which field, in which order of preference, with links resolved, dates in UTC and authors' names only.
import { parseFeedDate } from './dates.js';
import { elementChildren, textContent, type XmlElement } from './lenient.js';
import { constructHtml, constructText, htmlToText } from './text-constructs.js';
import type { Enclosure, NormalisedFeed, NormalisedItem } from './types.js';
import { resolveUrl } from './urls.js';

export type FeedFormat = 'rss' | 'rdf' | 'atom';

/** The feed format of a root element, or null when it is not a feed. */
export function feedFormat(root: XmlElement): FeedFormat | null {
  const c = root.cname;
  if (c === 'rss' || c === 'channel') return 'rss';
  if (c === 'rdf:rdf' || c === 'rdf') return 'rdf';
  if (c === 'atom:feed' || c === 'feed') return 'atom';
  if (root.local.toLowerCase() === 'rss') return 'rss';
  if (root.local.toLowerCase() === 'feed') return 'atom';
  return null;
}

function first(el: XmlElement, names: readonly string[]): XmlElement | null {
  for (const name of names) {
    for (const c of el.children) if (typeof c !== 'string' && c.cname === name) return c;
  }
  return null;
}

/** The first of `names` (in preference order) whose text is not empty. */
function firstWithText(el: XmlElement, names: readonly string[]): XmlElement | null {
  for (const name of names) {
    for (const c of el.children) if (typeof c !== 'string' && c.cname === name && textContent(c).trim()) return c;
  }
  return null;
}

function all(el: XmlElement, names: readonly string[]): XmlElement[] {
  return elementChildren(el).filter((c) => names.includes(c.cname));
}

const nonEmpty = (s: string | null | undefined): string | null => (s && s.trim() ? s : null);

function dateOf(el: XmlElement, names: readonly string[]): string | null {
  for (const name of names) {
    for (const c of el.children) {
      if (typeof c === 'string' || c.cname !== name) continue;
      const iso = parseFeedDate(textContent(c));
      if (iso) return iso;
    }
  }
  return null;
}

/** A name from an RSS author string: "jane@example.com (Jane Doe)" or "Jane Doe <jane@example.com>" → "Jane Doe". */
export function authorName(raw: string): string | null {
  let s = raw.replace(/\s+/g, ' ').trim();
  if (!s) return null;
  if (s.length > 300) s = s.slice(0, 300); // a name, not a document (and keeps the patterns below linear)
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(s);
  if (paren) return paren[1]!.trim() || null;
  const angle = /^(.*?)\s*<[^<>@\s]+@[^<>\s]+>$/.exec(s);
  if (angle) s = angle[1]!.replace(/^["']|["']$/g, '').trim();
  s = s.replace(/\(?\s*(mailto:)?[^\s()<>]+@[^\s()<>]+\.[^\s()<>]+\s*\)?/g, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(/^\(|\)$/g, '').trim();
  return s || null;
}

function personName(el: XmlElement): string | null {
  const name = first(el, ['atom:name', 'name']);
  if (name) return nonEmpty(constructText(name, 'text'));
  if (elementChildren(el).length) return null; // only an e-mail or a URI
  return authorName(htmlToText(textContent(el)));
}

function joinNames(names: Array<string | null>): string | null {
  const seen: string[] = [];
  for (const n of names) if (n && !seen.includes(n)) seen.push(n);
  return seen.length ? seen.join(', ') : null;
}

function authorsOf(el: XmlElement, atom: boolean): string | null {
  const atomAuthors = all(el, atom ? ['atom:author', 'author'] : ['atom:author']);
  if (atomAuthors.length) {
    const n = joinNames(atomAuthors.map(personName));
    if (n) return n;
  }
  for (const kind of [['author'], ['dc:creator'], ['dc:author'], ['itunes:author'], ['dc:contributor']]) {
    const els = all(el, kind);
    if (!els.length) continue;
    const n = joinNames(els.map((e) => (elementChildren(e).length ? personName(e) : authorName(htmlToText(textContent(e))))));
    if (n) return n;
  }
  return null;
}

function categoriesOf(el: XmlElement): string[] {
  const out: string[] = [];
  for (const c of elementChildren(el)) {
    let v: string | null = null;
    if (c.cname === 'category' || c.cname === 'atom:category') {
      v = c.attrs['term'] ?? (textContent(c).trim() || c.attrs['label'] || null);
    } else if (c.cname === 'dc:subject') v = textContent(c);
    if (v !== null && v.trim()) out.push(v.trim());
  }
  return out;
}

function lengthOf(s: string | undefined): number | null {
  if (!s) return null;
  const t = s.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

function linkRel(l: XmlElement): string {
  return (l.attrs['rel'] ?? 'alternate').trim().toLowerCase();
}

function enclosuresOf(el: XmlElement): Enclosure[] {
  const out: Enclosure[] = [];
  for (const c of elementChildren(el)) {
    if (c.cname === 'enclosure') {
      const url = c.attrs['url'] ?? c.attrs['href'];
      if (!url || !url.trim()) continue;
      out.push({ url: resolveUrl(url, c.base), type: nonEmpty(c.attrs['type']?.trim()), length: lengthOf(c.attrs['length']) });
    } else if ((c.cname === 'atom:link' || c.cname === 'link') && linkRel(c) === 'enclosure') {
      const href = c.attrs['href'];
      if (!href || !href.trim()) continue;
      out.push({ url: resolveUrl(href, c.base), type: nonEmpty(c.attrs['type']?.trim()), length: lengthOf(c.attrs['length']) });
    }
  }
  return out;
}

/** The alternate link of an Atom element (first link with rel="alternate" or no rel), resolved. */
function atomLink(el: XmlElement, names: readonly string[]): string | null {
  for (const c of elementChildren(el)) {
    if (!names.includes(c.cname)) continue;
    if (linkRel(c) !== 'alternate') continue;
    // A link written as text (<link>http://…</link>) instead of href="…" still counts.
    const href = c.attrs['href'] ?? (textContent(c).trim() || undefined);
    if (href === undefined) continue;
    return resolveUrl(href, c.base);
  }
  return null;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** An xml:lang value as a language tag ("en_US" → "en-US"), or null when blank. */
const xmlLang = (v: string | null | undefined): string | null => nonEmpty(v?.trim().replace(/_/g, '-'));

function html(el: XmlElement | null, fallback: 'text' | 'guess'): { html: string; kind: string } | null {
  if (!el) return null;
  const r = constructHtml(el, fallback);
  return r.html.trim() ? r : null;
}

function rssItem(it: XmlElement): NormalisedItem {
  const titleEl = firstWithText(it, ['title', 'dc:title', 'atom:title']);
  const guidEl = first(it, ['guid']);
  const guidText = guidEl ? nonEmpty(textContent(guidEl).trim()) : null;
  const about = it.attrs['rdf:about'] ?? null;
  const atomId = first(it, ['atom:id']);
  const guid = guidText ?? nonEmpty(about?.trim()) ?? (atomId ? nonEmpty(textContent(atomId).trim()) : null);
  const linkEl = firstWithText(it, ['link']);
  let link: string | null = linkEl ? resolveUrl(textContent(linkEl), linkEl.base) : atomLink(it, ['atom:link']);
  const cdfHref = it.attrs['href'] ?? it.attrs['HREF'];
  if (!link && cdfHref) link = resolveUrl(cdfHref, cdfBase(it)); // CDF: <ITEM HREF="…">
  if (!link && guidEl && guidText && (guidEl.attrs['isPermaLink'] ?? guidEl.attrs['ispermalink'] ?? 'true').trim().toLowerCase() !== 'false') {
    link = resolveUrl(guidText, guidEl.base);
  }
  const summaryEl = firstWithText(it, ['description', 'dc:description', 'atom:summary', 'summary', 'abstract']);
  const contentEl = firstWithText(it, ['content:encoded', 'xhtml:body', 'body', 'fullitem', 'atom:content', 'content']);
  const summary = html(summaryEl, 'guess');
  const content = html(contentEl, 'guess');
  return {
    guid,
    title: titleEl ? nonEmpty(constructText(titleEl, 'guess')) : null,
    link: nonEmpty(link),
    published: dateOf(it, ['atom:published', 'atom:issued', 'pubdate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'atom:created']),
    updated: dateOf(it, ['atom:updated', 'atom:modified', 'dcterms:modified']) ?? parseFeedDate(it.attrs['LASTMOD'] ?? it.attrs['lastmod'] ?? null),
    author: authorsOf(it, false),
    summary: summary?.html ?? (content && content.kind !== 'xhtml' ? content.html : null),
    content: content?.html ?? null,
    categories: categoriesOf(it),
    enclosures: enclosuresOf(it),
  };
}

function atomEntry(en: XmlElement): NormalisedItem {
  const titleEl = first(en, ['atom:title', 'title']);
  const idEl = first(en, ['atom:id', 'id', 'guid']);
  let guid = idEl ? nonEmpty(textContent(idEl).trim()) : null;
  if (guid && !ABSOLUTE.test(guid) && idEl!.base) guid = resolveUrl(guid, idEl!.base);
  const summary = html(firstWithText(en, ['atom:summary', 'summary', 'description', 'dc:description']), 'text');
  const content = html(firstWithText(en, ['atom:content', 'content', 'content:encoded', 'xhtml:body']), 'text');
  return {
    guid,
    title: titleEl ? nonEmpty(constructText(titleEl, 'text')) : null,
    link: atomLink(en, ['atom:link', 'link']),
    published: dateOf(en, ['atom:published', 'published', 'atom:issued', 'issued', 'pubdate', 'dc:date', 'dcterms:issued', 'atom:created', 'created']),
    updated: dateOf(en, ['atom:updated', 'updated', 'atom:modified', 'modified', 'dcterms:modified']),
    author: authorsOf(en, true),
    summary: summary?.html ?? (content && content.kind !== 'xhtml' ? content.html : null),
    content: content?.html ?? null,
    categories: categoriesOf(en),
    enclosures: enclosuresOf(en),
  };
}

/** Elements named `names` anywhere under `root`, not looking inside a match (iterative walk). */
function collect(root: XmlElement, names: readonly string[]): XmlElement[] {
  const out: XmlElement[] = [];
  const todo: XmlElement[] = [root];
  while (todo.length) {
    const el = todo.pop()!;
    for (let k = el.children.length - 1; k >= 0; k--) {
      const c = el.children[k]!;
      if (typeof c === 'string') continue;
      if (names.includes(c.cname)) out.push(c);
      else todo.push(c);
    }
  }
  return out.reverse();
}

function cdfLink(channel: XmlElement): string | null {
  const href = channel.attrs['href'] ?? channel.attrs['HREF'];
  return href ? resolveUrl(href, cdfBase(channel)) : null;
}

/** CDF's BASE attribute (on the channel or an item) acts as xml:base. */
function cdfBase(el: XmlElement): string | null {
  for (let e: XmlElement | null = el; e; e = e.parent) {
    const b = e.attrs['BASE'] ?? e.attrs['base'];
    if (b) return resolveUrl(b, e.base);
  }
  return el.base;
}

const PERIOD_MINUTES: Record<string, number> = { hourly: 60, daily: 1440, weekly: 10080, monthly: 43200, yearly: 525600 };

function ttlOf(channel: XmlElement): number | null {
  let best: number | null = null;
  const ttl = first(channel, ['ttl']);
  if (ttl) {
    const n = Number(textContent(ttl).trim());
    if (Number.isFinite(n) && n > 0) best = Math.round(n);
  }
  const period = first(channel, ['sy:updateperiod']);
  if (period) {
    const per = PERIOD_MINUTES[textContent(period).trim().toLowerCase()];
    const freqEl = first(channel, ['sy:updatefrequency']);
    const freq = freqEl ? Number(textContent(freqEl).trim()) : 1;
    if (per && Number.isFinite(freq) && freq > 0) {
      const m = Math.max(1, Math.round(per / freq));
      best = best === null ? m : Math.max(best, m);
    }
  }
  return best;
}

/** Builds the normalised feed from a document root, or null when the root is not a feed. */
export function normaliseFeed(root: XmlElement): NormalisedFeed | null {
  const format = feedFormat(root);
  if (!format) return null;
  if (format === 'atom') {
    const titleEl = first(root, ['atom:title', 'title']);
    const desc = html(first(root, ['atom:subtitle', 'subtitle', 'atom:tagline', 'tagline', 'description']), 'text');
    const langEl = first(root, ['dc:language', 'language']);
    return {
      title: titleEl ? nonEmpty(constructText(titleEl, 'text')) : null,
      link: atomLink(root, ['atom:link', 'link']),
      description: desc?.html ?? null,
      language: xmlLang(root.attrs['xml:lang']) ?? (langEl ? nonEmpty(textContent(langEl).trim()) : null) ?? xmlLang(root.lang),
      items: collect(root, ['atom:entry', 'entry']).map(atomEntry),
      ttlMinutes: ttlOf(root),
    };
  }
  const channel = root.cname === 'channel' ? root : (first(root, ['channel']) ?? root);
  const titleEl = firstWithText(channel, ['title', 'dc:title', 'atom:title']);
  const linkEl = firstWithText(channel, ['link']);
  const desc = html(firstWithText(channel, ['description', 'dc:description', 'atom:subtitle', 'itunes:summary', 'abstract']), 'guess');
  const langEl = firstWithText(channel, ['language', 'dc:language']);
  return {
    title: titleEl ? nonEmpty(constructText(titleEl, 'guess')) : null,
    link: linkEl ? resolveUrl(textContent(linkEl), linkEl.base) : atomLink(channel, ['atom:link']) ?? cdfLink(channel),
    description: desc?.html ?? null,
    language: (langEl ? nonEmpty(textContent(langEl).trim()) : null) ?? xmlLang(root.attrs['xml:lang']) ?? xmlLang(channel.lang),
    items: collect(root, ['item']).map(rssItem),
    ttlMinutes: ttlOf(channel),
  };
}
