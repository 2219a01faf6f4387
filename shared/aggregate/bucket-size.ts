const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

/** Bucket widths a reader can name ("5 min", "1 h"), smallest first. */
export const bucketSteps: readonly number[] = [
  second,
  5 * second,
  10 * second,
  30 * second,
  minute,
  5 * minute,
  10 * minute,
  15 * minute,
  30 * minute,
  hour,
  2 * hour,
  3 * hour,
  6 * hour,
  12 * hour,
  day,
  2 * day,
  7 * day,
  14 * day,
  30 * day,
];

/** The timeline never draws more bars than this, however many events there are. */
export const maxBuckets = 500;

/**
 * The smallest named bucket width that covers `spanMs` in at most `limit` buckets. Past the
 * largest named step it grows in whole days, so the limit holds for any span.
 */
export function chooseBucketSize(spanMs: number, limit = maxBuckets): number {
  const span = Math.max(spanMs, 1);
  for (const step of bucketSteps) if (Math.ceil(span / step) <= limit) return step;
  return Math.ceil(span / limit / day) * day;
}

/** A short label for a bucket width: `30 s`, `5 min`, `3 h`, `1 d`. */
export function bucketLabel(sizeMs: number): string {
  if (sizeMs < minute) return `${sizeMs / second} s`;
  if (sizeMs < hour) return `${sizeMs / minute} min`;
  if (sizeMs < day) return `${sizeMs / hour} h`;
  return `${sizeMs / day} d`;
}
