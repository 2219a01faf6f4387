import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { awsCliRunner, hasAwsCli } from '../../support/aws-cli';
import { recordsQuery } from '../../../main/services/sources/athena/athena-sql';
import { startFakeAthena } from '../../fakes/athena/fake-athena';
import type { FakeAthena } from '../../fakes/athena/fake-athena';
import { athenaRecords, athenaTableDdl, TABLE, TRAIL_LOCATION } from '../../fakes/athena/fake-athena-fixtures';

let fake: FakeAthena;
let home: string;

/** The AWS CLI (botocore) is an independent client of Athena's JSON 1.1 protocol: what it reads, the SDK reads (test/support/aws-cli.ts). */
const { aws, awsJson } = awsCliRunner('athena', () => ({ endpoint: fake.url, home }));

/** 1,200 of alice's records on one day, so a listing pages. */
const many = Array.from({ length: 1200 }, (_, index) => ({ ...athenaRecords.alice, eventID: `55555555-eeee-4000-8000-${String(index).padStart(12, '0')}` }));

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'trailcase-athena-cli-'));
  fake = await startFakeAthena({ trails: { [TRAIL_LOCATION]: many }, tables: [athenaTableDdl()], workgroups: { primary: { outputLocation: 's3://athena-results/' } } });
});
afterAll(async () => {
  await fake.close();
  rmSync(home, { recursive: true, force: true });
});

describe.skipIf(!hasAwsCli)('the fake Athena, checked with the AWS CLI (skipped: `aws` is not installed; .ci/run installs awscli)', () => {
  test('start-query-execution, get-query-execution until SUCCEEDED, get-query-results over every page', async () => {
    const sql = recordsQuery(TABLE, { kind: 'user', userName: 'alice' }, { start: Date.parse('2026-03-01T00:00:00Z'), end: Date.parse('2026-03-02T00:00:00Z') });
    const { QueryExecutionId } = await awsJson<{ QueryExecutionId: string }>(['start-query-execution', '--query-string', sql, '--work-group', 'primary']);
    expect(fake.calls.at(-1)).toMatchObject({ action: 'StartQueryExecution', accessKeyId: 'AKIAFAKEAWSCLI000001', body: { QueryString: sql, WorkGroup: 'primary' } });
    await expect
      .poll(async () => (await awsJson<{ QueryExecution: { Status: { State: string } } }>(['get-query-execution', '--query-execution-id', QueryExecutionId])).QueryExecution.Status.State)
      .toBe('SUCCEEDED');
    const execution = await awsJson<{ QueryExecution: Record<string, unknown> }>(['get-query-execution', '--query-execution-id', QueryExecutionId]);
    expect(execution.QueryExecution).toMatchObject({
      StatementType: 'DML',
      ResultConfiguration: { OutputLocation: `s3://athena-results/${QueryExecutionId}.csv` },
      Statistics: { DataScannedInBytes: expect.any(Number) as unknown },
    });
    const results = await awsJson<{ ResultSet: { Rows: { Data: { VarCharValue?: string }[] }[]; ResultSetMetadata: { ColumnInfo: { Name: string }[] } } }>([
      'get-query-results',
      '--query-execution-id',
      QueryExecutionId,
      '--page-size',
      '500',
    ]);
    expect(results.ResultSet.Rows).toHaveLength(1201);
    expect(results.ResultSet.Rows[0]!.Data[0]).toEqual({ VarCharValue: 'eventversion' });
    expect(results.ResultSet.ResultSetMetadata.ColumnInfo[3]!.Name).toBe('useridentity_arn');
    expect(fake.calls.filter((call) => call.action === 'GetQueryResults').map((call) => call.body.MaxResults)).toEqual([500, 500, 500]);
  }, 60_000);

  test('get-table-metadata reads the projection; errors come back with their types and messages', async () => {
    const { TableMetadata } = await awsJson<{ TableMetadata: { PartitionKeys: { Name: string }[]; Parameters: Record<string, string> } }>([
      'get-table-metadata',
      '--catalog-name',
      'AwsDataCatalog',
      '--database-name',
      'default',
      '--table-name',
      'cloudtrail_logs',
    ]);
    expect(TableMetadata.PartitionKeys).toEqual([{ Name: 'timestamp', Type: 'string' }]);
    expect(TableMetadata.Parameters['projection.timestamp.format']).toBe('yyyy/MM/dd');
    const missing = await aws(['get-table-metadata', '--catalog-name', 'AwsDataCatalog', '--database-name', 'default', '--table-name', 'nope']);
    expect(missing.stderr).toContain('(MetadataException) when calling the GetTableMetadata operation: Entity Not Found');
    const unknown = await aws(['get-query-results', '--query-execution-id', 'no-such-query']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('(InvalidRequestException) when calling the GetQueryResults operation: QueryExecution no-such-query was not found');
  }, 60_000);

  test('stop-query-execution cancels a running query', async () => {
    fake.settings.runningMs = 60_000;
    const { QueryExecutionId } = await awsJson<{ QueryExecutionId: string }>(['start-query-execution', '--query-string', 'SELECT 1', '--work-group', 'primary']);
    const stopped = await aws(['stop-query-execution', '--query-execution-id', QueryExecutionId]);
    expect(stopped).toMatchObject({ code: 0, stderr: '' });
    const { QueryExecution } = await awsJson<{ QueryExecution: { Status: { State: string } } }>(['get-query-execution', '--query-execution-id', QueryExecutionId]);
    expect(QueryExecution.Status.State).toBe('CANCELLED');
    fake.settings.runningMs = 0;
  }, 60_000);
});
