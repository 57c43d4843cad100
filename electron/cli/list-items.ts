// The `list-items` command (placeholder until its issue lands).
import { CliError } from './args.js';

export async function run(_argv: string[]): Promise<number> {
  throw new CliError('list-items is not available yet');
}
