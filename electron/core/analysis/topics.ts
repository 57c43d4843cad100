// Topics of a statement or item from the documented topic list, by cue words in en/es/fr/de/pt (English cues always apply).

export interface Topic {
  /** Stable id stored with statements and used in filters. */
  id: string;
  /** What the topic covers, in the user's words. */
  description: string;
  /**
   * Cues per language (ISO 639-1), case-insensitive. A cue of up to 5 letters is a whole word (plural -s/-es allowed);
   * a longer cue is a stem matched at the start of a word ("violen" → violence, violent).
   */
  cues: Record<string, string[]>;
}

/** The documented topic list. Order is the order topics are reported in. */
export const TOPICS: readonly Topic[] = [
  {
    id: 'fraud',
    description: 'Fraud or rigging: ballot stuffing, vote buying, manipulated counts, irregularities, stolen elections.',
    cues: {
      en: ['fraud', 'fraudulent', 'rigged', 'rigging', 'ballot-stuffing', 'ballot stuffing', 'vote buying', 'vote-buying', 'irregularit', 'manipulat', 'tamper', 'stolen election', 'stole the election', 'falsif', 'cheat', 'cheating', 'malpractice', 'interference'],
      es: ['fraude', 'amañ', 'irregularidad', 'manipulaci', 'compra de votos', 'falsific', 'injerencia'],
      fr: ['fraude', 'truqu', 'irrégularit', 'manipulation', 'bourrage', 'achat de voix', 'falsifi', 'ingérence'],
      de: ['betrug', 'wahlbetrug', 'manipulation', 'manipuliert', 'unregelmäßigkeit', 'wahlfälschung', 'fälschung', 'einmischung'],
      pt: ['fraude', 'irregularidade', 'manipulaç', 'compra de votos', 'falsifica', 'interferência'],
    },
  },
  {
    id: 'violence',
    description: 'Violence and security: attacks, clashes, killings, arrests of campaigners, intimidation, security forces at the vote.',
    cues: {
      en: ['violen', 'attack', 'clash', 'killed', 'killing', 'dead', 'deaths', 'shot', 'shooting', 'bomb', 'intimidat', 'tear gas', 'teargas', 'arrest', 'detain', 'house arrest', 'soldier', 'terroris', 'security forces', 'unrest', 'riot'],
      es: ['violencia', 'violent', 'ataque', 'enfrentamiento', 'muert', 'asesina', 'intimidaci', 'detenid', 'arrest', 'gas lacrimógeno', 'disturbio'],
      fr: ['violence', 'violent', 'attaque', 'affrontement', 'tué', 'morts', 'intimidation', 'arrest', 'interpell', 'gaz lacrymogène', 'émeute'],
      de: ['gewalt', 'angriff', 'anschlag', 'zusammenstö', 'getötet', 'tote', 'einschüchterung', 'festgenommen', 'verhaftet', 'tränengas', 'unruhen'],
      pt: ['violência', 'violent', 'ataque', 'confronto', 'mort', 'assassin', 'intimidaç', 'preso', 'presos', 'prisão', 'detid', 'gás lacrimogêneo', 'tumulto'],
    },
  },
  {
    id: 'internet-media-restrictions',
    description: 'Internet or media restrictions: shutdowns, blackouts, blocked social media or phone networks, broadcast bans.',
    cues: {
      en: ['internet', 'shutdown', 'blackout', 'mobile service', 'mobile phone', 'telecommunication', 'social media ban', 'blocked', 'block access', 'throttl', 'censor', 'broadcast ban', 'x was blocked', 'vpn'],
      es: ['internet', 'apagón', 'bloqueo', 'bloquead', 'censura', 'redes sociales', 'telefonía'],
      fr: ['internet', 'coupure', 'blocage', 'bloqué', 'censure', 'réseaux sociaux', 'téléphonie'],
      de: ['internet', 'abschaltung', 'sperre', 'gesperrt', 'zensur', 'soziale medien', 'mobilfunk'],
      pt: ['internet', 'apagão', 'bloqueio', 'bloquead', 'censura', 'redes sociais', 'telefonia'],
    },
  },
  {
    id: 'press-freedom',
    description: 'Press freedom and free expression: journalists attacked or arrested, free press, freedom of expression, association and assembly.',
    cues: {
      en: ['press freedom', 'free press', 'freedom of the press', 'journalist', 'media personnel', 'reporter', 'freedom of expression', 'free speech', 'freedom of assembly', 'peaceful assembly', 'association', 'fundamental freedoms'],
      es: ['libertad de prensa', 'periodista', 'libertad de expresión', 'prensa libre', 'reporter'],
      fr: ['liberté de la presse', 'journaliste', "liberté d'expression", 'liberté d’expression', 'presse libre', 'reporter'],
      de: ['pressefreiheit', 'journalist', 'meinungsfreiheit', 'versammlungsfreiheit', 'reporter'],
      pt: ['liberdade de imprensa', 'jornalista', 'liberdade de expressão', 'imprensa livre', 'repórter'],
    },
  },
  {
    id: 'observers',
    description: 'Election observers and monitors: observation missions, their findings and access.',
    cues: {
      en: ['observer', 'monitor', 'observation mission', 'election mission', 'odihr', 'osce', 'carter center'],
      es: ['observador', 'observación electoral', 'misión de observación', 'veedor'],
      fr: ['observateur', "mission d'observation", 'mission d’observation'],
      de: ['wahlbeobachter', 'beobachter', 'beobachtungsmission'],
      pt: ['observador', 'missão de observação'],
    },
  },
  {
    id: 'turnout',
    description: 'Turnout and participation: how many voted, voter registration, boycotts, queues at polling stations.',
    cues: {
      en: ['turnout', 'participation', 'voter registration', 'registered voters', 'boycott', 'queue', 'low attendance', 'stayed home', 'stay away'],
      es: ['participación', 'abstención', 'boicot', 'padrón'],
      fr: ['participation', 'abstention', 'boycott', 'inscrits'],
      de: ['wahlbeteiligung', 'beteiligung', 'boykott', 'nichtwähler'],
      pt: ['participação', 'comparecimento', 'abstenção', 'boicote'],
    },
  },
  {
    id: 'results',
    description: 'Results: counts, tallies, winners and losers, projections, conceding or rejecting the outcome, recounts.',
    cues: {
      en: ['result', 'won', 'win', 'winner', 'victory', 'defeat', 'lost', 'percent', '%', 'tally', 'count', 'counting', 'recount', 'conced', 'landslide', 'majority', 'seats', 'projection', 'exit poll', 'declared'],
      es: ['resultado', 'ganó', 'gana', 'ganador', 'victoria', 'triunfo', 'derrota', 'perdió', 'escrutinio', 'recuento', 'mayoría', 'escaños', 'por ciento'],
      fr: ['résultat', 'gagné', 'remport', 'vainqueur', 'victoire', 'défaite', 'perdu', 'dépouillement', 'majorité', 'sièges', 'estimation', 'en tête'],
      de: ['ergebnis', 'gewonnen', 'gewinnt', 'sieg', 'niederlage', 'verloren', 'auszählung', 'mehrheit', 'sitze', 'hochrechnung', 'prozent'],
      pt: ['resultado', 'venceu', 'vence', 'vencedor', 'vitória', 'derrota', 'perdeu', 'apuração', 'maioria', 'cadeiras', 'por cento'],
    },
  },
  {
    id: 'campaign',
    description: 'The campaign: rallies, programmes and promises, campaign finance, alliances, debates, disinformation campaigns.',
    cues: {
      en: ['campaign', 'rally', 'rallies', 'manifesto', 'platform', 'promise', 'pledge', 'debate', 'alliance', 'coalition', 'endorse', 'canvass', 'disinformation', 'spending'],
      es: ['campaña', 'mitin', 'programa', 'promesa', 'debate', 'alianza', 'coalición', 'desinformación'],
      fr: ['campagne', 'meeting', 'programme', 'promesse', 'débat', 'alliance', 'coalition', 'désinformation', 'désistement'],
      de: ['wahlkampf', 'kampagne', 'kundgebung', 'wahlprogramm', 'versprechen', 'debatte', 'bündnis', 'koalition', 'desinformation'],
      pt: ['campanha', 'comício', 'programa', 'promessa', 'debate', 'aliança', 'coligação', 'desinformação'],
    },
  },
  {
    id: 'candidates',
    description: 'Candidates: nominations, eligibility and disqualification, who runs, who withdraws, primaries.',
    cues: {
      en: ['candidate', 'candidacy', 'nominee', 'nominat', 'running mate', 'disqualif', 'barred from running', 'withdr', 'primary', 'primaries', 'contender', 'challenger', 'incumbent', 'frontrunner', 'front-runner'],
      es: ['candidat', 'postulaci', 'inhabilita', 'primarias', 'aspirante', 'contendiente'],
      fr: ['candidat', 'investiture', 'inéligib', 'primaire', 'prétendant', 'tête de liste', 'chef de file'],
      de: ['kandidat', 'spitzenkandidat', 'nominier', 'vorwahl', 'herausforderer', 'amtsinhaber'],
      pt: ['candidat', 'inelegív', 'primárias', 'concorrente'],
    },
  },
  {
    id: 'courts',
    description: 'Courts and legal challenges: petitions, rulings, annulments, electoral law and its changes.',
    cues: {
      en: ['court', 'judge', 'justice', 'ruling', 'ruled', 'annul', 'annulled', 'annulment', 'nullif', 'petition', 'lawsuit', 'litigation', 'legal challenge', 'appeal', 'tribunal', 'unconstitutional', 'election act', 'electoral law', 'legal'],
      es: ['tribunal', 'corte', 'juez', 'fallo', 'anuló', 'anular', 'anulación', 'impugna', 'recurso', 'demanda', 'ley electoral', 'inconstitucional'],
      fr: ['tribunal', 'cour', 'juge', 'conseil constitutionnel', 'annulé', 'annulée', 'annulation', 'recours', 'contentieux', 'loi électorale', 'inconstitutionnel'],
      de: ['gericht', 'richter', 'urteil', 'annulliert', 'klage', 'beschwerde', 'wahlrecht', 'verfassungswidrig', 'verfassungsgericht'],
      pt: ['tribunal', 'juiz', 'ministro do stf', 'decisão judicial', 'anulou', 'anulação', 'anular', 'recurso', 'lei eleitoral', 'inconstitucional'],
    },
  },
  {
    id: 'foreign-reaction',
    description: 'Foreign reaction: statements of other governments and international bodies, congratulations, concern, sanctions, interference claims.',
    cues: {
      en: ['state department', 'foreign ministry', 'foreign minister', 'foreign office', 'embassy', 'ambassador', 'international community', 'sanction', 'congratulat', 'european union', 'united nations', 'secretary-general', 'white house', 'kremlin', 'foreign interference', 'western'],
      es: ['cancillería', 'ministerio de relaciones exteriores', 'embajada', 'embajador', 'comunidad internacional', 'sancion', 'felicit', 'unión europea', 'naciones unidas'],
      fr: ['quai d', 'ministère des affaires étrangères', 'ambassade', 'ambassadeur', 'communauté internationale', 'sanction', 'félicit', 'union européenne', 'nations unies'],
      de: ['auswärtige amt', 'außenminister', 'botschaft', 'botschafter', 'internationale gemeinschaft', 'sanktion', 'gratulier', 'glückwunsch', 'europäische union', 'vereinte nationen'],
      pt: ['itamaraty', 'ministério das relações exteriores', 'embaixada', 'embaixador', 'comunidade internacional', 'sanções', 'parabeniz', 'felicit', 'união europeia', 'nações unidas'],
    },
  },
];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A cue over lower-cased text: a cue of up to 5 letters (code points) is a whole word with an optional plural
 * ("(?:e?s)?" then no letter or digit), a longer one (and "%") a literal prefix.
 */
interface Cue { text: string; word: boolean; topic: number }

/**
 * Per language: each topic's cues (English cues added: English terms travel), longest first. At a position, the
 * first cue in topic order that matches there counts. Cues are looked up by their first three units; where a cue
 * shorter than that ("%") can start, the cues starting with that unit are run as one sticky regex with a capture
 * group per topic (made when first needed; same order, so the first cue that matches is the same).
 */
interface Compiled {
  cues: Cue[][];
  /** Cues of three units or more by startHash of their first three units, in topic order. */
  byStart: Array<Cue[] | undefined>;
  /** 1 for the first unit of a cue shorter than three units (there the regex of the unit is run). */
  short: Uint8Array;
  byUnit: Array<{ re: RegExp; topics: number[] } | null | undefined>;
}
const COMPILED = new Map<string, Compiled>();
/** Compiled cues by the language asked for (many languages share the 'all' list). */
const BY_LANGUAGE = new Map<string, Compiled>();
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Size of the start hashes (a small table stays in the cache). */
const START_HASH_BITS = 12;

/** A hash of three UTF-16 units. */
function startHash(a: number, b: number, c: number): number {
  return (Math.imul(Math.imul(a, 31) + b, 31) + c) & ((1 << START_HASH_BITS) - 1);
}

function compiled(language: string): Compiled {
  let c = BY_LANGUAGE.get(language);
  if (c) return c;
  const lang = /^(en|es|fr|de|pt)$/.test(language) ? language : 'all';
  c = COMPILED.get(lang);
  if (!c) {
    const cues = TOPICS.map((t, topic) => {
      const stems = lang === 'all' ? Object.values(t.cues).flat() : [...(t.cues[lang] ?? []), ...(lang === 'en' ? [] : t.cues.en)];
      const alternatives = [...new Set(stems.map((s) => s.toLowerCase()))].sort((a, b) => b.length - a.length);
      return alternatives.map((a) => ({ text: a, word: a !== '%' && [...a].length <= 5, topic }));
    });
    c = { cues, byStart: new Array<Cue[] | undefined>(1 << START_HASH_BITS), short: new Uint8Array(65536), byUnit: new Array(65536) };
    for (const cue of cues.flat()) {
      const a = cue.text;
      if (a.length < 3) { c.short[a.charCodeAt(0)] = 1; continue; }
      (c.byStart[startHash(a.charCodeAt(0), a.charCodeAt(1), a.charCodeAt(2))] ??= []).push(cue);
    }
    COMPILED.set(lang, c);
  }
  if (BY_LANGUAGE.size < 64) BY_LANGUAGE.set(language, c);
  return c;
}

/** The regex of the cues that start with `unit` (used where a cue shorter than three units may start). */
function regexAt(c: Compiled, unit: number): { re: RegExp; topics: number[] } | null {
  let r = c.byUnit[unit];
  if (r === undefined) {
    const topics: number[] = [];
    const groups: string[] = [];
    c.cues.forEach((list, t) => {
      const alts = list.filter((a) => a.text.charCodeAt(0) === unit).map((a) => `${escapeRe(a.text)}${a.word ? '(?:e?s)?(?![\\p{L}\\p{N}])' : ''}`);
      if (alts.length) { topics.push(t); groups.push(`(${alts.join('|')})`); }
    });
    r = topics.length ? { re: new RegExp(groups.join('|'), 'uy'), topics } : null;
    c.byUnit[unit] = r;
  }
  return r;
}

/** Letter-or-digit class of UTF-16 code units beyond ASCII, filled in as met: 0 = not yet known, 1 = yes, 2 = no. */
const WORD_UNITS = new Uint8Array(65536);

/** True when a UTF-16 code unit is a letter or digit (as LETTER_OR_DIGIT.test(String.fromCharCode(c))). `known` is WORD_UNITS. */
function isWordUnit(c: number, known: Uint8Array): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  let v = known[c];
  if (v === 0) { v = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2; known[c] = v; }
  return v === 1;
}

/** True when a letter or digit (a code point, as (?![\p{L}\p{N}]) reads it) starts at i. */
function wordCharAt(s: string, i: number, known: Uint8Array): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER_OR_DIGIT.test(s.slice(i, i + 2));
  }
  return isWordUnit(c, known);
}

/** End of `cue` matched at i of s, or -1 (as its regex: the text, then for a word "(?:e?s)?(?![\p{L}\p{N}])"). */
function matchCue(s: string, i: number, cue: Cue, known: Uint8Array): number {
  if (!s.startsWith(cue.text, i)) return -1;
  const e = i + cue.text.length;
  if (!cue.word) return e;
  if (s.startsWith('es', e) && !wordCharAt(s, e + 2, known)) return e + 2;
  if (s.charCodeAt(e) === 115 /* s */ && !wordCharAt(s, e + 1, known)) return e + 1;
  return wordCharAt(s, e, known) ? -1 : e;
}

/** The ids of the topics whose cues occur in `text` (in TOPICS order). Only the first 20,000 characters are read. */
export function topicsOf(text: string, language: string): string[] {
  if (!text) return [];
  const sample = (text.length > 20_000 ? text.slice(0, 20_000) : text).toLowerCase();
  const c = compiled(language);
  const known = WORD_UNITS;
  const found = new Array<boolean>(TOPICS.length).fill(false);
  let left = TOPICS.length;
  // Cues are matched left to right, each from the end of the one before, at the start of a word ("%" anywhere).
  const n = sample.length;
  let afterWord = false; // the unit before i is a letter or digit
  for (let i = 0; left > 0 && i < n; ) {
    const unit = sample.charCodeAt(i);
    let topic = -1;
    let end = -1;
    if (afterWord && unit !== 37 /* % */) {
      // not at the start of a word
    } else if (c.short[unit] === 1) {
      const r = regexAt(c, unit);
      r!.re.lastIndex = i;
      const m = r!.re.exec(sample);
      if (m && m[0].length > 0) {
        let g = 1;
        while (m[g] === undefined) g++;
        topic = r!.topics[g - 1];
        end = i + m[0].length;
      }
    } else if (i + 3 <= n) {
      const bucket = c.byStart[startHash(unit, sample.charCodeAt(i + 1), sample.charCodeAt(i + 2))];
      if (bucket !== undefined) {
        for (const cue of bucket) {
          end = matchCue(sample, i, cue, known);
          if (end >= 0) { topic = cue.topic; break; }
        }
      }
    }
    if (topic < 0) { afterWord = isWordUnit(unit, known); i++; continue; }
    if (!found[topic]) { found[topic] = true; left--; }
    afterWord = isWordUnit(sample.charCodeAt(end - 1), known);
    i = end;
  }
  return TOPICS.filter((_t, i) => found[i]).map((t) => t.id);
}
