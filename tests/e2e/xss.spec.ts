// Untrusted feed content never runs: a feed whose titles, content, links and attributes carry script payloads (img
// onerror, svg onload, javascript: URLs, iframe srcdoc, meta refresh, base href, …) is subscribed, listed, opened and
// shown as feed HTML; no payload reaches the trap route, no dialog opens, and nothing calls the API but the app.
import { expect, test } from '@playwright/test';
import type { Feed, StatementPage } from '../../electron/contract/api.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { startApp, type RunningApp } from './support/app-server.js';
import { escapeXml } from './support/seed-site.js';
import { shot } from './support/screenshots.js';

test.describe('hostile feed', () => {
  test.describe.configure({ timeout: 90_000 });
  let app: RunningApp;
  let evil: FeedServer;
  const TRAP_PATHS = ['/trap', '/trap-base/relative.png', '/trap-base/relative', '/trap-base/rel.css'];

  test.beforeAll(async () => {
    evil = await startFeedServer();
    app = await startApp();
    const T = `${evil.origin}/trap`;
    const js = (tag: string): string => `fetch('${T}?${tag}');window.top.__pwned='${tag}';alert('${tag}')`;
    const html = [
      `<p>"The count was rigged from the start," said Imran Ahmed, the opposition leader, on Friday. <img src="x" onerror="${js('img-onerror')}"></p>`,
      `<p>"We reject these claims entirely," the election commission spokesman Tariq Shah told reporters.</p>`,
      `<svg onload="${js('svg-onload')}"><circle r="5"></circle></svg>`,
      `<p><a href="javascript:${js('js-link')}">read more</a> <a href="relative">relative link</a></p>`,
      `<iframe srcdoc="<script>${js('srcdoc')}</script>"></iframe>`,
      `<meta http-equiv="refresh" content="0;url=${T}?meta-refresh">`,
      `<base href="${evil.origin}/trap-base/"><img src="relative.png">`,
      `<script>${js('script')}</script>`,
      `<style>@import url("${evil.origin}/trap-base/rel.css");</style>`,
      `<form action="${T}?form"><button formaction="javascript:${js('formaction')}">Vote</button></form>`,
      `<object data="${T}?object"></object><embed src="${T}?embed">`,
      `<noscript><p title="</noscript><img src=x onerror=${js('mxss')}>"></p></noscript>`,
      `<details open ontoggle="${js('ontoggle')}"><summary>s</summary></details>`,
      `<p>Plain text that looks like markup: &lt;img src=x onerror=${escapeXml(js('escaped-text'))}&gt;</p>`,
      `<p>Fetch the API: <img src=x onerror="fetch('/api/call/removeFeed',{method:'POST'})"></p>`,
    ].join('\n');
    const item = (i: number, title: string, link: string): string => `<item>
<title>${escapeXml(title)}</title>
<link>${escapeXml(link)}</link>
<guid isPermaLink="false">evil-${i}</guid>
<pubDate>Fri, 09 Feb 2024 1${i}:00:00 GMT</pubDate>
<description>${escapeXml(html)}</description>
<content:encoded>${escapeXml(html)}</content:encoded>
</item>`;
    evil.serveFeed('/feed.xml', `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${escapeXml(`Election <script>${js('channel-title')}</script> News`)}</title>
<link>javascript:${escapeXml(js('channel-link'))}</link>
<description>d</description>
${item(1, `<img src=x onerror="${js('item-title')}"> Opposition says "count was rigged"`, `javascript:${js('item-link')}`)}
${item(2, `<svg/onload=${js('item2-title')}> Commission rejects claims`, `${evil.origin}/article-2.html`)}
</channel></rss>`);
    evil.route('/article-2.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><title>Commission rejects claims</title></head><body><article><h1>Commission rejects claims</h1>${html}</article></body></html>`);
    });
    for (const p of TRAP_PATHS) evil.route(p, (_req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('trapped'); });
  });
  test.afterAll(async () => {
    await app?.close();
    await evil?.close();
  });

  test('nothing in the feed executes or reaches the API', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      const m = /\/api\/call\/([A-Za-z]+)/.exec(r.url());
      if (m) apiCalls.push(m[1]!);
    });
    const popups: string[] = [];
    page.context().on('page', (p) => popups.push(p.url()));

    await page.goto(app.url);
    await page.locator('#add-feed-url').fill(`${evil.origin}/feed.xml`);
    await page.getByRole('button', { name: 'Add feed' }).click();
    await expect.poll(async () => (await app.call<StatementPage>('queryStatements', {}, 0, 50)).total, { timeout: 45_000 }).toBeGreaterThan(0);
    await page.reload();
    await expect(page.locator('.scroller [data-statement-id]').first()).toBeVisible();
    await shot(page, 'xss-timeline');

    // Open each item's article, as text and as feed HTML.
    const items = new Set((await app.call<StatementPage>('queryStatements', {}, 0, 50)).statements.map((s) => s.itemId));
    const rowCount = await page.locator('.scroller [data-statement-id]').count();
    await page.getByTestId('statement-count').click();
    const seen = new Set<string>();
    for (let i = 0; i < rowCount && seen.size < items.size; i++) {
      if (i > 0) await page.keyboard.press('j');
      const row = page.locator('.scroller [data-statement-id][aria-selected="true"]');
      const id = await row.getAttribute('data-statement-id');
      const st = (await app.call<StatementPage>('queryStatements', {}, 0, 50)).statements.find((s) => s.id === id)!;
      if (seen.has(st.itemId)) continue;
      seen.add(st.itemId);
      await page.keyboard.press('o');
      await expect(page.locator('aside.article mark.current')).toBeVisible();
      await page.getByRole('button', { name: 'Feed HTML' }).click();
      const frame = page.locator('aside.article iframe');
      if (await frame.count()) {
        await expect(frame).toHaveAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
        // Links in the frame open outside; clicking a javascript: link must do nothing.
        const links = page.frameLocator('aside.article iframe').locator('a');
        for (let k = 0; k < await links.count(); k++) await links.nth(k).click({ timeout: 2_000 }).catch(() => undefined);
      }
      await page.waitForTimeout(1_000);
      await shot(page, `xss-article-${seen.size}`);
      await page.getByRole('button', { name: 'Text (offline)' }).click();
      await page.keyboard.press('Escape');
    }
    expect(seen.size).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Feeds' }).click();
    await expect(page.locator('tr[data-feed-id]')).toHaveCount(1);
    await shot(page, 'xss-feeds');
    await page.getByRole('button', { name: 'Charts' }).click();
    await page.getByRole('button', { name: 'Timeline' }).click();
    await page.waitForTimeout(500);

    // Nothing ran: no trap hit from the browser, no dialog, no flag on the page, no markup made from feed text.
    const browserHits = TRAP_PATHS.flatMap((p) => evil.requests(p)).filter((r) => /Chrom/i.test(String(r.headers['user-agent'] ?? '')));
    expect(browserHits.map((r) => r.url)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
    expect(await page.evaluate(() => document.querySelectorAll('[onerror], [onload], [ontoggle], script:not([src]), img, svg image, object, embed').length)).toBe(0);
    expect(popups.filter((u) => u.startsWith('javascript:') || u.includes('/trap'))).toEqual([]);
    // Only the app's own calls reached the API: the feed is still there and nothing destructive was asked.
    expect((await app.call<Feed[]>('listFeeds')).length).toBe(1);
    const harmful = ['removeFeed', 'removeFolder', 'importOpml', 'updateSettings', 'setNote', 'correct', 'renameFeed', 'moveFeed', 'pauseFeed', 'saveSearch', 'deleteSavedSearch', 'setReviewed', 'setStarred'];
    expect(apiCalls.filter((m) => harmful.includes(m))).toEqual([]);
  });
});
