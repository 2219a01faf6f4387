import { gzipSync } from 'node:zlib';

import { afterEach, describe, expect, it } from 'vitest';

import { isApiError } from '../../../shared/api/errors';
import type { FetchQuery, FetchSource } from '../../../shared/api/fetch-contract';
import type { SourceJob } from '../../../main/services/fetch/source-driver';
import { openAthenaDriver } from '../../../main/services/sources/athena/athena-driver';
import { estimateAthenaScan } from '../../../main/services/sources/athena/athena-estimate';
import { costOf } from '../../../main/services/sources/athena/cost-estimate';
import { startFakeAthena } from '../../fakes/athena/fake-athena';
import type { FakeAthena } from '../../fakes/athena/fake-athena';
import { athenaTableDdl, athenaTrail, trailObjectKeys } from '../../fakes/athena/fake-athena-fixtures';
import { startFakeS3 } from '../../fakes/s3/fake-s3';
import type { FakeS3 } from '../../fakes/s3/fake-s3';
import type { FaultName } from '../../fakes/s3/fake-s3-xml';

/** The app's confirmation of a costly Athena scan: the estimate first, then a query only once accepted. */
let athena: FakeAthena;
let s3: FakeS3;
afterEach(async () => {
  await athena.close();
  await s3.close();
});

const start = '2026-03-01T00:00:00Z';
const end = '2026-03-03T00:00:00Z';
const source = { kind: 'athena', database: 'default', table: 'cloudtrail_logs' } as const;

async function setUp(fault?: FaultName) {
  const objects = Object.fromEntries(Object.entries(trailObjectKeys()).map(([day, texts]) => [`AWSLogs/111122223333/CloudTrail/us-east-1/${day}/a.json.gz`, gzipSync(texts.join(','))]));
  s3 = await startFakeS3({ buckets: { 'trail-bucket': objects }, ...(fault ? { fault: (call) => (call.operation === 'ListObjectsV2' ? fault : undefined) } : {}) });
  athena = await startFakeAthena({ trails: athenaTrail(), tables: [athenaTableDdl()], workgroups: { primary: { outputLocation: 's3://results/' } } });
  const env = { AWS_ACCESS_KEY_ID: 'AKIAFAKEDRIVER000001', AWS_SECRET_ACCESS_KEY: 'x', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_ATHENA: athena.url, AWS_ENDPOINT_URL_S3: s3.url };
  const credentials = { get: () => Promise.resolve({ accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY }) };
  return { env, credentials };
}

const query = (athenaSource: Extract<FetchSource, { kind: 'athena' }> = source): FetchQuery => ({
  profile: 'environment',
  regions: [],
  identity: { kind: 'user', userName: 'alice' },
  start,
  end,
  followSessions: true,
  source: athenaSource,
});

function job(): { value: SourceJob; events: () => number } {
  let events = 0;
  const value: SourceJob = {
    query: query(),
    filter: { kind: 'user', userName: 'alice' },
    start: Date.parse(start),
    end: Date.parse(end),
    regions: [],
    signal: new AbortController().signal,
    done: new Set(),
    resume: {},
    setResume: () => {},
    onFound: () => {},
    onUnit: (unit) => (events += unit.events.length),
    onPhase: () => {},
  };
  return { value, events: () => events };
}

async function run(deps: Awaited<ReturnType<typeof setUp>>, athenaSource: Extract<FetchSource, { kind: 'athena' }>) {
  const driver = await openAthenaDriver(athenaSource, 'environment', deps);
  const started = job();
  try {
    await driver.run(started.value);
    return { error: null, events: started.events() };
  } catch (error) {
    return { error, events: started.events() };
  } finally {
    driver.close?.();
  }
}

const starts = () => athena.calls.filter((call) => call.action === 'StartQueryExecution').length;

describe('the Athena scan estimate and its confirmation in the app', () => {
  it('estimates from the partitions’ objects in S3 without running anything in Athena', async () => {
    const deps = await setUp();
    const estimate = await estimateAthenaScan(query(), deps);
    const listed = s3.calls.filter((call) => call.operation === 'ListObjectsV2');
    expect(estimate.days).toBe(4); // 1 to 3 March, and the next day's folder (records filed after midnight)
    expect(listed).toHaveLength(4);
    expect(estimate.objects).toBeGreaterThan(0);
    expect(estimate.bytes).toBeGreaterThan(0);
    expect({ billedBytes: estimate.billedBytes, usd: estimate.usd }).toEqual(costOf(estimate.bytes));
    expect(starts()).toBe(0);
  });

  it('refuses a query above the threshold that was not confirmed, saying the estimate, and starts no query', async () => {
    const deps = await setUp();
    const result = await run(deps, { ...source, maxCostUsd: 0 });
    expect(isApiError(result.error) && result.error.code).toBe('BAD_INPUT');
    expect((result.error as Error).message).toMatch(/would scan [\d.]+ MB \(billed 10\.0 MB\): \$0\.000048, above your threshold of \$0\.00, so it was not run/);
    expect(starts()).toBe(0);
    expect(result.events).toBe(0);
  });

  it('runs it once the analyst confirmed the estimate, and refuses when it grew more than 10% past it', async () => {
    const deps = await setUp();
    const { usd } = await estimateAthenaScan(query(), deps);
    const grown = await run(deps, { ...source, maxCostUsd: 0, confirmedUsd: usd / 1.2 });
    expect((grown.error as Error).message).toMatch(/more than 10% above the \$0\.000040 you accepted/);
    expect(starts()).toBe(0);
    const confirmed = await run(deps, { ...source, maxCostUsd: 0, confirmedUsd: usd });
    expect(confirmed.error).toBeNull();
    expect(confirmed.events).toBe(4);
    expect(starts()).toBe(1);
  });

  it('runs without asking at or below the threshold (the default $1.00 included)', async () => {
    const deps = await setUp();
    expect((await run(deps, source)).error).toBeNull();
    expect((await run(deps, { ...source, maxCostUsd: 0.01 })).error).toBeNull();
    expect(starts()).toBe(2);
  });

  it('says what to do when the profile may not list the bucket', async () => {
    const deps = await setUp('AccessDenied');
    const refused = await estimateAthenaScan(query(), deps).catch((error: unknown) => error);
    expect(isApiError(refused) && refused.code).toBe('ACCESS_DENIED');
    expect((refused as Error).message).toMatch(/^The scan could not be estimated, so the query was not run\. .*s3:ListBucket/);
    expect(starts()).toBe(0);
  });
});
