// Feeds by OPML: import a file (per-entry report: imported, duplicate, refused), see the feeds and their health on the
// feeds screen, fetched from real feeds (../shared/data/real-feeds when present), and export them back as OPML.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Feed } from '../../electron/contract/api.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { startApp, type RunningApp } from './support/app-server.js';
import { escapeXml, REAL_FEEDS } from './support/seed-site.js';
import { shot } from './support/screenshots.js';

const REAL = ['netnewswire__livemint.xml', 'rss-parser__guardian.rss'];
const haveReal = REAL.every((f) => fs.existsSync(path.join(REAL_FEEDS, f)));
if (!haveReal) console.log(`opml: ${REAL_FEEDS} is absent, serving small built feeds instead of real ones`);

const builtFeed = (title: string, n: number): string => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title>
<link>http://127.0.0.1/</link><description>d</description>${Array.from({ length: n }, (_, i) => `<item><title>Item ${i}</title>
<guid>${escapeXml(title)}-${i}</guid><pubDate>Fri, 09 Feb 2024 1${i}:00:00 GMT</pubDate><description>Text ${i}</description></item>`).join('')}</channel></rss>`;

test.describe('OPML import and export', () => {
  test.describe.configure({ timeout: 90_000 });
  let app: RunningApp;
  let feeds: FeedServer;
  test.beforeAll(async () => {
    feeds = await startFeedServer();
    const bodies = haveReal ? REAL.map((f) => fs.readFileSync(path.join(REAL_FEEDS, f))) : [builtFeed('Mint', 3), builtFeed('World news', 4)];
    feeds.serveFeed('/mint.xml', bodies[0]!);
    feeds.serveFeed('/world.xml', bodies[1]!);
    feeds.serveFeed('/local.xml', builtFeed('Local politics', 2));
    app = await startApp();
    // No full-text fetches to the real outlets' sites: tests never reach the internet.
    await app.call('updateSettings', { fetchFullText: false });
  });
  test.afterAll(async () => {
    await app?.close();
    await feeds?.close();
  });

  test('imports an OPML file with a report, shows feed health, and exports the feeds back', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const opml = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My election feeds</title></head><body>
  <outline text="South Asia" title="South Asia">
    <outline type="rss" text="Mint" title="Mint" xmlUrl="${feeds.origin}/mint.xml"/>
    <outline type="rss" text="The Guardian" title="The Guardian" xmlUrl="${feeds.origin}/world.xml"/>
  </outline>
  <outline type="rss" text="Local politics" xmlUrl="${feeds.origin}/local.xml"/>
  <outline type="rss" text="Local politics again" xmlUrl="${feeds.origin}/local.xml"/>
  <outline type="rss" text="Bad &lt;script&gt;" xmlUrl="javascript:alert(1)"/>
</body></opml>`;
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Pollwatch' })).toBeVisible();
    await page.getByTestId('opml-file').first().setInputFiles({ name: 'feeds.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });

    // The per-entry report is shown on the feeds screen.
    await expect(page.getByRole('heading', { name: 'OPML import report' })).toBeVisible();
    await expect(page.locator('tr[data-outcome="imported"]')).toHaveCount(3);
    await expect(page.locator('tr[data-outcome="refused"]')).toHaveCount(1);
    await expect(page.locator('tr[data-outcome="refused"]')).toContainText('javascript:alert(1)');
    await expect(page.locator('tr[data-outcome="duplicate"]')).toHaveCount(1);
    await shot(page, 'opml-report');
    const list = await app.call<Feed[]>('listFeeds');
    expect(list.map((f) => f.url).sort()).toEqual([`${feeds.origin}/local.xml`, `${feeds.origin}/mint.xml`, `${feeds.origin}/world.xml`]);

    // A second import of the same file, from the feeds screen: every entry is a duplicate or refused, and the report says so.
    await page.getByTestId('opml-file').setInputFiles({ name: 'feeds.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
    await expect(page.getByTestId('opml-summary')).toHaveText(/0 imported, 4 duplicates, 1 refused/);
    await expect(page.locator('tr[data-outcome="refused"]')).toContainText('javascript:alert(1)');
    await expect(page.locator('tr[data-outcome="duplicate"]')).toHaveCount(4);

    // Feed health: folders, statuses and item counts once the poll has fetched them.
    await expect.poll(async () => (await app.call<Feed[]>('listFeeds')).every((f) => f.health.lastStatus === 'ok' && f.health.itemCount > 0), { timeout: 45_000 }).toBe(true);
    await page.reload();
    await expect(page.locator('tr.folder-row', { hasText: 'South Asia' })).toBeVisible();
    const mint = page.locator('tr[data-feed-id]', { hasText: `${feeds.origin}/mint.xml` });
    await expect(mint).toContainText('ok');
    const mintFeed = (await app.call<Feed[]>('listFeeds')).find((f) => f.url.endsWith('/mint.xml'))!;
    await expect(mint.locator('td').nth(5)).toHaveText(String(mintFeed.health.itemCount));
    await shot(page, 'feeds');

    // Pause and rename from the feeds screen.
    await mint.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(async () => (await app.call<Feed[]>('listFeeds')).find((f) => f.id === mintFeed.id)!.paused).toBe(true);
    await expect(mint.getByRole('button', { name: 'Resume' })).toBeVisible();
    await mint.getByRole('button', { name: 'Rename' }).click();
    await mint.locator('input[aria-label="Rename"]').fill('Mint — Politics');
    await mint.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await app.call<Feed[]>('listFeeds')).find((f) => f.id === mintFeed.id)!.title).toBe('Mint — Politics');
    await expect(mint.locator('.feed-title')).toHaveText('Mint — Politics');
    // Move the unfiled feed into the folder.
    const local = page.locator('tr[data-feed-id]', { hasText: `${feeds.origin}/local.xml` });
    await local.locator('select[aria-label="Move to folder"]').selectOption({ label: 'South Asia' });
    await expect.poll(async () => (await app.call<Feed[]>('listFeeds')).find((f) => f.url.endsWith('/local.xml'))!.folderId).toBe(mintFeed.folderId);
    await expect(page.locator('tr.folder-row', { hasText: 'South Asia' })).toContainText('(3)');

    // A refused address is explained, not swallowed (the API's error travels back over HTTP).
    await page.locator('#add-feed-url').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Add feed' }).click();
    await expect(page.getByRole('alert')).toContainText('Something went wrong');
    expect((await app.call<Feed[]>('listFeeds')).length).toBe(3);

    // Export OPML: a download holding every feed, with its folder.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export OPML' }).click()]);
    const exported = fs.readFileSync((await download.path())!, 'utf8');
    for (const p of ['/mint.xml', '/world.xml', '/local.xml']) expect(exported).toContain(`${feeds.origin}${p}`);
    expect(exported).toMatch(/<outline[^>]*text="South Asia"/);
    expect(exported).not.toContain('javascript:');
    // What the app exported imports cleanly elsewhere: every entry is now a duplicate.
    const again = await app.call<{ imported: number; duplicates: number }>('importOpml', exported);
    expect(again).toMatchObject({ imported: 0, duplicates: 3 });
  });

  test('a page opened without the token gets nothing from the API and says how to get in', async ({ page }) => {
    const refused: number[] = [];
    page.on('response', (r) => { if (r.url().includes('/api/call/')) refused.push(r.status()); });
    await page.goto(`${app.origin}/`);
    await expect(page.getByRole('alert').first()).toContainText('access token');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((s) => s === 401)).toBe(true);
    await expect(page.locator('tr[data-feed-id], [data-statement-id]')).toHaveCount(0);
  });
});
