// Finds the feed for what the user typed: the URL itself when it is a feed, else the feeds a web page links to
// (<link rel="alternate">), else well-known feed paths on the same site.
import { FetchError, fetchUrl, type FetchOptions, type FetchResult } from './fetch.js';

export type Fetcher = (url: string, opts?: FetchOptions) => Promise<FetchResult>;
export type FeedParser = (
  bytes: Uint8Array,
  opts: { contentType: string | null; baseUrl: string },
) => Promise<{ items: unknown[]; error?: string; title: string | null }>;

export interface DiscoveredFeed {
  /** The URL to subscribe to (after permanent redirects). */
  feedUrl: string;
  /** The page the feed was found from; null when the input was the feed itself. */
  discoveredFrom: string | null;
  /** The feed as downloaded, so the caller need not fetch it again. */
  fetched: FetchResult & { status: 'ok' };
}

/** No feed could be found; `tried` lists every address that was looked at. */
export class NoFeedFoundError extends Error {
  readonly kind = 'no-feed' as const;
  readonly httpStatus = null;
  readonly retryAfterMs = null;
  constructor(
    readonly input: string,
    readonly tried: string[],
  ) {
    super(`no feed found at ${input} (tried: ${tried.join(', ')})`);
    this.name = 'NoFeedFoundError';
  }
}

export const WELL_KNOWN_FEED_PATHS = ['/feed', '/rss', '/rss.xml', '/atom.xml', '/feed.xml', '/index.xml', '/feeds/posts/default'];

const PAGE_ACCEPT =
  'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const SNIFF_WINDOW = 64 * 1024;
/** Guesses may be dead ends: give each less time than a subscribed feed gets. */
const CANDIDATE_LIMITS: FetchOptions = { connectTimeoutMs: 5_000, timeoutMs: 15_000 };

/** What kind of feed the bytes start with, looking past a BOM, the XML prolog, comments and a doctype. */
export function sniffFeed(bytes: Uint8Array): 'rss' | 'atom' | 'rdf' | 'json' | null {
  const head = bytes.subarray(0, SNIFF_WINDOW);
  let text: string;
  if (head[0] === 0xfe && head[1] === 0xff) text = new TextDecoder('utf-16be').decode(head.subarray(2));
  else if (head[0] === 0xff && head[1] === 0xfe) text = new TextDecoder('utf-16le').decode(head.subarray(2));
  else text = new TextDecoder('utf-8').decode(head); // ASCII markup reads the same in any ASCII-compatible charset
  text = text.replace(/^\uFEFF/, '');
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return null;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return null;
      i = end + 3;
    } else if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) {
      // Skip a doctype, including an internal subset in brackets.
      let depth = 0;
      let j = i + 9;
      for (; j < text.length; j++) {
        const c = text[j];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      if (j >= text.length) return null;
      i = j + 1;
    } else break;
  }
  const rest = text.slice(i, i + 200);
  if (/^<rss[\s>/]/i.test(rest)) return 'rss';
  if (/^<([\w.-]+:)?feed[\s>/]/.test(rest)) return 'atom';
  if (/^<([\w.-]+:)?RDF[\s>/]/.test(rest)) return 'rdf';
  if (rest.startsWith('{') && /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(text)) return 'json';
  return null;
}

function looksLikeFeedType(contentType: string | null): boolean {
  return !!contentType && /(rss|atom|rdf|feed)\+(xml|json)|^\s*application\/json/i.test(contentType);
}

/** Turns what the user typed into an absolute URL; a bare host becomes https://host. */
export function normaliseInput(input: string): { url: string; bareHost: boolean } {
  let s = input.trim();
  if (!s) throw new FetchError('bad-url', 'no address given');
  // feed:// and feed:https:// were once used for "subscribe to this" links.
  if (/^feed:\/\//i.test(s)) s = 'https://' + s.slice(7);
  else if (/^feed:https?:/i.test(s)) s = s.slice(5);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^(javascript|data|mailto|about|blob|vbscript|file):/i.test(s)) {
    return { url: s, bareHost: false };
  }
  if (s.startsWith('//')) return { url: 'https:' + s, bareHost: true };
  if (/^[\w.-]+(:\d+)?($|[/?#])/.test(s)) return { url: 'https://' + s, bareHost: true };
  throw new FetchError('bad-url', `not a web address: ${JSON.stringify(input.slice(0, 200))}`);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

function parseAttributes(raw: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

export interface FeedLink {
  url: string;
  type: string;
  title: string | null;
}

/**
 * The feeds an HTML page announces with <link rel="alternate" type="…rss+xml|atom+xml|feed+json…">, RSS/Atom first,
 * each group in document order; hrefs resolved against <base href> and the page URL.
 */
export function findFeedLinks(html: string, pageUrl: string): FeedLink[] {
  // Comments, scripts and styles can contain text that looks like tags.
  const clean = html.replace(/<!--[\s\S]*?(-->|$)/g, ' ').replace(/<(script|style|template|noscript)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ');
  const tagRe = /<(link|base)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
  let base = pageUrl;
  let baseSeen = false;
  const xml: FeedLink[] = [];
  const json: FeedLink[] = [];
  const seen = new Set<string>();
  for (let m = tagRe.exec(clean); m; m = tagRe.exec(clean)) {
    const attrs = parseAttributes(m[2]!);
    if (m[1]!.toLowerCase() === 'base') {
      const href = attrs.get('href');
      if (!baseSeen && href) {
        try {
          base = new URL(href.trim(), pageUrl).href;
          baseSeen = true;
        } catch {
          /* a broken <base> is ignored, as browsers do */
        }
      }
      continue;
    }
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate') && !rel.includes('feed')) continue;
    const type = (attrs.get('type') ?? '').trim().toLowerCase().split(';')[0]!.trim();
    const isXml = /^application\/(rss|atom|rdf)\+xml$/.test(type) || (rel.includes('feed') && type === '');
    const isJson = type === 'application/feed+json' || type === 'application/json';
    if (!isXml && !isJson) continue;
    const href = attrs.get('href')?.trim();
    if (!href) continue;
    let url: string;
    try {
      const u = new URL(href, base);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
      u.hash = '';
      url = u.href;
    } catch {
      continue;
    }
    if (seen.has(url)) continue;
    seen.add(url);
    (isXml ? xml : json).push({ url, type, title: attrs.get('title')?.trim() || null });
  }
  return [...xml, ...json];
}

function decodeHtml(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes.subarray(0, 2 * 1024 * 1024));
}

/** Whether a downloaded document is a feed: by its first element, or (for JSON) by asking the parser. */
async function isFeed(r: FetchResult & { status: 'ok' }, parse: FeedParser): Promise<boolean> {
  const kind = sniffFeed(r.bytes);
  if (kind) return true;
  const first = new TextDecoder().decode(r.bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (!looksLikeFeedType(r.contentType) || !(first.startsWith('{') || first.startsWith('<'))) return false;
  try {
    const parsed = await parse(r.bytes, { contentType: r.contentType, baseUrl: r.url });
    return parsed.items.length > 0 || (parsed.title !== null && !parsed.error);
  } catch {
    return false;
  }
}

const feedUrlOf = (r: FetchResult, requested: string): string => r.permanentUrl ?? requested;

/**
 * Finds the feed for `input` (a feed URL, a site URL or a bare host like "example.com"). Rejects with the FetchError
 * of the first download when the address itself cannot be fetched, or with NoFeedFoundError.
 */
export async function discoverFeed(
  input: string,
  fetcher: Fetcher = fetchUrl,
  parse: FeedParser,
): Promise<DiscoveredFeed> {
  const { url, bareHost } = normaliseInput(input);
  const tried: string[] = [];

  let pageUrl = url;
  let page: FetchResult;
  try {
    tried.push(url);
    page = await fetcher(url, { accept: PAGE_ACCEPT });
  } catch (err) {
    // A bare host may only speak plain http.
    const retryHttp = bareHost && err instanceof FetchError && ['network', 'timeout', 'http'].includes(err.kind);
    if (!retryHttp) throw err;
    pageUrl = url.replace(/^https:/, 'http:');
    tried.push(pageUrl);
    page = await fetcher(pageUrl, { accept: PAGE_ACCEPT });
  }
  if (page.status !== 'ok') throw new FetchError('http', `${pageUrl} answered "not modified" to a first request`);
  if (await isFeed(page, parse)) return { feedUrl: feedUrlOf(page, pageUrl), discoveredFrom: null, fetched: page };

  const from = page.url;
  const candidates: string[] = findFeedLinks(decodeHtml(page.bytes), page.url).map((l) => l.url);
  for (const path of WELL_KNOWN_FEED_PATHS) {
    const u = new URL(path, new URL(page.url).origin).href;
    if (!candidates.includes(u)) candidates.push(u);
  }
  const visited = new Set([url, pageUrl, page.url]);
  for (const candidate of candidates) {
    if (visited.has(candidate)) continue;
    visited.add(candidate);
    tried.push(candidate);
    let r: FetchResult;
    try {
      r = await fetcher(candidate, CANDIDATE_LIMITS);
    } catch (err) {
      if (err instanceof FetchError) continue; // a missing or broken candidate: try the next
      throw err;
    }
    if (r.status === 'ok' && (await isFeed(r, parse))) return { feedUrl: feedUrlOf(r, candidate), discoveredFrom: from, fetched: r };
  }
  throw new NoFeedFoundError(input.trim(), tried);
}
