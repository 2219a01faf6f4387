import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvents } from '../../fakes/cloudtrail/fake-events';
import { defaultTuning } from '../../../main/services/cloudtrail/region-runner';
import { day, fakeEnv, query, restartedQueries, savedTokenCursors, staticKeys, tempHome, testService } from './helpers';

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

describe('resume', () => {
  test('after the process is killed between pages, Resume sends the saved NextTokens and ends with exactly the expected event ids', async () => {
    const alice = [
      ...fakeEvents(260, { ...range, region: 'eu-west-1', userName: 'alice' }),
      ...fakeEvents(120, { ...range, region: 'us-east-1', userName: 'alice' }),
    ];
    let served = 0;
    // Three pages are answered, then CloudTrail hangs; the child is killed once it stored them.
    fake = await startFakeCloudTrail({ events: alice, callsPerSecond: 0, fault: () => (++served > 3 ? 'hang' : undefined) });
    const env = { ...fakeEnv(home.home, fake.url), TRAILCASE_CACHE_DIR: join(home.home, 'cache'), PATH: process.env.PATH };
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(__dirname, '../../fakes/cloudtrail/fetch-child.ts'),
        JSON.stringify(query({ regions: ['eu-west-1', 'us-east-1'] })),
      ],
      { env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    const killed = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      if (/^pages 3$/m.test(out)) child.kill('SIGKILL');
    });
    await killed;
    const fetchId = out.split('\n').find((line) => line.startsWith('f-')) ?? '';
    expect(fetchId).toMatch(/^[\w-]{1,80}$/);
    fake.setOptions({ fault: undefined });

    const withTokens = savedTokenCursors(join(home.home, 'cache'), fetchId);
    const savedTokens = withTokens.map((cursor) => cursor.nextToken);
    expect(savedTokens.length).toBeGreaterThan(0);
    const service = testService(fakeEnv(home.home, fake.url), { callsPerSecond: 20 });
    const interrupted = service.manager.get(fetchId);
    expect(interrupted.state).toBe('failed');
    expect(interrupted.eventCount).toBeGreaterThan(0);
    const callsBefore = fake.lookups().length;
    await service.manager.resume(fetchId);
    const status = await service.manager.settled(fetchId);
    expect(status.state).toBe('done');
    const ids = service.manager.events(fetchId, 0, 5000).events.map((event) => event.eventId);
    expect(ids.sort()).toEqual(alice.map((event) => event.eventId).sort());
    // Resumed from the stored cursors: each saved token was sent again, as it was saved.
    const resumed = fake.lookups().slice(callsBefore);
    for (const token of savedTokens) expect(resumed.map((call) => call.body?.NextToken)).toContain(token);
    // ...and none of those queries was asked again from its first page.
    const restarted = restartedQueries(resumed, withTokens);
    expect(restarted).toEqual([]);
  }, 30_000);

  test('a range partly cached fetches only what is missing', async () => {
    const alice = fakeEvents(300, { ...range, region: 'eu-west-1', userName: 'alice' });
    fake = await startFakeCloudTrail({ events: alice, callsPerSecond: 0 });
    const service = testService(fakeEnv(home.home, fake.url), { callsPerSecond: 20 });
    await service.manager.settled(await service.manager.start(query({ start: '2026-11-01T00:00:00Z', end: '2026-11-04T00:00:00Z' })));
    const firstCalls = fake.lookups().length;
    const status = await service.manager.settled(await service.manager.start(query()));
    const windows = fake
      .lookups()
      .slice(firstCalls)
      .map((call) => [call.body?.StartTime, call.body?.EndTime]);
    expect(windows.every(([start]) => Number(start) * 1000 >= Date.parse('2026-11-04T00:00:00Z'))).toBe(true);
    expect(status.eventCount).toBe(300);
    expect(new Set(service.manager.events(status.fetchId, 0, 5000).events.map((e) => e.eventId))).toEqual(
      new Set(alice.map((e) => e.eventId)),
    );
  });

  test('pages a failed fetch received count as cached: a new fetch of the range asks only for the rest', async () => {
    const alice = fakeEvents(300, { ...range, region: 'eu-west-1', userName: 'alice' });
    let served = 0;
    fake = await startFakeCloudTrail({ events: alice, callsPerSecond: 0, fault: () => (++served > 3 ? 'denied' : undefined) });
    const service = testService(fakeEnv(home.home, fake.url), { callsPerSecond: 20, tuning: { ...defaultTuning, maxCursors: 1 } });
    const failed = await service.manager.settled(await service.manager.start(query()));
    expect(failed.state).toBe('failed');
    const received = service.manager.events(failed.fetchId, 0, 5000).events;
    expect(received.length).toBeGreaterThan(0);
    const oldest = Math.min(...received.map((event) => Date.parse((JSON.parse(event.raw) as { eventTime: string }).eventTime)));
    fake.setOptions({ fault: undefined });
    const firstCalls = fake.lookups().length;
    const status = await service.manager.settled(await service.manager.start(query()));
    expect(status.state).toBe('done');
    const windows = fake
      .lookups()
      .slice(firstCalls)
      .map((call) => Number(call.body?.EndTime) * 1000);
    expect(windows.every((end) => end <= oldest + 1000)).toBe(true);
    expect(new Set(service.manager.events(status.fetchId, 0, 5000).events.map((e) => e.eventId))).toEqual(
      new Set(alice.map((e) => e.eventId)),
    );
  });

  test('the last half hour is never recorded as cached: CloudTrail may still deliver events into it', async () => {
    const now = Date.now();
    const recent = { start: now - 3 * 3_600_000, end: now };
    const early = fakeEvents(40, { start: recent.start, end: now - 3_600_000, region: 'eu-west-1', userName: 'alice' });
    fake = await startFakeCloudTrail({ events: early, callsPerSecond: 0 });
    const service = testService(fakeEnv(home.home, fake.url), { callsPerSecond: 20 });
    const iso = (t: number) => new Date(t).toISOString();
    await service.manager.settled(await service.manager.start(query({ start: iso(recent.start), end: iso(recent.end) })));
    // An event of ten minutes ago that CloudTrail delivered late, after the first fetch.
    const late = fakeEvents(1, { start: now - 600_000, end: now - 600_000, region: 'eu-west-1', userName: 'alice' });
    fake.events.push(...late);
    const again = await service.manager.settled(await service.manager.start(query({ start: iso(recent.start), end: iso(recent.end) })));
    const ids = service.manager.events(again.fetchId, 0, 5000).events.map((e) => e.eventId);
    expect(ids).toContain(late[0]!.eventId);
    expect(ids).toHaveLength(41);
  });
});
