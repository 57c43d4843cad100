// The data directory a command works on: --data-dir DIR, else the user's Pollwatch folder.
import path from 'node:path';
import { defaultDataDir } from '../core/paths.js';
import { flagString, type ParsedArgs } from './args.js';

export function dataDirOf(args: ParsedArgs): string {
  const dir = flagString(args, 'data-dir');
  return dir ? path.resolve(dir) : defaultDataDir();
}
