import type { NormalizedEvent } from '../records/types';
import type { Severity } from '../rules/types';
import { chooseBucketSize, maxBuckets } from './bucket-size';
import { countsBetween, indexEvents, kindCount, positionOf, severities } from './timeline-index';
import type { SeverityOf, TimelineIndex } from './timeline-index';

/**
 * One bar of the timeline: the half-open time range [start, end) and its counts. Read, write and
 * error divide the events (`total` is their sum); flagged counts the same events again, by the
 * highest severity among each event's flags, so a flagged write is a write and flagged.
 */
export interface TimelineBucket {
  start: number;
  end: number;
  read: number;
  write: number;
  error: number;
  total: number;
  flagged: number;
  /** Flagged events by their highest severity. */
  bySeverity: Record<Severity, number>;
  /** The highest severity flagged in the bucket, or null when none is. */
  severity: Severity | null;
}

export interface Timeline {
  sizeMs: number;
  start: number;
  end: number;
  buckets: TimelineBucket[];
}

/** The time range the events span (ignoring events without a valid time), or null when none has one. */
export function extentOf(events: readonly NormalizedEvent[]): { start: number; end: number } | null {
  let start = Infinity;
  let end = -Infinity;
  for (const event of events) {
    if (Number.isNaN(event.time)) continue;
    if (event.time < start) start = event.time;
    if (event.time > end) end = event.time;
  }
  return start <= end ? { start, end } : null;
}

function bucketOf(start: number, end: number, counts: Int32Array): TimelineBucket {
  const [read, write, error] = [counts[0]!, counts[1]!, counts[2]!];
  const bySeverity = { info: counts[3]!, low: counts[4]!, medium: counts[5]!, high: counts[6]!, critical: counts[7]! };
  let severity: Severity | null = null;
  let flagged = 0;
  for (const name of severities) {
    flagged += bySeverity[name];
    if (bySeverity[name] > 0) severity = name;
  }
  return { start, end, read, write, error, total: read + write + error, flagged, bySeverity, severity };
}

/**
 * Counts the indexed events per bucket over [start, end], with the bucket width chosen so that
 * there are at most `limit` buckets. Buckets are aligned to multiples of their width (so "1 h"
 * buckets start on the hour, UTC). Events outside the range are left out. It reads the index
 * at each bucket edge only, so a brush re-buckets in well under a millisecond.
 */
export function bucketIndex(index: TimelineIndex, range: { start: number; end: number }, limit = maxBuckets): Timeline {
  // One bucket fewer than the limit: aligning to whole widths can add one at the edges.
  const sizeMs = chooseBucketSize(range.end - range.start, limit - 1);
  const first = Math.floor(range.start / sizeMs) * sizeMs;
  const count = Math.floor(range.end / sizeMs) - first / sizeMs + 1;
  const low = positionOf(index.times, range.start);
  const high = positionOf(index.times, range.end, false);
  const counts = new Int32Array(kindCount);
  const buckets: TimelineBucket[] = new Array(count);
  let from = low;
  for (let i = 0; i < count; i++) {
    const end = first + (i + 1) * sizeMs;
    const to = i === count - 1 ? high : Math.min(Math.max(positionOf(index.times, end), low), high);
    buckets[i] = bucketOf(first + i * sizeMs, end, countsBetween(index, from, Math.max(from, to), counts));
    from = Math.max(from, to);
  }
  return { sizeMs, start: first, end: first + count * sizeMs, buckets };
}

/** Indexes the events and buckets them over a range in one call (see bucketIndex). */
export function bucketEvents(
  events: readonly NormalizedEvent[],
  range: { start: number; end: number },
  severityOf: SeverityOf,
  limit = maxBuckets,
): Timeline {
  return bucketIndex(indexEvents(events, severityOf), range, limit);
}

/** Adjacent buckets taken as one (a selection of bars): their span and summed counts. */
export function mergeBuckets(buckets: readonly TimelineBucket[]): TimelineBucket | null {
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  if (!first || !last) return null;
  const counts = new Int32Array(kindCount);
  for (const b of buckets) {
    const values = [b.read, b.write, b.error, ...severities.map((severity) => b.bySeverity[severity])];
    values.forEach((value, k) => (counts[k]! += value));
  }
  return bucketOf(first.start, last.end, counts);
}
