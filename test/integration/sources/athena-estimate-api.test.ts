import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startFakeAthena } from '../../fakes/athena/fake-athena';
import type { FakeAthena } from '../../fakes/athena/fake-athena';
import { athenaTableDdl, athenaTrail } from '../../fakes/athena/fake-athena-fixtures';
import { startFakeS3 } from '../../fakes/s3/fake-s3';
import type { FakeS3 } from '../../fakes/s3/fake-s3';
import { athenaTestHost, trailBucketObjects } from '../../support/athena-host';

/** estimateAthenaScan through the host's dispatcher (what Electron's IPC and the web host call): inputs validated by the contract. */
let dir: string;
let athena: FakeAthena;
let s3: FakeS3;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trailcase-athena-api-'));
  const objects = trailBucketObjects();
  s3 = await startFakeS3({ buckets: { 'trail-bucket': objects } });
  athena = await startFakeAthena({ trails: athenaTrail(), tables: [athenaTableDdl()] });
});
afterEach(async () => {
  await athena.close();
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

function host() {
  return athenaTestHost(dir, { athena: athena.url, s3: s3.url }, 'AKIAFAKEESTIMATE0001');
}

const query = {
  profile: 'environment',
  regions: [],
  identity: { kind: 'user', userName: 'alice' },
  start: '2026-03-01T00:00:00Z',
  end: '2026-03-03T00:00:00Z',
  source: { kind: 'athena', database: 'default', table: 'cloudtrail_logs' },
};

describe('estimateAthenaScan through the host', () => {
  it('answers the scan of the query’s partitions, and runs nothing in Athena', async () => {
    const { dispatch } = host();
    const answer = await dispatch('estimateAthenaScan', query);
    expect(answer).toMatchObject({ ok: true, data: { days: 4, objects: 2, billedBytes: 10 * 2 ** 20 } });
    expect(athena.calls.map((call) => call.action)).toEqual(['GetTableMetadata']);
  });

  it('refuses what the contract refuses, and a source other than Athena, before any call', async () => {
    const { dispatch } = host();
    expect(await dispatch('estimateAthenaScan', { ...query, source: { ...query.source, maxCostUsd: -1 } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await dispatch('estimateAthenaScan', { ...query, source: { ...query.source, table: 'x"; DROP' } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await dispatch('estimateAthenaScan', { ...query, source: { kind: 'files', path: '/tmp' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'Only an Athena source has a scan to estimate.' },
    });
    expect(athena.calls).toEqual([]);
    expect(s3.calls).toEqual([]);
  });

  it('names a missing table and what to do', async () => {
    const { dispatch } = host();
    expect(await dispatch('estimateAthenaScan', { ...query, source: { ...query.source, table: 'nothing_here' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/no table default\.nothing_here .*--athena-create-table/) },
    });
  });
});
