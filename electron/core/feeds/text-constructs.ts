// Feed text constructs (titles, summaries, content) → plain text or an HTML string, following their type/mode:
// text is escaped, html is kept, xhtml/inline XML is serialised, base64 is decoded, and relative URLs in the HTML
// are made absolute against the xml:base in scope.
import { decodeHtmlEntities, escapeAttr, escapeHtml } from '../content/entities.js';
import { elementChildren, textContent, type XmlElement } from './lenient.js';
import { URL_ATTRIBUTES, resolveHtmlUrls, resolveUrlAttribute } from './urls.js';

type Kind = 'text' | 'html' | 'xhtml' | 'guess';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** How a construct's content is to be read, from its type/mode attributes and the format's default. */
function kindOf(el: XmlElement, fallback: Kind): { kind: Kind; base64: boolean } {
  const mode = (el.attrs['mode'] ?? '').trim().toLowerCase();
  const type = (el.attrs['type'] ?? '').trim().toLowerCase().split(';')[0]!.trim();
  let kind: Kind = fallback;
  let base64 = mode === 'base64';
  if (type === 'text' || type === 'text/plain') kind = 'text';
  else if (type === 'html' || type === 'text/html') kind = 'html';
  else if (type === 'xhtml' || type === 'application/xhtml+xml') kind = 'xhtml';
  else if (type) {
    if (type.endsWith('+xml') || type.endsWith('/xml')) kind = 'xhtml';
    else if (type.startsWith('text/')) kind = 'text';
    else if (type.includes('/')) { kind = 'html'; base64 = base64 || mode !== 'escaped'; }
  }
  if (mode === 'escaped' && kind === 'xhtml') kind = 'html';
  return { kind, base64 };
}

function decodeBase64(s: string): string {
  try {
    return Buffer.from(s.replace(/\s+/g, ''), 'base64').toString('utf8');
  } catch {
    return s;
  }
}

function hasElements(el: XmlElement): boolean {
  for (const c of el.children) if (typeof c !== 'string') return true;
  return false;
}

/** Serialises child nodes to HTML; text is escaped, URL attributes resolved against each element's base. */
export function serializeChildren(el: XmlElement): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? escapeHtml(c) : serializeElement(c);
  return out;
}

function serializeElement(el: XmlElement): string {
  const name = el.ns === 'http://www.w3.org/1999/xhtml' || !el.name.includes(':') ? el.local : el.name;
  let out = '<' + name;
  for (const a in el.attrs) {
    if (a === 'xmlns' || a.startsWith('xmlns:') || a === 'xml:base') continue;
    let v = el.attrs[a]!;
    if (el.base && URL_ATTRIBUTES.has(a.toLowerCase())) v = resolveUrlAttribute(a, v, el.base);
    out += ' ' + a + '="' + escapeAttr(v) + '"';
  }
  if (VOID.has(el.local.toLowerCase()) && el.children.length === 0) return out + ' />';
  return out + '>' + serializeChildren(el) + '</' + name + '>';
}

/** The xhtml wrapper div's children, or the element's children when there is no lone wrapper. */
function xhtmlBody(el: XmlElement): XmlElement {
  const kids = elementChildren(el);
  if (kids.length === 1 && kids[0]!.local.toLowerCase() === 'div') {
    const onlyWs = el.children.every((c) => typeof c !== 'string' || !c.trim());
    if (onlyWs) return kids[0]!;
  }
  return el;
}

const LOOKS_HTML = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>|&#?[a-zA-Z0-9]+;/;

/** HTML → plain text: markup and comments dropped, entities decoded. */
export function htmlToText(html: string): string {
  const noTags = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<\/?[a-zA-Z][^<>]*>/g, '');
  return decodeHtmlEntities(noTags);
}

/** A construct as an HTML string (for summaries, descriptions, content). `fallback` is the format's default kind. */
export function constructHtml(el: XmlElement, fallback: Kind): { html: string; kind: Kind } {
  const { kind, base64 } = kindOf(el, fallback);
  if (base64) {
    const decoded = decodeBase64(textContent(el));
    if (kind === 'text') return { html: escapeHtml(decoded), kind };
    return { html: resolveHtmlUrls(decoded, el.base), kind: 'html' };
  }
  switch (kind) {
    case 'text':
      return { html: escapeHtml(textContent(el)), kind };
    case 'xhtml':
      return { html: serializeChildren(xhtmlBody(el)), kind };
    case 'html':
    case 'guess':
    default:
      if (hasElements(el)) return { html: serializeChildren(el), kind };
      return { html: resolveHtmlUrls(textContent(el), el.base), kind };
  }
}

/** A construct as plain text (for titles, author names), trimmed. */
export function constructText(el: XmlElement, fallback: Kind): string {
  const { kind, base64 } = kindOf(el, fallback);
  let raw: string;
  if (base64) {
    const decoded = decodeBase64(textContent(el));
    raw = kind === 'text' ? decoded : htmlToText(decoded);
  } else if (kind === 'text') {
    raw = textContent(el);
  } else if (kind === 'xhtml' || hasElements(el)) {
    raw = textContent(el);
  } else {
    const t = textContent(el);
    raw = kind === 'html' || LOOKS_HTML.test(t) ? htmlToText(t) : t;
  }
  return raw.trim();
}
