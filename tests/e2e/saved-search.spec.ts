// Saved searches: save the current query with notifications on; when new statements match it, the app says so in a
// desktop notification (Web Notification in browser mode) and in the window, and one click applies the search.
import { expect, test } from '@playwright/test';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { startApp, type RunningApp } from './support/app-server.js';
import { escapeXml, loadSeed, SEED_PATH, startSeedSite, type SeedSite } from './support/seed-site.js';
import { shot } from './support/screenshots.js';

const seed = loadSeed();
if (!seed) console.log(`saved-search: skipped, ${SEED_PATH} is absent`);

test.describe('saved search notifications', () => {
  test.skip(!seed, `the seed article ${SEED_PATH} is absent`);
  test.describe.configure({ timeout: 90_000 });
  let app: RunningApp;
  let site: SeedSite;
  let other: FeedServer;
  test.beforeAll(async () => {
    site = await startSeedSite(seed!);
    other = await startFeedServer();
    other.serveFeed('/weather.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Weather</title><link>${escapeXml(other.url)}</link>
<description>d</description><item><title>Sunny</title><guid>w1</guid><pubDate>Thu, 08 Feb 2024 10:00:00 GMT</pubDate>
<description>Sunny skies are expected over the weekend.</description></item></channel></rss>`);
    app = await startApp();
    await app.call('addFeed', `${other.origin}/weather.xml`, null);
  });
  test.afterAll(async () => {
    await app?.close();
    await site?.server.close();
    await other?.close();
  });

  test('a saved search notifies of new matching statements', async ({ page, context }) => {
    await context.grantPermissions(['notifications']);
    await page.addInitScript(() => {
      const shown: string[] = [];
      (window as unknown as { __notifications: string[] }).__notifications = shown;
      class Recorded { static permission = 'granted'; static requestPermission = async () => 'granted'; onclick: (() => void) | null = null;
        constructor(title: string, opts?: { body?: string }) { shown.push(`${title}: ${opts?.body ?? ''}`); }
        close(): void {} }
      (window as unknown as { Notification: unknown }).Notification = Recorded;
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(app.url);
    await page.locator('#query').fill('speaker:"Matthew Miller"');
    await page.locator('#query').press('Enter');
    await expect(page.getByTestId('statement-count')).toHaveText('0 statements');
    await page.getByRole('button', { name: 'Save this search' }).click();
    await page.getByLabel('Name of the search').fill('Miller on Pakistan');
    await page.getByRole('button', { name: 'Save this search' }).click();
    await expect(page.locator('.saved-list')).toContainText('Miller on Pakistan');
    await expect.poll(async () => (await app.call<{ name: string; notify: boolean }[]>('listSavedSearches')).map((s) => [s.name, s.notify])).toEqual([['Miller on Pakistan', true]]);

    // Elsewhere: clear the filter, then new statements arrive from a new feed.
    await page.getByRole('button', { name: 'Clear all' }).click();
    await app.call('addFeed', site.feedUrl, null);
    const toast = page.locator('.toast', { hasText: 'Miller on Pakistan' });
    await expect(toast).toBeVisible({ timeout: 45_000 });
    await expect(toast).toContainText(/\d+ new statements? match/);
    await expect.poll(async () => page.evaluate(() => (window as unknown as { __notifications: string[] }).__notifications)).toEqual(
      [expect.stringMatching(/^Pollwatch: \d+ new statements? match “Miller on Pakistan”$/)]);
    await expect(page.locator('.saved-list .badge')).toBeVisible();
    await shot(page, 'saved-search-toast');

    // One click applies the search.
    await toast.getByRole('button', { name: 'Apply' }).click();
    await expect(page.locator('#query')).toHaveValue('speaker:"Matthew Miller"');
    await expect.poll(async () => page.locator('.scroller .speaker').allTextContents()).toContain('Matthew Miller');
    expect(new Set(await page.locator('.scroller .speaker').allTextContents())).toEqual(new Set(['Matthew Miller']));
  });
});
