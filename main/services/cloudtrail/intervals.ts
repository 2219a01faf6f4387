/** Closed time intervals [start, end] in ms, kept sorted and merged. */
export type Interval = [number, number];

/** Adds one interval, merging those it overlaps or touches (a gap of even 1 ms stays a gap). */
export function addInterval(intervals: Interval[], added: Interval): Interval[] {
  const all = [...intervals, added].sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of all) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * The parts of [start, end] no interval covers. A gap keeps the covered edges (the service's
 * bounds are inclusive at second precision), so no event on an edge can fall between two parts.
 */
export function missingParts(start: number, end: number, covered: Interval[]): Interval[] {
  const parts: Interval[] = [];
  let from = start;
  for (const [a, b] of [...covered].sort((x, y) => x[0] - y[0])) {
    if (b < from || a > end) continue;
    if (a > from) parts.push([from, a]);
    from = Math.max(from, b);
    if (from >= end) break;
  }
  if (from < end) parts.push([from, end]);
  return parts.filter(([a, b]) => b > a);
}
