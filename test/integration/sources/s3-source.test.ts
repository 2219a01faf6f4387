import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { fetchS3Logs } from '../../../main/services/sources/s3/s3-source';
import type { S3Progress } from '../../../main/services/sources/s3/s3-source';
import { startFakeS3 } from '../../fakes/s3/fake-s3';
import type { FakeS3 } from '../../fakes/s3/fake-s3';
import { manyObjects, s3Env } from './s3-corpus';

/** The S3 source function itself: its progress, and a download failure that keeps what arrived. */
let fake: FakeS3;
beforeEach(async () => {
  fake = await startFakeS3({ buckets: { trail: manyObjects(10) } });
});
afterEach(() => fake.close());

const query = { filter: { kind: 'user' as const, userName: 'alice' }, start: Date.parse('2026-03-01T00:00:00Z'), end: Date.parse('2026-03-01T23:00:00Z'), regions: ['us-east-1'] };

function options(extra: { maxAttempts?: number; onProgress?: (progress: S3Progress) => void } = {}) {
  const env = s3Env(fake.url);
  return { profile: 'environment', env, cacheDir: env.TRAILCASE_CACHE_DIR!, ...extra };
}

describe('fetchS3Logs', () => {
  it('reports objects listed, then downloaded with their bytes, then the engine’s files and events', async () => {
    const seen: S3Progress[] = [];
    const result = await fetchS3Logs('s3://trail/', query, options({ onProgress: (progress) => seen.push(progress) }));
    expect(result).toMatchObject({ objects: 10, downloaded: 10, cached: 0, error: null, cancelled: false, files: 10 });
    expect(result.events).toHaveLength(10);
    const phases = seen.map((progress) => progress.phase).filter((phase, index, all) => phase !== all[index - 1]);
    expect(phases).toEqual(['listing', 'downloading', 'reading']);
    const size = fake.keys('trail').reduce((sum, key) => sum + fake.object('trail', key)!.body.length, 0);
    expect(seen.find((progress) => progress.phase === 'listing' && progress.objects === 10)).toMatchObject({ bytes: size });
    expect(seen.filter((progress) => progress.phase === 'downloading').at(-1)).toEqual({ phase: 'downloading', objects: 10, objectsDone: 10, cached: 0, bytes: size, bytesDone: size });
    expect(seen.at(-1)).toMatchObject({ phase: 'reading', filesDone: 10, files: 10, events: 10 });
  });

  it('stops downloading when S3 keeps throttling, still reads the objects that arrived, and says so', async () => {
    let gets = 0;
    fake.setOptions({ fault: (call) => (call.operation === 'GetObject' && ++gets > 2 ? 'SlowDown' : undefined) });
    const result = await fetchS3Logs('s3://trail/', query, options({ maxAttempts: 2 }));
    expect(result.error).toMatchObject({ code: 'THROTTLED' });
    expect(result.downloaded).toBe(2);
    expect(result.events).toHaveLength(2);
    // No download starts after the failure: the slots in flight were the last.
    expect(fake.calls.filter((call) => call.operation === 'GetObject').length).toBeLessThanOrEqual(2 + 2 * 6);
  });

  it('reads a prefix outside the trail layout whole, as a flat folder', async () => {
    const [first, second] = fake.keys('trail');
    fake.put('trail', `exports/case-42/${first!.split('/').at(-1)}`, fake.object('trail', first!)!.body);
    fake.put('trail', `exports/case-42/notes.txt`, 'not a log file');
    fake.put('trail', `exports/other/${second!.split('/').at(-1)}`, fake.object('trail', second!)!.body);
    const result = await fetchS3Logs('s3://trail/exports/case-42', { ...query, regions: [] }, options());
    expect(result).toMatchObject({ objects: 1, downloaded: 1, error: null });
    expect(result.events.map((event) => event.raw)).toHaveLength(1);
  });

  it('names an object removed after the listing, and reads the others', async () => {
    const gone = fake.keys('trail')[3]!;
    // Removed just before its GetObject is answered, as a lifecycle rule could between list and get.
    fake.setOptions({ onRequest: (call) => void (call.operation === 'GetObject' && call.key === gone && fake.remove('trail', gone)) });
    const result = await fetchS3Logs('s3://trail/', query, options());
    expect(result.failed).toEqual([{ path: `s3://trail/${gone}`, message: `s3://trail/${gone} is no longer in the bucket (S3 NoSuchKey): it was removed after the listing. Run the fetch again.` }]);
    expect(result.events).toHaveLength(9);
    expect(result.error).toBeNull();
  });
});
