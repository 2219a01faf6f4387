/**
 * Whose records a log-file fetch keeps: one identity, every identity behind one address, every
 * session of one role, or every event that names one resource (the pivots "who else").
 */
export type LogFilter =
  | { kind: 'user'; userName: string }
  | { kind: 'accessKey'; accessKeyId: string }
  | { kind: 'ip'; address: string }
  /** Any session of the role: its session issuer's name, or `:assumed-role/NAME/` in the ARN. */
  | { kind: 'role'; roleName: string }
  /** An ARN in `resources[].ARN`, or a string value (a bucket name, an ARN) of `requestParameters`. */
  | { kind: 'resource'; resource: string };

/** What the worker is asked: the filter, the range in epoch ms, and the regions (none: every one). */
export interface LogQuery {
  filter: LogFilter;
  start: number;
  end: number;
  regions: string[];
}

/** The value the filter compares. */
export function filterValue(filter: LogFilter): string {
  switch (filter.kind) {
    case 'user':
      return filter.userName;
    case 'accessKey':
      return filter.accessKeyId;
    case 'ip':
      return filter.address;
    case 'role':
      return filter.roleName;
    case 'resource':
      return filter.resource;
  }
}

/**
 * The schema each candidate record is read with: only the fields the filters need. Explicit,
 * never inferred (inference types eventID as UUID and then fails on the next file); a field of
 * another type than given reads as NULL, so an odd record cannot fail the query.
 */
const RECORD_SCHEMA = JSON.stringify({
  eventTime: 'VARCHAR',
  eventID: 'VARCHAR',
  awsRegion: 'VARCHAR',
  sourceIPAddress: 'VARCHAR',
  userIdentity: {
    type: 'VARCHAR',
    userName: 'VARCHAR',
    arn: 'VARCHAR',
    accessKeyId: 'VARCHAR',
    sessionContext: { sessionIssuer: { type: 'VARCHAR', userName: 'VARCHAR' } },
  },
  resources: [{ ARN: 'VARCHAR' }],
  requestParameters: 'JSON',
});

/** Each filter in SQL over `rec`, one record; `$3` is the value. */
const filterSql: Record<LogFilter['kind'], string> = {
  // A user name, or a role session's name: the last part of an assumed-role ARN (as LookupEvents'
  // Username matches it); the root user as "root".
  user: `(rec.userIdentity.userName = $3 OR suffix(rec.userIdentity.arn, '/' || $3) OR ($3 = 'root' AND rec.userIdentity."type" = 'Root'))`,
  accessKey: `rec.userIdentity.accessKeyId = $3`,
  ip: `rec.sourceIPAddress = $3`,
  role: `((rec.userIdentity.sessionContext.sessionIssuer."type" = 'Role' AND rec.userIdentity.sessionContext.sessionIssuer.userName = $3)
    OR contains(rec.userIdentity.arn, ':assumed-role/' || $3 || '/'))`,
  // A string anywhere in the request's parameters, at any depth (json_tree walks them), not a key.
  resource: `(list_contains(list_transform(rec.resources, (r) -> r.ARN), $3)
    OR EXISTS (SELECT 1 FROM json_tree(rec.requestParameters) AS node WHERE node."type" = 'VARCHAR' AND (node.atom ->> '$') = $3))`,
};

/** The table the worker appends each batch's candidate records to: (id, raw). */
export const CANDIDATES_TABLE = 'candidates';

/**
 * The query over a batch of candidate records (those whose text holds the filter's value): the id
 * of each record that is not valid JSON (`valid` false) or that matches, with its region and
 * eventID. Regions are literals, quotes doubled. Parameters: $1 start ms, $2 end ms, $3 the value.
 */
export function candidatesSql(filter: LogFilter, regions: readonly string[]): string {
  const inRegions = regions.length ? `rec.awsRegion IN (${regions.map(literal).join(', ')})` : 'true';
  return `SELECT id, valid, rec.awsRegion AS region, rec.eventID AS event_id
FROM (
  SELECT id, valid, CASE WHEN valid THEN json_transform(raw, ${literal(RECORD_SCHEMA)}) END AS rec
  FROM (SELECT id, raw, json_valid(raw) AS valid FROM ${CANDIDATES_TABLE})
)
WHERE NOT valid OR (${filterSql[filter.kind]}
  AND epoch_ms(try_cast(rec.eventTime AS TIMESTAMPTZ)) BETWEEN $1 AND $2
  AND ${inRegions})`;
}

/** A SQL string literal: the text between single quotes, each quote doubled. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
