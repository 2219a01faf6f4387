import type { NormalizedEvent } from '../records/types';
import { chooseBucketSize, maxBuckets } from './bucket-size';

/** The stacks of a timeline bar. Each event counts in exactly one: flagged first, then error, read, write. */
export type TimelineStack = 'flagged' | 'error' | 'read' | 'write';

/** One bar of the timeline: the half-open time range [start, end) and its counts per stack. */
export interface TimelineBucket {
  start: number;
  end: number;
  read: number;
  write: number;
  error: number;
  flagged: number;
  total: number;
}

export interface Timeline {
  sizeMs: number;
  start: number;
  end: number;
  buckets: TimelineBucket[];
}

/** The stack an event counts in. */
export function stackOf(event: NormalizedEvent, isFlagged: (event: NormalizedEvent) => boolean): TimelineStack {
  if (isFlagged(event)) return 'flagged';
  if (event.category === 'error') return 'error';
  return event.category;
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

/**
 * Counts events per bucket over [start, end], with the bucket width chosen so that there are at
 * most `limit` buckets. Buckets are aligned to multiples of their width (so "1 h" buckets start
 * on the hour, UTC). Events outside the range or without a time are left out.
 */
export function bucketEvents(
  events: readonly NormalizedEvent[],
  range: { start: number; end: number },
  isFlagged: (event: NormalizedEvent) => boolean,
  limit = maxBuckets,
): Timeline {
  // One bucket fewer than the limit: aligning to whole widths can add one at the edges.
  const sizeMs = chooseBucketSize(range.end - range.start, limit - 1);
  const first = Math.floor(range.start / sizeMs) * sizeMs;
  const count = Math.floor(range.end / sizeMs) - first / sizeMs + 1;
  // Counted in flat arrays, one slot per bucket and stack, and turned into objects once at the
  // end: this runs over every event on each keystroke and brush, so it does as little as it can.
  const counts = new Int32Array(count * 4);
  const { start, end } = range;
  // An index loop: this also runs before V8 has optimised it (the first keystroke after the
  // data arrives), where an iterator costs more than the rest of the body.
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const time = event.time;
    if (!(time >= start && time <= end)) continue; // also skips NaN
    const index = Math.floor((time - first) / sizeMs);
    if (index < 0 || index >= count) continue;
    const stack = isFlagged(event) ? 3 : event.category === 'error' ? 2 : event.category === 'write' ? 1 : 0;
    counts[index * 4 + stack]! += 1;
  }
  const buckets: TimelineBucket[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const read = counts[i * 4]!;
    const write = counts[i * 4 + 1]!;
    const error = counts[i * 4 + 2]!;
    const flagged = counts[i * 4 + 3]!;
    buckets[i] = { start: first + i * sizeMs, end: first + (i + 1) * sizeMs, read, write, error, flagged, total: read + write + error + flagged };
  }
  return { sizeMs, start: first, end: first + count * sizeMs, buckets };
}
