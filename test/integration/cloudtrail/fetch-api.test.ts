import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import type { StreamMessage } from '../../../shared/api/stream';
import { createHost } from '../../../main/hosts/create-host';
import { demoAnchor } from '../../../main/services/demo/demo-account';
import { createMemorySecretStore } from '../../../main/services/secrets/secret-store';

let dir: string;
let messages: StreamMessage[];

function host() {
  return createHost({
    kind: 'web',
    env: { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') },
    dataDir: join(dir, 'data'),
    cacheDir: join(dir, 'cache'),
    emit: (message) => messages.push(message),
    askMfaCode: () => Promise.reject(new Error('no MFA')),
    secrets: createMemorySecretStore(),
    openExternal: async () => false,
    takePendingDeepLink: () => null,
  });
}

const query = {
  profile: 'demo',
  regions: ['us-east-1', 'eu-west-1', 'us-west-2'],
  identity: { kind: 'user', userName: 'jmorales' },
  start: new Date(demoAnchor() - 3 * 86_400_000).toISOString(),
  end: new Date(demoAnchor()).toISOString(),
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trailcase-api-'));
  messages = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the fetch api of a host', () => {
  test('startFetch on the demo profile streams pages, then getFetch, getFetchEvents and listFetches agree', async () => {
    const { dispatch } = host();
    const started = await dispatch('startFetch', query);
    expect(started.ok).toBe(true);
    const { fetchId } = (started as { data: { fetchId: string } }).data;
    await new Promise<void>((resolve) => {
      const wait = setInterval(() => {
        if (messages.some((m) => m.type === 'fetch.state' && m.state === 'done')) resolve(clearInterval(wait));
      }, 10);
    });
    const status = (await dispatch('getFetch', { fetchId })) as { ok: true; data: { eventCount: number; state: string } };
    expect(status.data.state).toBe('done');
    const page = (await dispatch('getFetchEvents', { fetchId, offset: 0, limit: 5000 })) as {
      ok: true;
      data: { total: number; events: unknown[] };
    };
    expect(page.data.total).toBe(status.data.eventCount);
    expect(messages.filter((m) => m.type === 'fetch.events').flatMap((m) => (m.type === 'fetch.events' ? m.events : []))).toHaveLength(
      page.data.total,
    );
    const list = (await dispatch('listFetches', {})) as { ok: true; data: Array<{ fetchId: string }> };
    expect(list.data.map((f) => f.fetchId)).toContain(fetchId);
  });

  test('inputs are checked before the engine sees them', async () => {
    const { dispatch } = host();
    expect(await dispatch('startFetch', { ...query, regions: [] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await dispatch('getFetch', { fetchId: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await dispatch('getFetch', { fetchId: 'f-unknown' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('startFetch', { ...query, profile: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'PROFILE_NOT_FOUND' },
    });
  });
});
