// What analysis produces for one item: language, election relevance, countries and the statements it reports.

export type Stance = 'critical' | 'supportive' | 'defensive' | 'neutral';

export interface Statement {
  /** The content only, without quotation marks: text.slice(start, end). */
  quote: string;
  /** JS string offsets into the item's plain text. */
  start: number;
  end: number;
  /** true for a quotation (marks, dash speech, block quote); false for reported speech. */
  direct: boolean;
  speaker: string | null;
  speakerRole: string | null;
  speakerOrg: string | null;
  /** ISO 3166-1 alpha-2. */
  speakerCountry: string | null;
  aboutCountry: string | null;
  topics: string[];
  stance: Stance;
  confidence: number;
  /** The speech verb or phrase that marks the statement ("said", "according to", "warned", ":"). */
  cue: string | null;
  /** The sentence around the statement. */
  context: string;
}

export interface ItemAnalysis {
  /** ISO 639-1 or "unknown". */
  language: string;
  relevance: number;
  electionRelated: boolean;
  /** ISO 3166-1 alpha-2 codes of the countries whose election the item concerns. */
  countries: string[];
  statements: Statement[];
  /** Stages that failed on this text and fell back ("statements: …"); absent when all ran. */
  errors?: string[];
}

/** Input to the analyser: plain text plus what the item knows about itself. */
export interface AnalysisInput {
  text: string;
  title?: string | null;
  date?: string | null;
  lang?: string | null;
  url?: string | null;
}
