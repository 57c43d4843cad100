// Statements of an item: quotes and reported speech combined, overlaps settled; the seed article; hostile text.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findStatements } from '../../../electron/core/analysis/statements.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedPath = path.resolve(here, '..', '..', '..', '..', 'shared', 'data', 'seed-article.json');

const tokens = (s: string): string[] => s.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
function overlap(a: string, b: string): number {
  const ta = tokens(a), tb = tokens(b);
  const c = new Map<string, number>();
  for (const t of ta) c.set(t, (c.get(t) ?? 0) + 1);
  let ov = 0;
  for (const t of tb) { const n = c.get(t) ?? 0; if (n > 0) { ov++; c.set(t, n - 1); } }
  return ov ? (2 * ov) / (ta.length + tb.length) : 0;
}

describe('findStatements', () => {
  it('keeps a quotation that carries a reported clause on its own, as direct', () => {
    const got = findStatements('Earlier, Wine called the poll “the most fraudulent election in our history”.', 'en');
    expect(got).toMatchObject([{ quote: 'the most fraudulent election in our history', direct: true, speaker: 'Wine' }]);
  });

  it('keeps the reported clause when a quoted word is only part of it', () => {
    const got = findStatements('Odinga said the party had been “cheated” at the polls in the west.', 'en');
    expect(got).toMatchObject([{ quote: 'the party had been “cheated” at the polls in the west', direct: false, speaker: 'Odinga' }]);
  });

  it('does not take scare quotes, labels or single words for statements', () => {
    const text = 'The so-called "quick count" showed a lead. The «Ampel» coalition collapsed. Voters chanted "Freedom" in the streets.';
    expect(findStatements(text, 'en')).toEqual([]);
  });

  it('gives a quotation introduced by a colon after a narrative clause to the subject of that clause', () => {
    const got = findStatements('With turnout falling, Governor Lena Hart is taking a blunt slogan on the road: “Vote or lose it.”', 'en');
    expect(got.map((s) => [s.quote, s.speaker, s.direct])).toEqual([['Vote or lose it.', 'Lena Hart', true]]);
    const nyt = findStatements("Senator Omar Field put it plainly in a radio interview on Monday: ''Nobody in this state wants another recount of the votes.''", 'en');
    expect(nyt.map((s) => [s.quote, s.direct])).toEqual([['Nobody in this state wants another recount of the votes.', true]]);
  });

  it('keeps a short quotation attached to a speech verb even when a clause before it reports speech too', () => {
    const got = findStatements('When the host noted that the mayor had skipped the debate, Mayor Ivo Brandt boasted, “That was smart.”', 'en');
    expect(got.map((s) => [s.quote, s.speaker])).toContainEqual(['That was smart.', 'Ivo Brandt']);
    expect(got.map((s) => s.quote)).toContainEqual('the mayor had skipped the debate');
  });

  it('keeps chanted slogans and a quotation named by "call them …"', () => {
    const got = findStatements('Hundreds of students marched past the parliament while chanting, "Count every vote now." The ministers call them "paid agitators" and ignore their demands.', 'en');
    expect(got.map((s) => s.quote)).toEqual(['Count every vote now.', 'paid agitators']);
  });

  it('credits a quotation followed by a dash and a name on its own line', () => {
    const got = findStatements('Readers wrote in.\n“The debate changed nothing for me at all.” ― Paula Gomez\n“I still do not know whom to vote for.” ― Ken Ito', 'en');
    expect(got.map((s) => [s.quote, s.speaker])).toEqual([['The debate changed nothing for me at all.', 'Paula Gomez'], ['I still do not know whom to vote for.', 'Ken Ito']]);
  });

  it('does not take a headline for the person that later pronouns refer to', () => {
    const text = 'Maria Costa Takes Aim At Rivals\n\nThe debate was heated. Maria Costa spoke first. She said the city budget had been wasted.';
    expect(findStatements(text, 'en', 'Maria Costa Takes Aim At Rivals').map((s) => s.speaker)).toEqual(['Maria Costa']);
  });

  it('keeps each turn of a "Q: … / A: …" interview as direct speech without inventing a speaker', () => {
    const text = 'The interview was shortened.\n\nQ: You ran for mayor twice. Why try a third time?\n\nA: Because the city still needs cheaper buses and safer streets.';
    expect(findStatements(text, 'en').map((s) => [s.quote, s.direct, s.speaker])).toEqual([
      ['You ran for mayor twice. Why try a third time?', true, null],
      ['Because the city still needs cheaper buses and safer streets.', true, null],
    ]);
  });

  it('does not credit a quotation that ends its sentence to the next sentence\'s "He added that …"', () => {
    const text = 'Mayor Tom Reyes spoke after the count. “I never doubted the result.” He added that the recount had cost the city too much.';
    const got = findStatements(text, 'en').map((s) => [s.quote, s.direct, s.cue]);
    expect(got).toContainEqual(['the recount had cost the city too much', false, 'added']);
    expect(got.find((g) => g[0] === 'I never doubted the result.')?.[2]).not.toBe('added');
  });

  it('ends a reported clause where a second attribution with its own quotation begins', () => {
    const text = 'Ana Ruiz chaired the meeting. She said observers would not be admitted to the count, and when pressed on why, ' +
      'the 52-year-old commissioner replied, “The law does not allow it.”';
    const got = findStatements(text, 'en').map((s) => [s.quote, s.direct]);
    expect(got).toContainEqual(['observers would not be admitted to the count', false]);
    expect(got).toContainEqual(['The law does not allow it.', true]);
  });

  it('keeps several short quoted fragments inside their reported clause', () => {
    const got = findStatements('Senator Jo Park tweeted that the ballot design was “confusing” and “a mess”.', 'en');
    expect(got).toMatchObject([{ quote: 'the ballot design was “confusing” and “a mess”', direct: false, speaker: 'Jo Park' }]);
  });

  it('does not take a quoted programme, book or nickname title for a statement', () => {
    const text = 'Governor Ruth Lam said on CNN’s “State of the Union.” that the vote was fair. Her rival appeared on MSNBC’s “Morning Joe” ' +
      "and mocked her in his book ''Winning The Count Again''.";
    expect(findStatements(text, 'en').map((s) => s.quote)).not.toEqual(expect.arrayContaining(['State of the Union.']));
    expect(findStatements(text, 'en').some((s) => /Morning Joe|Winning The Count/.test(s.quote) && s.direct)).toBe(false);
  });

  it('takes the subject of the sentence, not the object of its verb, for a participle cue', () => {
    const got = findStatements('Candidate Omar Haddad released a letter from his doctor on Friday saying he was fit to serve.', 'en');
    expect(got).toMatchObject([{ quote: 'he was fit to serve', speaker: 'Omar Haddad' }]);
  });

  it('finds the subject of a sentence after an introductory phrase for a verb that shares it ("… and said that …")', () => {
    const got = findStatements('By the end of the day, Governor Mae Olsen had met the protesters and said that the count would resume on Monday.', 'en');
    expect(got).toMatchObject([{ quote: 'the count would resume on Monday', speaker: 'Mae Olsen' }]);
  });

  it('reads the pronoun of an over-wide subject phrase ("in September she said …")', () => {
    const text = 'Senator Ada Blom defended her vote. Although she backed the bill in June, in September she said the bill had failed voters.';
    expect(findStatements(text, 'en')).toContainEqual(expect.objectContaining({ quote: 'the bill had failed voters', speaker: 'Ada Blom' }));
  });

  it('keeps the whole clause when a quoted phrase is only its subject ("said “a bomb” had gone off …")', () => {
    const got = findStatements('Police chief Dara Moss said that “a device” had been found near the polling station.', 'en');
    expect(got).toMatchObject([{ quote: '“a device” had been found near the polling station', direct: false, speaker: 'Dara Moss' }]);
  });

  it('credits an unattributed quotation to the person the story has just been about, with low confidence', () => {
    const text = 'Candidate Lina Ortiz toured three polling stations on Sunday.\n\n“We will accept whatever the voters decide, and so should everyone else.”';
    const [s] = findStatements(text, 'en');
    expect(s).toMatchObject({ direct: true, speaker: 'Lina Ortiz' });
    expect(s!.confidence).toBeLessThanOrEqual(0.4);
  });

  it('starts a new statement at a next-sentence cue that has its own verb ("“…” Clinton now says she opposes …")', () => {
    const text = 'Ruiz once called the treaty “the gold standard” of trade deals. Ruiz now says she opposes the treaty.';
    const got = findStatements(text, 'en').map((s) => [s.quote, s.speaker]);
    expect(got).toContainEqual(['she opposes the treaty', 'Ruiz']);
  });

  it('ends a sentence at "U.S." before a sentence opener, but not at an initial or a title', () => {
    const got = findStatements('Ana Ruiz says the vote was fair in the U.S. She says the observers agreed with her. John F. Kennedy said the count was slow.', 'en');
    expect(got.map((s) => s.quote)).toEqual(['the vote was fair in the U.S', 'the observers agreed with her', 'the count was slow']);
  });

  it('does not credit a quotation to a later cue that reports something of its own ("“…,” adding that …", "“…,” but he also noted …")', () => {
    const a = findStatements('In a statement, the commission said: "The count was fair and complete," adding that turnout rose in every region.', 'en');
    expect(a.map((s) => s.quote)).toEqual(['The count was fair and complete', 'turnout rose in every region']);
    const b = findStatements('Ruiz called the raid "an attack on our democracy," but she also noted the "quiet courage" of the poll workers in the north.', 'en');
    expect(b.map((s) => s.quote)).toContainEqual('the "quiet courage" of the poll workers in the north');
  });

  it('prefers, of two overlapping clauses, the one whose subject reads as a speaker', () => {
    const got = findStatements('Still, the truck story suggests the Mexican government understands that it needs a contingency plan.', 'en');
    expect(got).toMatchObject([{ quote: 'it needs a contingency plan', speaker: 'the Mexican government' }]);
  });

  it('finds the subject of a sentence that opens with a conjunction, for a second verb', () => {
    const got = findStatements('But the former governor showed restraint on Monday and described his outburst as the anger of a worried spouse.', 'en');
    expect(got).toMatchObject([{ quote: 'his outburst as the anger of a worried spouse', speaker: 'the former governor' }]);
  });

  it('does not credit an uncredited quotation to a capitalised word that is not a person', () => {
    const text = 'Less than a dozen voters came to the rally on Sunday.\n\n“We will accept whatever the voters decide, and so should everyone else.”';
    expect(findStatements(text, 'en').map((s) => s.speaker)).toEqual([null]);
  });

  it('gives both parts of a split quote to the one speaker', () => {
    const got = findStatements('“We accept the verdict,” said party chairman Amos Lungu, “but we will appeal.”', 'en');
    expect(got.map((s) => [s.quote, s.speaker])).toEqual([['We accept the verdict', 'Amos Lungu'], ['but we will appeal.', 'Amos Lungu']]);
  });

  it('puts the sentence around a statement in its context and keeps offsets valid', () => {
    const text = 'Intro line.\n\nThe judge said that the ballots must be recounted. Nothing else happened.';
    const [s] = findStatements(text, 'en');
    expect(s!.context).toBe('The judge said that the ballots must be recounted.');
    expect(text.slice(s!.start, s!.end)).toBe(s!.quote);
  });

  it('analyses hostile text without crashing and with valid offsets', () => {
    const texts = [
      'The minister said that the election was fair. "We won," he said. '.repeat(80_000), // 5 MB
      '"'.repeat(100_000),
      '«»“”„"\''.repeat(15_000),
      ('He said "this is open and never closed ' + 'word '.repeat(50)).repeat(2000),
      ('قال الرئيس "الانتخابات نزيهة وشفافة" ثم غادر. אמר "שלום לכל העולם" היום. ').repeat(20_000),
      'said '.repeat(300_000),
      'Minister John Smith '.repeat(100_000),
      'X, '.repeat(300_000) + 'said Y.',
    ];
    for (const t of texts) {
      const got = findStatements(t, 'en');
      for (const s of got) expect(t.slice(s.start, s.end)).toBe(s.quote);
    }
  });
});

describe('the seed article', () => {
  const seed = fs.existsSync(seedPath) ? (JSON.parse(fs.readFileSync(seedPath, 'utf8')) as { text: string; lang: string; statements: { quote: string; direct: boolean; speaker: string }[] }) : null;
  if (!seed) console.log(`seed article test skipped: ${seedPath} is absent`);

  it.skipIf(!seed)('finds its four direct quotes with the right speakers', () => {
    const got = findStatements(seed!.text, 'en').filter((s) => s.direct);
    expect(got.map((s) => s.speaker)).toEqual(['Matthew Miller', 'Matthew Miller', "a spokesman from Pakistan's interior ministry", 'Matthew Miller']);
    for (const s of got) expect(seed!.text.slice(s.start, s.end)).toBe(s.quote);
  });

  it.skipIf(!seed)('finds at least nine of the eleven annotated statements (token overlap >= 0.5)', () => {
    const got = findStatements(seed!.text, 'en');
    const used = new Set<number>();
    let found = 0;
    for (const g of seed!.statements) {
      const i = got.findIndex((s, k) => !used.has(k) && overlap(g.quote, s.quote) >= 0.5);
      if (i >= 0) { used.add(i); found++; }
    }
    expect(found).toBeGreaterThanOrEqual(9);
  });
});
