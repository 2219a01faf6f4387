import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { deleteObjects, downloadObject, listObjects, listPrefixes, openS3 } from '../../../main/services/sources/s3/s3-client';
import type { S3Connection } from '../../../main/services/sources/s3/s3-client';
import { startFakeS3 } from '../../fakes/s3/fake-s3';
import type { FakeS3 } from '../../fakes/s3/fake-s3';
import { s3Env } from './s3-corpus';

/** The S3 module through the real SDK against the fake: paging, delimiters, downloads, deletes, errors. */
let fake: FakeS3;
let s3: S3Connection;
beforeEach(async () => {
  const objects: Record<string, string> = {};
  for (let index = 0; index < 2500; index += 1) objects[`logs/${String(index).padStart(5, '0')}.json`] = `{"Records":[${index}]}`;
  for (const region of ['eu-west-1', 'us-east-1', 'us-west-2']) objects[`AWSLogs/111122223333/CloudTrail/${region}/2026/03/01/a.json.gz`] = region;
  fake = await startFakeS3({ buckets: { trail: objects } });
  s3 = await openS3('environment', { env: s3Env(fake.url), maxAttempts: 3 });
});
afterEach(async () => {
  s3.destroy();
  await fake.close();
});

const collect = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

describe('the S3 client', () => {
  it('lists every object page after page (1,000 a page, ContinuationToken), with sizes and ETags', async () => {
    const objects = await collect(listObjects(s3, 'trail', 'logs/'));
    expect(objects).toHaveLength(2500);
    expect(objects[2499]).toEqual({ key: 'logs/02499.json', size: 18, etag: fake.object('trail', 'logs/02499.json')!.etag });
    const lists = fake.calls.filter((call) => call.operation === 'ListObjectsV2');
    expect(lists.map((call) => call.query['continuation-token'] === undefined)).toEqual([true, false, false]);
    expect(lists.every((call) => call.query['max-keys'] === '1000' && call.query.prefix === 'logs/')).toBe(true);
  });

  it('lists the folders one level down with a delimiter', async () => {
    expect(await listPrefixes(s3, 'trail', 'AWSLogs/111122223333/CloudTrail/')).toEqual([
      'AWSLogs/111122223333/CloudTrail/eu-west-1/',
      'AWSLogs/111122223333/CloudTrail/us-east-1/',
      'AWSLogs/111122223333/CloudTrail/us-west-2/',
    ]);
  });

  it('downloads an object to a 0600 file in a 0700 folder', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'trailcase-s3-dl-')), 'objects');
    const path = join(folder, 'one.json');
    const got = await downloadObject(s3, 'trail', 'logs/00007.json', path);
    expect(got).toEqual({ bytes: 15, etag: fake.object('trail', 'logs/00007.json')!.etag });
    expect(readFileSync(path, 'utf8')).toBe('{"Records":[7]}');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });

  it('deletes 1,000 keys a call and reports the keys S3 refused', async () => {
    fake.setOptions({ refuseDelete: (key) => key === 'logs/01500.json' });
    const keys = fake.keys('trail').filter((key) => key.startsWith('logs/'));
    const result = await deleteObjects(s3, 'trail', keys);
    expect(fake.calls.filter((call) => call.operation === 'DeleteObjects').map((call) => call.deleted?.length)).toEqual([1000, 999, 500]);
    expect(result.deleted).toHaveLength(2499);
    expect(result.errors).toEqual([{ key: 'logs/01500.json', code: 'AccessDenied', message: 'Access Denied' }]);
    expect(fake.keys('trail').filter((key) => key.startsWith('logs/'))).toEqual(['logs/01500.json']);
  });

  it('backs off and retries when S3 says SlowDown (503)', async () => {
    let slowDowns = 2;
    fake.setOptions({ fault: (call) => (call.operation === 'ListObjectsV2' && slowDowns-- > 0 ? 'SlowDown' : undefined) });
    const folders = await listPrefixes(s3, 'trail', 'AWSLogs/');
    expect(folders).toEqual(['AWSLogs/111122223333/']);
    const lists = fake.calls.filter((call) => call.operation === 'ListObjectsV2');
    expect(lists.map((call) => call.code ?? call.status)).toEqual(['SlowDown', 'SlowDown', 200]);
  });

  it('says what to do about throttling that outlasts the retries, expired credentials, a missing object', async () => {
    fake.setOptions({ fault: () => 'SlowDown' });
    await expect(listPrefixes(s3, 'trail', 'AWSLogs/')).rejects.toMatchObject({ code: 'THROTTLED', message: expect.stringContaining('S3 kept asking to slow down (SlowDown)') });
    fake.setOptions({ fault: () => 'ExpiredToken' });
    await expect(listPrefixes(s3, 'trail', 'AWSLogs/')).rejects.toMatchObject({ code: 'CREDENTIALS_EXPIRED', message: 'The credentials of profile "environment" have expired. Refresh them, then Retry.' });
    fake.setOptions({ fault: () => undefined });
    const path = join(mkdtempSync(join(tmpdir(), 'trailcase-s3-dl-')), 'gone.json');
    await expect(downloadObject(s3, 'trail', 'logs/nope.json', path)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('s3://trail/logs/nope.json is no longer in the bucket (S3 NoSuchKey)') });
  });

  it('stops at once when cancelled: no request leaves after the abort', async () => {
    const stop = new AbortController();
    stop.abort();
    await expect(collect(listObjects(s3, 'trail', 'logs/', stop.signal))).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fake.calls).toEqual([]);
  });
});
