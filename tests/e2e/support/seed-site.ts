// A news site on 127.0.0.1 for e2e tests: a home page that links its RSS feed, the feed, and article pages, built
// from ../shared/data/seed-article.json (skipped with a reason when the file is absent).
import fs from 'node:fs';
import path from 'node:path';
import { startFeedServer, type FeedServer } from '../../support/feed-server.js';
import { PROJECT_ROOT } from './app-server.js';

export interface SeedStatement {
  quote: string; start: number; end: number; direct: boolean; speaker: string | null; speaker_org: string | null;
  speaker_country: string | null; about_country: string | null; stance: string;
}
export interface SeedArticle { id: string; url: string; date: string; lang: string; title: string | null; text: string; statements: SeedStatement[] }

export const SHARED_DATA = path.resolve(PROJECT_ROOT, '../shared/data');
export const SEED_PATH = path.join(SHARED_DATA, 'seed-article.json');
export const REAL_FEEDS = path.join(SHARED_DATA, 'real-feeds');

export function loadSeed(): SeedArticle | null {
  try {
    return JSON.parse(fs.readFileSync(SEED_PATH, 'utf8')) as SeedArticle;
  } catch {
    return null;
  }
}

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export const SEED_TITLE = "US State Department questions Pakistan's general elections";

export function paragraphsHtml(text: string): string {
  return text.split(/\n\n+/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${escapeXml(p)}</p>`).join('\n');
}

export interface SeedSite { server: FeedServer; siteUrl: string; feedUrl: string; articleUrl: string }

/** The site page links the feed with <link rel="alternate">; the feed's one item carries the seed text as HTML. */
export async function startSeedSite(seed: SeedArticle): Promise<SeedSite> {
  const server = await startFeedServer();
  const articleUrl = `${server.origin}/2024/02/09/pakistan-elections-state-department.html`;
  const feedUrl = `${server.origin}/feed.xml`;
  const body = paragraphsHtml(seed.text);
  const pubDate = new Date(`${seed.date}T12:00:00Z`).toUTCString();
  server.route('/', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Islamabad Observer</title>
<link rel="alternate" type="application/rss+xml" title="Islamabad Observer — Politics" href="/feed.xml"></head>
<body><h1>Islamabad Observer</h1><a href="${articleUrl}">${escapeXml(SEED_TITLE)}</a></body></html>`);
  });
  server.route('/2024/02/09/pakistan-elections-state-department.html', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeXml(SEED_TITLE)}</title></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>${escapeXml(SEED_TITLE)}</h1>
<p class="byline">Staff reporter · 9 February 2024</p>${body}</article></main><footer>© Islamabad Observer</footer></body></html>`);
  });
  server.serveFeed('/feed.xml', `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Islamabad Observer — Politics</title>
<link>${server.origin}/</link>
<description>Election news</description>
<language>en</language>
<item>
<title>${escapeXml(SEED_TITLE)}</title>
<link>${articleUrl}</link>
<guid isPermaLink="false">${escapeXml(seed.id)}</guid>
<pubDate>${pubDate}</pubDate>
<description>${escapeXml(seed.text.slice(0, 280))}</description>
<content:encoded>${escapeXml(body)}</content:encoded>
</item>
</channel>
</rss>`);
  return { server, siteUrl: server.url, feedUrl, articleUrl };
}
