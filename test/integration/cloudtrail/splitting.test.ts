import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCall, FakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvents } from '../../fakes/cloudtrail/fake-events';
import { startFakeCloudTrailProcess } from '../../fakes/cloudtrail/fake-process';
import type { FakeCloudTrailProcess } from '../../fakes/cloudtrail/fake-process';
import { busiestSecond, day, fakeEnv, query, staticKeys, tempHome, testService } from './helpers';

let fake: FakeCloudTrail | null = null;
let remote: FakeCloudTrailProcess | null = null;
let home: ReturnType<typeof tempHome>;
const range = { start: day('2026-11-01T00:00:00Z'), end: day('2026-11-08T00:00:00Z') };
const alice = fakeEvents(400, { ...range, region: 'eu-west-1', userName: 'alice' });
const freshQueries = (calls: FakeCall[]) => calls.filter((call) => call.body && call.body.NextToken === undefined);

beforeEach(() => {
  home = tempHome(staticKeys);
});
afterEach(async () => {
  await fake?.close();
  await remote?.close();
  fake = null;
  remote = null;
  home.cleanup();
});

describe('time-range splitting', () => {
  test('on bursty activity with calls slower than the limiter, the burst itself is paged by cursors in parallel, complete and within 2 calls a second', async () => {
    // 70% of 600 events in one six-hour burst, the rest over the week; 900 ms a call.
    const latencyMs = 900;
    remote = await startFakeCloudTrailProcess({
      callsPerSecond: 2,
      latencyMs,
      sets: [{ count: 600, distribution: 'bursty', region: 'eu-west-1', userName: 'alice', ...range }],
    });
    const service = testService(fakeEnv(home.home, remote.url));
    const status = await service.manager.settled(await service.manager.start(query({ followSessions: false })));
    const events = await remote.events();
    expect(status.state).toBe('done');
    expect(new Set(service.manager.events(status.fetchId, 0, 5000).events.map((e) => e.eventId))).toEqual(
      new Set(events.map((e) => e.eventId)),
    );
    const calls = await remote.lookups();
    // The fake refuses a third call within a second of arrival. On a loaded machine one request
    // can reach it late and the next on time, so a lone refusal is jitter the engine retries; more
    // than that would mean it spends the account's calls faster than allowed.
    const refused = calls.filter((call) => call.status !== 200);
    expect(refused.every((call) => call.throttled)).toBe(true);
    expect(refused.length).toBeLessThanOrEqual(2);
    expect(busiestSecond(calls.filter((call) => !call.throttled))).toBeLessThanOrEqual(2);
    const windows = freshQueries(calls).map((call) => `${String(call.body?.StartTime)}-${String(call.body?.EndTime)}`);
    expect(new Set(windows).size).toBe(windows.length);
    // Pages inside the burst came from different queries in flight at the same time.
    const burstStart = range.start + 0.55 * (range.end - range.start - 6 * 3600_000);
    const timeOf = new Map(events.map((event) => [event.eventId, event.time]));
    const inBurst = calls.filter((call) =>
      (call.eventIds ?? []).every((id) => timeOf.get(id)! >= burstStart && timeOf.get(id)! <= burstStart + 6 * 3600_000),
    );
    const queryOf = (call: FakeCall) => `${String(call.body?.StartTime)}-${String(call.body?.EndTime)}`;
    const overlapping = inBurst.filter((call) =>
      inBurst.some((other) => other !== call && queryOf(other) !== queryOf(call) && Math.abs(other.at - call.at) < latencyMs),
    );
    expect(inBurst.length).toBeGreaterThan(5);
    expect(overlapping.length).toBeGreaterThan(1);
  }, 60_000);

  test('when calls return faster than the limiter spaces them, the range is split no further than the first pair of slots', async () => {
    fake = await startFakeCloudTrail({ events: alice, callsPerSecond: 0 });
    const service = testService(fakeEnv(home.home, fake.url), { callsPerSecond: 2 });
    const status = await service.manager.settled(await service.manager.start(query()));
    expect(status.eventCount).toBe(400);
    expect(freshQueries(fake.lookups()).length).toBeLessThanOrEqual(2);
    // 8 pages of events: splitting cost at most the one partial page of the second cursor.
    expect(fake.lookups().length).toBeLessThanOrEqual(9);
    expect(fake.lookups().filter((call) => call.status !== 200)).toEqual([]);
  }, 20_000);

  test('cursors made by splitting are stored: a fetch stopped after a split resumes in a new process with exactly the expected ids', async () => {
    const local = await startFakeCloudTrail({ events: alice, callsPerSecond: 0, latencyMs: 700 });
    fake = local;
    const first = testService(fakeEnv(home.home, local.url), { callsPerSecond: 2 });
    const fetchId = await first.manager.start(query());
    await local.until((calls) => freshQueries(calls).length >= 2 && calls.filter((call) => call.status === 200).length >= 3);
    await first.manager.cancel(fetchId);
    local.setOptions({ latencyMs: 0 });
    const second = testService(fakeEnv(home.home, local.url), { callsPerSecond: 20 });
    await second.manager.resume(fetchId);
    const status = await second.manager.settled(fetchId);
    expect(status.state).toBe('done');
    expect(
      second.manager
        .events(fetchId, 0, 5000)
        .events.map((e) => e.eventId)
        .sort(),
    ).toEqual(alice.map((e) => e.eventId).sort());
  }, 20_000);
});
