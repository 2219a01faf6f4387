import { afterEach, describe, expect, it } from 'vitest';

import { athenaRecords } from '../../fakes/athena/fake-athena-fixtures';
import { athenaSetup, recordsOf } from './athena-harness';

/** The Athena source through the real @aws-sdk/client-athena against the fake (DuckDB over the documented table). */
let setup: Awaited<ReturnType<typeof athenaSetup>>;
afterEach(async () => {
  // Every query the fake saw, in every test, was bounded on the timestamp partition.
  const unbounded = setup.fake.unboundedQueries();
  await setup.close();
  expect(unbounded).toEqual([]);
});

describe('fetching records through Athena', () => {
  it("rebuilds a user's records as CloudTrail wrote them: own calls, a call through a service, a 1.0-era record without eventID, a role session", async () => {
    setup = await athenaSetup();
    const result = await setup.fetch();
    expect(recordsOf(result)).toEqual([athenaRecords.alice, athenaRecords.aliceByService, athenaRecords.aliceOld, athenaRecords.aliceSession]);
    expect(result.events[2]!.eventId).toMatch(/^unparsed-/);
    expect(result.cancelled).toBe(false);
  });

  it('finds root as --user root, an access key, every identity behind an address, and an AWS service event by its source', async () => {
    setup = await athenaSetup();
    const root = await setup.fetch({ filter: { kind: 'user', userName: 'root' } });
    const key = await setup.fetch({ filter: { kind: 'accessKey', accessKeyId: 'ASIAROLESESSION00001' } });
    const address = await setup.fetch({ filter: { kind: 'ip', address: '203.0.113.7' } });
    const service = await setup.fetch({ filter: { kind: 'ip', address: 'kms.amazonaws.com' } });
    expect(recordsOf(root)).toEqual([athenaRecords.root]);
    expect(recordsOf(key)).toEqual([athenaRecords.aliceSession]);
    expect(recordsOf(address)).toEqual([athenaRecords.aliceSession, athenaRecords.bobSameAddress, athenaRecords.webIdentity]);
    expect(recordsOf(service)).toEqual([athenaRecords.service]);
  });

  it('bounds every query on the timestamp partition, and Athena scans only those days', async () => {
    setup = await athenaSetup();
    await setup.fetch({ filter: { kind: 'user', userName: "o'brien%_" } });
    const result = await setup.fetch();
    expect(setup.fake.unboundedQueries()).toEqual([]);
    const selects = [...setup.fake.executions.values()].filter((execution) => execution.statementType === 'DML');
    expect(selects).toHaveLength(2);
    for (const execution of selects) expect(execution.partitionBound).toEqual(['2026/03/01', '2026/03/04']);
    // The January partition is outside the bound: what was scanned is the March days' objects.
    const march = setup.fake.tables.get('default.cloudtrail_logs')!.partitionBytes;
    expect(result.query!.scannedBytes).toBe((march.get('2026/03/01') ?? 0) + (march.get('2026/03/02') ?? 0));
    expect(setup.listing.listed.slice(-4)).toEqual(['01', '02', '03', '04'].map((day) => `s3://trail-bucket/AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/${day}/`));
  });

  it('reads the results of an earlier execution again with its query id, without running a query', async () => {
    setup = await athenaSetup();
    const first = await setup.fetch();
    const starts = setup.fake.calls.filter((call) => call.action === 'StartQueryExecution').length;
    const again = await setup.fetch({ queryId: first.queryId! });
    expect(recordsOf(again)).toEqual(recordsOf(first));
    expect(setup.fake.calls.filter((call) => call.action === 'StartQueryExecution')).toHaveLength(starts);
  });

  it("removes the query's result objects (ID.csv and ID.csv.metadata) when asked", async () => {
    setup = await athenaSetup();
    const result = await setup.fetch({ cleanup: true });
    const id = result.queryId!;
    expect(setup.deleted).toEqual([{ bucket: 'athena-results', keys: [`trailcase/${id}.csv`, `trailcase/${id}.csv.metadata`] }]);
    expect(result.cleanup?.deleted).toEqual([`s3://athena-results/trailcase/${id}.csv`, `s3://athena-results/trailcase/${id}.csv.metadata`]);
  });

  it('polls with back-off through QUEUED and RUNNING, and still reads through throttling', async () => {
    setup = await athenaSetup({ queuedMs: 30, runningMs: 60, throttle: 2 });
    const states: string[] = [];
    const result = await setup.fetch({}, { onProgress: (progress) => progress.kind === 'state' && states.push(progress.state) });
    expect(recordsOf(result)).toHaveLength(4);
    expect(states).toContain('QUEUED');
    expect(states).toContain('RUNNING');
    expect(states.at(-1)).toBe('SUCCEEDED');
    expect(setup.fake.calls.filter((call) => call.errorType === 'TooManyRequestsException')).toHaveLength(2);
  });
});
