import { GetQueryExecutionCommand, StartQueryExecutionCommand, StopQueryExecutionCommand } from '@aws-sdk/client-athena';
import type { AthenaClient, QueryExecution } from '@aws-sdk/client-athena';

import { ApiError } from '../../../../shared/api/errors';

/** Where a query runs: the workgroup, and the result location unless the workgroup sets one. */
export interface QueryPlace {
  workgroup: string;
  outputLocation?: string;
}

/**
 * Waits between polls of a running query: every 250 ms for the first 2 s, every 500 ms to 4 s,
 * every second to 8 s, then doubling to 5 s. Most investigation queries over a few days end
 * within seconds, and a plain doubling from 250 ms sees them end up to as long again later
 * (measured: 1.75 s late for a 2 s query). Polls are not billed: Athena charges only for the data
 * a query scans.
 */
export const POLL_BACKOFF_MS = [...Array<number>(8).fill(250), ...Array<number>(4).fill(500), ...Array<number>(4).fill(1000), 2000, 4000, 5000];

/** A finished query: its id, where Athena wrote the results, and what it scanned. */
export interface FinishedQuery {
  queryId: string;
  outputLocation: string | undefined;
  scannedBytes: number;
  engineMs: number;
}

/** Resolves after `ms`, or at once when `signal` aborts (the caller checks which). */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((done) => {
    if (signal?.aborted) return done();
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      done();
    }
    signal?.addEventListener('abort', finish, { once: true });
  });
}

/** Starts a query; the id is Athena's (resume reads its results again with --athena-query-id). */
export async function startQuery(client: AthenaClient, sql: string, place: QueryPlace, signal?: AbortSignal): Promise<string> {
  const answer = await client.send(
    new StartQueryExecutionCommand({
      QueryString: sql,
      WorkGroup: place.workgroup,
      ...(place.outputLocation ? { ResultConfiguration: { OutputLocation: place.outputLocation } } : {}),
    }),
    signal ? { abortSignal: signal } : {},
  );
  if (!answer.QueryExecutionId) throw new ApiError('INTERNAL', 'Athena started the query but gave no query id.');
  return answer.QueryExecutionId;
}

/** Athena's reason for a failed or cancelled query, as quoted text (it is the service's, untrusted). */
function reasonOf(execution: QueryExecution | undefined): string {
  const reason = execution?.Status?.AthenaError?.ErrorMessage ?? execution?.Status?.StateChangeReason;
  return reason ? `: ${JSON.stringify(reason)}` : ' (Athena gave no reason)';
}

/**
 * Polls the query with back-off until it ends. SUCCEEDED resolves; FAILED and CANCELLED throw
 * with Athena's reason. When `signal` aborts (Ctrl+C, Cancel), the query is stopped with
 * StopQueryExecution (so it bills no further) and CANCELLED is thrown.
 */
export async function waitForQuery(
  client: AthenaClient,
  queryId: string,
  options: { signal?: AbortSignal; backoffMs?: readonly number[]; onState?: (state: string) => void } = {},
): Promise<FinishedQuery> {
  const waits = options.backoffMs ?? POLL_BACKOFF_MS;
  for (let poll = 0; ; poll += 1) {
    if (options.signal?.aborted) {
      await client.send(new StopQueryExecutionCommand({ QueryExecutionId: queryId }));
      throw new ApiError('CANCELLED', `Athena query ${queryId} was stopped (StopQueryExecution).`);
    }
    const { QueryExecution: execution } = await client
      .send(new GetQueryExecutionCommand({ QueryExecutionId: queryId }), options.signal ? { abortSignal: options.signal } : {})
      .catch((error: unknown) => {
        if (options.signal?.aborted) return { QueryExecution: undefined };
        throw error;
      });
    const state = execution?.Status?.State;
    if (state) options.onState?.(state);
    if (state === 'SUCCEEDED')
      return {
        queryId,
        outputLocation: execution?.ResultConfiguration?.OutputLocation,
        scannedBytes: execution?.Statistics?.DataScannedInBytes ?? 0,
        engineMs: execution?.Statistics?.EngineExecutionTimeInMillis ?? 0,
      };
    if (state === 'FAILED') throw new ApiError('INTERNAL', `Athena query ${queryId} failed${reasonOf(execution)}`);
    if (state === 'CANCELLED') throw new ApiError('CANCELLED', `Athena query ${queryId} was cancelled${reasonOf(execution)}`);
    await pause(waits[Math.min(poll, waits.length - 1)]!, options.signal);
  }
}
