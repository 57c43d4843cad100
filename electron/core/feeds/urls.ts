// Relative URLs in feeds: resolving against xml:base (itself resolved against its parent's base) and the feed's own
// URL, and making href/src inside HTML content absolute.

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;
const DUMMY = 'http://relative.invalid';

/** Resolves `ref` against `base`; with no usable base, a relative reference is returned as written. */
export function resolveUrl(ref: string, base: string | null | undefined): string {
  const r = ref.trim();
  if (!base) return r;
  if (ABSOLUTE.test(r) && !/^https?:[^/]/i.test(r)) {
    try { return new URL(r).href; } catch { return r; }
  }
  try {
    return new URL(r, base).href;
  } catch {
    // A relative base: resolve both against a placeholder origin and take it off again.
    try {
      const u = new URL(r, new URL(base, DUMMY + '/'));
      const href = u.href;
      return href.startsWith(DUMMY) ? href.slice(DUMMY.length) : href;
    } catch {
      return r;
    }
  }
}

/** Resolves a base attribute value (xml:base) against the base in scope. */
export function resolveBase(value: string, parentBase: string | null): string {
  return resolveUrl(value, parentBase);
}

// Attributes that carry URLs in HTML (the ones feed readers resolve); srcset holds a list of them.
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'poster', 'background', 'cite', 'longdesc', 'action', 'usemap', 'codebase', 'srcset']);
const TAG = /<[a-zA-Z][^<>]*>/g;
const ATTR = /(\s)([a-zA-Z:-]+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s>"']+)/g;

/** Resolves one URL attribute's (already decoded) value; srcset lists are resolved candidate by candidate. */
export function resolveUrlAttribute(name: string, value: string, base: string | null | undefined): string {
  if (!base) return value;
  if (name.toLowerCase() === 'srcset') {
    return value.split(',').map((cand) => {
      const m = /^(\s*)(\S+)(.*)$/.exec(cand);
      return m ? m[1]! + resolveUrl(m[2]!, base) + m[3]! : cand;
    }).join(',');
  }
  if (/^\s*(#|data:|javascript:|mailto:)/i.test(value)) return value;
  return resolveUrl(value, base);
}

/** Makes href/src-like attributes in an HTML string absolute against `base`; the HTML is otherwise untouched. */
export function resolveHtmlUrls(html: string, base: string | null | undefined): string {
  if (!base || html.indexOf('=') < 0) return html;
  return html.replace(TAG, (tag) => tag.replace(ATTR, (m, sp: string, name: string, eq: string, raw: string) => {
    if (!URL_ATTRIBUTES.has(name.toLowerCase())) return m;
    const q = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
    const inner = (q ? raw.slice(1, -1) : raw).replace(/&amp;/g, '&');
    const abs = resolveUrlAttribute(name, inner, base).replace(/&/g, '&amp;').replace(/"/g, '%22');
    return sp + name + eq + '"' + abs + '"';
  }));
}
