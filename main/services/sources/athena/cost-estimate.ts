import { partitionPrefix } from './table-info';

/** Athena's price: $5 a terabyte scanned (2^40 bytes), each query billed at least 10 MB, rounded up to the megabyte. */
export const USD_PER_TB = 5;
const TB = 2 ** 40;
const MB = 2 ** 20;
export const MINIMUM_BILLED_BYTES = 10 * MB;

/** The threshold above which a query waits for --yes, unless the analyst sets another. */
export const DEFAULT_MAX_COST_USD = 1;

/** What a query will scan at most (every object of the partitions it reads) and what that costs. */
export interface CostEstimate {
  partitions: number;
  objects: number;
  bytes: number;
  billedBytes: number;
  usd: number;
}

/** The bill for `bytes` scanned: rounded up to the megabyte, 10 MB at least, at $5 a TB. */
export function costOf(bytes: number): { billedBytes: number; usd: number } {
  const billedBytes = Math.max(MINIMUM_BILLED_BYTES, Math.ceil(bytes / MB) * MB);
  return { billedBytes, usd: (billedBytes / TB) * USD_PER_TB };
}

/** A listing of objects under a prefix (the S3 module's listObjects, bound to a connection). */
export type ListObjects = (bucket: string, prefix: string, signal?: AbortSignal) => AsyncIterable<{ key: string; size: number }>;

/** Day folders listed at once: a 90-day range is 91 listings, each a round trip to S3. */
export const LISTING_CONCURRENCY = 8;

/**
 * The estimate before a query runs: the sizes of the objects in each day's partition folder (the
 * table's storage template), listed in S3, eight folders at a time. Athena reads whole gzip
 * objects, so this is what it scans when only the partition bound prunes; the eventtime and
 * identity filters do not lower it.
 */
export async function estimateCost(list: ListObjects, template: string, days: readonly string[], signal?: AbortSignal): Promise<CostEstimate> {
  let [objects, bytes, next] = [0, 0, 0];
  async function worker(): Promise<void> {
    while (next < days.length) {
      const { bucket, prefix } = partitionPrefix(template, days[next++]!);
      for await (const object of list(bucket, prefix, signal)) {
        objects += 1;
        bytes += object.size;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(LISTING_CONCURRENCY, days.length) }, worker));
  return { partitions: days.length, objects, bytes, ...costOf(bytes) };
}

/** "12.3 MB (billed 12.3 MB): $0.0001" — the words the CLI and the app show. */
export function describeCost(estimate: Pick<CostEstimate, 'bytes' | 'billedBytes' | 'usd'>): string {
  const size = (value: number) => (value >= 1024 * MB ? `${(value / (1024 * MB)).toFixed(2)} GB` : `${(value / MB).toFixed(1)} MB`);
  const usd = estimate.usd < 0.01 ? `$${estimate.usd.toFixed(6)}` : `$${estimate.usd.toFixed(2)}`;
  return `${size(estimate.bytes)} (billed ${size(estimate.billedBytes)}): ${usd}`;
}
