import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvent } from '../../fakes/cloudtrail/fake-events';
import { day, fakeEnv, query, staticKeys, tempHome, testService } from './helpers';

let fake: FakeCloudTrail;
let home: ReturnType<typeof tempHome>;

beforeEach(() => {
  home = tempHome(staticKeys);
});
afterEach(async () => {
  await fake?.close();
  home.cleanup();
});

const roleIdentity = (accessKeyId: string) => ({
  type: 'AssumedRole',
  principalId: 'AROAFAKE:ops',
  arn: 'arn:aws:sts::111122223333:assumed-role/admin/ops',
  accountId: '111122223333',
  accessKeyId,
});

describe('following sessions', () => {
  const issued = 'ASIAFAKESESSION00042';
  const assume = fakeEvent({
    time: day('2026-11-03T10:00:00Z'),
    region: 'us-east-1',
    userName: 'alice',
    eventName: 'AssumeRole',
    extra: {
      eventSource: 'sts.amazonaws.com',
      responseElements: { credentials: { accessKeyId: issued, sessionToken: 'x', expiration: 'Nov 3, 2026, 11:00:00 AM' } },
    },
  });
  const roleWork = [
    fakeEvent({
      time: day('2026-11-03T10:05:00Z'),
      region: 'eu-west-1',
      userName: 'ops',
      accessKeyId: issued,
      eventName: 'GetSecretValue',
      identity: roleIdentity(issued),
    }),
    fakeEvent({
      time: day('2026-11-03T10:07:00Z'),
      region: 'us-east-1',
      userName: 'ops',
      accessKeyId: issued,
      eventName: 'CreateUser',
      identity: roleIdentity(issued),
    }),
  ];
  const beforeIssue = fakeEvent({
    time: day('2026-11-02T10:00:00Z'),
    region: 'eu-west-1',
    userName: 'ops',
    accessKeyId: issued,
    identity: roleIdentity(issued),
  });
  const own = fakeEvent({ time: day('2026-11-02T09:00:00Z'), region: 'eu-west-1', userName: 'alice' });

  test('fetches what the temporary key of an AssumeRole did, in every region, marked with its session', async () => {
    fake = await startFakeCloudTrail({ events: [assume, ...roleWork, beforeIssue, own], callsPerSecond: 0 });
    const service = testService(fakeEnv(home.home, fake.url), { callsPerSecond: 20 });
    const status = await service.manager.settled(await service.manager.start(query({ regions: ['eu-west-1', 'us-east-1'] })));
    const events = service.manager.events(status.fetchId, 0, 100).events;
    expect(new Set(events.map((e) => e.eventId))).toEqual(new Set([assume, ...roleWork, own].map((e) => e.eventId)));
    for (const event of events.filter((e) => roleWork.some((w) => w.eventId === e.eventId))) {
      expect(event.via).toEqual({ accessKeyId: issued, issuedBy: assume.eventId, issuingEventName: 'AssumeRole' });
    }
    expect(events.find((e) => e.eventId === own.eventId)?.via).toBeUndefined();
  });

  test('does not follow sessions when asked not to', async () => {
    fake = await startFakeCloudTrail({ events: [assume, ...roleWork, own], callsPerSecond: 0 });
    const service = testService(fakeEnv(home.home, fake.url), { callsPerSecond: 20 });
    const status = await service.manager.settled(
      await service.manager.start(query({ regions: ['eu-west-1', 'us-east-1'], followSessions: false })),
    );
    expect(status.eventCount).toBe(2);
    expect(fake.lookups().every((call) => JSON.stringify(call.body).includes('Username'))).toBe(true);
  });

  test('keeps an unparseable CloudTrailEvent raw, stored and streamed', async () => {
    const broken = fakeEvent({
      time: day('2026-11-02T08:00:00Z'),
      region: 'eu-west-1',
      userName: 'alice',
      raw: '{"eventVersion":"1.09","eventName":"Trunc',
    });
    fake = await startFakeCloudTrail({ events: [broken, own], callsPerSecond: 0 });
    const service = testService(fakeEnv(home.home, fake.url), { callsPerSecond: 20 });
    const status = await service.manager.settled(await service.manager.start(query({ followSessions: true })));
    expect(service.streamed(status.fetchId).find((e) => e.eventId === broken.eventId)?.raw).toBe(broken.raw);
    const reloaded = testService(fakeEnv(home.home, fake.url));
    expect(reloaded.manager.events(status.fetchId, 0, 10).events.find((e) => e.eventId === broken.eventId)?.raw).toBe(broken.raw);
  });
});
