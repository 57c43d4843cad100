// Language of a text (ISO 639-1, or "unknown" rather than a guess): function words first, franc-min for the rest.
import { francAll } from 'franc-min';

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
const NON_ASCII_LATIN_RE = /(?![a-zA-Z])\p{Script=Latin}/gu;

/** True when a Latin-script text has many letters the language does not use (þ, ð in "Swedish" = Icelandic). */
function foreignLetters(sample: string, lang: string, letters: number): boolean {
  const extras = LATIN_EXTRAS[lang];
  if (extras === undefined || !NON_ASCII_RE.test(sample)) return false;
  let foreign = 0;
  for (const m of sample.matchAll(NON_ASCII_LATIN_RE)) if (!extras.includes(m[0].toLowerCase())) foreign++;
  return foreign >= 3 && foreign > letters * 0.01;
}

const CYRILLIC = new Set(['rus', 'ukr', 'bel', 'bul', 'srp', 'bos', 'kaz', 'uzn', 'azj', 'koi']);
const WORD_LISTS = new Map<string, Set<string>>(Object.entries(FUNCTION_WORDS).map(([lang, words]) => [lang, new Set(words.split(' '))]));
const WORD_RE = /[\p{L}'’-]+/gu;
const NON_LETTERS_RE = /[^\p{L}]+/gu;
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

/** Function word → the languages it belongs to (one lookup per word). */
const WORD_LANGS = new Map<string, string[]>();
for (const [lang, set] of WORD_LISTS) for (const w of set) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), lang]);

/** Function-word hits per language in a sample: the best language, its hits, the runner-up's hits, the word count. */
function functionWordVotes(sample: string): { best: string | null; bestHits: number; second: number; words: number } {
  const counts = new Map<string, number>();
  let words = 0;
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(sample)) !== null) {
    words++;
    const langs = WORD_LANGS.get(m[0].toLowerCase());
    if (langs) for (const lang of langs) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestHits = 0;
  let second = 0;
  for (const [lang, c] of counts) {
    if (c > bestHits) { second = bestHits; bestHits = c; best = lang; } else if (c > second) second = c;
  }
  return { best, bestHits, second, words };
}

/**
 * The language of `text` as an ISO 639-1 code, or "unknown" when the text is too short, mixed, or in a language that
 * cannot be told with confidence. `hint` (the feed's declared language) only settles texts too short to judge and
 * close calls between the hinted language and another.
 */
export function detectLanguage(text: string, hint?: string | null): string {
  const hinted = normaliseHint(hint);
  const sample = (text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text)
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\p{N}_]+/gu, ' ');
  const letters = sample.replace(NON_LETTERS_RE, '').length;
  if (letters < MIN_LETTERS) return hinted ?? 'unknown';

  const votes = functionWordVotes(sample);
  // The two halves clearly in different well-known languages: a mixed text, not one language.
  if (votes.words >= 12) {
    const mid = sample.lastIndexOf(' ', sample.length >> 1);
    const a = functionWordVotes(sample.slice(0, mid));
    const b = functionWordVotes(sample.slice(mid));
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
