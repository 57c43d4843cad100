// `poll --once [--due] [--data-dir DIR]`: fetch every feed (or only the due ones) once, wait until what was stored is
// analysed, print one JSON summary line, exit.
import { CliError, parseArgs } from './args.js';
import { dataDirOf } from './data-dir.js';
import { withService } from './open.js';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data-dir'], ['once', 'due']);
  if (args.flags.get('once') !== true) throw new CliError('poll needs --once (the background poller runs inside the app)');
  if (args.positionals.length) throw new CliError(`poll takes no positional arguments (got "${args.positionals[0]}")`);
  return withService(dataDirOf(args), async (s) => {
    const summary = args.flags.get('due') === true ? await s.poller.pollDue() : await s.poller.pollFeeds();
    // Includes items left unanalysed by an earlier run (queued when the service opened).
    await s.analysis.idle();
    for (const o of summary.outcomes) {
      if (o.error) process.stderr.write(`pollwatch: ${s.store.getFeed(o.feedId)?.url ?? o.feedId}: ${o.error}\n`);
    }
    if (summary.offline) process.stderr.write(`pollwatch: ${s.poller.progress.message ?? 'the network is unreachable'}\n`);
    process.stdout.write(JSON.stringify({
      feeds: summary.feeds, newItems: summary.newItems, updatedItems: summary.updatedItems, errors: summary.errors,
      offline: summary.offline, analysisFailures: s.analysis.failures,
    }) + '\n');
    return 0;
  });
}
