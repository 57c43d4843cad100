// `add URL [--folder NAME] [--data-dir DIR]`: subscribe to a feed URL or a site URL (auto-discovery).
import { CliError, flagString, parseArgs } from './args.js';
import { dataDirOf } from './data-dir.js';
import { withService } from './open.js';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data-dir', 'folder']);
  if (args.positionals.length !== 1) throw new CliError('add needs exactly one URL');
  const folder = flagString(args, 'folder');
  return withService(dataDirOf(args), async (s) => {
    const folderId = folder ? await s.store.ensureFolderPath(folder.split('/').map((p) => p.trim()).filter(Boolean)) : null;
    try {
      const r = await s.api.addFeed(args.positionals[0]!, folderId);
      await s.analysis.idle();
      process.stdout.write(JSON.stringify({ feed: r.feed, discoveredFrom: r.discoveredFrom }) + '\n');
      return 0;
    } catch (err) {
      process.stderr.write(`pollwatch: could not add ${args.positionals[0]}: ${err instanceof Error ? err.message : String(err)}\n`);
      return 1;
    }
  });
}
