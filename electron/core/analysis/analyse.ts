// The analyser: language → relevance → countries → statements → speakers → countries/topics/stance per statement.
import { detectLanguage } from './language.js';
import { TextPlaces, countryOf, findCountries } from './places.js';
import { electionRelevance } from './relevance.js';
import { stanceOf } from './stance.js';
import { findStatements } from './statements.js';
import { topicsOf } from './topics.js';
import type { AnalysisInput, ItemAnalysis, Statement } from './types.js';

/** Bump whenever the analyser's output for the same input changes (stored analyses are then redone). */
export const ANALYSER_VERSION = 2;

/** Runs one stage; if it throws (a bug met on odd text), the stage's fallback is used and `stage: message` is recorded in
 * `errors`, so the item is still analysed and the failure is not lost. */
export function runStage<T>(stage: string, f: () => T, fallback: T, errors: string[]): T {
  try { return f(); } catch (e) {
    if (errors.length < 20) errors.push(`${stage}: ${e instanceof Error ? e.message : String(e)}`);
    return fallback;
  }
}

/** Analyse one item's plain text. Never throws on odd text. */
/** "The US State Department" and "US State Department" are one speaker in the facets: an English article before a
 * capitalised name is dropped ("the spokesman" stays as written). */
function displayName(name: string | null): string | null {
  return name ? name.replace(/^the\s+(?=\p{Lu})/iu, '') : name;
}

export function analyseText(input: AnalysisInput): ItemAnalysis {
  const errors: string[] = [];
  const safe = <T>(f: () => T, fallback: T, stage: string): T => runStage(stage, f, fallback, errors);
  const text = typeof input.text === 'string' ? input.text : '';
  const title = input.title ?? null;
  const language = safe(() => detectLanguage(text, input.lang ?? null), input.lang ?? 'unknown', 'language');
  const rel = safe(() => electionRelevance(text, title, language), { score: 0, related: false }, 'relevance');
  // Country mentions are read once for the whole text; each statement's quote and sentence are looked up in them.
  const textPlaces = new TextPlaces(text);
  const places = safe(() => findCountries(text, title, language, textPlaces), { countries: [] as string[], mentions: [] }, 'countries');
  const phraseCountry = new Map<string, string | null>();
  const countryOfPhrase = (phrase: string): string | null => {
    let c = phraseCountry.get(phrase);
    if (c === undefined) { c = countryOf(phrase, language); phraseCountry.set(phrase, c); }
    return c;
  };
  const countries = rel.related ? places.countries : [];
  const mainCountry = places.countries[0] ?? null;
  const found = safe(() => findStatements(text, language, title), [], 'statements');
  const statements: Statement[] = found.map((f) => {
    const speakerCountry = safe(() => {
      for (const phrase of [f.speakerOrg, f.speakerRole, f.speaker]) {
        if (!phrase) continue;
        const c = countryOfPhrase(phrase);
        if (c) return c;
      }
      return null;
    }, null, 'speaker country');
    // the statement's subject country: the item's election country when the statement mentions it, else another country
    // it mentions (not the speaker's own), else the item's election country
    const about = safe(() => {
      // The quote is at f.start; its sentence usually holds it.
      const inContext = f.context.indexOf(f.quote);
      for (const part of [f.quote, f.context]) {
        const at = part === f.quote ? f.start : Math.max(0, f.start - Math.max(0, inContext));
        const codes = textPlaces.codesOf(part, at);
        if (mainCountry && codes.includes(mainCountry)) return mainCountry;
        const other = codes.find((c) => c !== speakerCountry);
        if (other) return other;
      }
      return mainCountry ?? speakerCountry;
    }, mainCountry, 'about country');
    const topics = safe(() => topicsOf(`${f.quote} ${f.context}`, language), [] as string[], 'topics');
    const stance = safe(() => stanceOf({ quote: f.quote, context: f.context, cue: f.cue, speakerCountry, aboutCountry: about, language }), 'neutral' as const, 'stance');
    return {
      quote: f.quote,
      start: f.start,
      end: f.end,
      direct: f.direct,
      speaker: displayName(f.speaker),
      speakerRole: f.speakerRole,
      speakerOrg: displayName(f.speakerOrg),
      speakerCountry,
      aboutCountry: about,
      topics,
      stance,
      confidence: Math.round(f.confidence * 100) / 100,
      cue: f.cue,
      context: f.context,
    };
  });
  return { language, relevance: rel.score, electionRelated: rel.related, countries, statements, ...(errors.length ? { errors } : {}) };
}
