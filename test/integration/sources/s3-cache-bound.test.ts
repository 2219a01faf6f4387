import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { cachePathOf, cachedObject, downloadToCache, evictCache, holdCacheFiles, S3_CACHE_MAX_BYTES } from '../../../main/services/sources/s3/s3-cache';
import { openS3 } from '../../../main/services/sources/s3/s3-client';
import type { S3Connection, S3Object } from '../../../main/services/sources/s3/s3-client';
import { downloadObjects } from '../../../main/services/sources/s3/s3-downloads';
import { startFakeS3 } from '../../fakes/s3/fake-s3';
import type { FakeS3 } from '../../fakes/s3/fake-s3';
import { s3Env } from './s3-corpus';

/**
 * The S3 cache is bounded: once a fetch's downloads end, the objects used least recently go until
 * the cache fits, never one of that fetch's or one another fetch holds; what stays is still 0600
 * in 0700 folders. Objects of 1,000 bytes each, against the fake S3 through the real SDK.
 */
const BUCKET = 'trail';
const SIZE = 1000;
let fake: FakeS3;
let s3: S3Connection;
let cacheDir: string;

const key = (name: string) => `AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/01/${name}.json`;
const body = (name: string) => `{"Records":[${JSON.stringify(name)}]}`.padEnd(SIZE, ' ');

beforeEach(async () => {
  const objects: Record<string, string> = {};
  for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) objects[key(name)] = body(name);
  fake = await startFakeS3({ buckets: { [BUCKET]: objects } });
  cacheDir = mkdtempSync(join(tmpdir(), 'trailcase-s3-bound-'));
  s3 = await openS3('environment', { env: s3Env(fake.url, cacheDir), maxAttempts: 2 });
});
afterEach(async () => {
  s3.destroy();
  await fake.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

const object = (name: string): S3Object => ({ key: key(name), size: SIZE, etag: fake.object(BUCKET, key(name))!.etag });
const fileOf = (name: string) => cachePathOf(cacheDir, BUCKET, key(name)).file;
const metaOf = (name: string) => cachePathOf(cacheDir, BUCKET, key(name)).meta;
const cached = (...names: string[]) => names.filter((name) => existsSync(fileOf(name)));
/** What `count` cached objects take, their metas included (every meta of these keys is as long). */
const room = (count: number) => count * (SIZE + statSync(metaOf('a')).size);

/** Downloads `names` as one fetch does, with the cache bounded at `maxBytes`. */
const fetchObjects = (names: string[], maxBytes: number) => downloadObjects(s3, BUCKET, names.map(object), { cacheDir, cacheMaxBytes: maxBytes });

/** Sets an object's last use `minutes` ago (the meta's time, as a hit renews it). */
function usedAgo(name: string, minutes: number) {
  const when = new Date(Date.now() - minutes * 60_000);
  utimesSync(metaOf(name), when, when);
}

describe('the S3 cache bound', () => {
  it('defaults to 2 GiB', () => {
    expect(S3_CACHE_MAX_BYTES).toBe(2 * 1024 ** 3);
  });

  it('after a fetch downloads, removes the objects used least recently until the cache fits', async () => {
    await fetchObjects(['a', 'b', 'c'], 10 * SIZE);
    usedAgo('a', 30);
    usedAgo('b', 10);
    usedAgo('c', 20);
    // Room for three objects: d and e push out a, then c; b was used last.
    const report = await fetchObjects(['d', 'e'], room(3));
    expect(report.downloaded).toBe(2);
    expect(cached('a', 'b', 'c', 'd', 'e')).toEqual(['b', 'd', 'e']);
    expect(existsSync(metaOf('a'))).toBe(false);
  });

  it('renews an object’s last use when a fetch finds it in the cache', async () => {
    await fetchObjects(['a', 'b'], 10 * SIZE);
    usedAgo('a', 30);
    usedAgo('b', 20);
    expect(await cachedObject(cacheDir, BUCKET, object('a'))).not.toBeNull();
    await fetchObjects(['c'], room(2));
    expect(cached('a', 'b', 'c')).toEqual(['a', 'c']);
  });

  it('never removes an object of the fetch that downloaded, even when that fetch alone is over the bound', async () => {
    await fetchObjects(['a'], 10 * SIZE);
    usedAgo('a', 60);
    const report = await fetchObjects(['a', 'b', 'c'], SIZE);
    expect(report.cached).toBe(1);
    expect(cached('a', 'b', 'c')).toEqual(['a', 'b', 'c']);
  });

  it('never removes an object another fetch of this process still holds, until it lets go', async () => {
    await fetchObjects(['a', 'b'], 10 * SIZE);
    usedAgo('a', 30);
    usedAgo('b', 20);
    const release = holdCacheFiles([fileOf('a')]);
    await fetchObjects(['c'], room(2));
    expect(cached('a', 'b', 'c')).toEqual(['a', 'c']);
    // Released twice by mistake: one hold, one release.
    release();
    release();
    await evictCache(cacheDir, { maxBytes: room(1) });
    expect(cached('a', 'b', 'c')).toEqual(['c']);
  });

  it('trims nothing when the fetch downloaded nothing (every object was cached)', async () => {
    await fetchObjects(['a', 'b', 'c'], 10 * SIZE);
    await fetchObjects(['a'], SIZE);
    expect(cached('a', 'b', 'c')).toEqual(['a', 'b', 'c']);
  });

  it('counts a file left without its meta (a run cut after the download) and removes it by its own age', async () => {
    await fetchObjects(['a', 'b'], 10 * SIZE);
    const bound = room(1);
    rmSync(metaOf('a'));
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(fileOf('a'), old, old);
    const report = await evictCache(cacheDir, { maxBytes: bound });
    expect(report.removed).toBe(1);
    expect(cached('a', 'b')).toEqual(['b']);
  });

  it('leaves a download in progress (its .part file) alone', async () => {
    await fetchObjects(['a'], 10 * SIZE);
    const part = join(dirname(fileOf('a')), `.${fileOf('a').split('/').pop()}.abcdef.part`);
    await downloadToCache(s3, cacheDir, BUCKET, object('b'));
    writeFileSync(part, 'x'.repeat(SIZE), { mode: 0o600 });
    const report = await evictCache(cacheDir, { maxBytes: 0 });
    expect(report).toMatchObject({ removed: 2, bytes: 0 });
    expect(existsSync(part)).toBe(true);
  });

  it('keeps what stays private: files 0600, folders 0700', async () => {
    await fetchObjects(['a', 'b'], 10 * SIZE);
    usedAgo('a', 20);
    usedAgo('b', 10);
    await fetchObjects(['c', 'd'], room(3));
    expect(cached('a', 'b', 'c', 'd')).toEqual(['b', 'c', 'd']);
    const root = join(cacheDir, 's3-objects');
    expect(statSync(root).mode & 0o777).toBe(0o700);
    for (const shard of readdirSync(root)) {
      expect(statSync(join(root, shard)).mode & 0o777).toBe(0o700);
      for (const name of readdirSync(join(root, shard))) expect(statSync(join(root, shard, name)).mode & 0o777).toBe(0o600);
    }
  });
});
