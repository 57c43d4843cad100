// Full text of an item: the article page is downloaded through the app's fetcher, decoded, extracted and kept offline.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle, fetchFullText } from '../../../electron/core/content/fulltext.js';

const PARAS = [
  'Voters in the capital queued for hours on Sunday as the presidential election went ahead despite opposition calls for a boycott.',
  'The electoral commission said turnout had reached 61 percent by mid-afternoon, higher than at the previous vote four years ago.',
  'Observers from the regional bloc reported isolated incidents of intimidation but said the process had been largely peaceful and orderly.',
  '“We will accept the results if they reflect the will of the people,” the main challenger told reporters outside a polling station.',
];

function page(body: string, head = '<meta charset="utf-8">'): string {
  return `<!DOCTYPE html><html><head>${head}<title>Vote goes ahead | News</title><script>window.evil = 1</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Vote goes ahead</h1>${body}</article>
<footer>Copyright News Example. <a href="/privacy">Privacy</a></footer></body></html>`;
}
const ARTICLE = page(`${PARAS.map((p) => `<p>${p}</p>`).join('\n')}<p><a href="/live" onclick="steal()">Live updates</a><img src="chart.png" onerror="x()"></p>`);

let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/article') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(ARTICLE); return; }
    if (url === '/latin1') {
      const html = page(`${PARAS.map((p) => `<p>${p.replace('Voters', 'Électeurs à Bogotá')}</p>`).join('')}`, '<meta charset="windows-1252">');
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(iconv.encode(html.replace(/[“”]/g, '"'), 'windows-1252'));
      return;
    }
    if (url === '/header-charset') {
      const html = page(PARAS.map((p) => `<p>${p} Ñandú.</p>`).join(''), '');
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
      res.end(iconv.encode(html.replace(/[“”]/g, '"'), 'latin1'));
      return;
    }
    if (url === '/huge') {
      const chunk = '<p>انتخابات \u202e Выборы 選挙 <a href="javascript:x" onclick="y">fraud</a> <img src=x onerror=alert(1)> results were announced.</p>';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html><body><article>${chunk.repeat(Math.ceil(5_000_000 / chunk.length))}</article></body></html>`);
      return;
    }
    if (url === '/pdf') { res.writeHead(200, { 'content-type': 'application/pdf' }); res.end('%PDF-1.4'); return; }
    if (url === '/index') { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html><body><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul></body></html>'); return; }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => { await new Promise<void>((resolve) => server.close(() => resolve())); });

/** A fetcher like the app's: real HTTP, bytes + content type + final URL, throws on HTTP errors. */
async function fetchPage(url: string): Promise<{ bytes: Uint8Array; contentType: string | null; url: string }> {
  const res = await fetch(url, { redirect: 'follow' });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
  return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type'), url: res.url };
}

describe('fetchFullText', () => {
  it('stores the article text with paragraphs and sanitised HTML, without menus, footers or scripts', async () => {
    const r = await fetchFullText(`${base}/article`, fetchPage);
    expect(r.error).toBeNull();
    expect(Date.parse(r.fetchedAt)).not.toBeNaN();
    for (const p of PARAS) expect(r.text).toContain(p);
    expect(r.text).toContain(`${PARAS[0]}\n\n${PARAS[1]}`);
    expect(r.text).not.toContain('Privacy');
    expect(r.html).not.toMatch(/<script|onclick|onerror/);
    expect(r.html).toContain(`href="${base}/live"`);
    expect(r.html).toContain(`src="${base}/chart.png"`);
    expect(r.html).toContain('rel="noopener noreferrer"');
  });

  it('decodes pages by their <meta charset> or Content-Type charset', async () => {
    const a = await fetchFullText(`${base}/latin1`, fetchPage);
    expect(a.error).toBeNull();
    expect(a.text).toContain('Électeurs à Bogotá');
    const b = await fetchFullText(`${base}/header-charset`, fetchPage);
    expect(b.text).toContain('Ñandú');
  });

  it('records why when the page cannot be had, and never throws', async () => {
    const notFound = await fetchFullText(`${base}/missing`, fetchPage);
    expect(notFound.text).toBeNull();
    expect(notFound.error).toMatch(/could not be downloaded.*404/);
    const pdf = await fetchFullText(`${base}/pdf`, fetchPage);
    expect(pdf.error).toMatch(/application\/pdf/);
    const index = await fetchFullText(`${base}/index`, fetchPage);
    expect(index.error).toMatch(/No article text/);
    const huge = await fetchFullText(`${base}/huge`, fetchPage);
    expect(huge.text).toBeNull();
    expect(huge.error).toMatch(/too large/);
    const refused = await fetchFullText('http://127.0.0.1:1/nothing', fetchPage);
    expect(refused.error).toMatch(/could not be downloaded/);
  });
});

describe('extractArticle', () => {
  it('returns title, text and safe HTML of a page, or null when it holds no article', () => {
    const a = extractArticle(ARTICLE, 'https://news.example/2024/vote.html');
    expect(a?.title).toMatch(/Vote goes ahead/);
    expect(a?.text).toContain(PARAS[2]);
    expect(a?.html).toContain('href="https://news.example/live"');
    expect(extractArticle('<html><body><p>Too short.</p></body></html>', 'https://news.example/')).toBeNull();
    expect(extractArticle('', 'https://news.example/')).toBeNull();
  });
});
