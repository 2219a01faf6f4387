import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { startFakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import type { FakeCloudTrail } from '../../fakes/cloudtrail/fake-cloudtrail';
import { fakeEvents } from '../../fakes/cloudtrail/fake-events';
import { day, fakeEnv, query, staticKeys, tempHome, testService } from './helpers';

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
  test('after the process is killed between pages, Resume ends with exactly the expected event ids', async () => {
    const alice = [
      ...fakeEvents(260, { ...range, region: 'eu-west-1', userName: 'alice' }),
      ...fakeEvents(120, { ...range, region: 'us-east-1', userName: 'alice' }),
    ];
    let served = 0;
    let killNow: () => void = () => {};
    // The fourth page hangs: the child is killed while it waits for it.
    fake = await startFakeCloudTrail({ events: alice, callsPerSecond: 0, fault: () => (++served > 3 ? (killNow(), 'hang') : undefined) });
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
    let fetchId = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (fetchId += text));
    const killed = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    killNow = () => child.kill('SIGKILL');
    await killed;
    fetchId = fetchId.trim();
    expect(fetchId).toMatch(/^[\w-]{1,80}$/);
    fake.setOptions({ fault: undefined });

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
    // Resumed from stored cursors: not every page again.
    expect(fake.lookups().length - callsBefore).toBeLessThan(9);
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
});
