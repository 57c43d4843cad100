// Plain text of an item from its HTML (paragraphs kept as blank-line-separated blocks), and which source of an item to read.
import { decodeHtmlEntities } from '../content/entities.js';

/** Decode HTML character references the way browsers do (the semicolon optional where they allow it). */
export function decodeEntities(s: string): string {
  return decodeHtmlEntities(s, { loose: true });
}

/** Elements whose start or end begins a new block (paragraph) of text. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'section',
  'article', 'header', 'footer', 'aside', 'nav', 'main', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'pre', 'hr', 'address', 'details', 'summary', 'fieldset', 'form', 'center', 'caption', 'body', 'html',
]);
/** Elements whose content is never text a reader sees. */
const SKIP_CONTENT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'svg', 'math', 'select', 'textarea']);
const CELL_TAGS = new Set(['td', 'th']);

const PARA = '\u0001';
const MAX_TAG_LENGTH = 8192;
const TAG_NAME_RE = /^\/?([A-Za-z][A-Za-z0-9:-]*)/;
const WS_RE = /[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
const CONTROL_RE = /[\u0000\u0002-\u0008\u000b\u000e-\u001f\u007f]/g;

/** Index of the '>' that closes the tag opened at `lt`, honouring quoted attribute values; -1 if none nearby. */
function tagEnd(html: string, lt: number): number {
  const limit = Math.min(html.length, lt + MAX_TAG_LENGTH);
  let quote = 0;
  for (let i = lt + 1; i < limit; i++) {
    const c = html.charCodeAt(i);
    if (quote) { if (c === quote) quote = 0; continue; }
    if (c === 62 /* > */) return i;
    if ((c === 34 || c === 39) && /[=\s]/.test(html[i - 1] ?? '')) quote = c; // an attribute value opens
  }
  // Unbalanced quotes: fall back to the first '>' after the tag start.
  const gt = html.indexOf('>', lt + 1);
  return gt >= 0 && gt < limit ? gt : -1;
}

/** Collapse whitespace in one block of text and trim every line. */
function tidy(out: string): string {
  const blocks = out.replace(CONTROL_RE, '').split(PARA);
  const kept: string[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    let cur: string[] = [];
    const flush = (): void => { if (cur.length) kept.push(cur.join('\n')); cur = []; };
    for (const line of lines) {
      const t = line.replace(WS_RE, ' ').trim();
      if (t) cur.push(t);
      else flush(); // an empty line (two <br>, or a blank line) separates paragraphs
    }
    flush();
  }
  return kept.join('\n\n');
}

/** Plain text without markup: a text with no tags keeps its own line structure. */
function plainTextToText(s: string): string {
  return tidy(decodeEntities(s.replace(/\r\n?/g, '\n')));
}

/**
 * HTML → plain text: paragraphs and other blocks as blocks separated by "\n\n", <br> as "\n", entities decoded,
 * scripts/styles/comments dropped, whitespace tidied. A single linear pass over the string (no DOM).
 */
export function htmlToText(html: string): string {
  if (!html) return '';
  if (!/<[A-Za-z/!?]/.test(html)) return plainTextToText(html);
  const parts: string[] = [];
  let pre = 0;
  let i = 0;
  const n = html.length;
  const pushText = (raw: string): void => {
    if (!raw) return;
    const t = decodeEntities(raw);
    parts.push(pre > 0 ? t.replace(/\r\n?/g, '\n') : t.replace(WS_RE, ' '));
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) { pushText(html.slice(i)); break; }
    if (lt > i) pushText(html.slice(i, lt));
    const next = html.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (html.startsWith('<!--', lt)) {
        const end = html.indexOf('-->', lt + 4);
        i = end < 0 ? n : end + 3;
      } else if (html.startsWith('<![CDATA[', lt)) {
        const end = html.indexOf(']]>', lt + 9);
        pushText(html.slice(lt + 9, end < 0 ? n : end).replace(/&/g, '&amp;'));
        i = end < 0 ? n : end + 3;
      } else {
        const end = html.indexOf('>', lt + 2);
        i = end < 0 ? n : end + 1;
      }
      continue;
    }
    if (next === 63 /* ? */) {
      const end = html.indexOf('>', lt + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const isLetter = (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
    const isClose = next === 47 /* / */;
    if (!isLetter && !isClose) { pushText('<'); i = lt + 1; continue; }
    const gt = tagEnd(html, lt);
    if (gt < 0) { pushText('<'); i = lt + 1; continue; }
    const m = TAG_NAME_RE.exec(html.slice(lt + 1, Math.min(gt, lt + 64)));
    i = gt + 1;
    if (!m) continue;
    const name = m[1].toLowerCase();
    if (!isClose && SKIP_CONTENT_TAGS.has(name) && html.charCodeAt(gt - 1) !== 47) {
      const closeRe = new RegExp(`</${name}\\s*>`, 'gi');
      closeRe.lastIndex = i;
      const cm = closeRe.exec(html);
      i = cm ? cm.index + cm[0].length : n;
      continue;
    }
    if (name === 'br') parts.push('\n');
    else if (BLOCK_TAGS.has(name)) {
      parts.push(PARA);
      if (name === 'pre') pre = isClose ? Math.max(0, pre - 1) : pre + 1;
    } else if (CELL_TAGS.has(name)) parts.push(' ');
    else if (name === 'img' && !isClose) {
      // Images carry no text of their own here; their alt text is often a duplicate caption.
    }
  }
  return tidy(parts.join(''));
}

/** Below this many characters of text, a summary is a teaser rather than the story. */
const SHORT_SUMMARY_CHARS = 600;

/** The best text of an item: the fetched full text, else the content, else the summary — headed by its title. */
export function itemPlainText(item: { title: string | null; summary: string | null; content: string | null; fulltextText?: string | null }): string {
  const candidates = [item.fulltextText ?? null, item.content ? htmlToText(item.content) : null, item.summary ? htmlToText(item.summary) : null];
  let body = '';
  for (const c of candidates) {
    if (c && c.trim()) {
      // Prefer the longer of content and summary when the "content" is only a teaser of the summary.
      body = c.trim();
      break;
    }
  }
  if (!item.fulltextText && item.content && item.summary) {
    const s = htmlToText(item.summary);
    if (s.length > body.length * 1.5) body = s;
  }
  const title = item.title ? htmlToText(item.title).replace(/\s+/g, ' ').trim() : '';
  if (!title) return body;
  if (!body) return title;
  if (body.startsWith(title)) return body;
  return `${title}\n\n${body}`;
}

/** True when an item carries only a short summary (no real content) and has a link to fetch the story from. */
export function needsFullText(item: { summary: string | null; content: string | null; link?: string | null }): boolean {
  if (!item.link || !/^https?:\/\//i.test(item.link)) return false;
  const content = item.content ? htmlToText(item.content) : '';
  const summary = item.summary ? htmlToText(item.summary) : '';
  const longest = Math.max(content.length, summary.length);
  return longest < SHORT_SUMMARY_CHARS;
}
