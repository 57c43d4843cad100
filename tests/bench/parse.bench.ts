// Benchmark: our parse+normalise (bytes in, normalised feed out, no fetch) against plain rss-parser `parseString` on
// the same feeds — the real feeds in ../shared/data/real-feeds when present, else generated news feeds with 1–5 KB
// item bodies. Returns { parse_vs_rss_parser_ratio } (median of several rounds; lower is better, target ≤ 1.5).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { parseFeed } from '../../electron/core/feeds/parse.js';
import { articleBody } from './text.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const realDir = path.resolve(here, '..', '..', '..', 'shared', 'data', 'real-feeds');

function generated(): Buffer[] {
  const feeds: Buffer[] = [];
  for (let n = 0; n < 20; n++) {
    const items: string[] = [];
    for (let i = 0; i < 40; i++) {
      const day = new Date(Date.UTC(2024, 0, 1) + (n * 40 + i) * 3_600_000).toUTCString();
      items.push(`<item><title>Feed ${n} &amp; story ${i}</title><link>https://news.example/${n}/${i}</link><guid isPermaLink="false">${n}-${i}</guid>` +
        `<pubDate>${day}</pubDate><dc:creator>Reporter ${i % 7}</dc:creator><category>Elections</category>` +
        `<description><![CDATA[${articleBody(n * 100 + i)}]]></description></item>`);
    }
    feeds.push(Buffer.from(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Feed ${n}</title><link>https://news.example/${n}</link><description>bench</description>${items.join('')}</channel></rss>`));
  }
  return feeds;
}

async function corpus(rss: Parser): Promise<Buffer[]> {
  if (!fs.existsSync(path.join(realDir, 'index.json'))) {
    process.stderr.write(`parse.bench: ${realDir} absent, using generated feeds\n`);
    return generated();
  }
  const out: Buffer[] = [];
  for (const f of fs.readdirSync(realDir).sort()) {
    if (f.endsWith('.md') || f.endsWith('.json')) continue;
    const bytes = fs.readFileSync(path.join(realDir, f));
    try { await rss.parseString(bytes.toString('utf8')); out.push(bytes); } catch { /* rss-parser cannot read it: not comparable */ }
  }
  return out;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function (): Promise<Record<string, number>> {
  const rss = new Parser();
  const files = await corpus(rss);
  const texts = files.map((b) => b.toString('utf8'));
  const ours: number[] = [], theirs: number[] = [];
  for (let round = 0; round < 7; round++) {
    let t = performance.now();
    for (const s of texts) await rss.parseString(s);
    theirs.push(performance.now() - t);
    t = performance.now();
    for (const b of files) await parseFeed(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    ours.push(performance.now() - t);
  }
  // The first round warms both up; it is not counted.
  const ratio = median(ours.slice(1)) / median(theirs.slice(1));
  return { parse_vs_rss_parser_ratio: +ratio.toFixed(3) };
}
