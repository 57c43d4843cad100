// Statements of an item: direct quotations and reported speech combined, overlaps settled, speakers resolved.
import { attributeQuotes } from './attribution.js';
import { sentenceSubject, type Subject } from './clauses.js';
import { isSpeechWord } from './cues.js';
import { countWords, findQuotations, type Quotation } from './quotes.js';
import { findReported, headlineStatements, trimSpan, type RawStatement } from './reported.js';
import { paragraphs, sentences, spanIndexAt, type Span } from './sentences.js';
import type { Statement } from './types.js';
import { collectEntities, fullName, genderOf, isVerbWord, LETTER_START, LOWER_START, parseSpeakerPhrase, stripPossessive, UPPER_START, type Entity, type SpeakerPhrase } from './speakers.js';

/** A statement with its speaker, before countries, topics and stance are added. */
export type FoundStatement = Omit<Statement, 'speakerCountry' | 'aboutCountry' | 'topics' | 'stance'>;

interface Resolved { speaker: string | null; role: string | null; org: string | null; kind: SpeakerPhrase['kind']; gender: 'm' | 'f' | null; plural: boolean; at: number }

/** A copy of a resolved speaker with its position (and role, organisation) replaced — spelled out field by field:
 * an object spread of these objects is slow in V8. */
function resolvedAs(r: Resolved, at: number, role = r.role, org = r.org): Resolved {
  return { speaker: r.speaker, role, org, kind: r.kind, gender: r.gender, plural: r.plural, at };
}

function contains(outer: { start: number; end: number }, inner: { start: number; end: number }, slack = 2): boolean {
  return inner.start >= outer.start - slack && inner.end <= outer.end + slack;
}

/** Settle direct quotations inside reported clauses: a quotation that carries the clause is kept on its own (direct),
 * otherwise the clause is kept and the quotation inside it dropped. Returns the surviving statements. */
function settleOverlaps(text: string, direct: RawStatement[], reported: RawStatement[], quotes: Quotation[]): RawStatement[] {
  const dropDirect = new Set<RawStatement>();
  const keptReported: RawStatement[] = [];
  let di = 0;
  for (const r of reported) {
    while (di < direct.length && direct[di]!.end < r.start - 2) di++;
    const inside: RawStatement[] = [];
    let partial = false;
    for (let k = di; k < direct.length && direct[k]!.start <= r.end + 2; k++) {
      const d = direct[k]!;
      if (contains(r, d)) inside.push(d);
      else if (d.end > r.start && d.start < r.end) partial = true;
    }
    if (partial && !inside.length) continue;
    // "She said X, and when pressed …, the mother of three replied, “…”": a quotation credited to a cue of its own inside
    // the clause ends the clause before that attribution
    const own = inside.find((d) => d.cue && d.cueAt !== r.cueAt && d.cueAt > r.start && d.cueAt < d.start && d.speaker && d.speaker.start > r.start &&
      /,\s*$/.test(text.slice(r.start, d.speaker.start)) && /^[\p{L}-]*\s*[,:]\s*(?:["“«„‘]|'')?\s*$/u.test(text.slice(d.cueAt, d.start)));
    if (own) {
      const cutAt = own.speaker!.start;
      const lead = text.slice(r.start, cutAt);
      const conj = /,\s+(?:and|but|while|yet)\s[^,]*,\s*(?:the|a|an)?\s*$|,\s+(?:and|but|while|yet)\s+(?:the|a|an)?\s*$|,\s*(?:the|a|an)?\s*$/i.exec(lead);
      const cut = r.start + (conj ? conj.index : lead.length);
      const [s, e] = trimSpan(text, r.start, cut);
      if (countWords(text.slice(s, e)) >= 3) keptReported.push({ ...r, start: s, end: e });
      continue;
    }
    if (!inside.length) { keptReported.push(r); continue; }
    const rWords = countWords(text.slice(r.start, r.end));
    const qWords = inside.reduce((n, d) => n + countWords(text.slice(d.start, d.end)), 0);
    const lead = text.slice(r.start, inside[0]!.start);
    const leadWords = countWords(lead.replace(/^\s*(?:as|comme|como|als)\b/i, ''));
    const trailWords = countWords(text.slice(inside[inside.length - 1]!.end, r.end));
    // "said “…”" / "said that “…” on Friday": the quotation is the clause; "said “a bomb” had gone off in New York": it is not
    const leadsWithQuote = inside.length === 1 && ((leadWords <= 3 && trailWords <= (leadWords === 0 ? 3 : 1)) ||
      // "described as “null and void” the result of …": the quotation names what was said
      /^\s*(?:as|comme|como|als)\s*["“«„‘']*\s*$/i.test(lead));
    // "accused X of “…”", "described it as “…”": a quotation that ends the clause after a preposition carries it
    const lastQ = inside[inside.length - 1]!;
    const endsWithQuote = countWords(text.slice(lastQ.end, r.end)) <= 1 && countWords(text.slice(lastQ.start, lastQ.end)) >= 3 &&
      /(?:^|\s)(?:of|as|about|for|to|comme|como|de|als)\s*["“«„‘']?\s*$/i.test(text.slice(r.start, lastQ.start));
    // several short quoted fragments ("was “disgusting” and “a con”") stay inside their clause
    const carries = (inside.length === 1 ? qWords : inside.reduce((n, d) => { const w = countWords(text.slice(d.start, d.end)); return w >= 2 ? n + w : n; }, 0)) /
      Math.max(1, rWords) >= 0.5;
    if (carries || leadsWithQuote || endsWithQuote) {
      for (const d of inside) {
        d.attached = true;
        if (!d.speaker && !d.inherit) d.inherit = 'previous';
        if (r.speaker || r.inherit) { d.speaker = r.speaker; d.inherit = r.inherit; d.cue = r.cue; d.cueAt = r.cueAt; }
      }
    } else {
      for (const d of inside) dropDirect.add(d);
      keptReported.push(r);
    }
  }
  const styleOf = new Map(quotes.map((q) => [q.start, q.style]));
  const keptDirect = direct.filter((d) => {
    if (dropDirect.has(d)) return false;
    const w = countWords(text.slice(d.start, d.end));
    if (w < 2) return false;
    const style = styleOf.get(d.start);
    if (style === 'dash' || style === 'block') return true;
    if (w <= 3 && !d.attached) return false;
    if (w <= 5 && !d.speaker && !d.attached) return false;
    // titles and labels: every word capitalised
    if (w <= 5 && /^(?:[\p{Lu}\d][\p{L}\d’'!?.:-]*[\s,]*)+$/u.test(text.slice(d.start, d.end)) && !d.attached) return false;
    // a title in headline case ("Face the Nation", "Hail, Caesar!", "A Change Is Gonna Come") is a name, not speech —
    // unless a speech verb introduces it ("he said: “…”")
    if (w <= 12 && isHeadlineCase(text.slice(d.start, d.end)) && TITLE_BEFORE.test(text.slice(Math.max(0, d.start - 48), d.start))) return false;
    return true;
  });
  return [...keptDirect, ...keptReported].sort((a, b) => a.start - b.start || a.end - b.end);
}

const SMALL_WORDS = /^(?:a|an|the|and|or|but|nor|of|in|on|at|to|for|with|by|from|as|vs|via|per|de|la|le|du|des|et|y|el|del)$/;

/** What stands before a quoted title: a possessive ("CBS's “Face the Nation”"), a preposition ("on “Morning Joe”") or a
 * word naming a work or a name ("his book ''…''", "the anthem ''…''", "the nickname “…”"). */
const TITLE_BEFORE = /(?:['’]s|\b(?:on|in|of|from|at|by|for|into|titled|entitled|dubbed|nicknamed|named|book|books|film|films|movie|movies|show|shows|series|program|programme|song|songs|anthem|album|novel|play|article|column|essay|op-ed|headline|nickname|slogan|hashtag|memoir|documentary|segment|podcast|campaign|rule|act|plan|bill|law|initiative|report))\s*,?\s*["“«„‘']+\s*$/i;

/** Is this phrase written in headline case: every word capitalised except short function words? */
function isHeadlineCase(s: string): boolean {
  const ws = s.match(/[\p{L}\d][\p{L}\d’'-]*/gu) ?? [];
  if (ws.length < 2) return false;
  let caps = 0;
  for (const w of ws) {
    if (/^[\p{Lu}\d]/u.test(w)) caps++;
    else if (!SMALL_WORDS.test(w)) return false;
  }
  return caps >= 2 && !/[.!?]\s+\p{Lu}/u.test(s);
}

/** Statements are looked for in the first MAX_SCOPE characters of an item (cut at a paragraph break) — a bound on the
 * work a hostile multi-megabyte item can cause; offsets stay offsets into the full text. */
export const MAX_SCOPE = 1_000_000;
/** At most this many statements per item. */
export const MAX_STATEMENTS = 3000;

/** Every statement in `text` (language: ISO 639-1). */
export function findStatements(fullText: string, language: string, title: string | null = null): FoundStatement[] {
  if (!fullText) return [];
  let text = fullText;
  if (text.length > MAX_SCOPE) {
    const cut = text.lastIndexOf('\n', MAX_SCOPE);
    text = text.slice(0, cut > MAX_SCOPE / 2 ? cut : MAX_SCOPE);
  }
  const paras = paragraphs(text);
  const sents = sentences(text, paras);
  const quotes = findQuotations(text, isSpeechWord, paras);
  let direct = attributeQuotes(text, quotes, sents, paras, language);
  const reported = [
    ...headlineStatements(text, title, (p) => {
      const k = parseSpeakerPhrase(p).kind;
      // "Stealth Over Health: …" — a headline speaker is someone the story itself names
      const last = (p.match(/[\p{L}\d][\p{L}\d’'-]*/gu) ?? []).pop();
      const nl = text.indexOf('\n');
      return (k === 'name' || k === 'org' || k === 'role') && !!last && nl > 0 && text.includes(last, nl);
    }),
    ...findReported(text, sents, quotes, language),
  ].sort((a, b) => a.start - b.start);
  // a cue that attributes a quotation ("…,” the court added in a ruling) does not also report speech
  // (not a title in quotation marks: "On “Fox News Sunday,” Mike Pence said …")
  const isTitle = (d: RawStatement): boolean => {
    const t = text.slice(d.start, d.end).trim();
    const ws = t.split(/\s+/).filter((w) => /^[\p{L}\d]/u.test(w));
    return ws.length <= 5 && /^[\p{Lu}\d]/u.test(t) && !/[.!?]$/.test(t) && ws.filter((w) => /^[\p{Lu}\d]/u.test(w)).length / Math.max(1, ws.length) >= 0.6;
  };
  const quoteCues = new Set(direct.filter((d) => d.cue && d.cueAt >= d.end && !isTitle(d)).map((d) => d.cueAt));
  // reported clauses must not overlap each other: keep the earlier one
  const nonOverlapping: RawStatement[] = [];
  for (const r of reported) {
    if (quoteCues.has(r.cueAt) && r.start > r.cueAt) continue;
    const last = nonOverlapping[nonOverlapping.length - 1];
    if (last && r.start < last.end) {
      // of two overlapping clauses the earlier wins — unless only the later one has a speaker that reads as one
      if (!hasSpeaker(last) && hasSpeaker(r)) nonOverlapping[nonOverlapping.length - 1] = r;
      continue;
    }
    nonOverlapping.push(r);
  }
  const raws = settleOverlaps(text, direct, nonOverlapping, quotes);
  const quoteSpans = quotes.map((q) => ({ start: q.start, end: q.end }));
  // a headline ("Hillary Clinton Goes After Trump") names no speaker for later pronouns: not a source of entities
  const head = headlineSpan(text, title, paras);
  const blocked = head ? [head, ...quoteSpans.filter((q) => q.start >= head.end)] : quoteSpans;
  const entities = collectEntities(text, blocked);
  return resolveAll(text, raws.slice(0, MAX_STATEMENTS), sents.filter((s) => !insideAny(blocked, s.start)), sents, paras, entities);
}

/** The headline line of an item: its first paragraph when it is the title or a short title-cased line. */
function headlineSpan(text: string, title: string | null, paras: Span[]): Span | null {
  const p = paras[0];
  if (!p || p.end - p.start > 200 || paras.length < 2) return null;
  const line = text.slice(p.start, p.end).trim();
  const bare = (x: string): string => x.replace(/[^\p{L}\p{N}]+/gu, '');
  if (title && bare(line) === bare(title)) return p;
  const ws = line.split(/\s+/).filter((w) => LETTER_START.test(w));
  if (ws.length >= 4 && ws.filter((w) => UPPER_START.test(w)).length / ws.length >= 0.8) return p;
  return null;
}

function insideAny(spans: { start: number; end: number }[], at: number): boolean {
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = spans[mid]!;
    if (at < q.start) hi = mid - 1;
    else if (at >= q.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Subject phrases of one sentence that can be the referent of a later pronoun or role ("he", "the spokesman"). */
function subjectMentions(text: string, sents: Span[]): { at: number; parsed: SpeakerPhrase }[] {
  const out: { at: number; parsed: SpeakerPhrase }[] = [];
  for (const s of sents) {
    const subj = sentenceSubject(text, s.start, s.end);
    if (subj) out.push({ at: subj.start, parsed: parseSpeakerPhrase(subj.text) });
    // "In response to …, a spokesman from Pakistan's interior ministry defended …"
    if (/^(?:In|On|After|During|Despite|As|Reacting|Speaking|While|When|Earlier|Later|Meanwhile|However|Outside|With|Amid|Following|Since|Before|Asked|At|Under|Although|Though|Because|Once|Now|Still|Yet|Today|Yesterday|Last)\b/.test(text.slice(s.start, s.start + 12))) {
      const c = text.indexOf(',', s.start);
      if (c > 0 && c < s.end - 3 && c - s.start < 160) {
        let st = c + 1;
        while (st < s.end && text[st] === ' ') st++;
        const sub2 = sentenceSubject(text, st, s.end);
        const low = /^(?:a|an|the)\s+[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,7}/u.exec(text.slice(st, s.end));
        const cand: Subject | null = sub2 && UPPER_START.test(sub2.text) ? sub2 : low ? { text: low[0], start: st, end: st + low[0].length } : null;
        if (cand) {
          const cut = cand.text.split(/\s+(?=(?:defended|rejected|said|has|have|had|was|were|is|are|will|would|did|also)\b)/)[0]!;
          out.push({ at: cand.start, parsed: parseSpeakerPhrase(cut) });
        }
      }
    }
  }
  return out.filter((m) => m.parsed.kind === 'name' || m.parsed.kind === 'role' || m.parsed.kind === 'org');
}

const INTRO_WORD = /^(?:by|in|on|at|after|before|during|despite|with|without|amid|following|since|until|for|from|under|over|as|while|when|once|if|although|though|because|unlike|like|now|still|yet|however|meanwhile|instead|later|earlier|then|also|but|and|so|thus|indeed|again)$/i;

/** The subject of a sentence's main clause, read up to `to`: after an introductory phrase closed by a comma, the words up
 * to the first verb ("By the end of the day, Mr. Trump was forced …" → "Mr. Trump"; "He’s comparing …" → "He"). */
function mainSubject(text: string, from: number, to: number): Subject | null {
  let start = from;
  const head = text.slice(from, Math.min(to, from + 160));
  const firstWord = /^[\s"“'‘(]*([\p{L}]+)/u.exec(head)?.[1] ?? '';
  if (/^(?:but|and|so|yet|still|then)$/i.test(firstWord) && !/^[^,]{0,40},/.test(head.slice(firstWord.length + 1))) {
    // "But the former president showed restraint and described …": a conjunction opening the sentence
    start = from + head.indexOf(firstWord) + firstWord.length + 1;
  } else if (INTRO_WORD.test(firstWord)) {
    const c = head.indexOf(', ');
    if (c < 0) return null;
    start = from + c + 2;
  }
  const words = /^(?:[\p{L}\d.’'&-]+\s*){1,10}/u.exec(text.slice(start, to));
  if (!words) return null;
  const out: string[] = [];
  for (const w of words[0].trim().split(/\s+/)) {
    const bare = w.replace(/[’'](?:s|d|ll|re|ve|m)$/i, '');
    if (out.length && LOWER_START.test(w) && isVerbWord(w.toLowerCase())) break;
    out.push(bare);
    if (bare !== w) break;
    if (out.length >= 8) return null;
  }
  const phrase = out.join(' ');
  return phrase ? { text: phrase, start, end: start + phrase.length } : null;
}

/** Does a raw statement carry a speaker phrase that reads as a speaker (or inherit one from its sentence)? */
function hasSpeaker(r: RawStatement): boolean {
  if (!r.speaker) return r.inherit !== null;
  const p = parseSpeakerPhrase(r.speaker.text);
  return USABLE.has(p.kind) || USABLE.has((salvageSpeaker(r.speaker.text) ?? p).kind);
}

const USABLE = new Set<SpeakerPhrase['kind']>(['name', 'role', 'org', 'pronoun']);
const LEAD_PRONOUN = /^(he|she|they|we|i|it|who)(?:['’](?:s|d|ll|re|ve|m))?\s*(?:$|\s+(?:\p{Ll}+ly|should|would|could|might|must|can|will|may|too|also|even|then|now|still|never|all|both)\b)/iu;

/** A speaker phrase read too widely ("in September she", "I truly", "The statement noted they", "Then someone"):
 * the pronoun that opens or closes it, else the longest tail of it that reads as a speaker. */
function salvageSpeaker(phrase: string): SpeakerPhrase | null {
  const lead = LEAD_PRONOUN.exec(phrase.trim());
  if (lead) { const p = parseSpeakerPhrase(lead[1]!); if (p.kind === 'pronoun') return p; }
  const ws = phrase.trim().split(/\s+/);
  const tail = parseSpeakerPhrase(ws[ws.length - 1]!);
  if (tail.kind === 'pronoun') return tail;
  for (let i = 1; i < ws.length; i++) {
    const p = parseSpeakerPhrase(ws.slice(i).join(' '));
    if (p.kind === 'generic') return p;
    if (USABLE.has(p.kind) && p.kind !== 'pronoun') return p;
  }
  return null;
}

const WINDOW = 40;
const SPEAKS_FOR = /\b(?:spokes(?:man|woman|person)|official|representative|porte-parole|portavoz|vocero|sprecher(?:in)?|porta-voz)\b/i;

/** First index whose `at` is >= `at` (arrays sorted by `at`). */
function lowerBound(arr: { at: number }[], at: number): number {
  let lo = 0, hi = arr.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (arr[mid]!.at < at) lo = mid + 1; else hi = mid; }
  return lo;
}

/** The last word of a name, lower-cased, without a possessive "'s". */
const lastToken = (name: string): string => stripPossessive(name.slice(name.lastIndexOf(' ') + 1).toLowerCase());

function resolveAll(text: string, raws: RawStatement[], narrative: Span[], sents: Span[], paras: Span[], entities: Entity[]): FoundStatement[] {
  // subject mentions, computed lazily per narrative sentence (most items need only a few)
  const mentionCache = new Map<number, Resolved[]>();
  const mentionsOf = (i: number): Resolved[] => {
    let m = mentionCache.get(i);
    if (!m) {
      m = subjectMentions(text, [narrative[i]!]).map((x) => basic(x.parsed, x.at)).filter((x): x is Resolved => !!x);
      mentionCache.set(i, m);
    }
    return m;
  };
  const sentenceBefore = (at: number): number => {
    let lo = 0, hi = narrative.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (narrative[mid]!.start < at) lo = mid + 1; else hi = mid; }
    return lo - 1;
  };
  const byLast = new Map<string, Entity[]>();
  const byRoleWord = new Map<string, Entity[]>();
  for (const e of entities) {
    const k = lastToken(e.name);
    const l = byLast.get(k) ?? []; l.push(e); byLast.set(k, l);
    for (const w of new Set((e.role ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean))) {
      const r = byRoleWord.get(w) ?? []; r.push(e); byRoleWord.set(w, r);
    }
  }
  const subjects = entities.filter((e) => e.subject);
  const history: Resolved[] = [];
  const out: FoundStatement[] = [];
  const bySentence = new Map<number, Resolved>();

  const nameAt = (name: string, at: number): Resolved => {
    let cands = byLast.get(lastToken(name)) ?? [];
    if (!name.includes(' ')) {
      // a first name alone ("Liam" for "Liam Delap", "Sir Alex" for "Sir Alex Ferguson")
      const key = name.toLowerCase();
      const more = entities.slice(0, 500).filter((e) => e.name.includes(' ') && e.name.toLowerCase().split(' ').includes(key));
      if (more.length) cands = [...cands, ...more].sort((a, b) => a.at - b.at);
    }
    const prior = cands.filter((e) => e.at <= at);
    const f = fullName(name, prior.length ? prior : cands);
    return { speaker: f.name, role: f.entity?.role ?? null, org: f.entity?.org ?? null, kind: 'name', gender: genderOf(f.name), plural: false, at };
  };
  const basic = (p: SpeakerPhrase, at: number): Resolved | null => {
    if (p.kind === 'name' && p.speaker) { const r = nameAt(p.speaker, at); return resolvedAs(r, r.at, p.role ?? r.role, p.org ?? r.org); }
    if (p.kind === 'role' && p.speaker) return { speaker: p.speaker, role: p.role, org: p.org, kind: 'role', gender: null, plural: !!p.head && /s$/.test(p.head) && !/ss$/.test(p.head), at };
    if (p.kind === 'org' && p.speaker) return { speaker: p.speaker, role: null, org: p.org, kind: 'org', gender: null, plural: true, at };
    return null;
  };

  /** The latest candidate before `at` that satisfies `ok`: statement speakers, subject mentions and named people. */
  const latest = (at: number, ok: (r: Resolved) => boolean, withEntities: boolean): Resolved | null => {
    let best: Resolved | null = null;
    for (let i = history.length - 1, n = 0; i >= 0 && n < WINDOW; i--, n++) {
      const h = history[i]!;
      if (h.at < at && ok(h)) { best = h; break; }
    }
    let found = false;
    for (let si = sentenceBefore(at), n = 0; si >= 0 && n < WINDOW && !found; si--, n++) {
      const ms = mentionsOf(si);
      for (let k = ms.length - 1; k >= 0; k--) {
        const r = ms[k]!;
        if (r.at < at && ok(r)) { if (!best || r.at > best.at) best = r; found = true; break; }
      }
    }
    if (withEntities) {
      for (let i = lowerBound(subjects, at) - 1, n = 0; i >= 0 && n < WINDOW; i--, n++) {
        const e = subjects[i]!;
        const r: Resolved = { speaker: e.name, role: e.role, org: e.org, kind: 'name', gender: e.gender, plural: false, at: e.at };
        if (ok(r)) { if (!best || r.at > best.at) best = r; break; }
      }
    }
    return best;
  };
  const isPerson = (gender: 'm' | 'f' | null) => (r: Resolved): boolean =>
    (r.kind === 'name' || r.kind === 'role') && !r.plural && !(gender && r.gender && r.gender !== gender);
  const lastPerson = (at: number, gender: 'm' | 'f' | null): Resolved | null => {
    // a speaker already quoted in the same paragraph comes first ("Sharif said … He claimed …")
    const pi = spanIndexAt(paras, at);
    for (let i = history.length - 1, n = 0; i >= 0 && n < WINDOW; i--, n++) {
      const h = history[i]!;
      if (h.at >= at) continue;
      if (spanIndexAt(paras, h.at) !== pi) break;
      if (isPerson(gender)(h)) return h;
    }
    return latest(at, isPerson(gender), true);
  };
  const lastGroup = (at: number): Resolved | null => latest(at, (r) => r.kind === 'org' || r.plural, false);

  const fromPhrase = (p: SpeakerPhrase, at: number): Resolved | null => {
    if (p.kind === 'role' && p.speaker && p.definite) {
      // "the spokesman" / "the chairman": the named person with that role (before, else after), else the last role mention
      const withRole = p.head ? byRoleWord.get(p.head) ?? [] : [];
      const prior = withRole.filter((e) => e.at <= at).pop() ?? withRole[0];
      const lastRole = latest(at, (r) => r.kind === 'role' && !!r.role && !!p.head && r.role.toLowerCase().includes(p.head) && r.speaker !== p.speaker, false);
      if (lastRole && (!prior || lastRole.at > prior.at)) return resolvedAs(lastRole, at);
      if (prior) return { speaker: prior.name, role: prior.role ?? p.role, org: prior.org ?? p.org, kind: 'name', gender: prior.gender, plural: false, at };
      const last = lastPerson(at, null);
      if (last && (/\d|old|former|veteran/.test(p.speaker) || (last.kind === 'name' && history.some((h) => h.speaker === last.speaker)))) return resolvedAs(last, at);
    }
    return basic(p, at);
  };
  const fromPronoun = (p: SpeakerPhrase, at: number): Resolved | null => {
    const r = p.pronoun === 'pl' || p.pronoun === 'n' ? lastGroup(at) : lastPerson(at, p.pronoun === 'm' || p.pronoun === 'f' ? p.pronoun : null);
    return r ? resolvedAs(r, at) : null;
  };

  // statements of one sentence, for "… and said", ", adding that …" (the subject is elsewhere in the sentence)
  const rawsBySentence = new Map<number, RawStatement[]>();
  for (const r of raws) {
    const si = spanIndexAt(sents, r.start);
    const l = rawsBySentence.get(si) ?? []; l.push(r); rawsBySentence.set(si, l);
  }

  for (const r of raws) {
    const si = spanIndexAt(sents, r.start);
    let res: Resolved | null = null;
    if (r.speaker) {
      let p = parseSpeakerPhrase(r.speaker.text);
      if (p.kind === 'none') p = salvageSpeaker(r.speaker.text) ?? p;
      if (p.kind === 'generic') continue;
      res = p.kind === 'pronoun' ? fromPronoun(p, r.cueAt) : fromPhrase(p, r.speaker.start);
      if (!res && !r.direct) continue;
    } else if (r.inherit === 'sentence') {
      res = bySentence.get(si) ?? null;
      if (!res) {
        const later = (rawsBySentence.get(si) ?? []).find((x) => x !== r && x.speaker);
        if (later?.speaker) {
          const p = parseSpeakerPhrase(later.speaker.text);
          res = p.kind === 'pronoun' ? fromPronoun(p, later.cueAt) : fromPhrase(p, later.speaker.start);
        }
      }
      if (!res && si >= 0) {
        const subj = sentenceSubject(text, sents[si]!.start, sents[si]!.end);
        const p = subj ? parseSpeakerPhrase(subj.text) : null;
        if (p && subj) res = p.kind === 'pronoun' ? fromPronoun(p, r.cueAt) : fromPhrase(p, subj.start);
      }
      if (!res && si >= 0) {
        // "With … worried, President Obama is rolling out a message: “…”": the subject after an intro adverbial
        const m = subjectMentions(text, [sents[si]!]).find((x) => x.at < r.start);
        if (m) res = fromPhrase(m.parsed, m.at);
      }
      if (!res && si >= 0) {
        // "By the end of the day, Mr. Trump was forced into … and said that …", "A reporter for USA Today spotted … and reported …"
        const subj = mainSubject(text, sents[si]!.start, Math.min(r.cueAt, sents[si]!.end));
        const p = subj ? parseSpeakerPhrase(subj.text) : null;
        if (p && subj && p.kind !== 'generic') res = p.kind === 'pronoun' ? fromPronoun(p, r.cueAt) : fromPhrase(p, subj.start);
      }
      if (!res && !r.direct) continue;
    } else if (r.inherit === 'previous') {
      const prev = history[history.length - 1];
      const pi = spanIndexAt(paras, r.start);
      const prevPara = prev ? spanIndexAt(paras, prev.at) : -1;
      if (prev && pi - prevPara <= 2) res = prev;
    }
    if (r.direct && !res && !r.attached && countWords(text.slice(r.start, r.end)) < 5) continue;
    let guessed = false;
    if (r.direct && !res && (r.inherit !== null || !r.cue)) {
      // a quotation no cue credits: the person the story last put in the subject of its sentences, when within two paragraphs
      const cand = lastPerson(r.start, null);
      const person = !!cand && cand.kind === 'name' && !!cand.speaker && (cand.gender !== null || /^\p{Lu}[\p{Ll}.’'-]+(?:\s+\p{Lu}[\p{L}.’'-]+)+$/u.test(cand.speaker));
      if (cand && person && spanIndexAt(paras, r.start) - spanIndexAt(paras, cand.at) <= 2) { res = resolvedAs(cand, r.start); guessed = true; }
    }
    if (res && res.kind === 'name' && !res.org && res.role && SPEAKS_FOR.test(res.role)) {
      // "spokesman Matthew Miller" speaks for the organisation named just before
      const org = latest(res.at + 1, (x) => x.kind === 'org' && !!x.speaker && x.at > res!.at - 1500, false);
      if (org?.speaker) res = resolvedAs(res, res.at, res.role, org.org ?? org.speaker.replace(/^the\s+/i, ''));
    }
    if (res && !guessed) {
      history.push(resolvedAs(res, Math.max(res.at, r.cueAt)));
      if (si >= 0) bySentence.set(si, res);
    }
    const sent = si >= 0 ? sents[si]! : r.sentence;
    const ctxStart = Math.min(sent.start, r.start);
    const ctxEnd = Math.min(Math.max(sent.end, r.end), ctxStart + 600);
    out.push({
      quote: text.slice(r.start, r.end),
      start: r.start,
      end: r.end,
      direct: r.direct,
      speaker: res?.speaker ?? null,
      speakerRole: res?.role ?? null,
      speakerOrg: res?.org ?? null,
      confidence: res && !guessed ? r.confidence : Math.min(r.confidence, 0.4),
      cue: r.cue,
      context: text.slice(ctxStart, ctxEnd),
    });
  }
  return out;
}
