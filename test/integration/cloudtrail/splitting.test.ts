import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvents } from '../../fakes/cloudtrail/fake-events';
import { busiestSecond, day, fakeEnv, query, staticKeys, tempHome, testService } from './helpers';

let fake: FakeCloudTrail;
let home: ReturnType<typeof tempHome>;
const range = { start: day('2026-11-01T00:00:00Z'), end: day('2026-11-08T00:00:00Z') };
const alice = fakeEvents(400, { ...range, region: 'eu-west-1', userName: 'alice' });
const freshQueries = () => fake.lookups().filter((call) => call.body && call.body.NextToken === undefined);

beforeEach(() => {
  home = tempHome(staticKeys);
});
afterEach(async () => {
  await fake?.close();
  home.cleanup();
});

describe('time-range splitting', () => {
  test('when calls are slower than the limiter, the range is split across parallel cursors, still complete and within 2 calls a second', async () => {
    fake = await startFakeCloudTrail({ events: alice, callsPerSecond: 2, latencyMs: 900 });
    const service = testService(fakeEnv(home.home, fake.url));
    const status = await service.manager.settled(await service.manager.start(query()));
    expect(status.eventCount).toBe(400);
    expect(freshQueries().length).toBeGreaterThan(1);
    const windows = freshQueries().map((call) => `${call.body?.StartTime}-${call.body?.EndTime}`);
    expect(new Set(windows).size).toBe(windows.length);
    expect(busiestSecond(fake.lookups())).toBeLessThanOrEqual(2);
  }, 20_000);

  test('when one cursor keeps the limiter busy, there is no second cursor', async () => {
    fake = await startFakeCloudTrail({ events: alice, callsPerSecond: 2 });
    const service = testService(fakeEnv(home.home, fake.url));
    const status = await service.manager.settled(await service.manager.start(query()));
    expect(status.eventCount).toBe(400);
    expect(freshQueries()).toHaveLength(1);
    expect(fake.lookups()).toHaveLength(8);
    expect(fake.lookups().filter((call) => call.status !== 200)).toEqual([]);
  }, 20_000);

  test('cursors made by splitting are stored: a fetch stopped after a split resumes in a new process with exactly the expected ids', async () => {
    fake = await startFakeCloudTrail({ events: alice, callsPerSecond: 2, latencyMs: 700 });
    const first = testService(fakeEnv(home.home, fake.url));
    const fetchId = await first.manager.start(query());
    await new Promise<void>((resolve) => {
      const wait = setInterval(() => {
        if (freshQueries().length >= 2 && fake.lookups().filter((call) => call.status === 200).length >= 3) resolve(clearInterval(wait));
      }, 5);
    });
    await first.manager.cancel(fetchId);
    fake.setOptions({ latencyMs: 0, callsPerSecond: 0 });
    const second = testService(fakeEnv(home.home, fake.url), { callsPerSecond: 20 });
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
