// `list-items [--since ISO] [--feed ID] [--data-dir DIR]`: stored items as JSON lines, newest first.
import { CliError, flagString, parseArgs } from './args.js';
import { dataDirOf } from './data-dir.js';
import { withService } from './open.js';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data-dir', 'since', 'feed']);
  if (args.positionals.length) throw new CliError(`list-items takes no positional arguments (got "${args.positionals[0]}")`);
  const since = flagString(args, 'since');
  if (since !== undefined && Number.isNaN(Date.parse(since))) throw new CliError(`--since must be an ISO date (got "${since}")`);
  const feedId = flagString(args, 'feed');
  return withService(dataDirOf(args), async (s) => {
    if (feedId && !s.store.getFeed(feedId)) throw new CliError(`no feed with id "${feedId}"`);
    for (const m of s.store.listItems({ feedId, since: since ? new Date(since).toISOString() : undefined })) {
      const a = s.store.getAnalysis(m.id);
      process.stdout.write(JSON.stringify({
        ...m,
        analysis: a ? { language: a.language, electionRelated: a.electionRelated, relevance: a.relevance, countries: a.countries, statements: a.statements.length } : null,
      }) + '\n');
    }
    return 0;
  });
}
