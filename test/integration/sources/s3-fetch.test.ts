import { gzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startFakeS3 } from '../../fakes/s3/fake-s3';
import type { FakeS3 } from '../../fakes/s3/fake-s3';
import { spawnCli } from '../cli/spawn-cli';
import { records, recordsOutput } from './log-corpus';
import { BUCKET, s3Env, TRAIL_PREFIX, trailObjects } from './s3-corpus';

/** `trailcase fetch --source s3://…`: the CLI from source against the fake S3, through the real SDK. */
let fake: FakeS3;
beforeAll(async () => {
  fake = await startFakeS3({ buckets: { [BUCKET]: trailObjects() } });
});
afterAll(() => fake.close());

const march = ['--start', '2026-03-01T00:00:00Z', '--end', '2026-03-03T00:00:00Z'];
const source = `s3://${BUCKET}/${TRAIL_PREFIX}`;

describe('fetch --source s3://BUCKET/PREFIX', () => {
  it('writes a user’s records exactly as the objects hold them, from an account’s and an organisation trail’s folders in two regions', async () => {
    const result = await spawnCli(['fetch', '--source', source, '--user', 'alice', ...march], { env: s3Env(fake.url) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout, result.stderr).toBe(recordsOutput(records.alice, records.aliceByService, records.aliceOld, records.aliceSession));
    expect(result.stderr).toContain('3 downloaded');
  });

  it('writes an access key’s records, and every identity behind one address with --ip', async () => {
    const [key, address] = await Promise.all([
      spawnCli(['fetch', '--source', source, '--access-key-id', 'ASIAROLESESSION00001', ...march], { env: s3Env(fake.url) }),
      spawnCli(['fetch', '--source', source, '--ip', '203.0.113.7', ...march], { env: s3Env(fake.url) }),
    ]);
    expect(key.stdout).toBe(recordsOutput(records.aliceSession));
    expect(address.stdout).toBe(recordsOutput(records.aliceSession, records.bobSameAddress));
    expect([key.code, address.code]).toEqual([0, 0]);
  });

  it('lists only the asked region’s day folders and fetches only their objects', async () => {
    const from = fake.calls.length;
    const result = await spawnCli(['fetch', '--source', source, '--user', 'alice', '--region', 'us-east-1', '--start', '2026-03-02T00:00:00Z', '--end', '2026-03-02T12:00:00Z'], {
      env: s3Env(fake.url),
    });
    expect(result.stdout).toBe(recordsOutput(records.aliceOld));
    const calls = fake.calls.slice(from);
    const lists = calls.filter((call) => call.operation === 'ListObjectsV2');
    // The layout levels by delimiter listing, then the day folders of us-east-1 (the range's day and the next).
    expect(lists.filter((call) => call.query.delimiter === '/').map((call) => call.query.prefix)).toEqual([
      TRAIL_PREFIX,
      `${TRAIL_PREFIX}AWSLogs/`,
      `${TRAIL_PREFIX}AWSLogs/o-abc123def4/`,
    ]);
    expect(lists.filter((call) => call.query.delimiter === undefined).map((call) => call.query.prefix).sort()).toEqual([
      `${TRAIL_PREFIX}AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/02/`,
      `${TRAIL_PREFIX}AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/03/`,
      `${TRAIL_PREFIX}AWSLogs/o-abc123def4/222233334444/CloudTrail/us-east-1/2026/03/02/`,
      `${TRAIL_PREFIX}AWSLogs/o-abc123def4/222233334444/CloudTrail/us-east-1/2026/03/03/`,
    ]);
    expect(calls.filter((call) => call.operation === 'GetObject').map((call) => call.key)).toEqual([
      `${TRAIL_PREFIX}AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/02/111122223333_CloudTrail_us-east-1_20260302T0705Z_b.json.gz`,
    ]);
  });

  it('answers a second question over the same objects from the cache: no GetObject', async () => {
    const env = s3Env(fake.url);
    const first = await spawnCli(['fetch', '--source', source, '--user', 'alice', ...march], { env });
    expect(first.code, first.stderr).toBe(0);
    const from = fake.calls.length;
    const second = await spawnCli(['fetch', '--source', source, '--ip', '198.51.100.4', ...march], { env });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(recordsOutput(records.alice, records.aliceOld));
    expect(second.stderr).toContain('0 downloaded, 0.0 MB; 3 from the cache');
    expect(fake.calls.slice(from).filter((call) => call.operation === 'GetObject')).toEqual([]);
  });

  it('downloads again an object whose ETag changed since it was cached, and only that one', async () => {
    const env = s3Env(fake.url);
    const key = `${TRAIL_PREFIX}AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/02/111122223333_CloudTrail_us-east-1_20260302T0705Z_b.json.gz`;
    const before = fake.object(BUCKET, key)!.body;
    await spawnCli(['fetch', '--source', source, '--user', 'alice', ...march], { env });
    fake.put(BUCKET, key, gzipSync(`{"Records":[${records.aliceOld}]}`));
    try {
      const from = fake.calls.length;
      const result = await spawnCli(['fetch', '--source', source, '--user', 'alice', ...march], { env });
      expect(result.stdout).toBe(recordsOutput(records.alice, records.aliceByService, records.aliceOld, records.aliceSession));
      expect(fake.calls.slice(from).filter((call) => call.operation === 'GetObject').map((call) => call.key)).toEqual([key]);
      expect(result.stderr).toContain('1 downloaded');
    } finally {
      fake.put(BUCKET, key, before);
    }
  });

  it('starts from an organisation trail’s own folder, listing nothing above it', async () => {
    const from = fake.calls.length;
    const result = await spawnCli(['fetch', '--source', `s3://${BUCKET}/${TRAIL_PREFIX}AWSLogs/o-abc123def4/`, '--ip', '203.0.113.7', '--format', 'ndjson', ...march], { env: s3Env(fake.url) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { raw: string }).raw)).toEqual([records.aliceSession, records.bobSameAddress]);
    const prefixes = fake.calls.slice(from).filter((call) => call.operation === 'ListObjectsV2').map((call) => call.query.prefix ?? '');
    expect(prefixes.filter((prefix) => !prefix.startsWith(`${TRAIL_PREFIX}AWSLogs/o-abc123def4/`))).toEqual([]);
  });

  it('reads every date without a range, never the Digest files', async () => {
    const from = fake.calls.length;
    const result = await spawnCli(['fetch', '--source', `s3://${BUCKET}/${TRAIL_PREFIX}AWSLogs/111122223333/`, '--user', 'alice'], { env: s3Env(fake.url) });
    expect(result.stdout).toBe(recordsOutput(records.aliceJanuary, records.alice, records.aliceByService, records.aliceOld));
    expect(fake.calls.slice(from).filter((call) => call.operation === 'GetObject').map((call) => call.key)).not.toContainEqual(expect.stringContaining('Digest'));
  });
});

describe('fetch --source s3:// writes nothing to AWS (promise 19)', () => {
  it('made only listings and downloads in every run above: no DeleteObjects, no other call', () => {
    expect(fake.calls.length).toBeGreaterThan(0);
    expect(new Set(fake.calls.map((call) => call.operation))).toEqual(new Set(['ListObjectsV2', 'GetObject']));
  });
});

describe('fetch --source s3:// errors', () => {
  it('names a bucket that does not exist (exit 1)', async () => {
    const result = await spawnCli(['fetch', '--source', 's3://no-such-trail-bucket/', '--user', 'alice', ...march], { env: s3Env(fake.url) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The bucket "no-such-trail-bucket" does not exist (S3 NoSuchBucket)');
  });

  it('says which permission a denied listing needs', async () => {
    fake.setOptions({ fault: (call) => (call.operation === 'ListObjectsV2' ? 'AccessDenied' : undefined) });
    try {
      const result = await spawnCli(['fetch', '--source', source, '--user', 'alice', ...march], { env: s3Env(fake.url) });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Profile "environment" may not ListObjectsV2 on s3://${BUCKET} (S3 AccessDenied: Access Denied). It needs s3:ListBucket`);
    } finally {
      fake.setOptions({ fault: () => undefined });
    }
  });

  it('refuses a plain http endpoint that is not loopback, before any request', async () => {
    const from = fake.calls.length;
    const result = await spawnCli(['fetch', '--source', source, '--user', 'alice', ...march], { env: s3Env('http://s3.example.test:9000') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('AWS_ENDPOINT_URL_S3 must be an https URL (plain http is allowed only on 127.0.0.1, localhost or [::1])');
    expect(fake.calls.length).toBe(from);
  });

  it('refuses a malformed s3:// address (exit 2)', async () => {
    const result = await spawnCli(['fetch', '--source', 's3://Bad_Bucket/x', '--user', 'alice'], { env: s3Env(fake.url) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not s3://BUCKET/PREFIX');
  });
});
