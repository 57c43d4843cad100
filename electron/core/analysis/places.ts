// Countries: which countries' election an item concerns, where countries are mentioned, and the country of a phrase.
import { createRequire } from 'node:module';
import { hasElectionCue } from './relevance.js';
import { lowerBound } from './offsets.js';

export interface CountryMention { code: string; start: number; end: number; text: string }

type Kind = 'name' | 'demonym' | 'capital' | 'institution' | 'block';

interface Entry {
  tokens: string[];
  code: string;
  kind: Kind;
  lowerOk: boolean;
  /** Must be written in capitals: an abbreviation of up to three one-letter tokens ("U S"), or "us", "usa", "uk". */
  capitals: boolean;
}
interface Mention extends CountryMention { kind: Kind }

interface WorldCountry {
  cca2: string;
  independent: boolean | null;
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  altSpellings: string[];
  capital: string[];
  translations: Record<string, { common: string; official: string }>;
  demonyms?: Record<string, { f: string; m: string }>;
}
interface I18nCountries {
  registerLocale(data: unknown): void;
  getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
}

/** Languages whose country names are recognised (i18n-iso-countries locales). */
const NAME_LOCALES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'pl', 'tr', 'ro', 'sv', 'id', 'ru', 'uk', 'ar', 'fa', 'el', 'hu', 'cs'];
/** world-countries translation keys used in addition. */
const TRANSLATIONS = ['deu', 'fra', 'spa', 'por', 'ita', 'nld', 'pol', 'tur', 'swe', 'rus', 'ara'];

/** Upper-case abbreviations that name a country (two-letter ISO codes in general are too ambiguous: IN, IS, US…). */
const ABBREVIATIONS: Record<string, string> = {
  US: 'US', USA: 'US', 'U S': 'US', 'U S A': 'US', UK: 'GB', 'U K': 'GB', UAE: 'AE', DRC: 'CD', PRC: 'CN', ROK: 'KR', DPRK: 'KP',
  EEUU: 'US', 'EE UU': 'US', RDC: 'CD', EUA: 'US',
};

/**
 * Institutions and capital metonyms that stand for a country ("the Kremlin" → RU). Election bodies with the country
 * name in them need no entry ("Election Commission of Pakistan" is found by its name).
 */
const INSTITUTIONS: Record<string, string> = {
  'White House': 'US', 'State Department': 'US', 'Department of State': 'US', Pentagon: 'US', 'Capitol Hill': 'US', 'Oval Office': 'US',
  Kremlin: 'RU', 'State Duma': 'RU', Duma: 'RU', Kreml: 'RU',
  'Downing Street': 'GB', Whitehall: 'GB', Westminster: 'GB', 'Foreign Office': 'GB', 'House of Commons': 'GB', 'Buckingham Palace': 'GB',
  England: 'GB', Scotland: 'GB', Wales: 'GB', 'Northern Ireland': 'GB', Scottish: 'GB', Welsh: 'GB', Britain: 'GB', Briton: 'GB', Britons: 'GB',
  'Élysée': 'FR', Elysee: 'FR', 'Elysée': 'FR', 'Quai d’Orsay': 'FR', "Quai d'Orsay": 'FR', Matignon: 'FR',
  Bundestag: 'DE', Bundesrat: 'DE', Bundesregierung: 'DE', Kanzleramt: 'DE', Bundeskanzler: 'DE', Bundeskanzlerin: 'DE', Bundeswahlleiterin: 'DE', Bundeswahlleiter: 'DE',
  Zhongnanhai: 'CN', 'Lok Sabha': 'IN', 'Rajya Sabha': 'IN', IEBC: 'KE', INEC: 'NG', 'Tribunal Superior Eleitoral': 'BR', Planalto: 'BR', Itamaraty: 'BR',
  'Casa Rosada': 'AR', Moncloa: 'ES', 'La Moncloa': 'ES', 'Palazzo Chigi': 'IT', Quirinale: 'IT', Knesset: 'IL', Sejm: 'PL', 'Verkhovna Rada': 'UA',
  'Blue House': 'KR', 'Legislative Yuan': 'TW', Bundeskanzleramt: 'DE', Storting: 'NO', Riksdag: 'SE', Folketing: 'DK', Eduskunta: 'FI',
  'Electoral Commission of Uganda': 'UG', 'Tribunal Supremo de Elecciones': 'CR', 'Jurado Nacional de Elecciones': 'PE',
  Holland: 'NL', Burma: 'MM', 'Ivory Coast': 'CI', Czechia: 'CZ', 'South Korea': 'KR', 'North Korea': 'KP', 'Taiwanese': 'TW',
};

/**
 * Adjectives and demonyms in Spanish, Portuguese and German (world-countries has English and French only), for the
 * countries most in the news: stem + endings ("argentin" + o/a/os/as). Matched in lower case too.
 */
const ROMANCE_ENDINGS = ['o', 'a', 'os', 'as'];
const GERMAN_ENDINGS = ['', 'e', 'en', 'er', 'es', 'em'];
const ADJECTIVES: Array<[string, string[], string[]]> = [
  ['AR', ['argentin'], ROMANCE_ENDINGS], ['BR', ['brasileñ', 'brasileir'], ROMANCE_ENDINGS], ['CL', ['chilen'], ROMANCE_ENDINGS],
  ['MX', ['mexican'], ROMANCE_ENDINGS], ['CO', ['colombian'], ROMANCE_ENDINGS], ['VE', ['venezolan', 'venezuelan'], ROMANCE_ENDINGS],
  ['PE', ['peruan'], ROMANCE_ENDINGS], ['BO', ['bolivian'], ROMANCE_ENDINGS], ['EC', ['ecuatorian', 'equatorian'], ROMANCE_ENDINGS],
  ['UY', ['uruguay'], ['o', 'a', 'os', 'as']], ['PY', ['paraguay'], ['o', 'a', 'os', 'as']], ['CU', ['cuban'], ROMANCE_ENDINGS],
  ['IT', ['italian'], ROMANCE_ENDINGS], ['RU', ['rus'], ROMANCE_ENDINGS], ['UA', ['ucranian', 'ucranian'], ROMANCE_ENDINGS],
  ['HN', ['hondureñ'], ROMANCE_ENDINGS], ['SV', ['salvadoreñ'], ROMANCE_ENDINGS], ['GT', ['guatemaltec'], ROMANCE_ENDINGS],
  ['PA', ['panameñ'], ROMANCE_ENDINGS], ['DO', ['dominican'], ROMANCE_ENDINGS], ['AO', ['angolan'], ROMANCE_ENDINGS],
  ['MZ', ['moçambican', 'mozambiqueñ'], ROMANCE_ENDINGS], ['US', ['norte-american', 'norteamerican'], ROMANCE_ENDINGS],
  ['NI', ['nicaragüense', 'nicaragüenses'], ['']], ['CR', ['costarricense', 'costarricenses'], ['']], ['US', ['estadounidense', 'estadounidenses'], ['']],
  ['ES', ['español', 'española', 'españoles', 'españolas', 'espanhol', 'espanhola'], ['']], ['FR', ['francés', 'francesa', 'franceses', 'francês', 'francesas'], ['']],
  ['DE', ['alemán', 'alemana', 'alemanes', 'alemão', 'alemã', 'alemães'], ['']], ['PT', ['portugués', 'portuguesa', 'portugueses', 'português', 'portuguesas'], ['']],
  ['GB', ['británic', 'britânic'], ROMANCE_ENDINGS], ['CN', ['chin'], ['o', 'a', 'os', 'as', 'ês', 'esa', 'eses']],
  ['DE', ['deutsch'], GERMAN_ENDINGS], ['FR', ['französisch'], GERMAN_ENDINGS], ['US', ['amerikanisch', 'us-amerikanisch'], GERMAN_ENDINGS],
  ['RU', ['russisch'], GERMAN_ENDINGS], ['UA', ['ukrainisch'], GERMAN_ENDINGS], ['PL', ['polnisch'], GERMAN_ENDINGS],
  ['AT', ['österreichisch'], GERMAN_ENDINGS], ['CH', ['schweizerisch'], GERMAN_ENDINGS], ['IT', ['italienisch'], GERMAN_ENDINGS],
  ['ES', ['spanisch'], GERMAN_ENDINGS], ['GB', ['britisch'], GERMAN_ENDINGS], ['TR', ['türkisch'], GERMAN_ENDINGS],
  ['HU', ['ungarisch'], GERMAN_ENDINGS], ['NL', ['niederländisch'], GERMAN_ENDINGS], ['BR', ['brasilianisch'], GERMAN_ENDINGS],
  ['RO', ['rumänisch'], GERMAN_ENDINGS], ['GR', ['griechisch'], GERMAN_ENDINGS], ['SE', ['schwedisch'], GERMAN_ENDINGS],
];

/** US states (minus Georgia and Washington, which name other places too) and US party/election institutions. */
const US_WORDS = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Hawaii', 'Idaho', 'Illinois',
  'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri',
  'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma',
  'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'West Virginia',
  'Wisconsin', 'Wyoming', 'GOP', 'Electoral College', 'Republican Party', 'Republican National Committee', 'Democratic National Committee',
  'DNC', 'RNC', 'Democrats', 'Republicans', 'Congress', 'Capitol', 'Super Tuesday', 'Iowa caucuses',
];

/** Phrases that contain a country word but do not name the country; matched and ignored. */
const BLOCKED = [
  'New England', 'New South Wales', 'New Guinea', 'Latin America', 'South America', 'North America',
  'Central America', 'Latin American', 'South American', 'North American', 'Central American', 'Washington Post', 'George Washington',
  'Jordan River', 'Georgia Tech', 'Turkey Point', 'Indian Ocean', 'American Samoa', 'Lake Chad', 'Chad Basin', 'English Channel',
  'Middle East', 'Far East', 'Native American', 'Native Americans', 'French Guiana', 'French Polynesia', 'Dutch Caribbean',
  'Irish Sea', 'Arabian Sea', 'Persian Gulf', 'Gulf of Mexico', 'Premier League', 'English Premier League', 'Manchester United',
  'Welsh Government', 'Liberal Democrats', 'Social Democrats', 'Christian Democrats', 'Sweden Democrats', 'Free Democrats', 'Swedish Democrats',
  'National Congress', 'Congress party', 'Congress Party', 'Indian National Congress', 'African National Congress', 'People’s Congress',
  "People's Congress", 'Irish Republican', 'Les Républicains',
];

/** Single-word country names that are also first names or common words: ignored before another capitalised word. */
const NAME_LIKE = new Set(['jordan', 'chad', 'georgia', 'india', 'israel', 'kenya', 'cuba', 'chile', 'salvador', 'paris', 'washington', 'victoria', 'santiago', 'lima', 'niger', 'china', 'turkey', 'guinea', 'london', 'berlin', 'dominica', 'jamaica', 'brazil', 'panama', 'sudan', 'mali', 'tonga', 'malta']);
/** Names in some language that are common words or names in others ("Island" is Iceland in German). */
const EXCLUDED_NAMES = new Set(['island', 'columbia', 'maurice', 'mauricio', 'man', 'jersey', 'guernsey', 'bouvet', 'heard', 'norfolk', 'christmas', 'cook', 'reunion']);
/** Capitals that are too ambiguous to count at all. */
const SKIP_CAPITALS = new Set(['victoria', 'male', 'stanley', 'douglas', 'hamilton', 'kingston', 'saint john’s', 'plymouth', 'the valley', 'george town', 'jamestown', 'avarua', 'city of victoria', 'san marino', 'monaco', 'singapore', 'vatican city', 'luxembourg', 'kuwait city', 'djibouti', 'guatemala city', 'mexico city', 'panama city', 'andorra la vella', 'brasília', 'belmopan']);
/** International bodies: a phrase naming one of them has no single speaker country (not after a letter: see namesInternationalBody). */
const INTERNATIONAL_RE = /(?:UN|U\.N\.|United Nations|EU|E\.U\.|European (?:Union|Commission|Parliament|Council)|OSCE|ODIHR|SADC|ECOWAS|African Union|AU|NATO|Commonwealth|Council of Europe|Carter Center|IMF|World Bank|FIFA|UEFA|IOC|Amnesty International|Human Rights Watch|Arab League|ASEAN|OAS|Organization of American States|International (?:IDEA|Crisis Group|Republican Institute)|NDI|IRI|Nations Unies|Union européenne|Naciones Unidas|Unión Europea|Vereinte Nationen|Europäische Union|União Europeia|Nações Unidas)(?![\p{L}])/gu;

/** Words that make a country mention a foreign actor rather than the place of the vote ("US State Department"). */
const FOREIGN_ACTOR_AFTER = /^[\s'’s]*(?:State Department|Department of State|Secretary of State|embassy|ambassador|foreign (?:ministry|minister|office|secretary)|government spokes\p{L}*|sanctions|ministère des affaires étrangères|ministerio de (?:asuntos|relaciones) exteriores|auswärtige\p{L}*|außenminist\p{L}*|Itamaraty|envoy|diplomat\p{L}*)/iu;

/** Election words that directly follow a country: "Pakistan's general elections", "Taiwan votes", "französische Präsidentschaftswahl". */
const VOTE_AFTER = /^(?:['’]s?)?\s*(?:(?:presidential|parliamentary|general|legislative|local|regional|municipal|mayoral|national|federal|provincial|state|snap|early|upcoming|recent|disputed|contested|last|next|first|second|final|runoff|round|of|\d{4})\s+){0,3}(?:elections?|elected|votes?|voted|voting|polls|referendum|run-?off|ballot|electoral|goes to the polls|went to the polls|heads to the polls|\p{L}*wahl(?:en)?)(?![\p{L}])/iu;
/** A country right after an election word and a preposition: "elections in Pakistan", "elecciones presidenciales de Argentina". */
const VOTE_BEFORE_PLACE = /(?:elections?|vote|polls|referendum|elecciones|comicios|elei[çc](?:ão|ões)|[ée]lections?|scrutin|wahlen?|\p{L}+wahl(?:en)?|elezioni|wybory|plebiscito|referendo|r[ée]f[ée]rendum)\s+(?:\p{L}+\s+){0,2}(?:in|en|em|au|aux|à|no|na|nas|im|in der|de|del|da|do|des)\s+(?:the\s+|la\s+|le\s+|el\s+|o\s+|a\s+|l['’])?$/iu;
/** An adjective of nationality after an election word: "élections législatives françaises", "elecciones argentinas". */
const VOTE_BEFORE_ADJECTIVE = /(?:elections?|elecciones|comicios|elei[çc](?:ão|ões)|[ée]lections?|scrutin|elezioni|legislativas|presidenciales|presidenciais|l[ée]gislatives|pr[ée]sidentielles?)\s+(?:\p{L}+\s+)?$/iu;
/** A country that speaks or acts on someone else's vote: "China, which called…", "Beijing said", "warnings from China". */
const SPEAKS_AFTER = /^\s*(?:,\s*which\s+)?(?:said|says|warned|warns|called|calls|congratulated|condemned|urged|criticised|criticized|welcomed|praised|denied|denies|accused|rejected|dijo|a déclaré|sagte|disse)(?![\p{L}])/iu;
const ACTOR_BEFORE = /(?:from|by|with|para|por|de la part de|von|warnings? from|criticism from)\s+(?:the\s+)?$/iu;

const TOKEN_RE = /[\p{L}\p{M}]+/gu;
const SENTENCE_END_RE = /[.!?。！？]\s|\n/g;
const GAP_RE = /^[\s.\-'’]{0,3}$/;

let INDEX: Map<string, Entry[]> | null = null;

function tokensOf(phrase: string): string[] {
  return (phrase.match(TOKEN_RE) ?? []).map((t) => t.toLowerCase());
}

function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

function buildIndex(): Map<string, Entry[]> {
  const require = createRequire(import.meta.url);
  const index = new Map<string, Entry[]>();
  const seen = new Set<string>();
  const add = (phrase: string, code: string, kind: Kind, lowerOk = false): void => {
    if (!phrase) return;
    for (const variant of new Set([phrase, stripAccents(phrase)])) {
      const tokens = tokensOf(variant);
      if (tokens.length === 0) continue;
      const letters = tokens.join('').length;
      const isAbbrev = ABBREVIATIONS[variant] !== undefined;
      if (letters < 4 && !isAbbrev && kind !== 'institution' && kind !== 'block') continue;
      const key = tokens.join(' ');
      if ((kind === 'name' || kind === 'capital') && EXCLUDED_NAMES.has(key)) continue;
      if (seen.has(key)) continue; // the first source wins (names before demonyms before capitals)
      seen.add(key);
      const list = index.get(tokens[0]) ?? [];
      const joined = tokens.join('');
      const capitals = (tokens.length <= 3 && tokens.every((x) => x.length === 1)) || joined === 'us' || joined === 'usa' || joined === 'uk';
      list.push({ tokens, code, kind, lowerOk, capitals });
      index.set(tokens[0], list);
    }
  };

  for (const phrase of BLOCKED) add(phrase, '', 'block');
  for (const [abbr, code] of Object.entries(ABBREVIATIONS)) add(abbr, code, 'name');
  for (const [phrase, code] of Object.entries(INSTITUTIONS)) add(phrase, code, 'institution');
  for (const phrase of US_WORDS) add(phrase, 'US', 'institution');

  const i18n = require('i18n-iso-countries') as I18nCountries;
  // Sovereign states first, so that a shared word ("French", "American") means the state, not a territory.
  const world = [...(require('world-countries') as WorldCountry[])].sort((a, b) => Number(Boolean(b.independent)) - Number(Boolean(a.independent)));
  const names: Array<[string, string]> = [];
  for (const c of world) names.push([c.name.common, c.cca2]);
  for (const lang of NAME_LOCALES) {
    try {
      i18n.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
      for (const [code, list] of Object.entries(i18n.getNames(lang, { select: 'all' }))) for (const n of list) names.push([n, code]);
    } catch { /* a missing locale only narrows recognition */ }
  }
  for (const c of world) {
    names.push([c.name.common, c.cca2], [c.name.official, c.cca2]);
    for (const t of TRANSLATIONS) { const tr = c.translations[t]; if (tr) names.push([tr.common, c.cca2], [tr.official, c.cca2]); }
    for (const alt of c.altSpellings) if (alt.length > 3 && alt !== alt.toUpperCase()) names.push([alt, c.cca2]);
  }
  for (const [n, code] of names) {
    // "Korea, Republic of" style entries: use the part before the comma as well as the whole.
    if (/^[A-Z]{2,3}$/.test(n) || n.includes('.')) continue;
    if (n.includes(',')) continue;
    add(n, code, 'name');
  }
  for (const c of world) {
    for (const [lang, d] of Object.entries(c.demonyms ?? {})) {
      for (const form of new Set([d.m, d.f])) {
        if (!form) continue;
        const lowerOk = lang !== 'eng' && form.length >= 5;
        add(form, c.cca2, 'demonym', lowerOk);
        add(form.endsWith('s') ? form : `${form}s`, c.cca2, 'demonym', lowerOk);
        if (lang === 'fra') add(`${form}s`.replace(/ss$/, 's'), c.cca2, 'demonym', lowerOk);
      }
    }
  }
  for (const [code, stems, endings] of ADJECTIVES) for (const stem of stems) for (const end of endings) add(stem + end, code, 'demonym', true);
  for (const c of world) {
    if (!c.independent) continue;
    for (const cap of c.capital) if (!SKIP_CAPITALS.has(cap.toLowerCase())) add(cap, c.cca2, 'capital');
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

function index(): Map<string, Entry[]> {
  INDEX ??= buildIndex();
  return INDEX;
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** A text's tokens (runs of letters and marks) with what the index knows about each, read lazily from the start. */
interface Tokens {
  text: string;
  starts: number[];
  ends: number[];
  /** Index entries starting with token i, or undefined. */
  cand: Array<Entry[] | undefined>;
  /** Indices of tokens that have index entries, ascending. */
  withCand: number[];
  /** Lower case of token i, filled in when first needed. */
  lower: Array<string | undefined>;
  /** Where tokenising resumes; -1 once the text is read to its end. */
  next: number;
}

function newTokens(text: string): Tokens {
  return { text, starts: [], ends: [], cand: [], withCand: [], lower: [], next: 0 };
}

const TOKEN_CHAR_RE = /^[\p{L}\p{M}]$/u;
/** Letter-or-mark class of UTF-16 code units beyond ASCII, filled in as met: 0 = not yet known, 1 = yes, 2 = no. */
const TOKEN_UNITS = new Uint8Array(65536);

/** Length in code units of the letter or mark at i (a code point of [\p{L}\p{M}]), 0 if none. `known` is TOKEN_UNITS. */
function tokenCharAt(s: string, i: number, known: Uint8Array): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return TOKEN_CHAR_RE.test(s.slice(i, i + 2)) ? 2 : 0;
  }
  let v = known[c];
  if (v === 0) { v = TOKEN_CHAR_RE.test(s[i]) ? 1 : 2; known[c] = v; }
  return v === 1 ? 1 : 0;
}

/**
 * Quick test before an index lookup: a bit set of hashes of the index keys made of ASCII letters only. A token of
 * ASCII letters only (its lower case has the same letters in lower case) is looked up only when its hash bit is set.
 */
const HASH_BITS = 18;
let KEY_HASHES: Uint8Array | null = null;

/** The hash of one more ASCII letter (either case) after `h`. */
function hashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + (c | 0x20)) >>> 0;
}

function keyHashes(): Uint8Array {
  if (!KEY_HASHES) {
    const bits = new Uint8Array(1 << (HASH_BITS - 3));
    for (const key of index().keys()) {
      if (!/^[a-z]+$/.test(key)) continue;
      let h = 0;
      for (let i = 0; i < key.length; i++) h = hashStep(h, key.charCodeAt(i));
      const k = h & ((1 << HASH_BITS) - 1);
      bits[k >>> 3] |= 1 << (k & 7);
    }
    KEY_HASHES = bits;
  }
  return KEY_HASHES;
}

/**
 * Index entries for the token text.slice(start, end), or undefined. `hash`: its hashStep hash when all its units are
 * ASCII letters, else -1. `hashes` and `idx` are keyHashes() and index() (passed in by the hot loop).
 */
function lookUp(text: string, start: number, end: number, hash: number, hashes: Uint8Array, idx: Map<string, Entry[]>): Entry[] | undefined {
  if (hash >= 0) {
    const k = hash & ((1 << HASH_BITS) - 1);
    if ((hashes[k >>> 3] & (1 << (k & 7))) === 0) return undefined;
  }
  return idx.get(text.slice(start, end).toLowerCase());
}

/** Read tokens until one ends after `offset` (or the text ends). */
function readTokensTo(tk: Tokens, offset: number): void {
  if (tk.next < 0) return;
  const n = tk.ends.length;
  if (n > 0 && tk.ends[n - 1] > offset) return;
  const text = tk.text;
  const len = text.length;
  const units = TOKEN_UNITS;
  const hashes = keyHashes();
  const idx = index();
  let i = tk.next;
  while (i < len) {
    let w = tokenCharAt(text, i, units);
    if (w === 0) { i++; continue; }
    const start = i;
    // tokenCharAt is 1 for an ASCII unit only when it is a letter
    let c = text.charCodeAt(i);
    let hash = c < 128 ? hashStep(0, c) : -1;
    i += w;
    while (i < len && (w = tokenCharAt(text, i, units)) > 0) {
      if (hash >= 0) { c = text.charCodeAt(i); hash = c < 128 ? hashStep(hash, c) : -1; }
      i += w;
    }
    const cand = lookUp(text, start, i, hash, hashes, idx);
    if (cand) tk.withCand.push(tk.starts.length);
    tk.starts.push(start);
    tk.ends.push(i);
    tk.cand.push(cand);
    if (i > offset) { tk.next = i; return; }
  }
  tk.next = -1;
}

/** True when text.slice(from, to) is one space (as /^ $/.test(text.slice(from, to))). */
function oneSpace(text: string, from: number, to: number): boolean {
  return to - from === 1 && text.charCodeAt(from) === 32;
}

/**
 * The mentions found in tokens lo..hi-1 exactly as if the text held only them (neighbours outside the range are not
 * seen); offsets are moved by -base.
 */
function scanTokens(tk: Tokens, lo: number, hi: number, base: number): Mention[] {
  const { text, starts, ends, cand, withCand, lower } = tk;
  const out: Mention[] = [];
  let skipTo = lo;
  for (let p = lowerBound(withCand, lo); p < withCand.length; p++) {
    const i = withCand[p];
    if (i >= hi) break;
    if (i < skipTo) continue;
    const candidates = cand[i]!;
    const first = text.slice(starts[i], ends[i]);
    for (const e of candidates) {
      const len = e.tokens.length;
      if (i + len > hi) continue;
      let ok = true;
      for (let k = 1; k < len && ok; k++) {
        const j = i + k;
        let l = lower[j];
        if (l === undefined) { l = text.slice(starts[j], ends[j]).toLowerCase(); lower[j] = l; }
        ok = l === e.tokens[k] && GAP_RE.test(text.slice(ends[j - 1], starts[j]));
      }
      if (!ok) continue;
      if (!e.lowerOk && !isUpper(first[0])) continue;
      const lastEnd = ends[i + len - 1];
      // An abbreviation must be written in capitals ("US", not "us").
      if (e.capitals && first !== first.toUpperCase()) continue;
      if (e.kind !== 'block') {
        const next = i + len < hi ? i + len : -1;
        if (len === 1 && NAME_LIKE.has(e.tokens[0]) && next >= 0 && isUpper(text[starts[next]]) && oneSpace(text, lastEnd, starts[next])) {
          const nextIsPlace = cand[next]?.some((x) => x.tokens.length === 1 && x.kind !== 'block');
          if (!nextIsPlace) break;
        }
        const prev = i - 1 >= lo ? i - 1 : -1;
        if (prev >= 0 && oneSpace(text, ends[prev], starts[i])) {
          const prevText = text.slice(starts[prev], ends[prev]);
          if (prevText === 'New') break;
          // "Jim Jordan", "Chuck Jordan": a surname, not the country.
          if (len === 1 && NAME_LIKE.has(e.tokens[0]) && isUpper(prevText[0]) && cand[prev] === undefined && !/^(?:In|To|From|Of|And|The|For|With|By|At|On|Like|Against|About|Than|En|Au|Dans|Par|Pour|Con|Para|Por|Em|Im|Nach|Aus|Von)$/.test(prevText)) break;
        }
        out.push({ code: e.code, start: starts[i] - base, end: lastEnd - base, text: text.slice(starts[i], lastEnd), kind: e.kind });
      }
      skipTo = i + len;
      break;
    }
  }
  return out;
}

/**
 * Mentions in text.slice(from, to) read from the text's tokens, or null when a token straddles either end (then the
 * slice has different tokens and must be read on its own).
 */
function mentionsInSlice(tk: Tokens, from: number, to: number): Mention[] | null {
  readTokensTo(tk, to);
  const { starts, ends } = tk;
  const a = lowerBound(ends, from + 1); // first token ending after `from`
  if (a < starts.length && starts[a] < from) return null;
  const b = lowerBound(ends, to + 1); // first token ending after `to`
  if (b < starts.length && starts[b] < to) return null;
  const hi = lowerBound(starts, to);
  return scanTokens(tk, a, Math.min(hi, b), from);
}

function allMentions(text: string): Mention[] {
  const tk = newTokens(text);
  readTokensTo(tk, text.length);
  return scanTokens(tk, 0, tk.starts.length, 0);
}

function publicMention({ code, start, end, text: t }: Mention): CountryMention {
  return { code, start, end, text: t };
}

/** How far from where it is expected a part is searched for in the text. */
const FIND_WINDOW = 256;

/**
 * Country mentions of one item's text, tokenised once (lazily, from the start): the mentions of any part of it
 * (a statement's quote or sentence) are looked up instead of re-reading the part.
 */
export class TextPlaces {
  private readonly tokens: Tokens;
  private readonly cache = new Map<string, CountryMention[]>();
  private lastCodes: { part: string; at: number; codes: string[] } | null = null;

  constructor(readonly text: string) {
    this.tokens = newTokens(text);
  }

  /** Mentions in text.slice(from, to), as countryMentions(text.slice(from, to)) gives them. */
  slice(from: number, to: number): CountryMention[] {
    const ms = mentionsInSlice(this.tokens, from, to);
    return ms ? ms.map(publicMention) : countryMentions(this.text.slice(from, to));
  }

  /**
   * countryMentions(part) for a part of the text expected at offset `at`: looked up in the text's tokens when the part
   * is found there (or within a short distance), read on its own otherwise.
   */
  mentionsOf(part: string, at = 0): CountryMention[] {
    const ms = this.inText(part, at);
    return ms ? ms.map(publicMention) : this.readAlone(part);
  }

  /** The codes of mentionsOf(part, at), in order; the same part at the same offset twice in a row is read once. */
  codesOf(part: string, at = 0): string[] {
    const last = this.lastCodes;
    if (last && last.part === part && last.at === at) return last.codes;
    const codes = (this.inText(part, at) ?? this.readAlone(part)).map((m) => m.code);
    this.lastCodes = { part, at, codes };
    return codes;
  }

  /** Mentions of a part found in the text at `at` (or within a short distance) from its tokens, or null. */
  private inText(part: string, at: number): Mention[] | null {
    let from = -1;
    if (this.text.startsWith(part, at)) from = at;
    else {
      const a = Math.max(0, at - FIND_WINDOW);
      const i = this.text.slice(a, Math.min(this.text.length, at + part.length + FIND_WINDOW)).indexOf(part);
      if (i >= 0) from = a + i;
    }
    return from >= 0 ? mentionsInSlice(this.tokens, from, from + part.length) : null;
  }

  /** countryMentions(part), kept for the part's next time. */
  private readAlone(part: string): CountryMention[] {
    const hit = this.cache.get(part);
    if (hit) return hit;
    const out = countryMentions(part);
    if (this.cache.size < 256) this.cache.set(part, out);
    return out;
  }

  /** @internal Mentions with their kind in text.slice(0, to). */
  headMentions(to: number): Mention[] {
    return mentionsInSlice(this.tokens, 0, to) ?? allMentions(this.text.slice(0, to));
  }
}

/** Every mention of a country by name, demonym, capital or institution, in text order. */
export function countryMentions(text: string): CountryMention[] {
  return allMentions(text).map(publicMention);
}

const KIND_WEIGHT: Record<Kind, number> = { name: 1, demonym: 0.8, institution: 0.7, capital: 0.35, block: 0 };

/** Sentence bounds around every offset, computed once per text. */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  SENTENCE_END_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END_RE.exec(text)) !== null) starts.push(m.index + m[0].length);
  return starts;
}

function sentenceOf(starts: number[], offset: number, textLength: number): [number, number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return [starts[lo], lo + 1 < starts.length ? starts[lo + 1] : textLength];
}

const NEAR_CHARS = 48;
/** Languages whose news mostly concerns one country, used only when an item names no country at all. */
const LANGUAGE_HOME: Record<string, string> = { fr: 'FR', de: 'DE', it: 'IT', pl: 'PL', nl: 'NL', el: 'GR', hu: 'HU', cs: 'CZ', ro: 'RO', ja: 'JP', ko: 'KR', uk: 'UA', tr: 'TR', sv: 'SE' };
const MAX_TEXT = 200_000;

/**
 * The countries whose election the item is about (ISO alpha-2), not every country mentioned: mentions next to
 * election words ("elections in Pakistan", "Pakistan's general election", "French presidential election") weigh
 * most, then mentions in sentences about the vote, the title and the opening; mentions of foreign actors
 * ("US State Department") weigh little.
 */
export function findCountries(text: string, title: string | null, language: string, places?: TextPlaces): { countries: string[]; mentions: CountryMention[] } {
  const body = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const mentions = places && places.text === text ? places.headMentions(body.length) : allMentions(body);
  const scores = new Map<string, number>();
  const direct = new Set<string>();
  const starts = sentenceStarts(body);
  const sentenceHasCue = new Map<number, boolean>();
  const opening = Math.min(body.length, 400);
  for (const m of mentions) {
    let w = KIND_WEIGHT[m.kind];
    const [s, e] = sentenceOf(starts, m.start, body.length);
    let aboutVote = sentenceHasCue.get(s);
    if (aboutVote === undefined) { aboutVote = hasElectionCue(body.slice(s, e)); sentenceHasCue.set(s, aboutVote); }
    if (aboutVote) w *= 3;
    const before = body.slice(Math.max(s, m.start - NEAR_CHARS), m.start);
    const after = body.slice(m.end, Math.min(e, m.end + NEAR_CHARS));
    if (FOREIGN_ACTOR_AFTER.test(after)) w *= 0.25;
    else if (VOTE_AFTER.test(after) || VOTE_BEFORE_PLACE.test(before) || (m.kind === 'demonym' && VOTE_BEFORE_ADJECTIVE.test(before))) {
      w += 4;
      direct.add(m.code);
    } else if (SPEAKS_AFTER.test(after) || ACTOR_BEFORE.test(before)) w *= 0.5;
    if (m.start < opening) w *= 1.5;
    scores.set(m.code, (scores.get(m.code) ?? 0) + w);
  }
  if (title && !body.startsWith(title)) {
    for (const m of allMentions(title)) scores.set(m.code, (scores.get(m.code) ?? 0) + 2 * KIND_WEIGHT[m.kind] + (hasElectionCue(title) ? 2 : 0));
  } else if (title) {
    for (const m of mentions) if (m.end <= title.length) scores.set(m.code, (scores.get(m.code) ?? 0) + KIND_WEIGHT[m.kind]);
  }
  // No country named at all: the country where most news in a single-country language comes from is the best guess.
  if (scores.size === 0 && LANGUAGE_HOME[language]) scores.set(LANGUAGE_HOME[language], 0.1);
  const ranked = [...scores.entries()].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
  const countries: string[] = [];
  if (ranked.length) {
    const top = ranked[0][1];
    for (const [code, v] of ranked) {
      if (countries.length === 0) countries.push(code);
      else if (v >= 0.6 * top && direct.has(code)) countries.push(code);
    }
  }
  return { countries, mentions: mentions.map(publicMention) };
}

const LETTER_RE = /\p{L}/u;

/** True when INTERNATIONAL_RE matches at a position not preceded by a letter (a code point, as (?<![\p{L}]) reads it). */
function namesInternationalBody(phrase: string): boolean {
  INTERNATIONAL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INTERNATIONAL_RE.exec(phrase)) !== null) {
    const i = m.index;
    const before = i >= 2 && /[\ud800-\udbff][\udc00-\udfff]/.test(phrase.slice(i - 2, i)) ? phrase.slice(i - 2, i) : i >= 1 ? phrase[i - 1] : '';
    if (!before || !LETTER_RE.test(before)) return true;
    INTERNATIONAL_RE.lastIndex = i + 1;
  }
  return false;
}

/**
 * The country a speaker's organisation or role phrase belongs to: "Pakistan's interior ministry" → PK,
 * "US State Department" → US, "the Kremlin" → RU; international bodies (UN, EU, OSCE…) and unknowns → null.
 */
export function countryOf(phrase: string, _language?: string): string | null {
  if (!phrase) return null;
  if (namesInternationalBody(phrase)) return null;
  const ms = allMentions(phrase.length > 2000 ? phrase.slice(0, 2000) : phrase);
  if (!ms.length) return null;
  const best = ms.find((m) => m.kind !== 'capital') ?? ms[0];
  return best.code;
}
