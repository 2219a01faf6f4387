/** Whose records a log-file fetch keeps: one identity, or every identity behind one address. */
export type LogFilter = { kind: 'user'; userName: string } | { kind: 'accessKey'; accessKeyId: string } | { kind: 'ip'; address: string };

/** What the worker is asked: the filter, the range in epoch ms, and the regions (none: every one). */
export interface LogQuery {
  filter: LogFilter;
  start: number;
  end: number;
  regions: string[];
}

/** The identity filter in SQL over `rec`, one record as JSON; `$3` is the value. */
const identitySql: Record<LogFilter['kind'], string> = {
  // A user name, or a role session's name: the last part of an assumed-role ARN (as LookupEvents'
  // Username matches it); the root user as "root".
  user: `(json_extract_string(rec, '$.userIdentity.userName') = $3
    OR suffix(json_extract_string(rec, '$.userIdentity.arn'), '/' || $3)
    OR ($3 = 'root' AND json_extract_string(rec, '$.userIdentity.type') = 'Root'))`,
  accessKey: `json_extract_string(rec, '$.userIdentity.accessKeyId') = $3`,
  ip: `json_extract_string(rec, '$.sourceIPAddress') = $3`,
};

/** The value the filter compares. */
export function filterValue(filter: LogFilter): string {
  return filter.kind === 'user' ? filter.userName : filter.kind === 'accessKey' ? filter.accessKeyId : filter.address;
}

/**
 * The query over one log file: the position in `Records` (1-based), the region and the eventID
 * of each record that matches. The file is read with an explicit schema (`Records` as a list of
 * JSON values), never inferred: inference types eventID as UUID and fails on the next file. The
 * path and the regions are literals (a table function takes no parameters), quotes doubled.
 * Parameters: $1 start ms, $2 end ms, $3 the filter's value.
 */
export function logFileSql(file: { path: string; bytes: number }, filter: LogFilter, regions: readonly string[]): string {
  const inRegions = regions.length ? `json_extract_string(rec, '$.awsRegion') IN (${regions.map(literal).join(', ')})` : 'true';
  return `SELECT position, json_extract_string(rec, '$.awsRegion') AS region, json_extract_string(rec, '$.eventID') AS event_id
FROM (
  SELECT unnest(Records) AS rec, generate_subscripts(Records, 1) AS position
  FROM read_json(${literal(file.path)}, columns = {Records: 'JSON[]'}, format = 'auto', maximum_object_size = ${objectSizeFor(file)})
)
WHERE ${identitySql[filter.kind]}
  AND epoch_ms(try_cast(json_extract_string(rec, '$.eventTime') AS TIMESTAMPTZ)) BETWEEN $1 AND $2
  AND ${inRegions}`;
}

const MB = 1 << 20;

/**
 * The largest JSON value DuckDB will take from this file: the whole `{"Records":[...]}` is one
 * value, so it must hold the file's text (gzip packs CloudTrail JSON about 10 to 20 times); DuckDB
 * sets aside twice this per reader, so it stays bounded and a larger file is reported by name.
 */
export function objectSizeFor(file: { path: string; bytes: number }): number {
  const text = file.path.endsWith('.gz') ? file.bytes * 32 : file.bytes;
  return Math.max(16 * MB, Math.min(Math.ceil(text / MB + 1) * MB, 96 * MB));
}

/** A SQL string literal: the text between single quotes, each quote doubled. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
