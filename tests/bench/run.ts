// `npm run bench`: runs every tests/bench/*.bench.ts module in turn and ends with ONE line of JSON holding all figures.
// Usage: npm run bench [-- name ...]   (e.g. `npm run bench -- store poll` runs only those modules)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = fs.readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.ts$/, '')));

const results: Record<string, number> = {};
for (const f of files) {
  const started = Date.now();
  process.stderr.write(`bench ${f} ...\n`);
  try {
    const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { default: () => Promise<Record<string, number>> };
    const r = await mod.default();
    Object.assign(results, r);
    process.stderr.write(`  ${JSON.stringify(r)} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  } catch (err) {
    process.stderr.write(`  failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
process.stdout.write(JSON.stringify(results) + '\n');
