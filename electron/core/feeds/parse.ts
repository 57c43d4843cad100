// Feed bytes → normalised feed: decode (BOM → HTTP charset → XML declaration → UTF-8), read with the recovering XML
// reader, map to the normalised shape. Never throws for bad content: an ill-formed document gives what it held, with
// `error` set; a document that is not a feed gives `items: []` and `error`.
//
// Why rss-parser is not the first pass here (measured, not assumed): rss-parser reads XML through xml2js, which
// drops what the normalised shape needs — mixed/xhtml content (serialised child order), xml:base on any element,
// namespace URIs (prefixes are taken literally), every enclosure but the first, typed text constructs — and rejects
// the whole feed on the first XML error. Repairing its output would mean re-reading the document with a tree-building
// pass anyway, and running both doubles the parse time (the benchmark's limit is 1.5× plain rss-parser). So the one
// recovering pass (lenient.ts) produces every field, and rss-parser serves as the second opinion on well-formed
// documents where that pass found a feed root but no entries (its item mapping is used when it finds some).
import { gunzipSync } from 'node:zlib';
import { decodeFeedBytes } from './decode.js';
import { readXml } from './lenient.js';
import { feedFormat, normaliseFeed } from './normalise.js';
import { parseFeedDate } from './dates.js';
import { htmlToText } from './text-constructs.js';
import type { NormalisedFeed, NormalisedItem } from './types.js';
import { resolveUrl } from './urls.js';
import { ParsePool } from './parse-pool.js';

export interface ParseOptions {
  /** The HTTP Content-Type the body came with (its charset outranks the XML declaration). */
  contentType?: string | null;
  /** The URL the feed came from: the base for relative links. */
  baseUrl?: string | null;
}

const emptyFeed = (error: string): NormalisedFeed => ({ title: null, link: null, description: null, language: null, items: [], ttlMinutes: null, error });

/** Parses and normalises a feed body inline (for small bodies, tests and the CLI). */
export async function parseFeed(bytes: Uint8Array, opts: ParseOptions = {}): Promise<NormalisedFeed> {
  try {
    const feed = parseFeedSync(bytes, opts);
    if (feed.items.length === 0 && !feed.error) {
      const second = await secondOpinion(bytes, opts);
      if (second && second.length) feed.items = second;
    }
    return feed;
  } catch (err) {
    return emptyFeed('parser failure: ' + (err instanceof Error ? err.message : String(err)));
  }
}

/** The synchronous pass: decode, read, normalise. */
export function parseFeedSync(bytes: Uint8Array, opts: ParseOptions = {}): NormalisedFeed {
  const { text } = decodeFeedBytes(gunzipIfCompressed(bytes), opts.contentType);
  const doc = readXml(text, { baseUrl: opts.baseUrl ?? null });
  if (!doc.root) return emptyFeed('not a feed: no XML element found');
  const feed = normaliseFeed(doc.root);
  if (!feed) return emptyFeed(`not a feed: the root element is <${doc.root.name}>`);
  if (doc.errors.length) feed.error = 'ill-formed XML: ' + doc.errors[0];
  return feed;
}

/** Most servers' compression is undone by the HTTP client; a body saved still gzipped is inflated here (bounded). */
function gunzipIfCompressed(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return new Uint8Array(gunzipSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES }));
  } catch {
    return bytes;
  }
}
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** rss-parser's reading of a well-formed document whose entries our pass did not find (rare); null if it has none. */
async function secondOpinion(bytes: Uint8Array, opts: ParseOptions): Promise<NormalisedItem[] | null> {
  const { text } = decodeFeedBytes(bytes, opts.contentType);
  if (!/<(?:[\w-]+:)?(?:item|entry)[\s>]/.test(text)) return null;
  const doc = readXml(text);
  if (!doc.root || !feedFormat(doc.root)) return null;
  try {
    const { default: Parser } = await import('rss-parser');
    const out = await new Parser({ defaultRSS: 2 }).parseString(text.replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, ''));
    return out.items.map((it): NormalisedItem => {
      const rec = it as Record<string, unknown>;
      const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
      return {
        guid: str(it.guid) ?? str(rec['id']),
        title: str(it.title) ? htmlToText(it.title!).trim() : null,
        link: str(it.link) ? resolveUrl(it.link!, opts.baseUrl) : null,
        published: parseFeedDate(it.pubDate ?? it.isoDate ?? null),
        updated: null,
        author: str(it.creator) ?? str(rec['author']),
        summary: str(it.summary) ?? str(it.content),
        content: str(rec['content:encoded']),
        categories: (it.categories ?? []).map((c) => (typeof c === 'string' ? c : String((c as { _?: unknown })._ ?? ''))).filter(Boolean),
        enclosures: it.enclosure?.url ? [{ url: it.enclosure.url, type: it.enclosure.type ?? null, length: Number.isSafeInteger(Number(it.enclosure.length)) ? Number(it.enclosure.length) : null }] : [],
      };
    });
  } catch {
    return null;
  }
}

/** Bodies at least this big are parsed in a worker thread by parseFeedOffThread. */
export const OFF_THREAD_BYTES = 256 * 1024;
const POOL_SIZE = 2;
let pool: ParsePool | null = null;

/** Like parseFeed, but bodies of OFF_THREAD_BYTES or more are parsed in a small pool of reused worker threads. */
export async function parseFeedOffThread(bytes: Uint8Array, opts: ParseOptions = {}): Promise<NormalisedFeed> {
  if (bytes.byteLength < OFF_THREAD_BYTES) return parseFeed(bytes, opts);
  pool ??= new ParsePool(import.meta.url, POOL_SIZE);
  try {
    return await pool.run(bytes, { contentType: opts.contentType ?? null, baseUrl: opts.baseUrl ?? null });
  } catch (err) {
    return emptyFeed('parser worker failed: ' + (err instanceof Error ? err.message : String(err)));
  }
}

/** Stops the parser worker threads (an idle pool never keeps the process alive anyway). */
export async function closeParserPool(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await p.close();
}
