// The `extract` command (placeholder until its issue lands).
import { CliError } from './args.js';

export async function run(_argv: string[]): Promise<number> {
  throw new CliError('extract is not available yet');
}
