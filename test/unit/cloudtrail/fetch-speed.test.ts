import { describe, expect, test } from 'vitest';

import { distributedTimes, distributions } from '../../fakes/cloudtrail/fake-events';
import { busiestSimulatedSecond, mostInFlightWithin, simulateRegion } from './simulate-region';

/**
 * The region runner on a simulated clock (see simulate-region.ts): 2,000 events of one region
 * over a week, 2 calls a second, each distribution at 300 ms and 1,500 ms a call. The figures
 * are exact on this clock, so the floors below cannot flake; the benchmark measures the real
 * thing through the CLI. The floors catch a return of the stall (0.44 on a bursty week).
 */
const start = Date.parse('2026-11-01T00:00:00Z');
const end = Date.parse('2026-11-08T00:00:00Z');
const COUNT = 2000;
const floors: Record<number, number> = { 300: 0.88, 1500: 0.72 };

describe('fetch speed on activity as incidents look', () => {
  for (const distribution of distributions)
    for (const latencyMs of [300, 1500])
      test(`${distribution} at ${latencyMs} ms a call: complete, within 2 calls a second, at ${floors[latencyMs]} of the ceiling or more`, async () => {
        const events = distributedTimes(COUNT, distribution, start, end).map((time, i) => ({ eventId: `e${i}`, time }));
        const { elapsedMs, calls, received } = await simulateRegion({ events, start, end, latencyMs, repeatAcrossPages: true });
        expect(new Set(received)).toEqual(new Set(events.map((event) => event.eventId)));
        expect(busiestSimulatedSecond(calls)).toBeLessThanOrEqual(2);
        // The ceiling: 2 calls a second of 50 events, 100 events a second.
        expect(((COUNT / 100) * 1000) / elapsedMs).toBeGreaterThanOrEqual(floors[latencyMs]!);
      });

  test('the six-hour burst of a bursty week is paged by several calls at once', async () => {
    const events = distributedTimes(COUNT, 'bursty', start, end).map((time, i) => ({ eventId: `e${i}`, time }));
    const burstStart = start + 0.55 * (end - start - 6 * 3600_000);
    const { calls } = await simulateRegion({ events, start, end, latencyMs: 1500 });
    expect(mostInFlightWithin(calls, burstStart + 3600_000, burstStart + 5 * 3600_000)).toBeGreaterThanOrEqual(3);
  });
});
