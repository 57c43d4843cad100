// The article view marks each statement's span in the item's text, paragraph by paragraph, the current one apart.
import { describe, expect, it } from 'vitest';
import { paragraphsWithMarks } from '../../../renderer/article/highlight';

const text = 'First paragraph says hello.\n\nMiller said "we are concerned" today.\n\nLast one.';

describe('paragraphsWithMarks', () => {
  it('splits blank-line blocks into paragraphs that keep the whole text', () => {
    const ps = paragraphsWithMarks(text, [], null);
    expect(ps.map((p) => p.pieces.map((x) => x.text).join(''))).toEqual(['First paragraph says hello.', 'Miller said "we are concerned" today.', 'Last one.']);
    expect(ps[1]!.start).toBe(text.indexOf('Miller'));
  });

  it('marks exactly the statement span given by its offsets, and flags the current statement', () => {
    const start = text.indexOf('we are');
    const end = start + 'we are concerned'.length;
    const other = text.indexOf('hello');
    const ps = paragraphsWithMarks(text, [{ id: 'a', start, end }, { id: 'b', start: other, end: other + 5 }], 'a');
    const marked = ps.flatMap((p) => p.pieces).filter((x) => x.statementId);
    expect(marked).toEqual([
      { text: 'hello', statementId: 'b', current: false },
      { text: 'we are concerned', statementId: 'a', current: true },
    ]);
  });

  it('ignores spans outside the text and lets the current statement win an overlap', () => {
    const s = text.indexOf('Miller');
    const ps = paragraphsWithMarks(text, [
      { id: 'wide', start: s, end: s + 20 },
      { id: 'cur', start: s + 7, end: s + 30 },
      { id: 'bad', start: 500, end: 510 },
      { id: 'neg', start: -3, end: 2 },
    ], 'cur');
    const marked = ps.flatMap((p) => p.pieces).filter((x) => x.statementId).map((x) => x.statementId);
    expect(marked).toEqual(['cur']);
  });

  it('clips a span that runs across a paragraph break into both paragraphs', () => {
    const s = text.indexOf('hello');
    const e = text.indexOf('Miller') + 6;
    const ps = paragraphsWithMarks(text, [{ id: 'x', start: s, end: e }], 'x');
    expect(ps[0]!.pieces.at(-1)).toEqual({ text: 'hello.', statementId: 'x', current: true });
    expect(ps[1]!.pieces[0]).toEqual({ text: 'Miller', statementId: 'x', current: true });
  });
});
