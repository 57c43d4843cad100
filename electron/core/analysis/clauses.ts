// Clause grammar around a speech cue: the subject phrase before it, the phrase after it, adjuncts to skip (no regex backtracking).
import { codeAt, isFiniteVerbWord, isLetterOrDigit, isVerbWord, LOWER_START, ROLE_NOUNS, GROUP_NOUNS, UPPER_START } from './speakers.js';

export interface Piece { text: string; start: number; end: number; punct: boolean }

// a number with separators ("5,000", "2.5") is one piece, so its comma never ends a clause
const PIECE_RE = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}][\p{L}\p{N}’'\-]*|[^\s\p{L}\p{N}]/gu;

const PIECE_G = new RegExp(PIECE_RE.source, 'gu');

function isWordCode(c: number, ch: string): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /[\p{L}\p{N}]/u.test(ch));
}

function makePiece(t: string, start: number): Piece {
  return { text: t, start, end: start + t.length, punct: !isWordCode(t.charCodeAt(0), t[0]!) };
}

/** The pieces of text[from, to) read by the regex on that slice alone (the reference reading). */
function readPieces(text: string, from: number, to: number, out: Piece[]): Piece[] {
  const body = text.slice(from, to);
  PIECE_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PIECE_G.exec(body))) out.push(makePiece(m[0], from + m.index));
  return out;
}

/** Pieces of one whole text, read once (by hand, as PIECE_RE would): token bounds, and each token's Piece made on first use. */
interface TextPieces { text: string; starts: Int32Array; ends: Int32Array; made: (Piece | undefined)[] }

/** The last text read whole (one text at a time: a new text replaces it). */
let current: TextPieces | null = null;

/** Short strings are read directly; longer ones (the article) are tokenised once. */
const WHOLE_MIN = 256;

const SPACE = /\s/u;
const DIGIT = /\p{N}/u;
const isSpaceCp = (cp: number): boolean => (cp < 128 ? cp === 32 || (cp >= 9 && cp <= 13) : SPACE.test(String.fromCodePoint(cp)));
const isDigitCp = (cp: number): boolean => (cp < 128 ? cp >= 48 && cp <= 57 : DIGIT.test(String.fromCodePoint(cp)));
const cpLength = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** End of the run of digits (\p{N}) starting at i. */
function digitsEnd(text: string, i: number): number {
  while (i < text.length) { const cp = codeAt(text, i); if (!isDigitCp(cp)) break; i += cpLength(cp); }
  return i;
}

/** End of the piece starting at i, as PIECE_RE reads it: a number with separators, a word, or one mark. */
function pieceEnd(text: string, i: number, cp: number): number {
  if (isDigitCp(cp)) {
    // \p{N}+(?:[.,]\p{N}+)+
    let e = digitsEnd(text, i);
    let groups = 0;
    while ((text.charCodeAt(e) === 46 || text.charCodeAt(e) === 44) && e + 1 < text.length && isDigitCp(codeAt(text, e + 1))) {
      e = digitsEnd(text, e + 1);
      groups++;
    }
    if (groups) return e;
  }
  if (!isLetterOrDigit(cp)) return i + cpLength(cp);
  // [\p{L}\p{N}][\p{L}\p{N}’'\-]*
  let e = i + cpLength(cp);
  while (e < text.length) {
    const d = codeAt(text, e);
    if (!isLetterOrDigit(d) && d !== 0x2019 && d !== 39 && d !== 45) break;
    e += cpLength(d);
  }
  return e;
}

function textPieces(text: string): TextPieces {
  if (current && current.text === text) return current;
  const starts: number[] = [], ends: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = codeAt(text, i);
    if (isSpaceCp(cp)) { i += cpLength(cp); continue; }
    const e = pieceEnd(text, i, cp);
    starts.push(i); ends.push(e);
    i = e;
  }
  current = { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends), made: new Array<Piece | undefined>(starts.length) };
  return current;
}

function pieceAt(tp: TextPieces, k: number): Piece {
  return tp.made[k] ??= makePiece(tp.text.slice(tp.starts[k]!, tp.ends[k]!), tp.starts[k]!);
}

/** Does index i fall between the two halves of a surrogate pair? */
function splitsPair(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xdc00 || c > 0xdfff || i === 0) return false;
  const h = text.charCodeAt(i - 1);
  return h >= 0xd800 && h <= 0xdbff;
}

/** Words and punctuation marks of text[from, to) with absolute offsets — exactly what PIECE_RE reads in that slice.
 * The whole text is tokenised once; a token cut by the window's start or end is re-read as the slice would read it. */
export function pieces(text: string, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  if (to <= from) return out;
  if (text.length < WHOLE_MIN || splitsPair(text, from) || splitsPair(text, to)) return readPieces(text, from, to, out);
  const tp = textPieces(text);
  const { starts, ends } = tp;
  const n = starts.length;
  // first token ending after `from`
  let lo = 0, hi = n;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ends[mid]! <= from) lo = mid + 1; else hi = mid; }
  let k = lo;
  if (k < n && starts[k]! < from) {
    // the window cuts token k: read on from `from` until a reading lands on a token start of the whole text
    PIECE_G.lastIndex = from;
    let m: RegExpExecArray | null;
    for (;;) {
      m = PIECE_G.exec(text);
      if (!m || m.index >= to) return out;
      if (m.index + m[0].length > to) return readPieces(text, m.index, to, out);
      while (k < n && starts[k]! < m.index) k++;
      if (k < n && starts[k] === m.index) break;
      out.push(makePiece(m[0], m.index));
    }
  }
  for (; k < n && starts[k]! < to; k++) {
    // a token cut by the window's end: the slice reads its head
    if (ends[k]! > to) return readPieces(text, starts[k]!, to, out);
    out.push(pieceAt(tp, k));
  }
  return out;
}

/** Auxiliaries, adverbs and short time words that may stand between a subject and its speech verb. */
const SKIP_BEFORE_CUE = new Set(('has|have|had|is|was|were|will|would|also|then|later|further|publicly|explicitly|repeatedly|' +
  'previously|recently|earlier|again|already|still|now|today|yesterday|tonight|only|just|subsequently|immediately|' +
  'reportedly|allegedly|once|often|never|has also|did|does|do|not|had|a|together|jointly|both|all|ont|avait|avaient|aurait|est|sont|s’est|s\'est|se|' +
  'toutefois|néanmoins|également|aussi|encore|déjà|alors|ensuite|ainsi|enfin|ha|han|había|habían|también|luego|además|' +
  'hoy|ayer|hat|haben|hatte|auch|zudem|bereits|noch|tem|têm|havia|ainda|já|hoje|ontem|on|last|this|late|early|' +
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|evening|night|afternoon|week|month|lundi|mardi|' +
  'mercredi|jeudi|vendredi|samedi|dimanche|soir|matin|lunes|martes|miércoles|jueves|viernes|sábado|domingo|montag|' +
  'dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|segunda-feira|domingo|sábado').split('|'));

/** Words that end a subject phrase when walking backwards from the verb. */
const SUBJECT_STOP = new Set(('that|which|who|whom|where|when|while|because|since|after|before|if|although|though|but|and|or|' +
  'as|than|so|whether|until|unless|once|que|qui|quand|mais|et|où|dont|lorsque|car|puisque|cuando|pero|y|porque|donde|' +
  'dass|weil|und|aber|wenn|als|quando|mas|e|ou|onde|said|says|told|added|where|what|how|why|why|if|to|for|with|' +
  'about|against|into|during|despite|without|within|like|unlike|by|via').split('|'));

export function isSkippableBeforeCue(w: string): boolean {
  const l = w.toLowerCase();
  return SKIP_BEFORE_CUE.has(l) || (/^[a-z]{4,}ly$/.test(l) && l !== 'july' && l !== 'italy');
}

const RELATIVE_START = /^(?:who|whose|which|whom|qui|dont|que|quien|quienes|cuyo|der|die|das|welcher|que|cujo|while|when|after|before|speaking|addressing|reacting|responding|in|at|on|during|according|whom)\b/i;

function segText(text: string, ps: Piece[]): { text: string; start: number; end: number } | null {
  if (!ps.length) return null;
  const start = ps[0]!.start, end = ps[ps.length - 1]!.end;
  return { text: text.slice(start, end), start, end };
}

const ABBREVIATION_HEAD = /^\p{Lu}[\p{L}]{0,2}$/u;
/** Is piece x the full stop of an abbreviation ("U.S.", "Jr.")? */
function isAbbreviationDot(ps: Piece[], x: number): boolean {
  return ps[x]!.text === '.' && x > 0 && ABBREVIATION_HEAD.test(ps[x - 1]!.text);
}

export interface Subject { text: string; start: number; end: number; role?: string | null }

/**
 * The subject phrase right before a speech verb at `cueStart` (not before `floor`).
 * Returns 'elided' when the verb follows "and"/a comma after a verb phrase ("… and said …"), null when none is found.
 */
export function subjectBefore(text: string, cueStart: number, floor: number): Subject | 'elided' | null {
  const ps = pieces(text, Math.max(floor, cueStart - 180), cueStart);
  let i = ps.length - 1;
  while (i >= 0 && !ps[i]!.punct && isSkippableBeforeCue(ps[i]!.text)) i--;
  // French inversion "a-t-il", "dit-elle"
  if (i >= 0 && /-(?:t-)?(?:il|elle|ils|elles)$/i.test(ps[i]!.text)) {
    const p = ps[i]!;
    const pr = /(il|elle|ils|elles)$/i.exec(p.text)![1]!;
    return { text: pr, start: p.end - pr.length, end: p.end };
  }
  if (i < 0) return null;
  const last = ps[i]!;
  if (!last.punct && /^(and|y|et|und|e|but|mais|pero|aber|mas|then)$/i.test(last.text)) return 'elided';
  if (last.punct && last.text === ',') {
    // "X, apposition, said" — segments between the commas
    let j = i - 1;
    const segB: Piece[] = [];
    // an abbreviation's full stop ("U.S.", "Jr.") does not end the apposition
    while (j >= 0 && !(ps[j]!.punct && /[,.;:!?"“”«»()‘’]/.test(ps[j]!.text) && !isAbbreviationDot(ps, j))) { segB.unshift(ps[j]!); j--; }
    if (j < 0 || ps[j]!.text !== ',' || !segB.length) return 'elided';
    let k = j - 1;
    const segA: Piece[] = [];
    while (k >= 0 && !(ps[k]!.punct && /[,.;:!?"“”«»()‘’]/.test(ps[k]!.text)) && !(segA.length && SUBJECT_STOP.has(ps[k]!.text.toLowerCase()) && ps[k]!.text !== ps[k]!.text.toUpperCase())) { segA.unshift(ps[k]!); k--; }
    if (!segA.length || segA.length > 14) return 'elided';
    const a = segText(text, segA)!, b = segText(text, segB)!;
    const aWords = segA.filter((p) => !p.punct);
    const aLooksNp = /^[\p{Lu}]/u.test(a.text) || /^(the|a|an|le|la|l’|el|o|der|die|das|one|two|three|several|some|many|each|both|all)\b/i.test(a.text);
    // "In a statement announcing the pick, the Association … called": an intro adverbial, then the subject
    if (/^(?:In|On|At|After|During|Despite|With|Amid|Following|Since|Before|While|When|As|Asked|Speaking|Earlier|Later|Meanwhile|However|Still|Yet|Instead|Now|Today|Yesterday|Last|This|Through|Under|For|From|Like|Unlike|Although|Though|Because|If|Once|Until)\b/.test(a.text) &&
      (UPPER_START.test(b.text) || /^(?:the|a|an)\s/i.test(b.text)) && !RELATIVE_START.test(b.text)) return { text: b.text, start: b.start, end: b.end };
    if (!aLooksNp || aWords.length > 12) return 'elided';
    // "X, the agency that oversees …, said": an apposition with a relative clause describes X
    if (RELATIVE_START.test(b.text) || /^\d+$/.test(b.text) || /^(a|an|un|une|uno|una|um|uma|ein|eine)\s/i.test(b.text) ||
      (/^(?:the|its|his|her|their)\s/i.test(b.text) && /\s(?:that|who|which)\s/i.test(b.text) && UPPER_START.test(a.text))) {
      return { text: a.text, start: a.start, end: a.end, role: /^(a|an|un|une|una|um|uma|ein|eine)\s/i.test(b.text) ? b.text.replace(/^(a|an|un|une|una|um|uma|ein|eine)\s+/i, '') : null };
    }
    // "Kenya’s opposition leader, Raila Odinga, rejected" / "The army’s deputy spokesman, Deo Akiiki, said"
    // "…, and the meeting deteriorated from there, said …": a clause, not a subject with its apposition
    if (/^(?:and|but|or|so|yet)\s/i.test(b.text) || segB.some((p) => !p.punct && LOWER_START.test(p.text) && isFiniteVerbWord(p.text) && !ROLE_NOUNS.has(p.text) && !GROUP_NOUNS.has(p.text))) return 'elided';
    return { text: `${a.text}, ${b.text}`, start: a.start, end: b.end };
  }
  let j = i;
  // "Kall -- co-editor of a book on the debates -- said": skip a dash apposition
  if (last.punct && /^[-–—]$/.test(last.text)) {
    let d = i - 1;
    while (d >= 0 && /^[-–—]$/.test(ps[d]!.text)) d--;
    while (d >= 0 && !/^[-–—]$/.test(ps[d]!.text) && !(ps[d]!.punct && /[.;:!?"“”«»]/.test(ps[d]!.text))) d--;
    if (d <= 0 || !/^[-–—]$/.test(ps[d]!.text)) return null;
    while (d >= 0 && /^[-–—]$/.test(ps[d]!.text)) d--;
    if (d < 0 || ps[d]!.punct) return null;
    j = d;
  } else if (last.punct && last.text !== ')') return null;
  // "Mathias Mpuuga of Wine’s National Unity Party (NUP) told": skip a closing parenthetical
  if (ps[j]!.text === ')') {
    let d = j;
    while (d >= 0 && ps[d]!.text !== '(') d--;
    if (d <= 0) return null;
    j = d - 1;
  }
  // "intelligence … that alleged": the subject of a relative clause is the phrase before the relative word
  // "Mr. Kamin, who emphasized …", "Hillary Clinton — who’s called for …": past the comma or dash to the antecedent
  if (j >= 0 && !ps[j]!.punct && /^(that|which|who|qui|que|quien|der|die|das)(?:['’](?:s|ve|d))?$/i.test(ps[j]!.text) && j === i) {
    j--;
    while (j >= 0 && !ps[j]!.punct && isSkippableBeforeCue(ps[j]!.text)) j--;
    if (j >= 1 && ps[j]!.punct && /^[,—–]$/.test(ps[j]!.text) && /^(who|which|qui|quien)/i.test(ps[j + 1]!.text)) j--;
  }
  const np: Piece[] = [];
  while (j >= 0 && np.length < 16) {
    const p = ps[j]!;
    if (p.punct && p.text !== '-' && p.text !== '.' && p.text !== '&') break;
    if (!p.punct) {
      const low = p.text.toLowerCase();
      // "a U.S. official familiar with the investigation said", "aides close to the senator said": a post-modifier of the subject
      // "advisers to Mr. Obama say", "Bush and his rivals for the nomination have said": a noun's prepositional post-modifier
      const prevWord = j > 0 ? ps[j - 1]! : null;
      const postModifier = np.length > 0 && /^(?:with|to|on|in|for|at|from|about)$/.test(low) && !!prevWord && !prevWord.punct &&
        (/^(?:familiar|close|briefed|involved|knowledgeable)$/i.test(prevWord.text) ||
          (/^\p{L}+$/u.test(prevWord.text) && !/ing$/i.test(prevWord.text) && !SUBJECT_STOP.has(prevWord.text.toLowerCase()) &&
            !isFiniteVerbWord(prevWord.text.toLowerCase()) && !isSkippableBeforeCue(prevWord.text) && /^(?:\p{Lu}|the$|his$|her$|their$|its$)/u.test(np[0]!.text)));
      if (SUBJECT_STOP.has(low) && !postModifier) break;
      if (np.length && LOWER_START.test(p.text) && isVerbWord(low) && !ROLE_NOUNS.has(low) && !GROUP_NOUNS.has(low) &&
        !/^(?:familiar|close|briefed|involved)$/i.test(low)) break;
    }
    np.unshift(p);
    j--;
  }
  if (!np.length || np.length >= 16) return null;
  while (np.length && np[0]!.punct) np.shift();
  const s = segText(text, np);
  return s ? { text: s.text, start: s.start, end: s.end } : null;
}

/** Adjunct words that may follow a speech verb before its content or end a postposed attribution
 * ("said on Friday", "told a news conference in Nairobi", "a déclaré dimanche soir"). */
const ADJUNCT_START = new Set(('on|at|in|to|during|after|before|while|when|last|this|earlier|later|late|early|yesterday|today|' +
  'tonight|recently|also|afterwards|outside|inside|from|via|through|over|with|by|according|adding|saying|lundi|mardi|' +
  'mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd’hui|soir|lors|dans|devant|à|au|aux|en|sur|après|avant|pendant|' +
  'ce|cette|el|este|esta|ayer|hoy|durante|tras|ante|em|na|no|nas|nos|neste|nesta|ontem|hoje|durante|após|am|im|beim|vor|' +
  'nach|gegenüber|heute|gestern|monday|tuesday|wednesday|thursday|friday|saturday|sunday|then|again|repeatedly|' +
  'publicly|privately|separately|there|here').split('|'));

export function isAdjunctStart(w: string): boolean {
  return ADJUNCT_START.has(w.toLowerCase());
}

/** Does a span of text look like a content clause (has several words and is not just an adjunct)? */
export function wordCount(text: string, from: number, to: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const w = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /[\p{L}\p{N}]/u.test(text[i]!));
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

/** The noun phrase right after `from` (inverted attribution "said Ms Daly", "a déclaré M. Floden", "ruled judge president
 * Healey Potani"): role words and a capitalised name, ending at punctuation, a preposition after the name, or a lower-case
 * word after the name. */
export function phraseAfter(text: string, from: number, to: number): Subject | null {
  const ps = pieces(text, from, Math.min(to, from + 200));
  const np: Piece[] = [];
  let seenCap = false;
  let lowerRun = 0;
  let i = 0;
  // skip time adjuncts: "dimanche soir", "on Sunday", "in a statement"
  while (i < ps.length && !ps[i]!.punct && isSkippableBeforeCue(ps[i]!.text) && !UPPER_START.test(ps[i]!.text)) i++;
  if (i < ps.length && UPPER_START.test(ps[i]!.text) && /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(ps[i]!.text)) i++;
  for (; i < ps.length && np.length < 10; i++) {
    const p = ps[i]!;
    if (p.punct) {
      if ((p.text === '.' || p.text === '’' || p.text === '\'' || p.text === '-') && np.length && !/\s/.test(text[p.start - 1] ?? ' ')) { np.push(p); continue; }
      break;
    }
    const cap = UPPER_START.test(p.text);
    const low = p.text.toLowerCase();
    if (cap) { seenCap = true; lowerRun = 0; np.push(p); continue; }
    if (seenCap && /^(de|da|do|dos|del|van|von|der|bin|al|el|di|du|and|of|for)$/.test(low) && i + 1 < ps.length && UPPER_START.test(ps[i + 1]!.text)) { np.push(p); continue; }
    if (seenCap && ROLE_NOUNS.has(low)) {
      // "the IEBC vice chair Juliana Cherera": role words between capitalised parts
      let x = i;
      while (x < ps.length && x - i < 3 && !ps[x]!.punct && ROLE_NOUNS.has(ps[x]!.text.toLowerCase())) x++;
      if (x < ps.length && UPPER_START.test(ps[x]!.text)) { for (let y = i; y < x; y++) np.push(ps[y]!); i = x - 1; continue; }
    }
    if (seenCap) break;
    if (np.length && (isAdjunctStart(low) || SUBJECT_STOP.has(low))) break;
    lowerRun++;
    if (lowerRun > 6) return null;
    np.push(p);
  }
  while (np.length && np[np.length - 1]!.punct) np.pop();
  // "afirmou o presidente do partido, Carlos Lupi." — a role phrase followed by the name in apposition
  if (np.length && !seenCap && i < ps.length && ps[i]!.text === ',') {
    let j = i + 1;
    const name: Piece[] = [];
    while (j < ps.length && !ps[j]!.punct && (UPPER_START.test(ps[j]!.text) || (name.length && /^(de|da|do|dos|del|van|von|der|bin)$/.test(ps[j]!.text))) && name.length < 5) name.push(ps[j++]!);
    if (name.length && (j >= ps.length || /^[.,;:!?)]$/.test(ps[j]!.text))) np.push(...name);
  }
  const s = segText(text, np);
  return s ? { text: s.text, start: s.start, end: s.end } : null;
}

/** The subject phrase that opens a sentence ("Museveni, 76, …" → "Museveni"; "The opposition has refused" → "The opposition"). */
export function sentenceSubject(text: string, start: number, end: number): Subject | null {
  const ps = pieces(text, start, Math.min(end, start + 200));
  const np: Piece[] = [];
  for (const p of ps) {
    if (p.punct && p.text !== '’' && p.text !== '\'' && p.text !== '.' && p.text !== '-') break;
    if (!p.punct && !UPPER_START.test(p.text) && np.length && !/^(de|da|del|van|von|bin|al)$/.test(p.text) && !isNounish(p.text)) break;
    np.push(p);
    if (np.length > 8) return null;
  }
  const s = segText(text, np);
  return s ? { text: s.text, start: s.start, end: s.end } : null;
}

const NOUNISH = /^(?:opposition|party|government|coalition|campaign|court|commission|ministry|spokesman|spokeswoman|leader|president|minister|chairman|officials?|lawyers?|members?|judges?|committee|council|army|police|military|candidate)$/i;
function isNounish(w: string): boolean {
  const l = w.toLowerCase();
  return NOUNISH.test(w) || GROUP_NOUNS.has(l) || ROLE_NOUNS.has(l);
}
