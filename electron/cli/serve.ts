// `serve [--data-dir DIR] [--port N]`: browser mode — the app on 127.0.0.1 with a per-run token, until Ctrl-C.
import { startBrowserMode } from '../http/start.js';
import { CliError, flagString, parseArgs } from './args.js';
import { dataDirOf } from './data-dir.js';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data-dir', 'port'], ['open']);
  if (args.positionals.length) throw new CliError(`serve takes no positional arguments (got "${args.positionals[0]}")`);
  const portText = flagString(args, 'port');
  const port = portText === undefined ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a number from 0 to 65535 (got "${portText}")`);
  const running = await startBrowserMode({ dataDir: dataDirOf(args), port, openBrowser: args.flags.get('open') === true });
  await new Promise<void>((resolve) => {
    const stop = (): void => { resolve(); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  return 0;
}
