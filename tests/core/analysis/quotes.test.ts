// Direct quotations: every mark style, split quotes, paragraphs left open, dash speech, block quotes, hostile text.
import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../../electron/core/analysis/quotes.js';
import { isSpeechWord } from '../../../electron/core/analysis/cues.js';

const contents = (text: string): string[] => findQuotations(text, isSpeechWord).map((q) => text.slice(q.start, q.end));

describe('findQuotations', () => {
  it.each([
    ['straight double', 'She said: "The count must go on until the end."', 'The count must go on until the end.'],
    ['curly double', 'He said “we will not accept this result” today.', 'we will not accept this result'],
    ['curly single', 'The minister said ‘the vote was free and fair’ on Monday.', 'the vote was free and fair'],
    ['straight single', "The mayor said 'the vote was free and fair' on Monday.", 'the vote was free and fair'],
    ['French guillemets with spaces', 'Il a déclaré « nous irons jusqu’au bout » dimanche.', 'nous irons jusqu’au bout'],
    ['German reversed guillemets', 'Er sagte »wir haben die Wahl gewonnen« am Abend.', 'wir haben die Wahl gewonnen'],
    ['German low-high', 'Sie sagte „wir werden das Ergebnis anfechten“ in Berlin.', 'wir werden das Ergebnis anfechten'],
    ['double comma (Polish, Icelandic)', 'Powiedział ,,to jest nasze zwycięstwo wyborcze’’ wczoraj.', 'to jest nasze zwycięstwo wyborcze'],
    ['NYT two apostrophes', "''We are going to win this state,'' he said.", 'We are going to win this state'],
  ])('finds the content inside %s marks, without the marks', (_name, text, expected) => {
    expect(contents(text)).toContain(expected);
  });

  it('keeps apostrophes inside words out of single-quote pairing', () => {
    expect(contents("Bolsonaro’s party didn't say 'we lost the vote today' at all.")).toEqual(['we lost the vote today']);
  });

  it('drops the trailing comma but keeps a sentence-final period inside the marks', () => {
    const text = '"The result is final," she said. "Nobody can change it."';
    expect(contents(text)).toEqual(['The result is final', 'Nobody can change it.']);
  });

  it('gives a quote split by its attribution as two quotations', () => {
    const text = '“We won the count,” he said, “and we will form the government.”';
    expect(contents(text)).toEqual(['We won the count', 'and we will form the government.']);
  });

  it('ends a quotation left open at the end of its paragraph there, and reopens in the next paragraph', () => {
    const text = '“The first paragraph of a long statement runs here.\n\n“The second paragraph closes it,” she said.';
    expect(contents(text)).toEqual(['The first paragraph of a long statement runs here.', 'The second paragraph closes it']);
    expect(findQuotations(text)[0]!.openEnded).toBe(true);
  });

  it('reads dash-introduced speech up to the dash attribution', () => {
    const text = 'Wstęp.\n\n– Jestem bardzo zadowolony z wyniku – powiedział kandydat.\n\n– Dziękuję wszystkim wyborcom za zaufanie.';
    expect(contents(text)).toEqual(['Jestem bardzo zadowolony z wyniku', 'Dziękuję wszystkim wyborcom za zaufanie.']);
  });

  it('ignores a dash list without any speech verb', () => {
    expect(contents('Items:\n\n– apples and pears\n\n– bread and butter')).toEqual([]);
  });

  it('reads a block quotation after "Speaker said:"', () => {
    const text = 'The commission chairman said:\n\nThe results will be announced on Friday after every ballot is counted.';
    expect(contents(text)).toEqual(['The results will be announced on Friday after every ballot is counted.']);
  });

  it('survives 100,000 quotation marks, unbalanced marks, mixed scripts and RTL text with valid offsets', () => {
    const texts = [
      '"'.repeat(100_000),
      '“a” «b» \'c\' ‘d’ „e“ '.repeat(20_000),
      ('He said "this never closes ' + 'word '.repeat(40)).repeat(500),
      'قال الرئيس "الانتخابات نزيهة وشفافة" ثم غادر. אמר "שלום לכל העולם" היום. '.repeat(2000),
    ];
    for (const t of texts) {
      const qs = findQuotations(t, isSpeechWord);
      for (const q of qs) {
        expect(q.start).toBeGreaterThanOrEqual(0);
        expect(q.end).toBeLessThanOrEqual(t.length);
        expect(q.start).toBeLessThan(q.end);
      }
    }
    expect(contents('قال الرئيس "الانتخابات نزيهة وشفافة" ثم غادر.')).toEqual(['الانتخابات نزيهة وشفافة']);
  });
});
