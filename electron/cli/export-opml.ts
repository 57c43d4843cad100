// `export-opml [--data-dir DIR]`: print the subscriptions as OPML (nested folders kept).
import { CliError, parseArgs } from './args.js';
import { dataDirOf } from './data-dir.js';
import { withService } from './open.js';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data-dir']);
  if (args.positionals.length) throw new CliError('export-opml takes no positional arguments');
  return withService(dataDirOf(args), async (s) => {
    process.stdout.write(await s.api.exportOpml());
    return 0;
  });
}
