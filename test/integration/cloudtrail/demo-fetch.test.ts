import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { FetchedEvent } from '../../../shared/api/fetch-contract';
import type { StreamMessage } from '../../../shared/api/stream';
import { parseRecord } from '../../../shared/records/normalize';
import { demoAnchor } from '../../../main/services/demo/demo-account';
import { createFetchService } from '../../../main/services/fetch/fetch-service';

let home: string;
let messages: StreamMessage[];

function service() {
  return createFetchService({
    env: { HOME: home, AWS_CONFIG_FILE: join(home, 'none-config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'none-credentials') },
    cacheDir: join(home, 'cache'),
    emit: (message) => messages.push(message),
    askMfaCode: () => Promise.reject(new Error('no MFA in the demo')),
  });
}

const end = new Date(demoAnchor()).toISOString();
const start = new Date(demoAnchor() - 14 * 86_400_000).toISOString();
const regions = ['us-east-1', 'eu-west-1', 'us-west-2'];

function streamed(fetchId: string): FetchedEvent[] {
  return messages.flatMap((m) => (m.type === 'fetch.events' && m.fetchId === fetchId ? m.events : []));
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'trailcase-demo-'));
  messages = [];
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('the demo profile', () => {
  test('streams the compromised user story through the engine, sessions followed', async () => {
    const { manager } = service();
    const fetchId = await manager.start({
      profile: 'demo',
      regions,
      identity: { kind: 'user', userName: 'jmorales' },
      start,
      end,
      followSessions: true,
    });
    const status = await manager.settled(fetchId);
    expect(status.state).toBe('done');
    const events = streamed(fetchId);
    const names = events.map((event) => parseRecord(event.raw).record?.eventName);
    for (const name of [
      'ConsoleLogin',
      'CreateAccessKey',
      'AttachUserPolicy',
      'StopLogging',
      'AuthorizeSecurityGroupIngress',
      'AssumeRole',
      'GetSessionToken',
    ])
      expect(names).toContain(name);
    expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);
    const viaRole = events.filter((event) => event.via?.issuingEventName === 'AssumeRole');
    expect(viaRole.map((event) => parseRecord(event.raw).record?.eventName)).toContain('GetSecretValue');
    expect(status.eventCount).toBe(events.length);
    expect(messages.at(-1)).toMatchObject({ type: 'fetch.state', fetchId, state: 'done' });
  });

  test('serves every identity of the account: at least 5,000 events in 3 regions over 14 days', async () => {
    const { manager } = service();
    let total = 0;
    for (const userName of ['priya.shah', 'dkim', 'jmorales', 'ci-deployer']) {
      const fetchId = await manager.start({
        profile: 'demo',
        regions,
        identity: { kind: 'user', userName },
        start,
        end,
        followSessions: userName === 'ci-deployer',
      });
      const status = await manager.settled(fetchId);
      expect(status.regions.map((r) => r.state)).toEqual(['done', 'done', 'done']);
      total += status.eventCount;
    }
    expect(total).toBeGreaterThanOrEqual(5000);
  }, 30_000);

  test('a second fetch of a cached range makes no call and returns the same events', async () => {
    const { manager } = service();
    // Ending an hour ago: the last half hour before a fetch is never cached (CloudTrail delivers late).
    const settled = new Date(demoAnchor() - 3_600_000).toISOString();
    const query = { profile: 'demo', regions, identity: { kind: 'user' as const, userName: 'dkim' }, start, end: settled, followSessions: false };
    const first = await manager.settled(await manager.start(query));
    const second = await manager.settled(await manager.start(query));
    expect(second.eventCount).toBe(first.eventCount);
    expect(second.regions.reduce((sum, r) => sum + r.pages, 0)).toBe(0);
  });
});
