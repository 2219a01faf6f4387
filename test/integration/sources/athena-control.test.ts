import { afterEach, describe, expect, it } from 'vitest';

import { startQuery, waitForQuery } from '../../../main/services/sources/athena/athena-query';
import { tableCreation } from '../../../main/services/sources/athena/table-create';
import { athenaRecords, TABLE, TRAIL_LOCATION } from '../../fakes/athena/fake-athena-fixtures';
import { athenaSetup, recordsOf } from './athena-harness';

let setup: Awaited<ReturnType<typeof athenaSetup>>;
afterEach(async () => {
  // Every query the fake saw, in every test, was bounded on the timestamp partition.
  const unbounded = setup.fake.unboundedQueries();
  await setup.close();
  expect(unbounded).toEqual([]);
});

/** `count` records of alice's, a second apart on 2026-03-01, each with its own eventID. */
function manyRecords(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => ({
    ...athenaRecords.alice,
    eventTime: new Date(Date.parse('2026-03-01T00:00:00Z') + index * 1000).toISOString().replace('.000', ''),
    eventID: `44444444-dddd-4000-8000-${String(index).padStart(12, '0')}`,
  }));
}

const calls = (action: string) => setup.fake.calls.filter((call) => call.action === action);

describe('controlling an Athena query', () => {
  it('pages through more than 1,000 rows: the header row first, 1,000 rows a page, NextToken', async () => {
    setup = await athenaSetup({ trails: { [TRAIL_LOCATION]: manyRecords(2500) } });
    const pageSizes: number[] = [];
    const result = await setup.fetch({}, { onPage: (events) => pageSizes.push(events.length) });
    expect(result.events).toHaveLength(2500);
    expect(pageSizes).toEqual([999, 1000, 501]);
    expect(new Set(result.events.map((event) => event.eventId)).size).toBe(2500);
    const pages = calls('GetQueryResults');
    expect(pages.map((call) => call.body.MaxResults)).toEqual([1000, 1000, 1000]);
    expect(pages.map((call) => 'NextToken' in call.body)).toEqual([false, true, true]);
  });

  it('Cancel while the query runs sends StopQueryExecution, and the query ends CANCELLED', async () => {
    setup = await athenaSetup({ runningMs: 60_000 });
    const stop = new AbortController();
    const result = await setup.fetch({}, { signal: stop.signal, onProgress: (progress) => progress.kind === 'state' && progress.state === 'RUNNING' && stop.abort() });
    expect(result.cancelled).toBe(true);
    expect(result.events).toEqual([]);
    expect(calls('StopQueryExecution').map((call) => call.body.QueryExecutionId)).toEqual([result.queryId]);
    expect(setup.fake.executions.get(result.queryId!)!.cancelledAt).toBeTypeOf('number');
    expect(calls('GetQueryResults')).toEqual([]);
  });

  it('Cancel while StartQueryExecution is in flight lets it answer, then stops the query it started', async () => {
    const stop = new AbortController();
    setup = await athenaSetup({ runningMs: 60_000, onRequest: (call) => void (call.action === 'StartQueryExecution' && stop.abort()) });
    const result = await setup.fetch({}, { signal: stop.signal });
    expect(result.cancelled).toBe(true);
    const started = [...setup.fake.executions.keys()];
    expect(started).toHaveLength(1);
    expect(calls('StopQueryExecution').map((call) => call.body.QueryExecutionId)).toEqual(started);
    expect(calls('GetQueryExecution')).toEqual([]);
  });

  it('Cancel while the results are paged keeps the rows already read and asks for no further page', async () => {
    setup = await athenaSetup({ trails: { [TRAIL_LOCATION]: manyRecords(2500) } });
    const stop = new AbortController();
    const result = await setup.fetch({}, { signal: stop.signal, onProgress: (progress) => progress.kind === 'rows' && stop.abort() });
    expect(result.cancelled).toBe(true);
    expect(result.events).toHaveLength(999);
    expect(JSON.parse(result.events[0]!.raw)).toEqual(manyRecords(1)[0]);
    expect(calls('GetQueryResults')).toHaveLength(1);
  });

  it("shows a FAILED query's reason as quoted text", async () => {
    setup = await athenaSetup();
    setup.fake.settings.failWith = 'HIVE_BAD_DATA: Error parsing field value for field 3: "<script>"';
    await expect(setup.fetch()).rejects.toThrow(/failed: "HIVE_BAD_DATA: Error parsing field value for field 3: \\"<script>\\""$/);
  });

  it('runs no query when the estimate is refused', async () => {
    setup = await athenaSetup();
    const seen: number[] = [];
    await expect(setup.fetch({}, { confirmCost: (estimate) => (seen.push(estimate.bytes), false) })).rejects.toThrow(/not run/);
    expect(seen[0]).toBeGreaterThan(0);
    expect(calls('StartQueryExecution')).toEqual([]);
  });

  it('names a missing table and how to create it', async () => {
    setup = await athenaSetup();
    await expect(setup.fetch({ target: { database: 'default', table: 'nothing_here' } })).rejects.toThrow(/There is no table default\.nothing_here.*--athena-create-table/);
  });

  it('refuses the query id of another query (the columns are not the record query’s)', async () => {
    setup = await athenaSetup({ tables: [] });
    const queryId = await tableCreation({ ...TABLE, location: TRAIL_LOCATION }).create(setup.athena, { workgroup: 'primary' });
    await expect(setup.fetch({ queryId })).rejects.toThrow(/other columns than Trailcase's record query/);
  });

  it('creates the documented table (projection on timestamp), after which its records are read', async () => {
    setup = await athenaSetup({ tables: [] });
    const creation = tableCreation({ ...TABLE, location: TRAIL_LOCATION });
    expect(creation.ddl).toContain("'storage.location.template'='s3://trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-1/${timestamp}'");
    await creation.create(setup.athena, { workgroup: 'primary' });
    expect(recordsOf(await setup.fetch({ filter: { kind: 'user', userName: 'root' } }))).toEqual([athenaRecords.root]);
    await expect(creation.create(setup.athena, { workgroup: 'primary' })).rejects.toThrow(/already exists/);
  });

  it('answers a workgroup without a result location as Athena does: InvalidRequestException with AthenaErrorCode', async () => {
    setup = await athenaSetup({ workgroups: { primary: {} } });
    const answer = await fetch(setup.fake.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonAthena.StartQueryExecution', authorization: 'AWS4-HMAC-SHA256 Credential=AKIATEST/20260301/us-east-1/athena/aws4_request' },
      body: JSON.stringify({ QueryString: 'SELECT 1', WorkGroup: 'primary' }),
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ __type: 'InvalidRequestException', Message: expect.stringContaining('No output location provided') as unknown, AthenaErrorCode: 'INVALID_INPUT' });
    await expect(setup.fetch()).rejects.toMatchObject({ name: 'InvalidRequestException', AthenaErrorCode: 'INVALID_INPUT' });
  });

  it('fails a CREATE EXTERNAL TABLE without the projection properties, saying which', async () => {
    setup = await athenaSetup({ tables: [] });
    const ddl = tableCreation({ ...TABLE, location: TRAIL_LOCATION }).ddl.replace(/,\s*'storage\.location\.template'[^)]*/, '');
    const queryId = await startQuery(setup.athena, ddl, { workgroup: 'primary' });
    await expect(waitForQuery(setup.athena, queryId, { backoffMs: [5] })).rejects.toThrow(/failed: ".*lack storage\.location\.template"/);
  });
});
