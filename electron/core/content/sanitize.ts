// THE one DOMPurify wrapper: untrusted feed/article HTML → HTML safe to show (no scripts, handlers, frames, forms or unsafe URLs).
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

type Purifier = ReturnType<typeof createDOMPurify>;

/** Elements never kept, whatever DOMPurify's defaults allow. */
const FORBID_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea', 'select',
  'option', 'meta', 'base', 'link', 'noscript', 'template', 'svg', 'math', 'portal', 'dialog',
];
/** Attributes never kept (event handlers are always removed by DOMPurify). */
const FORBID_ATTR = ['srcdoc', 'formaction', 'action', 'ping', 'background', 'xmlns', 'http-equiv', 'autofocus', 'form', 'target'];
/** Attributes holding a URL: resolved against the page address and checked. */
const URL_ATTRS = ['href', 'src', 'cite', 'poster', 'longdesc'];
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif);base64,[a-z0-9+/=\s]+$/i;

/** CSS properties kept in style attributes; any value with a URL, expression or escape is dropped. */
const SAFE_CSS_PROPS = new Set([
  'color', 'background-color', 'text-align', 'font-weight', 'font-style', 'font-size', 'text-decoration', 'text-transform',
  'vertical-align', 'white-space', 'direction', 'unicode-bidi', 'float', 'clear', 'width', 'height', 'max-width', 'max-height',
  'margin', 'margin-left', 'margin-right', 'margin-top', 'margin-bottom', 'padding', 'padding-left', 'padding-right', 'padding-top',
  'padding-bottom', 'border', 'border-collapse', 'list-style-type', 'line-height',
]);
const UNSAFE_CSS_VALUE = /url\s*\(|expression|javascript|vbscript|@import|behavior|binding|[\\<>]|\/\*|&#|image-set|element\s*\(|var\s*\(|attr\s*\(/i;

/** Longer HTML is cut before sanitising (a hostile 5 MB item would otherwise take many seconds to show). */
const MAX_HTML_CHARS = 2_000_000;

let purifier: Purifier | null = null;
/** The page address of the document being sanitised (sanitising is synchronous, so one slot is enough). */
let currentBase: string | null = null;

/** A style attribute with only safe declarations, or null. */
function safeStyle(style: string): string | null {
  const kept: string[] = [];
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':');
    if (i < 0) continue;
    const prop = decl.slice(0, i).trim().toLowerCase();
    const value = decl.slice(i + 1).trim();
    if (!SAFE_CSS_PROPS.has(prop) || !value || UNSAFE_CSS_VALUE.test(value) || value.length > 200) continue;
    kept.push(`${prop}: ${value}`);
  }
  return kept.length ? kept.join('; ') : null;
}

/** An absolute, allowed URL for an attribute value, or null to drop the attribute. */
function safeUrl(value: string, allowDataImage: boolean): string | null {
  const v = value.trim();
  if (!v) return null;
  if (allowDataImage && SAFE_DATA_IMAGE.test(v)) return v;
  let url: URL;
  try {
    url = currentBase ? new URL(v, currentBase) : new URL(v);
  } catch {
    // Relative without a base: keep it only if it cannot carry a scheme.
    return /^[^:]*$/.test(v.replace(/[\u0000-\u0020]/g, '')) && !/^\s*\/\//.test(v) ? v : null;
  }
  if (!SAFE_SCHEMES.has(url.protocol)) return null;
  return url.href;
}

function createPurifier(): Purifier {
  const { window } = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>');
  const dp = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  dp.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'style') {
      const style = safeStyle(data.attrValue);
      if (style === null) data.keepAttr = false;
      else data.attrValue = style;
    }
  });
  dp.addHook('afterSanitizeAttributes', (node) => {
    const el = node as unknown as { tagName?: string; getAttribute(n: string): string | null; setAttribute(n: string, v: string): void; removeAttribute(n: string): void; hasAttribute(n: string): boolean };
    if (typeof el.getAttribute !== 'function') return;
    const tag = (el.tagName ?? '').toLowerCase();
    for (const attr of URL_ATTRS) {
      const v = el.getAttribute(attr);
      if (v === null) continue;
      const safe = safeUrl(v, tag === 'img' && attr === 'src');
      if (safe === null) el.removeAttribute(attr);
      else el.setAttribute(attr, safe);
    }
    const srcset = el.getAttribute('srcset');
    if (srcset !== null) {
      const parts = srcset.split(',').map((c) => c.trim().split(/\s+/)).map(([u, d]) => {
        const safe = u ? safeUrl(u, false) : null;
        return safe ? (d ? `${safe} ${d}` : safe) : null;
      });
      if (parts.some((p) => p === null) || parts.length === 0) el.removeAttribute('srcset');
      else el.setAttribute('srcset', parts.join(', '));
    }
    if (tag === 'a' || tag === 'area') {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return dp;
}

/**
 * Sanitise untrusted HTML for display: DOMPurify (HTML profile, on one lazily created jsdom window) without scripts,
 * event handlers, frames, objects, embeds, forms, meta/base/link, SVG/MathML or unsafe styles; only http(s)/mailto/tel
 * URLs (and inline raster images), made absolute against `baseUrl`; every link opens in a new window without opener.
 * Input beyond 2 MB is cut off first.
 */
export function sanitizeHtml(html: string, baseUrl?: string | null): string {
  if (!html) return '';
  purifier ??= createPurifier();
  let base: string | null = null;
  if (baseUrl) {
    try { const u = new URL(baseUrl); if (u.protocol === 'http:' || u.protocol === 'https:') base = u.href; } catch { base = null; }
  }
  currentBase = base;
  try {
    return purifier.sanitize(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html, {
      USE_PROFILES: { html: true },
      FORBID_TAGS,
      FORBID_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
      SANITIZE_NAMED_PROPS: true,
      WHOLE_DOCUMENT: false,
      RETURN_TRUSTED_TYPE: false,
    }) as string;
  } finally {
    currentBase = null;
  }
}
