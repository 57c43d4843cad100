// The recovering XML reader: turns feed text into a small element tree and never gives up. It records the first
// well-formedness error but keeps going (mismatched or missing end tags, bare '&', undeclared HTML entities, junk
// after the root, a document cut off partway), so an ill-formed feed still yields everything before (and after) the
// error. Hostile input is bounded: external entities are never resolved or fetched, internal entity expansion has a
// budget, nesting deeper than MAX_DEPTH is flattened, and there is no recursion on document depth.
import { HTML_ENTITIES, charFromCode } from '../content/entities.js';
import { resolveBase } from './urls.js';

export interface XmlElement {
  /** Qualified name as written ("dc:creator"). */
  name: string;
  /** Local part as written ("creator"). */
  local: string;
  /** Lower-case name with a canonical prefix for known namespaces ("dc:creator", "atom:link", "title"). */
  cname: string;
  /** Namespace URI, or '' for none. */
  ns: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  parent: XmlElement | null;
  /** The xml:base in scope (already resolved against the parent's base and the document URL), or null. */
  base: string | null;
  /** The xml:lang in scope, or null. */
  lang: string | null;
  /** Namespace declarations in scope (prefix → URI; '' is the default namespace). */
  nsMap: Record<string, string>;
}
export type XmlNode = XmlElement | string;

export interface XmlDocument {
  root: XmlElement | null;
  /** Well-formedness problems, first first (at most a few kept). */
  errors: string[];
}

/** Maximum element depth kept as structure; deeper start/end tags are dropped (their text is kept). */
export const MAX_DEPTH = 256;
/** Elements that never nest in a feed: a new one closes an unclosed previous one. */
const AUTO_CLOSE = new Set(['item', 'entry', 'rss:item', 'atom:entry']);
/** Local names of elements that can be a feed's root. */
const FEED_ROOTS = new Set(['rss', 'rdf', 'feed', 'channel']);
/** Total characters internal entities may expand to in one document. */
const ENTITY_BUDGET = 1_000_000;

const NS_PREFIX: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://purl.org/net/rss1.1#': '',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/elements/1.0/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://purl.org/rss/1.0/modules/syndication/': 'sy',
  'http://www.w3.org/xml/1998/namespace': 'xml',
};
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const EMPTY_NS: Record<string, string> = { xml: XML_NS };

function canonicalName(prefix: string, local: string, ns: string): string {
  const l = local.toLowerCase();
  if (ns) {
    const p = NS_PREFIX[ns.toLowerCase()];
    if (p !== undefined) return p ? p + ':' + l : l;
    return prefix ? prefix.toLowerCase() + ':' + l : l;
  }
  return prefix ? prefix.toLowerCase() + ':' + l : l;
}

interface EntityState {
  internal: Map<string, string>;
  external: Set<string>;
  expanded: Map<string, string>;
  budget: number;
  errors: string[];
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95 ||
    c === 58 || c > 127;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

const ENTITY_REF = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z_:][A-Za-z0-9_.:-]{0,63});/g;

/** Expands character and entity references in text; undeclared/unknown names are left as written. */
function decodeRefs(s: string, ent: EntityState, depth = 0): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY_REF, (m, body: string) => {
    if (body.charCodeAt(0) === 35) {
      const hex = body[1] === 'x' || body[1] === 'X';
      return charFromCode(hex ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10));
    }
    switch (body) {
      case 'amp': return '&';
      case 'lt': return '<';
      case 'gt': return '>';
      case 'quot': return '"';
      case 'apos': return "'";
    }
    if (ent.internal.size && ent.internal.has(body)) return expandEntity(body, ent, depth) ?? m;
    if (ent.external.has(body)) {
      // External entities are never fetched or read.
      if (ent.errors.length < 5) ent.errors.push(`external entity &${body}; not resolved`);
      return '';
    }
    const html = HTML_ENTITIES.get(body);
    if (html !== undefined) return html;
    return m;
  });
}

function expandEntity(name: string, ent: EntityState, depth: number): string | null {
  const cached = ent.expanded.get(name);
  if (cached !== undefined) {
    if (cached.length > ent.budget) return overBudget(ent);
    ent.budget -= cached.length;
    return cached;
  }
  if (depth > 8) return overBudget(ent);
  ent.expanded.set(name, ''); // guards against self-reference while expanding
  const raw = ent.internal.get(name)!;
  const value = decodeRefs(raw, ent, depth + 1);
  if (value.length > ent.budget) return overBudget(ent);
  ent.budget -= value.length;
  ent.expanded.set(name, value);
  return value;
}

function overBudget(ent: EntityState): null {
  ent.budget = 0;
  if (!ent.errors.some((e) => e.startsWith('entity expansion'))) ent.errors.push('entity expansion limit reached');
  return null;
}

/** Reads the internal subset of a DOCTYPE for <!ENTITY> declarations (general entities only). */
function readDoctype(decl: string, ent: EntityState): void {
  const open = decl.indexOf('[');
  if (open < 0) return;
  const subset = decl.slice(open + 1);
  const re = /<!ENTITY\s+(%\s+)?([A-Za-z_:][\w.:-]*)\s+(?:(SYSTEM|PUBLIC)\b[^>]*|"([^"]*)"|'([^']*)')\s*>/g;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = re.exec(subset)) && count++ < 10_000) {
    if (m[1]) continue; // parameter entity: ignored
    const name = m[2]!;
    if (m[3]) ent.external.add(name);
    else if (!ent.internal.has(name)) ent.internal.set(name, m[4] ?? m[5] ?? '');
  }
}

/** Finds the end of a DOCTYPE declaration starting at `start` (handles quotes and an internal subset). */
function doctypeEnd(text: string, start: number): number {
  let i = start + 9;
  let inSubset = false;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      const close = text.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
      continue;
    }
    if (c === 91 /* [ */) inSubset = true;
    else if (c === 93 /* ] */) inSubset = false;
    else if (c === 62 /* > */ && !inSubset) return i;
    else if (c === 60 /* < */ && inSubset && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return -1;
      i = close + 3;
      continue;
    }
    i++;
  }
  return -1;
}

export interface ReadOptions {
  /** The document's own URL: the base for relative references when no xml:base says otherwise. */
  baseUrl?: string | null;
}

/** Reads `text` into an element tree, recovering from every well-formedness error. */
export function readXml(text: string, opts: ReadOptions = {}): XmlDocument {
  const errors: string[] = [];
  const err = (msg: string): void => { if (errors.length < 5) errors.push(msg); };
  const ent: EntityState = { internal: new Map(), external: new Set(), expanded: new Map(), budget: ENTITY_BUDGET, errors };
  const docBase = opts.baseUrl || null;
  const tops: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let ignoredDepth = 0; // start tags dropped beyond MAX_DEPTH and not yet closed
  const n = text.length;
  let i = 0;

  const addText = (s: string): void => {
    const cur = stack[stack.length - 1];
    if (!cur) {
      if (!tops.length && s.trim()) err('text before the root element');
      return;
    }
    const kids = cur.children;
    const last = kids.length - 1;
    if (last >= 0 && typeof kids[last] === 'string') kids[last] = (kids[last] as string) + s;
    else kids.push(s);
  };

  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      addText(decodeRefs(text.slice(i), ent));
      break;
    }
    if (lt > i) {
      const raw = text.slice(i, lt);
      if (stack.length) {
        if (raw.indexOf('&') >= 0 && /&(?![#A-Za-z_:][^\s&<;]*;)/.test(raw)) err('bare "&" in text');
        addText(decodeRefs(raw, ent));
      } else if (raw.trim() && tops.length) err('junk after the root element');
    }
    const c = text.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4);
        if (close < 0) { err('unterminated comment'); break; }
        i = close + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const close = text.indexOf(']]>', lt + 9);
        if (close < 0) { err('unterminated CDATA section'); addText(text.slice(lt + 9)); break; }
        addText(text.slice(lt + 9, close));
        i = close + 3;
      } else if (/^<!DOCTYPE/i.test(text.slice(lt, lt + 9))) {
        const close = doctypeEnd(text, lt);
        if (close < 0) { err('unterminated DOCTYPE'); break; }
        if (!tops.length) readDoctype(text.slice(lt, close), ent);
        i = close + 1;
      } else {
        const close = text.indexOf('>', lt);
        err('bogus markup declaration');
        i = close < 0 ? n : close + 1;
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const close = text.indexOf('?>', lt + 2);
      if (close < 0) { err('unterminated processing instruction'); break; }
      i = close + 2;
      continue;
    }
    if (c === 47 /* / */) {
      let j = lt + 2;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const name = text.slice(lt + 2, j);
      const close = text.indexOf('>', j);
      i = close < 0 ? n : close + 1;
      if (close < 0) err('unterminated end tag');
      if (ignoredDepth > 0) { ignoredDepth--; continue; }
      // Close the nearest open element with this name; anything opened inside it is closed too.
      let k = stack.length - 1;
      while (k >= 0 && stack[k]!.name !== name) k--;
      if (k < 0) {
        const lower = name.toLowerCase();
        k = stack.length - 1;
        while (k >= 0 && stack[k]!.name.toLowerCase() !== lower) k--;
      }
      if (k < 0) { err(`unexpected end tag </${name}>`); continue; }
      if (k !== stack.length - 1) err(`end tag </${name}> closes unclosed elements`);
      stack.length = k;
      continue;
    }
    if (!isNameChar(c) || c === 45 || c === 46 || (c >= 48 && c <= 57)) {
      // A '<' that starts no tag: keep it as text.
      err('bare "<" in text');
      addText('<');
      i = lt + 1;
      continue;
    }
    // Start tag.
    let j = lt + 1;
    while (j < n && isNameChar(text.charCodeAt(j))) j++;
    const name = text.slice(lt + 1, j);
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    let ended = false;
    while (j < n) {
      let ch = text.charCodeAt(j);
      while (j < n && isSpace(ch)) ch = text.charCodeAt(++j);
      if (j >= n) break;
      if (ch === 62 /* > */) { j++; ended = true; break; }
      if (ch === 47 /* / */) {
        if (text.charCodeAt(j + 1) === 62) { selfClosing = true; j += 2; ended = true; break; }
        j++;
        continue;
      }
      if (ch === 60 /* < */) { err(`unterminated start tag <${name}>`); ended = true; break; }
      const an = j;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isSpace(d) || d === 61 || d === 62 || d === 47 || d === 60) break;
        j++;
      }
      if (j === an) { j++; continue; }
      const attrName = text.slice(an, j);
      let k = j;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      let value = '';
      if (text.charCodeAt(k) === 61 /* = */) {
        k++;
        while (k < n && isSpace(text.charCodeAt(k))) k++;
        const q = text.charCodeAt(k);
        if (q === 34 || q === 39) {
          const close = text.indexOf(q === 34 ? '"' : "'", k + 1);
          const gt = text.indexOf('>', k + 1);
          if (close < 0) { err('unterminated attribute value'); value = text.slice(k + 1, gt < 0 ? n : gt); k = gt < 0 ? n : gt; }
          else { value = text.slice(k + 1, close); k = close + 1; }
        } else {
          const vs = k;
          while (k < n) {
            const d = text.charCodeAt(k);
            if (isSpace(d) || d === 62) break;
            k++;
          }
          value = text.slice(vs, k);
          err('unquoted attribute value');
        }
      } else {
        value = attrName;
        k = j;
      }
      j = k;
      if (!(attrName in attrs)) attrs[attrName] = value.indexOf('&') >= 0 ? decodeRefs(value, ent) : value;
    }
    i = j;
    if (!ended) err(`document ends inside <${name}>`);
    // Another top-level element is junk after the root, or the real root after some junk (an HTML warning before
    // the feed): all are kept, and the feed root is chosen at the end.
    if (!stack.length && tops.length) err('more than one top-level element');
    if (stack.length >= MAX_DEPTH || ignoredDepth > 0) {
      if (errors.every((e) => !e.startsWith('nesting'))) err('nesting deeper than ' + MAX_DEPTH + ' levels flattened');
      if (!selfClosing) ignoredDepth++;
      continue;
    }
    // An item or entry that starts while one of the same name is open: the previous one was never closed.
    if (AUTO_CLOSE.has(name.toLowerCase())) {
      let k = stack.length - 1;
      while (k >= 0 && stack[k]!.name !== name) k--;
      if (k > 0) {
        err(`<${name}> opened before the previous one was closed`);
        stack.length = k;
      }
    }
    const parent = stack[stack.length - 1] ?? null;
    let nsMap = parent ? parent.nsMap : EMPTY_NS;
    let base = parent ? parent.base : docBase;
    let lang = parent ? parent.lang : null;
    let own: Record<string, string> | null = null;
    for (const a in attrs) {
      if (a.charCodeAt(0) !== 120 /* x */) continue;
      if (a === 'xmlns') (own ??= {})[''] = attrs[a]!;
      else if (a.startsWith('xmlns:')) (own ??= {})[a.slice(6)] = attrs[a]!;
      else if (a === 'xml:base') base = resolveBase(attrs[a]!, base);
      else if (a === 'xml:lang') lang = attrs[a]!.trim() || lang;
    }
    if (own) nsMap = { ...nsMap, ...own };
    const colon = name.indexOf(':');
    const prefix = colon > 0 ? name.slice(0, colon) : '';
    const local = colon > 0 ? name.slice(colon + 1) : name;
    const ns = nsMap[prefix] ?? '';
    const el: XmlElement = { name, local, cname: canonicalName(prefix, local, ns), ns, attrs, children: [], parent, base, lang, nsMap };
    if (parent) parent.children.push(el);
    else tops.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (stack.length) err(`document ends inside <${stack[stack.length - 1]!.name}>`);
  return { root: chooseRoot(tops), errors };
}

/** The feed root: the first top-level element with a feed's name, else the first one nested in junk, else the first. */
function chooseRoot(tops: XmlElement[]): XmlElement | null {
  const isFeed = (el: XmlElement): boolean => FEED_ROOTS.has(el.local.toLowerCase());
  const top = tops.find(isFeed);
  if (top) return top;
  const todo = [...tops].reverse();
  while (todo.length) {
    const el = todo.pop()!;
    if (isFeed(el)) return el;
    for (let k = el.children.length - 1; k >= 0; k--) {
      const c = el.children[k]!;
      if (typeof c !== 'string') todo.push(c);
    }
  }
  return tops[0] ?? null;
}

/** Child elements of `el`. */
export function elementChildren(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string') out.push(c);
  return out;
}

/** All text inside `el`, markup dropped (iterative, so depth cannot overflow the stack). */
export function textContent(el: XmlElement): string {
  if (el.children.length === 1 && typeof el.children[0] === 'string') return el.children[0];
  let out = '';
  const todo: XmlNode[] = [...el.children].reverse();
  while (todo.length) {
    const node = todo.pop()!;
    if (typeof node === 'string') out += node;
    else for (let k = node.children.length - 1; k >= 0; k--) todo.push(node.children[k]!);
  }
  return out;
}
