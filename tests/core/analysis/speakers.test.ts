// Speakers: names, roles and organisations from a speaker phrase; pronouns and role references resolved to names.
import { describe, expect, it } from 'vitest';
import { parseSpeakerPhrase } from '../../../electron/core/analysis/speakers.js';
import { findStatements } from '../../../electron/core/analysis/statements.js';

describe('parseSpeakerPhrase', () => {
  it('separates a title from the name: "spokesman Matthew Miller"', () => {
    const p = parseSpeakerPhrase('State Department spokesman Matthew Miller');
    expect(p).toMatchObject({ kind: 'name', speaker: 'Matthew Miller' });
    expect(p.role).toContain('spokesman');
  });

  it('reads an apposition: "Kenya’s opposition leader, Raila Odinga"', () => {
    expect(parseSpeakerPhrase('Kenya’s opposition leader, Raila Odinga')).toMatchObject({ kind: 'name', speaker: 'Raila Odinga', role: 'Kenya’s opposition leader' });
  });

  it('keeps a role phrase as written and fills the organisation', () => {
    const p = parseSpeakerPhrase("a spokesman from Pakistan's interior ministry");
    expect(p).toMatchObject({ kind: 'role', speaker: "a spokesman from Pakistan's interior ministry", head: 'spokesman' });
    expect(p.org).toBe("Pakistan's interior ministry");
  });

  it('recognises organisations and groups', () => {
    expect(parseSpeakerPhrase('Romania’s Constitutional Court').kind).toBe('org');
    expect(parseSpeakerPhrase('Bobi Wine’s party').kind).toBe('org');
  });

  it('does not take a capitalised adverb, adjective or initialism for a person', () => {
    expect(parseSpeakerPhrase('Nearly eight of 10 voters').speaker).not.toBe('Nearly');
    expect(parseSpeakerPhrase('sources').kind).toBe('generic');
    expect(parseSpeakerPhrase('A Democratic source')).toMatchObject({ kind: 'role', head: 'source' });
    expect(parseSpeakerPhrase('The former first lady and U.S. senator')).toMatchObject({ kind: 'role', head: 'senator' });
    expect(parseSpeakerPhrase('E.U. leaders').kind).toBe('org');
  });

  it('takes a government agency, a family member and placed people for sources, but not a news agency', () => {
    expect(parseSpeakerPhrase('the agency').kind).toBe('org');
    expect(parseSpeakerPhrase('His ex-wife')).toMatchObject({ kind: 'role', head: 'ex-wife' });
    expect(parseSpeakerPhrase('Many people involved in the negotiations').kind).toBe('role');
    expect(parseSpeakerPhrase('the news agency').kind).toBe('generic');
    expect(parseSpeakerPhrase('people').kind).toBe('generic');
  });

  it('marks pronouns and generic sources', () => {
    expect(parseSpeakerPhrase('she')).toMatchObject({ kind: 'pronoun', pronoun: 'f' });
    expect(parseSpeakerPhrase('il')).toMatchObject({ kind: 'pronoun', pronoun: 'm' });
    expect(parseSpeakerPhrase('observers').kind).toBe('generic');
    expect(parseSpeakerPhrase('some analysts').kind).toBe('generic');
  });
});

describe('speaker resolution in an item', () => {
  const speakers = (text: string, lang = 'en') => findStatements(text, lang).map((s) => [s.quote, s.speaker]);

  it('resolves "he said" to the person named before, with the full name', () => {
    const text = 'Government spokesman Abdou Karim Fofana spoke on Monday. Fofana said the count was over. ' +
      '"We will publish every result tonight," he said.';
    expect(speakers(text)).toContainEqual(['We will publish every result tonight', 'Abdou Karim Fofana']);
  });

  it('resolves "the spokesman" to the latest spokesman, and "he" after a role mention to that role', () => {
    const text = 'In response, a spokesman from the interior ministry defended the shutdown. He said that it was needed for security.\n\n' +
      'The spokesman also criticised the foreign observers for their haste.';
    const got = findStatements(text, 'en');
    expect(got.map((s) => s.speaker)).toEqual(['a spokesman from the interior ministry', 'a spokesman from the interior ministry']);
    expect(got[0]!.speakerOrg).toBe('interior ministry');
  });

  it('resolves "the chairman" to the person the item names as chairman, even later', () => {
    const text = 'Ruto received 50 percent of the vote, the chairman said.\n\nThe figures announced by the chairman, Wafula Chebukati, were disputed.';
    expect(speakers(text)).toContainEqual(['Ruto received 50 percent of the vote', 'Wafula Chebukati']);
  });

  it('gives a following quote paragraph without attribution to the last speaker', () => {
    const text = '“Interest rates are low across the globe,” said Ms Mary Daly.\n\n“The job of a central banker is to tune out the noise of the markets.”';
    expect(speakers(text)).toEqual([
      ['Interest rates are low across the globe', 'Mary Daly'],
      ['The job of a central banker is to tune out the noise of the markets.', 'Mary Daly'],
    ]);
  });

  it.each([
    ['de', 'Friedrich Merz hat die Wahl gewonnen. „Wir werden schnell eine Regierung bilden“, sagte er am Abend.', 'Friedrich Merz'],
    ['es', 'El candidato Javier Milei celebró su victoria. "Hoy comienza la reconstrucción del país", dijo ante sus seguidores.', 'Javier Milei'],
    ['pt', 'O presidente Luiz Lula votou em São Paulo. "A democracia venceu hoje", disse ele.', 'Luiz Lula'],
    ['es', '"Vamos a ganar estas elecciones", afirmó la líder opositora María Corina Machado en Caracas.', 'María Corina Machado'],
    ['pt', '"Vamos recorrer da decisão do tribunal", afirmou o presidente do partido, Carlos Lupi.', 'Carlos Lupi'],
  ])('%s: attributes a quotation after its closing mark to the named or pronoun speaker', (lang, text, speaker) => {
    expect(findStatements(text, lang).filter((s) => s.direct).map((s) => s.speaker)).toEqual([speaker]);
  });

  it('resolves French inverted pronouns ("a-t-il ajouté") to the last person', () => {
    const text = 'Jordan Martel a salué les résultats. « Le second tour sera décisif pour tout le pays », a-t-il ajouté.';
    expect(speakers(text, 'fr')).toContainEqual(['Le second tour sera décisif pour tout le pays', 'Jordan Martel']);
  });

  it('gives each turn of an interview transcript ("PENCE: …") to its speaker, but not a dateline', () => {
    const text = 'Governor Mike Pence spoke to Chris Wallace.\n\nWALLACE: Will you attend the debate tomorrow night?\n\nPENCE: Well, the question really should be about the economy.';
    expect(speakers(text)).toEqual([
      ['Will you attend the debate tomorrow night?', 'Chris Wallace'],
      ['Well, the question really should be about the economy.', 'Mike Pence'],
    ]);
    expect(speakers('SYDNEY: Shareholders of the airline voted against the pay report on Friday.')).toEqual([]);
  });

  it('gives a block quote after "Speaker:" and dash speech their speaker', () => {
    expect(speakers('Infantino: "Ben herkese teşekkür etmek istiyorum ve çalışacağız."', 'tr'))
      .toEqual([['Ben herkese teşekkür etmek istiyorum ve çalışacağız.', 'Infantino']]);
    expect(speakers('Wstęp.\n\n– Jestem bardzo zadowolony z wyniku – powiedział Liam Delap.\n\n– Dziękuję wszystkim wyborcom za zaufanie.', 'pl'))
      .toEqual([['Jestem bardzo zadowolony z wyniku', 'Liam Delap'], ['Dziękuję wszystkim wyborcom za zaufanie.', 'Liam Delap']]);
  });
});
