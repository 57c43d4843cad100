// Topics: a documented list, each with cue words in the main languages, found in statements.
import { describe, expect, it } from 'vitest';
import { TOPICS, topicsOf } from '../../../electron/core/analysis/topics.js';

describe('TOPICS', () => {
  it('documents every required topic with a description and cues in en/es/fr/de/pt', () => {
    const ids = TOPICS.map((t) => t.id);
    for (const id of ['fraud', 'violence', 'internet-media-restrictions', 'press-freedom', 'observers', 'turnout', 'results', 'campaign', 'candidates', 'courts', 'foreign-reaction']) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of TOPICS) {
      expect(t.description.length).toBeGreaterThan(20);
      for (const lang of ['en', 'es', 'fr', 'de', 'pt']) expect(t.cues[lang]?.length ?? 0).toBeGreaterThan(0);
    }
  });
});

describe('topicsOf', () => {
  it.each([
    ['en', 'Claims of interference or fraud should be fully investigated', ['fraud']],
    ['en', 'The suspension of mobile phone and internet services during the vote', ['internet-media-restrictions']],
    ['en', 'attacks on journalists and restrictions on freedom of expression', ['violence', 'press-freedom']],
    ['en', 'Observers said turnout was high and the vote largely peaceful', ['observers', 'turnout']],
    ['es', 'El tribunal anuló los resultados por fraude', ['fraud', 'results', 'courts']],
    ['fr', 'Les observateurs ont dénoncé des irrégularités et une faible participation', ['fraud', 'observers', 'turnout']],
    ['de', 'Die Wahlbeteiligung lag nach der Hochrechnung bei 80 Prozent', ['turnout', 'results']],
    ['pt', 'O candidato da oposição parabenizou o vencedor; a embaixada emitiu nota', ['results', 'candidates', 'foreign-reaction']],
  ])('%s: %s', (lang, text, expected) => {
    expect(topicsOf(text, lang)).toEqual(expected);
  });

  it('does not match cue words inside other words ("count" in "country", "win" in "window")', () => {
    expect(topicsOf('The country opened a window on Monday.', 'en')).toEqual([]);
  });

  it('applies English cues to other and unknown languages', () => {
    expect(topicsOf('Le président a parlé de fraud et de internet shutdown.', 'fr')).toEqual(['fraud', 'internet-media-restrictions']);
    expect(topicsOf('Observers reported fraud', 'unknown')).toEqual(['fraud', 'observers']);
  });

  it('survives hostile input: 5 MB of mixed scripts and right-to-left text', () => {
    const text = 'انتخابات \u202e Выборы 選挙 fraud '.repeat(200_000);
    expect(topicsOf(text, 'ar')).toEqual(['fraud']);
  });
});
