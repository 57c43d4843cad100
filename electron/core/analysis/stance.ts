// Stance of a statement: critical / supportive / defensive / neutral, from its speech verb, its words and who speaks about whom.
import type { Stance } from './types.js';

/*
 * Definitions (the guideline's): critical = criticises, alleges wrongdoing, rejects or contests; supportive = praises,
 * endorses, congratulates, claims or accepts a victory, expresses confidence; defensive = an actor or institution
 * rebutting criticism aimed at itself or its side; neutral = procedural, factual, announcements, figures.
 */

/**
 * A word list over lower-cased text ("*" = any letters), matched in code at the start of words (a regex per list is
 * slow to run over every position). Each word is literal parts and "*" runs; it matches at a position when its parts
 * do and no letter follows; the first word of the list that matches there counts, and the count goes on after it.
 */
/** A lexicon's bit (in START_FILTER) and its words (as parts) by startHash of their first three units. */
interface Lexicon { bit: number; byStart: Array<string[][] | undefined> }

const STAR = '*';
let lexicons = 0;
/** Size of the start hashes (small tables stay in the cache). */
const START_HASH_BITS = 12;
/** For the hash of a word's first three units, a bit per lexicon that has a word starting with them. */
const START_FILTER = new Uint16Array(1 << START_HASH_BITS);

/** A hash of three UTF-16 units. */
function startHash(a: number, b: number, c: number): number {
  return (Math.imul(Math.imul(a, 31) + b, 31) + c) & ((1 << START_HASH_BITS) - 1);
}

function lexicon(list: string[]): Lexicon {
  const lex: Lexicon = { bit: 1 << lexicons++, byStart: new Array<string[][] | undefined>(1 << START_HASH_BITS) };
  for (const w of list) {
    const lower = w.toLowerCase();
    // "warf*" → ["warf", "*"]; a "*" run is greedy, so what follows it must start with a non-letter
    const parts = lower.split(/(\*)/).filter((p) => p !== '');
    if (parts[0] === STAR || parts[0].length < 3 || parts.some((p, k) => p === STAR && k + 1 < parts.length && /^\p{L}/u.test(parts[k + 1]))) {
      throw new Error(`stance lexicon: unsupported word "${w}"`);
    }
    const h = startHash(lower.charCodeAt(0), lower.charCodeAt(1), lower.charCodeAt(2));
    START_FILTER[h] |= lex.bit;
    (lex.byStart[h] ??= []).push(parts);
  }
  return lex;
}

const LETTER = /\p{L}/u;
/** Letter class of UTF-16 code units beyond ASCII, filled in as met: 0 = not yet known, 1 = yes, 2 = no. */
const LETTER_UNITS = new Uint8Array(65536);

/** True when a UTF-16 code unit is a letter (as LETTER.test(String.fromCharCode(c))). `known` is LETTER_UNITS. */
function isLetterUnit(c: number, known: Uint8Array = LETTER_UNITS): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  let v = known[c];
  if (v === 0) { v = LETTER.test(String.fromCharCode(c)) ? 1 : 2; known[c] = v; }
  return v === 1;
}

/** Length in code units of the letter (code point, as /\p{L}/u reads it) at i, 0 if none. */
function letterAt(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER.test(s.slice(i, i + 2)) ? 2 : 0;
  }
  return isLetterUnit(c) ? 1 : 0;
}

/** End of the word `parts` matched at i (as the regex `parts` with "*" = \p{L}*, then (?!\p{L})), or -1. */
function matchAt(s: string, i: number, parts: string[]): number {
  let at = i;
  for (const p of parts) {
    if (p === STAR) {
      for (let w = letterAt(s, at); w > 0; w = letterAt(s, at)) at += w;
    } else if (s.startsWith(p, at)) {
      at += p.length;
    } else {
      return -1;
    }
  }
  return letterAt(s, at) > 0 ? -1 : at;
}

/** Speech verbs and phrases by the stance they carry ("*" = any ending). */
const CUE_CRITICAL = lexicon([
  'condemn*', 'criticis*', 'criticiz*', 'reject*', 'accus*', 'denounc*', 'alleg*', 'question*', 'slam*', 'blast*', 'decr*', 'protest*',
  'contest*', 'disput*', 'warn*', 'raised concern*', 'expressed concern*', 'voiced concern*', 'concern*', 'lambast*', 'deplor*', 'demand*', 'called for',
  'condenó', 'conden*', 'critic*', 'rechaz*', 'acus*', 'denunci*', 'cuestion*', 'impugn*', 'advirti*',
  'condamn*', 'critiqu*', 'rejet*', 'dénonc*', 'fustig*', 'contest*', 'accusé*', 'déplor*', 'mis en garde',
  'verurteil*', 'kritisier*', 'warf* vor', 'vorgeworfen', 'prangert*', 'beklagt*', 'warnt*', 'protestiert*',
  'rejeit*', 'acusou', 'criticou', 'condenou', 'contestou', 'questionou',
]);
const CUE_SUPPORTIVE = lexicon([
  'congratulat*', 'prais*', 'welcom*', 'hail*', 'commend*', 'endors*', 'thank*', 'applaud*', 'celebrat*', 'claimed victory', 'declared victory',
  'felicit*', 'elogi*', 'celebr*', 'salud*', 'agradec*', 'respald*',
  'félicit*', 'salu*', 'se félicite', 's’est félicité', "s'est félicité", 'remerci*', 'soutien*',
  'gratulier*', 'lobt*', 'gelobt', 'begrüß*', 'dankt*', 'feiert*',
  'parabeniz*', 'elogiou', 'saudou', 'comemor*',
]);
const CUE_DEFENSIVE = lexicon([
  'defend*', 'denied', 'deny', 'denies', 'rebut*', 'refut*', 'dismiss*', 'justif*', 'insist*', 'brushed off', 'pushed back',
  'defendi*', 'neg*', 'desmint*', 'justific*', 'défend*', 'nié', 'nie', 'démenti*', 'justifi*', 'verteidig*', 'bestritt*', 'bestreit*', 'wies* zurück',
  'zurückgewiesen', 'rechtfertig*', 'defendeu', 'negou', 'desmentiu',
]);

/** Words inside what was said. */
const WORDS_CRITICAL = lexicon([
  'fraud*', 'rigg*', 'stolen', 'cheat*', 'null and void', 'reject*', 'condemn*', 'denounc*', 'contest*', 'challenge', 'quash*', 'rechaz*', 'rejet*', 'dénonc*', 'rejeit*', 'denunci*', 'zurückweisen', 'ablehn*', 'illegitimate', 'unfair', 'irregularit*', 'violation*', 'curtail*', 'restriction*',
  'coup', 'coup d’etat', 'manipulat*', 'disregard', 'investigat*', 'interference', 'malpractice', 'tamper*', 'suppress*', 'intimidat*',
  'undemocratic', 'sham', 'farce', 'flawed', 'not free', 'lack of transparency', 'opaque', 'under attack', 'dishonour*', 'déshonneur', 'désaveu',
  'fraude*', 'ilegítim*', 'irregularidad*', 'golpe', 'manipulación', 'nulo', 'fraudulent*', 'truqu*', 'irrégularit*', 'illégitime', 'déroute',
  'nullif*', 'annul*', 'absurd*', 'discrepanc*', 'incompeten*', 'lacking', 'malfunction*', 'bulldoz*', 'insult*', 'not duly elected',
  'dictatorship', 'corruption', 'challenged', 'refused', 'fewer than', 'did not have', 'didn’t believe', "didn't believe", 'lacked', 'deceiv*',
  'betrug', 'wahlbetrug', 'manipuliert', 'unregelmäßigkeit*', 'illegitim', 'ilegítimo', 'irregularidade*', 'golpe', 'fraudad*',
]);
const WORDS_SUPPORTIVE = lexicon([
  'congratulat*', 'triumph*', 'peaceful*', 'free and fair', 'credible', 'transparent', 'confident', 'proud', 'we won', 'we have won', 'our victory',
  'thank*', 'support', 'welcome*', 'historic', 'success*', 'celebrat*', 'great alternative', 'humility', 'verdict', 'progress', 'achieved',
  'excited', 'exciting', 'good leader', 'respectful', 'great honour', 'great honor', 'cheating-free',
  'felicit*', 'triunfo', 'ganamos', 'pacífic*', 'transparente', 'éxito', 'félicit*', 'succès', 'sans appel', 'dynamique', 'humilité', 'respectueux',
  'glückwunsch*', 'erfolg*', 'parabeniz*', 'sucesso', 'vencemos', 'agradec*', 'merci', 'danke',
]);
/** Result words: supportive only as a hint (a reported result is usually neutral). */
const WORDS_RESULT = lexicon(['victory', 'victorious', 'won', 'win', 'victoria', 'victoire', 'sieg', 'gewonnen', 'vitória', 'venceu', 'ganó']);
const WORDS_DEFENSIVE = lexicon([
  'necessary', 'security measures', 'law and order', 'baseless', 'unfounded', 'false claims', 'misleading', 'propaganda', 'internal affairs',
  'lack of understanding', 'in accordance with the law', 'committed to upholding', 'no evidence', 'nothing to hide', 'smear', 'fake news',
  'infundad*', 'asuntos internos', 'sin fundamento', 'infondé*', 'affaires intérieures', 'sans fondement', 'haltlos', 'unbegründet',
  'innere angelegenheiten', 'infundad*', 'assuntos internos', 'sem fundamento',
]);
/** A negated quality of the vote ("neither free nor fair"); the left word boundary is checked in `negatesSupport`. */
const NEGATED_SUPPORT = /(?:not|no|never|neither|nor|hardly|far from|ni|pas|nicht|kein\p{L}*|não|nem)\s+(?:\p{L}+\s+){0,2}(?:free|fair|credible|transparent|peaceful|legitimate|libre|limpi\p{L}*|juste|frei|fair|livre|justa)/giu;

/** True when a letter (code point, as the look-behind (?<![\p{L}]) reads it) ends right before i. */
function letterBefore(s: string, i: number): boolean {
  if (i <= 0) return false;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return LETTER.test(s.slice(i - 2, i));
  }
  return isLetterUnit(c);
}

/** NEGATED_SUPPORT at a position not preceded by a letter. */
function negatesSupport(s: string): boolean {
  NEGATED_SUPPORT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NEGATED_SUPPORT.exec(s)) !== null) {
    if (!letterBefore(s, m.index)) return true;
    NEGATED_SUPPORT.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * Whole-word occurrences of each of some lexicons in lower-cased text, in one pass: per lexicon, left to right, each
 * from the end of the one before, at positions not preceded by a letter unit.
 */
function counts(s: string, lexs: readonly Lexicon[]): number[] {
  const found = lexs.map(() => 0);
  const next = lexs.map(() => 0);
  let wanted = 0;
  for (const lex of lexs) wanted |= lex.bit;
  const last = s.length - 2; // every word has at least three units
  const filter = START_FILTER;
  const letters = LETTER_UNITS;
  let afterLetter = false;
  for (let i = 0; i < last; i++) {
    const c = s.charCodeAt(i);
    const atStart = !afterLetter;
    afterLetter = isLetterUnit(c, letters);
    if (!atStart) continue;
    const h = startHash(c, s.charCodeAt(i + 1), s.charCodeAt(i + 2));
    const bits = filter[h] & wanted;
    if (bits === 0) continue;
    for (let k = 0; k < lexs.length; k++) {
      if ((bits & lexs[k].bit) === 0 || i < next[k]) continue;
      for (const parts of lexs[k].byStart[h]!) {
        const end = matchAt(s, i, parts);
        if (end < 0) continue;
        found[k]++;
        next[k] = end;
        break;
      }
    }
  }
  return found;
}

const CUE_LEXICONS = [CUE_CRITICAL, CUE_SUPPORTIVE, CUE_DEFENSIVE];
const QUOTE_LEXICONS = [WORDS_CRITICAL, WORDS_SUPPORTIVE, WORDS_RESULT, WORDS_DEFENSIVE];
const CONTEXT_LEXICONS = [WORDS_CRITICAL, WORDS_SUPPORTIVE, WORDS_DEFENSIVE, CUE_DEFENSIVE];
/** The last context read, as given (statements of one sentence come in a row and share it). */
let lastContext: { text: string; counts: number[] } | null = null;

function contextCounts(text: string): number[] {
  if (lastContext?.text !== text) {
    const context = (text.length > 5000 ? text.slice(0, 5000) : text).toLowerCase();
    lastContext = { text, counts: counts(context, CONTEXT_LEXICONS) };
  }
  return lastContext.counts;
}

/**
 * The stance of one statement. The speech verb weighs most, then the words quoted, then the sentence around it;
 * a speaker answering criticism about its own country's vote ("necessary security measures") is defensive.
 */
export function stanceOf(input: { quote: string; context: string; cue: string | null; speakerCountry: string | null; aboutCountry: string | null; language: string }): Stance {
  const quote = (input.quote.length > 5000 ? input.quote.slice(0, 5000) : input.quote).toLowerCase();
  const cue = (input.cue ?? '').slice(0, 500).toLowerCase();
  const ownSide = input.speakerCountry !== null && input.aboutCountry !== null && input.speakerCountry === input.aboutCountry;

  const [cueCritical, cueSupportive, cueDefensive] = counts(cue, CUE_LEXICONS);
  const [quoteCritical, quoteSupportive, quoteResult, quoteDefensive] = counts(quote, QUOTE_LEXICONS);
  const [contextCritical, contextSupportive, contextDefensive, contextCueDefensive] = contextCounts(input.context);
  let critical = 2 * cueCritical + quoteCritical + 0.5 * contextCritical;
  let supportive = 2 * cueSupportive + quoteSupportive + 0.3 * contextSupportive + 0.4 * quoteResult;
  let defensive = 2.5 * cueDefensive + 1.5 * quoteDefensive + 0.5 * contextDefensive + 0.5 * contextCueDefensive;
  if (negatesSupport(quote)) { critical += 2; supportive = Math.max(0, supportive - 2); }

  // Rebutting criticism is defensive when it is about one's own side; otherwise a denial is a contest (critical).
  if (defensive > 0 && !ownSide && input.speakerCountry !== null && input.aboutCountry !== null) { critical += defensive / 2; defensive = 0; }
  if (ownSide && defensive > 0) defensive += 1;

  const best = Math.max(critical, supportive, defensive);
  if (best < 1) return 'neutral';
  if (defensive === best) return 'defensive';
  if (critical === best) return critical - supportive < 0.5 && supportive > 0 ? 'neutral' : 'critical';
  return 'supportive';
}
