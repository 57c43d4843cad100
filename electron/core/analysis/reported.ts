// Reported speech: "X said (that) …", "…, X said", "according to X, …", "X urged Y to …", headline "X says …" / "X: claim".
import { cueOf, nextCue, type Cue } from './cues.js';
import { isAdjunctStart, phraseAfter, pieces, subjectBefore, wordCount, type Subject } from './clauses.js';
import type { Quotation } from './quotes.js';
import { codeBefore, GROUP_NOUNS, isAdjectiveWord, isFiniteVerbWord, isLetterOrDigit, isVerbWord, LETTER_START, LOWER_START, parseSpeakerPhrase, ROLE_NOUNS, UPPER_START } from './speakers.js';
import { spanIndexAt, type Span } from './sentences.js';

/** A statement before its speaker is resolved. */
export interface RawStatement {
  start: number;
  end: number;
  direct: boolean;
  cue: string | null;
  cueAt: number;
  /** The speaker phrase as written, or null when it must be inherited. */
  speaker: Subject | null;
  /** Where to take the speaker from when `speaker` is null. */
  inherit: 'sentence' | 'previous' | null;
  confidence: number;
  /** The sentence around the statement. */
  sentence: Span;
  /** Attached directly to its cue (a short quotation that is the object of a speech verb). */
  attached?: boolean;
}

const CLOSE_QUOTES = /["”’'»«“]$/;
const THAT = /^(?:that|que|qu’|qu'|dass|daß|como)$/i;
const CLAIM_NOUNS = /^(?:claims?|allegations?|accusations?|charges?|reports?|suggestions?|notion|idea|criticism|assertions?|rumou?rs?|speculation|calls?|demands?|any|the\s+(?:claims?|allegations?|accusations?|charges?|reports?|suggestion|notion|idea|criticism|assertions?|rumou?rs?|speculation))\b/i;
const REJECT_LIKE = /^(?:rejected|rejects|reject|denied|denies|deny|dismissed|dismisses|rejeté|rejette|nié|nie|démenti|rechazó|rechaza|negó|niega|negou|nega|rejeitou|rejeita|bestritt|dementierte|rejecting|denying|dismissing)$/i;
const BARE_EVENT = /^(?:defeat|la\s+défaite|la\s+derrota|a\s+derrota|die\s+niederlage|victory|the\s+results?|the\s+defeat|his\s+defeat|her\s+defeat|their\s+defeat)$/i;
const TOLD_OBJECTS = /^(?:reporters?|journalists?|media|press|supporters|parliament|lawmakers|legislators|crowds?|voters|members|delegates|me|us|him|her|them|you|officials|students|residents|listeners|viewers|audiences?)$/i;

export function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && /[\s,;:–—-]/.test(text[s]!)) s++;
  while (e > s && /[\s,;:.!?–—-]/.test(text[e - 1]!)) e--;
  return [s, e];
}

function insideQuote(quotes: Quotation[], at: number): boolean {
  let lo = 0, hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid]!;
    if (at < q.start) hi = mid - 1;
    else if (at >= q.end) lo = mid + 1;
    else return true;
  }
  return false;
}

function titleCase(text: string, s: Span): boolean {
  const ws = text.slice(s.start, Math.min(s.end, s.start + 300)).split(/\s+/).filter((w) => LETTER_START.test(w));
  return ws.length >= 3 && ws.filter((w) => UPPER_START.test(w)).length / ws.length >= 0.6;
}

/** Cue words that are as often plural nouns ("the rules", "his claims"); in running English text a noun after a number,
 * an adjective or a gerund, or before a relative "that could …". */
const AMBIGUOUS_PLURALS = /^(?:rules|claims|reports|calls|plans|states|notes|demands|promises|charges|orders|questions|attacks|fears|hopes|doubts|warns|thanks|requests|appeals|signals|hints|vows|pledges|threats|cites|blames)$/i;
/** The same for capitalised headline words ("Power Plant Rules Face …"); "Calls" and "Wants" are left out, headlines use
 * them as verbs ("Christie Calls Clinton ‘A Disgrace’"). */
const HEADLINE_NOUNS = /^(?:rules|plans|reports|claims|attacks|questions|thanks|demands|promises|notes|states|hopes|fears|doubts|aims|signals|hints|charges|orders|requests|appeals|proposes|threats|vows|pledges|cites|blames|reveals|suggests|predicts)$/i;
const NOUN_MARKERS = /^(?:the|a|an|his|her|their|its|our|my|your|these|those|such|any|no|every)$/;
const PREP_MARKERS = /^(?:in|of|for|with|from|at|by|on|into|over)$/;

/** Is the cue word matched at m not a speech verb here: a noun ("his claims", "in reported attacks", "11 states will"),
 * "added to", or a capitalised headline noun? */
function notSpeechHere(text: string, m: RegExpExecArray, sentStart: number, language: string): boolean {
  const word = m[0];
  const after = text.slice(m.index + word.length, m.index + word.length + 24);
  // "added to his portfolio", "adding to the pressure"
  if (/^add(?:ed|s|ing)$/i.test(word) && /^\s+to\s/i.test(after)) return true;
  // "Power Plant Rules Face …" (the sentence's own first word may be a verb: "Says Who")
  if (UPPER_START.test(word) && m.index !== sentStart && HEADLINE_NOUNS.test(word) && !/^\s+(?:to|for|on|that)\s/i.test(after)) return true;
  if (language !== 'en') return false;
  const before = wordBeforeSpaces(text, m.index)?.toLowerCase();
  if (!before) return false;
  // "Clean Air Act rules that could lead", "11 states will cast", "our worst fears", "finalizing rules"
  if (AMBIGUOUS_PLURALS.test(word) && (/\d$/.test(before) || /(?:ing|est)$/.test(before) || isAdjectiveWord(before) ||
    /^\s+that\s+(?:could|would|will|can|may|might|must|should|have|has|had|is|are|was|were)\b/i.test(after))) return true;
  // "his claims", "the reports", "in reported attacks" (a participle after a preposition is a verb: "after saying")
  return NOUN_MARKERS.test(before) || (PREP_MARKERS.test(before) && !/ing$/i.test(word) && !/^according/i.test(word));
}

interface CueHit { start: number; end: number; text: string; cue: Cue }

/** Text right before `at`, skipping spaces and auxiliaries like French "a", ends with a comma or closing quote? */
function commaBefore(text: string, at: number, floor: number): number {
  const ps = pieces(text, Math.max(floor, at - 40), at);
  let i = ps.length - 1;
  while (i >= 0 && !ps[i]!.punct && /^(a|ha|hat|has|have|had|also|then|later|further|ont|s’est|s'est|se|est|toutefois|néanmoins|encore|a-t-il|a-t-elle|ont-ils|ont-elles)$/i.test(ps[i]!.text)) i--;
  if (i >= 0 && ps[i]!.punct && (ps[i]!.text === ',' || CLOSE_QUOTES.test(ps[i]!.text))) return ps[i]!.start;
  return -1;
}

/** Start of the content after a cue: skips adjuncts ("on Friday", "in a statement"), "that", "to", told-objects. */
function complementStart(text: string, hit: CueHit, sentEnd: number): number {
  const ps = pieces(text, hit.end, Math.min(sentEnd, hit.end + 200));
  let i = 0;
  // "…that" within the next words when the words before it are an adjunct or the object of "told"
  const thatIdx = ps.slice(0, 12).findIndex((p) => !p.punct && THAT.test(p.text));
  // a quoted name may stand in the object of "told": told MSNBC's “Morning Joe” that …
  const toldLike = hit.cue.kind === 'told';
  const stopIdx = ps.slice(0, 12).findIndex((p) => p.punct && (toldLike ? /[.;!?]/ : /[.;!?"“”«»]/).test(p.text));
  if (thatIdx >= 0 && (stopIdx < 0 || thatIdx < stopIdx) && (thatIdx === 0 || hit.cue.kind === 'told' || /^(told|tells|telling|dijo|disse)$/i.test(hit.text) || isAdjunctStart(ps[0]!.text) || ps[0]!.punct)) {
    return ps[thatIdx]!.end;
  }
  if (/^(told|tells|tell|reminded|reminds|assured|assures|warned|warns|informed|informs)$/i.test(hit.text)) {
    // "told reporters they …", "told CNN the …"
    if (i + 1 < ps.length && /^(the|a|an)$/i.test(ps[i]!.text) && /^(media|press|crowd|audience|rally|news|reporters|journalists|nation|country|parliament|senate|house|assembly|conference|meeting|committee)$/i.test(ps[i + 1]!.text)) {
      i += /^news$/i.test(ps[i + 1]!.text) && i + 2 < ps.length && /^conference$/i.test(ps[i + 2]!.text) ? 3 : 2;
    }
    // "told his advisers …", "told their supporters …"
    if (i === 0 && i + 1 < ps.length && /^(?:his|her|their|its|our|my|the)$/i.test(ps[0]!.text) && !ps[1]!.punct) i = 2;
    while (i < ps.length && i < 4 && !ps[i]!.punct && (TOLD_OBJECTS.test(ps[i]!.text) || UPPER_START.test(ps[i]!.text))) i++;
    if (i === 0) {
      // "told a Planned Parenthood gathering in Washington she will …": a longer object, then a pronoun subject
      const k = ps.slice(1, 9).findIndex((p) => !p.punct && /^(?:he|she|they|we|I)$/.test(p.text));
      if (k >= 0 && /^(?:a|an|the)$/i.test(ps[0]!.text) && !ps.slice(0, k + 1).some((p) => p.punct)) return ps[k + 1]!.start;
      return -1;
    }
    // "told his advisers to figure out …": object and infinitive, like "urged X to …"
    if (i < ps.length && /^to$/i.test(ps[i]!.text)) return ps[0]!.start;
  }
  // adjunct: "on Friday", "on Thursday that", "in a statement:"
  if (i < ps.length && isAdjunctStart(ps[i]!.text) && !/^(to)$/i.test(ps[i]!.text)) {
    let j = i + 1;
    while (j < ps.length && j - i < 5 && !ps[j]!.punct && /^(\p{Lu}|the|a|an|his|her|their|its|statement|interview|news|conference|press|briefing|speech|morning|evening|night|afternoon|soir|matin)/u.test(ps[j]!.text)) j++;
    if (j < ps.length && ps[j]!.punct && (ps[j]!.text === ',' || ps[j]!.text === ':')) j++;
    i = j;
  }
  if (i < ps.length && !ps[i]!.punct && THAT.test(ps[i]!.text)) i++;
  if (i < ps.length && ps[i]!.punct && ps[i]!.text === ':') i++;
  if (hit.cue.kind === 'infinitive' && i < ps.length && /^(to|de|d’|d'|a|zu)$/i.test(ps[i]!.text)) i++;
  if (i >= ps.length) return -1;
  // French/Spanish elided complementiser glued to the next word: "qu’il nommerait" → "il nommerait"
  const elided = /^qu[’']/i.exec(ps[i]!.text);
  if (elided && ps[i]!.text.length > elided[0].length) return ps[i]!.start + elided[0].length;
  return ps[i]!.start;
}

const isWordChar = (cp: number): boolean => isLetterOrDigit(cp) || cp === 0x2019 || cp === 39 || cp === 45;

function isSpaceCode(c: number): boolean {
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : /\s/.test(String.fromCharCode(c));
}

/** The word (letters, digits, ’ ' -) right before the spaces that end text[at - 16, at), as
 * /([\p{L}\p{N}’'-]+)\s+$/u reads that slice; undefined when there is none. */
function wordBeforeSpaces(text: string, at: number): string | undefined {
  const lo = Math.max(0, at - 16);
  let e = at;
  while (e > lo && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e === at) return undefined;
  let s = e;
  while (s > lo) {
    const cp = codeBefore(text, s, lo);
    if (!isWordChar(cp)) break;
    s -= cp > 0xffff ? 2 : 1;
  }
  return s < e ? text.slice(s, e) : undefined;
}

/** The text before the first whitespace of s (what s.split(/\s+/)[0] gives). */
function firstWord(s: string): string {
  const i = s.search(/\s/);
  return i < 0 ? s : s.slice(0, i);
}

/** Bounds on the work per item and per sentence (a sentence with dozens of speech verbs is not prose). */
const MAX_CUES = 20000;
const MAX_CUES_PER_SENTENCE = 12;

/** Statements of reported speech in `text`. `quotes` are the direct quotations (cues inside them are ignored). */
export function findReported(text: string, sents: Span[], quotes: Quotation[], language: string): RawStatement[] {
  const out: RawStatement[] = [];
  const hitsBySentence = new Map<number, CueHit[]>();
  let total = 0;
  for (let m = nextCue(language, text, 0); m; m = nextCue(language, text, m.index + m[0].length)) {
    if (++total > MAX_CUES) break;
    if (insideQuote(quotes, m.index)) continue;
    const si = spanIndexAt(sents, m.index);
    if (si < 0) continue;
    // "The United States' stance", "Says Who": a capitalised cue counts only at a sentence start or in a headline
    if (UPPER_START.test(m[0]) && m.index !== sents[si]!.start && !titleCase(text, sents[si]!)) continue;
    if (notSpeechHere(text, m, sents[si]!.start, language)) continue;
    const list = hitsBySentence.get(si) ?? [];
    if (list.length >= MAX_CUES_PER_SENTENCE) continue;
    list.push({ start: m.index, end: m.index + m[0].length, text: m[0], cue: cueOf(language, m[0]) });
    hitsBySentence.set(si, list);
  }
  for (const [si, hits] of hitsBySentence) {
    const sent = sents[si]!;
    hits.forEach((hit, hi) => {
      const r = statementAt(text, sent, hit, quotes, hits.slice(hi + 1), language);
      if (r) out.push(r);
    });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function isRoleOrGroup(phrase: string): boolean {
  const ws = phrase.toLowerCase().split(/\s+/);
  return ws.some((w) => ROLE_NOUNS.has(w) || GROUP_NOUNS.has(w));
}

function isGenericData(s: string): boolean {
  return /\b(?:data|figures|estimates?|projections?|polls?|survey|surveys|respondents|tally|count|document|media|reports?|results|calculations|hochrechnungen|angaben|estimations?|sondages?|encuestas?|pesquisas?|sources?|observers|analysts|experts|diario|journal|newspaper|news\s+agency|press\s+agency|agence|agencia)\b/i.test(s);
}

const EVALUATIVE = /^(?:attack|blast|slam|lambast|mock|ridicul|decri|tout|hail|endors|propos|defend|disput|thank|apologi[sz]ed|pushed|advocat|recommend|oppos|referr?ing|referencing)/i;

/** News outlets: their reports are not statements (guideline). */
const OUTLET = /\b(?:times|post|news|journal|herald|tribune|daily|magazine|gazette|telegraph|guardian|network|tv|radio|television|channel|outlet|wire|press|politico|cnn|msnbc|nbc|abc|cbs|fox|reuters|bloomberg|ap|afp|axios|breitbart|huffington|huffpost|buzzfeed|vox|slate|atlantic|economist|newsweek|reporters?|journalists?|researchers|study|studies|polls?|surveys?)\b/i;

/** "…, Trump boasted" / "…, he added": a new clause with its own subject right before a later cue. */
const OWN_CLAUSE_BEFORE_CUE = /(?:[,;―—–]\s+(?:(?:though|although|but|and|while|whereas|as|because|since|yet|so)\s+)?|\s+(?:though|although|but|and|while|whereas|because|since)\s+)(?:(?:\p{Lu}[\p{L}.’'-]*\s+){1,3}|(?:he|she|they|we|I)\s+)(?:(?:also|then|later|has|had|have|even|quickly|repeatedly|publicly)\s+)?$/u;
/** Where a noun object ends: an apposition or aside ("…, another example of …", " -- …", "; …"). */
const OBJECT_ASIDE = /,\s+(?:another|a|an|which|who|yet|but|further|while|as|should|amid|in|at|on|even|including|saying|adding|with|the\s+latest)\s|,\s+\p{Ll}+ing\s|\s+--?\s|\s[—–]\s|;/iu;
/** Where clause content ends: a semicolon, a dash aside or a participial phrase after a comma (global: reset before use). */
const CLAUSE_ASIDE = /;|\s+(?:--?|[—–])\s|,\s+(?!according\b)\p{Ll}+ing\s(?![^,]*,)/gu;

/** A reported statement of `hit`, spelled out field by field (an object spread that adds fields is slow in V8). */
function reportedAt(hit: CueHit, sent: Span, start: number, end: number, speaker: Subject | null, inherit: RawStatement['inherit'], confidence = 0.7): RawStatement {
  return { direct: false, cue: hit.text, cueAt: hit.start, sentence: sent, confidence, start, end, speaker, inherit };
}

function statementAt(text: string, sent: Span, hit: CueHit, quotes: Quotation[], laterHits: CueHit[], language: string): RawStatement | null {
  const { cue } = hit;
  // content of the cue ends at the next cue introduced by ", adding" / "and said" / ", according to"
  let limit = sent.end;
  const explicitThat = cue.kind === 'clause' && /^\s*(?:that|que|qu’|qu'|dass)\b/i.test(text.slice(hit.end, hit.end + 8));
  // the first later cue that starts a new statement: ", adding that …", "… and said …", ", according to …"
  for (const later of laterHits.slice(0, 8)) {
    const from = Math.max(hit.end, later.start - 32);
    const tail = text.slice(from, later.start);
    const cut = /(?:,\s*|\s+(?:and|et|y|und|e|but|mais|pero)\s+)(?:(?:also|then|later|publicly|has|have|had|a|ha|hat|toutefois|néanmoins|[a-z]{3,}ly)\s+)?$/i.exec(tail);
    const at = cut ? from + cut.index : -1;
    const commaCut = !!cut && cut[0].trimStart().startsWith(',');
    if (later.cue.participle && commaCut) { limit = at; break; }
    // "… while chanting, “…”", "… before adding that …": a participle of its own
    const sub = later.cue.participle ? /\s*[-–—,]?\s+(?:while|as|before|after|by|when)\s+$/i.exec(tail) : null;
    if (sub) { limit = from + sub.index; break; }
    if (later.cue.kind === 'according' && commaCut) { limit = at; break; }
    if (cut && !explicitThat && !later.cue.participle) { limit = at; break; }
    // "…, Trump boasted, “…”" / "…, he added": a new clause with its own subject ends the content
    const own = OWN_CLAUSE_BEFORE_CUE.exec(tail);
    if (own && !later.cue.participle && later.cue.kind !== 'according') { limit = from + own.index; break; }
  }
  if (!explicitThat) {
    // "Museveni says elections the ‘most cheating-free’, but Wine and West not so sure": the contrast is the narrator's
    const but = /,\s+(?:but|mais|pero|aber|mas)\s/i.exec(text.slice(hit.end, limit));
    if (but) limit = hit.end + but.index;
  }
  // "Ever since she endorsed Mrs. Clinton this month, Ms. Warren has been …": a leading subordinate clause ends at its comma
  if (!cue.participle && cue.kind !== 'according' && /^[\s"“'‘]*(?:ever\s+)?(?:since|when|after|before|because|although|though|if|as|while|once|until|whereas|whenever)\s[^,;:]*$/i.test(text.slice(sent.start, hit.start))) {
    const c = text.slice(hit.end, limit).search(/,\s/);
    if (c > 0) limit = hit.end + c;
  }
  const leadingAdverbial = cue.participle && hit.start > sent.start &&
    /^(?:In|On|At|After|During|Despite|With|Amid|Following|Since|Before|While|When|Through|Under|For|From)\s[^,;:]*$/.test(text.slice(sent.start, hit.start));
  if (cue.participle && (hit.start === sent.start || leadingAdverbial)) {
    // "Calling the decision a ‘coup’, the former civil servant urged …": the participial clause ends at its comma
    const c = text.slice(hit.end, limit).search(/,\s/);
    if (c > 0) limit = hit.end + c;
  }

  if (cue.kind === 'according') {
    let np = phraseAfter(text, hit.end, sent.end);
    // "according to three people briefed on the discussions", "according to a complaint filed by the S.E.C.",
    // "according to an analysis by Lily Batchelder": a placed source, or a document with a named author
    const whole = /^\s*([^,;.]{3,160}?)\s*(?=[,;.]|$)/.exec(text.slice(hit.end, sent.end));
    const placed = !!whole && (/\b(?:familiar\s+with|briefed\s+on|close\s+to|involved\s+in|present)\b/i.test(whole[1]!) ||
      /\b(?:filed|released|issued|written|published|prepared|sent)?\s*by\s+(?:the\s+)?\p{Lu}/u.test(whole[1]!)) &&
      !/\b(?:polls?|surveys?|data|figures|statistics|estimates?)\b/i.test(whole[1]!);
    if (placed && whole) { const st = hit.end + whole[0].indexOf(whole[1]!); np = { text: whole[1]!, start: st, end: st + whole[1]!.length }; }
    if (!np || (!placed && isGenericData(np.text)) || /^(?:the\s+)?(?:latest|official|preliminary|first|initial)\b/i.test(np.text)) return null;
    const afterNp = text.slice(np.end, sent.end);
    const comma = commaBefore(text, hit.start, sent.start);
    let s: number, e: number;
    if (comma >= 0 || hit.start - sent.start > 3) {
      [s, e] = trimSpan(text, sent.start, comma >= 0 ? comma : hit.start);
    } else if (/^\s*,/.test(afterNp)) {
      [s, e] = trimSpan(text, np.end + afterNp.indexOf(',') + 1, sent.end);
    } else return null;
    if (wordCount(text, s, e) < 5) return null;
    return reportedAt(hit, sent, s, e, np, null);
  }

  if (cue.weak) {
    // German postposed "…, so Merz."
    const comma = commaBefore(text, hit.start, sent.start);
    const np = phraseAfter(text, hit.end, sent.end);
    if (comma < 0 || !np || !['name', 'role', 'org'].includes(parseSpeakerPhrase(np.text).kind)) return null;
    const [s, e] = trimSpan(text, sent.start, comma);
    if (wordCount(text, s, e) < 3 || CLOSE_QUOTES.test(text.slice(s, comma).trimEnd())) return null;
    return reportedAt(hit, sent, s, e, np, null);
  }

  // inverted postposed attribution: "…, said Ms Daly." / "…, a déclaré M. Floden." / "…, dijo Massa."
  const comma = commaBefore(text, hit.start, sent.start);
  if (comma >= 0 && !cue.participle && (cue.kind === 'clause' || cue.kind === 'told')) {
    const np = phraseAfter(text, hit.end, sent.end);
    const before = subjectBefore(text, hit.start, sent.start);
    const pronounInv = before && before !== 'elided' && /^(il|elle|ils|elles)$/i.test(before.text);
    const rest = np ? text.slice(np.end, sent.end) : '';
    const npOk = !!np && (/^(?:\p{Lu})/u.test(np.text) || /^(?:the|a|an|le|la|les|el|los|o|os|der|die|das)\s+(?:[\p{L}’'-]+\s+){0,3}?(?:[\p{L}-]+)$/u.test(np.text) && isRoleOrGroup(np.text) ||
      // "…, wrote film director Osman Abu Laban", "…, said one GOP source": a role phrase with a name or an organisation in it
      (LOWER_START.test(np.text) && /\s\p{Lu}/u.test(np.text) && wordCount(text, np.start, np.end) <= 8 && !/^(?:that|to|whether|if|how|why|what)\b/i.test(np.text)));
    // "Erin Murphy, a former aide who …, said McConnell's trip was …": subject and apposition, not an inversion
    const appositive = !!before && before !== 'elided' && !text.slice(sent.start, before.start).replace(/["“”«»„‘’'\s]/g, '') && before.end < comma &&
      (!/^\s*(?:[,.;:!?)]|$)/.test(rest) || wordCount(text, np ? np.start : hit.end, np ? np.end : hit.end) >= 4) && !pronounInv;
    // "…, also noted that Mr. Trump has mocked …": a noun phrase followed by its own verb is the subject of the content
    const npHasVerb = !!np && (() => { const w = /^\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)/u.exec(rest)?.[1]; return !!w && isFiniteVerbWord(w); })();
    if (appositive || npHasVerb) { /* preposed below */ } else if ((npOk && !/^\s+(?:to|that|que|of|de)\b/i.test(rest) && (UPPER_START.test(np!.text) || /^\s*(?:[,.;:!?)]|$|\s(?:in|at|on|to|during|after|before|while|when|na|no|em|en|à|au|dans|lors|ante|durante|bei|vor)\b)/u.test(rest))) || pronounInv) {
      if (CLOSE_QUOTES.test(text.slice(sent.start, comma).trimEnd()) || /["”»“]\s*$/.test(text.slice(Math.max(sent.start, comma - 2), comma + 1))) return null; // a direct quotation: attribution.ts
      const [s, e] = trimSpan(text, sent.start, comma);
      if (wordCount(text, s, e) < 3) return null;
      if (insideQuote(quotes, s) && insideQuote(quotes, Math.max(s, e - 1))) return null;
      const speaker = pronounInv ? (before as Subject) : np!;
      return reportedAt(hit, sent, s, e, speaker, null);
    }
  }

  const subj = subjectBefore(text, hit.start, sent.start);
  // "reported" counts for a named person or organisation, not for an outlet or study ("The Post reports …")
  // (a named reporter is a person: "MSNBC’s Ayman Mohyeldin reported that …")
  if (/^report/i.test(hit.text) && subj && subj !== 'elided' && (isGenericData(subj.text) || OUTLET.test(subj.text))) {
    const p = parseSpeakerPhrase(subj.text);
    if (!(p.kind === 'name' && p.speaker && !OUTLET.test(p.speaker) && !isGenericData(p.speaker))) return null;
  }
  let speaker: Subject | null = null;
  let inherit: RawStatement['inherit'] = null;
  if (cue.participle) {
    const before = text.slice(Math.max(sent.start, hit.start - 3), hit.start);
    if (subj && subj !== 'elided' && !/,\s*$/.test(before) && hit.start > sent.start && !leadingAdverbial) speaker = subj;
    if (!speaker) inherit = 'sentence';
    if (speaker && LOWER_START.test(speaker.text) && !/^(the|a|an)\s/.test(speaker.text)) { speaker = null; inherit = 'sentence'; }
    // "He released a letter from his doctor saying …": the object of the main verb is not the speaker — the sentence's subject is
    if (speaker && parseSpeakerPhrase(speaker.text).kind === 'none') { speaker = null; inherit = 'sentence'; }
  } else if (subj === 'elided') {
    inherit = 'sentence';
  } else if (subj) {
    speaker = subj;
  } else {
    // "Trump took to Twitter overnight to accuse Clinton's campaign of …": a purpose infinitive shares the sentence's subject
    // (not "refused to say", "wants to deny": those report no statement)
    const inf = /([\p{L}’'-]+)\s+(?:[\p{L}’'-]+\s+){0,6}?to\s+$/u.exec(text.slice(Math.max(sent.start, hit.start - 80), hit.start));
    const purpose = !!inf && /\bto\s+$/.test(text.slice(hit.start - 4, hit.start)) &&
      !/\b(?:refus|declin|want|tr(?:y|ied)|fail|began|begin|hop|plan|had|has|have|need|like|seem|appear|expect|agree|decid|chose|choose|promis|vow|continu|seek|sought|going|able|unable|ready|willing|reluctant|eager|about|us(?:ed|es)\s+to$|ought|intend|prepar|threaten|pledg|allow|ask|urg|forc|order|invit|encourag|prompt|lead|led)\w*\s+(?:[\p{L}’'-]+\s+){0,2}?to\s+$/iu.test(text.slice(Math.max(sent.start, hit.start - 40), hit.start));
    if (!purpose || cue.kind === 'clause' && !/that/i.test(text.slice(hit.end, hit.end + 8))) return null;
    inherit = 'sentence';
  }

  // postposed: "<clause>, the chairman said (at a news conference)." — content before the subject
  if (speaker && !cue.participle) {
    const pre = text.slice(sent.start, speaker.start).trimEnd();
    const endsComma = pre.endsWith(',');
    const restEnd = (() => { const i = text.slice(hit.end, sent.end).search(/[,;]/); return i < 0 ? sent.end : hit.end + i; })();
    const rest = text.slice(hit.end, restEnd);
    const restWords = wordCount(text, hit.end, restEnd);
    const restPieces = pieces(text, hit.end, restEnd);
    const restOk = restWords === 0 || (restWords <= 14 && isAdjunctStart(restPieces[0]?.text ?? '') && !/\b(?:that|que|dass)\b/i.test(rest)) ||
      (/^(told|tells)$/i.test(hit.text) && restWords <= 10 && !/\b(?:that|he|she|they|it|we|i)\b/i.test(rest));
    const introducesQuote = /^\s*[,:]?\s*["“«„‘]/.test(text.slice(hit.end, hit.end + 6));
    // "The museum, Mr. Obama said, would make …": a short subject before a parenthetical attribution, continued after it
    const continued = text[restEnd] === ',' && restWords <= 6 && wordCount(text, restEnd, sent.end) >= 3 &&
      /^,\s*(?:is|was|are|were|will|would|could|should|can|may|might|must|has|had|have|does|did)\b/i.test(text.slice(restEnd, restEnd + 12));
    if (endsComma && restOk && !introducesQuote && (wordCount(text, sent.start, speaker.start) >= 3 || (continued && wordCount(text, sent.start, speaker.start) >= 1))) {
      const commaAt = sent.start + pre.length - 1;
      if (CLOSE_QUOTES.test(pre.slice(0, -1).trimEnd())) {
        // "“…,” he said": a direct quotation — unless narrative leads into it: "using the tax ''is a misguided approach,'' he said"
        const open = pre.search(/["“«„‘]|''/);
        if (!(open > 0 && wordCount(text, sent.start, sent.start + open) >= 3 && !/[,:]\s*$/.test(pre.slice(0, open)))) return null;
      }
      // a leading attribution "According to X," or an intro adverbial stays outside
      let [s, e] = trimSpan(text, sent.start, commaAt);
      // "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": the content goes on after the attribution
      if (text[restEnd] === ',' && wordCount(text, restEnd, sent.end) >= 3 && (restWords === 0 || continued) &&
        !/^,\s*(?:adding|saying|noting|arguing|according|and|but|in|at|on|during|after|before|who|which|when|where|to|of|citing|referring|while|whereas|as|though|although|even|with|yet|so|or)\b/i.test(text.slice(restEnd, restEnd + 20))) {
        [, e] = trimSpan(text, s, sent.end);
      }
      if (insideQuote(quotes, s + 2) && insideQuote(quotes, Math.max(s, e - 3))) return null;
      return reportedAt(hit, sent, s, e, speaker, null);
    }
    if (wordCount(text, hit.end, sent.end) === 0 && !endsComma) return null;
  }

  // "…, said one GOP source in the room" / "…, wrote X on Facebook": an inverted attribution has no content after its verb
  if (!cue.participle && (cue.kind === 'clause' || cue.kind === 'told') && (subj === 'elided' || !subj) && /,\s*$/.test(text.slice(Math.max(sent.start, hit.start - 3), hit.start))) {
    const np = phraseAfter(text, hit.end, sent.end);
    if (np && /^\s*(?:[.,;]|$|(?:in|at|on|to|of|from|during|after|before|who|with)\b)/.test(text.slice(np.end, sent.end))) return null;
  }
  // "Julie Davis reported from Midway Atoll": a byline, not speech
  if (/^\s+from\b/i.test(text.slice(hit.end, hit.end + 6))) return null;
  // preposed: "<subject> <cue> (that) <content>"
  if (/^\s*[,:]\s*(?:["“«„‘]|'')/.test(text.slice(hit.end, hit.end + 6))) return null; // X said, “…” — a direct quotation
  if (cue.kind === 'object' && !cue.participle) {
    // a noun object ends before a subordinate clause: "ordered new elections after annulling …"
    const sub = /\s(?:after|before|while|despite|following|amid|because|when|whereas|en\s+raison|tras|après|avant|nachdem)\s/i.exec(text.slice(hit.end, limit));
    if (sub) limit = hit.end + sub.index;
  }
  if (cue.kind === 'object') {
    // a noun object ends at an apposition or aside: "endorsed X on Thursday, another example of …", "called on X -- meddling …"
    const aside = OBJECT_ASIDE.exec(text.slice(hit.end, limit));
    if (aside) limit = hit.end + aside.index;
  } else {
    // "… was not intentional; they only learned …": a semicolon or a dash aside ends the content
    // "… will be “fair” to him, engaging in what analysts described as …": a participial phrase after a comma is the narrator's
    // "single people and families - gay, straight, adoptive and foster - would qualify": a paired dash aside is skipped
    const body = text.slice(hit.end, limit);
    const re = CLAUSE_ASIDE;
    re.lastIndex = 0;
    let aside: RegExpExecArray | null;
    while ((aside = re.exec(body))) {
      const dash = /^\s+(--?|[—–])\s$/.exec(aside[0]);
      if (dash) {
        const close = body.indexOf(` ${dash[1]} `, aside.index + aside[0].length);
        if (close > 0 && wordCount(body, close, body.length) >= 2 && !/[;.]/.test(body.slice(aside.index, close))) { re.lastIndex = close + dash[1]!.length + 2; continue; }
      }
      limit = hit.end + aside.index;
      break;
    }
  }
  const colonQuote = /:\s*(?:["“«„‘]|'')/.exec(text.slice(hit.end, limit));
  if (colonQuote) limit = hit.end + colonQuote.index;
  // "saying during the debate last week, “…”": the cue introduces a direct quotation (attribution.ts)
  const q1 = /^([^"“”«»„‘’.;!?]{0,80}?)[,:]\s*(?:["“«„‘]|'')/.exec(text.slice(hit.end, limit));
  if (q1 && !/\b(?:that|que|dass)\b/i.test(q1[1]!) && wordCount(text, hit.end, hit.end + q1[1]!.length) <= 8) return null;
  const cs = complementStart(text, hit, limit);
  if (cs < 0 || cs >= limit) return null;
  // "saying during the debate, “…”": the content is a direct quotation (attribution.ts)
  if (/^["“«„‘]/.test(text.slice(cs, cs + 1)) && /[,:]\s*$/.test(text.slice(Math.max(hit.end, cs - 3), cs))) return null;
  let [s, e] = trimSpan(text, cs, limit);
  // "said in a statement: The vote was fair. Nobody was harmed.": the content runs to the end of the paragraph
  if (limit === sent.end && /:\s*$/.test(text.slice(hit.end, cs)) && !/["“”«»„]/.test(text.slice(cs, cs + 2))) {
    const nl = text.indexOf('\n', sent.end);
    const paraEnd = nl < 0 ? text.length : nl;
    if (paraEnd - sent.end < 1500 && !/["“”«»„]/.test(text.slice(sent.end, paraEnd))) [, e] = trimSpan(text, s, paraEnd);
  }
  // "Mr. Trump, who said last week that …, issued a statement …": a relative clause ends where the main verb resumes
  if (/,\s*(?:who|which)\s+(?:[\p{L}’'-]+\s+){0,3}$/u.test(text.slice(Math.max(sent.start, hit.start - 40), hit.start))) {
    const re = /,\s+(\p{Ll}[\p{L}-]*)\b/gu;
    const body = text.slice(s, e);
    let mm: RegExpExecArray | null;
    while ((mm = re.exec(body))) {
      if (isVerbWord(mm[1]!) && !/^(?:and|but|or|is|was|are|were|has|have|had|will|would)$/.test(mm[1]!)) { [s, e] = trimSpan(text, s, s + mm.index); break; }
    }
  }
  if (e <= s) return null;
  const content = text.slice(s, e);
  let n = wordCount(text, s, e);
  const first = firstWord(content);
  if (cue.kind === 'as') {
    // "called the poll “…”", "described the results as “…”", "described X as Y" — never "called Faye to congratulate"
    const asM = /\s(?:as|comme|como|als)\s/i.exec(' ' + content);
    const qm = /["“”«»‘’„]/.exec(content);
    // "called Oz a quack", "called it a mistake"
    const aNoun = /^(?:it|him|her|them|this|that|\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,2}|(?:his|her|their|the)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?)\s+(?:a|an)\s+[\p{L}-]+/u.test(content) && !/\bto\b/.test(content.split(/\s+/).slice(0, 4).join(' '));
    // "called her vote in favor of the Iraq War a mistake", "called the charges unsubstantiated and fabricated": an object
    // noun phrase, then a noun phrase or adjectives naming it — only for the verbs of naming
    const naming = /^(?:called|calls|call|calling|branded|brands|labelled|labeled|termed|dubbed)$/i.test(hit.text);
    const ws = content.replace(/[.,;:!?]+$/, '').split(/\s+/);
    const longNoun = naming && n <= 16 && /^(?:(?:the|his|her|their|its|this|that|these)\s+)?\S+(?:\s+\S+){0,8}?\s+(?:a|an)\s+\p{L}+/u.test(content) && !/\bto\b/.test(ws.slice(0, 4).join(' '));
    const adjective = naming && n <= 14 && ws.length >= 2 && isAdjectiveWord(ws[ws.length - 1]!.toLowerCase()) && !/\bto\b/.test(ws.slice(0, 4).join(' '));
    // "They described crass behavior by Trump behind the scenes": describing is telling, with or without "as"
    const describing = /^describ/i.test(hit.text) && n >= 4;
    if (!(asM || (qm && qm.index < 40) || aNoun || describing || longNoun || adjective)) return null;
    // "call them “lone wolves” and describe …": the naming ends with its quotation
    if (qm && qm.index < 40 && (!asM || qm.index < asM.index)) {
      const close = /["“”«»‘’„]/.exec(content.slice(qm.index + 1));
      if (close) {
      const qEnd = s + qm.index + 1 + close.index + 1;
      if (/^\s*(?:[,;–—-]|and\b|but\b|while\b|$)/.test(text.slice(qEnd, e))) e = qEnd;
      }
    }
  }
  if (REJECT_LIKE.test(hit.text) && !THAT.test(text.slice(hit.end, cs).trim().split(/\s+/).pop() ?? '') && !(CLAIM_NOUNS.test(content) && n >= 3) && !/^as\b/i.test(content)) return null;
  // "conceded defeat", "reconheceu a derrota para Milei no segundo turno": a bare speech event, even with its complements
  if (BARE_EVENT.test(content.replace(/[.,;]+$/, '').replace(/\s+(?:to|for|against|in|at|on|para|pour|contre|contra|à|ao|au|no|na|en|im|gegen|gegenüber|bei)\s.*$/i, ''))) return null;
  if (cue.kind === 'clause' && n < 3 && !THAT.test(text.slice(hit.end, cs).trim())) return null;
  if (cue.needsThat && !THAT.test(text.slice(hit.end, cs).trim())) return null;
  if (n < 2) return null;
  // "likened the rules to “…”": the comparison ends with its quotation
  if (cue.kind === 'object') {
    const toQ = /^[^"“”]{0,60}?\bto\s+["“][^"“”]{1,200}["”]/.exec(content);
    if (toQ) e = s + toQ[0].length;
  }
  // attack/defend/endorse-like verbs take a noun object that is a statement only when it says something ("defended the restrictions" is not)
  if (EVALUATIVE.test(hit.text) && n < 5) return null;
  // "asked about finances": a question needs its content (whether/how …, or someone to do something)
  // "asked about finances": a question needs its content (whether/how …, or someone to do something)
  if (/^ask(?:ed|s|ing)?$/i.test(hit.text) && n < 3) return null;
  if (/^(?:conceded|concedes|admitted|admits|reconoció|reconoce|admitió|admite|admitiu|admite|reconheceu|reconhece|reconnu|admis|reconnaît)$/i.test(hit.text) && !THAT.test(text.slice(hit.end, cs).trim()) && n < 4) return null;
  // noun-object cues lose a leading preposition ("expressed concern about", "called for"); "described as X" → X
  if ((/^(?:about|over|for|of|on)$/i.test(first) && cue.kind === 'object') || (/^as$/i.test(first) && cue.kind === 'as')) s += first.length + 1;
  [s, e] = trimSpan(text, s, e);
  if (e <= s) return null;
  return reportedAt(hit, sent, s, e, speaker, inherit, speaker ? 0.75 : 0.6);
}

/** Headline forms: "Speaker: claim" and "claim: Speaker" in the title line. */
export function headlineStatements(text: string, title: string | null, isSpeaker: (phrase: string) => boolean): RawStatement[] {
  const firstLineEnd = text.indexOf('\n');
  const line = text.slice(0, firstLineEnd < 0 ? text.length : firstLineEnd);
  const bare = (x: string): string => x.replace(/[^\p{L}\p{N}]+/gu, '');
  if (!title || bare(line) !== bare(title) || line.length > 200) return [];
  const colon = line.indexOf(': ');
  if (colon < 2) return [];
  const left = line.slice(0, colon), right = line.slice(colon + 2);
  const sentence = { start: 0, end: line.length };
  if (left.split(/\s+/).length <= 5 && isSpeaker(left) && right.split(/\s+/).length >= 3) {
    const [s, e] = trimSpan(text, colon + 2, line.length);
    return [{ start: s, end: e, direct: false, cue: ':', cueAt: colon, speaker: { text: left, start: 0, end: colon }, inherit: null, confidence: 0.6, sentence }];
  }
  if (right.split(/\s+/).length <= 5 && isSpeaker(right) && left.split(/\s+/).length >= 3) {
    const [s, e] = trimSpan(text, 0, colon);
    return [{ start: s, end: e, direct: false, cue: ':', cueAt: colon, speaker: { text: right, start: colon + 2, end: line.length }, inherit: null, confidence: 0.6, sentence }];
  }
  return [];
}
