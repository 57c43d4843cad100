// Cuts an item's text into paragraphs and pieces so each statement's span (start/end offsets) can be marked in context.

export interface Span { id: string; start: number; end: number }

export interface Piece {
  text: string;
  /** The statement this piece belongs to, if any. */
  statementId: string | null;
  current: boolean;
}

export interface Paragraph { start: number; pieces: Piece[] }

/** Non-overlapping spans inside the text, the current one winning over any it overlaps. */
function cleanSpans(textLength: number, spans: Span[], currentId: string | null): Span[] {
  const valid = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start && s.start < textLength)
    .map((s) => ({ ...s, end: Math.min(s.end, textLength) }));
  const current = valid.find((s) => s.id === currentId);
  const others = valid.filter((s) => s !== current).sort((a, b) => a.start - b.start || b.end - a.end);
  const taken: Span[] = current ? [current] : [];
  for (const s of others) {
    if (taken.every((t) => s.end <= t.start || s.start >= t.end)) taken.push(s);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Paragraphs are the text's blank-line separated blocks; offsets stay those of the whole text. */
export function paragraphsWithMarks(text: string, spans: Span[], currentId: string | null): Paragraph[] {
  const marks = cleanSpans(text.length, spans, currentId);
  const blocks: [number, number][] = [];
  const re = /\n\s*\n/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    blocks.push([at, m.index]);
    at = m.index + m[0].length;
  }
  blocks.push([at, text.length]);
  const out: Paragraph[] = [];
  for (const [bs, be] of blocks) {
    if (be <= bs || text.slice(bs, be).trim() === '') continue;
    const pieces: Piece[] = [];
    let pos = bs;
    for (const mk of marks) {
      if (mk.end <= bs || mk.start >= be) continue;
      const ms = Math.max(mk.start, bs);
      const me = Math.min(mk.end, be);
      if (ms > pos) pieces.push({ text: text.slice(pos, ms), statementId: null, current: false });
      pieces.push({ text: text.slice(ms, me), statementId: mk.id, current: mk.id === currentId });
      pos = me;
    }
    if (pos < be) pieces.push({ text: text.slice(pos, be), statementId: null, current: false });
    out.push({ start: bs, pieces });
  }
  return out;
}
