import { randomUUID } from 'node:crypto';

import { partitionBoundOf } from './fake-athena-engine';
import type { FakeAthenaEngine, QueryOutcome } from './fake-athena-engine';
import { AthenaFault } from './fake-athena-fault';

export interface FakeAthenaSettings {
  /** How long each query stays QUEUED, then RUNNING (ms); it also runs until DuckDB has answered. */
  queuedMs: number;
  runningMs: number;
  /** Workgroups by name, each with its own result location or none. */
  workgroups: Record<string, { outputLocation?: string }>;
  /** While set, every SELECT ends FAILED with this reason (as Athena words one, e.g. a HIVE_ error). */
  failWith?: string;
  /** Where the result objects (ID.csv, ID.csv.metadata) go: a test hands them to its fake S3. */
  onResultObjects?: (bucket: string, objects: { key: string; body: string }[]) => void | Promise<void>;
}

export interface Execution {
  id: string;
  sql: string;
  workgroup: string;
  outputLocation: string;
  submittedAt: number;
  statementType: 'DDL' | 'DML';
  partitionBound: [string, string] | null;
  cancelledAt?: number;
  done?: { state: 'SUCCEEDED' | 'FAILED'; reason?: string; outcome?: QueryOutcome; engineMs: number; finishedAt: number };
}

export const PAGE_MAX = 1000;
const invalid = (message: string) => new AthenaFault('InvalidRequestException', message, { AthenaErrorCode: 'INVALID_INPUT' });
const seconds = (ms: number) => ms / 1000;

function stateOf(execution: Execution, settings: FakeAthenaSettings): string {
  if (execution.cancelledAt) return 'CANCELLED';
  const elapsed = Date.now() - execution.submittedAt;
  if (elapsed < settings.queuedMs) return 'QUEUED';
  if (elapsed < settings.queuedMs + settings.runningMs || !execution.done) return 'RUNNING';
  return execution.done.state;
}

const csvCell = (value: string | null) => (value === null ? '' : `"${value.replaceAll('"', '""')}"`);

/** The JSON 1.1 actions of query executions and the table catalog. */
export function executionHandlers(engine: FakeAthenaEngine, executions: Map<string, Execution>, settings: FakeAthenaSettings) {
  function find(body: Record<string, unknown>): Execution {
    const execution = executions.get(String(body.QueryExecutionId ?? ''));
    if (!execution) throw invalid(`QueryExecution ${String(body.QueryExecutionId)} was not found`);
    return execution;
  }

  async function run(execution: Execution): Promise<void> {
    const started = Date.now();
    try {
      if (execution.statementType === 'DML' && settings.failWith) throw new Error(settings.failWith);
      const outcome = await engine.execute(execution.sql);
      execution.done = { state: 'SUCCEEDED', outcome, engineMs: Date.now() - started, finishedAt: Date.now() };
      const [, bucket, key] = /^s3:\/\/([^/]+)\/(.*)$/.exec(execution.outputLocation) ?? [];
      const csv = [outcome.columns, ...outcome.rows].map((row) => row.map(csvCell).join(',')).join('\n');
      if (bucket && key) await settings.onResultObjects?.(bucket, [{ key, body: csv }, { key: `${key}.metadata`, body: JSON.stringify(outcome.columns) }]);
    } catch (error) {
      execution.done = { state: 'FAILED', reason: (error as Error).message, engineMs: Date.now() - started, finishedAt: Date.now() };
    }
  }

  return {
    StartQueryExecution(body: Record<string, unknown>) {
      const sql = body.QueryString;
      if (typeof sql !== 'string' || !sql.trim() || sql.length > 262_144) throw invalid('QueryString must be 1 to 262144 characters.');
      const workgroup = typeof body.WorkGroup === 'string' ? body.WorkGroup : 'primary';
      const group = settings.workgroups[workgroup];
      if (!group) throw invalid(`WorkGroup ${workgroup} is not found.`);
      const base = (body.ResultConfiguration as { OutputLocation?: string } | undefined)?.OutputLocation ?? group.outputLocation;
      if (!base)
        throw invalid('No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.');
      if (!/^s3:\/\/[^/]+/.test(base)) throw invalid(`Invalid output location ${base}`);
      const id = randomUUID();
      const statementType = /^\s*CREATE\s/i.test(sql) ? 'DDL' : 'DML';
      const execution: Execution = { id, sql, workgroup, outputLocation: `${base}${base.endsWith('/') ? '' : '/'}${id}.csv`, submittedAt: Date.now(), statementType, partitionBound: statementType === 'DML' ? partitionBoundOf(sql) : null };
      executions.set(id, execution);
      void run(execution);
      return { QueryExecutionId: id };
    },
    GetQueryExecution(body: Record<string, unknown>) {
      const execution = find(body);
      const state = stateOf(execution, settings);
      const ended = state === 'SUCCEEDED' || state === 'FAILED' || state === 'CANCELLED';
      const reason = state === 'FAILED' ? execution.done?.reason : state === 'CANCELLED' ? 'Query cancelled by user' : undefined;
      const finished = execution.cancelledAt ?? execution.done?.finishedAt ?? Date.now();
      return {
        QueryExecution: {
          QueryExecutionId: execution.id,
          Query: execution.sql,
          StatementType: execution.statementType,
          WorkGroup: execution.workgroup,
          ResultConfiguration: { OutputLocation: execution.outputLocation },
          QueryExecutionContext: {},
          Status: {
            State: state,
            SubmissionDateTime: seconds(execution.submittedAt),
            ...(ended ? { CompletionDateTime: seconds(finished) } : {}),
            ...(reason ? { StateChangeReason: reason } : {}),
            ...(state === 'FAILED' ? { AthenaError: { ErrorCategory: 2, ErrorType: 1306, Retryable: false, ErrorMessage: reason } } : {}),
          },
          Statistics: {
            EngineExecutionTimeInMillis: execution.done?.engineMs ?? 0,
            DataScannedInBytes: state === 'SUCCEEDED' ? (execution.done?.outcome?.scannedBytes ?? 0) : 0,
            TotalExecutionTimeInMillis: finished - execution.submittedAt,
            QueryQueueTimeInMillis: Math.min(settings.queuedMs, Date.now() - execution.submittedAt),
          },
          EngineVersion: { SelectedEngineVersion: 'AUTO', EffectiveEngineVersion: 'Athena engine version 3' },
        },
      };
    },
    GetQueryResults(body: Record<string, unknown>) {
      const execution = find(body);
      const state = stateOf(execution, settings);
      if (state !== 'SUCCEEDED') throw invalid(state === 'FAILED' ? `Query has failed: ${execution.done?.reason ?? ''}` : `Query has not yet finished. Current state: ${state}`);
      const max = body.MaxResults === undefined ? PAGE_MAX : Number(body.MaxResults);
      if (!Number.isInteger(max) || max < 1 || max > PAGE_MAX) throw invalid(`1 validation error detected: Value '${String(body.MaxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000`);
      const outcome = execution.done!.outcome!;
      const all = outcome.statementType === 'DDL' ? [] : [outcome.columns, ...outcome.rows];
      const token = typeof body.NextToken === 'string' ? (JSON.parse(Buffer.from(body.NextToken, 'base64url').toString('utf8')) as { id: string; at: number }) : { id: execution.id, at: 0 };
      if (token.id !== execution.id) throw invalid('The NextToken belongs to another query.');
      const rows = all.slice(token.at, token.at + max).map((row) => ({ Data: row.map((value) => (value === null ? {} : { VarCharValue: value })) }));
      const next = token.at + max < all.length ? Buffer.from(JSON.stringify({ id: execution.id, at: token.at + max })).toString('base64url') : undefined;
      const columns = outcome.columns.map((name) => ({ CatalogName: 'hive', SchemaName: '', TableName: '', Name: name, Label: name, Type: 'varchar', Precision: 2147483647, Scale: 0, Nullable: 'UNKNOWN', CaseSensitive: true }));
      return { UpdateCount: 0, ResultSet: { Rows: rows, ResultSetMetadata: { ColumnInfo: columns } }, ...(next ? { NextToken: next } : {}) };
    },
    StopQueryExecution(body: Record<string, unknown>) {
      const execution = find(body);
      if (stateOf(execution, settings) === 'QUEUED' || stateOf(execution, settings) === 'RUNNING') execution.cancelledAt = Date.now();
      return {};
    },
    GetTableMetadata(body: Record<string, unknown>) {
      const table = engine.tables.get(`${String(body.DatabaseName)}.${String(body.TableName)}`.toLowerCase());
      if (!table) throw new AthenaFault('MetadataException', 'Entity Not Found (Service: AWSGlue; Status Code: 400; Error Code: EntityNotFoundException)');
      return {
        TableMetadata: {
          Name: table.table,
          CreateTime: seconds(table.createdAt),
          TableType: 'EXTERNAL_TABLE',
          Columns: table.columns.map(([name]) => ({ Name: name, Type: 'string' })),
          PartitionKeys: table.partitions.map((name) => ({ Name: name, Type: 'string' })),
          Parameters: { ...table.properties, EXTERNAL: 'TRUE', location: table.location, inputformat: 'com.amazon.emr.cloudtrail.CloudTrailInputFormat' },
        },
      };
    },
  } satisfies Record<string, (body: Record<string, unknown>) => unknown>;
}
