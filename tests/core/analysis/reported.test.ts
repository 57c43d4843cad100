// Reported speech: speech verbs in en/es/fr/de/pt, the content span only, "according to", postposed and headline forms.
import { describe, expect, it } from 'vitest';
import { findStatements } from '../../../electron/core/analysis/statements.js';

const indirect = (text: string, lang = 'en', title: string | null = null) =>
  findStatements(text, lang, title).filter((s) => !s.direct).map((s) => ({ quote: s.quote, speaker: s.speaker }));

describe('reported speech', () => {
  it.each([
    ['said that', 'Senator Maria Lopez said that the recount would start on Monday.', 'the recount would start on Monday', 'Maria Lopez'],
    ['said without that', 'Opposition leader John Kamau said the results had been manipulated.', 'the results had been manipulated', 'John Kamau'],
    ['told reporters', 'Prime Minister Anna Berg told reporters the vote would go ahead.', 'the vote would go ahead', 'Anna Berg'],
    ['urged X to', 'Governor Paul Otieno urged voters to stay calm during the count.', 'voters to stay calm during the count', 'Paul Otieno'],
    ['called for', 'The electoral commission called for an independent audit of the ballots.', 'an independent audit of the ballots', 'The electoral commission'],
    ['vowed to (without "to")', 'Candidate Rosa Mendes vowed to challenge the result in court.', 'challenge the result in court', 'Rosa Mendes'],
    ['denied that', 'The interior ministry denied that any polling station had been closed early.', 'any polling station had been closed early', 'The interior ministry'],
    ['accused X of', 'Mr Daniel Osei accused the ruling party of buying votes in the north.', 'the ruling party of buying votes in the north', 'Daniel Osei'],
    ['postposed', 'The turnout was the highest in two decades, the commission chairman Peter Wanjiru said.', 'The turnout was the highest in two decades', 'Peter Wanjiru'],
    ['according to, postposed', 'The polls closed two hours late in the capital, according to election monitor Helen Achieng.', 'The polls closed two hours late in the capital', 'Helen Achieng'],
    ['according to, preposed', 'According to Justice Minister Karl Weber, the ballots were stored safely overnight.', 'the ballots were stored safely overnight', 'Karl Weber'],
  ])('%s: the span is the content only, with the speaker', (_n, text, quote, speaker) => {
    expect(indirect(text)).toContainEqual({ quote, speaker });
  });

  it.each([
    ['es', 'El ministro Pedro Sánchez afirmó que las elecciones fueron limpias.', 'las elecciones fueron limpias', 'Pedro Sánchez'],
    ['fr', 'La candidate Marine Dupont a déclaré que le scrutin était truqué.', 'le scrutin était truqué', 'Marine Dupont'],
    ['de', 'Der Kanzler Olaf Becker sagte, die Wahl sei fair verlaufen.', 'die Wahl sei fair verlaufen', 'Olaf Becker'],
    ['pt', 'O presidente Luiz Almeida disse que a apuração foi transparente.', 'a apuração foi transparente', 'Luiz Almeida'],
    ['es', 'Las urnas cerraron a las seis de la tarde en todo el país, según el portavoz Juan Pérez.', 'Las urnas cerraron a las seis de la tarde en todo el país', 'Juan Pérez'],
    ['fr', 'Le second tour aura lieu dans deux semaines, a précisé Jean Martin.', 'Le second tour aura lieu dans deux semaines', 'Jean Martin'],
    ['fr', 'Emmanuel Macron a réagi dimanche. Il a ajouté qu’il nommerait un Premier ministre rapidement.', 'il nommerait un Premier ministre rapidement', 'Emmanuel Macron'],
    ['de', 'Die Wahlbeteiligung sei hoch gewesen, so der Bundeswahlleiter Georg Thiel.', 'Die Wahlbeteiligung sei hoch gewesen', 'Georg Thiel'],
    ['pt', 'Segundo o ministro Alexandre de Moraes, as urnas eletrônicas são seguras.', 'as urnas eletrônicas são seguras', 'Alexandre de Moraes'],
  ])('%s: %s', (lang, text, quote, speaker) => {
    expect(indirect(text, lang)).toContainEqual({ quote, speaker });
  });

  it('splits "alleged X and said Y" into two statements of the same speaker', () => {
    const got = indirect('Candidate Bobi Kato has alleged widespread fraud and said citizens should reject the result.');
    expect(got).toEqual([
      { quote: 'widespread fraud', speaker: 'Bobi Kato' },
      { quote: 'citizens should reject the result', speaker: 'Bobi Kato' },
    ]);
  });

  it('gives ", adding that …" to the subject of the sentence', () => {
    const got = indirect('Party leader Ama Mensah rejected claims of vote rigging, adding that the party would accept the result.');
    expect(got).toContainEqual({ quote: 'the party would accept the result', speaker: 'Ama Mensah' });
  });

  it('reads the headline forms "X says …" and "Speaker: claim"', () => {
    expect(indirect('Kenyatta says the election was stolen\n\nBody text.', 'en', 'Kenyatta says the election was stolen'))
      .toContainEqual({ quote: 'the election was stolen', speaker: 'Kenyatta' });
    expect(indirect('Electoral commission: turnout reached 70 percent\n\nThe commission published the figure on Monday.', 'en', 'Electoral commission: turnout reached 70 percent'))
      .toContainEqual({ quote: 'turnout reached 70 percent', speaker: 'Electoral commission' });
  });

  it('does not read a title-case headline with a colon as "Speaker: claim" when the story never names that speaker', () => {
    const title = 'Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted';
    expect(indirect(`${title}\n\nClinton's motorcade left the memorial early on Sunday.`, 'en', title)).toEqual([]);
  });

  it('does not report polls, data, news agencies or unnamed generic sources', () => {
    const text = 'The vote was largely peaceful, observers said. Analysts say turnout was low. ' +
      'Turnout was 60 percent, according to official figures. Reuters reported that the count was slow. ' +
      '69% of respondents said they would vote again.';
    expect(indirect(text)).toEqual([]);
  });

  it('does not take a bare speech event ("conceded defeat") or a telephone call for a statement', () => {
    expect(indirect('Mr Amadou Diallo conceded defeat. He called his rival to congratulate him.')).toEqual([]);
  });
});

describe('reported speech: more constructions', () => {
  it.each([
    ['subject with a relative-clause apposition', 'Laura Pinto, who ran the county board until last spring, said the ballots had been counted twice.', 'the ballots had been counted twice', 'Laura Pinto'],
    ['apposition with an abbreviation', 'Tom Reyes, who served as U.S. envoy to Chile until 2019, said the observers were satisfied.', 'the observers were satisfied', 'Tom Reyes'],
    ['an intro adverbial before the subject', 'In a letter sent on Monday, the Union of Nurses called Senator Ilse Marr a “true friend” of the clinics.', 'Senator Ilse Marr a “true friend” of the clinics', 'the Union of Nurses'],
    ['noted / acknowledged and equivalents', 'Governor Ruth Bahr acknowledged that the turnout in rural areas had been low.', 'the turnout in rural areas had been low', 'Ruth Bahr'],
    ['a named organisation that reported', 'The Fiscal Watch Institute reported that the plan would cost 40 billion dollars.', 'the plan would cost 40 billion dollars', 'The Fiscal Watch Institute'],
    ['called X a Y', 'Mayor Ivan Petrov called the proposal a waste of public money.', 'the proposal a waste of public money', 'Ivan Petrov'],
    ['beliefs and intentions', 'Senator Clara Holm believes the new districts favour the incumbent party.', 'the new districts favour the incumbent party', 'Clara Holm'],
  ])('%s', (_n, text, quote, speaker) => {
    expect(indirect(text)).toContainEqual({ quote, speaker });
  });

  it('takes the whole sentence around a parenthetical attribution ("X, she said, Y")', () => {
    expect(indirect('The count was slow, Judge Mara Lind said, until extra staff arrived from the capital.'))
      .toEqual([{ quote: 'The count was slow, Judge Mara Lind said, until extra staff arrived from the capital', speaker: 'Mara Lind' }]);
  });

  it('ends the content where a new clause with its own subject starts', () => {
    const got = indirect('Speaker Ana Ruiz said the budget would pass easily, though she admitted that two members were still undecided.');
    expect(got).toContainEqual({ quote: 'the budget would pass easily', speaker: 'Ana Ruiz' });
    expect(got).toContainEqual({ quote: 'two members were still undecided', speaker: 'Ana Ruiz' });
  });

  it('ends a noun object at an apposition or a semicolon', () => {
    expect(indirect('The teachers’ union endorsed Maria Costa for mayor on Friday, another sign of labour rallying behind her.'))
      .toEqual([{ quote: 'Maria Costa for mayor on Friday', speaker: 'The teachers’ union' }]);
    expect(indirect('Minister Hugo Berg said the delay was technical; the printers had run out of paper.'))
      .toEqual([{ quote: 'the delay was technical', speaker: 'Hugo Berg' }]);
  });

  it('does not take an outlet or a generic "defended the rules" object for a statement', () => {
    expect(indirect('The Evening Herald reported that the mayor would resign.')).toEqual([]);
    expect(indirect('Mayor Ivan Petrov defended the restrictions.')).toEqual([]);
  });

  it('does not read a capitalised plural noun in a headline as a speech verb, nor a byline as speech', () => {
    expect(indirect('Election Rules Face Key Test In Supreme Court\n\nThe court hears the case on Monday.', 'en', 'Election Rules Face Key Test In Supreme Court')).toEqual([]);
    expect(indirect('Anna Berg reported from Nairobi, and Tom Hale from Mombasa.')).toEqual([]);
    expect(indirect('Opposition Vows To Challenge Results In Court\n\nThe opposition met on Friday.', 'en', 'Opposition Vows To Challenge Results In Court'))
      .toContainEqual({ quote: 'Challenge Results In Court', speaker: 'Opposition' });
  });

  it('reads "…, said one official in the room" as an attribution, not as content after the verb', () => {
    const got = indirect('The meeting ended without a deal, and the talks broke down from there, said one party official in the room.');
    expect(got.map((g) => g.quote)).not.toContain('one party official in the room');
  });

  it('credits a relative clause ("X, who said …") to its antecedent and ends it where the main verb resumes', () => {
    expect(indirect('The count was slow, said Ana Lutz, who emphasized that the ballots were safe.'))
      .toContainEqual({ quote: 'the ballots were safe', speaker: 'Ana Lutz' });
    expect(indirect('Senator Rui Costa, who said last week that the commission was biased, issued a statement on Tuesday.'))
      .toContainEqual({ quote: 'the commission was biased', speaker: 'Rui Costa' });
  });

  it('does not read a cue word used as a noun or adjective, nor "maintained his lead", as reported speech', () => {
    expect(indirect('The mayor was the target of $5,000 in reported attacks by rival groups.')).toEqual([]);
    expect(indirect('Senator Paula Reyes maintained her double-digit lead over the governor.')).toEqual([]);
    expect(indirect('Senator Paula Reyes maintained that the count was fair.')).toContainEqual({ quote: 'the count was fair', speaker: 'Paula Reyes' });
  });

  it('skips a paired dash aside inside a reported clause, and keeps a clause split by a parenthetical attribution', () => {
    expect(indirect('The commission has said voters abroad - in embassies and consulates - would vote on Sunday.'))
      .toContainEqual({ quote: 'voters abroad - in embassies and consulates - would vote on Sunday', speaker: 'The commission' });
    expect(indirect('The count, Ms Ruiz said, would resume on Monday.'))
      .toContainEqual({ quote: 'The count, Ms Ruiz said, would resume on Monday', speaker: 'Ruiz' });
  });

  it('reads "according to" a placed source or a document with a named author, but not data', () => {
    expect(indirect('The count will resume on Monday, according to two officials familiar with the talks.'))
      .toContainEqual({ quote: 'The count will resume on Monday', speaker: 'two officials familiar with the talks' });
    expect(indirect('According to a complaint filed by the Electoral Commission, the party hid its donors.'))
      .toContainEqual({ quote: 'the party hid its donors', speaker: 'a complaint filed by the Electoral Commission' });
    expect(indirect('Turnout reached 60 percent, according to figures released by the commission.')).toEqual([]);
  });

  it('reads appositions with relative clauses and noun phrases followed by their own verb correctly', () => {
    expect(indirect('The Electoral Commission, the agency that oversees the count, said it was taking more steps.'))
      .toContainEqual({ quote: 'it was taking more steps', speaker: 'The Electoral Commission' });
    expect(indirect('Mr. Kirk, who spoke after the vote, also noted that Mr. Lund has mocked the observers.'))
      .toContainEqual({ quote: 'Mr. Lund has mocked the observers', speaker: 'Kirk' });
    expect(indirect('In a statement, one of the family’s lawyers, Ana Costa, said the videos show no weapon.'))
      .toContainEqual({ quote: 'the videos show no weapon', speaker: 'Ana Costa' });
    expect(indirect('Trump took to Twitter overnight to accuse the commission of bias in the count.'))
      .toContainEqual({ quote: 'the commission of bias in the count', speaker: 'Trump' });
    expect(indirect('Ruiz refused to deny the reports of fraud in the count.')).toEqual([]);
  });

  it('reads "described" with or without "as", but not a bare short object', () => {
    expect(indirect('Poll workers described long queues and missing ballots at the northern stations.'))
      .toContainEqual({ quote: 'long queues and missing ballots at the northern stations', speaker: 'Poll workers' });
    expect(indirect('The mayor described the scene.')).toEqual([]);
  });

  it('reads "charged that", and "reminded/assured/warned" with or without an object', () => {
    expect(indirect('Ruiz charged that the commission had hidden ballots.')).toContainEqual({ quote: 'the commission had hidden ballots', speaker: 'Ruiz' });
    expect(indirect('Ruiz assured supporters the count was fair.')).toContainEqual({ quote: 'the count was fair', speaker: 'Ruiz' });
    expect(indirect('Ruiz warned that the count was slow.')).toContainEqual({ quote: 'the count was slow', speaker: 'Ruiz' });
  });

  it('takes a named reporter for a source but not an outlet', () => {
    expect(indirect('MSNBC’s Ayman Mohyeldin reported Wednesday that the anchor was seen entering the tower.'))
      .toContainEqual({ quote: 'the anchor was seen entering the tower', speaker: 'Ayman Mohyeldin' });
    expect(indirect('The Evening Herald reported that the mayor would resign.')).toEqual([]);
  });

  it('does not read "added to", a number or adjective before a plural, or "rules that could" as speech', () => {
    expect(indirect('Mr. Lutz added to his portfolio by purchasing two more courses.')).toEqual([]);
    expect(indirect('On Tuesday, when voters in 11 states will cast ballots, the polls open early.')).toEqual([]);
    expect(indirect('The campaign preys on our worst fears about the future of the country.')).toEqual([]);
    expect(indirect('Congress passed a set of election rules that could lead to long queues at the polls.')).toEqual([]);
  });

  it('counts "mentioned" and "knew" only with a that-clause', () => {
    expect(indirect('Ruiz mentioned that the count was slow.')).toContainEqual({ quote: 'the count was slow', speaker: 'Ruiz' });
    expect(indirect('Ruiz mentioned the count in her speech.')).toEqual([]);
    expect(indirect('Ruiz knew that the count was slow.')).toContainEqual({ quote: 'the count was slow', speaker: 'Ruiz' });
    expect(indirect('Ruiz knew the count by heart.')).toEqual([]);
  });

  it('reads a "Speaker: claim" headline even when its punctuation differs from the title', () => {
    expect(indirect('Rosa Mendes: The Recount Will Show I Won.\n\nThe candidate, Ms Mendes, spoke on Sunday.', 'en', 'Rosa Mendes: The Recount Will Show I Won'))
      .toContainEqual({ quote: 'The Recount Will Show I Won', speaker: 'Rosa Mendes' });
  });

  it('finds the subject across a dash apposition or a party tag, and past a quoted programme title', () => {
    expect(indirect('Klein -- co-author of a study on the ballots -- said the count had been accurate.'))
      .toEqual([{ quote: 'the count had been accurate', speaker: 'Klein' }]);
    expect(indirect('Sen. Joan Webb (D-Ore.) argued that the rules could be challenged in court.'))
      .toEqual([{ quote: 'the rules could be challenged in court', speaker: 'Joan Webb' }]);
    expect(indirect('On Sunday’s edition of “Face the Voters,” Governor Alan Hart said his rival had misled the public.'))
      .toEqual([{ quote: 'his rival had misled the public', speaker: 'Alan Hart' }]);
  });

  it('runs content introduced by "said …:" to the end of its paragraph', () => {
    expect(indirect('The minister said in a statement: The vote was fair and orderly. Nobody was harmed at any polling station.\n\nThe count goes on.'))
      .toEqual([{ quote: 'The vote was fair and orderly. Nobody was harmed at any polling station', speaker: null }].map((x) => ({ ...x, speaker: 'The minister' })));
  });
});
