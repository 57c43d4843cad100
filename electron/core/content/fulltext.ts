// Full text of an article page: download via the given fetcher, decode its charset, extract the story with Readability.
import { Readability } from '@mozilla/readability';
import iconv from 'iconv-lite';
import { JSDOM, VirtualConsole } from 'jsdom';
import { htmlToText } from '../analysis/text.js';
import { sanitizeHtml } from './sanitize.js';

export interface FullText {
  text: string | null;
  html: string | null;
  /** ISO-8601 time of the attempt. */
  fetchedAt: string;
  /** Why there is no full text, in plain language; null on success. */
  error: string | null;
}

export type FetchPage = (url: string) => Promise<{ bytes: Uint8Array; contentType: string | null; url: string }>;

/** Pages larger than this are cut before parsing (an article's text is near the top). */
const MAX_HTML_CHARS = 1_500_000;
/** Readability's cost grows faster than linearly with the element count: pages with more are not read (a few seconds at most). */
const MAX_ELEMENTS = 8_000;
/** Less text than this is a teaser, a paywall or an index page, not an article. */
const MIN_ARTICLE_CHARS = 200;

/** The story of an article page: title, plain text (paragraphs kept) and sanitised HTML; null if none is found. */
export function extractArticle(html: string, url: string): { title: string | null; text: string; html: string } | null {
  if (!html) return null;
  const source = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  let pageUrl: string | undefined;
  try { pageUrl = new URL(url).href; } catch { pageUrl = undefined; }
  let dom: JSDOM;
  try {
    dom = new JSDOM(source, { url: pageUrl, virtualConsole: new VirtualConsole() });
  } catch {
    return null;
  }
  try {
    const article = new Readability(dom.window.document as unknown as Document, { charThreshold: MIN_ARTICLE_CHARS, maxElemsToParse: MAX_ELEMENTS }).parse();
    if (!article || !article.content) return null;
    const text = htmlToText(article.content);
    if (text.length < MIN_ARTICLE_CHARS) return null;
    const title = article.title ? article.title.replace(/\s+/g, ' ').trim() || null : null;
    return { title, text, html: sanitizeHtml(article.content, pageUrl ?? null) };
  } catch {
    return null; // Readability gave up (malformed or too large a page): treated as "no article".
  } finally {
    dom.window.close();
  }
}

function charsetFromContentType(contentType: string | null): string | null {
  const m = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null;
  return m ? m[1] : null;
}

/** The charset a page declares in its first bytes (BOM, <meta charset>, or http-equiv Content-Type). */
function sniffCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1];
  const xml = /^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return xml ? xml[1] : null;
}

/** Page bytes → string, by the declared charset (header first, then the page), UTF-8 when unknown or unsupported. */
export function decodePage(bytes: Uint8Array, contentType: string | null): string {
  const declared = charsetFromContentType(contentType) ?? sniffCharset(bytes);
  let charset = declared && iconv.encodingExists(declared) ? declared : 'utf-8';
  // Browsers read a page labelled ISO-8859-1 as Windows-1252 (curly quotes in 0x80–0x9F).
  if (/^(?:iso-?8859-1|latin-?1|us-ascii|ascii)$/i.test(charset)) charset = 'windows-1252';
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

function reason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, ' ').trim().slice(0, 300) || 'unknown error';
}

/**
 * Download an item's page with `fetchPage` (the app's HTTP client and limits) and extract the article. Never throws:
 * a failed download or extraction returns `error` with the reason in plain language and no text.
 */
export async function fetchFullText(url: string, fetchPage: FetchPage): Promise<FullText> {
  const fetchedAt = new Date().toISOString();
  const fail = (error: string): FullText => ({ text: null, html: null, fetchedAt, error });
  let page: Awaited<ReturnType<FetchPage>>;
  try {
    page = await fetchPage(url);
  } catch (err) {
    return fail(`The article page could not be downloaded: ${reason(err)}`);
  }
  try {
    const type = page.contentType?.split(';')[0].trim().toLowerCase() ?? null;
    if (type && !/^(?:text\/html|application\/xhtml\+xml|text\/plain|application\/xml|text\/xml)$/.test(type)) {
      return fail(`The link points to a ${type} file, not a web page.`);
    }
    if (!page.bytes || page.bytes.byteLength === 0) return fail('The article page was empty.');
    const html = decodePage(page.bytes, page.contentType);
    const article = extractArticle(html, page.url || url);
    if (!article) return fail('No article text could be found on the page (it may be a paywall, an index page, need JavaScript, or be too large to read).');
    return { text: article.text, html: article.html, fetchedAt, error: null };
  } catch (err) {
    return fail(`The article could not be read from the page: ${reason(err)}`);
  }
}
