// When to check a feed next: its interval (the feed's <ttl>/sy:updatePeriod as a lower bound), exponential backoff
// with jitter after errors, and the server's Retry-After.

export interface ScheduleInput {
  now: Date;
  /** The user's poll interval. */
  intervalMinutes: number;
  /** What the feed asks for; a lower bound on the interval. */
  ttlMinutes: number | null;
  /** Consecutive failures, counting the one just recorded (0 after a success). */
  errorCount: number;
  /** From a 429/503 Retry-After header. */
  retryAfterMs?: number | null;
  /** 0..1; injectable for tests. */
  random?: () => number;
}

const MAX_BACKOFF_MINUTES = 24 * 60;
const MAX_TTL_MINUTES = 7 * 24 * 60;

/** Minutes until the next check, before jitter. */
export function baseDelayMinutes(input: Omit<ScheduleInput, 'now' | 'random'>): number {
  const interval = Math.max(1, input.intervalMinutes, Math.min(input.ttlMinutes ?? 0, MAX_TTL_MINUTES));
  if (input.errorCount <= 0) return interval;
  // 1st error: retry after one interval; then 2x, 4x, ... capped at a day.
  const backoff = Math.min(MAX_BACKOFF_MINUTES, interval * 2 ** Math.min(input.errorCount - 1, 16));
  return Math.max(interval, backoff);
}

export function nextCheckAt(input: ScheduleInput): Date {
  const random = input.random ?? Math.random;
  const base = baseDelayMinutes(input) * 60_000;
  // ±10% jitter spreads feeds that were added together, so they do not all poll in the same second.
  const jittered = base * (0.9 + 0.2 * random());
  const retryAfter = Math.max(0, input.retryAfterMs ?? 0);
  return new Date(input.now.getTime() + Math.max(jittered, retryAfter));
}
