import { describe, expect, test } from 'vitest';

import { distributedTimes, distributions } from '../../fakes/cloudtrail/fake-events';
import { busiestSimulatedSecond, mostInFlightWithin, simulateRegion } from './simulate-region';

/**
 * The region runner on a simulated clock (see simulate-region.ts): 2,000 events of one region
 * over a week, 2 calls a second, each distribution at 300 ms and 1,500 ms a call. The figures
 * are exact on this clock, so the floors below cannot flake; the benchmark measures the real
 * thing through the CLI. The floors catch a return of the stall (0.44 on a bursty week), and
 * each cell's floor and most calls are what the runner reaches now, so any loss of efficiency
 * (a wasted call, an idle slot) fails.
 *
 * What is possible: 2,000 events need 41 pages at least (a repeated event costs a place on every
 * page after the first), the limiter grants 2 calls per 1,030 ms (call k leaves at ⌊k/2⌋ × 1.03 s
 * at the earliest), and the last call's latency is paid in full. At 300 ms one cursor keeps both
 * slots busy: 41 calls end 20 × 1.03 + 0.3 = 20.9 s after the first, 0.957 of the ceiling, the
 * most there is. At 1,500 ms three cursors are needed, their calls 515 ms apart: 0.9 needs 41
 * calls ((41 − 1) × 0.515 + 1.5 = 22.1 s), one page of waste in all, while each cursor ends on a
 * partly filled page and two of their boundaries are set before any page has returned (43 to 47
 * calls here: 0.81 to 0.86).
 */
const start = Date.parse('2026-11-01T00:00:00Z');
const end = Date.parse('2026-11-08T00:00:00Z');
const COUNT = 2000;
/** Per distribution and latency: [floor of the ceiling, most calls]. */
const reached: Record<string, Record<number, [number, number]>> = {
  uniform: { 300: [0.95, 41], 1500: [0.86, 43] },
  bursty: { 300: [0.95, 41], 1500: [0.81, 46] },
  clustered: { 300: [0.95, 41], 1500: [0.82, 45] },
  nearlyEmpty: { 300: [0.95, 41], 1500: [0.81, 46] },
};

describe('fetch speed on activity as incidents look', () => {
  for (const distribution of distributions)
    for (const latencyMs of [300, 1500])
      test(`${distribution} at ${latencyMs} ms a call: complete, within 2 calls a second, at ${reached[distribution]![latencyMs]![0]} of the ceiling or more, in ${reached[distribution]![latencyMs]![1]} calls or fewer`, async () => {
        const [floor, mostCalls] = reached[distribution]![latencyMs]!;
        const events = distributedTimes(COUNT, distribution, start, end).map((time, i) => ({ eventId: `e${i}`, time }));
        const { elapsedMs, calls, received } = await simulateRegion({ events, start, end, latencyMs, repeatAcrossPages: true });
        expect(new Set(received)).toEqual(new Set(events.map((event) => event.eventId)));
        expect(busiestSimulatedSecond(calls)).toBeLessThanOrEqual(2);
        // The ceiling: 2 calls a second of 50 events, 100 events a second.
        expect(((COUNT / 100) * 1000) / elapsedMs).toBeGreaterThanOrEqual(floor);
        expect(calls.length).toBeLessThanOrEqual(mostCalls);
      });

  test('at 300 ms a call one query pages the whole week: no range is split before an answer shows it is needed', async () => {
    for (const distribution of distributions) {
      const events = distributedTimes(COUNT, distribution, start, end).map((time, i) => ({ eventId: `e${i}`, time }));
      const { calls } = await simulateRegion({ events, start, end, latencyMs: 300, repeatAcrossPages: true });
      expect(calls.filter((call) => call.token === null).map((call) => [call.start, call.end])).toEqual([[start, end]]);
    }
  });

  test('the six-hour burst of a bursty week is paged by several calls at once', async () => {
    const events = distributedTimes(COUNT, 'bursty', start, end).map((time, i) => ({ eventId: `e${i}`, time }));
    const burstStart = start + 0.55 * (end - start - 6 * 3600_000);
    const { calls } = await simulateRegion({ events, start, end, latencyMs: 1500 });
    expect(mostInFlightWithin(calls, burstStart + 3600_000, burstStart + 5 * 3600_000)).toBeGreaterThanOrEqual(3);
  });
});
