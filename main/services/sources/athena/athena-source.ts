import type { AthenaClient } from '@aws-sdk/client-athena';

import { ApiError, isApiError } from '../../../../shared/api/errors';
import type { FetchedEvent } from '../../../../shared/api/fetch-contract';
import { stableId } from '../../../../shared/records/normalize';
import type { AthenaFilter } from './athena-sql';
import { partitionDays, recordsQuery } from './athena-sql';
import { startQuery, waitForQuery } from './athena-query';
import type { FinishedQuery, QueryPlace } from './athena-query';
import { readResults } from './athena-results';
import { estimateCost } from './cost-estimate';
import type { CostEstimate, ListObjects } from './cost-estimate';
import { rowToRecord } from './record-columns';
import { resultObjects } from './result-cleanup';
import { readTableInfo } from './table-info';

export interface AthenaFetchRequest {
  target: { database: string; table: string };
  filter: AthenaFilter;
  start: number;
  end: number;
  regions: readonly string[];
  place: QueryPlace;
  /** Read the results of this earlier execution again, without running (or paying for) a query. */
  queryId?: string;
  /** Remove the query's result objects (the .csv and .csv.metadata) once they are read. */
  cleanup: boolean;
}

/** What a fetch reports as it goes (the CLI prints these on stderr). */
export type AthenaProgress =
  | { kind: 'estimate'; estimate: CostEstimate }
  | { kind: 'started'; queryId: string; sql: string }
  | { kind: 'state'; state: string }
  | { kind: 'rows'; rows: number };

export interface AthenaDeps {
  athena: AthenaClient;
  listObjects: ListObjects;
  deleteObjects: (bucket: string, keys: string[]) => Promise<{ deleted: string[]; errors: { key: string; message: string }[] }>;
  /** Asked with the estimate before a query starts; false refuses it (nothing is run or billed). */
  confirmCost: (estimate: CostEstimate) => boolean;
  signal?: AbortSignal;
  onProgress?: (progress: AthenaProgress) => void;
  /** Each page of results as records, as it arrives (the app's driver stores pages as units). */
  onPage?: (events: FetchedEvent[]) => void;
  backoffMs?: readonly number[];
}

export interface AthenaFetchResult {
  events: FetchedEvent[];
  queryId: string | null;
  query: FinishedQuery | null;
  cancelled: boolean;
  /** The result objects removed, and those S3 refused to remove. */
  cleanup: { deleted: string[]; failed: string[] } | null;
}

/**
 * One identity's (or one address's) records through Athena: the table checked, the scan
 * estimated from its partitions' objects and confirmed, the query started, polled and its
 * results paged into records as they arrive. Cancel (signal) stops a running query with
 * StopQueryExecution, or stops the paging; what arrived is kept in the result either way.
 */
export async function fetchAthena(request: AthenaFetchRequest, deps: AthenaDeps): Promise<AthenaFetchResult> {
  const { signal } = deps;
  const result: AthenaFetchResult = { events: [], queryId: request.queryId ?? null, query: null, cancelled: false, cleanup: null };
  try {
    if (!result.queryId) result.queryId = await startNew(request, deps);
    result.query = await waitForQuery(deps.athena, result.queryId, {
      ...(signal ? { signal } : {}),
      ...(deps.backoffMs ? { backoffMs: deps.backoffMs } : {}),
      onState: (state) => deps.onProgress?.({ kind: 'state', state }),
    });
    const read = await readResults(
      deps.athena,
      result.queryId,
      (rows) => {
        const page = rows.map(eventOf);
        result.events.push(...page);
        deps.onPage?.(page);
        deps.onProgress?.({ kind: 'rows', rows: result.events.length });
      },
      signal,
    );
    result.cancelled = read.cancelled;
  } catch (error) {
    const aborted = (isApiError(error) && error.code === 'CANCELLED') || (error as { name?: string } | null)?.name === 'AbortError';
    if (!(aborted && signal?.aborted)) throw error;
    result.cancelled = true;
  }
  if (request.cleanup && result.query?.outputLocation && !result.cancelled) result.cleanup = await removeResults(result.query.outputLocation, deps);
  return result;
}

async function startNew(request: AthenaFetchRequest, deps: AthenaDeps): Promise<string> {
  const info = await readTableInfo(deps.athena, request.target, deps.signal);
  if (!info)
    throw new ApiError(
      'NOT_FOUND',
      `There is no table ${request.target.database}.${request.target.table} in Athena's data catalog: create it with --athena-create-table s3://BUCKET/AWSLogs/ACCOUNT/CloudTrail/REGION/ (the DDL is shown first), or Create table… in the app.`,
      { 'source.table': 'missing' },
    );
  const estimate = await estimateCost(deps.listObjects, info.template, partitionDays(request), deps.signal);
  deps.onProgress?.({ kind: 'estimate', estimate });
  if (!deps.confirmCost(estimate)) throw new ApiError('BAD_INPUT', 'The query was not run: its estimated cost is above the threshold.');
  if (deps.signal?.aborted) throw new ApiError('CANCELLED', 'The Athena fetch was cancelled before its query started.');
  const sql = recordsQuery(request.target, request.filter, request, request.regions);
  // Not aborted in flight: a start cut by Cancel could still run (and bill) with no id to stop it.
  // Once it has an id, a Cancel that came meanwhile stops it at the first poll.
  const queryId = await startQuery(deps.athena, sql, request.place);
  deps.onProgress?.({ kind: 'started', queryId, sql });
  return queryId;
}

/** A row as a fetched event: the rebuilt record's text, its eventID (or a stable id for a 1.0-era record without one). */
function eventOf(values: (string | null)[]): FetchedEvent {
  const record = rowToRecord(values);
  const raw = JSON.stringify(record);
  const eventId = typeof record.eventID === 'string' ? record.eventID : stableId(raw);
  return { eventId, region: typeof record.awsRegion === 'string' ? record.awsRegion : 'us-east-1', raw };
}

async function removeResults(outputLocation: string, deps: AthenaDeps): Promise<{ deleted: string[]; failed: string[] }> {
  const { bucket, keys } = resultObjects(outputLocation);
  const removed = await deps.deleteObjects(bucket, keys);
  return { deleted: removed.deleted.map((key) => `s3://${bucket}/${key}`), failed: removed.errors.map((error) => `s3://${bucket}/${error.key}: ${error.message}`) };
}
