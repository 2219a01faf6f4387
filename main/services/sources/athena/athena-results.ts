import { GetQueryResultsCommand } from '@aws-sdk/client-athena';
import type { AthenaClient } from '@aws-sdk/client-athena';

import { ApiError } from '../../../../shared/api/errors';
import { SELECTED_COLUMNS } from './record-columns';

/** GetQueryResults' largest page (the header row is the first row of the first page). */
export const RESULT_PAGE_ROWS = 1000;

/**
 * Reads a finished query's rows page by page (NextToken) and hands each page's values to
 * `onRows` as it arrives (NULL is `null`: Athena sends no VarCharValue for it). The header row
 * is checked against the query's columns, so a result of another query is never read as records.
 * Stops between pages when `signal` aborts; what was handed over stays with the caller.
 */
export async function readResults(
  client: AthenaClient,
  queryId: string,
  onRows: (rows: (string | null)[][]) => void,
  signal?: AbortSignal,
): Promise<{ rows: number; cancelled: boolean }> {
  let token: string | undefined;
  let rows = 0;
  let first = true;
  do {
    if (signal?.aborted) return { rows, cancelled: true };
    const page = await client
      .send(
        new GetQueryResultsCommand({ QueryExecutionId: queryId, MaxResults: RESULT_PAGE_ROWS, ...(token ? { NextToken: token } : {}) }),
        signal ? { abortSignal: signal } : {},
      )
      .catch((error: unknown) => {
        if (signal?.aborted) return null;
        throw error;
      });
    if (!page) return { rows, cancelled: true };
    let values = (page.ResultSet?.Rows ?? []).map((row) => (row.Data ?? []).map((datum) => datum.VarCharValue ?? null));
    if (first) {
      checkHeader(queryId, values[0] ?? []);
      values = values.slice(1);
      first = false;
    }
    rows += values.length;
    if (values.length) onRows(values);
    token = page.NextToken;
  } while (token);
  return { rows, cancelled: false };
}

function checkHeader(queryId: string, header: (string | null)[]): void {
  const expected = SELECTED_COLUMNS.map((column) => column.alias);
  if (header.length !== expected.length || header.some((name, index) => name?.toLowerCase() !== expected[index]))
    throw new ApiError(
      'BAD_INPUT',
      `Athena query ${queryId} has other columns than Trailcase's record query (${JSON.stringify(header.slice(0, 3).join(', '))}…): give the id of a query Trailcase started.`,
    );
}
