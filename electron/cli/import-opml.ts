// `import-opml FILE [--data-dir DIR]`: import subscriptions; prints the per-entry report as JSON lines and a summary.
import fs from 'node:fs/promises';
import { CliError, parseArgs } from './args.js';
import { dataDirOf } from './data-dir.js';
import { withService } from './open.js';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data-dir']);
  if (args.positionals.length !== 1) throw new CliError('import-opml needs exactly one FILE');
  let text: string;
  try { text = await fs.readFile(args.positionals[0]!, 'utf8'); } catch (err) {
    throw new CliError(`cannot read ${args.positionals[0]}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return withService(dataDirOf(args), async (s) => {
    try {
      const report = await s.api.importOpml(text);
      await s.poller.pollFeeds().catch(() => undefined);
      for (const e of report.entries) process.stdout.write(JSON.stringify(e) + '\n');
      process.stdout.write(JSON.stringify({ imported: report.imported, duplicates: report.duplicates, refused: report.refused }) + '\n');
      return 0;
    } catch (err) {
      process.stderr.write(`pollwatch: ${err instanceof Error ? err.message : String(err)}\n`);
      return 1;
    }
  });
}
