import { ApiError } from '../../../../shared/api/errors';
import type { LogFilter } from '../log-files/log-query';
import { SELECTED_COLUMNS } from './record-columns';

const DAY_MS = 86_400_000;

/**
 * A string literal in SQL. Trust boundary: every value in a query (a user name, a key, an address,
 * a region) comes from the analyst or from event data, so quotes are doubled and control
 * characters are refused (no engine reads them the same way, and none belongs in these values).
 */
export function sqlString(value: string): string {
  // eslint-disable-next-line no-control-regex -- the check is for raw control characters
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value))
    throw new ApiError('BAD_INPUT', `${JSON.stringify(value)} holds a control character: it cannot be put in an Athena query.`);
  return `'${value.replaceAll("'", "''")}'`;
}

/** A LIKE pattern: `value` matched literally (its backslash, `%` and `_` escaped) between two wildcard parts. */
function likePattern(before: string, value: string, after: string): string {
  return `${sqlString(`${before}${value.replace(/[\\%_]/g, (char) => `\\${char}`)}${after}`)} ESCAPE '\\'`;
}

/** An Athena database or table name: letters, digits and underscores, as Athena allows them. */
export function athenaName(name: string): string {
  if (!/^[A-Za-z0-9_]{1,255}$/.test(name))
    throw new ApiError('BAD_INPUT', `${JSON.stringify(name)} is not an Athena database or table name (letters, digits and _ only).`);
  return name.toLowerCase();
}

/** `athena:DATABASE.TABLE` as its two names. */
export function parseAthenaSource(source: string): { database: string; table: string } {
  const match = /^athena:([^.]+)\.([^.]+)$/.exec(source);
  if (!match) throw new ApiError('BAD_INPUT', `${JSON.stringify(source)} is not athena:DATABASE.TABLE.`);
  return { database: athenaName(match[1]!), table: athenaName(match[2]!) };
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10).replaceAll('-', '/');

/**
 * The `timestamp` partitions (yyyy/MM/dd, UTC) a range needs: its days, and the day after it,
 * since CloudTrail files a record under the day it delivered it, minutes after the event.
 */
export function partitionDays(range: { start: number; end: number }): string[] {
  const days: string[] = [];
  const last = Math.floor(range.end / DAY_MS) + 1;
  for (let day = Math.floor(range.start / DAY_MS); day <= last; day += 1) days.push(dayOf(day * DAY_MS));
  return days;
}

/** Whose records: the log-file engine's filters (the pivots' role and resource included). */
export type AthenaFilter = LogFilter | { kind: 'role'; roleName: string } | { kind: 'resource'; resource: string };

/** The filter's condition over the documented columns (the same meaning as the log-file engine's). */
function filterSql(filter: AthenaFilter): string {
  switch (filter.kind) {
    case 'accessKey':
      return `useridentity.accesskeyid = ${sqlString(filter.accessKeyId)}`;
    case 'ip':
      return `sourceipaddress = ${sqlString(filter.address)}`;
    case 'role':
      // Any session of the role: its session issuer's name, or the role's name in the session ARN.
      return `(useridentity.sessioncontext.sessionissuer.username = ${sqlString(filter.roleName)} OR useridentity.arn LIKE ${likePattern(`%:assumed-role/`, filter.roleName, '/%')})`;
    case 'resource':
      // An ARN in resources, or a string value of requestParameters: searched as quoted JSON text.
      return `(strpos(json_format(CAST(resources AS JSON)), ${sqlString(JSON.stringify(filter.resource))}) > 0 OR strpos(requestparameters, ${sqlString(JSON.stringify(filter.resource))}) > 0)`;
    case 'user': {
      // A user name, or a role session's name (the last part of an assumed-role ARN, as
      // LookupEvents' Username matches it); the root user as "root".
      const root = filter.userName === 'root' ? ` OR useridentity.type = 'Root'` : '';
      return `(useridentity.username = ${sqlString(filter.userName)} OR useridentity.arn LIKE ${likePattern('%/', filter.userName, '')}${root})`;
    }
  }
}

const iso = (ms: number) => sqlString(new Date(ms).toISOString());

/**
 * The query for one identity's (or one address's) records between two times. Always bounded on
 * the partition column (the only bound that limits what Athena scans and bills) as well as on
 * `eventtime`; only the documented columns and common functions, so another engine runs it too.
 */
export function recordsQuery(target: { database: string; table: string }, filter: AthenaFilter, range: { start: number; end: number }, regions: readonly string[] = []): string {
  const days = partitionDays(range);
  const inRegions = regions.length ? `\n  AND awsregion IN (${regions.map(sqlString).join(', ')})` : '';
  return `SELECT ${SELECTED_COLUMNS.map((column) => `${column.sql} AS ${column.alias}`).join(',\n  ')}
FROM "${athenaName(target.database)}"."${athenaName(target.table)}"
WHERE "timestamp" BETWEEN ${sqlString(days[0]!)} AND ${sqlString(days.at(-1)!)}
  AND from_iso8601_timestamp(eventtime) BETWEEN from_iso8601_timestamp(${iso(range.start)}) AND from_iso8601_timestamp(${iso(range.end)})
  AND ${filterSql(filter)}${inRegions}
ORDER BY eventtime`;
}
