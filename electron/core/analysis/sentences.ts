// Paragraphs and sentences of a plain text as offset spans (abbreviation-aware; quotation marks stay with their sentence).

export interface Span { start: number; end: number }

/** Words that end with a period but do not end a sentence (lower-cased, without the period). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr',
  'adm', 'maj', 'rev', 'hon', 'pres', 'supt', 'insp', 'det', 'no', 'nos', 'vs', 'v', 'etc', 'e.g', 'i.e', 'approx',
  'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'assn', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'u.s', 'u.k', 'u.n', 'd.c', 'a.m', 'p.m',
  'm', 'mme', 'mlle', 'sra', 'srta', 'dra', 'av', 'hr', 'fr', 'nr', 'bzw', 'vgl', 'ca', 'z.b', 'dir', 'art', 'op',
]);

/** Abbreviations that also end sentences ("in the U.S.", "Co.", "p.m."). */
const CAN_END = new Set(['u.s', 'u.k', 'u.n', 'd.c', 'a.m', 'p.m', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'etc']);
/** Words that open a sentence far more often than they continue a name ("He", "The", "But"). */
const SENTENCE_OPENER = /^(?:He|She|They|It|We|I|You|The|This|That|These|Those|There|But|And|In|On|At|After|Before|When|While|His|Her|Their|Its|Our|However|Meanwhile|Still|Yet|So|A|An)\b/;

const CLOSERS = new Set(['"', '\'', '”', '’', '»', '«', '“', ')', ']']);

/** Blank-line or single-newline separated blocks with surrounding whitespace trimmed. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= n) break;
    let j = text.indexOf('\n', i);
    if (j < 0) j = n;
    let s = i, e = j;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    i = j + 1;
  }
  return out;
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0' || c === '\n' || c === '\r';
}

function isUpperStart(c: string | undefined): boolean {
  if (!c) return false;
  return /[\p{Lu}\p{N}"“‘'«»„¿¡(\[—–-]/u.test(c);
}

/** The word ending right before index i (letters, dots inside), lower-cased. */
function wordBefore(text: string, i: number): string {
  let s = i;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!) && i - s < 20) s--;
  return text.slice(s, i).toLowerCase();
}

const END_MARK_G = /[.!?…]/g;
/** One upper-case letter (an initial). */
const SINGLE_UPPER = /^\p{Lu}$/u;

/** Sentences inside one paragraph span. */
function sentencesOf(text: string, p: Span, out: Span[]): void {
  let start = p.start;
  const body = text.slice(p.start, p.end);
  for (let i = p.start; i < p.end; i++) {
    // the next . ! ? … in the paragraph
    END_MARK_G.lastIndex = i - p.start;
    const found = END_MARK_G.exec(body);
    if (found === null) break;
    i = p.start + found.index;
    const c = text[i]!;
    let j = i + 1;
    while (j < p.end && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < p.end && CLOSERS.has(text[j]!)) j++;
    if (j >= p.end) break;
    if (!isSpace(text[j])) {
      // "Pen.”I want…" — a closing mark glued to the next sentence; "voters.Macron called" — a missing space
      const glued = j > i + 1 && /\p{Lu}/u.test(text[j]!);
      const noSpace = j === i + 1 && c === '.' && /\p{Ll}/u.test(text[i - 1] ?? '') && /\p{Ll}/u.test(text[i - 2] ?? '') &&
        /\p{Lu}/u.test(text[j]!) && /\p{Ll}/u.test(text[j + 1] ?? '');
      if (glued || noSpace) { out.push({ start, end: j }); start = j; i = j - 1; }
      continue;
    }
    let k = j;
    while (k < p.end && isSpace(text[k])) k++;
    if (k >= p.end) break;
    if (!isUpperStart(text[k])) continue;
    if (c === '.') {
      const w = wordBefore(text, i);
      // "… attacks in the U.S. He says …", "Roberts Jr. Then …": an abbreviation that can end a sentence does, before a
      // word that opens sentences; a title ("Mr.", "Sen.") never does
      const endsHere = CAN_END.has(w) && SENTENCE_OPENER.test(text.slice(k, k + 12));
      if (ABBREVIATIONS.has(w) && !endsHere) continue;
      if (!endsHere && SINGLE_UPPER.test(text.slice(i - 1, i)) && (i - 1 === p.start || /[\s.]/.test(text[i - 2] ?? ' '))) continue; // initial "J."
    }
    out.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  if (p.end > start) out.push({ start, end: p.end });
}

/** Longest sentence kept whole; longer runs (no punctuation) are cut at a space so work per sentence stays bounded. */
const MAX_SENTENCE = 4000;

/** All sentences of the text, in order, never crossing a paragraph break. */
export function sentences(text: string, paras: Span[] = paragraphs(text)): Span[] {
  const raw: Span[] = [];
  for (const p of paras) sentencesOf(text, p, raw);
  const out: Span[] = [];
  for (const s of raw) {
    let st = s.start;
    while (s.end - st > MAX_SENTENCE) {
      let cut = text.lastIndexOf(' ', st + MAX_SENTENCE);
      if (cut <= st + MAX_SENTENCE / 2) cut = st + MAX_SENTENCE;
      out.push({ start: st, end: cut });
      st = cut;
      while (st < s.end && text[st] === ' ') st++;
    }
    if (s.end > st) out.push({ start: st, end: s.end });
  }
  return out;
}

/** Index of the span containing offset `at` (binary search over sorted spans), or -1. */
export function spanIndexAt(spans: Span[], at: number): number {
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
