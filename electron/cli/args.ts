// Command-line argument parsing shared by every command: --flag VALUE, --flag=VALUE, boolean flags, positionals.
export class CliError extends Error {}

export interface ParsedArgs {
  flags: Map<string, string | true>;
  positionals: string[];
}

/** `valueFlags` take a value; `boolFlags` do not. Any other --flag is a CliError. */
export function parseArgs(argv: string[], valueFlags: string[], boolFlags: string[] = []): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { positionals.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (valueFlags.includes(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined || value === '') throw new CliError(`--${name} needs a value`);
        flags.set(name, value);
      } else if (boolFlags.includes(name) && eq < 0) {
        flags.set(name, true);
      } else {
        throw new CliError(`unknown option --${name}`);
      }
    } else positionals.push(a);
  }
  return { flags, positionals };
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
