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
 * Per language: each topic's cue patterns over lower-cased text (English cues added: English terms travel), and, per
 * character a cue can start with, one sticky regex with a capture group per topic holding only the cues that start
 * with it (made when first needed; same order, so the first cue that matches is the same as with all of them).
 */
interface Compiled {
  cues: Array<Array<{ source: string; first: number }>>;
  byUnit: Array<{ re: RegExp; topics: number[] } | null | undefined>;
  /** Quick test before a regex is run: bit startHash(a, b, c) set for the first three units of every cue. */
  starts: Uint8Array;
  /** 1 for the first unit of a cue shorter than three units (there the regex is always run). */
  short: Uint8Array;
}
const COMPILED = new Map<string, Compiled>();
/** Compiled cues by the language asked for (many languages share the 'all' list). */
const BY_LANGUAGE = new Map<string, Compiled>();
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A hash of three UTF-16 units (one-to-one for lower-case a–z). */
function startHash(a: number, b: number, c: number): number {
  return ((a << 10) ^ (b << 5) ^ c) & 0xffff;
}

function compiled(language: string): Compiled {
  let c = BY_LANGUAGE.get(language);
  if (c) return c;
  const lang = /^(en|es|fr|de|pt)$/.test(language) ? language : 'all';
  c = COMPILED.get(lang);
  if (!c) {
    const starts = new Uint8Array(65536 >> 3);
    const short = new Uint8Array(65536);
    const cues = TOPICS.map((t) => {
      const stems = lang === 'all' ? Object.values(t.cues).flat() : [...(t.cues[lang] ?? []), ...(lang === 'en' ? [] : t.cues.en)];
      const alternatives = [...new Set(stems.map((s) => s.toLowerCase()))].sort((a, b) => b.length - a.length);
      for (const a of alternatives) {
        if (a.length < 3) { short[a.charCodeAt(0)] = 1; continue; }
        const h = startHash(a.charCodeAt(0), a.charCodeAt(1), a.charCodeAt(2));
        starts[h >>> 3] |= 1 << (h & 7);
      }
      // The left word boundary is checked in code (a leading look-behind would slow the scan down).
      return alternatives.map((a) => ({ source: `${escapeRe(a)}${a !== '%' && [...a].length <= 5 ? '(?:e?s)?(?![\\p{L}\\p{N}])' : ''}`, first: a.charCodeAt(0) }));
    });
    c = { cues, byUnit: new Array(65536), starts, short };
    COMPILED.set(lang, c);
  }
  if (BY_LANGUAGE.size < 64) BY_LANGUAGE.set(language, c);
  return c;
}

/** False when no cue can match at i (the first three units there begin no cue); true when one may. */
function mayMatchAt(c: Compiled, s: string, i: number, unit: number): boolean {
  if (c.short[unit] === 1) return true;
  if (i + 3 > s.length) return false;
  const h = startHash(unit, s.charCodeAt(i + 1), s.charCodeAt(i + 2));
  return (c.starts[h >>> 3] & (1 << (h & 7))) !== 0;
}

function regexAt(c: Compiled, unit: number): { re: RegExp; topics: number[] } | null {
  let r = c.byUnit[unit];
  if (r === undefined) {
    const topics: number[] = [];
    const groups: string[] = [];
    c.cues.forEach((list, t) => {
      const alts = list.filter((a) => a.first === unit).map((a) => a.source);
      if (alts.length) { topics.push(t); groups.push(`(${alts.join('|')})`); }
    });
    r = topics.length ? { re: new RegExp(groups.join('|'), 'uy'), topics } : null;
    c.byUnit[unit] = r;
  }
  return r;
}

/** Letter-or-digit class of UTF-16 code units beyond ASCII, filled in as met: 0 = not yet known, 1 = yes, 2 = no. */
const WORD_UNITS = new Uint8Array(65536);

/** True when the UTF-16 code unit at i-1 is a letter or digit (as LETTER_OR_DIGIT.test(s[i - 1])). */
function afterLetterOrDigit(s: string, i: number): boolean {
  if (i <= 0) return false;
  const c = s.charCodeAt(i - 1);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  let v = WORD_UNITS[c];
  if (v === 0) { v = LETTER_OR_DIGIT.test(s[i - 1]) ? 1 : 2; WORD_UNITS[c] = v; }
  return v === 1;
}

/** The ids of the topics whose cues occur in `text` (in TOPICS order). Only the first 20,000 characters are read. */
export function topicsOf(text: string, language: string): string[] {
  if (!text) return [];
  const sample = (text.length > 20_000 ? text.slice(0, 20_000) : text).toLowerCase();
  const c = compiled(language);
  const found = new Array<boolean>(TOPICS.length).fill(false);
  let left = TOPICS.length;
  // Cues are matched left to right, each from the end of the one before, at the start of a word ("%" anywhere).
  const n = sample.length;
  let i = 0;
  while (left > 0 && i < n) {
    const unit = sample.charCodeAt(i);
    const r = unit !== 37 /* % */ && afterLetterOrDigit(sample, i) ? null : regexAt(c, unit);
    if (r === null || !mayMatchAt(c, sample, i, unit)) { i++; continue; }
    r.re.lastIndex = i;
    const m = r.re.exec(sample);
    if (!m || m[0].length === 0) { i++; continue; }
    for (let g = 1; g < m.length; g++) {
      if (m[g] !== undefined) { const t = r.topics[g - 1]; if (!found[t]) { found[t] = true; left--; } break; }
    }
    i += m[0].length;
  }
  return TOPICS.filter((_t, i) => found[i]).map((t) => t.id);
}
