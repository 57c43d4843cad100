// The normalised shape every feed and entry becomes (see ../shared/data/feeds-conformance-README.md).

export interface Enclosure {
  url: string;
  type: string | null;
  length: number | null;
}

export interface NormalisedItem {
  guid: string | null;
  /** Plain text. */
  title: string | null;
  /** Absolute URL. */
  link: string | null;
  /** ISO-8601 with zone, or null when absent or unparsable. */
  published: string | null;
  updated: string | null;
  /** Author name(s) only, plain text, joined with ", ". */
  author: string | null;
  /** HTML. */
  summary: string | null;
  /** HTML as given. */
  content: string | null;
  categories: string[];
  enclosures: Enclosure[];
}

export interface NormalisedFeed {
  /** Plain text. */
  title: string | null;
  link: string | null;
  /** HTML. */
  description: string | null;
  language: string | null;
  items: NormalisedItem[];
  /** Minimum minutes between polls the feed asks for (<ttl>, sy:updatePeriod/sy:updateFrequency); null if none. */
  ttlMinutes?: number | null;
  /** Set when the document was ill-formed and only part of it could be recovered. */
  error?: string;
}
