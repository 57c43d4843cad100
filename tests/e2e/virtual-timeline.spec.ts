// A timeline of 200,000 statements stays light: only the rows on screen are in the page, pages are fetched on demand
// as the analyst scrolls or jumps with the keyboard. Runs the built renderer with an Electron-style window.pollwatch
// bridge (the preload API) that generates statements, so no store of that size is needed.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { PROJECT_ROOT } from './support/app-server.js';
import { shot } from './support/screenshots.js';

const DIST = path.join(PROJECT_ROOT, 'dist', 'renderer');
const TOTAL = 200_000;

test.describe('virtualised timeline', () => {
  test.skip(!fs.existsSync(path.join(DIST, 'index.html')), 'the renderer is not built (run `npm run build` first)');
  let server: http.Server;
  let origin = '';
  test.beforeAll(async () => {
    server = http.createServer((req, res) => {
      let p = new URL(req.url ?? '/', 'http://x').pathname;
      if (p === '/') p = '/index.html';
      const file = path.resolve(DIST, '.' + p);
      if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
      res.writeHead(200, { 'content-type': type });
      res.end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  test.afterAll(async () => { await new Promise<void>((resolve) => server.close(() => resolve())); });

  test('200,000 statements: few rows in the page, pages fetched on demand, the last one reachable', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.addInitScript((total: number) => {
      const calls: { offset: number; limit: number }[] = [];
      (window as unknown as { __calls: typeof calls }).__calls = calls;
      const stance = ['critical', 'supportive', 'defensive', 'neutral'];
      const make = (i: number) => ({
        id: `s${i}`, itemId: `i${Math.floor(i / 5)}`, feedId: 'f1', feedTitle: 'Wire', itemTitle: `Item ${Math.floor(i / 5)}`, itemLink: null,
        date: new Date(Date.UTC(2024, 1, 29) - i * 600_000).toISOString(), dateFromFetch: false, language: 'en',
        quote: `Statement number ${i} about the vote`, start: 0, end: 10, direct: i % 2 === 0, speaker: `Speaker ${i % 97}`,
        speakerRole: null, speakerOrg: null, speakerCountry: 'PK', aboutCountry: 'PK', topics: [], stance: stance[i % 4],
        confidence: 0.9, cue: null, context: '', reviewed: false, starred: false, note: null, corrected: false,
      });
      const empty = { countries: [], speakers: [], orgs: [], topics: [], stances: [], feeds: [], languages: [], direct: [], review: [], perDay: [] };
      const api: Record<string, unknown> = {
        status: async () => ({ version: 't', mode: 'electron', dataDir: '/d', online: true, poll: { running: false, done: 0, total: 0, newItems: 0, offline: false, message: null }, analysisPending: 0, storeProblems: [], feedCount: 1, itemCount: total / 5, statementCount: total }),
        listFeeds: async () => [], listFolders: async () => [], listSavedSearches: async () => [], facets: async () => empty,
        queryStatements: async (_f: unknown, offset: number, limit: number) => {
          calls.push({ offset, limit });
          const list = [];
          for (let i = offset; i < Math.min(total, offset + limit); i++) list.push(make(i));
          return { total, offset, statements: list };
        },
        setReviewed: async (id: string, reviewed: boolean) => ({ ...make(Number(id.slice(1))), reviewed }),
        onEvent: () => () => undefined,
      };
      (window as unknown as { pollwatch: unknown }).pollwatch = new Proxy(api, { get: (t, k: string) => t[k] ?? (async () => null) });
    }, TOTAL);
    await page.goto(`${origin}/`);
    await expect(page.getByTestId('statement-count')).toHaveText('200,000 statements');
    await expect(page.locator('[data-statement-id="s0"]')).toBeVisible();
    const rowsInPage = async (): Promise<number> => page.locator('[data-statement-id]').count();
    expect(await rowsInPage()).toBeLessThan(60);
    const fetched = async (): Promise<number> => page.evaluate(() => (window as unknown as { __calls: { limit: number }[] }).__calls.reduce((a, c) => a + c.limit, 0));
    expect(await fetched()).toBeLessThanOrEqual(400);

    // Scroll to the very end: the last statement shows, and only the pages on the way to it were fetched.
    await page.locator('.scroller').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect(page.locator(`[data-statement-id="s${TOTAL - 1}"]`)).toBeVisible({ timeout: 10_000 });
    expect(await rowsInPage()).toBeLessThan(60);
    expect(await fetched()).toBeLessThanOrEqual(1_000);

    // The day of the rows on screen stays shown at the top (the last statement is 200,000 × 10 minutes back).
    const lastDay = new Date(Date.UTC(2024, 1, 29) - (TOTAL - 1) * 600_000).toISOString().slice(0, 10);
    const label = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${lastDay}T00:00:00Z`));
    await expect(page.getByTestId('current-day')).toContainText(label);

    // Keyboard from the top: j moves the selection and the list follows.
    await page.locator('.scroller').evaluate((el) => { el.scrollTop = 0; });
    await page.getByTestId('statement-count').click();
    for (let i = 0; i < 12; i++) await page.keyboard.press('j');
    await expect(page.locator('[data-statement-id="s12"]')).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('[data-statement-id="s12"]')).toBeInViewport();
    await shot(page, 'virtual-timeline-end');
  });
});
