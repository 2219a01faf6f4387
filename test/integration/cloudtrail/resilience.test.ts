import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail, Fault } from '../../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvents } from '../../fakes/cloudtrail/fake-events';
import { day, fakeEnv, query, staticKeys, tempHome, testService } from './helpers';

let fake: FakeCloudTrail;
let home: ReturnType<typeof tempHome>;
const range = { start: day('2026-11-01T00:00:00Z'), end: day('2026-11-08T00:00:00Z') };
const alice = fakeEvents(200, { ...range, region: 'eu-west-1', userName: 'alice' });
const expectedIds = new Set(alice.map((event) => event.eventId));

beforeEach(() => {
  home = tempHome(staticKeys);
});
afterEach(async () => {
  await fake?.close();
  home.cleanup();
});

describe('a fetch under faults', () => {
  test.each<[string, Fault]>([
    ['500 errors', '500'],
    ['reset connections', 'reset'],
    ['truncated bodies', 'truncate'],
    ['throttling', 'throttle'],
  ])('ends with the complete set under %s', async (_name, fault) => {
    fake = await startFakeCloudTrail({
      events: alice,
      callsPerSecond: 0,
      fault: (_call, index) => (index % 2 === 1 && index < 8 ? fault : undefined),
    });
    const service = testService(fakeEnv(home.home, fake.url), { callsPerSecond: 20 });
    const status = await service.manager.settled(await service.manager.start(query()));
    expect(status.state).toBe('done');
    expect(new Set(service.manager.events(status.fetchId, 0, 5000).events.map((e) => e.eventId))).toEqual(expectedIds);
    expect(fake.lookups().filter((call) => call.fault === fault).length).toBeGreaterThan(0);
  });

  test('throttling above the limit slows the fetch and never fails it', async () => {
    fake = await startFakeCloudTrail({ events: alice, callsPerSecond: 1 });
    const service = testService(fakeEnv(home.home, fake.url));
    const status = await service.manager.settled(await service.manager.start(query()));
    expect(status.state).toBe('done');
    expect(status.eventCount).toBe(200);
    expect(status.regions[0]!.throttled).toBeGreaterThan(0);
  }, 20_000);

  test('a page that keeps failing stops the region with the reason; earlier pages stay; Resume completes it', async () => {
    fake = await startFakeCloudTrail({ events: alice, callsPerSecond: 0, fault: (_call, index) => (index >= 3 ? '500' : undefined) });
    const service = testService(fakeEnv(home.home, fake.url), { callsPerSecond: 20 });
    const failed = await service.manager.settled(await service.manager.start(query()));
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('NETWORK');
    // Every page answered before the failure is kept: exactly the events the first three calls served.
    const received = new Set(fake.lookups().flatMap((call) => call.eventIds ?? []));
    expect(received.size).toBeGreaterThan(100);
    expect(new Set(service.manager.events(failed.fetchId, 0, 5000).events.map((e) => e.eventId))).toEqual(received);
    fake.setOptions({ fault: undefined });
    await service.manager.resume(failed.fetchId);
    const resumed = await service.manager.settled(failed.fetchId);
    expect(resumed.state).toBe('done');
    expect(new Set(service.manager.events(failed.fetchId, 0, 5000).events.map((e) => e.eventId))).toEqual(expectedIds);
    // Resume continued from the cursors' tokens: no query was asked afresh a second time.
    const fresh = fake
      .lookups()
      .filter((call) => call.status === 200 && call.body?.NextToken === undefined)
      .map((call) => `${String(call.body?.StartTime)}-${String(call.body?.EndTime)}`);
    expect(new Set(fresh).size).toBe(fresh.length);
  });

  test('ExpiredTokenException and AccessDenied with hostile text stop with a clear, inert reason', async () => {
    fake = await startFakeCloudTrail({
      events: alice,
      callsPerSecond: 0,
      fault: (_call, index) => (index === 1 ? 'denied' : undefined),
      deniedMessage: '<img src=x onerror=alert(1)>\u001b[31m\u202e',
    });
    const service = testService(fakeEnv(home.home, fake.url));
    const status = await service.manager.settled(await service.manager.start(query()));
    expect(status.error?.code).toBe('ACCESS_DENIED');
    expect(status.error?.message).toContain('<img src=x onerror=alert(1)>');
    expect(status.error?.message).not.toContain('\u001b');
    expect(status.error?.message).not.toContain('\u202e');
    expect(status.eventCount).toBe(50);
    fake.setOptions({ fault: () => 'expired' });
    await service.manager.resume(status.fetchId);
    const expired = await service.manager.settled(status.fetchId);
    expect(expired.error?.code).toBe('CREDENTIALS_EXPIRED');
    expect(expired.eventCount).toBe(50);
  });

  test('a hung call is detected by the request timeout and retried', async () => {
    fake = await startFakeCloudTrail({ events: alice, callsPerSecond: 0, fault: (_call, index) => (index === 1 ? 'hang' : undefined) });
    const service = testService(fakeEnv(home.home, fake.url), { requestTimeoutMs: 500, callsPerSecond: 20 });
    const status = await service.manager.settled(await service.manager.start(query()));
    expect(status.state).toBe('done');
    expect(status.eventCount).toBe(200);
  });
});

describe('cancel', () => {
  test('no request leaves after Cancel, retries included, and the events so far are kept', async () => {
    fake = await startFakeCloudTrail({
      events: alice,
      callsPerSecond: 0,
      latencyMs: 100,
      fault: (_call, index) => (index >= 2 ? '500' : undefined),
    });
    const service = testService(fakeEnv(home.home, fake.url), {
      tuning: { maxAttempts: 50, backoffMs: 150, throttlePauseMs: 300, minSplitMs: 60_000, maxCursors: 8 },
    });
    const fetchId = await service.manager.start(query());
    await fake.until((lookups) => lookups.filter((call) => call.fault === '500').length >= 2);
    await service.manager.cancel(fetchId);
    const sent = fake.lookups().length;
    const status = service.manager.get(fetchId);
    expect(status.state).toBe('cancelled');
    const received = new Set(fake.lookups().flatMap((call) => call.eventIds ?? []));
    expect(new Set(service.manager.events(fetchId, 0, 500).events.map((e) => e.eventId))).toEqual(received);
    // Only time can show that nothing more is sent: the retries' back-off is 150 ms.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(fake.lookups()).toHaveLength(sent);
  });

  test('Cancel during a call in flight aborts that request at once instead of waiting for its timeout, and nothing is sent after', async () => {
    // The third call never gets an answer; the request timeout is 15 s.
    fake = await startFakeCloudTrail({ events: alice, callsPerSecond: 0, fault: (_call, index) => (index >= 2 ? 'hang' : undefined) });
    const service = testService(fakeEnv(home.home, fake.url), { requestTimeoutMs: 15_000, callsPerSecond: 20 });
    const fetchId = await service.manager.start(query());
    await fake.until((lookups) => lookups.some((call) => call.fault === 'hang'));
    const asked = Date.now();
    await service.manager.cancel(fetchId);
    expect(Date.now() - asked).toBeLessThan(2000);
    expect(service.manager.get(fetchId).state).toBe('cancelled');
    // The SDK's abort signal closed the hung request on the wire (without it, only the 15 s timeout would).
    const closed = fake.until((lookups) => lookups.filter((call) => call.fault === 'hang').every((call) => call.closedByClient));
    const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 2000));
    expect(await Promise.race([closed.then(() => 'closed' as const), late])).toBe('closed');
    const sent = fake.lookups().length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.lookups()).toHaveLength(sent);
  });
});
