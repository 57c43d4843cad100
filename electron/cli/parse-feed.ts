// The `parse-feed` command: `parse-feed [--content-type CT] [--base-url URL] FILE|URL...` prints, for each input, one
// JSON line {"input","feed"} (the normalised feed) or {"input","error"}; exit 0 when every input was read.
import { readFile } from 'node:fs/promises';
import { CliError, flagString, parseArgs } from './args.js';

interface Body { bytes: Uint8Array; contentType: string | null; url: string | null }

async function load(input: string): Promise<Body> {
  if (/^https?:\/\//i.test(input)) {
    const { fetchUrl } = await import('../core/feeds/fetch.js');
    const r = await fetchUrl(input);
    if (r.status !== 'ok') throw new Error(`no body (${r.status})`);
    return { bytes: r.bytes, contentType: r.contentType, url: r.url };
  }
  const path = input.startsWith('file:') ? new URL(input) : input;
  return { bytes: new Uint8Array(await readFile(path)), contentType: null, url: null };
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['content-type', 'base-url']);
  if (!args.positionals.length) throw new CliError('parse-feed needs at least one FILE or URL');
  const contentType = flagString(args, 'content-type') ?? null;
  const baseUrl = flagString(args, 'base-url') ?? null;
  if (baseUrl !== null && !URL.canParse(baseUrl)) throw new CliError(`--base-url must be an absolute URL (got "${baseUrl}")`);
  const { parseFeed } = await import('../core/feeds/parse.js');
  let failed = 0;
  for (const input of args.positionals) {
    let line: string;
    try {
      const body = await load(input);
      const feed = await parseFeed(body.bytes, { contentType: contentType ?? body.contentType, baseUrl: baseUrl ?? body.url });
      line = JSON.stringify({ input, feed });
    } catch (err) {
      failed++;
      const msg = err instanceof Error ? err.message : String(err);
      line = JSON.stringify({ input, error: msg.split('\n')[0] });
    }
    process.stdout.write(line + '\n');
  }
  return failed ? 1 : 0;
}
