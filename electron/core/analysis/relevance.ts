// Election relevance of an item: a score 0..1 and a boolean, from multilingual election cues minus the look-alike votes.

/** A cue: a pattern (matched on lower-cased text, on word boundaries unless `inWord`) and its weight as evidence. */
interface Cue { re: RegExp; w: number; left: 'word' | 'compound' | 'none' }

// Word boundaries that work for accented Latin, Cyrillic, Greek and Arabic letters (\b is ASCII-only).
const E = '(?![\\p{L}\\p{N}])';
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Lower-case the literal parts of a pattern source, leaving escapes such as \p{L} alone. */
function lowerSource(src: string): string {
  return src.replace(/\\p\{[^}]+\}|\\.|[^\\]+/g, (m) => (m.startsWith('\\') ? m : m.toLowerCase()));
}

/**
 * Cues compiled for speed: no leading look-behind (so the engine can scan for the first letters), the left word
 * boundary is checked in code; 'compound' cues match only at the end of a compound ("Bundestagswahl").
 */
function cues(list: Array<[string, number]>, left: Cue['left'] = 'word'): Cue[] {
  return list.map(([src, w]) => ({ re: new RegExp(`(?:${lowerSource(src)})${E}`, 'gu'), w, left }));
}

/**
 * Evidence of a public election, referendum or campaign (all languages together: an item quoting a foreign
 * term still counts). Weights: 3 = unambiguous, 2 = strong, 1 = supporting only.
 */
const POSITIVE: Cue[] = [
  ...cues([
    // English
    ['elections?', 4.5], ['electoral', 4], ['re-?elections?', 4], ['by-elections?', 4], ['referendums?|referenda|plebiscites?', 4],
    ['run-?offs?', 2.5], ['polling (?:stations?|booths?|units?|day|centres?|centers?)', 3], ['ballot (?:box(?:es)?|papers?|stuffing)', 3],
    ['(?:voter|electoral) (?:turnout|roll|register|registration|fraud|suppression|intimidation)', 3], ['turnout', 1.5],
    ['electorate', 2.5], ['constituenc(?:y|ies)', 2], ['primar(?:y|ies) (?:race|election|contest|vote)', 2.5],
    ['(?:presidential|parliamentary|legislative|general|local|municipal|mayoral|gubernatorial|midterm|senate) (?:race|vote|poll|polls|contest)', 3],
    ['exit polls?', 3], ['polls? (?:open|opened|opens|close|closed|closes)', 3], ['rall(?:y|ies)', 0.5],
    ["ahead of (?:the |next |this )?(?:\\p{L}+['’]s )?(?:vote|election|elections|polls|ballot)", 1], ['vote[- ]count(?:ing)?|recount|tally(?:ing)? (?:of|centre|center)', 2], ['went to the polls|head(?:s|ed)? to the polls|at the polls', 3],
    ['voters?', 2], ['ballots?', 1.5], ['candidates?|candidacy|candidature', 1.5], ['campaign(?:s|ed|ing)?', 1], ['votes?|voted|voting', 1],
    ['incumbent', 1], ['concede[sd]?|concession speech', 1], ['inaugurat(?:ion|ed)', 0.5], ['(?:second|first|final) round', 1.5],
    ['seats? in (?:the )?(?:parliament|assembly|senate|congress)', 1.5], ['won (?:the )?(?:presidency|seat|majority)', 2], ['landslide', 1.5],
    ['election (?:observers?|monitors?)|observer mission', 3], ['president-elect|presidente electo|presidente eleito|président élu', 3],
    ['elected|elegid[oa]s?|eligi[óo]|élue?s?|gewählt|eleit[oa]s?', 1], ['results?|resultados?|résultats?|ergebnis(?:se)?', 0.5],
    ['victory|defeat|victoria|derrota|vitória|victoire|défaite|sieg|niederlage|triunfo', 0.5], ['opposition|oposición|oposição|opposant\\p{L}*', 0.5], ['rigg(?:ed|ing)', 2], ['term in office|another term|fifth term|third term|mandate', 0.5],
    // Spanish
    ['elecci(?:ón|on|ones)', 3], ['electorales?', 3], ['comicios', 3], ['votaci(?:ón|on|ones)', 2], ['votantes|electores', 2.5], ['sufragios?', 2.5],
    ['candidat[oa]s?', 1.5], ['segunda vuelta|primera vuelta|balotaje', 3], ['urnas', 2.5], ['escrutinio', 2.5], ['refer[eé]ndum|plebiscito', 3],
    ['campaña', 1], ['votos?|vot[oó]', 1], ['escaños', 1.5],
    // Portuguese
    ['elei(?:ção|ções|cao|coes)', 3], ['eleitora(?:l|is)', 3], ['eleitor(?:es|as)?', 2.5], ['pleito', 2.5], ['segundo turno|primeiro turno', 3],
    ['apuração', 2], ['prefeit(?:o|os|a|as|uras?)|vereador(?:es|as)?', 2], ['votaram|votar|vot(?:o|ou)', 1], ['referendo', 3], ['campanha', 1], ['votação', 2],
    // French
    ['[ée]lections?', 3], ['[ée]lectora(?:l|le|les|ux)', 3], ['scrutins?', 3], ['l[ée]gislatives', 3], ['pr[ée]sidentielles?', 3],
    ['europ[ée]ennes', 2], ['municipales|r[ée]gionales|cantonales', 2], ['[ée]lecteurs|[ée]lectrices', 2.5], ['candidat(?:e|s|es)?', 1.5],
    ['second tour|premier tour', 3], ['vot(?:é|ée|és|ent|er|ant)', 1], ['élire|réélu\\p{L}*', 2], ['dépouillement', 3], ['aux urnes|às urnas|a las urnas|zur urne|an die urnen', 3], ['suffrages?', 2.5], ['bulletins? de vote|bureaux? de vote', 3], ['voix', 1], ['sièges', 1],
    // German (compounds with -wahl are matched by the prefix list below)
    ['wahl|wahlen', 3], ['wähler(?:innen)?', 2.5], ['wahlkampf', 3], ['wahlbeteiligung', 3], ['hochrechnung(?:en)?', 2.5],
    ['kandidat(?:in|en|innen)?', 1.5], ['prognose', 2], ['gewählt|wiedergewählt|wählen', 1.5], ['volksabstimmung|volksentscheid|referendum', 3], ['stimmen', 1], ['sitze', 0.5],
    // Italian, Dutch, Polish, Turkish, Romanian, Swedish/Danish/Norwegian, Indonesian
    ['elezioni|elettorale|elettori|ballottaggio|spoglio', 3], ['candidat[oaie]|urne', 1.5], ['verkiezing(?:en)?|kiezers|stembus', 3], ['opkomst', 2],
    ['wybor(?:y|ach|ów|ami)|wyborcz(?:y|a|e|ych|ej)', 3], ['frekwencj\\p{L}*|głosowani\\p{L}*|pkw', 2], ['kandydat\\p{L}*', 1.5],
    ['sandık\\p{L}*|ysk', 2], ['aday(?:lar|ı|ları)?', 1.5],
    ['seçim(?:i|ler|leri|lerde|de|in)?|seçmen(?:ler)?', 2.5], ['alegeri(?:le)?|electoral[ăe]', 3], ['valet|riksdagsvalet|folketingsvalg|stortingsvalg', 2.5],
    ['pemilu|pilpres|pilkada', 3],
    // Cyrillic, Greek, Arabic, Persian, Hindi
    ['выбор(?:ы|ах|ов|ам)|избира(?:тел|тельн)\\p{L}*|голосовани\\p{L}*|референдум\\p{L}*|вибор(?:и|ах|ів)', 3], ['εκλογ\\p{L}*', 3],
    ['(?:ال)?انتخاب(?:ات|ية|ي)?|الاقتراع|الناخبين|استفتاء', 3], ['چناؤ|انتخابات', 3], ['चुनाव|मतदान', 3],
  ]),
  // German compounds: Bundestagswahl, Präsidentschaftswahlen, Europawahl, Stichwahl (inside a word) …
  ...cues([['wahl(?:en|kampf)?|verkiezing(?:en)?|wybory', 3]], 'compound'),
  ...cues([['wahl(?:kommission|leiter|betrug|lokal|urne|ergebnis|recht|gesetz|beobachter)\\p{L}*', 3]]),
  // Scripts without spaces between words: no word boundaries.
  { re: /选举|大选|選挙|선거|การเลือกตั้ง/gu, w: 3, left: 'none' },
];

/**
 * Look-alike votes and "elections" outside public office (guideline negatives), and other topics that merely
 * mention voting. Each subtracts evidence.
 */
const NEGATIVE: Cue[] = cues([
  // Company votes
  ['shareholders?|stockholders?|proxy (?:votes?|advisers?)|annual (?:general )?meeting|AGM|remuneration report|board of directors|executive pay', 3],
  ['accionistas|acionistas|actionnaires|aktionäre|azionisti|aandeelhouders|hauptversammlung|junta de accionistas|assemblée générale des actionnaires', 3],
  // Union and student ballots
  ['strike ballot|strike action|industrial action|walkouts? over pay|union members|student union|students? (?:union|council|guild|government|body)', 4], ['students?|campus|university', 1], ['trade union|labor union|labour union|sindicato|syndicat|gewerkschaft', 1],
  // Sports and church
  ['FIFA|UEFA|IOC|Olympic committee|football association|federation president', 3],
  ['football|soccer|striker|midfielder|goalkeeper|transfer window|Premier League|Champions League|coach|captain|club|signed a (?:\\w+-year )?contract|futbol|fútbol|fußball|piłk\\p{L}*|knattspyrnu\\p{L}*', 1.5],
  ['pope|papal|conclave|cardinals|Vatican|papa|pape|pontif\\p{L}*|Konklave', 2.5],
  // Parliamentary votes that are not elections
  ['no[- ]confidence|vote of confidence|confidence (?:vote|motion)|motion of censure|censure motion|impeachment', 3],
  ['moción de (?:censura|confianza)|motion de censure|misstrauensvotum|vertrauensfrage|moção de (?:censura|confiança)', 3],
  ['(?:the |a )?bills? (?:was |were )?passed|passed (?:the|a) bill|vote on (?:the|a) bill|second reading|third reading|amendment to the|legislation', 1],
  // Opinion research on other topics and central banks
  ['survey|respondents|questionnaire|encuesta|sondage|umfrage', 1], ['interest rates?|inflation|central bank|taux directeur|tipos de interés|leitzins', 2],
  ['vaccin\\p{L}*|covid|pandemic', 1.5], ['award|oscars?|grammys?|best (?:film|player|actor)|song contest|eurovision', 1.5],
]);

/** Signals that a bill or parliamentary vote is about elections themselves (electoral law counts as election news). */
const ELECTORAL_LAW = new RegExp(`(?:election act|electoral (?:law|reform|code|act|bill|system)|voting machines?|ley electoral|loi électorale|code électoral|wahlrecht|wahlgesetz|lei eleitoral)${E}`, 'iu');

/** Election words (lower case) for other stages, e.g. which country's election a sentence is about. */
const CUE_WORDS_RE = new RegExp(`(?:elections?|elected|re-?elected|electoral|referendums?|plebiscites?|run-?offs?|polls|polling|ballots?|voters?|votes?|voting|campaign|candidates?|elecci(?:ón|ones)|electorales?|comicios|votaci[oó]n|segunda vuelta|elei(?:ção|ções)|eleitora(?:l|is)|segundo turno|[ée]lections?|[ée]lectora(?:l|le|les|ux)|scrutin|l[ée]gislatives|pr[ée]sidentielles?|second tour|wahlkampf|wähler|elezioni|wybor(?:y|ach|ów)|seçim\\p{L}*|alegeri(?:le)?|выбор(?:ы|ах|ов)|انتخابات)${E}`, 'gu');
/** German compounds ending in -wahl (Bundestagswahl), matched inside words. */
const CUE_COMPOUND_RE = /wahl(?:en)?(?![\p{L}\p{N}])/u;

/** True when `text` contains an election word (any main language) as a whole word, or a German -wahl compound. */
export function hasElectionCue(text: string): boolean {
  const s = text.toLowerCase();
  if (CUE_COMPOUND_RE.test(s)) return true;
  CUE_WORDS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CUE_WORDS_RE.exec(s)) !== null) {
    if (m.index === 0 || !WORD_CHAR.test(s[m.index - 1])) return true;
    CUE_WORDS_RE.lastIndex = m.index + 1;
  }
  return false;
}

const MAX_SCAN_CHARS = 30_000;

/**
 * The UTF-16 code units a pattern's matches can start with, read from its source; null when the source is not simple
 * enough to tell (then every position is tried).
 */
function firstUnits(src: string): Set<number> | null {
  const out = new Set<number>();
  // Split at top-level "|".
  const alts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') { i++; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) { alts.push(src.slice(from, i)); from = i + 1; }
  }
  alts.push(src.slice(from));
  for (const alt of alts) {
    const ch = alt[0];
    if (ch === undefined) return null;
    let next: number; // index just after the first element
    let units: Set<number> | null;
    if (ch === '(') {
      if (!alt.startsWith('(?:')) return null;
      let d = 0;
      let close = -1;
      let cls = false;
      for (let i = 0; i < alt.length; i++) {
        const c = alt[i];
        if (c === '\\') { i++; continue; }
        if (cls) { if (c === ']') cls = false; continue; }
        if (c === '[') cls = true;
        else if (c === '(') d++;
        else if (c === ')' && --d === 0) { close = i; break; }
      }
      if (close < 0) return null;
      units = firstUnits(alt.slice(3, close));
      next = close + 1;
    } else if (ch === '[') {
      const close = alt.indexOf(']');
      const body = alt.slice(1, close);
      if (close < 0 || !body || /[\\^-]/.test(body)) return null;
      units = new Set([...body].map((c) => c.charCodeAt(0)));
      next = close + 1;
    } else if ('\\.^$*+?{}|)'.includes(ch)) {
      return null;
    } else {
      // A literal; one outside the BMP starts with its high surrogate, as in the text.
      units = new Set([alt.charCodeAt(0)]);
      next = 1;
    }
    if (!units) return null;
    if (alt.startsWith('{0', next)) return null;
    if (alt[next] === '?' || alt[next] === '*') {
      // An optional first element: what follows it can start a match too.
      const rest = firstUnits(alt.slice(next + 1));
      if (!rest) return null;
      for (const u of rest) out.add(u);
    }
    for (const u of units) out.add(u);
  }
  return out;
}

/** How many units of a cue's beginning the quick test before running its regex looks at ("the b" of "the bill"). */
const BEGIN_UNITS = 5;

/** One way a pattern piece can begin: its units so far, and whether more may follow (false: unknown from here). */
interface Beginning { text: string; more: boolean }

/**
 * The ways a match of a pattern source can begin, as its first BEGIN_UNITS units (fewer when the rest is unknown or
 * the match can end there), read from the source; look-arounds and anchors are ignored (they only rule matches out).
 * Returns null when the source is not simple enough to read.
 */
function beginnings(src: string): Set<string> | null {
  let pos = 0;
  const fail = (): never => { throw new Error('unreadable'); };
  /** Beginnings of `a` followed by `b`. */
  const concat = (a: Beginning[], b: Beginning[]): Beginning[] => {
    const out = new Map<string, boolean>();
    for (const x of a) {
      if (!x.more || x.text.length >= BEGIN_UNITS) { out.set(x.text, (out.get(x.text) ?? false) || x.more); continue; }
      for (const y of b) {
        const t = (x.text + y.text).slice(0, BEGIN_UNITS);
        out.set(t, (out.get(t) ?? false) || (y.more && t.length < BEGIN_UNITS));
      }
    }
    return [...out].map(([text, more]) => ({ text, more }));
  };
  const unknown: Beginning[] = [{ text: '', more: false }];
  const empty: Beginning[] = [{ text: '', more: true }];
  const alternation = (): Beginning[] => {
    const out: Beginning[] = [];
    for (;;) {
      out.push(...sequence());
      if (src[pos] !== '|') return out;
      pos++;
    }
  };
  const sequence = (): Beginning[] => {
    let cur = empty;
    while (pos < src.length && src[pos] !== '|' && src[pos] !== ')') {
      let atom = element();
      const q = src[pos];
      if (q === '?' || q === '*' || q === '+' || q === '{') {
        let optional = q === '?' || q === '*';
        if (q === '{') {
          const close = src.indexOf('}', pos);
          if (close < 0) fail();
          optional = /^\{0\b/.test(src.slice(pos, close + 1));
          pos = close + 1;
        } else pos++;
        if (src[pos] === '?') pos++;
        // once or more: what follows the first time is not known
        if (q !== '?') atom = concat(atom, unknown);
        if (optional) atom = [...atom, ...empty];
      }
      cur = concat(cur, atom);
    }
    return cur;
  };
  const element = (): Beginning[] => {
    const ch = src[pos];
    const unit = src.charCodeAt(pos);
    if (unit >= 0xd800 && unit <= 0xdfff) fail();
    if (ch === '(') {
      pos++;
      let look = false;
      if (src.startsWith('?:', pos)) pos += 2;
      else if (src.startsWith('?=', pos) || src.startsWith('?!', pos)) { pos += 2; look = true; }
      else if (src.startsWith('?<=', pos) || src.startsWith('?<!', pos)) { pos += 3; look = true; }
      else if (src[pos] === '?') fail();
      const inner = alternation();
      if (src[pos] !== ')') fail();
      pos++;
      return look ? empty : inner;
    }
    if (ch === '[') {
      const close = src.indexOf(']', pos + 1);
      const body = src.slice(pos + 1, close);
      pos = close + 1;
      if (close < 0 || !body || /[\\^\-\ud800-\udfff]/.test(body)) return unknown;
      return [...new Set(body)].map((c) => ({ text: c, more: true }));
    }
    if (ch === '\\') {
      const next = src[pos + 1];
      if (next === undefined) fail();
      if (next === 'p' || next === 'P') {
        const close = src.indexOf('}', pos);
        if (close < 0) fail();
        pos = close + 1;
        return unknown;
      }
      pos += 2;
      if (/[A-Za-z0-9]/.test(next)) return unknown;
      return [{ text: next, more: true }];
    }
    if (ch === '^' || ch === '$') { pos++; return empty; }
    if (ch === '.' || ch === '*' || ch === '+' || ch === '?' || ch === '{' || ch === '}' || ch === ']') fail();
    pos++;
    return [{ text: ch, more: true }];
  };
  try {
    const all = alternation();
    if (pos !== src.length) return null;
    const out = new Set(all.map((b) => b.text));
    return out.has('') ? null : out;
  } catch {
    return null;
  }
}

/** Size of the BEGINS table (small, so that it stays in the cache between items). */
const BEGIN_HASH_BITS = 14;

/** The hash of one more unit of a beginning after `h` (a beginning's hash starts from its length). */
function beginHash(h: number, unit: number): number {
  return (Math.imul(h, 33) + unit) & ((1 << BEGIN_HASH_BITS) - 1);
}

/** A sticky union of some cues of a set (a capture group per cue, in list order) and their indices in the set. */
interface Union { re: RegExp; ids: number[] }

/**
 * Cues of a set tried at one kind of position. At a position only the cues that can start with its character are
 * tried (a union per character, made when first needed), in list order, so the first that matches is the same.
 */
interface Scanner {
  cues: Array<{ k: number; source: string; first: Set<number> | null }>;
  unions: Array<Union | null | undefined>;
  /** This scanner's bit in BEGINS; 0 when a cue's beginning cannot be read (then its regexes are always run). */
  bit: number;
  /** By first unit: how many units of the beginnings that start with it are looked up (the shortest one's length). */
  lengths: Uint8Array;
}

/**
 * Quick test before a union is run at a position: BEGINS[hash of n units] has the bit of every scanner with a cue that
 * can begin so, n being the scanner's `lengths` for the first unit (beginnings cut to that length). No cue of a
 * scanner can match where the units there do not have its bit.
 */
const BEGINS = new Uint8Array(1 << BEGIN_HASH_BITS);
let scanners = 0;

/**
 * A cue list compiled for one pass: cues that need a word start ('word') and cues matched inside a word ('compound')
 * are each tried only where they can count; 'none' cues everywhere.
 */
interface CueSet { cues: Cue[]; atWordStart: Scanner; inWord: Scanner }

function scanner(list: Cue[], keep: (c: Cue) => boolean): Scanner {
  const cues: Scanner['cues'] = [];
  list.forEach((c, k) => { if (keep(c)) cues.push({ k, source: c.re.source, first: firstUnits(c.re.source) }); });
  const starts = cues.map((c) => beginnings(c.source));
  let bit = 0;
  const lengths = new Uint8Array(65536);
  if (starts.every((b) => b !== null)) {
    bit = 1 << scanners++;
    const all = starts.flatMap((set) => [...set!]);
    for (const b of all) {
      const u = b.charCodeAt(0);
      if (lengths[u] === 0 || b.length < lengths[u]) lengths[u] = b.length;
    }
    for (const b of all) {
      const n = lengths[b.charCodeAt(0)];
      let h = n;
      for (let i = 0; i < n; i++) h = beginHash(h, b.charCodeAt(i));
      BEGINS[h] |= bit;
    }
  }
  return { cues, unions: new Array<Union | null | undefined>(65536), bit, lengths };
}

/** False when no cue of the scanner can match at `at` of text. `begins` is BEGINS (passed in by the hot loop). */
function mayMatchAt(sc: Scanner, text: string, at: number, begins: Uint8Array = BEGINS): boolean {
  const bit = sc.bit;
  if (bit === 0) return true;
  const n = sc.lengths[text.charCodeAt(at)];
  if (n === 0 || at + n > text.length) return false;
  let h = n;
  for (let i = 0; i < n; i++) h = beginHash(h, text.charCodeAt(at + i));
  return (begins[h] & bit) !== 0;
}

function unionAt(sc: Scanner, unit: number): Union | null {
  let u = sc.unions[unit];
  if (u === undefined) {
    const cues = sc.cues.filter((c) => c.first === null || c.first.has(unit));
    u = cues.length === 0 ? null : {
      re: new RegExp(cues.map((c) => `(${c.source.replace(/\((?!\?)/g, '(?:')})`).join('|'), 'uy'),
      ids: cues.map((c) => c.k),
    };
    sc.unions[unit] = u;
  }
  return u;
}

function cueSet(list: Cue[]): CueSet {
  return {
    cues: list,
    atWordStart: scanner(list, (c) => c.left !== 'compound'),
    inWord: scanner(list, (c) => c.left !== 'word'),
  };
}

/** Letter-or-digit class of UTF-16 code units beyond ASCII, filled in as met: 0 = not yet known, 1 = yes, 2 = no. */
const WORD_UNITS = new Uint8Array(65536);

/**
 * True when a UTF-16 code unit is a letter or digit (as WORD_CHAR.test(String.fromCharCode(c))). `known` is
 * WORD_UNITS, passed in by hot loops (a module variable read in a loop is slower than a local one).
 */
function isWordUnit(c: number, known: Uint8Array = WORD_UNITS): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  let v = known[c];
  if (v === 0) { v = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2; known[c] = v; }
  return v === 1;
}

/**
 * Which sets have cues that can start with a unit, inside a word (index unit + 65536) or at a word start (index
 * unit): 0 = not yet known, else 1 + a bit per set of BOTH_SETS.
 */
const SET_STARTS = new Uint8Array(2 * 65536);

function setStarts(inWord: boolean, unit: number): number {
  let v = 1;
  BOTH_SETS.forEach((set, s) => { if (unionAt(inWord ? set.inWord : set.atWordStart, unit) !== null) v += 1 << s; });
  SET_STARTS[inWord ? unit + 65536 : unit] = v;
  return v;
}

/**
 * Weighted evidence of the positive and the negative cues in lower-cased text, in one scan: at every position, the
 * first cue of a set in list order that matches there and fits its left boundary (a word start for 'word' cues,
 * inside a word for 'compound' ones) is counted. Each cue's repeats add less and less.
 */
function evidence(text: string): Array<{ total: number; kinds: number }> {
  const sets = BOTH_SETS;
  const starts = SET_STARTS;
  const wordUnits = WORD_UNITS;
  const begins = BEGINS;
  const counts = sets.map((set) => new Array<number>(set.cues.length).fill(0));
  const n = text.length;
  let inWord = false; // the unit before `at` is a letter or digit
  for (let at = 0; at < n; at++) {
    const unit = text.charCodeAt(at);
    let which = starts[inWord ? unit + 65536 : unit];
    if (which === 0) which = setStarts(inWord, unit);
    for (let s = 0; which > 1 && s < sets.length; s++) {
      if (((which - 1) & (1 << s)) === 0) continue;
      const sc = inWord ? sets[s].inWord : sets[s].atWordStart;
      if (!mayMatchAt(sc, text, at, begins)) continue;
      const u = unionAt(sc, unit)!;
      const re = u.re;
      re.lastIndex = at;
      if (!re.test(text)) continue;
      // A cue matches here: which one (the regex is run again only for the few positions that match).
      re.lastIndex = at;
      const m = re.exec(text)!;
      let g = 1;
      while (g < m.length && m[g] === undefined) g++;
      counts[s][u.ids[g - 1]]++;
    }
    inWord = isWordUnit(unit, wordUnits);
  }
  return sets.map((set, s) => {
    let total = 0;
    let kinds = 0;
    for (let k = 0; k < counts[s].length; k++) {
      const c = Math.min(counts[s][k], 12);
      if (c > 0) { kinds++; total += set.cues[k].w * (1 + Math.log(c)); }
    }
    return { total, kinds };
  });
}

const POSITIVE_SET = cueSet(POSITIVE);
const NEGATIVE_SET = cueSet(NEGATIVE);
/** Positive and negative cues, scanned together. */
const BOTH_SETS = [POSITIVE_SET, NEGATIVE_SET];

/**
 * Election relevance: `score` in 0..1 (0.5 = undecided) and `related` (score ≥ 0.5). Multilingual cue lexicons weigh
 * evidence of a public election against look-alikes (shareholder and union votes, sports bodies, conclaves,
 * bills and no-confidence motions, polls on other topics). A passing mention of an election in a long text stays low.
 */
export function electionRelevance(text: string, title: string | null, _language: string): { score: number; related: boolean } {
  const body = (text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text).toLowerCase();
  const head = (title ?? '').toLowerCase();
  const [pos, neg] = evidence(body);
  const [headPosEvidence, headNegEvidence] = head ? evidence(head) : [];
  const headPos = headPosEvidence?.total ?? 0;
  const headNeg = headNegEvidence?.total ?? 0;
  let positive = pos.total + headPos + 0.5 * Math.max(0, pos.kinds - 1);
  let negative = neg.total + headNeg;
  if (ELECTORAL_LAW.test(body) || ELECTORAL_LAW.test(head)) negative = Math.max(0, negative - 3);
  // A long article mentioning an election once or twice is not about it: scale evidence by length (per ~1500 chars).
  const lengthFactor = Math.max(1, Math.sqrt(body.length / 1500));
  positive /= lengthFactor;
  negative /= lengthFactor;
  const margin = positive - 1.2 * negative - 4.5;
  const score = 1 / (1 + Math.exp(-margin / 3));
  const rounded = Math.round(score * 1000) / 1000;
  return { score: rounded, related: rounded >= 0.5 };
}
