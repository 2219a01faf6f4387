import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCredentialCache } from '../../../main/services/aws/credentials';
import type { SourceJob, SourceUnit } from '../../../main/services/fetch/source-driver';
import { openS3Driver } from '../../../main/services/sources/s3/s3-driver';
import type { S3DriverDeps } from '../../../main/services/sources/s3/s3-driver';
import { startFakeS3 } from '../../fakes/s3/fake-s3';
import type { FakeS3 } from '../../fakes/s3/fake-s3';
import { records } from './log-corpus';
import { BUCKET, s3Env, TRAIL_PREFIX, trailObjects } from './s3-corpus';

/** The app's S3 driver, as the fetch manager runs it: units are objects, stored one by one, and Resume skips them. */
let fake: FakeS3;
let deps: S3DriverDeps;
beforeAll(async () => {
  fake = await startFakeS3({ buckets: { [BUCKET]: trailObjects() } });
  const env = s3Env(fake.url);
  const askMfaCode = () => Promise.reject(new Error('no MFA here'));
  deps = { env, credentials: createCredentialCache({ env, askMfaCode }), askMfaCode, cacheDir: env.TRAILCASE_CACHE_DIR! };
});
afterAll(() => fake.close());

function job(done: ReadonlySet<string>, signal = new AbortController().signal) {
  const units: SourceUnit[] = [];
  const found: { units: number; bytes: number | null }[] = [];
  const value: SourceJob = {
    query: { profile: 'environment', regions: [], identity: { kind: 'user', userName: 'alice' }, start: '2026-03-01T00:00:00Z', end: '2026-03-03T00:00:00Z', followSessions: false, source: { kind: 's3', url: `s3://${BUCKET}/${TRAIL_PREFIX}` } },
    filter: { kind: 'user', userName: 'alice' },
    start: Date.parse('2026-03-01T00:00:00Z'),
    end: Date.parse('2026-03-03T00:00:00Z'),
    regions: [],
    signal,
    done,
    resume: {},
    setResume: () => {},
    onFound: (totals) => found.push(totals),
    onUnit: (unit) => units.push(unit),
    onPhase: () => {},
  };
  return { value, units, found };
}

describe('the app’s S3 source driver', () => {
  it('stores each object as a unit named by its s3:// address, with its records exactly', async () => {
    const driver = await openS3Driver(`s3://${BUCKET}/${TRAIL_PREFIX}`, 'environment', deps);
    const first = job(new Set());
    await driver.run(first.value);
    driver.close?.();
    expect(driver).toMatchObject({ kind: 's3', unit: 'objects' });
    expect(first.found).toEqual([{ units: 3, bytes: expect.any(Number) }]);
    expect(first.units.map((unit) => unit.name).sort()).toEqual(
      [
        'AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/01/111122223333_CloudTrail_us-east-1_20260301T1005Z_a.json.gz',
        'AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/02/111122223333_CloudTrail_us-east-1_20260302T0705Z_b.json.gz',
        'AWSLogs/o-abc123def4/222233334444/CloudTrail/eu-west-1/2026/03/02/222233334444_CloudTrail_eu-west-1_20260302T0905Z_c.json.gz',
      ].map((key) => `s3://${BUCKET}/${TRAIL_PREFIX}${key}`),
    );
    const raws = first.units.flatMap((unit) => unit.events.map((event) => event.raw));
    expect(raws.sort()).toEqual([records.alice, records.aliceByService, records.alice, records.aliceOld, records.aliceSession].sort());
  });

  it('on Resume reads only the objects not stored yet, and downloads none it already has', async () => {
    const driver = await openS3Driver(`s3://${BUCKET}/${TRAIL_PREFIX}`, 'environment', deps);
    const first = job(new Set());
    await driver.run(first.value);
    const stored = new Set(first.units.slice(0, 2).map((unit) => unit.name));
    const from = fake.calls.length;
    const resumed = job(stored);
    await driver.run(resumed.value);
    driver.close?.();
    expect(resumed.found).toEqual([{ units: 1, bytes: expect.any(Number) }]);
    expect(resumed.units.map((unit) => unit.name)).toEqual(first.units.slice(2).map((unit) => unit.name));
    expect(fake.calls.slice(from).filter((call) => call.operation === 'GetObject')).toEqual([]);
  });

  it('fails to open on a bad address or missing credentials, before any request', async () => {
    const from = fake.calls.length;
    await expect(openS3Driver('s3://Bad_Bucket/', 'environment', deps)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(openS3Driver(`s3://${BUCKET}/`, 'nowhere', { ...deps, env: { ...deps.env, AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials' } })).rejects.toMatchObject({
      code: 'PROFILE_NOT_FOUND',
    });
    expect(fake.calls.length).toBe(from);
  });
});
