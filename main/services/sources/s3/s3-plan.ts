import { listObjects, listPrefixes } from './s3-client';
import type { S3Connection, S3Object } from './s3-client';
import { childKind, datePrefixes, isLogKey, keyInScope, positionOf, REGION } from './s3-layout';
import type { S3Scope } from './s3-layout';

/** Listing calls in flight at once. */
const LISTINGS_AT_ONCE = 4;

export interface S3Plan {
  /** The log-file objects to read, in key order. */
  objects: S3Object[];
  /** Prefixes listed (delimiter listings of the layout's levels and the day folders). */
  prefixesListed: number;
  /** Whether the objects follow the trail layout (pruned by region and day) or were read flat. */
  layout: 'trail' | 'flat';
}

export interface PlanOptions {
  signal?: AbortSignal;
  onListed?: (listed: { prefixes: number; objects: number; bytes: number }) => void;
}

/** Runs `task` on every item, `limit` at a time, in order of start. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * The trail's log-file objects under `s3://bucket/prefix` that can hold events of the scope. The
 * layout is found level by level with delimiter listings (`AWSLogs/`, the `o-…` organisation level
 * if there is one, each account's `CloudTrail/`, its regions), then only the day folders of the
 * regions and dates asked are listed: a bounded range never lists the whole bucket. A prefix that
 * is not in the layout (no `AWSLogs/` below it) is listed whole and its `.json`/`.json.gz` read.
 */
export async function planObjects(s3: S3Connection, bucket: string, prefix: string, scope: S3Scope, options: PlanOptions = {}): Promise<S3Plan> {
  const { signal } = options;
  const found: S3Object[] = [];
  let prefixes = 0;
  let bytes = 0;
  const report = () => options.onListed?.({ prefixes, objects: found.length, bytes });
  const children = async (folder: string) => {
    const answer = await listPrefixes(s3, bucket, folder, signal);
    prefixes += 1;
    report();
    return answer;
  };
  const collect = async (folder: string, keep: (key: string) => boolean) => {
    for await (const object of listObjects(s3, bucket, folder, signal)) {
      if (!keep(object.key)) continue;
      found.push(object);
      bytes += object.size;
    }
    prefixes += 1;
    report();
  };

  let position = positionOf(prefix);
  if (position.level === 'above' && (await children(prefix)).includes(`${prefix}AWSLogs/`)) position = positionOf(`${prefix}AWSLogs/`);
  if (position.level === 'above' || position.level === 'other') {
    await collect(prefix, isLogKey);
    return { objects: found.sort(byKey), prefixesListed: prefixes, layout: 'flat' };
  }

  // The accounts' `CloudTrail/` folders, with what the URL fixed below them.
  const trails: { base: string; within: string[] }[] = [];
  if (position.level === 'cloudtrail') trails.push({ base: position.base, within: position.within });
  else {
    const accounts: string[] = position.level === 'account' ? [position.base] : [];
    const organisations: string[] = position.level === 'organisation' ? [position.base] : [];
    if (position.level === 'awslogs')
      for (const child of await children(position.base)) {
        const kind = childKind(child);
        if (kind === 'account') accounts.push(child);
        if (kind === 'organisation') organisations.push(child);
      }
    await eachLimited(organisations, LISTINGS_AT_ONCE, async (organisation) => {
      for (const child of await children(organisation)) if (childKind(child) === 'account') accounts.push(child);
    });
    trails.push(...accounts.sort().map((account) => ({ base: `${account}CloudTrail/`, within: [] })));
  }

  const folders: { base: string; folder: string }[] = [];
  await eachLimited(trails, LISTINGS_AT_ONCE, async ({ base, within }) => {
    const [fixedRegion, ...fixedDate] = within;
    let regions: string[];
    if (fixedRegion) regions = scope.regions.length && !scope.regions.includes(fixedRegion) ? [] : [fixedRegion];
    else if (scope.regions.length) regions = [...scope.regions];
    else regions = (await children(base)).map((child) => child.slice(base.length, -1)).filter((name) => REGION.test(name));
    for (const folder of datePrefixes(regions, scope, fixedDate)) folders.push({ base, folder: `${base}${folder}` });
  });
  await eachLimited(folders, LISTINGS_AT_ONCE, ({ base, folder }) => collect(folder, (key) => keyInScope(key, base, scope)));
  return { objects: found.sort(byKey), prefixesListed: prefixes, layout: 'trail' };
}

const byKey = (a: S3Object, b: S3Object) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key));
