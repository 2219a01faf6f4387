import { GetQueryResultsCommand } from '@aws-sdk/client-athena';
import { afterEach, describe, expect, it } from 'vitest';

import { startQuery, waitForQuery } from '../../../main/services/sources/athena/athena-query';
import { startFakeAthena } from '../../fakes/athena/fake-athena';
import type { FakeAthena } from '../../fakes/athena/fake-athena';
import { athenaRecords, athenaTableDdl, athenaTrail, TRAIL_LOCATION } from '../../fakes/athena/fake-athena-fixtures';
import { clientFor } from './athena-harness';

/** The fake's own checks: what the Athena tests rely on it to notice. */
let fake: FakeAthena;
afterEach(async () => fake.close());

describe('the fake Athena', () => {
  it('records a query without a bound on timestamp, and bills it every partition', async () => {
    fake = await startFakeAthena({ trails: athenaTrail(), tables: [athenaTableDdl()], workgroups: { primary: { outputLocation: 's3://r/' } } });
    const athena = clientFor(fake.url);
    const sql = `SELECT eventid FROM "default"."cloudtrail_logs" WHERE json_extract_scalar(requestparameters, '$.userName') = 'backdoor'`;
    const finished = await waitForQuery(athena, await startQuery(athena, sql, { workgroup: 'primary' }), { backoffMs: [5] });
    expect(fake.unboundedQueries()).toEqual([sql]);
    const partitions = [...fake.tables.get('default.cloudtrail_logs')!.partitionBytes.values()];
    expect(partitions.length).toBeGreaterThan(2);
    expect(finished.scannedBytes).toBe(partitions.reduce((sum, bytes) => sum + bytes, 0));
    // json_extract_scalar is a shim over DuckDB's JSON functions; the query's logic ran as written.
    const page = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: finished.queryId }));
    expect(page.ResultSet?.Rows).toEqual([{ Data: [{ VarCharValue: 'eventid' }] }, { Data: [{ VarCharValue: '22222222-bbbb-4000-8000-000000000001' }] }]);
    athena.destroy();
  });

  it("files a log file's records under the day folder that holds it, as Athena's partition is the delivery folder", async () => {
    const late = { ...athenaRecords.alice, eventTime: '2026-02-28T23:58:30Z', eventID: 'late-1' };
    fake = await startFakeAthena({ files: { [`${TRAIL_LOCATION}2026/03/01/111122223333_CloudTrail_us-east-1_20260301T0005Z_x.json.gz`]: [late] }, tables: [athenaTableDdl()], workgroups: { primary: { outputLocation: 's3://r/' } } });
    const athena = clientFor(fake.url);
    const sql = `SELECT eventid, "timestamp" FROM "default"."cloudtrail_logs" WHERE "timestamp" = '2026/03/01'`;
    const finished = await waitForQuery(athena, await startQuery(athena, sql, { workgroup: 'primary' }), { backoffMs: [5] });
    const page = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: finished.queryId }));
    expect(page.ResultSet?.Rows?.slice(1)).toEqual([{ Data: [{ VarCharValue: 'late-1' }, { VarCharValue: '2026/03/01' }] }]);
    athena.destroy();
  });
});
