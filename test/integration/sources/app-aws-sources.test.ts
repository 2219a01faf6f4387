import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { afterEach, describe, expect, it } from 'vitest';

import type { FetchQuery } from '../../../shared/api/fetch-contract';
import type { StreamMessage } from '../../../shared/api/stream';
import { createFetchService } from '../../../main/services/fetch/fetch-service';
import { startFakeAthena } from '../../fakes/athena/fake-athena';
import { athenaRecords, athenaTableDdl, athenaTrail, trailObjectKeys } from '../../fakes/athena/fake-athena-fixtures';
import { startFakeS3 } from '../../fakes/s3/fake-s3';
import { records } from './log-corpus';
import { BUCKET, s3Env, TRAIL_PREFIX, trailObjects } from './s3-corpus';

/** The app's fetch service as a host builds it, with an S3 or Athena source: the drivers are wired in. */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function service(env: NodeJS.ProcessEnv) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'trailcase-app-aws-'));
  const messages: StreamMessage[] = [];
  const fetches = createFetchService({ env, cacheDir, emit: (message) => messages.push(message), askMfaCode: () => Promise.reject(new Error('no MFA here')) });
  cleanups.push(async () => {
    await fetches.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });
  return { ...fetches, messages };
}

const march = { start: '2026-03-01T00:00:00Z', end: '2026-03-03T00:00:00Z' };
const query = (source: FetchQuery['source']): FetchQuery => ({
  profile: 'environment',
  regions: [],
  identity: { kind: 'user', userName: 'alice' },
  ...march,
  followSessions: false,
  source,
});

describe('the app with an S3 or Athena source', () => {
  it('fetches a trail’s objects from S3 into the store, object by object, and a second fetch reads them from the cache', async () => {
    const fake = await startFakeS3({ buckets: { [BUCKET]: trailObjects() } });
    cleanups.push(() => fake.close());
    const { manager } = service(s3Env(fake.url));
    const fetchId = await manager.start(query({ kind: 's3', url: `s3://${BUCKET}/${TRAIL_PREFIX}` }));
    const status = await manager.settled(fetchId);
    expect(status.state, JSON.stringify(status.error)).toBe('done');
    expect(status.sourceProgress).toMatchObject({ kind: 's3', unit: 'objects', done: 3, total: 3, failed: [] });
    expect(manager.events(fetchId, 0, 100).events.map((event) => event.raw).sort()).toEqual(
      [records.alice, records.aliceByService, records.aliceOld, records.aliceSession].sort(),
    );
    const downloads = () => fake.calls.filter((call) => call.operation === 'GetObject').length;
    const before = downloads();
    const again = await manager.start(query({ kind: 's3', url: `s3://${BUCKET}/${TRAIL_PREFIX}` }));
    expect((await manager.settled(again)).eventCount).toBe(4);
    expect(downloads()).toBe(before);
  });

  it('refuses an S3 source for a profile without credentials before the fetch starts', async () => {
    const { manager } = service({ HOME: '/nonexistent', AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials' });
    await expect(manager.start({ ...query({ kind: 's3', url: `s3://${BUCKET}/` }), profile: 'nobody' })).rejects.toMatchObject({ code: expect.any(String) });
  });

  it('fetches through Athena into the store, its query bounded on the partition, with its phases in the progress', async () => {
    const objects = Object.fromEntries(Object.entries(trailObjectKeys()).map(([day, texts]) => [`AWSLogs/111122223333/CloudTrail/us-east-1/${day}/a.json.gz`, gzipSync(texts.join(','))]));
    const s3 = await startFakeS3({ buckets: { 'trail-bucket': objects } });
    const athena = await startFakeAthena({ trails: athenaTrail(), tables: [athenaTableDdl()], workgroups: { primary: { outputLocation: 's3://results/' } } });
    cleanups.push(() => s3.close(), () => athena.close());
    const env = { AWS_ACCESS_KEY_ID: 'AKIAFAKEAPPATHENA001', AWS_SECRET_ACCESS_KEY: 'x', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_ATHENA: athena.url, AWS_ENDPOINT_URL_S3: s3.url };
    const { manager, messages } = service(env);
    const fetchId = await manager.start(query({ kind: 'athena', database: 'default', table: 'cloudtrail_logs' }));
    const status = await manager.settled(fetchId);
    expect(status.state, JSON.stringify(status.error)).toBe('done');
    expect(status.sourceProgress).toMatchObject({ kind: 'athena', unit: 'pages', events: 4 });
    const parsed = manager.events(fetchId, 0, 100).events.map((event) => JSON.parse(event.raw) as unknown);
    expect(parsed).toEqual([athenaRecords.alice, athenaRecords.aliceByService, athenaRecords.aliceOld, athenaRecords.aliceSession]);
    expect(messages.some((m) => m.type === 'fetch.progress' && m.sourceProgress?.phase?.startsWith('query'))).toBe(true);
    expect(athena.unboundedQueries()).toEqual([]);
  });
});
