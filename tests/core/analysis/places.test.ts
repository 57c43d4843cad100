// Countries: mentions by name, demonym, capital and institution; the country whose election an item is about; speakers' countries.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TextPlaces, countryMentions, countryOf, findCountries } from '../../../electron/core/analysis/places.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEED = path.resolve(here, '../../../../shared/data/seed-article.json');
const codes = (text: string) => countryMentions(text).map((m) => m.code);

describe('countryMentions', () => {
  it('finds names, demonyms, capitals and institutions, with exact offsets', () => {
    const text = 'Pakistani officials in Islamabad met the Election Commission of Pakistan; the Kremlin and the White House said nothing.';
    const ms = countryMentions(text);
    expect(ms.map((m) => m.code)).toEqual(['PK', 'PK', 'PK', 'RU', 'US']);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(ms[0].text).toBe('Pakistani');
  });

  it('knows names in other languages and abbreviations written in capitals', () => {
    expect(codes('Elecciones en Estados Unidos y Alemania')).toEqual(['US', 'DE']);
    expect(codes('Les États-Unis, le Royaume-Uni et la Côte d’Ivoire')).toEqual(['US', 'GB', 'CI']);
    expect(codes('Wahl in Deutschland und Österreich')).toEqual(['DE', 'AT']);
    expect(codes('Eleições no Brasil e em Moçambique')).toEqual(['BR', 'MZ']);
    expect(codes('The U.S. and the UK said; let us vote')).toEqual(['US', 'GB']);
  });

  it('knows Spanish, Portuguese and German adjectives, also in lower case', () => {
    expect(codes('Los argentinos votaron; el gobierno mexicano felicitó')).toEqual(['AR', 'MX']);
    expect(codes('as eleições brasileiras')).toEqual(['BR']);
    expect(codes('die französische Präsidentschaftswahl')).toEqual(['FR']);
  });

  it('prefers the longest name and ignores phrases that only contain a country word', () => {
    expect(codes('Voters in Papua New Guinea and Guinea-Bissau')).toEqual(['PG', 'GW']);
    expect(codes('Trade with Latin America and South America; the Liberal Democrats and the African National Congress')).toEqual([]);
    expect(codes('Primaries in New Mexico and New Jersey')).toEqual(['US', 'US']);
  });

  it('does not read a person called Jordan or Chad as a country', () => {
    expect(codes('Jordan Bardella said the vote was historic. Rep. Jim Jordan agreed, as did Chad Bown.')).toEqual([]);
    expect(codes('King Abdullah of Jordan')).toEqual(['JO']);
  });

  it('survives hostile input: 5 MB of mixed scripts and right-to-left text', () => {
    const text = 'انتخابات باكستان \u202e Pakistan Выборы 選挙 '.repeat(130_000);
    expect(countryMentions(text).length).toBeGreaterThan(100_000);
  });
});

describe('TextPlaces: the mentions of a statement looked up in its item', () => {
  it('gives each part of the text the mentions it has on its own, also where a part cuts a name or a word', () => {
    const text = 'Jordan Bardella met King Abdullah of Jordan in New York. The US State Department said Papua New Guinea, ' +
      'Côte d’Ivoire and the 𝐀Kenya team would observe the vote in Pakistan; Rep. Jim Jordan disagreed, said the UK.';
    const places = new TextPlaces(text);
    for (let from = 0; from <= text.length; from += 3) {
      for (const len of [0, 1, 7, 20, 45, 120]) {
        const part = text.slice(from, from + len);
        expect(places.slice(from, from + len)).toEqual(countryMentions(part));
        expect(places.mentionsOf(part, Math.max(0, from - 11))).toEqual(countryMentions(part));
      }
    }
    // a part that is not in the text is read on its own
    expect(places.mentionsOf('Elections in Kenya and Uganda', 10).map((m) => m.code)).toEqual(['KE', 'UG']);
  });

  it('lets findCountries reuse the text it has read, with the same answer', () => {
    const text = 'The US State Department said it was concerned about the general elections in Pakistan. Washington urged Islamabad to investigate.';
    expect(findCountries(text, null, 'en', new TextPlaces(text))).toEqual(findCountries(text, null, 'en'));
  });
});

describe('findCountries: the country whose election it is', () => {
  it('a US comment on Pakistan’s election is about Pakistan', () => {
    const text = 'The US State Department said on Friday it was concerned about the general elections in Pakistan. Washington urged Islamabad to investigate claims of fraud.';
    expect(findCountries(text, null, 'en').countries).toEqual(['PK']);
  });

  it('uses demonyms and adjectives next to election words', () => {
    expect(findCountries('French presidential election heads to round two as Macron and Le Pen qualify; Germany and Italy watch closely.', null, 'en').countries).toEqual(['FR']);
    expect(findCountries('Ugandan opposition leader rejects the election result, with the US and Britain calling for an investigation.', null, 'en').countries).toEqual(['UG']);
  });

  it('is not misled by foreign actors, interference claims or datelines', () => {
    expect(findCountries('US intelligence agencies concluded that Russia interfered in the 2016 presidential election, officials in Washington said.', null, 'en').countries).toEqual(['US']);
    expect(findCountries('Taiwan elected Lai Ching-te as president on Saturday, defying warnings from China, which called him a separatist. Beijing said the vote changed nothing.', null, 'en').countries).toEqual(['TW']);
    expect(findCountries('BRUSSELS — The European Commission said it was watching Hungary’s election closely after Viktor Orban claimed a fourth term.', null, 'en').countries).toEqual(['HU']);
    expect(findCountries('Emmanuel Macron a félicité Bassirou Diomaye Faye pour sa victoire à l’élection présidentielle au Sénégal, a indiqué l’Élysée.', null, 'fr').countries).toEqual(['SN']);
  });

  it('works in Spanish, French, German and Portuguese', () => {
    expect(findCountries('Massa reconoció el triunfo de Milei en las elecciones presidenciales de Argentina.', null, 'es').countries).toEqual(['AR']);
    expect(findCountries('Le Rassemblement national arrive en tête des élections législatives en France, selon les estimations.', null, 'fr').countries).toEqual(['FR']);
    expect(findCountries('Die Union gewinnt die Bundestagswahl, die SPD fällt auf ihr schlechtestes Ergebnis.', null, 'de').countries).toEqual(['DE']);
    expect(findCountries('Milei venceu o segundo turno da eleição presidencial na Argentina, disse a imprensa do Brasil.', null, 'pt').countries).toEqual(['AR']);
  });

  it('lets the title weigh in and returns no country when none is named in English text', () => {
    expect(findCountries('Officials said counting continued overnight.', 'Kenya election: counting continues', 'en').countries).toEqual(['KE']);
    expect(findCountries('Officials said counting continued overnight.', null, 'en').countries).toEqual([]);
  });

  it('finds Pakistan for the seed article', (ctx) => {
    if (!fs.existsSync(SEED)) { console.log(`skipped: ${SEED} is absent`); ctx.skip(); return; }
    const seed = JSON.parse(fs.readFileSync(SEED, 'utf8')) as { text: string; title: string | null };
    expect(findCountries(seed.text, seed.title, 'en').countries).toEqual(['PK']);
  });
});

describe('countryOf: the country of a speaker phrase', () => {
  it.each([
    ["Pakistan's interior ministry", 'PK'],
    ['a spokesman from Pakistan’s interior ministry', 'PK'],
    ['US State Department', 'US'],
    ['the Kremlin', 'RU'],
    ['Kenyan opposition leader', 'KE'],
    ['Downing Street', 'GB'],
    ['el gobierno de México', 'MX'],
    ['le ministère français des Affaires étrangères', 'FR'],
  ])('%s → %s', (phrase, code) => {
    expect(countryOf(phrase)).toBe(code);
  });

  it('gives no country for international bodies or unknown speakers', () => {
    expect(countryOf('the UN Secretary-General')).toBeNull();
    expect(countryOf('EU observers in Kenya')).toBeNull();
    expect(countryOf('OSCE/ODIHR mission')).toBeNull();
    expect(countryOf('the chairman')).toBeNull();
  });
});
