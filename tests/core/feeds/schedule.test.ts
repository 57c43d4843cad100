// When a feed is checked next: interval, the feed's own ttl as a lower bound, backoff after errors, Retry-After.
import { describe, expect, it } from 'vitest';
import { baseDelayMinutes, nextCheckAt } from '../../../electron/core/feeds/schedule.js';

const now = new Date('2024-02-09T12:00:00Z');
const mid = () => 0.5; // no jitter

describe('feed schedule', () => {
  it('checks a healthy feed again after the poll interval', () => {
    expect(nextCheckAt({ now, intervalMinutes: 15, ttlMinutes: null, errorCount: 0, random: mid }).toISOString()).toBe('2024-02-09T12:15:00.000Z');
  });

  it("respects the feed's <ttl> as a lower bound, never as a way to poll faster", () => {
    expect(baseDelayMinutes({ intervalMinutes: 15, ttlMinutes: 60, errorCount: 0 })).toBe(60);
    expect(baseDelayMinutes({ intervalMinutes: 15, ttlMinutes: 5, errorCount: 0 })).toBe(15);
  });

  it('backs off exponentially after consecutive errors, capped at a day', () => {
    const delays = [1, 2, 3, 4, 10, 30].map((errorCount) => baseDelayMinutes({ intervalMinutes: 15, ttlMinutes: null, errorCount }));
    expect(delays).toEqual([15, 30, 60, 120, 1440, 1440]);
  });

  it('adds at most ±10% jitter so feeds added together spread out', () => {
    const low = nextCheckAt({ now, intervalMinutes: 60, ttlMinutes: null, errorCount: 0, random: () => 0 });
    const high = nextCheckAt({ now, intervalMinutes: 60, ttlMinutes: null, errorCount: 0, random: () => 0.999999 });
    expect((low.getTime() - now.getTime()) / 60_000).toBeCloseTo(54, 5);
    expect((high.getTime() - now.getTime()) / 60_000).toBeCloseTo(66, 3);
  });

  it("waits at least as long as the server's Retry-After", () => {
    const next = nextCheckAt({ now, intervalMinutes: 15, ttlMinutes: null, errorCount: 1, retryAfterMs: 3 * 3600_000, random: mid });
    expect(next.toISOString()).toBe('2024-02-09T15:00:00.000Z');
  });
});
