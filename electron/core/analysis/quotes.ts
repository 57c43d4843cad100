// Direct quotations in a plain text: every quotation-mark style, quotes left open over paragraphs, dash speech, block quotes.
import { paragraphs, type Span } from './sentences.js';

export type QuoteStyle = 'double' | 'single' | 'dash' | 'block';

export interface Quotation {
  /** Content offsets (without marks, surrounding spaces and a trailing , ; :). */
  start: number;
  end: number;
  /** Offset of the opening mark (or dash, or paragraph start) and offset just after the closing mark. */
  open: number;
  close: number;
  style: QuoteStyle;
  /** The quotation runs to the end of its paragraph without a closing mark. */
  openEnded: boolean;
  /** Number of words (runs of letters/digits) in the content. */
  words: number;
}

interface Mark { at: number; len: number; ch: string; family: 'double' | 'single'; canOpen: boolean; canClose: boolean }

const TRANSCRIPT_LINE = /^(\p{Lu}[\p{Lu}.’'-]+(?: \p{Lu}[\p{Lu}.’'-]+){0,2}|Q|A):[ \t]+(?=\S)/u;
const MARK_RE = /["“”„«»'‘’‚‹›,]/g;
const DOUBLE = new Set(['"', '“', '”', '„', '«', '»']);
const SINGLE = new Set(['\'', '‘', '’', '‚', '‹', '›']);
const OPEN_PUNCT = new Set(['(', '[', '{', '—', '–', '-', '/', '\u00a0', ' ', '\t', '\n', '\r', ':', ';']);
const GUILLEMETS = new Set(['«', '»']);

const isLetter = (c: string | undefined): boolean => !!c && /[\p{L}\p{N}]/u.test(c);
const isWs = (c: string | undefined): boolean => c === ' ' || c === '\u00a0' || c === '\t' || c === '\n' || c === '\r' || c === '\u202f';
const isCloseFollower = (c: string | undefined): boolean =>
  c === undefined || isWs(c) || /[.,;:!?…)\]}\-–—"“”'’»«]/.test(c);

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
/** Letter-or-digit class of UTF-16 code units beyond ASCII, filled in as met: 0 = not yet known, 1 = yes, 2 = no. */
const WORD_UNITS = new Uint8Array(65536);

/** Number of words: runs of letters and digits (code points of [\p{L}\p{N}]). */
export function countWords(s: string): number {
  const known = WORD_UNITS;
  let n = 0;
  let inWord = false;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    let w: boolean;
    if (c < 128) w = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < len && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      w = WORD_CHAR_RE.test(s.slice(i, i + 2));
      i++;
    } else {
      let v = known[c];
      if (v === 0) { v = WORD_CHAR_RE.test(s[i]) ? 1 : 2; known[c] = v; }
      w = v === 1;
    }
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

/** Quotation-mark tokens of one paragraph. */
function marksOf(text: string, p: Span): Mark[] {
  const out: Mark[] = [];
  const body = text.slice(p.start, p.end);
  MARK_RE.lastIndex = 0;
  let mm: RegExpExecArray | null;
  while ((mm = MARK_RE.exec(body))) {
    const i = p.start + mm.index;
    const c = text[i]!;
    let len = 1;
    let family: 'double' | 'single' | null = null;
    let ch = c;
    if ((c === '\'' || c === '’' || c === '‘') && text[i + 1] === c) { len = 2; family = 'double'; ch = c + c; }
    else if (c === ',' && text[i + 1] === ',' && (i === p.start || isWs(text[i - 1])) && isLetter(text[i + 2])) { len = 2; family = 'double'; ch = ',,'; }
    else if (DOUBLE.has(c)) family = 'double';
    else if (SINGLE.has(c)) family = 'single';
    if (!family) continue;
    const prev = i > p.start ? text[i - 1] : undefined;
    const next = i + len < p.end ? text[i + len] : undefined;
    const next2 = i + len + 1 < p.end ? text[i + len + 1] : undefined;
    let canOpen: boolean;
    let canClose: boolean;
    if (family === 'double') {
      const leftOk = prev === undefined || OPEN_PUNCT.has(prev) || /[.,;:!?…]/.test(prev) || DOUBLE.has(prev) || SINGLE.has(prev);
      const rightOk = next !== undefined && (!isWs(next) || ((GUILLEMETS.has(c) || c === '„') && next2 !== undefined && !isWs(next2)));
      canOpen = ch === '’’' ? false : ch !== '”' ? leftOk && rightOk : leftOk && !isLetter(prev) && isLetter(next);
      if (ch === ',,') canOpen = true;
      canClose = ch !== ',,' && ch !== '„' && prev !== undefined && (!isWs(prev) || GUILLEMETS.has(c)) && isCloseFollower(next);
      if (GUILLEMETS.has(c) && isWs(prev) && !isCloseFollower(next)) canClose = false;
    } else {
      if (isLetter(prev) && isLetter(next)) continue; // apostrophe inside a word
      canOpen = c !== '’' && (prev === undefined || OPEN_PUNCT.has(prev) || DOUBLE.has(prev)) && isLetter(next);
      canClose = c !== '‘' && c !== '‚' && prev !== undefined && !isWs(prev) && isCloseFollower(next) && !(isLetter(prev) && next === 's');
    }
    out.push({ at: i, len, ch, family, canOpen, canClose });
    MARK_RE.lastIndex = i - p.start + len;
  }
  return out;
}

function makeQuote(text: string, open: number, contentStart: number, contentEnd: number, close: number, style: QuoteStyle, openEnded: boolean): Quotation | null {
  let s = contentStart, e = contentEnd;
  while (s < e && isWs(text[s])) s++;
  while (e > s && (isWs(text[e - 1]) || text[e - 1] === ',' || text[e - 1] === ';' || text[e - 1] === ':')) e--;
  if (e <= s) return null;
  const words = countWords(text.slice(s, e));
  if (!words) return null;
  return { start: s, end: e, open, close, style, openEnded, words };
}

/** "“WALLACE: Let’s start …" — a transcript label inside the marks is not part of the words. */
function skipSpeakerLabel(text: string, from: number, to: number): number {
  const m = TRANSCRIPT_LINE.exec(text.slice(from, Math.min(to, from + 60)));
  return m && to - from > m[0].length + 10 ? from + m[0].length : from;
}

function pairFamily(text: string, p: Span, marks: Mark[], family: 'double' | 'single', blocked: Span[], out: Quotation[]): void {
  let open: Mark | null = null;
  const list: Mark[] = [];
  let bi = 0;
  for (const m of marks) {
    if (m.family !== family) continue;
    while (bi < blocked.length && blocked[bi]!.end <= m.at) bi++;
    if (bi < blocked.length && m.at >= blocked[bi]!.start) continue;
    list.push(m);
  }
  let lastGuillemetClose = -1;
  list.forEach((x, k) => { if (GUILLEMETS.has(x.ch) && x.canClose) lastGuillemetClose = k; });
  for (let k = 0; k < list.length; k++) {
    const m = list[k]!;
    if (!open) { if (m.canOpen) open = m; continue; }
    let closes = m.canClose;
    if (closes && GUILLEMETS.has(open.ch) && !GUILLEMETS.has(m.ch)) {
      // « … “nested” … » — a non-guillemet closes only when no guillemet follows in the paragraph
      if (lastGuillemetClose > k) closes = false;
    }
    if (closes) {
      const q = makeQuote(text, open.at, skipSpeakerLabel(text, open.at + open.len, m.at), m.at, m.at + m.len, family, false);
      if (q) out.push(q);
      open = null;
    } else if (m.canOpen && !GUILLEMETS.has(open.ch)) {
      open = m;
    }
  }
  if (open && family === 'double') {
    const q = makeQuote(text, open.at, skipSpeakerLabel(text, open.at + open.len, p.end), p.end, p.end, family, true);
    if (q && q.words >= 3) out.push(q);
  }
}

const DASH_ATTRIBUTION = /\s[–—]\s+(?=\p{L})/u;

/** Dash-introduced speech: paragraphs opening with "– " (Polish, Scandinavian news); `isCue` decides a speech verb. */
function dashQuotes(text: string, paras: Span[], isCue: (word: string) => boolean, out: Quotation[]): void {
  const found: { q: Quotation; para: number; cued: boolean }[] = [];
  paras.forEach((p, idx) => {
    const c = text[p.start];
    if ((c !== '–' && c !== '—' && c !== '-') || !isWs(text[p.start + 1])) return;
    const body = text.slice(p.start, p.end);
    let contentEnd = p.end;
    let cued = false;
    const m = DASH_ATTRIBUTION.exec(body.slice(2));
    if (m) {
      const after = body.slice(2 + m.index + m[0].length, 2 + m.index + m[0].length + 80);
      const words = after.match(/[\p{L}-]+/gu) ?? [];
      if (words.slice(0, 3).some((w) => isCue(w))) { contentEnd = p.start + 2 + m.index; cued = true; }
    }
    const q = makeQuote(text, p.start, p.start + 2, contentEnd, contentEnd, 'dash', false);
    if (q) found.push({ q, para: idx, cued });
  });
  // keep a dash paragraph when it, or a neighbouring dash paragraph, carries a speech-verb attribution
  for (let i = 0; i < found.length; i++) {
    let ok = found[i]!.cued;
    for (let j = i - 1; !ok && j >= 0 && found[j + 1]!.para - found[j]!.para === 1; j--) ok = found[j]!.cued;
    for (let j = i + 1; !ok && j < found.length && found[j]!.para - found[j - 1]!.para === 1; j++) ok = found[j]!.cued;
    if (ok) out.push(found[i]!.q);
  }
}

/** A paragraph ending with ":" ("Miller said:") followed by an unmarked paragraph: the latter is a block quotation. */
function blockQuotes(text: string, paras: Span[], isCue: (word: string) => boolean, out: Quotation[]): void {
  for (let i = 0; i + 1 < paras.length; i++) {
    const p = paras[i]!, n = paras[i + 1]!;
    if (text[p.end - 1] !== ':') continue;
    const first = text[n.start]!;
    if (DOUBLE.has(first) || SINGLE.has(first) || first === '–' || first === '—' || first === '-') continue;
    const intro = text.slice(p.start, p.end - 1);
    const words = intro.match(/[\p{L}’'-]+/gu) ?? [];
    const shortName = words.length <= 6 && /^\p{Lu}/u.test(intro);
    if (!shortName && !words.slice(-4).some((w) => isCue(w))) continue;
    const q = makeQuote(text, n.start, n.start, n.end, n.end, 'block', false);
    if (q && q.words >= 4) out.push(q);
  }
}

/** Interview transcripts: a paragraph opening with an upper-case speaker and a colon ("PENCE: Well, …"). */
function transcriptLines(text: string, paras: Span[], out: Quotation[]): void {
  const found: Quotation[] = [];
  for (const p of paras) {
    const m = TRANSCRIPT_LINE.exec(text.slice(p.start, Math.min(p.end, p.start + 60)));
    if (!m) continue;
    const q = makeQuote(text, p.start + m[0].length, p.start + m[0].length, p.end, p.end, 'block', false);
    if (q && q.words >= 3) found.push(q);
  }
  // an interview has several turns; a lone "SYDNEY: …" is a dateline
  if (found.length >= 2) out.push(...found);
}

/** Every direct quotation in `text`, sorted by position, never overlapping. */
export function findQuotations(text: string, isCue: (word: string) => boolean = () => false, paras: Span[] = paragraphs(text)): Quotation[] {
  const out: Quotation[] = [];
  for (const p of paras) {
    const marks = marksOf(text, p);
    if (!marks.length) continue;
    const doubles: Quotation[] = [];
    pairFamily(text, p, marks, 'double', [], doubles);
    out.push(...doubles);
    if (marks.some((m) => m.family === 'single')) {
      pairFamily(text, p, marks, 'single', doubles.map((q) => ({ start: q.open, end: q.close })), out);
    }
  }
  dashQuotes(text, paras, isCue, out);
  blockQuotes(text, paras, isCue, out);
  transcriptLines(text, paras, out);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Quotation[] = [];
  for (const q of out) {
    const last = kept[kept.length - 1];
    if (last && q.open < last.close) continue;
    kept.push(q);
  }
  return kept;
}
