import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { ErrorCode } from '../../../shared/api/errors';
import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail, Fault } from '../../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvents } from '../../fakes/cloudtrail/fake-events';
import { busiestSecond, day, fakeEnv, fastTuning, query, restartedQueries, savedTokenCursors, staticKeys, tempHome, testService } from '../cloudtrail/helpers';
import { startWireFaults } from './wire-faults';
import type { WireFault } from './wire-faults';

/**
 * Promise 13, one fault at a time: from the fourth call on, every call of a 200-event fetch
 * keeps failing. "Nothing lost" means: the fetch stops (never hangs) with a reason the analyst
 * can act on, the pages of the first three calls stay (exactly their events, however the engine
 * split the range), and Resume continues from the saved NextTokens (each one is sent again, and
 * no query is asked afresh a second time) and ends with exactly the 200 expected event ids.
 */
let fake: FakeCloudTrail;
let wire: Awaited<ReturnType<typeof startWireFaults>> | null = null;
let home: ReturnType<typeof tempHome>;
const range = { start: day('2026-11-01T00:00:00Z'), end: day('2026-11-08T00:00:00Z') };
const alice = fakeEvents(200, { ...range, region: 'eu-west-1', userName: 'alice' });
const expectedIds = alice.map((event) => event.eventId).sort();

beforeEach(() => {
  home = tempHome(staticKeys);
});
afterEach(async () => {
  await wire?.close();
  wire = null;
  await fake?.close();
  home.cleanup();
});

type Case = { name: string; fault?: Fault; wireFault?: WireFault; code: ErrorCode };
const cases: Case[] = [
  { name: 'five 500s and more', fault: '500', code: 'NETWORK' },
  { name: 'a hang past the request timeout', fault: 'hang', code: 'NETWORK' },
  { name: 'a reset before the headers', fault: 'reset', code: 'NETWORK' },
  { name: 'a reset after the headers', wireFault: 'headersThenReset', code: 'NETWORK' },
  { name: 'a body cut mid-stream', fault: 'truncate', code: 'NETWORK' },
  { name: 'well-framed but truncated JSON', wireFault: 'truncatedJson', code: 'NETWORK' },
  { name: 'ExpiredTokenException', fault: 'expired', code: 'CREDENTIALS_EXPIRED' },
  { name: 'AccessDenied with hostile text', fault: 'denied', code: 'ACCESS_DENIED' },
];

describe('page 4 keeps failing', () => {
  test.each(cases)(
    '$name: pages 1–3 stay with the reason, and Resume ends with exactly the expected ids',
    async ({ fault, wireFault, code }) => {
      let failing = true;
      fake = await startFakeCloudTrail({
        events: alice,
        callsPerSecond: 0,
        fault: (_call, index) => (failing && fault && index >= 3 ? fault : undefined),
        deniedMessage: '<img src=x onerror=alert(1)>\u202e',
      });
      if (wireFault) wire = await startWireFaults(fake.url, (index) => (failing && index >= 3 ? wireFault : undefined));
      const service = testService(fakeEnv(home.home, wire?.url ?? fake.url), {
        callsPerSecond: 20,
        requestTimeoutMs: 500,
        // Two halves of 100 events: whatever three pages arrive first, a cursor is left holding a token.
        tuning: { ...fastTuning, maxCursors: 2 },
      });

      const stopped = await service.manager.settled(await service.manager.start(query({ followSessions: false })));
      expect(stopped.state).toBe('failed');
      expect(stopped.error?.code).toBe(code);
      expect(stopped.error?.message.length).toBeGreaterThan(10);
      const firstThree = new Set(
        fake
          .lookups()
          .slice(0, 3)
          .flatMap((call) => call.eventIds ?? []),
      );
      expect(firstThree.size).toBeGreaterThan(100);
      expect(new Set(service.manager.events(stopped.fetchId, 0, 500).events.map((e) => e.eventId))).toEqual(firstThree);
      const withTokens = savedTokenCursors(join(home.home, 'cache'), stopped.fetchId);
      const savedTokens = withTokens.map((cursor) => cursor.nextToken);
      expect(savedTokens.length).toBeGreaterThan(0);

      failing = false;
      const before = fake.lookups().length;
      await service.manager.resume(stopped.fetchId);
      const done = await service.manager.settled(stopped.fetchId);
      expect(done.state).toBe('done');
      expect(
        service.manager
          .events(stopped.fetchId, 0, 500)
          .events.map((e) => e.eventId)
          .sort(),
      ).toEqual(expectedIds);
      const resumed = fake
        .lookups()
        .slice(before)
        .filter((call) => call.status === 200);
      for (const token of savedTokens) expect(resumed.map((call) => call.body?.NextToken)).toContain(token);
      // ...and none of those queries was asked again from its first page.
      const restarted = restartedQueries(resumed, withTokens);
      expect(restarted).toEqual([]);
      const fresh = fake
        .lookups()
        .filter((call) => call.status === 200 && call.body?.NextToken === undefined)
        .map((call) => `${String(call.body?.StartTime)}-${String(call.body?.EndTime)}`);
      expect(new Set(fresh).size).toBe(fresh.length);
    },
  );
});

describe('a throttling storm', () => {
  test('every call refused for two seconds slows the fetch, never fails it, never exceeds the rate, and ends with the complete set', async () => {
    const stormEnds = Date.now() + 2000;
    fake = await startFakeCloudTrail({ events: alice, callsPerSecond: 2, fault: (call) => (call.at < stormEnds ? 'throttle' : undefined) });
    const service = testService(fakeEnv(home.home, fake.url));
    const status = await service.manager.settled(await service.manager.start(query({ followSessions: false })));
    expect(status.state).toBe('done');
    expect(fake.lookups().filter((call) => call.fault === 'throttle').length).toBeGreaterThan(1);
    expect(busiestSecond(fake.lookups())).toBeLessThanOrEqual(2);
    expect(
      service.manager
        .events(status.fetchId, 0, 500)
        .events.map((e) => e.eventId)
        .sort(),
    ).toEqual(expectedIds);
  }, 20_000);
});
