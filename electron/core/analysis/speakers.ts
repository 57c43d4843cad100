// Speakers: reading a speaker phrase (name, role, organisation), and resolving pronouns and role references to named people.
import nlp from 'compromise';
import { NON_SOURCES, PRONOUNS } from './cues.js';

type Tagged = Record<string, string | string[]>;
const LEXICON: Tagged = (nlp as unknown as { model(): { one: { lexicon: Tagged } } }).model().one.lexicon;

const TAG_CACHE = new Map<string, string>();
function tagsOf(word: string): string {
  let r = TAG_CACHE.get(word);
  if (r !== undefined) return r;
  const t = LEXICON[word.toLowerCase()];
  r = t === undefined ? '' : Array.isArray(t) ? t.join(',') : t;
  if (TAG_CACHE.size > 50000) TAG_CACHE.clear();
  TAG_CACHE.set(word, r);
  return r;
}

/** Is this lower-case word a verb form in compromise's lexicon ("rejected", "has", "will")? */
export function isVerbWord(word: string): boolean {
  return /PastTense|PresentTense|Infinitive|Modal|Copula|Auxiliary|Participle/.test(tagsOf(word)) || /^(has|have|had|is|was|were|are|will|would|can|could|should|did|does)$/.test(word);
}

/** Is this lower-case word a finite verb form ("deteriorated", "says", "was") rather than a noun, participle or infinitive? */
export function isFiniteVerbWord(word: string): boolean {
  const t = tagsOf(word);
  return (/PastTense|PresentTense|Copula|Modal/.test(t) && !/Noun|Singular|Plural|Adjective/.test(t)) ||
    /^(?:is|was|were|are|has|had|have|will|would|did|does)$/.test(word);
}

/** Is this lower-case word an adjective in compromise's lexicon ("unusual", "unfit")? */
export function isAdjectiveWord(word: string): boolean {
  return /Adjective|Comparable/.test(tagsOf(word));
}

export type SpeakerKind = 'name' | 'role' | 'org' | 'pronoun' | 'generic' | 'none';

export interface SpeakerPhrase {
  kind: SpeakerKind;
  /** The speaker as it should be shown: a person's name, an organisation, or a role phrase. */
  speaker: string | null;
  role: string | null;
  org: string | null;
  /** Lower-cased head noun of a role or organisation phrase. */
  head: string | null;
  /** Grammatical number/gender of a pronoun. */
  pronoun?: 'm' | 'f' | 'pl' | 'n' | 'x';
  definite?: boolean;
}

const TITLES = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'dame', 'm.', 'mme', 'mme.', 'herr', 'frau',
  'sr.', 'sra.', 'señor', 'señora', 'prof.', 'prof', 'sen.', 'rep.', 'gov.', 'gen.', 'lord', 'lady', 'hon.', 'alhaji']);
const CONNECTORS = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'di', 'du', 'le', 'la', 'ter', 'zu']);
/** Capitalised words that are not names (sentence openers, function words, days and months). */
const NOT_NAME = new Set(('the a an in on at but and as after before while when this that these those it he she they we i ' +
  'his her their its our my your earlier later meanwhile however also then there here what who why how if so yet still ' +
  'le la les un une des el los las der die das ein eine o os as em no na dans pour selon según laut segundo en et mais ' +
  'lui il elle ils elles él ella er sie ele ela ce cette for from with by of to about under over despite since until ' +
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
  'september october november december today yesterday tomorrow read full text abstract update updated breaking ' +
  'photo video watch live news our your according even though although whether every each another such ' +
  'one two three four five six seven eight nine ten several many some most all both few').split(' '));
const ORG_WORDS = new Set(('court|commission|party|department|ministry|council|committee|union|government|office|agency|bank|' +
  'parliament|assembly|congress|senate|house|front|movement|alliance|coalition|mission|organization|organisation|' +
  'association|institute|university|board|authority|police|army|forces|campaign|team|group|corporation|company|inc|ltd|' +
  'airways|airlines|platform|rally|league|federation|tribunal|cabinet|kremlin|secretariat|embassy|service|services|' +
  'times|post|journal|tribune|network|foundation|centre|center|republicans|democrats|administration|presidency|' +
  'partido|parti|partei|consejo|comisión|conseil|gobierno|gouvernement|regierung|ministerio|ministère|ministerium|governo|' +
  'ministério|supremo|rassemblement|unión|union|frente|bündnis|cour|corte|gericht|fifa|uefa|un|eu|nato|osce|sadc|' +
  'ecowas|who|imf|iebc|cdu|csu|spd|afd|fdp|rn|ps|lfi|pml-n|pti|ppp|anc|nrm|nup|bjp|congress|labour|conservatives|tories|' +
  'bloc|junta|watchdog|intelligence|state|states|nations|fund|monitors|observers|delegation').split('|'));
/** Lower-case nouns heading a phrase that stands for a person by role. */
const ROLE_NOUNS = new Set(('spokesman|spokeswoman|spokesperson|minister|chairman|chairwoman|chair|chairperson|president|' +
  'vice|leader|head|secretary|official|candidate|judge|justice|commissioner|governor|senator|ambassador|director|chief|' +
  'mayor|deputy|lawmaker|legislator|mp|chancellor|general|commander|envoy|adviser|advisor|aide|lawyer|attorney|' +
  'prosecutor|nominee|challenger|incumbent|politician|founder|ceo|executive|manager|coach|member|representative|' +
  'speaker|monitor|negotiator|activist|premier|king|queen|prince|officer|strategist|chairman|economist|professor|' +
  'eurodéputé|député|porte-parole|ministre|président|présidente|candidat|candidate|chef|dirigeant|juge|maire|' +
  'portavoz|vocero|ministro|ministra|presidente|candidato|candidata|líder|jefe|juez|alcalde|diputado|' +
  'sprecher|sprecherin|kanzler|kanzlerin|präsident|präsidentin|kandidat|kandidatin|vorsitzender|vorsitzende|' +
  'porta-voz|juiz|deputado|prefeito|senador|governador|old|veteran|woman|man|star|singer|rapper|billionaire|nationalist|' +
  'populist|centrist|conservative|socialist|liberal|libertarian|democrat|republican|hopeful|frontrunner|runner-up|winner|' +
  'loser|opponent|rival|contender|campaigner|insider|servant|businessman|businesswoman|tycoon|investor|author|writer|analyst|' +
  'wife|husband|ex-wife|ex-husband|widow|widower|son|daughter|mother|father|brother|sister|niece|nephew|grandson|granddaughter').split('|'));
/** Lower-case nouns heading a phrase that stands for an organisation or a group. */
const GROUP_NOUNS = new Set(('party|coalition|campaign|government|ministry|department|commission|court|council|committee|' +
  'office|agency|police|army|military|opposition|union|mission|delegation|embassy|administration|cabinet|panel|board|' +
  'tribunal|parliament|senate|congress|assembly|authorities|authority|presidency|team|group|alliance|movement|front|bloc|' +
  'organisation|organization|company|bank|watchdog|regulator|junta|regime|secretariat|intelligence|prosecutors|backers|' +
  'supporters|members|officials|lawyers|judges|leaders|representatives|commissioners|justices|governments|parties|' +
  'colleagues|ministers|candidates|allies|aides|advisers|spokesmen|officers|diplomats|senators|lawmakers|legislators|' +
  'protesters|demonstrators|activists|workers|voters|residents|citizens|family|staff|camp|side|bureau|institute|' +
  'parti|gouvernement|ministère|cour|conseil|partido|gobierno|ministerio|comisión|corte|consejo|partei|regierung|' +
  'ministerium|kommission|gericht|governo|ministério|comissão|conselho|white house|kremlin|state department|' +
  'state|nations|fund|observers|monitors|organizers|organisers|organiser|organizer|firm|network|outlet|' +
  'airline|church|congregation|executives|rivals|delegates|camps|conservatives|liberals|progressives|republicans|' +
  'democrats|donors|attorneys|investigators|prosecutor|doctors|nurses|teachers|students|plaintiffs|' +
  'defendants|petitioners|opponents|challengers|groups|regulators|environmentalists|companies|states').split('|'));
/** German compound role nouns: "Bundeswahlleiter", "Regierungssprecher", "Außenministerin". */
const GERMAN_ROLE = /(?:leiter|leiterin|sprecher|sprecherin|minister|ministerin|kanzler|kanzlerin|präsident|präsidentin|chef|chefin|vorsitzender|vorsitzende)$/;
const PREPS = new Set(['of', 'from', 'for', 'at', 'in', 'on', 'with', 'to', 'by', 'de', 'del', 'du', 'des', 'der', 'von', 'da',
  'do', 'dos', 'das', 'who', 'which', 'that', 'whose', 'qui', 'que', 'dont', 'within', 'under', 'after', 'in', 'na', 'no', 'em', 'en', 'à', 'au', 'aux', 'beim', 'bei', 'im', 'vom']);
const DETERMINERS = new Set(['the', 'a', 'an', 'le', 'la', 'les', 'l', 'un', 'une', 'el', 'los', 'las', 'der', 'die', 'das',
  'ein', 'eine', 'o', 'os', 'um', 'uma', 'his', 'her', 'their', 'its', 'some', 'several', 'two', 'three', 'four', 'five', 'both', 'all']);
const INDEFINITE = new Set(['a', 'an', 'un', 'une', 'ein', 'eine', 'um', 'uma', 'some', 'several', 'two', 'three', 'four', 'five']);

// Hot patterns as module constants: tsx (which runs the CLI and the benchmarks) compiles a \p{…} regex literal inside a
// function into a `new RegExp` on every call.
export const UPPER_START = /^\p{Lu}/u;
export const LOWER_START = /^\p{Ll}/u;
export const LETTER_START = /^\p{L}/u;
/** A word whose trailing dot is its own: an initial or a title abbreviation ("M.", "U.S.", "Jr."). */
const ABBREVIATION = /^(\p{Lu}|\p{Lu}\.\p{Lu}|\p{Lu}\.\p{Lu}\.\p{Lu}|mr|mrs|ms|dr|jr|sr|st|sen|rep|gov|gen|prof|mme|sra)\.$/iu;
/** Initials only: "U.S.", "E.U." */
const INITIALS = /^(?:\p{Lu}\.){2,4}$/u;
/** A capitalised adverb or adjective: "Nearly", "Democratic", "Islamic". */
const ADVERB_OR_ADJECTIVE_SHAPE = /^\p{Lu}\p{Ll}+(?:ing|ly|ic|ical)$/u;
/** An elided French article: "l’opposition". */
const ELIDED_ARTICLE = /^([Ll])[’'](?=\p{L})/u;

/** The code point that ends at index i of s (not reading before lo): a surrogate pair counts as one. */
export function codeBefore(s: string, i: number, lo: number): number {
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i - 2 >= lo) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
export function isLetterOrDigit(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}
const isApostropheOrHyphen = (cp: number): boolean => cp === 39 || cp === 45 || cp === 0x2019;

/** The code point that starts at index i of s: a surrogate pair counts as one. */
export function codeAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const l = s.charCodeAt(i + 1);
    if (l >= 0xdc00 && l <= 0xdfff) return (c - 0xd800) * 0x400 + (l - 0xdc00) + 0x10000;
  }
  return c;
}

export interface Tok { text: string; start: number; end: number }

/** Words of s: a letter or digit, then letters, digits, dots, apostrophes and hyphens (the reading of the regex
 * `[\p{L}\p{N}][\p{L}\p{N}.’'\-]*` with flags gu), with trailing dots (except on abbreviations), apostrophes and hyphens dropped. */
export function words(s: string, offset = 0): Tok[] {
  const out: Tok[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = codeAt(s, i);
    if (!isLetterOrDigit(c)) { i += c > 0xffff ? 2 : 1; continue; }
    let j = i + (c > 0xffff ? 2 : 1);
    while (j < n) {
      const d = codeAt(s, j);
      if (!isLetterOrDigit(d) && d !== 46 && !isApostropheOrHyphen(d)) break;
      j += d > 0xffff ? 2 : 1;
    }
    let t = s.slice(i, j);
    // trailing dot only belongs to abbreviations/initials ("M.", "Jr.", "U.S.")
    if (t.charCodeAt(t.length - 1) === 46 && !ABBREVIATION.test(t)) t = t.replace(/\.+$/, '');
    const lastCh = t[t.length - 1];
    if (lastCh === '\'' || lastCh === '’' || lastCh === '-') t = t.replace(/['’-]+$/, '');
    out.push({ text: t, start: offset + i, end: offset + i + t.length });
    i = j;
  }
  return out;
}

const isCap = (w: string): boolean => {
  const code = w.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90; // ASCII: A–Z
  const c = w[0];
  return !!c && c !== c.toLowerCase() && c === c.toUpperCase();
};
/** Does w end in a possessive "'s" / "’s"? */
const isPossessive = (w: string): boolean => {
  const n = w.length;
  if (n < 2 || w.charCodeAt(n - 1) !== 115) return false; // "s"
  const a = w.charCodeAt(n - 2);
  return a === 39 || a === 0x2019; // ' or ’
};
/** "Bolsonaro’s" → "Bolsonaro"; keeps other apostrophes ("O’Brien", "d’Estaing"). */
export const stripPossessive = (w: string): string => (isPossessive(w) ? w.slice(0, -2) : w);
const lc = (w: string): string => stripPossessive(w).toLowerCase();

export function isPlace(word: string): boolean {
  const t = tagsOf(stripPossessive(word));
  return /Country|City|Place|Region|Demonym/.test(t);
}

function personEvidence(run: string[]): boolean {
  for (let i = 0; i < run.length; i++) {
    const t = tagsOf(run[i]!);
    if (/FirstName|MaleName|FemaleName|LastName|Person/.test(t)) return true;
  }
  return false;
}

export function genderOf(name: string): 'm' | 'f' | null {
  const first = name.split(/\s+/)[0] ?? '';
  const t = tagsOf(first);
  if (t.includes('FemaleName')) return 'f';
  if (t.includes('MaleName')) return 'm';
  return null;
}

export interface NameRun { text: string; start: number; end: number; person: boolean; org: boolean; place: boolean; title: string | null; possessive: boolean; afterPrep: boolean }

/** Runs of capitalised words in `toks` (joined by name connectors), classified as person, organisation or place. */
function text_gap(source: string, a: Tok, b: Tok): boolean {
  return b.start === a.end + 1 && source.charCodeAt(a.end) === 32;
}

/** Are tokens a and b separated by exactly one space or no-break space? */
function oneSpaceBetween(source: string, a: Tok, b: Tok): boolean {
  const c = source.charCodeAt(a.end);
  return b.start === a.end + 1 && (c === 32 || c === 0xa0);
}

export function nameRuns(source: string, toks: Tok[]): NameRun[] {
  const out: NameRun[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (!isCap(t.text)) { i++; continue; }
    const low = t.text.toLowerCase();
    // "Le Pen", "De Moraes", "Van Rompuy": a capitalised particle opening a surname
    const particle = /^(le|la|de|van|von|da|di|du|del|dos|der)$/.test(low) && isCap(t.text) && i + 1 < toks.length &&
      isCap(toks[i + 1]!.text) && !NOT_NAME.has(toks[i + 1]!.text.toLowerCase()) && text_gap(source, t, toks[i + 1]!) && (i === 0 || !/^(the|a|an)$/i.test(toks[i - 1]!.text));
    if (!isCap(t.text) || (NOT_NAME.has(low) && !particle)) { i++; continue; }
    let title: string | null = null;
    let j = i;
    if (TITLES.has(low) || TITLES.has(low + '.')) { title = t.text; j = i + 1; }
    const first = j;
    let k = j;
    while (k < toks.length && k - first < 8) {
      const w = toks[k]!.text;
      if (k > first && !oneSpaceBetween(source, toks[k - 1]!, toks[k]!)) break;
      if (isCap(w) && (!NOT_NAME.has(w.toLowerCase()) || (k === first && particle))) { k++; if (isPossessive(w)) break; continue; }
      if (k > first && CONNECTORS.has(w.toLowerCase()) && k + 1 < toks.length && isCap(toks[k + 1]!.text)) { k++; continue; }
      break;
    }
    if (k === first) { i = Math.max(i + 1, k); continue; }
    while (k - 1 > first && CONNECTORS.has(toks[k - 1]!.text.toLowerCase())) k--;
    // peel leading role/organisation words: "Deputy President William Ruto", "National Assembly Shahbaz Sharif"
    let a = first;
    let peeled: string | null = null;
    if (k - first >= 3 || (k - first === 2 && personEvidence([toks[k - 1]!.text]))) {
      let lastPeel = -1;
      for (let x = first; x < k - 1; x++) {
        const l = lc(toks[x]!.text);
        if (ROLE_NOUNS.has(l) || ORG_WORDS.has(l) || /Actor/.test(tagsOf(l)) || GERMAN_ROLE.test(l)) lastPeel = x;
      }
      if (lastPeel >= first) {
        const rest = toks.slice(lastPeel + 1, k).map((x) => stripPossessive(x.text));
        if ((rest.length >= 2 || personEvidence(rest)) && !rest.some((w) => ORG_WORDS.has(w.toLowerCase()))) {
          peeled = toks.slice(first, lastPeel + 1).map((x) => x.text).join(' ');
          a = lastPeel + 1;
        }
      }
    }
    const runToks = toks.slice(a, k).map((x) => x.text);
    const last = runToks[runToks.length - 1]!;
    const possessive = isPossessive(last);
    const clean = runToks.map(stripPossessive);
    // word tokens hold no whitespace: the run's text is its words joined by single spaces
    const joined = clean.join(' ');
    const joinedTags = tagsOf(joined);
    const prevTok = i > 0 ? toks[i - 1] : undefined;
    const prevLow = prevTok && source.slice(prevTok.end, toks[i]!.start) === ' ' ? prevTok.text.toLowerCase() : '';
    const afterDeterminer = /^(the|les|los|las|die|der|le|la|el|os|as|des)$/.test(prevLow) && !title && !peeled;
    const afterPrep = !peeled && /^(of|for|from|at|du|de|des|del|da|do|von|der)$/.test(prevLow);
    const org = clean.some((w) => ORG_WORDS.has(w.toLowerCase()) || ((GROUP_NOUNS.has(w.toLowerCase()) || NON_SOURCES.has(w.toLowerCase())) && clean.length === 1)) ||
      /^[\p{Lu}\d-]{2,6}$/u.test(joined) || INITIALS.test(joined) || /Organization/.test(joinedTags);
    const place = !org && clean.every((w) => isPlace(w) || CONNECTORS.has(w.toLowerCase())) || /Country|City|Region|Place/.test(joinedTags);
    const roleish = clean.every((w) => ROLE_NOUNS.has(w.toLowerCase()) || /Actor|Demonym/.test(tagsOf(w)));
    // "Nearly", "Democratic", "Islamic": a single capitalised adverb or adjective is not a person
    const verbish = clean.length === 1 && !title && !personEvidence(clean) && (ADVERB_OR_ADJECTIVE_SHAPE.test(clean[0]!) || /Gerund|PastTense|PresentTense|Infinitive|Adverb|Adjective|Preposition|Conjunction|Determiner|Pronoun/.test(tagsOf(clean[0]!.toLowerCase())));
    const person = !org && !place && !roleish && !verbish && !(afterDeterminer && clean.length === 1) &&
      (personEvidence(clean) || clean.length >= 2 || !!title || clean.length === 1);
    const t0 = title ?? peeled;
    out.push({
      text: joined,
      start: toks[a]!.start,
      end: possessive ? toks[k - 1]!.end - 2 : toks[k - 1]!.end,
      person, org, place, title: title && peeled ? `${title} ${peeled}` : t0, possessive, afterPrep,
    });
    i = k;
  }
  return out;
}

function cleanRole(s: string): string | null {
  const r = s.replace(/^[\s,;:(–—-]+|[\s,;:)–—-]+$/g, '').replace(/^(the|a|an|le|la|l’|l'|el|o|a|der|die|das)\s+/i, '').trim();
  return r && r.length <= 80 ? r : null;
}

/** Organisation inside a role phrase: "from Pakistan's interior ministry", "of Wine’s National Unity Party (NUP)", "Qantas". */
function orgOf(phrase: string, runs: NameRun[]): string | null {
  const m = /\b(?:of|from|for|at|with|du|de la|de l’|de l'|des|de|del|von|der|da|do)\s+((?:the\s+)?[^,;()]{2,60}?)\s*(?:\(|,|;|$)/iu.exec(phrase.slice(0, 200));
  if (m) {
    const cand = m[1]!.trim();
    const ws = cand.split(/\s+/);
    if (ws.some((w) => isCap(w) || GROUP_NOUNS.has(w.toLowerCase()))) return cand.replace(/^the\s+/i, '');
  }
  const orgRun = runs.find((r) => r.org);
  if (orgRun) return orgRun.text;
  const poss = /([\p{Lu}][\p{L}.-]{0,30}(?: [\p{Lu}][\p{L}.-]{0,30}){0,3})['’]s? ((?:[\p{Ll}-]{1,30} ){0,2}(?:ministry|government|party|campaign|coalition|army|court|commission|office|department|embassy|military|police|team))/u.exec(phrase.slice(0, 200));
  if (poss) return `${poss[1]} ${poss[2]}`;
  return null;
}

function headOf(ws: string[]): string | null {
  let head: string | null = null;
  for (const w of ws) {
    const l = lc(w);
    if (PREPS.has(l) || w === '(') break;
    if (DETERMINERS.has(l)) continue;
    head = l;
  }
  return head;
}

/** Read one speaker phrase: "he", "Matthew Miller", "spokesman Matthew Miller", "a spokesman from Pakistan's interior
 * ministry", "Romania’s Constitutional Court", "the 39-year old", "observers" (generic → not a source). */
export function parseSpeakerPhrase(raw: string): SpeakerPhrase {
  const none: SpeakerPhrase = { kind: 'none', speaker: null, role: null, org: null, head: null };
  let phrase = raw.replace(/\s+/g, ' ').replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '');
  phrase = phrase.replace(/^(?:and|but|as|then|while|so|et|mais|y|pero|und|aber|e|mas)\s+/i, '');
  phrase = phrase.replace(ELIDED_ARTICLE, (_m, l: string) => (l === 'L' ? 'Le ' : 'le '));
  if (!phrase) return none;
  const toks = words(phrase);
  if (!toks.length || toks.length > 16) return none;
  const first = toks[0]!.text.toLowerCase();
  if (toks.length === 1 && PRONOUNS[first] !== undefined) {
    return { kind: 'pronoun', speaker: null, role: null, org: null, head: first, pronoun: PRONOUNS[first] };
  }
  const runs = nameRuns(phrase, toks);
  // comma-separated appositions: "Raila Odinga, the opposition leader" / "the chairman, Wafula Chebukati"
  const persons = runs.filter((r) => r.person && !r.possessive && !r.afterPrep);
  const wordsLower = toks.map((t) => lc(t.text));
  const headWords = (() => {
    const out: string[] = [];
    // "sources familiar with …", "officials close to …", "people briefed on …": the post-modifier is not the head
    for (const t of toks) { const l = lc(t.text); if ((PREPS.has(l) || /^(?:familiar|close|briefed|involved|knowledgeable|present)$/.test(l)) && out.length) break; out.push(t.text); }
    return out;
  })();
  const head = headOf(headWords);
  const headIsNameTail = persons.length > 0 && head !== null && lc(persons[persons.length - 1]!.text.split(' ').pop()!) === head;
  if (persons.length && (headIsNameTail || !GROUP_NOUNS.has(head ?? ''))) {
    const withEvidence = persons.filter((r) => personEvidence(r.text.split(' ')));
    const p = (withEvidence.length ? withEvidence : persons)[(withEvidence.length ? withEvidence : persons).length - 1]!;
    const before = phrase.slice(0, p.start).replace(/[,(]\s*$/, '');
    const after = phrase.slice(p.end).replace(/^[\s,]+/, '');
    let role = cleanRole(before);
    if (role && UPPER_START.test(role) && !role.split(' ').some((w) => ROLE_NOUNS.has(w.toLowerCase()) || /Actor/.test(tagsOf(w)))) role = null;
    if (!role && after && /^(?:the|a|an|le|la|el|o|a)?\s*[\p{Ll}]/u.test(after) && !/^(who|which|whose|qui|que)\b/i.test(after)) role = cleanRole(after.replace(/\s*\(.*$/, ''));
    if (p.title && !/^(mr|mrs|ms|dr|m|mme|sir|herr|frau)\.?$/i.test(p.title)) role = role ? `${role} ${p.title.replace(/^(mr|mrs|ms|dr)\.?\s+/i, '')}` : p.title;
    const speaker = p.title && /^(m\.|mme\.?)$/i.test(p.title) && p.text.split(' ').length === 1 ? `${p.title} ${p.text}` : p.text;
    return { kind: 'name', speaker, role, org: orgOf(phrase.slice(0, p.start) + ' ' + after, runs.filter((r) => r !== p)), head: null };
  }
  // "a Democratic source", "one GOP source in the room", "sources close to the campaign": an unnamed but placed source
  // speaks for someone; a bare "sources said" does not
  if (/\b(?:news|press)\s+agenc(?:y|ies)\b|\bwire\s+services?\b/i.test(phrase)) return { ...none, kind: 'generic' };
  const placedSource = (head === 'source' || head === 'sources' || ((head === 'people' || head === 'others') && /\b(?:familiar|close|briefed|involved|knowledgeable)\b/i.test(phrase))) &&
    wordsLower.some((w) => !/^(?:a|an|the|one|two|three|several|some|other|another|multiple|many|source|sources)$/.test(w));
  if (placedSource) return { kind: 'role', speaker: phrase, role: phrase.replace(/^(?:a|an|the|one)\s+/i, ''), org: orgOf(phrase, runs), head, definite: !INDEFINITE.has(first) };
  if (head && NON_SOURCES.has(head) && !runs.some((r) => (r.org && !NON_SOURCES.has(r.text.toLowerCase())) || (r.person && !r.possessive))) return { ...none, kind: 'generic' };
  if (head && NON_SOURCES.has(head) && wordsLower.length <= 2) return { ...none, kind: 'generic' };
  const orgRun = runs.find((r) => r.org);
  const definite = !INDEFINITE.has(first);
  if (head && (ROLE_NOUNS.has(head) || /Actor/.test(tagsOf(head)) || /\d/.test(head)) && !GROUP_NOUNS.has(head)) {
    const role = cleanRole(headWords.join(' ').replace(/^(?:[\p{Lu}][\p{L}]*['’]s\s+)/u, '')) ?? head;
    return { kind: 'role', speaker: phrase, role, org: orgOf(phrase, runs), head, definite };
  }
  if (orgRun || (head && GROUP_NOUNS.has(head)) || runs.some((r) => r.place)) {
    return { kind: 'org', speaker: phrase, role: null, org: orgRun ? orgRun.text : orgOf(phrase, runs) ?? phrase.replace(/^the\s+/i, ''), head, definite };
  }
  const namedRuns = runs.filter((r) => r.person);
  if (namedRuns.length && runs.every((r) => !r.place)) {
    const r = namedRuns[namedRuns.length - 1]!;
    return { kind: 'name', speaker: r.text, role: null, org: null, head: null };
  }
  return none;
}

/** A person or body the article has named, with what it said about them. */
export interface Entity { name: string; role: string | null; org: string | null; at: number; person: boolean; gender: 'm' | 'f' | null; subject: boolean }

/** The word before `at` as /([\p{L}\p{N}’'-]+)([^\p{L}\p{N}]*)$/u reads text.slice(at - 40, at): the last run of word
 * characters (letters, digits, ’ ' -) followed only by non-letters, with the apostrophes or hyphens that directly follow it. */
function previousWord(text: string, at: number): { start: number; end: number } | null {
  const lo = Math.max(0, at - 40);
  // the tail without letters or digits
  let t = at;
  while (t > lo) {
    const c = codeBefore(text, t, lo);
    if (isLetterOrDigit(c)) break;
    t -= c > 0xffff ? 2 : 1;
  }
  let start = t;
  if (t > lo) {
    while (start > lo) {
      const c = codeBefore(text, start, lo);
      if (!isLetterOrDigit(c) && !isApostropheOrHyphen(c)) break;
      start -= c > 0xffff ? 2 : 1;
    }
  } else {
    // no letter or digit at all: the first apostrophe or hyphen starts the word
    start = lo;
    while (start < at && !isApostropheOrHyphen(text.charCodeAt(start))) start++;
    if (start === at) return null;
    t = start;
  }
  let end = t;
  while (end < at && isApostropheOrHyphen(text.charCodeAt(end))) end++;
  return { start, end };
}

/** Known people of a text: every capitalised person-like run, with a role/title read from the words before it
 * ("spokesman Matthew Miller", "the chairman, Wafula Chebukati") or an apposition after it. */
export function collectEntities(text: string, blocked: { start: number; end: number }[]): Entity[] {
  const out: Entity[] = [];
  const toks = words(text);
  const runs = nameRuns(text, toks);
  let bi = 0;
  for (const r of runs) {
    while (bi < blocked.length && blocked[bi]!.end <= r.start) bi++;
    if (bi < blocked.length && r.start >= blocked[bi]!.start) continue;
    if (!r.person) continue;
    if (r.text.length < 2) continue;
    // role right before the name: "spokesman Matthew Miller", "Government spokesman Abdou Karim Fofana", "the chairman, Wafula Chebukati"
    let role: string | null = r.title && !/^(mr|mrs|ms|dr|m|mme|sir|herr|frau)\.?$/i.test(r.title) ? r.title : null;
    if (!role) {
      const pre = text.slice(Math.max(0, r.start - 80), r.start);
      const ws = pre.replace(/,\s*$/, ' ').split(/\s+/).filter(Boolean);
      const picked: string[] = [];
      for (let x = ws.length - 1; x >= 0 && picked.length < 5; x--) {
        const w = ws[x]!.replace(/[,;:()]+$/, '');
        if (/[.;:!?"“”«»()]$/.test(ws[x]!) && x !== ws.length - 1) break;
        const l = lc(w);
        if (!l || NOT_NAME.has(l) || /Verb|PastTense|PresentTense|Infinitive|Gerund/.test(tagsOf(l)) || PREPS.has(l)) break;
        picked.unshift(w);
      }
      if (picked.some((w) => ROLE_NOUNS.has(lc(w)) || /Actor/.test(tagsOf(lc(w))))) role = cleanRole(picked.join(' '));
    }
    // in subject position: not right after a verb or a preposition ("accused Museveni", "won by incumbent … Ruto")
    let k = r.start;
    let prevWord = '';
    let prevPunct = false;
    for (let steps = 0; steps < 6; steps++) {
      const m = previousWord(text, k);
      if (!m) { prevPunct = true; break; }
      if (/[,.;:!?"”»)\n]/.test(text.slice(m.end, k))) { prevPunct = true; break; }
      const word = text.slice(m.start, m.end);
      const w = word.toLowerCase();
      const isNpWord = DETERMINERS.has(w) || ROLE_NOUNS.has(w) || UPPER_START.test(word) || (!isVerbWord(w) && !PREPS.has(w) && !NOT_NAME.has(w) && !/^(to|against|by|with|than|and|but|while|as|when|then|that)$/.test(w));
      if (!isNpWord || steps === 5) { prevWord = w; break; }
      k = m.start;
    }
    const subject = prevPunct || /^(and|but|while|as|when|then|that|et|y|und|e|mais|pero|aber|mas)$/.test(prevWord);
    const single = !r.text.includes(' ');
    if (single && !r.title && !personEvidence([r.text])) continue;
    let name = r.text;
    if (r.title && /^(m\.|mme\.?)$/i.test(r.title) && !name.includes(' ')) name = `${r.title} ${name}`;
    out.push({ name, role, org: role ? orgOf(role, []) : null, at: r.start, person: true, gender: genderOf(name), subject });
  }
  return out;
}

/** The full form of a name from the entities ("Miller" → "Matthew Miller", "Mr Odinga" → "Raila Odinga"). */
export function fullName(name: string, entities: Entity[]): { name: string; entity: Entity | null } {
  const parts = name.split(' ');
  const last = lc(parts[parts.length - 1]!);
  let best: Entity | null = null;
  for (const e of entities) {
    const ep = e.name.split(' ');
    if (lc(ep[ep.length - 1]!) === last || (parts.length === 1 && ep.some((w) => lc(w) === last))) {
      if (!best || ep.length > best.name.split(' ').length || (!best.role && e.role)) best = e;
    }
  }
  if (best && best.name.split(' ').length >= parts.length) return { name: best.name, entity: best };
  return { name, entity: best };
}

/** Is this head noun a generic, unnamed source ("observers", "analysts", "sources")? */
export function isGenericHead(head: string | null): boolean {
  return !!head && NON_SOURCES.has(head);
}

export { ROLE_NOUNS, GROUP_NOUNS };
