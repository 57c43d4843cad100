// The command line: `npm run cli -- <command> [options]`. Dispatches to one file per command in electron/cli/.
// A bad argument is one clear line on stderr and exit code 2; never a stack trace.
import { CliError, parseArgs } from './cli/args.js';

const COMMANDS: Record<string, () => Promise<{ run: (argv: string[]) => Promise<number> }>> = {
  'parse-feed': () => import('./cli/parse-feed.js'),
  add: () => import('./cli/add.js'),
  'import-opml': () => import('./cli/import-opml.js'),
  'export-opml': () => import('./cli/export-opml.js'),
  poll: () => import('./cli/poll.js'),
  'list-items': () => import('./cli/list-items.js'),
  extract: () => import('./cli/extract.js'),
  serve: () => import('./cli/serve.js'),
};

const USAGE = `usage: npm run cli -- <command> [options]
commands:
  parse-feed [--content-type CT] [--base-url URL] FILE|URL...   print each input's normalised feed as one JSON line
  add URL [--data-dir DIR]                                      subscribe to a feed or a site (auto-discovery)
  import-opml FILE [--data-dir DIR]                             import subscriptions, with a per-entry report
  export-opml [--data-dir DIR]                                  print subscriptions as OPML
  poll --once [--data-dir DIR]                                  fetch every due feed once, analyse what was stored, exit
  list-items [--since ISO] [--feed ID] [--data-dir DIR]         print stored items as JSON lines
  extract FILE.jsonl                                            print statements found in each input line
  serve [--data-dir DIR] [--port N]                             browser mode: the app on 127.0.0.1 with a token`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const load = COMMANDS[command];
  if (!load) throw new CliError(`unknown command "${command}" (try: npm run cli -- help)`);
  const mod = await load();
  return mod.run(rest);
}

// Output piped into a command that stops reading (`| head`) ends the command quietly, not with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`pollwatch: cannot write output: ${err.message}\n`);
  process.exit(1);
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`pollwatch: ${msg.split('\n')[0]}\n`);
    process.exitCode = err instanceof CliError ? 2 : 1;
  },
);

export { parseArgs };
