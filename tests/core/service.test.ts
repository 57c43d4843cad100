// The service end to end under plain Node: subscribe by site URL, items analysed into statements, review data that
// survives re-analysis and restarts, OPML through the API, and a corrupt store file reported, not replaced.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openService, type PollwatchService } from '../../electron/core/service.js';
import { startFeedServer } from '../support/feed-server.js';

type FeedServer = Awaited<ReturnType<typeof startFeedServer>>;

const ARTICLE = [
  'Pakistan votes amid internet shutdown',
  'Pakistan held a general election on Thursday as mobile internet services were suspended across the country.',
  '"Claims of interference or fraud should be fully investigated," said Matthew Miller, a spokesman for the US State Department.',
  'A spokesman for Pakistan\'s interior ministry said the restrictions were necessary security measures.',
].join('\n\n');

const feedXml = (origin: string): string => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Election Desk</title><link>${origin}/</link>
<item><guid>${origin}/pakistan-vote</guid><title>Pakistan votes amid internet shutdown</title><link>${origin}/pakistan-vote</link>
<pubDate>Fri, 09 Feb 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[${ARTICLE.split('\n\n').map((p) => `<p>${p}</p>`).join('')}]]></content:encoded></item>
</channel></rss>`;

let dir: string;
let server: FeedServer;
let service: PollwatchService;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pollwatch-service-'));
  server = await startFeedServer();
  server.route('/', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html><head><title>Election Desk</title><link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml"></head><body>News</body></html>');
  });
  server.serveFeed('/feed.xml', feedXml(server.origin));
  service = await openService({ dataDir: dir, mode: 'cli', poll: false });
});
afterEach(async () => {
  await service.close();
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('service', () => {
  it('subscribes by site URL and turns the article into attributed statements', async () => {
    const added = await service.api.addFeed(server.origin + '/');
    expect(added.feed.url).toBe(`${server.origin}/feed.xml`);
    expect(added.discoveredFrom).toBe(`${server.origin}/`);
    expect(added.feed.title).toBe('Election Desk');
    await service.analysis.idle();
    const page = await service.api.queryStatements({}, 0, 50);
    const miller = page.statements.find((s) => s.quote === 'Claims of interference or fraud should be fully investigated');
    expect(miller).toMatchObject({ direct: true, speaker: 'Matthew Miller', feedTitle: 'Election Desk', date: '2024-02-09T10:00:00.000Z' });
    const item = await service.api.getItem(miller!.itemId);
    expect(item.text.slice(miller!.start, miller!.end)).toBe(miller!.quote);
    expect(item.countries).toContain('PK');
    const facets = await service.api.facets({});
    expect(facets.speakers.some((f) => f.value === 'Matthew Miller')).toBe(true);
  });

  it('refuses a second subscription to the same feed with a clear error', async () => {
    await service.api.addFeed(`${server.origin}/feed.xml`);
    await expect(service.api.addFeed(`${server.origin}/feed.xml`)).rejects.toMatchObject({ code: 'bad-argument' });
    await expect(service.api.addFeed(`${server.origin.toUpperCase().replace('HTTP', 'http')}/feed.xml#latest`)).rejects.toMatchObject({ code: 'bad-argument' });
    expect(await service.api.listFeeds()).toHaveLength(1);
  });

  it('keeps review data and corrections attached through re-analysis and a restart', async () => {
    await service.api.addFeed(`${server.origin}/feed.xml`);
    await service.analysis.idle();
    const { statements } = await service.api.queryStatements({ speakers: ['Matthew Miller'] }, 0, 10);
    expect(statements.length).toBeGreaterThan(0);
    const target = statements[0]!;
    await service.api.setStarred(target.id, true);
    await service.api.setNote(target.id, 'check the full briefing');
    await service.api.correct(target.id, { stance: 'neutral' });
    // Pretend an older analyser produced the stored results: the next start re-analyses them.
    const a = service.store.getAnalysis(target.itemId)!;
    await service.store.setAnalysis(target.itemId, { ...a, version: 0 });
    await service.close();
    service = await openService({ dataDir: dir, mode: 'cli', poll: false });
    await service.analysis.idle();
    expect(service.store.getAnalysis(target.itemId)!.version).toBeGreaterThan(0);
    const again = (await service.api.queryStatements({ starred: true }, 0, 10)).statements;
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: target.id, starred: true, note: 'check the full briefing', stance: 'neutral', corrected: true });
  });

  it('imports OPML with a per-entry report and exports it back with its folders', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="Elections"><outline text="Desk" type="rss" xmlUrl="${server.origin}/feed.xml"/>
        <outline text="Africa"><outline text="Nowhere" type="rss" xmlUrl="${server.origin}/missing.xml"/></outline></outline>
      <outline text="No URL"/><outline text="Bad" type="rss" xmlUrl="javascript:alert(1)"/></body></opml>`;
    const report = await service.api.importOpml(opml);
    expect(report.imported).toBe(2);
    expect(report.refused).toBeGreaterThanOrEqual(1);
    expect(report.entries.find((e) => e.url === 'javascript:alert(1)')).toMatchObject({ outcome: 'refused' });
    const again = await service.api.importOpml(opml);
    expect(again.imported).toBe(0);
    expect(again.duplicates).toBe(2);
    const out = await service.api.exportOpml();
    expect(out).toContain(`xmlUrl="${server.origin}/feed.xml"`);
    expect(out).toMatch(/<outline[^>]*text="Elections"[\s\S]*<outline[^>]*text="Africa"[\s\S]*missing\.xml/);
  });

  it('reports a corrupt store file, keeps it aside and still opens', async () => {
    await service.api.addFolder('Elections');
    await service.close();
    const files = await fs.readdir(dir);
    const main = files.find((f) => f.endsWith('.json'))!;
    await fs.writeFile(path.join(dir, main), '{"schemaVersion": 2, "feeds": [tru');
    service = await openService({ dataDir: dir, mode: 'cli', poll: false });
    const status = await service.api.status();
    expect(status.storeProblems).toHaveLength(1);
    expect(status.storeProblems[0]!.file).toContain(main);
    const kept = await fs.readFile(status.storeProblems[0]!.movedTo, 'utf8');
    expect(kept).toBe('{"schemaVersion": 2, "feeds": [tru');
  });

  it('answers an unknown feed or statement with not-found', async () => {
    await expect(service.api.renameFeed('nope', 'x')).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.api.setReviewed('nope.123456789012', true)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('full text', () => {
  it('fetches the article when the feed gives only a short summary, and records why when the page fails', async () => {
    const article = `<!doctype html><html><head><title>Count resumes</title></head><body><nav>Home | World</nav><article><h1>Count resumes in Lagos</h1>
      <p>Counting resumed on Monday in Lagos after a two-day pause, officials said, as parties traded accusations over the delay.</p>
      <p>"Every vote cast in this election will be counted in full view of the agents," said Mahmood Yakubu, chairman of the Independent National Electoral Commission.</p>
      <p>Observers from the African Union said the process had been largely orderly, though they noted delays in several districts of the state.</p>
      </article><footer>© News</footer></body></html>`;
    server.route('/lagos', (_req, res) => { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); res.end(article); });
    server.serveFeed('/short.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>${server.origin}/</link>
      <item><guid>${server.origin}/lagos</guid><title>Count resumes in Lagos</title><link>${server.origin}/lagos</link><pubDate>Mon, 27 Feb 2023 09:00:00 GMT</pubDate><description>Counting resumed on Monday.</description></item>
      <item><guid>${server.origin}/gone</guid><title>Gone story</title><link>${server.origin}/gone</link><pubDate>Mon, 27 Feb 2023 08:00:00 GMT</pubDate><description>A short teaser.</description></item>
      </channel></rss>`);
    server.route('/gone', (_req, res) => { res.writeHead(404); res.end(); });
    await service.api.addFeed(`${server.origin}/short.xml`);
    await service.analysis.idle();
    const items = (await service.api.listItems({}, 0, 10)).items;
    const lagos = await service.api.getItem(items.find((i) => i.title === 'Count resumes in Lagos')!.id);
    expect(lagos.text).toContain('Every vote cast in this election will be counted');
    expect(lagos.fulltextError).toBeNull();
    expect(lagos.html).toContain('Mahmood Yakubu');
    expect(lagos.html).not.toContain('<nav');
    expect(lagos.statements.find((s) => s.direct)).toMatchObject({ speaker: 'Mahmood Yakubu' });
    const gone = await service.api.getItem(items.find((i) => i.title === 'Gone story')!.id);
    expect(gone.fulltextError).toBeTruthy();
    expect(gone.text).toContain('A short teaser.');
  });
});
