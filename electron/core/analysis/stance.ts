// Stance of a statement: critical / supportive / defensive / neutral, from its speech verb, its words and who speaks about whom.
import type { Stance } from './types.js';

/*
 * Definitions (the guideline's): critical = criticises, alleges wrongdoing, rejects or contests; supportive = praises,
 * endorses, congratulates, claims or accepts a victory, expresses confidence; defensive = an actor or institution
 * rebutting criticism aimed at itself or its side; neutral = procedural, factual, announcements, figures.
 */

/**
 * A word list as one regex over lower-cased text ("*" = any ending). No leading look-behind (so the engine can scan
 * fast); the left word boundary is checked in `count`.
 */
function lexicon(words: string[]): RegExp {
  const alts = words.map((w) => w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\*/g, '\\p{L}*'));
  return new RegExp(`(?:${alts.join('|')})(?![\\p{L}])`, 'gu');
}

const LETTER = /\p{L}/u;

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
const NEGATED_SUPPORT = /(?<![\p{L}])(?:not|no|never|neither|nor|hardly|far from|ni|pas|nicht|kein\p{L}*|não|nem)\s+(?:\p{L}+\s+){0,2}(?:free|fair|credible|transparent|peaceful|legitimate|libre|limpi\p{L}*|juste|frei|fair|livre|justa)/iu;

/** Whole-word occurrences of a lexicon in lower-cased text. */
function count(re: RegExp, s: string): number {
  if (!s) return 0;
  re.lastIndex = 0;
  let n = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m.index > 0 && LETTER.test(s[m.index - 1])) { re.lastIndex = m.index + 1; continue; }
    n++;
  }
  return n;
}

/**
 * The stance of one statement. The speech verb weighs most, then the words quoted, then the sentence around it;
 * a speaker answering criticism about its own country's vote ("necessary security measures") is defensive.
 */
export function stanceOf(input: { quote: string; context: string; cue: string | null; speakerCountry: string | null; aboutCountry: string | null; language: string }): Stance {
  const quote = (input.quote.length > 5000 ? input.quote.slice(0, 5000) : input.quote).toLowerCase();
  const context = (input.context.length > 5000 ? input.context.slice(0, 5000) : input.context).toLowerCase();
  const cue = (input.cue ?? '').slice(0, 500).toLowerCase();
  const ownSide = input.speakerCountry !== null && input.aboutCountry !== null && input.speakerCountry === input.aboutCountry;

  let critical = 2 * count(CUE_CRITICAL, cue) + count(WORDS_CRITICAL, quote) + 0.5 * count(WORDS_CRITICAL, context);
  let supportive = 2 * count(CUE_SUPPORTIVE, cue) + count(WORDS_SUPPORTIVE, quote) + 0.3 * count(WORDS_SUPPORTIVE, context) + 0.4 * count(WORDS_RESULT, quote);
  let defensive = 2.5 * count(CUE_DEFENSIVE, cue) + 1.5 * count(WORDS_DEFENSIVE, quote) + 0.5 * count(WORDS_DEFENSIVE, context) + 0.5 * count(CUE_DEFENSIVE, context);
  if (NEGATED_SUPPORT.test(quote)) { critical += 2; supportive = Math.max(0, supportive - 2); }

  // Rebutting criticism is defensive when it is about one's own side; otherwise a denial is a contest (critical).
  if (defensive > 0 && !ownSide && input.speakerCountry !== null && input.aboutCountry !== null) { critical += defensive / 2; defensive = 0; }
  if (ownSide && defensive > 0) defensive += 1;

  const best = Math.max(critical, supportive, defensive);
  if (best < 1) return 'neutral';
  if (defensive === best) return 'defensive';
  if (critical === best) return critical - supportive < 0.5 && supportive > 0 ? 'neutral' : 'critical';
  return 'supportive';
}
