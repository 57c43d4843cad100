// The `serve` command (placeholder until its issue lands).
import { CliError } from './args.js';

export async function run(_argv: string[]): Promise<number> {
  throw new CliError('serve is not available yet');
}
