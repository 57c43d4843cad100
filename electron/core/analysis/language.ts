// Language of a text (ISO 639-1, or "unknown" rather than a guess): function words first, franc-min for the rest.
import { francAll } from 'franc-min';
import { lowerBound } from './offsets.js';

/** franc-min's ISO 639-3 codes → ISO 639-1 (languages without a two-letter code are reported as unknown). */
const ISO3_TO_1: Record<string, string> = {
  eng: 'en', spa: 'es', fra: 'fr', deu: 'de', por: 'pt', ita: 'it', nld: 'nl', pol: 'pl', tur: 'tr', ron: 'ro',
  ind: 'id', zlm: 'ms', jav: 'jv', sun: 'su', vie: 'vi', swh: 'sw', hau: 'ha', fuv: 'ff', bos: 'bs', hrv: 'hr',
  srp: 'sr', ckb: 'ku', yor: 'yo', uzn: 'uz', ibo: 'ig', tgl: 'tl', hun: 'hu', azj: 'az', ces: 'cs', run: 'rn',
  plt: 'mg', qug: 'qu', nya: 'ny', zyb: 'za', kin: 'rw', zul: 'zu', swe: 'sv', lin: 'ln', som: 'so',
  rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', kaz: 'kk', arb: 'ar', urd: 'ur', pes: 'fa', pbu: 'ps',
  hin: 'hi', mar: 'mr', npi: 'ne', cmn: 'zh', jpn: 'ja', kor: 'ko', tha: 'th', ell: 'el', heb: 'he', ben: 'bn',
  tam: 'ta', tel: 'te', kan: 'kn', mal: 'ml', guj: 'gu', pan: 'pa', ory: 'or', sin: 'si', amh: 'am', kat: 'ka',
  hye: 'hy', khm: 'km', mya: 'my', lao: 'lo', tir: 'ti', div: 'dv', ydd: 'yi', bod: 'bo', uig: 'ug',
};

/** Frequent function words of the languages the app must tell apart reliably (each list distinctive of its language). */
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the of and to in is that for it was with as on be by this are from at his have has had not but were which an they their said who will would been its after more than about into there also what',
  es: 'el la los las de del que y en un una por con para es al se su sus lo como más pero fue ha sido este esta entre sin sobre también dijo según hasta desde muy ya ante tras',
  fr: 'le la les de des du et en un une est que qui dans pour pas par sur au aux avec ce cette il elle ont sont été mais ses leur plus nous vous selon après entre lors être fait a-t-il',
  de: 'der die das und ist nicht ein eine einer dem den des zu mit sich auf für von im auch es nach bei aus wird wurde hat haben sind war noch wie über dass vor um zum zur',
  pt: 'o os as de do da dos das e em um uma que para com não no na nos nas por mais ao se seu sua foi são pelo pela como mas também disse após entre sobre até ele ela',
  it: 'il lo gli di del della dei delle che e è per con non una sono nel nella alla alle ha anche più come ma sul dal questo questa essere stato dopo tra ai',
  nl: 'de het een en van in is dat op te voor met zijn niet aan er ook als bij door maar om dan nog wordt werd over naar hij zij heeft hebben deze',
};

/** Letters beyond a–z that each Latin-script language uses; others in quantity mean another language. */
const LATIN_EXTRAS: Record<string, string> = {
  en: 'éèëïöüçñáíóúàâêîôû', es: 'áéíóúñüàèç', pt: 'áâãàçéêíóôõúüè', fr: 'àâçéèêëîïôûùüÿœæ', de: 'äöüßéèáàçñ', it: 'àèéìíîòóùúç',
  nl: 'éëïóöüèáäê', sv: 'åäöéüà', pl: 'ąćęłńóśźżéü', tr: 'çğıöşüâîû', ro: 'ăâîșşțţéá', hu: 'áéíóöőúüű', cs: 'áčďéěíňóřšťúůýž',
  id: 'éè', ms: 'éè', vi: 'àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ', hr: 'čćđšž', bs: 'čćđšž', sr: 'čćđšž',
  az: 'çəğıöşü', uz: 'ʻʼ', tl: 'ñ', sw: '', ha: 'ɓɗƙ', yo: 'àáèéẹìíòóọùúṣ', ig: 'ịọụṅ', zu: '', so: '', rw: '', jv: 'éè', su: 'éè',
};
const NON_ASCII_RE = /[^\x00-\x7f]/;
const NON_ASCII_G = /[^\x00-\x7f]/g;
/** Latin-script characters (the only ASCII ones are a–z and A–Z, which do not count as foreign). */
const LATIN_RE = /^\p{Script=Latin}$/u;
/** Latin script of UTF-16 code units beyond ASCII, filled in as met: 0 = not yet known, 1 = yes, 2 = no. */
const LATIN_UNITS = new Uint8Array(65536);

/** True when a Latin-script text has many letters the language does not use (þ, ð in "Swedish" = Icelandic). */
function foreignLetters(sample: string, lang: string, letters: number): boolean {
  const extras = LATIN_EXTRAS[lang];
  if (extras === undefined || !NON_ASCII_RE.test(sample)) return false;
  // Latin-script characters other than a–z and A–Z (code points), as /(?![a-zA-Z])\p{Script=Latin}/gu finds them:
  // only non-ASCII units are looked at.
  const latin = LATIN_UNITS;
  let foreign = 0;
  const n = sample.length;
  NON_ASCII_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NON_ASCII_G.exec(sample)) !== null) {
    const i = m.index;
    const c = sample.charCodeAt(i);
    let ch: string;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && sample.charCodeAt(i + 1) >= 0xdc00 && sample.charCodeAt(i + 1) <= 0xdfff) {
      ch = sample.slice(i, i + 2);
      NON_ASCII_G.lastIndex = i + 2;
      if (!LATIN_RE.test(ch)) continue;
    } else {
      let v = latin[c];
      if (v === 0) { v = LATIN_RE.test(sample[i]) ? 1 : 2; latin[c] = v; }
      if (v === 2) continue;
      ch = sample[i];
    }
    if (!extras.includes(ch.toLowerCase())) foreign++;
  }
  return foreign >= 3 && foreign > letters * 0.01;
}

const CYRILLIC = new Set(['rus', 'ukr', 'bel', 'bul', 'srp', 'bos', 'kaz', 'uzn', 'azj', 'koi']);
const WORD_LISTS = new Map<string, Set<string>>(Object.entries(FUNCTION_WORDS).map(([lang, words]) => [lang, new Set(words.split(' '))]));
const LETTER_RE = /^\p{L}$/u;
const NUMBER_RE = /^[\p{N}_]$/u;
const SAMPLE_CHARS = 2000;
const FRANC_CHARS = 1500;
const MIN_LETTERS = 24;

function normaliseHint(hint: string | null | undefined): string | null {
  if (!hint) return null;
  const m = /^([a-z]{2,3})(?:[-_].*)?$/i.exec(hint.trim());
  if (!m) return null;
  const code = m[1].toLowerCase();
  if (code.length === 2) return code;
  return ISO3_TO_1[code] ?? null;
}

/** The languages with function words; they are referred to by their index here. */
const LANGS = [...WORD_LISTS.keys()];
/** Function word → the languages it belongs to (one lookup per word). */
const WORD_LANGS = new Map<string, number[]>();
LANGS.forEach((lang, id) => { for (const w of WORD_LISTS.get(lang)!) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), id]); });

/** A word of ASCII letters (any case) as a number, one base-27 digit per letter: one-to-one up to ASCII_CODE_LETTERS letters. */
const ASCII_CODE_LETTERS = 6;
function asciiCodeStep(code: number, c: number): number {
  return code * 27 + ((c | 0x20) - 96);
}
/** The function words made of ASCII letters, by code (they are all short enough to have one). */
const ASCII_WORD_LANGS = new Map<number, number[]>();
for (const [w, ids] of WORD_LANGS) {
  if (!/^[a-z]+$/.test(w)) continue;
  if (w.length > ASCII_CODE_LETTERS) throw new Error(`function word "${w}" is too long for its code`);
  let code = 0;
  for (let i = 0; i < w.length; i++) code = asciiCodeStep(code, w.charCodeAt(i));
  ASCII_WORD_LANGS.set(code, ids);
}

/** Function-word hits of a sample (or a part of it): the best language, its hits, the runner-up's hits, the word count. */
interface Votes { best: string | null; bestHits: number; second: number; words: number }

/** The longest function word: longer words are not looked up (lower-casing never shortens a word). */
const LONGEST_WORD = Math.max(...[...WORD_LANGS.keys()].map((w) => w.length));

/**
 * Character classes by UTF-16 code unit, filled in as characters are met (1 = in the class, 2 = not): the Unicode
 * property regexes are slow when run over every character. Characters outside the BMP are tested directly.
 */
const LETTER_UNITS = new Uint8Array(65536);
const NUMBER_UNITS = new Uint8Array(65536);

function inClass(table: Uint8Array, re: RegExp, s: string, i: number, c: number): number {
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return re.test(s.slice(i, i + 2)) ? 2 : 0;
  }
  let v = table[c];
  if (v === 0) { v = re.test(s[i]) ? 1 : 2; table[c] = v; }
  return v === 1 ? 1 : 0;
}

/**
 * Length in code units of the letter (\p{L}) at i of s, 0 if none, -1 for ' ’ - (inside words); c = the unit at i.
 * `known` is LETTER_UNITS (passed in by the hot loop).
 */
function wordUnitAt(s: string, i: number, c: number, known: Uint8Array): number {
  if (c === 39 || c === 45 || c === 0x2019) return -1;
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  return inClass(known, LETTER_RE, s, i, c);
}

/** Length in code units of the number character or underscore at i, 0 if none. `known` is NUMBER_UNITS. */
function numberAt(s: string, i: number, known: Uint8Array): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || c === 95 ? 1 : 0;
  return inClass(known, NUMBER_RE, s, i, c);
}

/** Units that may start a run of number characters or underscores. */
const MAYBE_NUMBER_G = /[0-9_\u0080-\uffff]/g;

/** `s` with every run of number characters and underscores replaced by one space (as s.replace(/[\p{N}_]+/gu, ' ')). */
function blankNumbers(s: string): string {
  let out = '';
  let last = 0;
  const n = s.length;
  const numberUnits = NUMBER_UNITS;
  // only digits, "_" and non-ASCII units can start a run
  MAYBE_NUMBER_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MAYBE_NUMBER_G.exec(s)) !== null) {
    const i = m.index;
    let w = numberAt(s, i, numberUnits);
    if (w === 0) continue;
    let j = i + w;
    while (j < n && (w = numberAt(s, j, numberUnits)) > 0) j += w;
    out += s.slice(last, i) + ' ';
    last = j;
    MAYBE_NUMBER_G.lastIndex = j;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** The languages whose function word is the non-ASCII word sample.slice(start, end). */
function wordLangs(sample: string, start: number, end: number): number[] | undefined {
  if (end - start > LONGEST_WORD) return undefined;
  return WORD_LANGS.get(sample.slice(start, end).toLowerCase());
}

/**
 * Languages of every word (a run of letters, ' ’ and -) of a sample, in order, with each word's offset, and the
 * number of code units that are letters (as sample.replace(/[^\p{L}]+/gu, '').length). One pass; the votes of
 * parts are sums.
 */
function wordLanguages(sample: string): { at: number[]; langs: Array<number[] | undefined>; letters: number } {
  const at: number[] = [];
  const langs: Array<number[] | undefined> = [];
  const letterUnits = LETTER_UNITS;
  const asciiWords = ASCII_WORD_LANGS;
  let letters = 0;
  let i = 0;
  const n = sample.length;
  while (i < n) {
    let c = sample.charCodeAt(i);
    let w = wordUnitAt(sample, i, c, letterUnits);
    if (w === 0) { i++; continue; }
    const start = i;
    let ascii = true; // ASCII letters only
    let code = 0; // asciiCodeStep over the letters while ascii
    while (true) {
      if (w < 0) { ascii = false; i++; } else {
        letters += w;
        if (c >= 128) ascii = false; else if (ascii) code = asciiCodeStep(code, c);
        i += w;
      }
      if (i >= n) break;
      c = sample.charCodeAt(i);
      w = wordUnitAt(sample, i, c, letterUnits);
      if (w === 0) break;
    }
    at.push(start);
    // ASCII words longer than the code's letters are not function words
    langs.push(!ascii ? wordLangs(sample, start, i) : i - start <= ASCII_CODE_LETTERS ? asciiWords.get(code) : undefined);
  }
  return { at, langs, letters };
}

/** Votes of words from..to-1 (counted in order of first appearance, so ties fall as in a scan of that part alone). */
function votesOf(langs: Array<number[] | undefined>, from: number, to: number): Votes {
  const counts = new Array<number>(LANGS.length).fill(0);
  const order: number[] = [];
  for (let i = from; i < to; i++) {
    const ls = langs[i];
    if (ls) for (const id of ls) { if (counts[id]++ === 0) order.push(id); }
  }
  let best: string | null = null;
  let bestHits = 0;
  let second = 0;
  for (const id of order) {
    const c = counts[id];
    if (c > bestHits) { second = bestHits; bestHits = c; best = LANGS[id]; } else if (c > second) second = c;
  }
  return { best, bestHits, second, words: to - from };
}

/**
 * The language of `text` as an ISO 639-1 code, or "unknown" when the text is too short, mixed, or in a language that
 * cannot be told with confidence. `hint` (the feed's declared language) only settles texts too short to judge and
 * close calls between the hinted language and another.
 */
export function detectLanguage(text: string, hint?: string | null): string {
  const hinted = normaliseHint(hint);
  const head = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const raw = head.includes('http') ? head.replace(/https?:\/\/\S+/g, ' ') : head;
  const sample = blankNumbers(raw);
  const { at, langs, letters } = wordLanguages(sample);
  if (letters < MIN_LETTERS) return hinted ?? 'unknown';

  const votes = votesOf(langs, 0, langs.length);
  // The two halves clearly in different well-known languages: a mixed text, not one language.
  if (votes.words >= 12) {
    // `mid` is a space, so no word straddles it: the halves' words are the sample's words before and after it.
    const mid = sample.lastIndexOf(' ', sample.length >> 1);
    let a: Votes;
    let b: Votes;
    if (mid >= 0) {
      const split = lowerBound(at, mid);
      a = votesOf(langs, 0, split);
      b = votesOf(langs, split, langs.length);
    } else {
      // No space in the first half: the halves are "all but the last character" and "the last character".
      const head = wordLanguages(sample.slice(0, mid)).langs;
      const tail = wordLanguages(sample.slice(mid)).langs;
      a = votesOf(head, 0, head.length);
      b = votesOf(tail, 0, tail.length);
    }
    const clear = (v: typeof a): boolean => v.bestHits >= 3 && v.bestHits >= v.second * 1.5;
    if (clear(a) && clear(b) && a.best !== b.best) return 'unknown';
  }
  if (votes.best && votes.words >= 6) {
    const share = votes.bestHits / votes.words;
    const enough = votes.bestHits >= 3 || (votes.words < 12 && votes.bestHits >= 2 && share >= 0.2);
    if (share >= 0.12 && enough && votes.bestHits >= votes.second * 1.6 && !foreignLetters(sample, votes.best, letters)) return votes.best;
  }

  const ranked = francAll(sample.length > FRANC_CHARS ? sample.slice(0, FRANC_CHARS) : sample, { minLength: 10 });
  const [top, next] = ranked;
  if (!top || top[0] === 'und') return hinted ?? 'unknown';
  const topCode = ISO3_TO_1[top[0]] ?? null;
  const nextCode = next ? ISO3_TO_1[next[0]] ?? null : null;
  if (hinted && (hinted === topCode || hinted === nextCode) && (!next || next[1] > 0.9)) return hinted;
  // Scores are relative to the best (1.0): a runner-up this close means franc is guessing.
  const margin = next ? 1 - next[1] : 1;
  // Cyrillic languages sit close together in franc's scores; elsewhere a runner-up within 2% is a coin toss.
  const closeFamily = next !== undefined && CYRILLIC.has(top[0]) && CYRILLIC.has(next[0]);
  const needed = closeFamily ? 0.004 : letters < 60 ? 0.12 : letters < 150 ? 0.03 : 0.02;
  if (!topCode || margin < needed) return hinted && letters < 120 ? hinted : 'unknown';
  if (foreignLetters(sample, topCode, letters)) return 'unknown';
  // A text in which the function words of one well-known language are frequent but franc says otherwise is mixed.
  if (votes.best && votes.best !== topCode && votes.bestHits >= 4 && votes.bestHits >= votes.second * 2 && votes.bestHits / Math.max(1, votes.words) >= 0.15) return 'unknown';
  return topCode;
}
