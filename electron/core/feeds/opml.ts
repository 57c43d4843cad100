// OPML subscription lists: reading exports from other readers (nested folders of any depth), writing our own, and
// planning an import (which entries are new, duplicates, or refused, and why).
import { SaxesParser } from 'saxes';
import type { OpmlEntryReport } from '../../contract/api.js';

export interface OpmlEntry {
  title: string;
  xmlUrl: string | null;
  htmlUrl: string | null;
  /** Folder names from the outermost in; [] at the top level. */
  folderPath: string[];
  /** Why this outline cannot be a subscription (e.g. no feed address); null when it looks fine. */
  problem: string | null;
}

export interface ParsedOpml {
  title: string | null;
  entries: OpmlEntry[];
}

export interface OpmlFeed {
  title: string;
  url: string;
  siteUrl: string | null;
  folderPath: string[];
}

const MAX_DEPTH = 64;
/** HTML entities that hand-edited or HTML-minded exporters put into OPML, which XML does not define. */
const HTML_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', laquo: '\u00ab', raquo: '\u00bb',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', copy: '\u00a9', reg: '\u00ae', middot: '\u00b7',
  eacute: '\u00e9', egrave: '\u00e8', agrave: '\u00e0', ccedil: '\u00e7', uuml: '\u00fc', ouml: '\u00f6', auml: '\u00e4',
};

interface Frame {
  /** Folder name when this outline is a folder; null for feeds and the body. */
  folder: string | null;
  isFeed: boolean;
  hasChildren: boolean;
  pendingLeaf: { title: string; htmlUrl: string | null; folderPath: string[]; attrs: Map<string, string> } | null;
}

const clean = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Reads an OPML document. Throws an Error with a plain message when the text is not OPML or is broken. */
export function parseOpml(text: string): ParsedOpml {
  // A bare '&' (as in "News & Politics") is the commonest fault in hand-made OPML: read it as a literal ampersand.
  const source = text.replace(/^\uFEFF/, '').replace(/&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z_][\w.-]*;)/g, '&amp;');
  if (!source.trim()) throw new Error('the OPML file is empty');
  if (/^\s*(<!doctype\s+html|<html[\s>])/i.test(source)) throw new Error('not an OPML file (it is a web page)');
  const parser = new SaxesParser({ position: true });
  for (const [k, v] of Object.entries(HTML_ENTITIES)) parser.ENTITIES[k] = v;

  let title: string | null = null;
  const entries: OpmlEntry[] = [];
  const stack: Frame[] = [];
  const path: string[] = [];
  let root: string | null = null;
  let inHead = false;
  let inTitle = false;
  let titleText = '';
  let inBody = false;
  let sawBody = false;
  let fatal: string | null = null;

  parser.on('error', (err) => {
    // Undefined entities (including any a DOCTYPE declares: they are never expanded) and stray '&' are tolerated.
    if (/entity|disallowed character in entity|ampersand/i.test(err.message)) return;
    fatal ??= err.message.replace(/^(\d+):(\d+): /, 'line $1, column $2: ').replace(/\.$/, '');
  });
  parser.on('opentag', (tag) => {
    const name = tag.name.toLowerCase().replace(/^.*:/, '');
    if (root === null) {
      root = name;
      if (name !== 'opml') throw new Error(`not an OPML file (it starts with <${tag.name}>)`);
      return;
    }
    if (name === 'head' && !inBody) inHead = true;
    else if (name === 'title' && inHead) {
      inTitle = true;
      titleText = '';
    } else if (name === 'body') {
      inBody = true;
      sawBody = true;
    } else if (name === 'outline' && inBody) {
      if (stack.length >= MAX_DEPTH) throw new Error(`the OPML file nests outlines more than ${MAX_DEPTH} deep`);
      const attrs = new Map<string, string>();
      for (const [k, v] of Object.entries(tag.attributes)) {
        const key = k.toLowerCase();
        if (!attrs.has(key)) attrs.set(key, typeof v === 'string' ? v : v.value);
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.hasChildren = true;
      const xmlUrl = clean(attrs.get('xmlurl')) || null;
      const label = clean(attrs.get('title')) || clean(attrs.get('text'));
      const htmlUrl = clean(attrs.get('htmlurl')) || null;
      if (xmlUrl) {
        entries.push({ title: label || xmlUrl, xmlUrl, htmlUrl, folderPath: [...path], problem: null });
        stack.push({ folder: null, isFeed: true, hasChildren: false, pendingLeaf: null });
      } else {
        // A folder if it turns out to have children; otherwise decided on close.
        stack.push({
          folder: label || 'Untitled folder', isFeed: false, hasChildren: false,
          pendingLeaf: { title: label, htmlUrl: htmlUrl ?? (clean(attrs.get('url')) || null), folderPath: [...path], attrs },
        });
        path.push(label || 'Untitled folder');
      }
    }
  });
  parser.on('text', (t) => {
    if (inTitle) titleText += t;
  });
  parser.on('cdata', (t) => {
    if (inTitle) titleText += t;
  });
  parser.on('closetag', (tag) => {
    const name = tag.name.toLowerCase().replace(/^.*:/, '');
    if (name === 'title' && inTitle) {
      inTitle = false;
      title = clean(titleText) || null;
    } else if (name === 'head') inHead = false;
    else if (name === 'body') inBody = false;
    else if (name === 'outline' && inBody) {
      const frame = stack.pop();
      if (!frame || frame.isFeed) return;
      path.pop();
      const leaf = frame.pendingLeaf;
      if (frame.hasChildren || !leaf) return; // a folder: its feeds were recorded as they came
      const type = clean(leaf.attrs.get('type')).toLowerCase();
      // An empty folder or a plain note says nothing about subscriptions; a feed-typed or linked outline does.
      if (type === 'rss' || type === 'atom' || type === 'feed' || leaf.htmlUrl) {
        entries.push({
          title: leaf.title || leaf.htmlUrl || 'Untitled', xmlUrl: null, htmlUrl: leaf.htmlUrl,
          folderPath: leaf.folderPath, problem: 'no feed address (xmlUrl) in this entry',
        });
      }
    }
  });

  try {
    parser.write(source).close();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/^not an OPML file|nests outlines/.test(msg)) throw err;
    throw new Error(`the OPML file is broken: ${msg}`);
  }
  if (root === null) throw new Error('not an OPML file (no <opml> element)');
  if (fatal) throw new Error(`the OPML file is broken: ${fatal}`);
  if (!sawBody) throw new Error('the OPML file has no <body> with subscriptions');
  return { title, entries };
}

function escapeAttr(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

interface FolderNode {
  name: string;
  folders: Map<string, FolderNode>;
  /** Children in first-seen order: feeds and folders interleaved as they came. */
  order: ({ feed: OpmlFeed } | { folder: FolderNode })[];
}

/** Writes an OPML 2.0 document; folders become nested outlines. */
export function buildOpml(feeds: OpmlFeed[], title = 'Pollwatch subscriptions'): string {
  const root: FolderNode = { name: '', folders: new Map(), order: [] };
  for (const feed of feeds) {
    let node = root;
    for (const name of feed.folderPath) {
      let child = node.folders.get(name);
      if (!child) {
        child = { name, folders: new Map(), order: [] };
        node.folders.set(name, child);
        node.order.push({ folder: child });
      }
      node = child;
    }
    node.order.push({ feed });
  }
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeAttr(title)}</title>`,
    `    <dateCreated>${new Date().toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
  ];
  const write = (node: FolderNode, indent: string): void => {
    for (const child of node.order) {
      if ('feed' in child) {
        const f = child.feed;
        const name = escapeAttr(f.title || f.url);
        const site = f.siteUrl ? ` htmlUrl="${escapeAttr(f.siteUrl)}"` : '';
        lines.push(`${indent}<outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeAttr(f.url)}"${site}/>`);
      } else {
        const name = escapeAttr(child.folder.name);
        lines.push(`${indent}<outline text="${name}" title="${name}">`);
        write(child.folder, indent + '  ');
        lines.push(`${indent}</outline>`);
      }
    }
  };
  write(root, '    ');
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}

/**
 * A URL's identity for duplicate checks: lower-case scheme and host, default port dropped, no fragment, no trailing
 * slash on the path. Null when it is not a valid absolute URL.
 */
export function normaliseFeedUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  u.hash = '';
  let s = u.href;
  if (u.search === '' && s.endsWith('/')) s = s.replace(/\/+$/, '');
  return s;
}

/** Decides, for each parsed entry, whether importing it adds a feed, repeats one already there, or is refused. */
export function planOpmlImport(parsed: ParsedOpml, existingUrls: Set<string>): { entries: (OpmlEntryReport & { folderPath: string[] })[] } {
  const known = new Set<string>();
  for (const u of existingUrls) {
    const n = normaliseFeedUrl(u);
    if (n) known.add(n);
  }
  const entries: (OpmlEntryReport & { folderPath: string[] })[] = [];
  for (const e of parsed.entries) {
    const base = { title: e.title, folder: e.folderPath.length ? e.folderPath.join(' / ') : null, folderPath: [...e.folderPath] };
    if (e.problem || !e.xmlUrl) {
      entries.push({ ...base, url: e.xmlUrl, outcome: 'refused', reason: e.problem ?? 'no feed address (xmlUrl) in this entry' });
      continue;
    }
    let u: URL;
    try {
      u = new URL(e.xmlUrl);
    } catch {
      entries.push({ ...base, url: e.xmlUrl, outcome: 'refused', reason: `not a valid address: ${e.xmlUrl.slice(0, 200)}` });
      continue;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') {
      entries.push({ ...base, url: e.xmlUrl, outcome: 'refused', reason: `unsupported address type "${u.protocol}" (only http, https and file)` });
      continue;
    }
    if ((u.protocol === 'http:' || u.protocol === 'https:') && !u.hostname) {
      entries.push({ ...base, url: e.xmlUrl, outcome: 'refused', reason: 'the address has no host name' });
      continue;
    }
    u.hash = '';
    const url = u.href;
    const key = normaliseFeedUrl(url)!;
    if (known.has(key)) {
      entries.push({ ...base, url, outcome: 'duplicate', reason: 'already subscribed (or listed earlier in this file)' });
      continue;
    }
    known.add(key);
    entries.push({ ...base, url, outcome: 'imported', reason: null });
  }
  return { entries };
}
