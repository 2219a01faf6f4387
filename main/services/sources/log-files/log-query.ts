/** Whose records a log-file fetch keeps: one identity, or every identity behind one address. */
export type LogFilter = { kind: 'user'; userName: string } | { kind: 'accessKey'; accessKeyId: string } | { kind: 'ip'; address: string };

/** What the worker is asked: the filter, the range in epoch ms, and the regions (none: every one). */
export interface LogQuery {
  filter: LogFilter;
  start: number;
  end: number;
  regions: string[];
}

/**
 * The schema DuckDB reads each file with: `Records` as a list of the few fields the filter needs.
 * Explicit, never inferred (inference types eventID as UUID and then fails on the next file), and
 * only these fields are materialised; the record itself is cut from the file's text afterwards.
 */
const RECORD_SCHEMA =
  'STRUCT(eventTime VARCHAR, eventID VARCHAR, awsRegion VARCHAR, sourceIPAddress VARCHAR, userIdentity STRUCT("type" VARCHAR, userName VARCHAR, arn VARCHAR, accessKeyId VARCHAR))[]';

const MB = 1 << 20;

/** The identity filter in SQL over `rec`, one record; `$3` is the value. */
const identitySql: Record<LogFilter['kind'], string> = {
  // A user name, or a role session's name: the last part of an assumed-role ARN (as LookupEvents'
  // Username matches it); the root user as "root".
  user: `(rec.userIdentity.userName = $3 OR suffix(rec.userIdentity.arn, '/' || $3) OR ($3 = 'root' AND rec.userIdentity."type" = 'Root'))`,
  accessKey: `rec.userIdentity.accessKeyId = $3`,
  ip: `rec.sourceIPAddress = $3`,
};

/** The value the filter compares. */
export function filterValue(filter: LogFilter): string {
  return filter.kind === 'user' ? filter.userName : filter.kind === 'accessKey' ? filter.accessKeyId : filter.address;
}

/**
 * The query over some log files: the file, the position in its `Records` (1-based), the region
 * and the eventID of each record that matches. Paths and regions are literals (a table function
 * takes no parameters), quotes doubled. Parameters: $1 start ms, $2 end ms, $3 the filter's value.
 */
export function logFilesSql(
  files: readonly { path: string; textBytes: number }[],
  filter: LogFilter,
  regions: readonly string[],
  objectSize?: number,
): string {
  const inRegions = regions.length ? `rec.awsRegion IN (${regions.map(literal).join(', ')})` : 'true';
  const size = objectSize ?? objectSizeFor(files);
  return `SELECT filename, position, rec.awsRegion AS region, rec.eventID AS event_id
FROM (
  SELECT filename, unnest(Records) AS rec, generate_subscripts(Records, 1) AS position
  FROM read_json([${files.map((file) => literal(file.path)).join(', ')}], columns = {Records: '${RECORD_SCHEMA}'},
    format = 'auto', filename = true, maximum_object_size = ${size})
)
WHERE ${identitySql[filter.kind]}
  AND epoch_ms(try_cast(rec.eventTime AS TIMESTAMPTZ)) BETWEEN $1 AND $2
  AND ${inRegions}`;
}

/** The object size a file is retried with when its batch failed (a size read wrong, say). */
export const LARGEST_OBJECT = 128 * MB;

/**
 * The largest JSON value DuckDB takes from these files: the whole `{"Records":[...]}` is one value,
 * so it must hold the largest file's text. DuckDB sets aside buffers of this size for each file it
 * reads, and their cost dominates a small file's query, so it is fitted to the files read.
 */
export function objectSizeFor(files: readonly { textBytes: number }[]): number {
  const largest = Math.max(...files.map((file) => file.textBytes));
  return Math.min(Math.ceil((largest + 64 * 1024) / 65536) * 65536, LARGEST_OBJECT);
}

/** A SQL string literal: the text between single quotes, each quote doubled. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
