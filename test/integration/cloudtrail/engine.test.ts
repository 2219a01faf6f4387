import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvents } from '../../fakes/cloudtrail/fake-events';
import { busiestSecond, day, fakeEnv, query, staticKeys, tempHome, testService } from './helpers';

let fake: FakeCloudTrail;
let home: ReturnType<typeof tempHome>;

const range = { start: day('2026-11-01T00:00:00Z'), end: day('2026-11-08T00:00:00Z') };

beforeEach(() => {
  home = tempHome(staticKeys);
});
afterEach(async () => {
  await fake?.close();
  home.cleanup();
});

describe('the fetch engine against CloudTrail', () => {
  test('fetches every event of the identity in each region, once each', async () => {
    const alice = [
      ...fakeEvents(120, { ...range, region: 'eu-west-1', userName: 'alice' }),
      ...fakeEvents(30, { ...range, region: 'us-east-1', userName: 'alice' }),
    ];
    fake = await startFakeCloudTrail({
      events: [...alice, ...fakeEvents(40, { ...range, region: 'eu-west-1', userName: 'bob' })],
      callsPerSecond: 0,
    });
    const service = testService(fakeEnv(home.home, fake.url));
    const fetchId = await service.manager.start(query({ regions: ['eu-west-1', 'us-east-1'] }));
    const status = await service.manager.settled(fetchId);
    expect(status.state).toBe('done');
    const ids = service.streamed(fetchId).map((event) => event.eventId);
    expect(new Set(ids)).toEqual(new Set(alice.map((event) => event.eventId)));
    expect(ids).toHaveLength(alice.length);
    expect(status.regions.find((r) => r.region === 'eu-west-1')).toMatchObject({ state: 'done', events: 120, covered: 1 });
  });

  test('never sends more than 2 calls in any second per account and region across 3 concurrent queries', async () => {
    const users = ['alice', 'bob', 'carol'];
    fake = await startFakeCloudTrail({
      events: users.flatMap((userName) => fakeEvents(140, { ...range, region: 'eu-west-1', userName })),
      callsPerSecond: 2,
    });
    const service = testService(fakeEnv(home.home, fake.url));
    const fetchIds = await Promise.all(users.map((userName) => service.manager.start(query({ identity: { kind: 'user', userName } }))));
    const statuses = await Promise.all(fetchIds.map((id) => service.manager.settled(id)));
    expect(statuses.map((s) => [s.state, s.eventCount])).toEqual(users.map(() => ['done', 140]));
    expect(busiestSecond(fake.lookups())).toBeLessThanOrEqual(2);
    expect(fake.lookups().filter((call) => call.status === 400)).toEqual([]);
  }, 20_000);

  test('two profiles with keys of one account share that account\'s 2 calls a second', async () => {
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
    fake = await startFakeCloudTrail({
      events: ['alice', 'bob'].flatMap((userName) => fakeEvents(150, { ...range, region: 'eu-west-1', userName })),
      callsPerSecond: 2,
      accountOf: sameAccount,
    });
    const service = testService(fakeEnv(home.home, fake.url));
    const fetchIds = await Promise.all([
      service.manager.start(query({ profile: 'a', identity: { kind: 'user', userName: 'alice' } })),
      service.manager.start(query({ profile: 'b', identity: { kind: 'user', userName: 'bob' } })),
    ]);
    const statuses = await Promise.all(fetchIds.map((id) => service.manager.settled(id)));
    expect(statuses.map((s) => [s.state, s.eventCount])).toEqual([
      ['done', 150],
      ['done', 150],
    ]);
    expect(busiestSecond(fake.lookups(), sameAccount)).toBeLessThanOrEqual(2);
    expect(fake.lookups().filter((call) => call.status === 400)).toEqual([]);
  }, 30_000);
});
