// The `extract` command: read JSON lines {id, text, title?, date?, lang?, url?} and print one analysis line per input.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { analyseText } from '../core/analysis/analyse.js';
import { CliError, parseArgs } from './args.js';

interface InputLine { id?: unknown; text?: unknown; title?: unknown; date?: unknown; lang?: unknown; url?: unknown }

const optString = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The output line for one input line (an `error` line when the input is malformed). */
export function extractLine(line: string): Record<string, unknown> {
  let obj: InputLine;
  try {
    obj = JSON.parse(line) as InputLine;
  } catch (e) {
    const idMatch = /"id"\s*:\s*"((?:[^"\\]|\\.){0,200})"/.exec(line.slice(0, 2000));
    let id: string | undefined;
    try { id = idMatch ? (JSON.parse(`"${idMatch[1]}"`) as string) : undefined; } catch { id = undefined; }
    return { ...(id !== undefined ? { id } : {}), error: `malformed JSON: ${(e as Error).message}` };
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { error: 'line is not a JSON object' };
  const id = typeof obj.id === 'string' || typeof obj.id === 'number' ? obj.id : undefined;
  if (typeof obj.text !== 'string') return { ...(id !== undefined ? { id } : {}), error: 'missing "text" (a string)' };
  const a = analyseText({ text: obj.text, title: optString(obj.title), date: optString(obj.date), lang: optString(obj.lang), url: optString(obj.url) });
  return {
    id: id ?? null,
    election_related: a.electionRelated,
    relevance: a.relevance,
    countries: a.countries,
    language: a.language,
    statements: a.statements.map((s) => ({
      quote: s.quote, start: s.start, end: s.end, direct: s.direct, speaker: s.speaker, speakerRole: s.speakerRole,
      speakerOrg: s.speakerOrg, speakerCountry: s.speakerCountry, aboutCountry: s.aboutCountry, topics: s.topics,
      stance: s.stance, confidence: s.confidence,
    })),
    ...(a.errors ? { analysis_errors: a.errors } : {}),
  };
}

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parseArgs(argv, []);
  if (positionals.length !== 1) throw new CliError('usage: extract FILE.jsonl');
  const file = positionals[0]!;
  const input = createReadStream(file, { encoding: 'utf8' });
  const opened = await new Promise<Error | null>((resolve) => {
    input.once('open', () => resolve(null));
    input.once('error', (e) => resolve(e));
  });
  if (opened) throw new CliError(`cannot read ${file}: ${opened.message}`);
  // a closed pipe (`extract … | head`) ends the output quietly
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); });
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const raw of rl) {
    const line = raw.replace(/^\uFEFF/, '');
    if (!line.trim()) continue;
    let out: Record<string, unknown>;
    try {
      out = extractLine(line);
    } catch (e) {
      out = { error: `analysis failed: ${(e as Error).message}` };
    }
    if (!process.stdout.write(JSON.stringify(out) + '\n')) await new Promise((r) => process.stdout.once('drain', r));
  }
  return 0;
}
