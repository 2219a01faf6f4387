import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { awsCliRunner, hasAwsCli } from '../../support/aws-cli';
import { startFakeS3 } from '../../fakes/s3/fake-s3';
import type { FakeS3 } from '../../fakes/s3/fake-s3';

let fake: FakeS3;
let home: string;

/** The AWS CLI (botocore) is an independent client of S3's REST/XML: what it reads, the SDK reads (test/support/aws-cli.ts). */
const { aws, awsJson } = awsCliRunner('s3api', () => ({ endpoint: fake.url, home }));

const day = 'AWSLogs/o-abc123def4/111122223333/CloudTrail/us-east-1/2026/03/01/';

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'trailcase-s3-cli-'));
  const objects: Record<string, string> = { 'AWSLogs/o-abc123def4/111122223333/CloudTrail-Digest/us-east-1/2026/03/01/d.json.gz': 'digest' };
  for (const name of ['a', 'b', 'c', 'd', 'e']) objects[`${day}${name} &+%.json.gz`] = `body of ${name}`;
  for (const region of ['eu-west-1', 'us-west-2']) objects[`AWSLogs/o-abc123def4/111122223333/CloudTrail/${region}/2026/03/01/x.json.gz`] = region;
  fake = await startFakeS3({ buckets: { trail: objects } });
});
afterEach(async () => {
  await fake.close();
  rmSync(home, { recursive: true, force: true });
});

describe.skipIf(!hasAwsCli)('the fake S3, checked with the AWS CLI (skipped: `aws` is not installed; .ci/run installs awscli)', () => {
  test('list-objects-v2 with a delimiter gives the folders as CommonPrefixes', async () => {
    const answer = await awsJson<{ CommonPrefixes: { Prefix: string }[]; Contents?: unknown }>([
      'list-objects-v2', '--bucket', 'trail', '--prefix', 'AWSLogs/o-abc123def4/111122223333/CloudTrail/', '--delimiter', '/',
    ]);
    expect(answer.CommonPrefixes.map((common) => common.Prefix)).toEqual(['eu-west-1', 'us-east-1', 'us-west-2'].map((region) => `AWSLogs/o-abc123def4/111122223333/CloudTrail/${region}/`));
    expect(answer.Contents).toBeUndefined();
    // botocore asks for url-encoded keys and decodes them: the fake encodes what it was asked to.
    expect(fake.calls.at(-1)?.query['encoding-type']).toBe('url');
  });

  test('pages follow the continuation token: the CLI gathers every page, keys with spaces, & + % intact', async () => {
    const answer = await awsJson<{ Contents: { Key: string; Size: number; ETag: string }[] }>(['list-objects-v2', '--bucket', 'trail', '--prefix', day, '--page-size', '2']);
    expect(answer.Contents.map((object) => object.Key)).toEqual(['a', 'b', 'c', 'd', 'e'].map((name) => `${day}${name} &+%.json.gz`));
    expect(answer.Contents[0]).toMatchObject({ Size: 9, ETag: fake.object('trail', `${day}a &+%.json.gz`)!.etag });
    const pages = fake.calls.filter((call) => call.operation === 'ListObjectsV2');
    expect(pages.map((call) => call.query['max-keys'])).toEqual(['2', '2', '2']);
    expect(pages.map((call) => call.query['continuation-token'] !== undefined)).toEqual([false, true, true]);
  });

  test('start-after skips to the keys after it', async () => {
    const answer = await awsJson<{ Contents: { Key: string }[] }>(['list-objects-v2', '--bucket', 'trail', '--prefix', day, '--start-after', `${day}c &+%.json.gz`]);
    expect(answer.Contents.map((object) => object.Key)).toEqual([`${day}d &+%.json.gz`, `${day}e &+%.json.gz`]);
  });

  test('get-object writes the body and reports its ETag and length; a Range gives a part', async () => {
    const out = join(home, 'object');
    const answer = await awsJson<{ ETag: string; ContentLength: number }>(['get-object', '--bucket', 'trail', '--key', `${day}b &+%.json.gz`, out]);
    expect(readFileSync(out, 'utf8')).toBe('body of b');
    expect(answer).toMatchObject({ ETag: fake.object('trail', `${day}b &+%.json.gz`)!.etag, ContentLength: 9 });
    const part = await awsJson<{ ContentRange: string }>(['get-object', '--bucket', 'trail', '--key', `${day}b &+%.json.gz`, '--range', 'bytes=0-3', out]);
    expect(readFileSync(out, 'utf8')).toBe('body');
    expect(part.ContentRange).toBe('bytes 0-3/9');
  });

  test('errors come as S3 sends them: NoSuchKey, NoSuchBucket, AccessDenied, SlowDown', async () => {
    const missing = await aws(['get-object', '--bucket', 'trail', '--key', 'nope', join(home, 'x')]);
    expect(missing.stderr).toContain('(NoSuchKey) when calling the GetObject operation: The specified key does not exist.');
    const bucket = await aws(['list-objects-v2', '--bucket', 'no-such-bucket']);
    expect(bucket.stderr).toContain('(NoSuchBucket) when calling the ListObjectsV2 operation: The specified bucket does not exist');
    fake.setOptions({ fault: () => 'AccessDenied' });
    const denied = await aws(['list-objects-v2', '--bucket', 'trail']);
    expect(denied.stderr).toContain('(AccessDenied) when calling the ListObjectsV2 operation: Access Denied');
    fake.setOptions({ fault: () => 'SlowDown' });
    const slow = await aws(['head-object', '--bucket', 'trail', '--key', `${day}a &+%.json.gz`], { AWS_MAX_ATTEMPTS: '2' });
    expect(slow.code).not.toBe(0);
    // botocore retries SlowDown as throttling before it gives up.
    expect(fake.calls.filter((call) => call.code === 'SlowDown')).toHaveLength(2);
  });

  test('delete-objects removes the keys (the CLI sends its checksum header) and lists the deleted', async () => {
    const keys = [`${day}a &+%.json.gz`, `${day}b &+%.json.gz`, 'never-there'];
    const answer = await awsJson<{ Deleted: { Key: string }[] }>(['delete-objects', '--bucket', 'trail', '--delete', JSON.stringify({ Objects: keys.map((Key) => ({ Key })) })]);
    expect(answer.Deleted.map((item) => item.Key)).toEqual(keys);
    expect(fake.keys('trail').filter((key) => key.startsWith(day))).toEqual(['c', 'd', 'e'].map((name) => `${day}${name} &+%.json.gz`));
  });
});
