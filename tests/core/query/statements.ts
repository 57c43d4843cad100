// Test and benchmark helper: StatementViews with sensible defaults, and a deterministic generator of many of them.
import type { Stance, StatementView } from '../../../electron/contract/api.js';

let seq = 0;

export function statement(over: Partial<StatementView> = {}): StatementView {
  seq++;
  return {
    id: `item${seq}.s`,
    itemId: `item${seq}`,
    feedId: 'feed-a',
    feedTitle: 'Feed A',
    itemTitle: 'Election news',
    itemLink: 'https://news.example/item',
    date: '2024-02-09T10:00:00.000Z',
    dateFromFetch: false,
    language: 'en',
    quote: 'The vote was fair.',
    start: 0,
    end: 18,
    direct: true,
    speaker: 'Matthew Miller',
    speakerRole: 'spokesman',
    speakerOrg: 'State Department',
    speakerCountry: 'US',
    aboutCountry: 'PK',
    topics: ['fraud'],
    stance: 'neutral',
    confidence: 0.8,
    cue: 'said',
    context: 'He said the vote was fair.',
    reviewed: false,
    starred: false,
    note: null,
    corrected: false,
    ...over,
  };
}

/** n statements spread over 2024, ~10 per item, from a fixed pseudo-random sequence. */
export function generateStatements(n: number, seed = 42): StatementView[] {
  let x = seed >>> 0 || 1;
  const rnd = (): number => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const countries = ['PK', 'IN', 'US', 'BD', 'ID', 'MX', 'ZA', 'RU', 'FR', 'DE', 'BR', 'NG', 'KE', 'TR', 'GB', 'IR', 'VE', 'UA', 'GE', 'TW'];
  const stances: Stance[] = ['critical', 'supportive', 'defensive', 'neutral'];
  const topics = ['fraud', 'turnout', 'violence', 'internet-shutdown', 'results', 'campaign', 'observers', 'courts'];
  const langs = ['en', 'en', 'en', 'fr', 'es', 'de', 'ur', 'ru'];
  const first = ['Matthew', 'Anna', 'José', 'Olga', 'Imran', 'Narendra', 'Claudia', 'Recep', 'Emmanuel', 'Nawaz', 'Maryam', 'Bola'];
  const last = ['Miller', 'Müller', 'García', 'Khan', 'Sharif', 'Modi', 'Sheinbaum', 'Erdoğan', 'Macron', 'Tinubu', 'Smith', 'Ivanova', 'Nowak', 'Dubois'];
  const orgs = ['State Department', 'Election Commission', 'Interior Ministry', 'Opposition party', 'EU observers', 'Supreme Court', 'PTI', 'PML-N'];
  // A Zipf-like vocabulary: a few very common words and thousands of rare ones, as in news text.
  const syllables = ['ka', 'lo', 'mi', 'ner', 'sta', 'vi', 'ru', 'den', 'po', 'gal', 'tes', 'ran', 'bo', 'qui', 'ser'];
  const rare = Array.from({ length: 5000 }, (_, i) => syllables[i % 15]! + syllables[Math.floor(i / 15) % 15]! + syllables[Math.floor(i / 225) % 15]!);
  const common = 'the election vote was rigged fair free observers count ballots polling stations results delayed internet shutdown protest violence turnout court ruling campaign rally commission transparency credible concerns irregularities'.split(' ');
  const word = (): string => (rnd() < 0.4 ? pick(common) : rare[Math.floor(rare.length * rnd() * rnd())]!);
  const out: StatementView[] = [];
  const base = Date.UTC(2024, 0, 1);
  let item = 0;
  while (out.length < n) {
    item++;
    const itemId = `it${item.toString(36)}`;
    const date = new Date(base + Math.floor(rnd() * 366 * 86400000)).toISOString();
    const feed = `feed${Math.floor(rnd() * 60)}`;
    const lang = pick(langs);
    const title = Array.from({ length: 8 }, word).join(' ');
    const per = 1 + Math.floor(rnd() * 19);
    for (let k = 0; k < per && out.length < n; k++) {
      const quote = Array.from({ length: 12 + Math.floor(rnd() * 20) }, word).join(' ');
      const speaker = rnd() < 0.1 ? null : `${pick(first)} ${pick(last)}`;
      out.push(statement({
        id: `${itemId}.${k}`, itemId, feedId: feed, feedTitle: `Feed ${feed}`, itemTitle: title, itemLink: `https://news.example/${itemId}`,
        date, language: lang, quote, start: k * 200, end: k * 200 + quote.length, direct: rnd() < 0.5, speaker,
        speakerRole: 'spokesperson', speakerOrg: rnd() < 0.3 ? null : pick(orgs), speakerCountry: pick(countries),
        aboutCountry: rnd() < 0.05 ? null : pick(countries), topics: rnd() < 0.5 ? [pick(topics)] : [pick(topics), pick(topics)],
        stance: pick(stances), context: `${quote} ${Array.from({ length: 20 }, word).join(' ')}`,
        reviewed: rnd() < 0.2, starred: rnd() < 0.05,
      }));
    }
  }
  return out;
}
