import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import { distributedEvents, fakeEvents } from '../../fakes/cloudtrail/fake-events';
import { startFakeCloudTrailProcess } from '../../fakes/cloudtrail/fake-process';
import type { FakeCloudTrailProcess } from '../../fakes/cloudtrail/fake-process';
import { busiestSecond, day, fakeEnv, query, staticKeys, tempHome, testService } from './helpers';

let fake: FakeCloudTrail | null = null;
let remote: FakeCloudTrailProcess | null = null;
let home: ReturnType<typeof tempHome>;

const range = { start: day('2026-11-01T00:00:00Z'), end: day('2026-11-08T00:00:00Z') };

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

describe('the fetch engine against CloudTrail', () => {
  test('fetches every event of the identity in each region once, though CloudTrail repeats events across pages', async () => {
    // Bursts put many events in one second, and the fake repeats each page's last event on the
    // next page, as CloudTrail can at equal timestamps; split ranges overlap at their edges too.
    const alice = [
      ...distributedEvents(320, 'nearlyEmpty', { ...range, region: 'eu-west-1', userName: 'alice' }),
      ...fakeEvents(30, { ...range, region: 'us-east-1', userName: 'alice' }),
    ];
    fake = await startFakeCloudTrail({
      events: [...alice, ...fakeEvents(40, { ...range, region: 'eu-west-1', userName: 'bob' })],
      callsPerSecond: 0,
      latencyMs: 30,
      repeatAcrossPages: true,
    });
    const service = testService(fakeEnv(home.home, fake.url));
    const fetchId = await service.manager.start(query({ regions: ['eu-west-1', 'us-east-1'] }));
    const status = await service.manager.settled(fetchId);
    expect(status.state).toBe('done');
    const served = fake.lookups().flatMap((call) => call.eventIds ?? []);
    expect(served.length).toBeGreaterThan(new Set(served).size);
    const ids = service.streamed(fetchId).map((event) => event.eventId);
    expect(new Set(ids)).toEqual(new Set(alice.map((event) => event.eventId)));
    expect(ids).toHaveLength(alice.length);
    expect(service.manager.events(fetchId, 0, 5000).events).toHaveLength(alice.length);
    expect(status.regions.find((r) => r.region === 'eu-west-1')).toMatchObject({ state: 'done', events: 320, covered: 1 });
  });

  test('never sends more than 2 calls in any second per account and region across 3 concurrent queries', async () => {
    // The fake runs in its own process and stamps each call on arrival with its own clock, as
    // CloudTrail does: the client's own stalls (store writes) cannot skew what it measures.
    const users = ['alice', 'bob', 'carol'];
    remote = await startFakeCloudTrailProcess({
      callsPerSecond: 2,
      latencyMs: 200,
      sets: users.map((userName) => ({ count: 140, distribution: 'bursty' as const, region: 'eu-west-1', userName, ...range })),
    });
    const service = testService(fakeEnv(home.home, remote.url));
    const fetchIds = await Promise.all(users.map((userName) => service.manager.start(query({ identity: { kind: 'user', userName } }))));
    const statuses = await Promise.all(fetchIds.map((id) => service.manager.settled(id)));
    expect(statuses.map((s) => [s.state, s.eventCount])).toEqual(users.map(() => ['done', 140]));
    const events = await remote.events();
    for (const [i, userName] of users.entries())
      expect(new Set(service.manager.events(fetchIds[i]!, 0, 500).events.map((e) => e.eventId))).toEqual(
        new Set(events.filter((e) => e.username === userName).map((e) => e.eventId)),
      );
    const lookups = await remote.lookups();
    expect(busiestSecond(lookups)).toBeLessThanOrEqual(2);
    expect(lookups.filter((call) => call.status === 400)).toEqual([]);
  }, 60_000);

  test("two profiles with keys of one account share that account's 2 calls a second", async () => {
    // Both keys carry account 171436882533 in their id (see accountOfAccessKey); AWS counts them together.
    const keys = { a: 'AKIASP2TPHJSQH3FJXYZ', b: 'AKIASP2TPHJSQH3FJXYA' };
    const sameAccount = (key: string) => (Object.values(keys).includes(key) ? '171436882533' : key);
    writeFileSync(
      join(home.home, '.aws', 'credentials'),
      Object.entries(keys)
        .map(([name, key]) => `[${name}]\naws_access_key_id = ${key}\naws_secret_access_key = fakeSecretKeyForTests0000000000000000000\n`)
        .join(''),
    );
    writeFileSync(join(home.home, '.aws', 'config'), '[profile a]\nregion = eu-west-1\n[profile b]\nregion = eu-west-1\n');
    remote = await startFakeCloudTrailProcess({
      callsPerSecond: 2,
      latencyMs: 200,
      sameAccount: Object.values(keys),
      sets: ['alice', 'bob'].map((userName) => ({ count: 150, distribution: 'uniform' as const, region: 'eu-west-1', userName, ...range })),
    });
    const service = testService(fakeEnv(home.home, remote.url));
    const fetchIds = await Promise.all([
      service.manager.start(query({ profile: 'a', identity: { kind: 'user', userName: 'alice' } })),
      service.manager.start(query({ profile: 'b', identity: { kind: 'user', userName: 'bob' } })),
    ]);
    const statuses = await Promise.all(fetchIds.map((id) => service.manager.settled(id)));
    expect(statuses.map((s) => [s.state, s.eventCount])).toEqual([
      ['done', 150],
      ['done', 150],
    ]);
    const lookups = await remote.lookups();
    expect(busiestSecond(lookups, sameAccount)).toBeLessThanOrEqual(2);
    expect(lookups.filter((call) => call.status === 400)).toEqual([]);
  }, 60_000);
});
