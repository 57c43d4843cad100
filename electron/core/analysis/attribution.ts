// Who a direct quotation is credited to: the speech cue and speaker phrase after it ("…,” he said) or before it (X said: “…”).
import { cueOf, isSpeechWordIn, nextCue } from './cues.js';
import { isFiniteVerbWord, LOWER_START, parseSpeakerPhrase, UPPER_START } from './speakers.js';
import { isAdjunctStart, phraseAfter, pieces, subjectBefore, type Subject } from './clauses.js';
import type { Quotation } from './quotes.js';
import type { RawStatement } from './reported.js';
import { spanIndexAt, type Span } from './sentences.js';

const MAX_GAP_WORDS = 12;
/** "“…” ― Veronica Cruz": a dash and a name closing the line. */
const DASH_NAME = /^[\s,.]*[―—–]\s*(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}?[\p{L}.’'-]+){0,4})\s*(?:\n|$)/u;

function firstCue(text: string, from: number, to: number, language: string): { start: number; end: number; text: string } | null {
  if (to <= from) return null;
  const window = text.slice(Math.max(0, from - 1), to);
  const shift = Math.max(0, from - 1);
  const m = nextCue(language, window, from - shift);
  if (m) return { start: shift + m.index, end: shift + m.index + m[0].length, text: m[0] };
  // any-language speech word (dash speech, "dedi", "sagði")
  for (const p of pieces(text, from, to)) if (!p.punct && isSpeechWordIn(p.text, language)) return { start: p.start, end: p.end, text: p.text };
  return null;
}

function lastCue(text: string, from: number, to: number, language: string): { start: number; end: number; text: string } | null {
  if (to <= from) return null;
  const shift = Math.max(0, from - 1);
  const window = text.slice(shift, to + 1);
  let best: { start: number; end: number; text: string } | null = null;
  for (let m = nextCue(language, window, from - shift); m && shift + m.index < to; m = nextCue(language, window, m.index + m[0].length)) {
    best = { start: shift + m.index, end: shift + m.index + m[0].length, text: m[0] };
  }
  return best;
}

/** Attribution after the closing mark: “…,” he said / “…,” said Ms Daly / “…”, a déclaré M. Floden / “…,” Odinga, who…, told … */
function after(text: string, q: Quotation, limit: number, language: string): { speaker: Subject | null; cue: string; cueAt: number } | null {
  const to = Math.min(limit, q.close + 220);
  // “…” ― Veronica Cruz: a dash and a name closing the line
  const dashName = DASH_NAME.exec(text.slice(q.close, Math.min(text.length, q.close + 80)));
  if (dashName) {
    const st = q.close + dashName[0].indexOf(dashName[1]!);
    return { speaker: { text: dashName[1]!, start: st, end: st + dashName[1]!.length }, cue: '―', cueAt: q.close };
  }
  const cue = firstCue(text, q.close, to, language);
  if (!cue) return null;
  const gap = text.slice(q.close, cue.start);
  if (/["“”«»„]/.test(gap)) return null;
  // "“…,” when Clinton blasted him": a subordinate clause, not an attribution
  if (/^[\s,.;:–—-]*(?:when|while|after|before|because|if|as|since|until|whereas|although|though)\s/i.test(gap)) return null;
  const gapWords = pieces(text, q.close, cue.start).filter((p) => !p.punct).length;
  if (gapWords > MAX_GAP_WORDS) return null;
  // "“… impartial.” He added that he was …": after a quotation that ends its sentence, a cue that reports content of its
  // own starts a new statement; only a bare "He added." closes the quotation
  const newSentence = (/[.!?]$/.test(text.slice(q.start, q.end)) && /^[\s'’"”»]*\p{Lu}/u.test(gap)) || /[.!?]['’"”»]*\s+\p{Lu}/u.test(gap) ||
    /,\s+(?:and|but)\s/i.test(gap) || (/,/.test(text.slice(q.end, q.close)) && /^[\s'’"”»]*(?:and|but)\s/i.test(gap));
  // "…,” adding that …": a participle with a that-clause of its own reports something new
  if (gapWords === 0 && cueOf(language, cue.text).participle && /^\s+that\s/i.test(text.slice(cue.end, cue.end + 6))) return null;
  if (newSentence) {
    const rest = text.slice(cue.end, Math.min(text.length, cue.end + 200));
    const stop = rest.search(/[.!?;\n]/);
    const tail = stop < 0 ? rest : rest.slice(0, stop);
    const tailWords = tail.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (/^\s*(?:that|to)\b/i.test(tail) || tailWords.length > 4 || (tailWords.length >= 2 && tailWords.some((w) => LOWER_START.test(w) && isFiniteVerbWord(w.toLowerCase())))) return null;
  }
  if (cueOf(language, cue.text).kind === 'according') {
    const np = phraseAfter(text, cue.end, to);
    return np ? { speaker: np, cue: cue.text, cueAt: cue.start } : null;
  }
  if (gapWords === 0 || /^[\s,.;:–—-]*(?:a|ha|hat|has|had|s’est|s'est|se|est)?\s*$/i.test(gap)) {
    let np = phraseAfter(text, cue.end, to);
    // "…", dijo ante sus seguidores — no subject after the verb (pro-drop): the last person, as for a pronoun
    if (!np || isAdjunctStart(np.text.split(/\s+/)[0] ?? '') || /^(?:ante|frente|tras|perante|diante|vor|devant|face)\b/i.test(np.text) || parseSpeakerPhrase(np.text).kind === 'none') {
      np = { text: 'on', start: cue.end, end: cue.end };
    }
    // "dit-il" forms are a single word with the pronoun
    const inv = /-(?:t-)?(il|elle)$/i.exec(cue.text);
    if (inv) return { speaker: { text: inv[1]!, start: cue.end - inv[1]!.length, end: cue.end }, cue: cue.text, cueAt: cue.start };
    return { speaker: np, cue: cue.text, cueAt: cue.start };
  }
  const subj = subjectBefore(text, cue.start, q.close);
  if (subj && subj !== 'elided' && gapWords > 8 && parseSpeakerPhrase(subj.text).kind === 'none') return null;
  if (subj === 'elided' || !subj) {
    // "…,” Odinga, who was making his fifth run for the presidency, told …" — the first comma segment
    const seg = /^[\s,.;:–—-]*([^,;]+?)\s*,/.exec(gap);
    if (seg) {
      const s = q.close + gap.indexOf(seg[1]!);
      return { speaker: { text: seg[1]!, start: s, end: s + seg[1]!.length }, cue: cue.text, cueAt: cue.start };
    }
    return null;
  }
  return { speaker: subj, cue: cue.text, cueAt: cue.start };
}

/** Attribution before the opening mark: X said: “…” / As the spokesman Matthew Miller stated, “…” / Infantino; "…" */
function before(text: string, q: Quotation, floor: number, language: string): { speaker: Subject | null; cue: string; cueAt: number; participle?: boolean } | null {
  floor = Math.max(floor, q.open - 300);
  const pre = text.slice(floor, q.open);
  if (!pre.trim()) return null;
  const cue = lastCue(text, floor, q.open, language);
  if (cue) {
    const between = pieces(text, cue.end, q.open).filter((p) => !p.punct).length;
    if (between <= 8) {
      if (cueOf(language, cue.text).kind === 'according') {
        const np = phraseAfter(text, cue.end, q.open);
        return np ? { speaker: np, cue: cue.text, cueAt: cue.start } : null;
      }
      if (cueOf(language, cue.text).participle) return { speaker: null, cue: cue.text, cueAt: cue.start, participle: true };
      const subj = subjectBefore(text, cue.start, floor);
      if (subj && subj !== 'elided') return { speaker: subj, cue: cue.text, cueAt: cue.start };
      const inv = phraseAfter(text, cue.end, q.open);
      if (inv && UPPER_START.test(inv.text)) return { speaker: inv, cue: cue.text, cueAt: cue.start };
      return { speaker: null, cue: cue.text, cueAt: cue.start };
    }
  }
  // "Speaker:" / "Speaker;" right before the quotation
  const m = /([\p{Lu}][\p{L}.’'-]*(?:\s+[\p{L}.’'-]+){0,5})\s*[:;]\s*$/u.exec(pre.slice(-80));
  if (m && pieces(m[1]!, 0, m[1]!.length).length <= 8) {
    const s = q.open - (pre.slice(-80).length - m.index);
    // a label only when it opens its sentence ("Infantino: “…”"); otherwise the colon ends a narrative clause
    // ("… rolled out a new message: “…”") and the quotation belongs to the subject of that clause
    if (!text.slice(floor, s).trim()) return { speaker: { text: m[1]!, start: s, end: s + m[1]!.length }, cue: ':', cueAt: q.open - 1 };
  }
  if (/[:]\s*$/.test(pre) && pieces(text, floor, q.open).filter((p) => !p.punct).length >= 3) {
    return { speaker: null, cue: ':', cueAt: floor + pre.lastIndexOf(':'), participle: true };
  }
  return null;
}

/** One raw statement per quotation, with the speaker phrase found next to it (null: inherit from the previous one). */
export function attributeQuotes(text: string, quotes: Quotation[], sents: Span[], paras: Span[], language: string): RawStatement[] {
  const out: RawStatement[] = [];
  let prevClose = 0;
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi]!;
    const si = spanIndexAt(sents, Math.min(q.open, text.length - 1));
    const sent = si >= 0 ? sents[si]! : { start: q.open, end: q.close };
    const pi = spanIndexAt(paras, Math.min(q.open, text.length - 1));
    const para = pi >= 0 ? paras[pi]! : { start: q.open, end: q.close };
    const nextOpen = quotes[qi + 1]?.open ?? para.end;
    const afterLimit = Math.min(para.end, nextOpen);
    let a: ReturnType<typeof after> = null;
    if (q.style === 'double' || q.style === 'single') a = q.openEnded ? null : after(text, q, afterLimit, language);
    if (q.style === 'dash') {
      const cue = firstCue(text, q.end, Math.min(para.end, q.end + 200), language);
      if (cue) a = { speaker: phraseAfter(text, cue.end, para.end), cue: cue.text, cueAt: cue.start };
    }
    let b: ReturnType<typeof before> = null;
    // "Q: …" / "A: …" in a question-and-answer interview: the turn is direct speech of an unnamed party
    const qa = q.style === 'block' && /^[QA]:\s*$/.test(text.slice(para.start, q.start));
    if (qa) {
      out.push({ start: q.start, end: q.end, direct: true, cue: ':', cueAt: para.start + 1, speaker: null, inherit: null, confidence: 0.5, sentence: sent, attached: true });
      prevClose = q.close;
      continue;
    }
    if (q.start - para.start < 64) {
      // transcript line "PENCE: Well, …" (also inside an opening quotation mark)
      const m = /^["“«„']?(\p{Lu}[\p{Lu}.’'-]+(?: \p{Lu}[\p{Lu}.’'-]+){0,2}):\s*$/u.exec(text.slice(para.start, q.start));
      if (m) {
        const s = para.start + m[0].indexOf(m[1]!);
        // an upper-case label is a name, not an acronym: "PENCE" → "Pence"
        const label = m[1]!.toLowerCase().replace(/(^|[\s'’.-])(\p{L})/gu, (_x, p: string, c: string) => p + c.toUpperCase());
        a = { speaker: { text: label, start: s, end: s + m[1]!.length }, cue: ':', cueAt: s + m[1]!.length };
      }
    }
    const floor = Math.max(q.style === 'block' ? (paras[pi - 1]?.start ?? 0) : sent.start, prevClose, para.start - (q.style === 'block' ? 10000 : 0));
    if (!a || !a.speaker) b = before(text, q, q.style === 'block' ? (paras[pi - 1]?.start ?? floor) : Math.max(floor, para.start, prevClose), language);
    let hit: { speaker: Subject | null; cue: string; cueAt: number; participle?: boolean } | null = a && a.speaker ? a : b && b.speaker ? b : a ?? b;
    let confidence = hit?.speaker ? 0.9 : hit ? 0.7 : 0.5;
    if (!hit && q.open === para.start && (q.style === 'double' || q.style === 'single')) {
      // “Los argentinos escogieron otro camino”. Con esta frase, … Sergio Massa, reconoció …
      const next = sents[si + 1];
      if (next && next.start < para.end) {
        const cue = firstCue(text, next.start, Math.min(next.end, next.start + 400), language);
        const subj = cue ? subjectBefore(text, cue.start, next.start) : null;
        if (cue && subj && subj !== 'elided') { hit = { speaker: subj, cue: cue.text, cueAt: cue.start }; confidence = 0.6; }
      }
    }
    const attached = !!hit && hit.cueAt >= q.close && hit.cueAt - q.close < 40;
    out.push({
      start: q.start,
      end: q.end,
      direct: true,
      cue: hit?.cue ?? null,
      cueAt: hit?.cueAt ?? q.open,
      speaker: hit?.speaker ?? null,
      inherit: hit?.speaker ? null : hit?.participle ? 'sentence' : 'previous',
      confidence,
      sentence: sent,
      attached: attached || (!!b && b.cueAt < q.open && q.open - b.cueAt < 40),
    });
    prevClose = q.close;
  }
  return out;
}
