import type { DuckDBConnection } from '@duckdb/node-api';

import { CANDIDATES_TABLE, candidatesSql, filterValue } from './log-query';
import type { LogQuery } from './log-query';

/** What DuckDB says of one candidate record: not JSON, or a match with its region and eventID. */
export type Verdict = { valid: false } | { valid: true; region: string | null; eventId: string | null };

/**
 * DuckDB's verdict on a batch of candidate records (their exact texts), by index in `raws`: the
 * filter, the time range and the regions are all decided here, in SQL. Records absent from the
 * map do not match. Each batch has a table of its own, dropped after: DuckDB keeps the memory of
 * deleted rows, so emptying one table would grow with the input.
 */
export async function judgeCandidates(connection: DuckDBConnection, raws: readonly string[], query: LogQuery): Promise<Map<number, Verdict>> {
  const verdicts = new Map<number, Verdict>();
  if (!raws.length) return verdicts;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${CANDIDATES_TABLE} (id INTEGER, raw VARCHAR)`);
  const appender = await connection.createAppender(CANDIDATES_TABLE);
  try {
    for (const [id, raw] of raws.entries()) {
      appender.appendInteger(id);
      appender.appendVarchar(raw);
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
  try {
    const reader = await connection.runAndReadAll(candidatesSql(query.filter, query.regions), [query.start, query.end, filterValue(query.filter)]);
    for (const row of reader.getRowObjectsJS() as { id: number; valid: boolean; region: string | null; event_id: string | null }[])
      verdicts.set(row.id, row.valid ? { valid: true, region: row.region, eventId: row.event_id } : { valid: false });
  } finally {
    await connection.run(`DROP TABLE ${CANDIDATES_TABLE}`);
  }
  return verdicts;
}
