// The analyst's main path on the canonical case: subscribe to a news site by its address, see the seed article's
// statements with their speakers, filter by country and speaker, run a query, review with the keyboard, open the
// article with the quote highlighted, and export CSV.
import fs from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { StatementPage, StatementView } from '../../electron/contract/api.js';
import { startApp, type RunningApp } from './support/app-server.js';
import { loadSeed, SEED_PATH, startSeedSite, type SeedSite } from './support/seed-site.js';
import { shot } from './support/screenshots.js';
import { parseCsv } from './support/csv.js';

const seed = loadSeed();
if (!seed) console.log(`seed-timeline: skipped, ${SEED_PATH} is absent`);

test.describe('seed article timeline', () => {
  test.skip(!seed, `the seed article ${SEED_PATH} is absent`);
  test.describe.configure({ timeout: 120_000 });

  let app: RunningApp;
  let site: SeedSite;
  test.beforeAll(async () => {
    site = await startSeedSite(seed!);
    app = await startApp();
  });
  test.afterAll(async () => {
    await app?.close();
    await site?.server.close();
  });

  const rows = (page: Page) => page.locator('.scroller [data-statement-id]');
  const speakers = async (page: Page): Promise<string[]> => page.locator('.scroller [data-statement-id] .speaker').allTextContents();
  const all = async (filter: object = {}): Promise<StatementView[]> =>
    (await app.call<StatementPage>('queryStatements', filter, 0, 500)).statements;

  test('subscribe by site, filter, query, review by keyboard, read the article, export CSV', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(app.url);
    // The token left the address bar; the app still talks to the API.
    await expect(page).not.toHaveURL(/token=/);

    // First run: subscribe by the site's address (the feed is discovered from its <link rel="alternate">).
    await expect(page.getByRole('heading', { name: 'Welcome to Pollwatch' })).toBeVisible();
    await shot(page, 'first-run');
    await page.locator('#add-feed-url').fill(site.siteUrl);
    await page.getByRole('button', { name: 'Add feed' }).click();

    // The seed's statements appear with their speakers.
    await expect.poll(async () => rows(page).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect(page.locator('.scroller .speaker', { hasText: 'Matthew Miller' }).first()).toBeVisible({ timeout: 30_000 });
    await expect.poll(async () => (await all()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    await page.reload();
    const every = await all();
    await expect(page.getByTestId('statement-count')).toHaveText(`${every.length} statement${every.length === 1 ? '' : 's'}`);
    expect(site.server.hits('/feed.xml')).toBeGreaterThan(0);
    await expect(page.locator('.day-header').first()).toContainText('9 February 2024');
    await shot(page, 'timeline');

    // Filter by country: the facet ticks, the URL and the query box follow, and the list narrows.
    await page.locator('[data-facet="countries"] label', { hasText: 'Pakistan' }).locator('input').check();
    await expect(page).toHaveURL(/[?&]q=country%3APK/);
    await expect(page.locator('#query')).toHaveValue('country:PK');
    const pk = every.filter((s) => s.aboutCountry === 'PK');
    expect(pk.length).toBeGreaterThan(0);
    await expect(page.getByTestId('statement-count')).toHaveText(`${pk.length} statement${pk.length === 1 ? '' : 's'}`);

    // …and by speaker.
    await page.locator('[data-facet="speakers"] label', { hasText: 'Matthew Miller' }).locator('input').check();
    await expect(page.locator('#query')).toHaveValue('speaker:"Matthew Miller" country:PK');
    const miller = pk.filter((s) => s.speaker === 'Matthew Miller');
    await expect(page.getByTestId('statement-count')).toHaveText(`${miller.length} statement${miller.length === 1 ? '' : 's'}`);
    expect(new Set(await speakers(page))).toEqual(new Set(['Matthew Miller']));

    // A bookmarked URL gives back the same view.
    await page.reload();
    await expect(page.locator('#query')).toHaveValue('speaker:"Matthew Miller" country:PK');
    await expect(page.locator('[data-facet="speakers"] label', { hasText: 'Matthew Miller' }).locator('input')).toBeChecked();

    // A power-user query replaces the filter and ticks the controls.
    await page.locator('#query').fill('speaker:"Matthew Miller" -stance:neutral');
    await page.locator('#query').press('Enter');
    const notNeutral = every.filter((s) => s.speaker === 'Matthew Miller' && s.stance !== 'neutral');
    await expect(page.getByTestId('statement-count')).toHaveText(`${notNeutral.length} statement${notNeutral.length === 1 ? '' : 's'}`);
    await expect(page.locator('[data-facet="countries"] input:checked')).toHaveCount(0);
    await expect(page.locator('.scroller [data-stance="neutral"]')).toHaveCount(0);
    await shot(page, 'timeline-query');

    // Keyboard review over everything.
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect(page.getByTestId('statement-count')).toHaveText(`${every.length} statement${every.length === 1 ? '' : 's'}`);
    await page.getByTestId('statement-count').click();
    await page.keyboard.press('j');
    const second = rows(page).nth(1);
    await expect(second).toHaveAttribute('aria-selected', 'true');
    const reviewedId = (await second.getAttribute('data-statement-id'))!;
    await page.keyboard.press('r');
    await expect.poll(async () => (await all({ reviewed: true })).map((s) => s.id)).toEqual([reviewedId]);
    await expect(rows(page).nth(2)).toHaveAttribute('aria-selected', 'true');
    await expect(second.getByRole('button', { name: 'Mark unreviewed' })).toBeVisible();
    const starredId = (await rows(page).nth(2).getAttribute('data-statement-id'))!;
    await page.keyboard.press('s');
    await expect.poll(async () => (await all({ starred: true })).map((s) => s.id)).toEqual([starredId]);
    await page.keyboard.press('k');
    await expect(second).toHaveAttribute('aria-selected', 'true');

    // Open the article: the statement is highlighted in its context.
    await page.keyboard.press('o');
    const current = every.find((s) => s.id === reviewedId)!;
    const mark = page.locator('aside.article mark.current');
    await expect(mark).toBeVisible();
    const marked = (await mark.allTextContents()).join('');
    expect(marked.replace(/\s+/g, ' ')).toBe(current.quote.replace(/\s+/g, ' '));
    await expect(page.locator('aside.article mark')).toHaveCount((await app.call<{ statements: unknown[] }>('getItem', current.itemId)).statements.length);
    await shot(page, 'article');

    // Correct the attribution and add a note from the article's review box.
    await page.getByRole('button', { name: 'Correct attribution' }).click();
    const newStance = current.stance === 'supportive' ? 'defensive' : 'supportive';
    await page.locator('#corr-stance').selectOption(newStance);
    await page.getByRole('button', { name: 'Save correction' }).click();
    await expect.poll(async () => (await all()).find((s) => s.id === reviewedId)).toMatchObject({ stance: newStance, corrected: true });
    await expect(second.locator('[data-stance]')).toContainText(newStance);
    await page.locator('#note').fill('Compare with the ECP statement');
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(async () => (await all()).find((s) => s.id === reviewedId)?.note).toBe('Compare with the ECP statement');
    await expect(second.locator('.note')).toHaveText('Compare with the ECP statement');
    await page.getByRole('button', { name: 'Feed HTML' }).click();
    const frame = page.locator('aside.article iframe');
    await expect(frame).toHaveAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
    await expect(page.frameLocator('aside.article iframe').locator('p').first()).toBeVisible();
    await shot(page, 'article-feed-html');
    await page.keyboard.press('Escape');
    await expect(page.locator('aside.article')).toHaveCount(0);

    // Export CSV of the current filter and check its rows.
    await page.locator('[data-facet="countries"] label', { hasText: 'Pakistan' }).locator('input').check();
    await expect(page.getByTestId('statement-count')).toHaveText(`${pk.length} statement${pk.length === 1 ? '' : 's'}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = parseCsv(await fs.readFile((await download.path())!, 'utf8')).filter((r) => r.some((f) => f !== ''));
    const [header, ...body] = csv;
    expect(header).toEqual(expect.arrayContaining(['id', 'speaker', 'country', 'stance', 'quote']));
    const col = (name: string): number => header!.indexOf(name);
    expect(body).toHaveLength(pk.length);
    expect(new Set(body.map((r) => r[col('id')]))).toEqual(new Set(pk.map((s) => s.id)));
    expect(body.every((r) => r[col('country')] === 'PK')).toBe(true);
    expect(body.map((r) => r[col('speaker')])).toContain('Matthew Miller');
    const reviewedRow = body.find((r) => r[col('id')] === reviewedId);
    if (reviewedRow) expect(reviewedRow[col('reviewed')]).toBe('true');

    // Charts of the same filter, and the help.
    await page.getByRole('button', { name: 'Charts' }).click();
    await expect(page.locator('.chart svg rect').first()).toBeVisible();
    await shot(page, 'charts');
    await page.getByRole('button', { name: 'Timeline' }).click();
    await page.getByTestId('statement-count').click();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await shot(page, 'help');
    await page.keyboard.press('Escape');
    expect(dialogs).toEqual([]);
  });
});
