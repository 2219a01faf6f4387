import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { cloudtrailTableDdl } from '../../../main/services/sources/athena/cloudtrail-table';
import { startFakeAthena } from '../../fakes/athena/fake-athena';
import type { FakeAthena, FakeAthenaOptions } from '../../fakes/athena/fake-athena';
import { athenaTableDdl, athenaTrail, TRAIL_LOCATION } from '../../fakes/athena/fake-athena-fixtures';
import { startFakeS3 } from '../../fakes/s3/fake-s3';
import type { FakeS3 } from '../../fakes/s3/fake-s3';
import { athenaTestHost, trailBucketObjects } from '../../support/athena-host';

/** createAthenaTable and athenaTableDdl through the host's dispatcher (what Electron's IPC and the web host call), against the fake Athena. */
let dir: string;
let athena: FakeAthena;
let s3: FakeS3;

async function start(options: FakeAthenaOptions = {}) {
  dir = mkdtempSync(join(tmpdir(), 'trailcase-athena-create-'));
  const objects = trailBucketObjects();
  s3 = await startFakeS3({ buckets: { 'trail-bucket': objects } });
  athena = await startFakeAthena({ trails: athenaTrail(), workgroups: { primary: { outputLocation: 's3://results/' } }, ...options });
  return athenaTestHost(dir, { athena: athena.url, s3: s3.url }, 'AKIAFAKECREATE000001');
}
afterEach(async () => {
  await athena.close();
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

const request = { profile: 'environment', database: 'default', table: 'cloudtrail_logs', location: TRAIL_LOCATION, confirmation: 'default.cloudtrail_logs' };
const ddlRuns = () => [...athena.executions.values()].filter((execution) => execution.statementType === 'DDL');

describe('createAthenaTable through the host', () => {
  it('shows the CLI’s exact DDL first, without calling Athena', async () => {
    const { dispatch } = await start();
    expect(await dispatch('athenaTableDdl', { database: 'default', table: 'cloudtrail_logs', location: TRAIL_LOCATION })).toEqual({
      ok: true,
      data: { ddl: cloudtrailTableDdl({ database: 'default', table: 'cloudtrail_logs', location: TRAIL_LOCATION }) },
    });
    expect(athena.calls).toEqual([]);
  });

  it('creates the documented table once, and the estimate then reads it', async () => {
    const { dispatch } = await start();
    const query = {
      profile: 'environment',
      regions: [],
      identity: { kind: 'user', userName: 'alice' },
      start: '2026-03-01T00:00:00Z',
      end: '2026-03-03T00:00:00Z',
      source: { kind: 'athena', database: 'default', table: 'cloudtrail_logs' },
    };
    // Before: the estimate says the table is missing, naming the field the app offers Create table… for.
    expect(await dispatch('estimateAthenaScan', query)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: { 'source.table': 'missing' } } });
    const created = await dispatch('createAthenaTable', request);
    expect(created).toMatchObject({ ok: true, data: { table: 'default.cloudtrail_logs', queryId: expect.any(String) } });
    expect(ddlRuns().map((execution) => execution.sql)).toEqual([athenaTableDdl()]);
    expect(athena.tables.has('default.cloudtrail_logs')).toBe(true);
    expect(await dispatch('estimateAthenaScan', query)).toMatchObject({ ok: true, data: { days: 4, objects: 2 } });
  });

  it('runs one DDL when the request comes twice at once (a double click)', async () => {
    const { dispatch } = await start();
    const answers = await Promise.all([dispatch('createAthenaTable', request), dispatch('createAthenaTable', request)]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.find((answer) => !answer.ok)).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringMatching(/already being created/) } });
    expect(ddlRuns()).toHaveLength(1);
  });

  it('refuses a location that is not a trail’s region folder, before any call', async () => {
    const { dispatch } = await start();
    for (const location of ['s3://trail-bucket/AWSLogs/111122223333/CloudTrail/', 'https://trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-1/', "s3://trail-bucket/x'y/AWSLogs/111122223333/CloudTrail/us-east-1/", ' ' + TRAIL_LOCATION]) {
      const answer = await dispatch('createAthenaTable', { ...request, location });
      expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', fields: { location: expect.any(String) } } });
    }
    expect(await dispatch('athenaTableDdl', { database: 'default', table: 'cloudtrail_logs', location: 's3://trail-bucket/logs/' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(athena.calls).toEqual([]);
  });

  it('creates nothing without the confirmation naming the table', async () => {
    const { dispatch } = await start();
    expect(await dispatch('createAthenaTable', { ...request, confirmation: 'default.other' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/confirmation must name default\.cloudtrail_logs/) } });
    const { confirmation: _, ...unconfirmed } = request;
    expect(await dispatch('createAthenaTable', unconfirmed)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(athena.calls).toEqual([]);
  });

  it('never replaces a table that exists', async () => {
    const { dispatch } = await start({ tables: [athenaTableDdl()] });
    const before = athena.tables.get('default.cloudtrail_logs');
    const answer = await dispatch('createAthenaTable', { ...request, location: 's3://trail-bucket/AWSLogs/111122223333/CloudTrail/eu-west-1/' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/already exists .*never replaces/) } });
    expect(athena.calls.map((call) => call.action)).toEqual(['GetTableMetadata']);
    expect(athena.tables.get('default.cloudtrail_logs')).toBe(before);
  });

  it('says Athena’s refusal and what to do, having created nothing', async () => {
    const { dispatch } = await start({ workgroups: { primary: {} } });
    const answer = await dispatch('createAthenaTable', request);
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/^The table was not created\. Athena refused the request.*output location is required/) } });
    expect(athena.tables.has('default.cloudtrail_logs')).toBe(false);
  });
});
