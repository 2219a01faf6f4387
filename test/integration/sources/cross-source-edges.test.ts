import { spawnSync } from 'node:child_process';

import { GetQueryResultsCommand } from '@aws-sdk/client-athena';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startQuery, waitForQuery } from '../../../main/services/sources/athena/athena-query';
import { A, CAROL_KEY, cr, recordsOf, SHARED_IP } from './cross-corpus';
import { recordsIn, startCross, withoutUncarried } from './cross-harness';
import type { Cross } from './cross-harness';

/** Day boundaries, delivery the next day, regions, and the output formats, over the cross-source corpus. */
let cross: Cross;
beforeAll(async () => {
  cross = await startCross();
});
afterAll(() => cross.close());

type Filter = Parameters<Cross['athenaRecords']>[0];
const carol: Filter = { kind: 'user', userName: 'carol' };

/** Every source's records for the options: folder and S3 byte-exact, Athena as JSON values less what it cannot carry. */
async function expectEverywhere(span: { start: string; end: string }, more: string[], filter: Filter, expected: string[], regions: string[] = []) {
  const args = [...more, '--start', span.start, '--end', span.end, ...regions.flatMap((region) => ['--region', region])];
  const [folder, s3, athena] = await Promise.all([cross.cli('folder', args), cross.cli('s3', args), cross.athenaRecords(filter, span, regions)]);
  expect(folder.stdout, folder.stderr).toBe(recordsOf(...expected));
  expect(s3.stdout, s3.stderr).toBe(folder.stdout);
  expect(recordsIn(athena)).toEqual(expected.map((text) => withoutUncarried(JSON.parse(text) as Record<string, unknown>)));
  return { folder, s3 };
}

describe('cross-source edges', () => {
  it('one day: an event two minutes before midnight delivered in the next day’s (and month’s) folder is in; the next day’s own events are not', async () => {
    await expectEverywhere({ start: '2026-02-28T00:00:00Z', end: '2026-02-28T23:59:59Z' }, ['--user', 'carol'], carol, [cr.carolLate]);
  }, 60_000);

  it('one day: an event of the day before, delivered in this day’s folder, is out', async () => {
    await expectEverywhere({ start: '2026-02-27T00:00:00Z', end: '2026-02-27T23:59:59Z' }, ['--user', 'carol'], carol, [cr.carolFeb27, cr.carolOld]);
  }, 60_000);

  it('a range of one instant holds the event at that instant (both ends inclusive)', async () => {
    const instant = { start: '2026-03-01T10:00:00Z', end: '2026-03-01T10:00:00Z' };
    await expectEverywhere(instant, ['--access-key-id', CAROL_KEY], { kind: 'accessKey', accessKeyId: CAROL_KEY }, [cr.carolOdd]);
  }, 60_000);

  it('--region keeps that region’s records in both accounts, and only theirs', async () => {
    const span = { start: '2026-02-26T00:00:00Z', end: '2026-03-02T23:59:59Z' };
    await expectEverywhere(span, ['--user', 'carol'], carol, [cr.carolLate, cr.carolOld101, cr.deployCarol], ['eu-west-1']);
    await expectEverywhere(span, ['--ip', SHARED_IP], { kind: 'ip', address: SHARED_IP }, [cr.carolOdd, cr.bobShared], ['ap-southeast-2']);
  }, 90_000);

  it('a role session’s name finds the session as a user name does; a role’s name finds none of its sessions', async () => {
    const span = { start: '2026-02-26T00:00:00Z', end: '2026-03-02T23:59:59Z' };
    await expectEverywhere(span, ['--user', 'ci-run'], { kind: 'user', userName: 'ci-run' }, [cr.roleCarol]);
    await expectEverywhere(span, ['--user', 'Deploy'], { kind: 'user', userName: 'Deploy' }, []);
  }, 90_000);

  it('a range over 62 days (S3 listed by month) gives the same records as the folder', async () => {
    const { s3 } = await expectEverywhere({ start: '2026-01-01T00:00:00Z', end: '2026-03-31T23:59:59Z' }, ['--user', 'root'], { kind: 'user', userName: 'root' }, [cr.rootLogin, cr.rootKey]);
    expect(s3.code).toBe(0);
  }, 60_000);

  it('records, ndjson and csv hold the same events; the records file parses with jq to the same values', async () => {
    const span = ['--ip', SHARED_IP, '--start', '2026-02-26T00:00:00Z', '--end', '2026-03-02T23:59:59Z'];
    const [records, ndjson, csv] = await Promise.all(['records', 'ndjson', 'csv'].map((format) => cross.cli('folder', [...span, '--format', format])));
    const count = recordsIn(records!.stdout).length;
    expect(count).toBe(10);
    expect(ndjson!.stdout.trimEnd().split('\n')).toHaveLength(count);
    const rows = parse(csv!.stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(count);
    const jq = spawnSync('jq', ['-c', '.Records[]'], { input: records!.stdout, encoding: 'utf8' });
    if (jq.error) return; // jq is not installed: JSON.parse above is the check.
    expect(jq.status, jq.stderr).toBe(0);
    expect(jq.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual(recordsIn(records!.stdout));
  }, 60_000);

  /**
   * Athena's `timestamp` partition is the folder a file sits in (its delivery day), not the
   * event's day: a query bounded on the partition alone sees carolLate on 1 March, as Athena does.
   */
  it('the fake Athena puts a record in the partition of the folder that holds it (its delivery day)', async () => {
    const sql = `SELECT eventname FROM "default"."ct_${A}_eu_west_1" WHERE "timestamp" = '2026/03/01' ORDER BY eventname`;
    const id = await startQuery(cross.client, sql, { workgroup: 'primary' });
    await waitForQuery(cross.client, id, { backoffMs: [5, 10] });
    const page = await cross.client.send(new GetQueryResultsCommand({ QueryExecutionId: id }));
    const names = (page.ResultSet?.Rows ?? []).slice(1).map((row) => row.Data?.[0]?.VarCharValue);
    expect(names).toEqual(['DescribeSnapshots', 'DescribeVolumes']);
  }, 30_000);
});
