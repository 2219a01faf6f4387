import { ApiError } from '../../../../shared/api/errors';

/** What limits the objects listed: regions (none: every region) and the time range in epoch ms. */
export interface S3Scope {
  regions: readonly string[];
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
/** Ranges longer than this are listed by month (then cut by day), not by day. */
const MAX_DAY_LISTINGS = 62;
export const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;
const ORGANISATION = /^o-[a-z0-9]{10,32}$/;

/**
 * `s3://BUCKET/PREFIX` as bucket and prefix. The prefix names a folder: a trailing `/` is added,
 * so `s3://b/AWSLogs` never reaches `AWSLogs2/`. Bucket names follow S3's rules.
 */
export function parseS3Url(url: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]*)\/?(.*)$/s.exec(url);
  const bucket = match?.[1] ?? '';
  if (!match || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new ApiError('BAD_INPUT', `${url.slice(0, 200)} is not s3://BUCKET/PREFIX with an S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens).`);
  const prefix = match[2] ?? '';
  return { bucket, prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/` };
}

/** Whether the range is bounded (a fetch without --since or --start/--end reads every date). */
export const isBounded = (scope: S3Scope) => scope.start > 0 && scope.end < 8e15;

/**
 * The folders to list under one account's `…/CloudTrail/` for the scope: with a bounded range,
 * one prefix per region and day (or month, for long ranges, cut by day afterwards), from the
 * range's first day to the day after its end (CloudTrail files a record under the day it
 * delivered it, a few minutes late); unbounded, each region's folder whole. `fixedDate` is what
 * the URL already fixed below the region (`2026/03`), so a URL naming a day lists only that day.
 */
export function datePrefixes(regions: readonly string[], scope: S3Scope, fixedDate: readonly string[] = []): string[] {
  if (!isBounded(scope)) return regions.map((region) => [region, ...fixedDate, ''].join('/'));
  const first = Math.floor(scope.start / DAY_MS) * DAY_MS;
  const last = Math.floor(scope.end / DAY_MS) * DAY_MS + DAY_MS;
  const byMonth = (last - first) / DAY_MS + 1 > MAX_DAY_LISTINGS && fixedDate.length < 3;
  const folders = new Set<string>();
  for (let day = first; day <= last; day += DAY_MS) {
    const [year, month, date] = new Date(day).toISOString().slice(0, 10).split('-') as [string, string, string];
    const parts = byMonth ? [year, month] : [year, month, date];
    if (fixedDate.every((part, index) => (parts[index] ?? part) === part)) folders.add([...parts, ...fixedDate.slice(parts.length)].join('/'));
  }
  return regions.flatMap((region) => [...folders].map((folder) => `${region}/${folder}/`));
}

/** Where a prefix sits in `…AWSLogs/[o-ORG/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/`. */
export type LayoutPosition =
  | { level: 'above' }
  | { level: 'awslogs'; base: string }
  | { level: 'organisation'; base: string }
  | { level: 'account'; base: string }
  | { level: 'cloudtrail'; base: string; within: string[] }
  | { level: 'other' };

/** The layout level of a prefix (ending in `/`), from its segments after the last `AWSLogs`. */
export function positionOf(prefix: string): LayoutPosition {
  const segments = prefix.split('/').slice(0, -1);
  const at = segments.lastIndexOf('AWSLogs');
  if (at < 0) return { level: 'above' };
  const rest = segments.slice(at + 1);
  const base = `${segments.slice(0, at + 1).join('/')}/`;
  const organisation = rest[0] && ORGANISATION.test(rest[0]) ? 1 : 0;
  const account = rest[organisation];
  const tail = `${base}${rest.slice(0, organisation + 1).join('/')}/`;
  if (rest.length === 0) return { level: 'awslogs', base };
  if (organisation && rest.length === 1) return { level: 'organisation', base: tail };
  if (!account || !ACCOUNT.test(account)) return { level: 'other' };
  if (rest.length === organisation + 1) return { level: 'account', base: tail };
  if (rest[organisation + 1] !== 'CloudTrail') return { level: 'other' };
  return { level: 'cloudtrail', base: `${tail}CloudTrail/`, within: rest.slice(organisation + 2) };
}

/** Whether a child folder of `AWSLogs/` is an organisation (`o-…/`) or an account (`123456789012/`). */
export const childKind = (folder: string): 'organisation' | 'account' | null => {
  const name = folder.split('/').at(-2) ?? '';
  return ORGANISATION.test(name) ? 'organisation' : ACCOUNT.test(name) ? 'account' : null;
};

/** A log file by name: CloudTrail writes `.json.gz`; `.json` is read too, as in a folder. */
export const isLogKey = (key: string) => key.endsWith('.json.gz') || key.endsWith('.json');

/**
 * Whether an object listed under a layout folder can hold an event of the scope: a log file in a
 * `REGION/YYYY/MM/DD/` folder of a region asked and a day from the range's first to the day after
 * its end. Digest and Insights folders sit beside `CloudTrail/` and are never listed.
 */
export function keyInScope(key: string, cloudTrailBase: string, scope: S3Scope): boolean {
  if (!isLogKey(key) || !key.startsWith(cloudTrailBase)) return false;
  const [region, year, month, day, ...name] = key.slice(cloudTrailBase.length).split('/');
  if (!region || !REGION.test(region) || name.length !== 1) return false;
  if (scope.regions.length && !scope.regions.includes(region)) return false;
  if (!isBounded(scope)) return true;
  const from = Date.UTC(Number(year), Number(month) - 1, Number(day));
  return !Number.isNaN(from) && from + DAY_MS > scope.start && from <= scope.end + DAY_MS;
}
