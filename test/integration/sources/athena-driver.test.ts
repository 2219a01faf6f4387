import { gzipSync } from 'node:zlib';

import { afterEach, describe, expect, it } from 'vitest';

import type { SourceJob, SourceUnit } from '../../../main/services/fetch/source-driver';
import { openAthenaDriver } from '../../../main/services/sources/athena/athena-driver';
import { startFakeAthena } from '../../fakes/athena/fake-athena';
import type { FakeAthena } from '../../fakes/athena/fake-athena';
import { athenaRecords, athenaTableDdl, athenaTrail, trailObjectKeys } from '../../fakes/athena/fake-athena-fixtures';
import { startFakeS3 } from '../../fakes/s3/fake-s3';
import type { FakeS3 } from '../../fakes/s3/fake-s3';

/** The app's Athena driver, as the fetch manager runs it, against the fake Athena and fake S3. */
let athena: FakeAthena;
let s3: FakeS3;
afterEach(async () => {
  await athena.close();
  await s3.close();
});

async function driver() {
  const objects = Object.fromEntries(Object.entries(trailObjectKeys()).map(([day, texts]) => [`AWSLogs/111122223333/CloudTrail/us-east-1/${day}/a.json.gz`, gzipSync(texts.join(','))]));
  s3 = await startFakeS3({ buckets: { 'trail-bucket': objects } });
  athena = await startFakeAthena({ trails: athenaTrail(), tables: [athenaTableDdl()], workgroups: { primary: { outputLocation: 's3://results/' } } });
  const env = { AWS_ACCESS_KEY_ID: 'AKIAFAKEDRIVER000001', AWS_SECRET_ACCESS_KEY: 'x', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_ATHENA: athena.url, AWS_ENDPOINT_URL_S3: s3.url };
  const credentials = { get: () => Promise.resolve({ accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY }) };
  return openAthenaDriver({ kind: 'athena', database: 'default', table: 'cloudtrail_logs' }, 'environment', { env, credentials });
}

function job(resume: Record<string, string> = {}) {
  const units: SourceUnit[] = [];
  const phases: (string | null)[] = [];
  const kept: Record<string, string> = { ...resume };
  const value: SourceJob = {
    query: {} as SourceJob['query'],
    filter: { kind: 'user', userName: 'alice' },
    start: Date.parse('2026-03-01T00:00:00Z'),
    end: Date.parse('2026-03-03T00:00:00Z'),
    regions: [],
    signal: new AbortController().signal,
    done: new Set(),
    resume,
    setResume: (key, text) => (kept[key] = text),
    onFound: () => {},
    onUnit: (unit) => units.push(unit),
    onPhase: (phase) => phases.push(phase),
  };
  return { value, units, phases, kept };
}

describe("the app's Athena driver", () => {
  it('stores each page as a unit, keeps the query id for Resume, and Resume reads it again without a query', async () => {
    const opened = await driver();
    const first = job();
    await opened.run(first.value);
    expect(first.units.flatMap((unit) => unit.events.map((event) => JSON.parse(event.raw) as unknown))).toEqual([athenaRecords.alice, athenaRecords.aliceByService, athenaRecords.aliceOld, athenaRecords.aliceSession]);
    expect(first.units.map((unit) => [unit.name, unit.resumable])).toEqual([['page 1', false]]);
    expect(first.phases).toEqual(expect.arrayContaining(['estimating the scan', 'query succeeded', null]));
    const again = job({ queryId: first.kept.queryId! });
    await opened.run(again.value);
    expect(again.units.flatMap((unit) => unit.events)).toEqual(first.units.flatMap((unit) => unit.events));
    expect(athena.calls.filter((call) => call.action === 'StartQueryExecution')).toHaveLength(1);
    expect(athena.unboundedQueries()).toEqual([]);
    opened.close?.();
  });
});
