// Opens the service for a one-shot command (no background polling) and reports unreadable store files on stderr.
import { openService, type PollwatchService } from '../core/service.js';

export async function openForCommand(dataDir: string): Promise<PollwatchService> {
  const service = await openService({ dataDir, mode: 'cli', poll: false });
  for (const p of service.store.problems) process.stderr.write(`pollwatch: ${p.file} could not be read (${p.error}); kept as ${p.movedTo}\n`);
  return service;
}

/** Runs fn with an open service and always closes it. */
export async function withService<T>(dataDir: string, fn: (s: PollwatchService) => Promise<T>): Promise<T> {
  const service = await openForCommand(dataDir);
  try { return await fn(service); } finally { await service.close(); }
}
