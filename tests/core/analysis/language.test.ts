// Language of items: the five main languages are told apart; short or mixed text is "unknown", not a guess.
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../electron/core/analysis/language.js';

describe('detectLanguage', () => {
  it.each([
    ['en', 'The opposition leader said the count was flawed and that his party would challenge the result in court.'],
    ['es', 'El candidato de la oposición dijo que el recuento fue defectuoso y que su partido impugnará el resultado.'],
    ['fr', 'Le chef de l’opposition a déclaré que le dépouillement était entaché d’erreurs et que son parti contesterait le résultat.'],
    ['de', 'Der Oppositionsführer sagte, die Auszählung sei fehlerhaft gewesen und seine Partei werde das Ergebnis anfechten.'],
    ['pt', 'O líder da oposição disse que a contagem foi falha e que o seu partido vai contestar o resultado na justiça.'],
    ['ru', 'Лидер оппозиции заявил, что подсчёт голосов был проведён с нарушениями и партия оспорит результаты в суде.'],
  ])('recognises %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('says "unknown" for text too short to judge, unless the feed declares a language', () => {
    expect(detectLanguage('Vote 2024')).toBe('unknown');
    expect(detectLanguage('Vote 2024', 'fr-FR')).toBe('fr');
  });

  it('says "unknown" for a text that mixes languages evenly', () => {
    const mixed = 'The president said that the vote was fair. Le président a dit que la France est prête. Der Präsident sagte, dass die Wahl frei war.';
    expect(detectLanguage(mixed)).toBe('unknown');
  });

  it('treats the declared language only as a hint: a clearly French text stays French', () => {
    expect(detectLanguage('Les électeurs sont appelés aux urnes dimanche pour le second tour de l’élection présidentielle.', 'en')).toBe('fr');
  });

  it('does not guess a language it cannot tell (Icelandic is not among the supported ones)', () => {
    const is = 'Sir Alex Ferguson knattspyrnustjóri Englandsmeistara Manchester United gat ekki leynt gleði sinni þegar hann tók í höndina á búlgarska sóknarmanninum seint í gærkvöldi.';
    expect(detectLanguage(is)).toBe('unknown');
  });

  it('handles empty and hostile input without throwing', () => {
    expect(detectLanguage('')).toBe('unknown');
    expect(detectLanguage('\u202e'.repeat(1000) + '🙂'.repeat(1000))).toBe('unknown');
  });
});
