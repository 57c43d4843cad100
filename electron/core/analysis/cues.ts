// Speech cues per language (en, es, fr, de, pt, plus a few for dash speech elsewhere): the verbs and phrases that report speech.

/**
 * What follows a cue:
 *  clause      a (that-)clause: "said (that) …"
 *  object      a noun phrase or object + infinitive: "urged X to …", "condemned X", "called for X"
 *  infinitive  "vowed to …" (content without "to")
 *  told        object then clause: "told reporters (that) …"
 *  according   "according to X, …" / "…, according to X"
 *  as          "described X as Y" / "called X Y": the whole object
 */
export type CueKind = 'clause' | 'object' | 'infinitive' | 'told' | 'according' | 'as';

/** `needsThat`: a statement only with a that-clause ("maintained that …", not "maintained his lead"). */
export interface Cue { kind: CueKind; participle?: boolean; weak?: boolean; needsThat?: boolean }

type Lexicon = Record<string, Cue>;

const C: Cue = { kind: 'clause' };
const O: Cue = { kind: 'object' };
const I: Cue = { kind: 'infinitive' };
const P: Cue = { kind: 'clause', participle: true };
const PO: Cue = { kind: 'object', participle: true };
const THAT_ONLY: Cue = { kind: 'clause', needsThat: true };

function forms(list: string, cue: Cue, into: Lexicon): void {
  for (const w of list.split('|')) if (w) into[w] = cue;
}

const EN: Lexicon = {};
forms('said|says|say|stated|states|added|adds|claimed|claims|claim|announced|announces|declared|declares|confirmed|confirms|' +
  'warned|warns|insisted|insists|argued|argues|argue|asserted|asserts|noted|notes|explained|explains|' +
  'wrote|writes|acknowledged|acknowledges|admitted|admits|suggested|suggests|predicted|predicts|reiterated|reiterates|' +
  'responded|replied|countered|concluded|ruled|rules|revealed|reveals|tweeted|complained|complains|' +
  'stressed|stresses|emphasized|emphasised|emphasizes|emphasises|contended|contends|testified|conceded|concedes|' +
  'assured|assures|agreed|agrees|remarked|announced|boasted|quipped|joked|shouted|yelled|exclaimed|answered|' +
  'mused|bragged|scoffed|retorted|cautioned|lamented|pointed out|points out|echoed|insisted|conceded|wondered|' +
  'disclosed|confided|whispered|replied|chanted|chant|chants|sang|texted|emailed|messaged|reported|reports|indicated|indicates|hinted|hints|' +
  'signaled|signalled|signals|implied|implies|speculated|speculates|proclaimed|proclaims|recounted|recounts|' +
  'informed|noted that|has said|have said|had said|wrote that', C, EN);
forms('urged|urges|urge|called for|calls for|call for|called on|calls on|call on|demanded|demands|demand|ordered|orders|' +
  'denied|denies|deny|rejected|rejects|reject|accused|accuses|accuse|condemned|condemns|condemn|criticised|criticized|' +
  'criticises|criticizes|criticise|criticize|congratulated|congratulates|praised|praises|welcomed|welcomes|dismissed|dismisses|' +
  'raised concerns about|raised concern about|raised concerns over|expressed concern about|expressed concern over|' +
  'expressed concerns about|expressed concerns over|asked|asks|cited|cites|blamed|blames|alleged|alleges|requested|requests|' +
  'questioned|questions|appealed to|appealed for|attacked|attacks|blasted|blasts|slammed|slams|lambasted|lambastes|mocked|mocks|' +
  'ridiculed|decried|decries|touted|touts|hailed|hails|endorsed|endorses|proposed|proposes|defended|defends|disputed|disputes|' +
  'likened|likens|thanked|thanks|apologized for|apologised for|pushed for|advocated|advocates|recommended|recommends|opposed|opposes|' +
  'pointed to|points to|spoke of|spoke about|speaks of|outlined|outlines|' +
  'highlighted|highlights|lauded|lauds|invoked|invokes|repeated|repeats|floated|floats|reaffirmed|reaffirms', O, EN);
/** Reported beliefs and intentions ("believes (that) …", "wants to …"): sources in news, not speech. */
export const BELIEF_CUES = true;
if (BELIEF_CUES) {
  forms('believes|believed|believe|thinks|thought|think|hopes|hoped|fears|feared|doubts|doubted|feels|felt|expects|expected|' +
    'worries|worried|suspects|suspected|is convinced|are convinced|was convinced|were convinced', C, EN);
  // reported knowledge and confidence: "knew that …", "is confident that …"
  forms('assumed|assumes|understood|understands|knew|knows|recognized|recognizes|recognised|realized|realizes|learned|' +
    'is confident|was confident|are confident|were confident|is sure|was sure|is worried|was worried|are worried|' +
    'is concerned|was concerned|are concerned|were concerned|is aware|was aware|are aware', THAT_ONLY, EN);
  forms('wants|wanted|plans|planned|intends|intended|hopes to|hoped to|seeks|sought|aims|aimed', I, EN);
}
forms('vowed|vows|vow|pledged|pledges|pledge|promised|promises|promise|threatened|threatens', I, EN);
forms('described|describes|called|calls|call|branded|brands|labelled|labeled|termed|dubbed', { kind: 'as' }, EN);
forms('according to', { kind: 'according' }, EN);
// clause verbs that also take a plain noun object ("maintained his lead", "mentioned Navalny's name")
forms('maintained|maintains|continued|posted|observed|recalled|mentioned|mentions', THAT_ONLY, EN);
forms('told|tells|reminded|reminds|assured|assures|warned|warns|informed|informs', { kind: 'told' }, EN);
forms('charged that|charges that|objected that|protested that|complained that|bragged that|boasted that', C, EN);
forms('saying|adding|arguing|insisting|warning|claiming|stating|noting|explaining|asserting|declaring|announcing|' +
  'suggesting|stressing|emphasizing|emphasising|predicting|highlighting|alleging|admitting|acknowledging|conceding|' +
  'maintaining|contending|asserting|reiterating|recalling|complaining|chanting|shouting|singing|echoing|boasting|joking|quipping|writing|tweeting|posting', P, EN);
forms('telling', { kind: 'told', participle: true }, EN);
forms('urging|calling for|calling on|demanding|denying|rejecting|accusing|condemning|criticising|criticizing|citing|' +
  'congratulating|praising|blaming|ordering|requesting|asking|attacking|blasting|slamming|mocking|touting|hailing|endorsing|' +
  'proposing|defending|disputing|thanking|referring to|referencing', PO, EN);
forms('vowing|pledging|promising', { kind: 'infinitive', participle: true }, EN);
forms('describing|calling|branding', { kind: 'as', participle: true }, EN);

const ES: Lexicon = {};
forms('dijo|dice|afirmó|afirma|aseguró|asegura|declaró|declara|señaló|señala|explicó|explica|añadió|añade|agregó|agrega|' +
  'indicó|indica|sostuvo|sostiene|advirtió|advierte|anunció|anuncia|confirmó|confirma|manifestó|expresó|insistió|insiste|' +
  'subrayó|subraya|destacó|destaca|comentó|precisó|apuntó|consideró|considera|admitió|admite|reconoció|reconoce|aseveró|' +
  'recalcó|enfatizó|denunció|denuncia|alertó|opinó|respondió|replicó|escribió|concluyó|sentenció|argumentó|alegó|acotó|' +
  'han dicho|ha dicho|ha afirmado|ha asegurado|ha señalado|ha declarado|ha anunciado', C, ES);
forms('negó|niega|rechazó|rechaza|criticó|critica|exigió|exige|pidió|pide|instó|insta|acusó|acusa|condenó|condena|' +
  'reclamó|reclama|felicitó|elogió|calificó|califica|llamó a|ordenó', O, ES);
forms('prometió|promete|juró', I, ES);
forms('según|de acuerdo con', { kind: 'according' }, ES);
forms('diciendo|afirmando|asegurando|señalando|añadiendo|agregando|advirtiendo|explicando|insistiendo|subrayando|destacando', P, ES);
forms('criticando|denunciando|pidiendo|exigiendo|acusando', PO, ES);

const FR: Lexicon = {};
forms('déclaré|dit|affirmé|assuré|ajouté|souligné|estimé|expliqué|indiqué|précisé|averti|annoncé|confirmé|martelé|insisté|' +
  'lancé|conclu|jugé|regretté|plaidé|prévenu|rappelé|reconnu|admis|répondu|répliqué|écrit|relevé|observé|noté|soutenu|' +
  'déclare|affirme|assure|ajoute|souligne|estime|explique|indique|précise|avertit|confirme|martèle|insiste|' +
  'regrette|reconnaît|répond|écrit|dénonce|prévient|félicité|dit-il|dit-elle|déclare-t-il|estime-t-il|' +
  'affirmait|déclarait|expliquait|assurait|ajoutait', C, FR);
forms('dénoncé|critiqué|fustigé|condamné|exigé|réclamé|demandé|appelé|accusé|démenti|nié|rejeté|salué|' +
  'fustige|condamne|exige|réclame|accuse|dément|nie|rejette|salue|félicite', O, FR);
forms('promis|promet|juré|jure', I, FR);
forms('selon|d’après|d\'après', { kind: 'according' }, FR);
forms('assurant|affirmant|estimant|ajoutant|soulignant|déclarant|expliquant|précisant|indiquant|martelant|prévenant|' +
  'rappelant|jugeant|adressant', P, FR);
forms('dénonçant|fustigeant|critiquant|condamnant|appelant|réclamant|exigeant|accusant|saluant|rejetant', PO, FR);

const DE: Lexicon = {};
forms('sagte|sagt|sagten|erklärte|erklärt|erklärten|betonte|betont|warnte|warnt|meinte|meint|bekräftigte|behauptete|' +
  'behauptet|unterstrich|räumte|kündigte|teilte|bestätigte|bestätigt|versicherte|schrieb|argumentierte|mahnte|ergänzte|' +
  'hieß es|sprach|so', C, DE);
forms('forderte|fordert|forderten|kritisierte|kritisiert|verurteilte|verurteilt|dementierte|bestritt|bestreitet|' +
  'wies|warf|lobte|gratulierte|rief', O, DE);
forms('versprach|verspricht|kündigte an', I, DE);
forms('laut|zufolge|nach angaben', { kind: 'according' }, DE);
// 'so' (postposed "…, so Merz") is only ever used after a comma; see reported.ts
DE.so = { kind: 'clause', weak: true };

const PT: Lexicon = {};
forms('disse|diz|afirmou|afirma|declarou|declara|garantiu|garante|ressaltou|ressalta|destacou|destaca|explicou|explica|' +
  'acrescentou|acrescenta|alertou|alerta|anunciou|anuncia|confirmou|confirma|admitiu|admite|reconheceu|reconhece|' +
  'observou|salientou|sublinhou|avaliou|avalia|comentou|informou|argumentou|escreveu|insistiu|respondeu|concluiu|' +
  'advertiu|assegurou|frisou|declararam|disseram|afirmaram', C, PT);
forms('negou|nega|rejeitou|rejeita|criticou|critica|exigiu|exige|pediu|pede|acusou|acusa|condenou|condena|' +
  'cobrou|cobra|parabenizou|elogiou|denunciou|denuncia', O, PT);
forms('prometeu|promete|jurou', I, PT);
forms('segundo|de acordo com', { kind: 'according' }, PT);
forms('dizendo|afirmando|ressaltando|destacando|acrescentando|explicando|alertando|garantindo', P, PT);
forms('criticando|pedindo|exigindo|acusando|denunciando', PO, PT);

/** Speech verbs of other languages, used only to attribute quotations and dash speech. */
const OTHER_WORDS = ('powiedział|powiedziała|powiedzieli|mówi|dodał|dodała|stwierdził|stwierdziła|podkreślił|zaznaczył|' +
  'sagði|segir|sögðu|sagt|sier|sa|sagde|siger|säger|sade|sanoi|sanoo|dedi|söyledi|dedi|belirtti|açıkladı|' +
  'сказал|сказала|заявил|заявила|zei|zegt|aldus|verklaarde|disse|dichiarato|detto|ha detto|ha dichiarato|afferma|ha affermato')
  .split('|');

export const LEXICONS: Record<string, Lexicon> = { en: EN, es: ES, fr: FR, de: DE, pt: PT };

const ALL_WORDS = new Set<string>();
for (const lex of Object.values(LEXICONS)) for (const k of Object.keys(lex)) if (!k.includes(' ') && k !== 'so' && k !== 'laut' && k !== 'selon') ALL_WORDS.add(k);
for (const w of OTHER_WORDS) ALL_WORDS.add(w);
for (const w of ['dit', 'said', 'says', 'told', 'added']) ALL_WORDS.add(w);
for (const w of ['nie', 'so', 'sa', 'e', 'a', 'rules', 'states', 'notes', 'calls', 'call', 'claim', 'deny', 'promise', 'vow', 'pledge', 'demand', 'urge', 'reject', 'accuse', 'condemn', 'argue', 'say']) ALL_WORDS.delete(w);

const SINGLE_WORDS: Record<string, Set<string>> = {};
for (const [lang, lex] of Object.entries(LEXICONS)) {
  SINGLE_WORDS[lang] = new Set(Object.keys(lex).filter((k) => !k.includes(' ') && ALL_WORDS.has(k)));
}
const OTHER_SET = new Set([...OTHER_WORDS, 'said', 'says', 'told', 'added', 'stated']);

/** Is this word a speech verb in the given language (or, for other languages, one of the known speech words)? */
export function isSpeechWordIn(word: string, language: string): boolean {
  const w = word.toLowerCase();
  const set = SINGLE_WORDS[language];
  return set ? set.has(w) : OTHER_SET.has(w);
}

/** Is this single word a speech verb in any language we know (for dash speech and quote attribution)? */
export function isSpeechWord(word: string): boolean {
  return ALL_WORDS.has(word.toLowerCase());
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const regexCache = new Map<string, RegExp>();

function cueWords(key: string): string[] {
  const words = key === 'other' ? [...Object.keys(EN), ...OTHER_WORDS] : Object.keys(LEXICONS[key]!);
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

function cueAlternation(words: string[]): string {
  return words.map((w) => escapeRe(w).replace(/ /g, '\\s+')).join('|');
}

const cueKey = (language: string): string => (LEXICONS[language] ? language : 'other');

/** One global regex matching every cue of a language (longest first), on word boundaries; languages outside the
 * lexicons get English plus the other-language speech words. The reference reading of `nextCue`. */
export function cueRegex(language: string): RegExp {
  const key = cueKey(language);
  let re = regexCache.get(key);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}’'-])(?:${cueAlternation(cueWords(key))})(?![\\p{L}\\p{N}])`, 'giu');
    regexCache.set(key, re);
  }
  return re;
}

/** A fast reading of `cueRegex`: a sticky regex tried only where a cue can start, i.e. at a word start (the look-behind,
 * checked in code) whose run of ASCII letters is the ASCII head of some cue ("said", "according", "d" of "d’après"),
 * or that has a non-ASCII letter in reach (case folding is then left to the regex). */
interface CueScanner {
  /** The alternation and the right boundary, matched only at lastIndex. */
  sticky: RegExp;
  /** Hashes of the lower-cased leading ASCII letters of every cue (a collision only costs a regex try). */
  heads: Set<number>;
  /** Does some cue start with an ASCII character that is not a letter? */
  otherAsciiStart: boolean;
}

const scannerCache = new Map<string, CueScanner | null>();

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A hash of the lower-cased ASCII letters s[i, j). */
function asciiHash(s: string, i: number, j: number): number {
  let h = j - i;
  for (let k = i; k < j; k++) h = (Math.imul(h, 31) + (s.charCodeAt(k) | 32)) | 0;
  return h;
}

function scannerOf(key: string): CueScanner | null {
  let sc = scannerCache.get(key);
  if (sc === undefined) {
    const words = cueWords(key);
    const heads = new Set<number>();
    let otherAsciiStart = false;
    for (const w of words) {
      const lw = w.toLowerCase();
      let n = 0;
      while (n < lw.length && isAsciiLetter(lw.charCodeAt(n))) n++;
      heads.add(asciiHash(lw, 0, n));
      if (n === 0 && lw.charCodeAt(0) < 128) otherAsciiStart = true;
    }
    // no cue words (an odd language key), or a cue whose head is followed by a letter that case-folds to ASCII ("ſ"):
    // the reference regex reads the text itself
    const foldsToAscii = words.some((w) => { const x = w.toLowerCase().replace(/^[a-z]+/, ''); return /^[a-z]/iu.test(x); });
    sc = words.length && !foldsToAscii ? { sticky: new RegExp(`(?:${cueAlternation(words)})(?![\\p{L}\\p{N}])`, 'iuy'), heads, otherAsciiStart } : null;
    scannerCache.set(key, sc);
  }
  return sc;
}

const CUE_LEFT = /[\p{L}\p{N}’'-]/iu;

/** Does the code point before index i of s stop a cue from starting at i (the cue regex's look-behind)? */
function wordCharBefore(s: string, i: number): boolean {
  if (i === 0) return false;
  const c = s.charCodeAt(i - 1);
  if (c < 128) return isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 39 || c === 45;
  const pair = c >= 0xdc00 && c <= 0xdfff && i >= 2 && s.charCodeAt(i - 2) >= 0xd800 && s.charCodeAt(i - 2) <= 0xdbff;
  return CUE_LEFT.test(s.slice(pair ? i - 2 : i - 1, i));
}

/** Is index i of s the second half of a surrogate pair (never a match start)? */
function insidePair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff;
}

/** The cue starting exactly at index i of s, if any. */
function cueAt(sc: CueScanner, s: string, i: number): RegExpExecArray | null {
  sc.sticky.lastIndex = i;
  return sc.sticky.exec(s);
}

/** The first cue of `language` in s at or after `from`: the match `cueRegex(language).exec(s)` gives with lastIndex
 * `from` (index and matched text), found without running the whole alternation at every position. */
export function nextCue(language: string, s: string, from: number): RegExpExecArray | null {
  const sc = scannerOf(cueKey(language));
  if (!sc) { const re = cueRegex(language); re.lastIndex = from; return re.exec(s); }
  const n = s.length;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isAsciiLetter(c)) {
      // a run of ASCII letters: only its first letter can start a cue
      let j = i + 1;
      while (j < n && isAsciiLetter(s.charCodeAt(j))) j++;
      if (!wordCharBefore(s, i) && ((j < n && s.charCodeAt(j) >= 128) || sc.heads.has(asciiHash(s, i, j)))) {
        const m = cueAt(sc, s, i);
        if (m) return m;
      }
      i = j - 1;
    } else if (c < 128 ? sc.otherAsciiStart : !insidePair(s, i)) {
      if (!wordCharBefore(s, i)) {
        const m = cueAt(sc, s, i);
        if (m) return m;
      }
    }
  }
  return null;
}

/** The cue entry for a matched cue string in a language (whitespace normalised, lower-cased). */
export function cueOf(language: string, matched: string): Cue {
  const k = matched.toLowerCase().replace(/\s+/g, ' ');
  const lex = LEXICONS[language] ?? EN;
  return lex[k] ?? EN[k] ?? { kind: 'clause' };
}

/** Pronouns that can be the subject of a speech verb, per language, lower-cased. */
export const PRONOUNS: Record<string, 'm' | 'f' | 'pl' | 'n' | 'x'> = {
  he: 'm', she: 'f', they: 'pl', it: 'n', we: 'pl', i: 'x',
  il: 'm', elle: 'f', ils: 'pl', elles: 'pl', lui: 'm', on: 'x',
  él: 'm', ella: 'f', ellos: 'pl', ellas: 'pl',
  er: 'm', sie: 'x', es: 'n',
  ele: 'm', ela: 'f', eles: 'pl', elas: 'pl',
};

/** Sources that never count as speakers: unnamed generic sources, data, polls and news outlets (lower-cased heads). */
export const NON_SOURCES = new Set([
  'observers', 'analysts', 'experts', 'critics', 'commentators', 'sources', 'source', 'reports', 'report', 'poll', 'polls',
  'survey', 'surveys', 'respondents', 'data', 'figures', 'estimates', 'estimations', 'projections', 'count', 'tally',
  'results', 'result', 'media', 'newspaper', 'newspapers', 'press', 'community', 'people', 'some', 'many', 'others',
  'studies', 'study', 'research', 'statistics', 'forecasts', 'pollsters', 'document', 'documents', 'records',
  'reuters', 'ap', 'afp', 'efe', 'ani', 'pti', 'dpa', 'xinhua', 'tass', 'ria', 'bbc', 'cnn', 'nbc', 'abc', 'cbs', 'fox',
  'bloomberg', 'politico', 'axios', 'hochrechnungen', 'umfragen', 'umfrage', 'sondage', 'sondages',
  'estimaciones', 'encuestas', 'encuesta', 'pesquisa', 'pesquisas', 'sondagens', 'medios', 'médias', 'imprensa',
  'observateurs', 'analystes', 'experts', 'observadores', 'analistas', 'beobachter', 'experten', 'quellen', 'fuentes',
]);
