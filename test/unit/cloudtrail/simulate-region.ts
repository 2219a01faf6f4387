import { vi } from 'vitest';

import { newCursor } from '../../../main/services/cloudtrail/cursors';
import { sleep } from '../../../main/services/cloudtrail/rate-limiter';
import { defaultTuning, RegionRunner } from '../../../main/services/cloudtrail/region-runner';
import type { LookupPage, LookupRequest, LookupSource } from '../../../main/services/cloudtrail/types';
import { pageOf } from '../../fakes/cloudtrail/fake-paging';
import type { PagedEvent } from '../../fakes/cloudtrail/fake-paging';

/** One simulated call: when it left and came back, and what it asked for. */
export interface SimulatedCall {
  sentAt: number;
  answeredAt: number;
  start: number;
  end: number;
  token: string | null;
  events: number;
}

let runs = 0;

/**
 * Runs the real region runner, limiter included, against an in-process LookupEvents on Vitest's
 * fake clock: deterministic, and minutes of fetching take milliseconds. `callsPerSecond` is
 * what the service allows; a call takes `latencyMs` from when it leaves.
 */
export async function simulateRegion(options: {
  events: PagedEvent[];
  start: number;
  end: number;
  latencyMs: number;
  callsPerSecond?: number;
  repeatAcrossPages?: boolean;
}): Promise<{ elapsedMs: number; calls: SimulatedCall[]; received: string[] }> {
  vi.useFakeTimers({ now: Date.parse('2026-12-01T00:00:00Z') });
  try {
    const calls: SimulatedCall[] = [];
    const received: string[] = [];
    const source: LookupSource = {
      profile: 'sim',
      limitKey: `sim-${++runs}`,
      cacheKey: 'sim',
      callsPerSecond: options.callsPerSecond ?? 2,
      async lookup(_region: string, request: LookupRequest, signal: AbortSignal): Promise<LookupPage> {
        request.onSend?.();
        const call: SimulatedCall = {
          sentAt: Date.now(),
          answeredAt: 0,
          start: request.start.getTime(),
          end: request.end.getTime(),
          token: request.nextToken,
          events: 0,
        };
        calls.push(call);
        await sleep(options.latencyMs, signal);
        const key = `${call.start}-${call.end}`;
        const offset = request.nextToken === null ? 0 : Number(request.nextToken.split(':')[1]);
        if (request.nextToken !== null && request.nextToken.split(':')[0] !== key) throw new Error('token of another query');
        const hits = options.events.filter((event) => event.time >= call.start && event.time <= call.end);
        const { page, nextOffset } = pageOf(hits, offset, 50, options.repeatAcrossPages);
        call.answeredAt = Date.now();
        call.events = page.length;
        return {
          events: page.map((event) => ({ eventId: event.eventId, time: event.time, raw: '' })),
          nextToken: nextOffset === null ? null : `${key}:${nextOffset}`,
        };
      },
    };
    let ids = 0;
    const runner = new RegionRunner(
      'sim-1',
      source,
      {
        attributeOf: () => ({ key: 'Username', value: 'alice' }),
        onPage: (_cursor, items) => received.push(...items.map((item) => item.eventId)),
        onChange: () => {},
        newCursorId: () => `c${++ids}`,
        onSplit: () => {},
      },
      defaultTuning,
    );
    runner.cursors.push(newCursor('c0', 's0', options.start, options.end));
    const started = Date.now();
    let finished = false;
    const run = runner.run(new AbortController().signal).finally(() => (finished = true));
    while (!finished) await vi.advanceTimersByTimeAsync(5);
    await run;
    return { elapsedMs: Date.now() - started, calls, received };
  } finally {
    vi.useRealTimers();
  }
}

/** The most calls that left within any one second. */
export function busiestSimulatedSecond(calls: SimulatedCall[]): number {
  return Math.max(
    0,
    ...calls.map((call) => calls.filter((other) => other.sentAt >= call.sentAt && other.sentAt < call.sentAt + 1000).length),
  );
}

/** The most calls in flight at one moment within [from, to]: more than one means the range was split. */
export function mostInFlightWithin(calls: SimulatedCall[], from: number, to: number): number {
  const inside = calls.filter((call) => call.end >= from && call.start <= to && call.events > 0);
  return Math.max(
    0,
    ...inside.map((call) => inside.filter((other) => other.sentAt <= call.sentAt && other.answeredAt > call.sentAt).length),
  );
}
