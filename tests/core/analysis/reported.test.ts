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
    expect(indirect('Electoral commission: turnout reached 70 percent\n\nBody.', 'en', 'Electoral commission: turnout reached 70 percent'))
      .toContainEqual({ quote: 'turnout reached 70 percent', speaker: 'Electoral commission' });
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
