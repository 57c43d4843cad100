// Clause grammar around a speech cue: the subject phrase before it, the phrase after it, adjuncts to skip (no regex backtracking).
import { isFiniteVerbWord, isVerbWord, ROLE_NOUNS, GROUP_NOUNS } from './speakers.js';

export interface Piece { text: string; start: number; end: number; punct: boolean }

// a number with separators ("5,000", "2.5") is one piece, so its comma never ends a clause
const PIECE_RE = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}][\p{L}\p{N}’'\-]*|[^\s\p{L}\p{N}]/gu;

const PIECE_G = new RegExp(PIECE_RE.source, 'gu');

/** Words and punctuation marks of text[from, to) with absolute offsets. */
export function pieces(text: string, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  if (to <= from) return out;
  const body = text.slice(from, to);
  PIECE_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PIECE_G.exec(body))) {
    const t = m[0];
    const c = t.charCodeAt(0);
    const punct = !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /[\p{L}\p{N}]/u.test(t[0]!)));
    out.push({ text: t, start: from + m.index, end: from + m.index + t.length, punct });
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
    const abbrev = (x: number): boolean => ps[x]!.text === '.' && x > 0 && /^\p{Lu}[\p{L}]{0,2}$/u.test(ps[x - 1]!.text);
    while (j >= 0 && !(ps[j]!.punct && /[,.;:!?"“”«»()‘’]/.test(ps[j]!.text) && !abbrev(j))) { segB.unshift(ps[j]!); j--; }
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
      (/^\p{Lu}/u.test(b.text) || /^(?:the|a|an)\s/i.test(b.text)) && !RELATIVE_START.test(b.text)) return { text: b.text, start: b.start, end: b.end };
    if (!aLooksNp || aWords.length > 12) return 'elided';
    // "X, the agency that oversees …, said": an apposition with a relative clause describes X
    if (RELATIVE_START.test(b.text) || /^\d+$/.test(b.text) || /^(a|an|un|une|uno|una|um|uma|ein|eine)\s/i.test(b.text) ||
      (/^(?:the|its|his|her|their)\s/i.test(b.text) && /\s(?:that|who|which)\s/i.test(b.text) && /^\p{Lu}/u.test(a.text))) {
      return { text: a.text, start: a.start, end: a.end, role: /^(a|an|un|une|una|um|uma|ein|eine)\s/i.test(b.text) ? b.text.replace(/^(a|an|un|une|una|um|uma|ein|eine)\s+/i, '') : null };
    }
    // "Kenya’s opposition leader, Raila Odinga, rejected" / "The army’s deputy spokesman, Deo Akiiki, said"
    // "…, and the meeting deteriorated from there, said …": a clause, not a subject with its apposition
    if (/^(?:and|but|or|so|yet)\s/i.test(b.text) || segB.some((p) => !p.punct && /^\p{Ll}/u.test(p.text) && isFiniteVerbWord(p.text) && !ROLE_NOUNS.has(p.text) && !GROUP_NOUNS.has(p.text))) return 'elided';
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
      if (np.length && /^\p{Ll}/u.test(p.text) && isVerbWord(low) && !ROLE_NOUNS.has(low) && !GROUP_NOUNS.has(low) &&
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
  while (i < ps.length && !ps[i]!.punct && isSkippableBeforeCue(ps[i]!.text) && !/^\p{Lu}/u.test(ps[i]!.text)) i++;
  if (i < ps.length && /^\p{Lu}/u.test(ps[i]!.text) && /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(ps[i]!.text)) i++;
  for (; i < ps.length && np.length < 10; i++) {
    const p = ps[i]!;
    if (p.punct) {
      if ((p.text === '.' || p.text === '’' || p.text === '\'' || p.text === '-') && np.length && !/\s/.test(text[p.start - 1] ?? ' ')) { np.push(p); continue; }
      break;
    }
    const cap = /^\p{Lu}/u.test(p.text);
    const low = p.text.toLowerCase();
    if (cap) { seenCap = true; lowerRun = 0; np.push(p); continue; }
    if (seenCap && /^(de|da|do|dos|del|van|von|der|bin|al|el|di|du|and|of|for)$/.test(low) && i + 1 < ps.length && /^\p{Lu}/u.test(ps[i + 1]!.text)) { np.push(p); continue; }
    if (seenCap && ROLE_NOUNS.has(low)) {
      // "the IEBC vice chair Juliana Cherera": role words between capitalised parts
      let x = i;
      while (x < ps.length && x - i < 3 && !ps[x]!.punct && ROLE_NOUNS.has(ps[x]!.text.toLowerCase())) x++;
      if (x < ps.length && /^\p{Lu}/u.test(ps[x]!.text)) { for (let y = i; y < x; y++) np.push(ps[y]!); i = x - 1; continue; }
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
    while (j < ps.length && !ps[j]!.punct && (/^\p{Lu}/u.test(ps[j]!.text) || (name.length && /^(de|da|do|dos|del|van|von|der|bin)$/.test(ps[j]!.text))) && name.length < 5) name.push(ps[j++]!);
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
    if (!p.punct && !/^\p{Lu}/u.test(p.text) && np.length && !/^(de|da|del|van|von|bin|al)$/.test(p.text) && !isNounish(p.text)) break;
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
